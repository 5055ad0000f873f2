"""Fictitious French names: households as « DUBOIS Hélène », workers as « Claire Martin ».

Surnames mix the most common French ones with those of the Nord–Pas-de-Calais (Flemish,
Picard, and those of the mining basin's Polish and North-African families). Any resemblance
with a real household is chance: names are drawn independently of towns.
"""

from __future__ import annotations

import random

SURNAMES: tuple[str, ...] = (
    "DUBOIS", "LEFEBVRE", "MARTIN", "DUPONT", "LEROY", "LECLERCQ", "DELATTRE", "CARON",
    "LEBLANC", "LEGRAND", "FONTAINE", "PRUVOST", "DELANNOY", "LEMAIRE", "DUHAMEL", "DECOCK",
    "DUQUESNE", "MERCIER", "LAMBERT", "GUILBERT", "HOCHART", "DEMAILLY", "DUPUIS", "POULAIN",
    "COUSIN", "CARPENTIER", "LEFRANC", "BOCQUET", "DUFLOS", "DELCROIX", "VASSEUR", "MASSON",
    "DEVULDER", "COUVREUR", "DEPREZ", "FLAMENT", "MAILLARD", "LECOMTE", "DUBUS", "DUMONT",
    "BERNARD", "PETIT", "ROBERT", "RICHARD", "DURAND", "MOREAU", "LAURENT", "SIMON",
    "MICHEL", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD",
    "ANDRE", "BONNET", "FRANCOIS", "MARTINEZ", "GARCIA", "LEVEAU", "BRIDOUX", "HENNEBERT",
    "WAWRZYNIAK", "KOWALSKI", "NOWAK", "SZYMANSKI", "WOZNIAK", "BENALI", "HAMDI", "AMRANI",
    "BOUZIANE", "MESSAOUDI", "SAIDI", "DA SILVA", "DOS SANTOS", "LAGACHE", "LEPRETRE",
    "TESTU", "OBRY", "BEAUCHAMP", "DELEPINE", "HERBAUT", "TAFFIN", "WATTEZ", "LOUCHART",
)

FEMALE: tuple[str, ...] = (
    "Hélène", "Marie", "Nathalie", "Sandrine", "Isabelle", "Céline", "Aurélie", "Virginie",
    "Jessica", "Laetitia", "Sabrina", "Émilie", "Julie", "Sarah", "Manon", "Laura", "Camille",
    "Chloé", "Océane", "Amandine", "Mélanie", "Stéphanie", "Karine", "Valérie", "Sylvie",
    "Monique", "Françoise", "Nadia", "Fatima", "Samia", "Yasmina", "Inès", "Léa", "Emma",
    "Jade", "Louise", "Lina", "Zoé", "Anaïs", "Coralie", "Séverine", "Ginette", "Justine",
)

MALE: tuple[str, ...] = (
    "Jean", "Michel", "Philippe", "Alain", "Patrick", "Christophe", "David", "Sébastien",
    "Frédéric", "Laurent", "Stéphane", "Nicolas", "Julien", "Mickaël", "Jérémy", "Kévin",
    "Dylan", "Anthony", "Thomas", "Lucas", "Hugo", "Théo", "Enzo", "Nathan", "Louis",
    "Gabriel", "Jules", "Karim", "Mehdi", "Rachid", "Mohamed", "Yanis", "Bruno", "Didier",
    "Thierry", "Pascal", "Gérard", "Dominique", "Éric", "Franck", "Ludovic", "Jordan",
)

#: First names of the social workers: a separate list so that a worker rarely shares a
#: household's full name.
WORKER_FIRST: tuple[str, ...] = (
    "Claire", "Sophie", "Élodie", "Caroline", "Audrey", "Pauline", "Marion", "Charlotte",
    "Mathilde", "Lucie", "Delphine", "Agnès", "Bénédicte", "Estelle", "Morgane", "Fanny",
    "Karim", "Olivier", "Vincent", "Guillaume", "Romain", "Benoît", "Samir", "Arnaud",
)


def first_name(rng: random.Random, female: bool) -> str:
    return rng.choice(FEMALE if female else MALE)


def surname(rng: random.Random) -> str:
    return rng.choice(SURNAMES)


def household_name(family: str, first: str) -> str:
    """« DUBOIS Hélène »: surname in capitals, then the first name."""
    return f"{family} {first}"


def worker_name(rng: random.Random) -> str:
    """« Claire Martin »: first name, then the surname with a capital initial only."""
    family = rng.choice(SURNAMES)
    shown = " ".join(part.capitalize() for part in family.split(" "))
    return f"{rng.choice(WORKER_FIRST)} {shown}"
