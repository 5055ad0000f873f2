"""`vacance_longue`: an ALT home empty beyond the 31 days P5 pays after a departure, worked
out by hand (the 1st empty day is the day after the departure; the 31st is the last paid)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.alerts import INFORMATION_CODES, Severity
from desktop_app.domain.alerts.vacancy import empty_since, occupied_days
from desktop_app.domain.funding.occupancy import occupations
from desktop_app.domain.model import Caseload, Home, MeasureType, Stay, Vacancy
from tests.domain.alerts.builders import alerts, caseload, measure, period

D = date
CODE = "vacance_longue"
HOME = Home("u1", "8 rue Haute, Lens")


def _fal(*stays: Stay, closed_on: date | None = None, mid: str = "m1",
         household: str = "h1") -> Caseload:
    fal = measure(mid, MeasureType.FAL, period(D(2025, 1, 1), D(2029, 12, 31), None, None),
                  household=household, stays=list(stays), closed_on=closed_on)
    return replace(caseload(fal), homes=[HOME])


def test_the_31st_empty_day_is_paid_the_32nd_is_alerted() -> None:
    # Departure on 10/03/2026: the 1st empty day is 11/03, the 31st 10/04, the 32nd 11/04.
    load = _fal(Stay("u1", D(2025, 6, 1), D(2026, 3, 10)))
    assert alerts(load, D(2026, 3, 10), CODE) == []  # still there on its last day
    assert alerts(load, D(2026, 4, 10), CODE) == []
    found = alerts(load, D(2026, 4, 11), CODE)
    assert [(a.severity, a.measure, a.household, a.worker, a.month, a.due) for a in found] == [
        (Severity.INFORMATION, None, None, None, None, None)]
    assert found[0].message == (
        "Le logement ALT 8 rue Haute, Lens est vide depuis le départ du 10/03/2026 : les 31 "
        "jours de vacance financés ont pris fin le 10/04/2026, les jours suivants ne sont pas "
        "payés. Proposer un ménage, ou justifier une vacance technique auprès du SPSLH.")
    # The same alert day after day (what « traitée » remembers), until someone enters.
    assert alerts(load, D(2026, 6, 30), CODE) == found
    assert CODE in INFORMATION_CODES  # never counted as a breach


def test_across_a_month_end_and_a_leap_february() -> None:
    # Departure 31/01/2026: February has 28 days, the 31st empty day is 03/03/2026.
    load = _fal(Stay("u1", D(2025, 6, 1), D(2026, 1, 31)))
    assert alerts(load, D(2026, 3, 3), CODE) == []
    assert len(alerts(load, D(2026, 3, 4), CODE)) == 1
    # Departure 31/01/2028: February 2028 has 29 days, the 31st empty day is 02/03/2028.
    load = _fal(Stay("u1", D(2027, 6, 1), D(2028, 1, 31)))
    assert alerts(load, D(2028, 3, 2), CODE) == []
    assert "02/03/2028" in alerts(load, D(2028, 3, 3), CODE)[0].message


def test_no_alert_when_occupied_never_lived_in_or_in_a_justified_vacancy() -> None:
    left = Stay("u1", D(2025, 6, 1), D(2026, 3, 10))
    # A new household from 01/05/2026: occupied again, no alert (before its entry: alert).
    load = _fal(left, Stay("u1", D(2026, 5, 1)))
    assert alerts(load, D(2026, 5, 1), CODE) == []
    assert len(alerts(load, D(2026, 4, 30), CODE)) == 1
    # Never lived in: no departure to count from.
    assert alerts(replace(_fal(), homes=[HOME]), D(2026, 6, 1), CODE) == []
    # Works recorded as a justified vacancy 01/04–30/04: no alert inside it, again after.
    works = replace(HOME, vacancies=[Vacancy(D(2026, 4, 1), D(2026, 4, 30), True)])
    load = replace(_fal(left), homes=[works])
    assert alerts(load, D(2026, 4, 30), CODE) == []
    assert len(alerts(load, D(2026, 5, 1), CODE)) == 1
    # A vacancy recorded but not justified changes nothing.
    unjustified = replace(HOME, vacancies=[Vacancy(D(2026, 4, 1), D(2026, 4, 30), False)])
    assert len(alerts(replace(_fal(left), homes=[unjustified]), D(2026, 4, 15), CODE)) == 1


def test_a_stay_ends_at_the_closing_of_its_measure() -> None:
    # No end recorded, the FAL closed on 28/02/2026: empty from 01/03, 32nd day 01/04.
    load = _fal(Stay("u1", D(2025, 6, 1)), closed_on=D(2026, 2, 28))
    assert alerts(load, D(2026, 3, 31), CODE) == []
    assert "28/02/2026" in alerts(load, D(2026, 4, 1), CODE)[0].message


def test_vacancy_age_and_occupied_days() -> None:
    load = _fal(Stay("u1", D(2026, 1, 1), D(2026, 1, 31)), Stay("u1", D(2026, 1, 20),
                                                                 D(2026, 2, 10)))
    stays = occupations(load.measures)
    # A shared home: the longer stay ends on 10/02; on 15/02 it has been empty 5 days.
    vacancy = empty_since(HOME, stays, D(2026, 2, 15))
    assert vacancy is not None and (vacancy.left, vacancy.empty_days) == (D(2026, 2, 10), 5)
    assert empty_since(HOME, stays, D(2026, 2, 10)) is None
    # 01/01–10/02: 41 days occupied, shared days counted once; of 2026 up to 28/02, 41 of 59.
    assert occupied_days(HOME, stays, D(2026, 1, 1), D(2026, 2, 28)) == 41
