"""Real towns of the Pas-de-Calais, with their postcodes, grouped by territory of the
département (the eight territories of its social action: Arrageois, Artois, Audomarois,
Boulonnais, Calaisis, Hénin-Carvin, Lens-Liévin, Montreuillois-Ternois).

Weights roughly follow where FSL households live (the mining basin and the coast weigh most).
Street names are common French ones; numbers are drawn at random: addresses are fictitious.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from desktop_app.domain.model import Territory


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    postcode: str
    territory: Territory


_TERRITORIES: dict[Territory, tuple[int, tuple[tuple[str, str], ...]]] = {
    Territory.ARRAGEOIS: (11, (
        ("Arras", "62000"), ("Achicourt", "62217"), ("Beaurains", "62217"),
        ("Dainville", "62000"), ("Saint-Laurent-Blangy", "62223"), ("Saint-Nicolas", "62223"),
        ("Bapaume", "62450"), ("Avesnes-le-Comte", "62810"),
    )),
    Territory.ARTOIS: (17, (
        ("Béthune", "62400"), ("Bruay-la-Buissière", "62700"), ("Lillers", "62190"),
        ("Isbergues", "62330"), ("Auchel", "62260"), ("Nœux-les-Mines", "62290"),
        ("Barlin", "62620"), ("Beuvry", "62660"), ("Houdain", "62150"),
        ("Marles-les-Mines", "62540"),
    )),
    Territory.AUDOMAROIS: (9, (
        ("Saint-Omer", "62500"), ("Arques", "62510"), ("Longuenesse", "62219"),
        ("Aire-sur-la-Lys", "62120"), ("Blendecques", "62575"), ("Lumbres", "62380"),
        ("Wizernes", "62570"),
    )),
    Territory.BOULONNAIS: (12, (
        ("Boulogne-sur-Mer", "62200"), ("Outreau", "62230"), ("Le Portel", "62480"),
        ("Saint-Martin-Boulogne", "62280"), ("Wimereux", "62930"), ("Saint-Léonard", "62360"),
        ("Desvres", "62240"), ("Samer", "62830"), ("Marquise", "62250"),
    )),
    Territory.CALAISIS: (12, (
        ("Calais", "62100"), ("Coquelles", "62231"), ("Marck", "62730"), ("Guînes", "62340"),
        ("Ardres", "62610"), ("Oye-Plage", "62215"), ("Sangatte", "62231"),
        ("Audruicq", "62370"), ("Coulogne", "62137"),
    )),
    Territory.HENIN_CARVIN: (13, (
        ("Hénin-Beaumont", "62110"), ("Carvin", "62220"), ("Courrières", "62710"),
        ("Oignies", "62590"), ("Montigny-en-Gohelle", "62640"), ("Noyelles-Godault", "62950"),
        ("Rouvroy", "62320"), ("Dourges", "62119"), ("Leforest", "62790"),
        ("Libercourt", "62820"),
    )),
    Territory.LENS_LIEVIN: (18, (
        ("Lens", "62300"), ("Liévin", "62800"), ("Avion", "62210"), ("Harnes", "62440"),
        ("Bully-les-Mines", "62160"), ("Grenay", "62160"), ("Sallaumines", "62430"),
        ("Méricourt", "62680"), ("Noyelles-sous-Lens", "62221"), ("Loos-en-Gohelle", "62750"),
        ("Wingles", "62410"), ("Billy-Montigny", "62420"), ("Mazingarbe", "62670"),
    )),
    Territory.MONTREUILLOIS_TERNOIS: (8, (
        ("Montreuil-sur-Mer", "62170"), ("Berck", "62600"), ("Étaples", "62630"),
        ("Le Touquet-Paris-Plage", "62520"), ("Saint-Pol-sur-Ternoise", "62130"),
        ("Hesdin", "62140"), ("Cucq", "62780"), ("Rang-du-Fliers", "62180"),
        ("Frévent", "62270"),
    )),
}

#: The eight territories (codes), in alphabetical order.
TERRITORIES: tuple[Territory, ...] = tuple(sorted(_TERRITORIES))
#: Share of the households living in each territory (weights, same order as TERRITORIES).
TERRITORY_WEIGHTS: tuple[int, ...] = tuple(_TERRITORIES[t][0] for t in TERRITORIES)
#: Towns of each territory; the first one is the main town (weighted double).
TOWNS: dict[Territory, tuple[Town, ...]] = {
    territory: tuple(Town(name, postcode, territory) for name, postcode in towns)
    for territory, (_, towns) in _TERRITORIES.items()
}

STREETS: tuple[str, ...] = (
    "rue Jean Jaurès", "rue Victor Hugo", "rue de la République", "rue Pasteur",
    "avenue Léon Blum", "rue Émile Zola", "rue Roger Salengro", "rue Jules Guesde",
    "rue Raoul Briquet", "rue Gambetta", "rue Anatole France", "rue du Général de Gaulle",
    "rue de la Gare", "place de la Mairie", "rue des Écoles", "rue du Moulin",
    "rue Jean Moulin", "rue Paul Bert", "rue Édouard Vaillant", "rue Arthur Lamendin",
    "rue Lamartine", "rue des Tilleuls", "rue des Lilas", "rue des Rosiers",
    "allée des Peupliers", "résidence les Hortensias", "cité des Fleurs", "cité du 6",
    "rue Casimir Beugnet", "rue Voltaire", "rue de Lille", "rue d'Arras",
    "rue Louis Blanc", "boulevard Basly", "rue Marcel Cachin", "rue Pierre Brossolette",
)


def pick_town(rng: random.Random, territory: Territory) -> Town:
    """A town of `territory`, the main town twice as likely as each other one."""
    towns = TOWNS[territory]
    index = rng.randrange(len(towns) + 1)
    return towns[max(0, index - 1)]


def pick_street_address(rng: random.Random) -> str:
    """« 12 rue des Lilas », « 3 bis rue Pasteur »: a fictitious number on a common street."""
    number = rng.randint(1, 160)
    suffix = " bis" if rng.random() < 0.04 else ""
    return f"{number}{suffix} {rng.choice(STREETS)}"
