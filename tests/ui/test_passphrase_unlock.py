"""Opening an encrypted store: the unlock dialog, a typo, the key store, the variable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.model import Household
from desktop_app.ui.opening.keyring_store import MemoryKeyStore
from desktop_app.ui.opening.passphrase_dialogs import WRONG, UnlockDialog
from desktop_app.ui.opening.store_opening import STALE
from tests.ui.helpers import type_in

PASSPHRASE = "Bonne-Phrase-2025!"


@pytest.fixture(autouse=True)
def _no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUIVI_FSL_PASSPHRASE", raising=False)


@pytest.fixture
def encrypted_file(tmp_path: Path, empty_store_file: Path) -> Path:
    """The migrated template, encrypted, holding DURAND Marie."""
    from desktop_app.store.crypto import convert_to_encrypted
    from desktop_app.store.repository import open_store

    path = tmp_path / "chiffree.sqlite3"
    shutil.copyfile(empty_store_file, path)
    convert_to_encrypted(path, PASSPHRASE)
    store = open_store(f"sqlite:///{path}", PASSPHRASE)
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042", city="Arras"))
    store.close()
    return path


def launch(path: Path, keystore: MemoryKeyStore, qtbot):  # type: ignore[no-untyped-def]
    from desktop_app.ui.app import Launch

    started = Launch(f"sqlite:///{path}", keystore=keystore)
    qtbot.addWidget(started.window)
    return started


def opened(started, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: started.window.isVisible() and started.runner.idle, timeout=15000)
    assert started.error is None
    names = [h.name for h in started.ctx.store.export_caseload().households]
    assert names == ["DURAND Marie"]
    started.ctx.store.close()
    started.window.close()


def test_wrong_then_right_passphrase(app, qtbot, encrypted_file):  # type: ignore[no-untyped-def]
    started = launch(encrypted_file, MemoryKeyStore(usable=False), qtbot)
    qtbot.waitUntil(lambda: isinstance(started.opening.dialog, UnlockDialog))
    dialog = started.opening.dialog
    type_in(qtbot, dialog.field, "Mauvaise-Phrase-2025!")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.isEnabled() and started.runner.idle, timeout=15000)
    # A typo never closes the application: the dialog says so and stays.
    assert dialog.error.text() == WRONG == ("Mot de passe incorrect. Vérifiez la touche "
                                            "Verr. Maj et réessayez.")
    assert dialog.isVisible() and not started.window.isVisible() and started.error is None
    type_in(qtbot, dialog.field, PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    opened(started, qtbot)
    assert started.opening.dialog is None and started.window.ctx.session.secret.matches(PASSPHRASE)


def test_empty_passphrase_is_not_tried(app, qtbot, encrypted_file):  # type: ignore[no-untyped-def]
    started = launch(encrypted_file, MemoryKeyStore(), qtbot)
    qtbot.waitUntil(lambda: isinstance(started.opening.dialog, UnlockDialog))
    dialog = started.opening.dialog
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Tapez le mot de passe de la base." and dialog.isEnabled()
    qtbot.mouseClick(dialog.findChildren(type(dialog.open_button))[0], Qt.MouseButton.LeftButton)
    assert started.cancelled  # « Quitter »


def test_stale_remembered_passphrase_asks_and_remembers_the_new_one(app, qtbot, encrypted_file):  # type: ignore[no-untyped-def]
    keystore = MemoryKeyStore()
    keystore.remember(encrypted_file, "Ancienne-Phrase-2024!")
    started = launch(encrypted_file, keystore, qtbot)
    qtbot.waitUntil(lambda: isinstance(started.opening.dialog, UnlockDialog), timeout=15000)
    dialog = started.opening.dialog
    assert dialog.error.text() == STALE
    type_in(qtbot, dialog.field, PASSPHRASE)
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    opened(started, qtbot)
    assert keystore.get(encrypted_file) == PASSPHRASE


def test_stale_remembered_passphrase_is_dropped_when_not_remembered(app, qtbot,  # type: ignore[no-untyped-def]
                                                                    encrypted_file):
    keystore = MemoryKeyStore()
    keystore.remember(encrypted_file, "Ancienne-Phrase-2024!")
    started = launch(encrypted_file, keystore, qtbot)
    qtbot.waitUntil(lambda: isinstance(started.opening.dialog, UnlockDialog), timeout=15000)
    type_in(qtbot, started.opening.dialog.field, PASSPHRASE)
    qtbot.mouseClick(started.opening.dialog.open_button, Qt.MouseButton.LeftButton)
    opened(started, qtbot)
    assert keystore.entries == {} and not started.window.ctx.session.remembered


def test_passphrase_of_the_variable_opens_without_dialog(app, qtbot, encrypted_file,  # type: ignore[no-untyped-def]
                                                         monkeypatch):
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", PASSPHRASE)
    started = launch(encrypted_file, MemoryKeyStore(), qtbot)
    opened(started, qtbot)
    assert started.opening.dialog is None and started.window.ctx.session.encrypted
