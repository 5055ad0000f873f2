"""Tab follows the reading order on every form: top to bottom, left to right on a line.

For each form card of a screen and each dialog, the test puts the cursor on the first
widget that takes it, presses Tab once per such widget, and compares the widgets reached
with the same widgets sorted by where they are drawn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import PurePath

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_app.app.opening import ServerSettings
from desktop_app.domain.model import (
    Home,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Territory,
)
from desktop_app.ui.batch_dialogs import undo_import_dialog
from desktop_app.ui.measure import dialogs as measure_dialogs
from desktop_app.ui.measure.bilan_dialog import BilanDialog
from desktop_app.ui.models import ROW_ROLE
from desktop_app.ui.opening.keyring_store import MemoryKeyStore
from desktop_app.ui.opening.passphrase_dialogs import FirstLaunchDialog, UnlockDialog
from desktop_app.ui.reports.sent import sent_day_dialog
from desktop_app.ui.settings import dialogs as settings_dialogs
from desktop_app.ui.settings.backup_dialog import open_restore_dialog
from desktop_app.ui.settings.passphrase_change import ChangePassphraseDialog
from desktop_app.ui.settings.server_dialog import ConnectionDialog
from desktop_app.ui.team.account_dialogs import add_account_dialog, password_dialog
from tests.ui.conftest import TODAY, settle, team


def _takes_tab(widget: QWidget) -> bool:
    return (widget.isVisible() and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and widget.focusProxy() is None)


def _stops(area: QWidget) -> list[QWidget]:
    return [w for w in area.findChildren(QWidget) if _takes_tab(w)]


def reading_order(widgets: list[QWidget]) -> list[QWidget]:
    """Lines (widgets whose heights overlap) from top to bottom, each from left to right."""
    def box(w: QWidget) -> tuple[int, int, int]:
        top_left = w.mapToGlobal(QPoint(0, 0))
        return top_left.y(), top_left.y() + w.height(), top_left.x()

    lines: list[list[QWidget]] = []
    bottom = -10**9
    for widget in sorted(widgets, key=lambda w: box(w)[0]):
        top, low, _x = box(widget)
        if lines and top < bottom:
            lines[-1].append(widget)
            bottom = max(bottom, low)
        else:
            lines.append([widget])
            bottom = low
    return [w for line in lines for w in sorted(line, key=lambda w: box(w)[2])]


def tab_sequence(qtbot, area: QWidget) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """(names of the widgets reached by Tab, names in reading order), within `area`."""
    expected = reading_order(_stops(area))
    assert len(expected) >= 2, "a form with fewer than two stops says nothing"
    first = expected[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)
    reached = [first]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return [_name(w) for w in reached], [_name(w) for w in expected]


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "(rien)"
    text = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} « {text} »"


def _measure(kind: MeasureType) -> Measure:
    return Measure("m1", "h1", kind, "w1", decision_date=date(2025, 6, 12),
                   periods=[Period(date(2025, 7, 1), date(2025, 12, 31), Level.SIMPLE,
                                   PeriodKind.INITIALE)])


def _nothing(*_args: object) -> None:
    return None


# --- the forms of the screens --------------------------------------------------------------

def _seed(store) -> None:  # type: ignore[no-untyped-def]
    store.save_home(Home("l1", "3 place d'Armes, Béthune"))
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042", city="Arras",
                                   territory=Territory.ARRAGEOIS))
    for number, kind in enumerate(MeasureType, start=1):
        store.save_measure(replace(_measure(kind), id=f"m{number}"))


def _measure_card(kind: MeasureType) -> Callable:  # type: ignore[type-arg]
    def open_(window, qtbot):  # type: ignore[no-untyped-def]
        window.ctx.open_measure.emit(f"m{list(MeasureType).index(kind) + 1}")
        settle(qtbot, window)
        side = window.screens["mesure"].side
        qtbot.waitUntil(side.form.isVisible)  # a form put in a shown card appears next turn
        return side.card
    return open_


def _household_card(window, qtbot):  # type: ignore[no-untyped-def]
    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    return window.screens["menage"].identity.parentWidget()


def _screen_card(key: str, form: str) -> Callable:  # type: ignore[type-arg]
    def open_(window, qtbot):  # type: ignore[no-untyped-def]
        assert window.show_screen(key)
        settle(qtbot, window)
        return getattr(window.screens[key], form).parentWidget()
    return open_


def _visit_row(window, qtbot):  # type: ignore[no-untyped-def]
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    return window.screens["mesure"].visits


SCREEN_FORMS: dict[str, Callable] = {  # type: ignore[type-arg]
    "Mesure : nouvelle visite": _visit_row,
    **{f"Suivi de la mesure {kind.value}": _measure_card(kind) for kind in MeasureType},
    "Ménage : identité": _household_card,
    "Équipe : fiche": _screen_card("equipe", "form"),
    "Paramètres : association": _screen_card("parametres", "name_form"),
    "Paramètres : alertes": _screen_card("parametres", "alert_form"),
}


@pytest.mark.parametrize("name", SCREEN_FORMS)
def test_tab_follows_reading_order_on_screen_forms(window, qtbot, store, name):  # type: ignore[no-untyped-def]
    _seed(store)
    area = SCREEN_FORMS[name](window, qtbot)
    reached, expected = tab_sequence(qtbot, area)
    assert reached == expected


# --- the dialogs ------------------------------------------------------------------------

def _screen_dialog(key: str, method: str, *args: object,
                   holder: Callable | None = None) -> Callable:  # type: ignore[type-arg]
    def open_(window, qtbot):  # type: ignore[no-untyped-def]
        if key == "menage":
            window.ctx.open_household.emit("h1")
        elif key == "mesure":
            window.ctx.open_measure.emit("m1")
        else:
            assert window.show_screen(key)
        settle(qtbot, window)
        screen = window.screens[key]
        owner = holder(screen) if holder else screen
        getattr(owner, method)(*args)
        return owner.dialog
    return open_


def _built(build: Callable[[QWidget], QDialog]) -> Callable:  # type: ignore[type-arg]
    def open_(window, qtbot):  # type: ignore[no-untyped-def]
        dialog = build(window)
        dialog.show()
        settle(qtbot, window)  # what a dialog reads in the background is shown
        return dialog
    return open_


def _treated(window, qtbot):  # type: ignore[no-untyped-def]
    assert window.show_screen("tableau")
    window.ctx.changed.emit("measure")
    settle(qtbot, window)
    dashboard = window.screens["tableau"]
    row = next(iter(dashboard.alert_model.leaves())).data(ROW_ROLE)
    dashboard.alert_actions.mark_treated(row)
    return dashboard.alert_actions.dialog


ASLL, AML = _measure(MeasureType.ASLL), _measure(MeasureType.AML)
DIALOGS: dict[str, Callable] = {  # type: ignore[type-arg]
    "Nouveau ménage": _screen_dialog("menages", "new_household"),
    "Nouvelle mesure": _screen_dialog("menage", "new_measure"),
    "Ajouter une personne": _screen_dialog("menage", "add_member",
                                           holder=lambda s: s.members_card),
    "Nouveau travailleur social": _screen_dialog("equipe", "new_worker"),
    "Absence": _screen_dialog("equipe", "_absence", None),
    "Nouveau logement": _screen_dialog("logements", "new_home"),
    "Tableau d'occupation envoyé": _screen_dialog("logements", "record_table"),
    "Nouvelle vacance": _screen_dialog("logements", "new_vacancy"),
    "Convention annuelle": _screen_dialog("parametres", "_convention", None),
    "Nouveau tarif": _screen_dialog("parametres", "new_tariff"),
    "Grille envoyée": _screen_dialog("parametres", "record_grid"),
    "Durées de conservation": _screen_dialog("conservation", "edit_settings"),
    "Renouveler": _screen_dialog("mesure", "renew"),
    "Clôturer": _screen_dialog("mesure", "close_measure"),
    "Suspendre": _built(lambda p: measure_dialogs.suspension_dialog(p, TODAY, _nothing)),
    "Bilan": _built(lambda p: measure_dialogs.report_dialog(p, ASLL, TODAY, _nothing)),
    "Préavis": _built(lambda p: measure_dialogs.notice_dialog(p, TODAY, _nothing)),
    "Séjour ALT": _built(lambda p: measure_dialogs.stay_dialog(p, [], TODAY, _nothing)),
    "Prolongation AML": _built(lambda p: measure_dialogs.extension_dialog(p, AML, TODAY,
                                                                          _nothing)),
    "Mise en jeu de la garantie AML": _built(
        lambda p: measure_dialogs.claim_dialog(p, AML, TODAY, _nothing)),
    "Grille d'activité envoyée": _built(lambda p: sent_day_dialog(p, 2024, TODAY)),
    "Ajouter un compte": _built(lambda p: add_account_dialog(p, team())),
    "Changer le mot de passe": _built(lambda p: password_dialog(p, "marie.dupont")),
    "Convention (constructeur)": _built(
        lambda p: settings_dialogs.convention_dialog(p, [], None, _nothing)),
    "Marquer l'alerte traitée": _treated,
    "Nouvelle base chiffrée": _built(
        lambda p: FirstLaunchDialog(PurePath("suivi.sqlite3"), MemoryKeyStore(), p)),
    "Base chiffrée : déverrouiller": _built(
        lambda p: UnlockDialog(PurePath("suivi.sqlite3"), MemoryKeyStore(), p)),
    "Changer le mot de passe de la base": _built(
        lambda p: ChangePassphraseDialog(p, True, MemoryKeyStore(), False)),
    "Serveur de l'association": _built(
        lambda p: ConnectionDialog(p.ctx.runner, MemoryKeyStore(), ServerSettings(), parent=p)),
    "Bilan à rédiger": _built(lambda p: BilanDialog(
        p.ctx, ASLL, Report(ReportKind.INTERMEDIAIRE, date(2025, 12, 31), None), p)),
    "Annuler un import": _built(lambda p: undo_import_dialog(p, p.ctx)),
    "Restaurer une sauvegarde": _built(lambda p: open_restore_dialog(p, p.ctx)),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_tab_follows_reading_order_in_dialogs(window, qtbot, store, name):  # type: ignore[no-untyped-def]
    _seed(store)
    dialog = DIALOGS[name](window, qtbot)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    try:
        reached, expected = tab_sequence(qtbot, dialog)
        assert reached == expected
    finally:
        dialog.close()


def test_every_form_and_dialog_is_covered() -> None:
    """The count the report gives: screen forms and dialogs checked above."""
    assert len(SCREEN_FORMS) + len(DIALOGS) == 10 + 32
