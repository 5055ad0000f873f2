"""The homes query: what the « Logements ALT » screen shows (no Qt here; the window runs it
off the GUI thread): each home, who lives there on the day (the stays of the FAL measures),
or since when it is empty."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.alerts.vacancy import (
    empty_since,
    in_justified_vacancy,
    is_long,
    occupied_days,
)
from desktop_app.domain.charts import BarChart, Reference
from desktop_app.domain.funding.occupancy import MAX_PAID_GAP_DAYS
from desktop_app.domain.funding.occupancy import Occupation as FundingOccupation
from desktop_app.domain.funding.occupancy import occupations as funding_occupations
from desktop_app.domain.model import Home, Measure

if TYPE_CHECKING:
    from desktop_app.store.api import Store
    from desktop_app.store.records import MeasureRow


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
    #: Days empty since the last departure, the day included (None: lived in, or never).
    empty_days: int | None = None
    #: Empty beyond the 31 paid days, outside a justified vacancy (`vacance_longue`).
    long_vacancy: bool = False
    #: Share of the days from 1 January to the day with a household in it, in whole %.
    occupancy_rate: int = 0


@dataclass(frozen=True)
class Homes:
    """Each home's line as of the day, and every stay recorded in a home."""

    lines: list[HomeLine]
    occupations: list[Occupation]
    #: Each home's occupancy rate since 1 January, and its days empty against the 31 paid.
    occupancy: BarChart | None = None
    vacancy: BarChart | None = None

    def stays(self, home: str) -> list[Occupation]:
        """The stays in `home`, the latest entry first."""
        return sorted((o for o in self.occupations if o.home == home),
                      key=lambda o: o.start, reverse=True)


def homes(store: Store, today: date) -> Homes:
    """The homes as of `today` (`home_lines`, with their vacancy and occupancy since 1
    January), the stays of the FAL measures and the two charts, from one read."""
    recorded, measures = store.homes_and_fal_measures()
    occupations = _occupations(measures)
    stays = funding_occupations([measure for _row, measure in measures])
    lines = [_with_figures(line, stays, today)
             for line in home_lines(recorded, occupations, today)]
    return Homes(lines, occupations, *home_charts(lines, today))


def _occupations(measures: list[tuple[MeasureRow, Measure]]) -> list[Occupation]:
    return [Occupation(stay.home, row.id, row.household_name, stay.start, stay.end)
            for row, measure in measures for stay in measure.stays]


def load_homes(store: Store) -> tuple[list[Home], list[Occupation]]:
    """The homes and the stays of every FAL measure, read in one transaction
    (`Store.homes_and_fal_measures`)."""
    recorded, measures = store.homes_and_fal_measures()
    return recorded, _occupations(measures)


def _with_figures(line: HomeLine, stays: list[FundingOccupation], today: date) -> HomeLine:
    """`line` with its days empty (`vacancy.empty_since`: stays cut at the measure's
    closing) and its occupancy rate from 1 January to `today`."""
    first = date(today.year, 1, 1)
    days = (today - first).days + 1
    occupied = occupied_days(line.home, stays, first, today)
    vacancy = empty_since(line.home, stays, today)
    long = is_long(vacancy, today)
    state = line.state
    if vacancy is not None and state.startswith("Vide"):
        state = f"Vide depuis {vacancy.empty_days} jours"
        if long:
            state += f", au-delà des {MAX_PAID_GAP_DAYS} jours payés"
    return replace(line, state=state, long_vacancy=long,
                   empty_days=None if vacancy is None else vacancy.empty_days,
                   occupancy_rate=(occupied * 100 + days // 2) // days)


def home_charts(lines: list[HomeLine], today: date) -> tuple[BarChart, BarChart]:
    """Occupancy rate since 1 January per home, and days empty since the last departure
    against the 31 days P5 pays (no line for a home in a justified vacancy)."""
    labels = tuple(line.home.address.split(",")[0] for line in lines)
    occupancy = BarChart(f"Taux d'occupation depuis le 1er janvier {today.year}", "%",
                         "Taux d'occupation (%)", labels,
                         tuple(float(line.occupancy_rate) for line in lines), top=100.0)
    paid = Reference("Limite payée", tuple(
        None if in_justified_vacancy(line.home, today) else float(MAX_PAID_GAP_DAYS)
        for line in lines), ceiling=True)
    vacancy = BarChart("Jours vides depuis le dernier départ", "jours",
                       "Jours vides", labels,
                       tuple(float(line.empty_days or 0) for line in lines), (paid,),
                       over_label=f"au-delà des {MAX_PAID_GAP_DAYS} jours payés")
    return occupancy, vacancy


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
