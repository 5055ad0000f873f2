"""What the Logements ALT screen shows, read off the GUI thread (no Qt here): each home, who
lives there today (the stays of the FAL measures), or since when it is empty."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.model import Home, MeasureType
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


def load_homes(store: Store) -> tuple[list[Home], list[Occupation]]:
    occupations = []
    for row in store.measure_rows():
        if row.type is MeasureType.FAL:
            measure = store.measure(row.id)
            for stay in measure.stays if measure else []:
                occupations.append(Occupation(stay.home, row.id, row.household_name,
                                              stay.start, stay.end))
    return store.homes(), occupations


def home_lines(homes: list[Home], occupations: list[Occupation], today: date) -> list[HomeLine]:
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
