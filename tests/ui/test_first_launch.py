"""First launch: no store yet, the dialog asks for a passphrase by default."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.model import Household
from desktop_app.store.errors import WrongPassphraseError
from desktop_app.store.keys import looks_encrypted
from desktop_app.ui.opening.keyring_store import NO_BACKEND, MemoryKeyStore
from desktop_app.ui.opening.passphrase_dialogs import FirstLaunchDialog
from tests.ui.helpers import type_in

STRONG = "Soleil-2025-Arras"  # 17 characters: upper, lower, digits, hyphens


@pytest.fixture(autouse=True)
def _no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUIVI_FSL_PASSPHRASE", raising=False)


def launch_on(path: Path, keystore: MemoryKeyStore, qtbot):  # type: ignore[no-untyped-def]
    from desktop_app.ui.app import Launch

    launch = Launch(f"sqlite:///{path}", keystore=keystore)
    qtbot.addWidget(launch.window)
    return launch


def first_dialog(launch, qtbot) -> FirstLaunchDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(launch.opening.dialog, FirstLaunchDialog))
    dialog = launch.opening.dialog
    assert dialog.isVisible() and not launch.splash.isVisible()
    return dialog


def test_weak_then_strong_passphrase_creates_an_encrypted_store(app, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "nouvelle" / "suivi.sqlite3"
    launch = launch_on(path, MemoryKeyStore(usable=False), qtbot)
    dialog = first_dialog(launch, qtbot)
    # No key store (as on CI): the box is disabled and its tooltip says why.
    assert not dialog.remember.isEnabled() and dialog.remember.toolTip() == NO_BACKEND
    type_in(qtbot, dialog.fields.first, "soleil")
    type_in(qtbot, dialog.fields.second, "soleil")
    # 6 lower-case letters: 6 characters, a capital, a digit and a special one missing.
    assert dialog.fields.verdict.text().startswith(
        "Trop faible. Il manque 6 caractères, une majuscule, un chiffre et un caractère spécial")
    assert not dialog.create_button.isEnabled()
    type_in(qtbot, dialog.fields.first, STRONG)
    type_in(qtbot, dialog.fields.second, STRONG[:-1])
    assert dialog.fields.match.text() == "Les deux saisies ne sont pas identiques."
    assert not dialog.create_button.isEnabled()
    type_in(qtbot, dialog.fields.second, STRONG)
    assert dialog.fields.verdict.text().startswith("Conforme à la recommandation de la CNIL : "
                                                   "17 caractères")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launch.window.isVisible() and launch.runner.idle, timeout=15000)
    assert launch.error is None and launch.window.ctx.session.encrypted
    assert looks_encrypted(path)
    launch.ctx.store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042",
                                              city="Arras"))
    for file in (path, path.with_name(path.name + "-wal")):
        assert b"DURAND" not in file.read_bytes() if file.exists() else True
    from desktop_app.store.repository import open_store

    with pytest.raises(WrongPassphraseError):
        open_store(f"sqlite:///{path}", "soleil")
    reopened = open_store(f"sqlite:///{path}", STRONG)
    assert [h.name for h in reopened.export_caseload().households] == ["DURAND Marie"]
    reopened.close()
    launch.ctx.store.close()
    launch.window.close()



def test_a_store_with_an_awkward_name_is_created_under_exactly_that_name(app, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """`--db "clients?2025 100%25 l'été.sqlite3"`: the window, its encryption and its status
    bar all name that file (a URL pasted unquoted opened « clients »)."""
    import os

    from PySide6.QtWidgets import QLabel

    from desktop_app.paths import db_url
    from desktop_app.ui.app import Launch

    path = tmp_path / "bases" / "clients?2025 100%25 l'été #1.sqlite3"
    launch = Launch(db_url(str(path)), keystore=MemoryKeyStore(usable=False))
    qtbot.addWidget(launch.window)
    dialog = first_dialog(launch, qtbot)
    type_in(qtbot, dialog.fields.first, STRONG)
    type_in(qtbot, dialog.fields.second, STRONG)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launch.window.isVisible() and launch.runner.idle, timeout=15000)
    assert launch.error is None and launch.window.ctx.session.database == path
    labels = [w.text() for w in launch.window.statusBar().findChildren(QLabel)]
    assert f"Base : {path}" in labels
    launch.ctx.store.close()
    launch.window.close()
    assert sorted(os.listdir(path.parent)) == [path.name, f"{path.name}.verrou"]
    assert looks_encrypted(path)
    if os.name == "posix":  # the folder the window made and the store are private
        assert os.stat(path.parent).st_mode & 0o777 == 0o700
        assert os.stat(path).st_mode & 0o777 == 0o600

def test_remembered_passphrase_opens_the_next_launch_without_asking(app, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "suivi.sqlite3"
    keystore = MemoryKeyStore()
    launch = launch_on(path, keystore, qtbot)
    dialog = first_dialog(launch, qtbot)
    assert dialog.remember.isEnabled()
    type_in(qtbot, dialog.fields.first, STRONG)
    type_in(qtbot, dialog.fields.second, STRONG)
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launch.window.isVisible() and launch.runner.idle, timeout=15000)
    assert keystore.entries == {str(path.resolve()): STRONG}
    launch.ctx.store.close()
    launch.window.close()
    again = launch_on(path, keystore, qtbot)
    qtbot.waitUntil(lambda: again.window.isVisible() and again.runner.idle, timeout=15000)
    assert again.opening.dialog is None and again.window.ctx.session.remembered
    assert again.window.ctx.session.secret.matches(STRONG)
    again.ctx.store.close()
    again.window.close()


def test_continue_without_encryption_needs_a_second_click(app, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "suivi.sqlite3"
    launch = launch_on(path, MemoryKeyStore(), qtbot)
    dialog = first_dialog(launch, qtbot)
    qtbot.mouseClick(dialog.plain, Qt.MouseButton.LeftButton)
    assert dialog.warning.isVisible() and not path.exists()  # explained, nothing created yet
    assert dialog.plain.text() == "Oui, créer la base sans chiffrement"
    qtbot.mouseClick(dialog.plain, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: launch.window.isVisible() and launch.runner.idle, timeout=15000)
    assert not launch.window.ctx.session.encrypted
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    launch.ctx.store.close()
    launch.window.close()


def test_quit_creates_nothing(app, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "suivi.sqlite3"
    launch = launch_on(path, MemoryKeyStore(), qtbot)
    dialog = first_dialog(launch, qtbot)
    qtbot.mouseClick(dialog.quit, Qt.MouseButton.LeftButton)
    assert launch.cancelled and not launch.window.isVisible() and not path.exists()


def test_a_broken_key_store_is_explained_in_french_only(app, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """keyring's own error (English) is not shown in the tooltip: only what it means."""
    import keyring

    from desktop_app.ui.opening.keyring_store import OsKeyStore

    def broken():  # type: ignore[no-untyped-def]
        raise RuntimeError("No recommended backend was available.")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    dialog = FirstLaunchDialog(Path("/tmp/suivi.sqlite3"), OsKeyStore())
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and dialog.remember.toolTip() == NO_BACKEND


def test_the_store_file_is_looked_at_off_the_gui_thread(app, qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Whether the store exists and is encrypted is read from its file (a USB key, a network
    share: it may hang): on the background thread, never on the window's."""
    import threading

    from desktop_app.app import opening
    threads: list[str] = []
    real = opening.is_new

    def watched(database):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(database)

    monkeypatch.setattr(opening, "is_new", watched)
    launch = launch_on(tmp_path / "suivi.sqlite3", MemoryKeyStore(), qtbot)
    dialog = first_dialog(launch, qtbot)
    assert len(threads) == 1 and threads[0] != threading.main_thread().name
    dialog.reject()
