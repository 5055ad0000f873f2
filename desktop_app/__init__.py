"""Suivi FSL: housing-support measures of the FSL du Pas-de-Calais."""

__version__ = "0.1.0"
