"""Layout of the SPSLH annual activity grid (data: `grille_spslh.json`)."""
