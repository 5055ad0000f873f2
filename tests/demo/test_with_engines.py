"""The generated caseload through the other parts: the interchange file accepts it whole,
the alerts engine finds every breach planted for today, the funding engine's quotas hold."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app import interchange
from desktop_app.demo import Demo, build_demo
from desktop_app.domain import alerts, funding
from desktop_app.domain.dates import Month
from desktop_app.domain.model import AlertSettings, Caseload, Diploma

TODAY = date(2026, 11, 29)
#: Every code of docs/regles.md section 2 but `quota_fal` (30 FAL per post: a demo association
#: never comes near it).
PLANTED = {
    "portes_closes", "frequence_visites", "absence_travailleur", "bilan_final",
    "bilan_non_signe", "cet", "duree", "fin_de_periode", "suspension_longue",
    "aml_indisponible", "cumul", "quota_points", "convention", "dsf_transmission",
    "accord_principe", "diplome", "grille_annuelle", "tableau_occupation",
}


@pytest.fixture(scope="module", params=(1, 2, 3))
def demo(request: pytest.FixtureRequest) -> Demo:
    return build_demo(seed=request.param, today=TODAY)


def _by_id(caseload: Caseload) -> dict[str, dict[str, object]]:
    return {"workers": {w.id: w for w in caseload.workers},
            "households": {h.id: h for h in caseload.households},
            "homes": {h.id: h for h in caseload.homes},
            "measures": {m.id: m for m in caseload.measures}}


def test_interchange_file_accepts_it_and_gives_it_back(demo: Demo) -> None:
    back = interchange.parse_caseload(interchange.caseload_to_json(demo.caseload))
    assert _by_id(back) == _by_id(demo.caseload)  # every record, with its lists in order
    assert back.association == demo.caseload.association


def test_every_planted_breach_shows_on_todays_dashboard(demo: Demo) -> None:
    raised = alerts.compute_alerts(demo.caseload, TODAY, AlertSettings())
    assert set(demo.breaches) == PLANTED
    for code, subjects in demo.breaches.items():
        found = [a for a in raised if a.code == code]
        for subject in subjects:
            named = {a.measure for a in found} | {a.worker for a in found} | {
                str(a.month) for a in found if a.month is not None} | {
                str(a.due.year - 1) for a in found if a.due is not None}
            assert subject in named, (code, subject)


def test_referents_within_quota_except_the_planted_one(demo: Demo) -> None:
    """Q1: each worker's points of the month at most 50 × ETP, the association's too; the
    worker of the planted `quota_points` breach is over."""
    result = funding.compute_month_points(demo.caseload, Month.of(TODAY))
    assert result.association.points <= result.association.limit
    over = {w.worker for w in result.workers if w.figures.points > w.figures.limit}
    assert over == set(demo.breaches["quota_points"])


def test_one_worker_without_an_accepted_diploma(demo: Demo) -> None:
    diplomas = [w.diploma for w in demo.caseload.workers]
    assert diplomas.count(Diploma.AUTRE) == 1
    assert all(0.1 <= w.fte <= 1.0 for w in demo.caseload.workers)


def test_rules_the_history_never_breaks_by_chance(demo: Demo) -> None:
    """Scenarios never overlap two supports beyond an authorised relay, keep durations,
    give measures to qualified workers only and close every ended measure: those alerts
    come from the planted breaches alone."""
    raised = alerts.compute_alerts(demo.caseload, TODAY, AlertSettings())
    for code in ("cumul", "duree", "diplome", "fin_de_periode"):
        assert {a.measure for a in raised if a.code == code} == set(demo.breaches[code]), code
