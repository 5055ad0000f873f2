"""Paramètres with another writer (another window or process, a second store object on the
same file): the alert settings and the tariffs typed over a version changed elsewhere are
refused in French, what was typed stays, and the store keeps the other writer's version."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.model import AlertSettings
from desktop_app.store.repository import open_store
from desktop_app.store.tracked import SETTINGS_CHANGED, TARIFFS_CHANGED
from tests.store.builders import D, tariff
from tests.ui.conftest import settle
from tests.ui.helpers import type_in


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def _show_settings(window, qtbot):  # type: ignore[no-untyped-def]
    window.show_screen("parametres", force=True)
    settle(qtbot, window)
    return window.screens["parametres"]


def test_alert_settings_changed_elsewhere(window, qtbot, store):  # type: ignore[no-untyped-def]
    screen = _show_settings(window, qtbot)
    type_in(qtbot, screen.alert_form.fields["days_ahead"], "45")
    other = open_store(f"sqlite:///{store.where}")
    other.save_alert_settings(AlertSettings(days_ahead=21))
    other.close()
    screen.save_alerts()
    settle(qtbot, window)
    boxes = _boxes()
    assert boxes and boxes[0].text().startswith(SETTINGS_CHANGED)
    boxes[0].close()
    assert screen.alert_form.fields["days_ahead"].text() == "45" and screen.alert_form.dirty
    assert store.alert_settings().days_ahead == 21
    # Reloaded (the typing discarded), the same edit goes through.
    screen.alert_form.mark_clean()
    screen.refresh()
    settle(qtbot, window)
    type_in(qtbot, screen.alert_form.fields["days_ahead"], "45")
    screen.save_alerts()
    settle(qtbot, window)
    assert _boxes() == [] and store.alert_settings().days_ahead == 45


def test_a_tariff_added_over_tariffs_changed_elsewhere(window, qtbot, store):  # type: ignore[no-untyped-def]
    store.save_tariffs([tariff(D(2025, 7, 1), "85.95")])
    screen = _show_settings(window, qtbot)
    other = open_store(f"sqlite:///{store.where}")
    other.save_tariffs([tariff(D(2025, 7, 1), "85.95"), tariff(D(2026, 1, 1), "86.1")])
    other.close()
    screen.new_tariff()
    dialog = screen.dialog
    dialog.form.fields["from_date"].setText("01/07/2026")  # the other values: the latest's
    dialog.submit()
    settle(qtbot, window)
    boxes = _boxes()
    assert boxes and boxes[0].text().startswith(TARIFFS_CHANGED)
    boxes[0].close()
    assert dialog.isVisible() and dialog.form.fields["from_date"].text() == "01/07/2026"
    assert [t.from_date for t in store.tariffs()] == [D(2025, 7, 1), D(2026, 1, 1)]
