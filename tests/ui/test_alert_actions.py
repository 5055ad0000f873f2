"""The table from alert code to the dashboard's button, and the typed change topics."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from desktop_app.app.dashboard import AlertRow
from desktop_app.domain.alerts import ALERT_LABELS, Alert, Severity
from desktop_app.domain.dates import Month
from desktop_app.domain.model import NoticeKind
from desktop_app.ui.dashboard.actions import AlertActions
from desktop_app.ui.dashboard.alert_actions import (
    ALERT_ACTIONS,
    OPEN_HOUSEHOLD_LABEL,
    OPEN_MEASURE_LABEL,
    ActionKind,
    action_for,
    button_label,
)
from desktop_app.ui.dashboard.screen import DashboardScreen
from desktop_app.ui.homes.screen import HomesScreen
from desktop_app.ui.household.list_screen import HouseholdsScreen
from desktop_app.ui.household.screen import HouseholdScreen
from desktop_app.ui.measure.screen import MeasureScreen
from desktop_app.ui.points.screen import PointsScreen
from desktop_app.ui.reports.screen import ReportsScreen
from desktop_app.ui.retention.screen import RetentionScreen
from desktop_app.ui.screen import Screen
from desktop_app.ui.settings.screen import SettingsScreen
from desktop_app.ui.team.screen import TeamScreen
from desktop_app.ui.topics import Topic

UI = Path(__file__).parents[2] / "desktop_app" / "ui"
SCREENS: list[type[Screen]] = [
    DashboardScreen, HomesScreen, HouseholdScreen, HouseholdsScreen, MeasureScreen,
    PointsScreen, ReportsScreen, RetentionScreen, SettingsScreen, TeamScreen]
#: Words of a French label: capitalised, letters (accents included), apostrophes, spaces.
FRENCH = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]*([ '’][A-Za-zÀ-ÿ]+)*")


def _alert(code: str, *, measure: str | None = None, household: str | None = None,
           worker: str | None = None, month: Month | None = None,
           due: date | None = None) -> Alert:
    return Alert(code, Severity.A_FAIRE, measure, household, worker, month, due, "Message.")


def test_every_alert_code_the_domain_raises_has_an_action() -> None:
    assert len(ALERT_LABELS) == 23
    assert set(ALERT_ACTIONS) == set(ALERT_LABELS)


def test_labels_and_titles_are_french() -> None:
    labels = {a.label for a in ALERT_ACTIONS.values() if a.label}
    assert labels == {"Signaler au SLISL", "Noter l'envoi", "Ouvrir l'équipe", "Voir les points",
                      "Voir les logements"}
    titles = {a.title for a in ALERT_ACTIONS.values() if a.title}
    assert titles == {"Signaler les portes closes au SLISL",
                      "Signaler au SLISL l'indisponibilité du ménage"}
    for text in labels | titles | {OPEN_MEASURE_LABEL, OPEN_HOUSEHOLD_LABEL}:
        assert FRENCH.fullmatch(text), text
        assert "_" not in text and not any(code in text for code in ALERT_LABELS)


def test_each_kind_has_what_it_needs() -> None:
    keys = {s.key for s in SCREENS}
    for code, action in ALERT_ACTIONS.items():
        if action.kind is ActionKind.RECORD_NOTICE:
            assert action.notice is not None and action.title, code
        else:
            assert action.notice is None and not action.title, code
        if action.kind is ActionKind.OPEN_SUBJECT:
            assert not action.label and not action.screen, code
        else:
            assert action.label, code
        if action.screen:
            assert action.screen in keys, code
    assert ALERT_ACTIONS["portes_closes"].notice is NoticeKind.PORTES_CLOSES
    assert ALERT_ACTIONS["indisponibilite"].notice is NoticeKind.INDISPONIBILITE
    assert action_for("code_inconnu").kind is ActionKind.OPEN_SUBJECT


@pytest.mark.parametrize(("alert", "label"), [
    (_alert("portes_closes", measure="m1", household="h1", worker="w1"), "Signaler au SLISL"),
    (_alert("indisponibilite", measure="m1", household="h1"), "Signaler au SLISL"),
    (_alert("absence_travailleur", worker="w1"), "Ouvrir l'équipe"),
    (_alert("quota_fal"), "Voir les points"),
    (_alert("convention"), "Voir les points"),
    (_alert("vacance_longue"), "Voir les logements"),
    (_alert("grille_annuelle", due=date(2026, 1, 31)), "Noter l'envoi"),
    (_alert("tableau_occupation", month=Month(2025, 8)), "Noter l'envoi"),
    (_alert("frequence_visites", measure="m1", household="h1", worker="w1"),
     "Ouvrir la mesure"),
    (_alert("cumul", household="h1"), "Ouvrir le ménage"),
    (_alert("code_inconnu", worker="w1"), ""),
])
def test_button_label(alert: Alert, label: str) -> None:
    assert button_label(alert) == label


class _Recorder:
    def __init__(self, calls: list[tuple[str, Any]], name: str) -> None:
        self.calls, self.name = calls, name

    def emit(self, value: Any) -> None:
        self.calls.append((self.name, value))


@pytest.mark.parametrize(("alert", "call"), [
    (_alert("portes_closes", measure="m1", household="h1"), ("record_notice", "portes_closes")),
    (_alert("indisponibilite", measure="m1"), ("record_notice", "indisponibilite")),
    # Nothing to record on: the alert's subject.
    (_alert("portes_closes", household="h1"), ("open_household", "h1")),
    (_alert("grille_annuelle", due=date(2026, 1, 31)), ("record_grid", 2025)),
    (_alert("grille_annuelle"), ("open_screen", "parametres")),
    (_alert("tableau_occupation", month=Month(2025, 8)), ("record_occupancy", Month(2025, 8))),
    (_alert("tableau_occupation"), ("open_screen", "logements")),
    (_alert("absence_travailleur", worker="w1"), ("open_screen", "equipe")),
    (_alert("quota_points"), ("open_screen", "points")),
    (_alert("convention"), ("open_screen", "points")),
    (_alert("vacance_longue"), ("open_screen", "logements")),
    (_alert("frequence_visites", measure="m1", household="h1"), ("open_measure", "m1")),
    (_alert("cumul", household="h1"), ("open_household", "h1")),
    (_alert("code_inconnu", worker="w1"), ("open_screen", "equipe")),
])
def test_act_follows_the_table(alert: Alert, call: tuple[str, Any]) -> None:
    calls: list[tuple[str, Any]] = []
    ctx = SimpleNamespace(**{name: _Recorder(calls, name)
                             for name in ("open_screen", "open_measure", "open_household")})
    actions = AlertActions(ctx, None)  # type: ignore[arg-type]
    actions.record_notice = lambda row: calls.append(  # type: ignore[method-assign]
        ("record_notice", row.alert.code))
    actions.record_grid = lambda year, _row: calls.append(  # type: ignore[method-assign]
        ("record_grid", year))
    actions.record_occupancy = lambda row: calls.append(  # type: ignore[method-assign]
        ("record_occupancy", row.alert.month))
    actions.act(AlertRow(alert, ALERT_LABELS.get(alert.code, alert.code), "Sujet", ""))
    assert calls == [call]


def test_topics_keep_their_strings() -> None:
    assert [t.value for t in Topic] == [
        "household", "measure", "workers", "homes", "association", "settings", "alerts",
        "accounts", "retention", "all"]
    assert Topic.MEASURE == "measure" and "measure" in frozenset({Topic.MEASURE})
    for screen in SCREENS:
        assert screen.topics and all(isinstance(t, Topic) for t in screen.topics), screen


def test_every_save_and_change_in_the_window_names_a_topic() -> None:
    """`ctx.save(work, what, …)` and `….changed.emit(what)` take a `Topic` member, never a
    string typed by hand (the context passes its own `what` on)."""
    seen = 0
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            func = node.func
            if func.attr == "save" and ast.unparse(func.value).endswith("ctx"):
                topic = node.args[1]
            elif (func.attr == "emit" and isinstance(func.value, ast.Attribute)
                  and func.value.attr == "changed" and node.args):
                topic = node.args[0]
            else:
                continue
            text = ast.unparse(topic)
            if path.name == "context.py" and text == "what":
                continue
            seen += 1
            assert text.startswith("Topic.") and text[6:] in Topic.__members__, \
                f"{path.name}:{node.lineno}: {text}"
    assert seen >= 28
