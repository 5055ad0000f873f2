"""`vacance_longue`: an ALT home empty beyond the 31 days of vacancy P5 pays after a
household's departure (docs/regles.md section 2). Also what the « Logements ALT » screen
shows of each home: since when it is empty (`empty_since`) and its occupancy over a span
(`occupied_days`).

The FSL pays at most 31 days of the interval between a departure and the next entry
(`funding.occupancy.MAX_PAID_GAP_DAYS`): from the 32nd empty day on, each day is lost
unless a technical vacancy is recorded as justified. Information, not a breach: no rule of
the convention is broken, the days are only not paid."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.context import AlertContext
from desktop_app.domain.alerts.severity import Severity
from desktop_app.domain.fr import format_date
from desktop_app.domain.funding.occupancy import MAX_PAID_GAP_DAYS, Occupation, occupations
from desktop_app.domain.model import Caseload, Home

CODE = "vacance_longue"


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A home empty on a day: the last day a household was in it (`left`), the days it has
    been empty since, up to the day included (the day after `left` is the 1st)."""

    home: Home
    left: date
    empty_days: int

    @property
    def last_paid_day(self) -> date:
        """The 31st empty day: the last one P5 can pay."""
        return self.left + timedelta(days=MAX_PAID_GAP_DAYS)

    @property
    def long(self) -> bool:
        """Empty beyond the 31 paid days."""
        return self.empty_days > MAX_PAID_GAP_DAYS


def in_justified_vacancy(home: Home, day: date) -> bool:
    """`day` is inside a vacancy of `home` recorded as justified (works: the home counts as
    occupied)."""
    return any(v.justified and v.start <= day <= v.end for v in home.vacancies)


def empty_since(home: Home, stays: list[Occupation], day: date) -> Vacancy | None:
    """`home` as of `day` when no household is in it: since the last departure before `day`
    (`stays`: the FAL stays, `funding.occupancy.occupations`, of any home). None when a
    household is in it on `day`, or none ever left it before `day` (never lived in)."""
    own = [s for s in stays if s.home == home.id and s.start <= day]
    if any(s.end is None or s.end >= day for s in own):
        return None
    left = max((s.end for s in own if s.end is not None), default=None)
    if left is None:
        return None
    return Vacancy(home, left, (day - left).days)


def is_long(vacancy: Vacancy | None, day: date) -> bool:
    """`vacancy` (`empty_since`) is beyond the 31 paid days on `day`, outside a justified
    vacancy: what the alert says and the Logements screen shows."""
    return (vacancy is not None and vacancy.long
            and not in_justified_vacancy(vacancy.home, day))


def occupied_days(home: Home, stays: list[Occupation], first: date, last: date) -> int:
    """The days of [first, last] at least one household is in `home` (a shared home's day
    counts once)."""
    days: set[date] = set()
    for stay in stays:
        if stay.home == home.id:
            days.update(stay.days_within(first, last))
    return len(days)


def long_vacancies(caseload: Caseload, day: date,
                   stays: list[Occupation] | None = None) -> list[Vacancy]:
    """The homes empty on `day` beyond the 31 paid days since the last departure, outside a
    justified vacancy, in the order of `caseload.homes`."""
    found = occupations(caseload.measures) if stays is None else stays
    by_home: dict[str, list[Occupation]] = defaultdict(list)
    for stay in found:
        by_home[stay.home].append(stay)
    vacancies = (empty_since(home, by_home.get(home.id, []), day) for home in caseload.homes)
    return [v for v in vacancies if v is not None and is_long(v, day)]


def vacance_longue(ctx: AlertContext) -> Iterator[Alert]:
    """One `information` per home empty beyond the 31 paid days; its message stays the same
    day after day (an alert marked treated stays so until the next departure)."""
    stays = ctx.facts.remember(CODE, lambda: occupations(ctx.caseload.measures))
    for vacancy in long_vacancies(ctx.caseload, ctx.on, stays):
        yield ctx.other_alert(
            CODE, None, severity=Severity.INFORMATION, message=(
                f"Le logement ALT {vacancy.home.address} est vide depuis le départ du "
                f"{format_date(vacancy.left)} : les 31 jours de vacance financés ont pris fin "
                f"le {format_date(vacancy.last_paid_day)}, les jours suivants ne sont pas "
                f"payés. Proposer un ménage, ou justifier une vacance technique auprès du "
                f"SPSLH."))

