"""The lock: after the idle delay, on suspend or on demand, the data go behind the
lock page; the passphrase unlocks; unsaved input survives. The idle delay runs on a fake
clock moved by hand, the idle timer's end fired by hand: nothing waits for real time."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.opening.keyring_store import MemoryKeyStore
from desktop_app.ui.opening.lock import IDLE_REASON, MINUTES_KEY
from desktop_app.ui.opening.lock_page import PLAIN, WRONG
from desktop_app.ui.opening.store_session import Secret, StoreSession
from tests.ui.conftest import TODAY, settle, team
from tests.ui.helpers import seed_asll, type_in

PASSPHRASE = "Bonne-Phrase-2025!"


@pytest.fixture
def encrypted_window(app, qtbot, tmp_path: Path, empty_store_file: Path) -> Iterator:  # type: ignore[no-untyped-def]
    """The window on an encrypted store holding DURAND Marie's ASLL, its session set as
    `Launch` sets it."""
    from desktop_app.store.crypto import convert_to_encrypted
    from desktop_app.store.repository import open_store
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    path = tmp_path / "chiffree.sqlite3"
    shutil.copyfile(empty_store_file, path)
    convert_to_encrypted(path, PASSPHRASE)
    url = f"sqlite:///{path}"
    store = open_store(url, PASSPHRASE)
    for worker in team():
        store.save_worker(worker)
    seed_asll(store)
    win = MainWindow(AppContext(store, today=lambda: TODAY), "Base : test")
    win.ctx.session = StoreSession(url, path, Secret(PASSPHRASE), MemoryKeyStore())
    qtbot.addWidget(win)
    win.show()
    win.start()
    settle(qtbot, win)
    yield win
    win.lock.unlock()
    settle(qtbot, win)
    store.close()


def fake_clock(lock) -> list[int]:  # type: ignore[no-untyped-def]
    """Put `lock` on a clock that moves only when the test sets `now[0]` (milliseconds),
    starting at 0 with the count of idle time restarted; returns `now`."""
    now = [0]
    lock.clock = lambda: now[0]
    lock.set_idle_ms(lock.idle_ms)
    return now


def idle_lock(win) -> None:  # type: ignore[no-untyped-def]
    """Touch nothing for the whole delay (5 minutes by default), then the idle timer ends."""
    now = fake_clock(win.lock)
    now[0] = win.lock.idle_ms
    win.lock.timer.timeout.emit()


def test_idle_lock_hides_the_households_and_the_passphrase_restores_a_half_typed_form(  # type: ignore[no-untyped-def]
        qtbot, encrypted_window):
    win = encrypted_window
    win.show_screen("menages")
    settle(qtbot, win)
    table = win.screens["menages"].view
    assert table.isVisible() and table.model().rowCount() == 1  # DURAND Marie
    win.show_screen("parametres")
    settle(qtbot, win)
    name = win.screens["parametres"].name_form.fields["name"]
    type_in(qtbot, name, "Association des Hauts")  # not saved
    assert win.screens["parametres"].name_form.dirty
    idle_lock(win)
    assert not name.isVisible() and not win.stack.isVisible() and win.lock.page.isVisible()
    assert win.windowTitle() == "Suivi FSL — verrouillé" and not win.menuBar().isEnabled()
    assert win.lock.page.reason.text() == IDLE_REASON.format(minutes="5 minutes")
    assert win.lock.page.field.isVisible()
    type_in(qtbot, win.lock.page.field, "Mauvaise-Phrase")
    qtbot.keyClick(win.lock.page.field, Qt.Key.Key_Return)
    assert win.lock.locked and win.lock.page.error.text() == WRONG
    type_in(qtbot, win.lock.page.field, PASSPHRASE)
    qtbot.mouseClick(win.lock.page.button, Qt.MouseButton.LeftButton)
    assert not win.lock.locked and win.windowTitle() == "Suivi FSL"
    assert name.isVisible() and name.text() == "Association des Hauts"
    assert win.screens["parametres"].name_form.dirty and win.lock.page.field.text() == ""
    # Closing the window at the end would ask about the unsaved name and wait for an answer.
    win.screens["parametres"].name_form.mark_clean()


def test_a_half_typed_dialog_is_hidden_then_back(qtbot, encrypted_window):  # type: ignore[no-untyped-def]
    win = encrypted_window
    win.show_screen("menages")
    settle(qtbot, win)
    screen = win.screens["menages"]
    screen.new_household()
    dialog = screen.dialog
    qtbot.waitUntil(dialog.isVisible)
    type_in(qtbot, dialog.form.fields["name"], "MARTIN Paul")
    win.lock.lock()
    assert not dialog.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [win]
    win.lock.try_unlock(PASSPHRASE)
    assert dialog.isVisible() and dialog.form.fields["name"].text() == "MARTIN Paul"
    dialog.reject()


def test_suspend_locks_then_shortcuts_and_closing_do_nothing(qtbot, encrypted_window):  # type: ignore[no-untyped-def]
    win, app = encrypted_window, QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert not win.lock.locked  # switching to another window is not leaving
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert win.lock.locked and win.current.key == "tableau"
    qtbot.keyClick(win.lock.page.field, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.current.key == "tableau"  # Ctrl+2 (« Ménages ») did not switch behind the lock
    win.close()
    assert win.isVisible() and win.lock.page.error.text().startswith("Déverrouillez d'abord")


def test_plain_store_unlocks_with_one_click(qtbot, window):  # type: ignore[no-untyped-def]
    idle_lock(window)
    page = window.lock.page
    assert not page.field.isVisible() and page.help.text() == PLAIN
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert not window.lock.locked and window.stack.isVisible()


def test_input_restarts_the_idle_delay(qtbot, window):  # type: ignore[no-untyped-def]
    lock = window.lock
    lock.set_idle_ms(400)
    now = fake_clock(lock)
    search = window.screens["tableau"]
    for moment in (100, 200, 300, 399):  # a key every 100 ms: never 400 ms without input
        now[0] = moment
        qtbot.keyClick(search, Qt.Key.Key_Shift)
    now[0] = 400  # the delay counted from 0 is over, but the last key was 1 ms ago
    lock.timer.timeout.emit()
    assert not lock.locked
    assert lock.timer.isActive() and lock.timer.interval() == 399  # the rest: 399 + 400 - 400
    now[0] = 798  # 399 ms after the last key
    lock.timer.timeout.emit()
    assert not lock.locked
    now[0] = 799  # 400 ms after the last key
    lock.timer.timeout.emit()
    assert lock.locked and not lock.timer.isActive()
    assert lock.page.reason.text() == IDLE_REASON.format(minutes="5 minutes")
    now[0] = 5000  # keys while locked are not activity: unlocking starts a whole delay again
    qtbot.keyClick(lock.page.field, Qt.Key.Key_Shift)
    lock.unlock()
    now[0] = 5399
    lock.timer.timeout.emit()
    assert not lock.locked
    now[0] = 5400
    lock.timer.timeout.emit()
    assert lock.locked
    lock.unlock()


def test_lock_delay_is_set_in_parametres(qtbot, window):  # type: ignore[no-untyped-def]
    window.show_screen("parametres")
    screen = window.screens["parametres"]
    screen.tabs.setCurrentIndex(1)  # « Sécurité et sauvegardes »
    settle(qtbot, window)
    card = screen.security
    assert card.minutes.value() == 5 and card.state.text().startswith("Base non chiffrée")
    assert card.unit.text() == "minutes d'inactivité"
    card.minutes.setValue(1)
    assert card.unit.text() == "minute d'inactivité"  # « 1 minute », not « 1 minutes »
    card.minutes.setValue(12)
    # 12 minutes = 720 000 ms, kept for the next launch.
    assert window.lock.idle_ms == 720_000 and window.lock.timer.interval() == 720_000
    assert QSettings().value(MINUTES_KEY, 0, int) == 12


def test_qsettings_hold_no_household_name(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    seed_asll(window.ctx.store)
    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    window.close()
    QSettings().sync()
    written = "".join(p.read_text(encoding="utf-8", errors="replace")
                      for p in (tmp_path / "qsettings").rglob("*") if p.is_file())
    assert "fenetre" in written  # the file was written…
    assert "DURAND" not in written and "Marie" not in written  # …with no household's name


def test_a_question_open_when_locking_keeps_the_user_on_the_screen(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.screen import ask_unsaved

    QTimer.singleShot(0, window.lock.lock)  # runs in the question's own event loop
    # The question runs its own event loop; the lock hides it, which ends that loop with no
    # button: « Rester sur l'écran » in effect, nothing saved, nothing thrown away.
    answer = ask_unsaved(window, "l'association")
    assert answer == QMessageBox.StandardButton.NoButton and window.lock.locked
    window.lock.unlock()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]


def test_no_lock_before_the_window_shows(qtbot, app):  # type: ignore[no-untyped-def]
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(AppContext(None))  # type: ignore[arg-type]  # as while the store opens
    qtbot.addWidget(win)
    now = fake_clock(win.lock)
    now[0] = win.lock.idle_ms  # the whole delay without input…
    win.lock.timer.timeout.emit()
    assert not win.lock.locked  # …the unlock dialog of the start-up must stay usable
    assert win.lock.timer.isActive()  # the count starts again


def test_a_dialog_whose_save_ends_behind_the_lock_does_not_come_back(qtbot, window):  # type: ignore[no-untyped-def]
    """« Enregistrer » clicked, then the laptop sleeps before the save returns: the save
    closes the (hidden) dialog; unlocking must not show that finished dialog again (a
    second « Enregistrer » would save the same thing twice)."""
    window.show_screen("menages")
    settle(qtbot, window)
    screen = window.screens["menages"]
    screen.new_household()
    dialog = screen.dialog
    qtbot.waitUntil(dialog.isVisible)
    window.lock.lock()
    assert not dialog.isVisible()
    dialog.accept()  # what the save's `on_done` does once the store has answered
    window.lock.unlock()
    assert not dialog.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
