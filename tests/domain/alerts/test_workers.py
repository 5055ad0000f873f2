"""`absence_travailleur` (more than 21 working days) and `diplome`."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.alerts import Severity
from desktop_app.domain.alerts.workers import AbsenceGaps, absence_gaps
from desktop_app.domain.model import Absence, Caseload, Diploma, MeasureType
from desktop_app.domain.workdays import count_working_days
from tests.domain.alerts.builders import alerts, caseload, dues, measure, period, worker

D = date
ABS = "absence_travailleur"


def with_absence(absence: Absence, measure_period: tuple[date, date] = (D(2025, 1, 1),
                 D(2026, 12, 31)), mtype: MeasureType = MeasureType.ASLL) -> Caseload:
    return caseload(measure("m1", mtype, period(*measure_period)),
                    workers=[worker("w1", absences=[absence]), worker("w2")])


@pytest.mark.parametrize(("start", "end_21", "end_22"), [
    # 2025, across Easter Monday 21/04, 1 May and 8 May: 15/04 → 16/05 is 21 working days
    # (15-18/04 4, 22-25/04 4 → 8, 28-30/04 3 → 11, 02/05 → 12, 5-7/05 → 15, 09/05 → 16,
    # 12-16/05 → 21); Monday 19/05 is the 22nd.
    (D(2025, 4, 15), D(2025, 5, 16), D(2025, 5, 19)),
    # 2026, across Easter Monday 06/04 and 1 May: 02/04 → 04/05 (2-3/04 2, 7-10 → 6, 13-17
    # → 11, 20-24 → 16, 27-30 → 20, 04/05 → 21); Tuesday 05/05 is the 22nd.
    (D(2026, 4, 2), D(2026, 5, 4), D(2026, 5, 5)),
    # 2026, across 1 May, 8 May, Ascension 14/05 and Whit Monday 25/05: 27/04 → 29/05
    # (27-30/04 4, 4-7/05 → 8, 11-13 → 11, 15 → 12, 18-22 → 17, 26-29 → 21); Monday 01/06
    # is the 22nd.
    (D(2026, 4, 27), D(2026, 5, 29), D(2026, 6, 1)),
])
def test_21_working_days_across_holidays_is_no_alert_22_is(
    start: date, end_21: date, end_22: date,
) -> None:
    assert count_working_days(start, end_21) == 21
    assert count_working_days(start, end_22) == 22
    on = end_22
    assert alerts(with_absence(Absence(start, end_21)), on, ABS) == []
    found = alerts(with_absence(Absence(start, end_22)), on, ABS)
    assert [(a.measure, a.household, a.worker, a.month, a.due) for a in found] == [
        (None, None, "w1", None, end_22)]  # due: the 22nd working day


def test_a_bounded_absence_is_raised_from_its_first_day() -> None:
    absence = Absence(D(2025, 4, 15), D(2025, 5, 19))
    assert alerts(with_absence(absence), D(2025, 4, 14), ABS) == []
    found = alerts(with_absence(absence), D(2025, 4, 15), ABS)
    # Due 19/05, 34 days ahead → a_venir; from 12/05 a_faire; from 20/05 a breach.
    assert dues(found) == [D(2025, 5, 19)] and found[0].severity is Severity.A_VENIR
    assert alerts(with_absence(absence), D(2025, 5, 12), ABS)[0].severity is Severity.A_FAIRE
    assert alerts(with_absence(absence), D(2025, 5, 20), ABS)[0].severity is Severity.MANQUEMENT


def test_an_open_ended_absence_is_raised_once_it_has_exceeded_21_working_days() -> None:
    # From 02/04/2026, counted up to the day: 21 on 04/05, 22 on 05/05 (due that day).
    absence = Absence(D(2026, 4, 2), None)
    assert alerts(with_absence(absence), D(2026, 5, 4), ABS) == []
    found = alerts(with_absence(absence), D(2026, 5, 5), ABS)
    assert dues(found) == [D(2026, 5, 5)] and found[0].severity is Severity.A_FAIRE


def test_cleared_by_the_slisl_notice_and_a_replacement_both_on_or_before_the_day() -> None:
    on = D(2025, 5, 12)

    def alert_with(notified: date | None, replacement: str | None) -> list[str]:
        absence = Absence(D(2025, 4, 15), D(2025, 5, 19), "congé", notified, replacement)
        return [a.message for a in alerts(with_absence(absence), on, ABS)]

    assert alert_with(D(2025, 5, 12), "w2") == []
    only_notice = alert_with(D(2025, 5, 12), None)
    assert len(only_notice) == 1 and "remplaçant" in only_notice[0]
    assert "SLISL" not in only_notice[0]
    only_replacement = alert_with(None, "w2")
    assert len(only_replacement) == 1 and "SLISL" in only_replacement[0]
    assert len(alert_with(D(2025, 5, 13), "w2")) == 1  # notice after the day: not yet


@pytest.mark.parametrize(("diploma", "cleared"), [
    (Diploma.CESF, True), (Diploma.ASS, True), (Diploma.ES, True), (Diploma.AUTRE, False)])
def test_only_a_replacement_with_an_equivalent_diploma_clears_it(diploma: Diploma,
                                                                 cleared: bool) -> None:
    # The seed: « organisera la continuité de la mesure […] avec un professionnel d'un
    # diplôme équivalent » (CESF, assistant(e) de service social, éducateur(trice)
    # spécialisé(e)). SLISL told on 12/05/2025 and w3 named: only a qualified w3 clears it.
    absence = Absence(D(2025, 4, 15), D(2025, 5, 19), "congé", D(2025, 5, 12), "w3")
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 1, 1), D(2026, 12, 31))),
                    workers=[worker("w1", absences=[absence]), worker("w3", diploma)])
    found = alerts(load, D(2025, 5, 12), ABS)
    if cleared:
        assert found == []
    else:
        assert [a.message for a in found] == [
            "Absence de Travailleur w1 depuis le 15/04/2025 (plus de 21 jours ouvrés) : confier "
            "ses mesures à un remplaçant de diplôme équivalent au plus tard le 19/05/2025. "
            "Travailleur w3, désigné(e), n'a pas l'un des diplômes demandés (CESF, assistant(e) "
            "de service social ou éducateur(trice) spécialisé(e))."]


def test_absence_gaps_is_the_one_rule_the_screens_read() -> None:
    # SLISL told on 15/09/2025, replaced by w2: what is missing on the 14th, 15th, per diploma.
    absence = Absence(D(2025, 9, 1), D(2025, 9, 30), None, D(2025, 9, 15), "w2")
    qualified = worker("w2")
    other = worker("w2", diploma=Diploma.AUTRE)
    assert absence_gaps(absence, qualified, D(2025, 9, 14)) == AbsenceGaps(True, False)
    assert absence_gaps(absence, qualified, D(2025, 9, 15)) == AbsenceGaps(False, False)
    assert absence_gaps(absence, other, D(2025, 9, 15)) == AbsenceGaps(False, True)
    assert absence_gaps(absence, None, D(2025, 9, 15)) == AbsenceGaps(False, True)  # unknown


def test_only_a_referent_of_a_support_measure_in_force_during_the_absence() -> None:
    absence = Absence(D(2025, 4, 15), D(2025, 5, 19))
    on = D(2025, 5, 19)
    ended_before = with_absence(absence, (D(2024, 10, 1), D(2025, 4, 14)))
    assert alerts(ended_before, on, ABS) == []
    ends_on_first_day = with_absence(absence, (D(2024, 10, 1), D(2025, 4, 15)))
    assert len(alerts(ends_on_first_day, on, ABS)) == 1
    dsf_only = caseload(measure("m1", MeasureType.DSF, done_on=D(2025, 4, 20)),
                        workers=[worker("w1", absences=[absence])])
    assert alerts(dsf_only, on, ABS) == []


def test_diplome_autre_is_a_breach_for_each_measure_in_force() -> None:
    load = caseload(
        measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31))),
        measure("m2", MeasureType.FAL, period(D(2025, 1, 1), D(2025, 8, 31)), household="h2"),
        measure("m3", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31)),
                household="h3", referent="w2"),
        workers=[worker("w1", Diploma.AUTRE), worker("w2", Diploma.ASS)],
    )
    found = alerts(load, D(2025, 9, 20), "diplome")
    # m2 ended 31/08; m3's referent is an ASS.
    assert [(a.measure, a.worker, a.due, a.severity) for a in found] == [
        ("m1", "w1", None, Severity.MANQUEMENT)]
    assert "Travailleur w1" in found[0].message
