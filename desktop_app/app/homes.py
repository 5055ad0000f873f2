"""The homes query: what the « Logements ALT » screen shows (no Qt here; the window runs it
off the GUI thread): each home, who lives there on the day (the stays of the FAL measures),
or since when it is empty."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.model import Home

if TYPE_CHECKING:
    from desktop_app.store.api import Store


@dataclass(frozen=True)
class Occupation:
    home: str
    measure: str
    household: str
    start: date
    end: date | None


@dataclass(frozen=True)
class HomeLine:
    home: Home
    occupants: str
    since: date | None
    state: str


@dataclass(frozen=True)
class Homes:
    """Each home's line as of the day, and every stay recorded in a home."""

    lines: list[HomeLine]
    occupations: list[Occupation]

    def stays(self, home: str) -> list[Occupation]:
        """The stays in `home`, the latest entry first."""
        return sorted((o for o in self.occupations if o.home == home),
                      key=lambda o: o.start, reverse=True)


def homes(store: Store, today: date) -> Homes:
    """The homes as of `today` (`home_lines`) and the stays of the FAL measures."""
    recorded, occupations = load_homes(store)
    return Homes(home_lines(recorded, occupations, today), occupations)


def load_homes(store: Store) -> tuple[list[Home], list[Occupation]]:
    """The homes and the stays of every FAL measure, read in one transaction
    (`Store.homes_and_fal_measures`)."""
    recorded, measures = store.homes_and_fal_measures()
    occupations = [Occupation(stay.home, row.id, row.household_name, stay.start, stay.end)
                   for row, measure in measures for stay in measure.stays]
    return recorded, occupations


def home_lines(homes: list[Home], occupations: list[Occupation], today: date) -> list[HomeLine]:
    """Per home: occupied by whom since when, in a vacancy (justified or not), or empty
    (since the day after the last stay ended, with the days counted)."""
    lines = []
    for home in homes:
        stays = [o for o in occupations if o.home == home.id]
        now = [o for o in stays if o.start <= today and (o.end is None or today <= o.end)]
        if now:
            lines.append(HomeLine(home, ", ".join(o.household for o in now),
                                  min(o.start for o in now), "Occupé"))
            continue
        vacancy = next((v for v in home.vacancies if v.start <= today <= v.end), None)
        left = max((o.end for o in stays if o.end is not None and o.end < today), default=None)
        if vacancy is not None:
            state = "Vacance justifiée" if vacancy.justified else "Vacance non justifiée"
            lines.append(HomeLine(home, "—", vacancy.start, state))
        else:
            since = None if left is None else date.fromordinal(left.toordinal() + 1)
            days = "" if since is None else f" depuis {(today - since).days + 1} jours"
            lines.append(HomeLine(home, "—", since, f"Vide{days}"))
    return lines
