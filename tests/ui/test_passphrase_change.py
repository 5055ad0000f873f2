"""Paramètres › Sécurité: encrypt a plain store, change the passphrase of an encrypted one;
the store is closed, converted off the GUI thread, and reopened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.store.errors import WrongPassphraseError
from desktop_app.store.keys import looks_encrypted
from desktop_app.ui.opening.keyring_store import MemoryKeyStore
from desktop_app.ui.opening.passphrase_dialogs import WRONG
from desktop_app.ui.opening.store_session import StoreSession
from tests.ui.conftest import TODAY, settle
from tests.ui.helpers import closed, seed_asll, type_in

FIRST = "Premiere-Phrase-2025!"
SECOND = "le chat de ma voisine mange des croquettes"  # 8 words


def ask_change(qtbot, window):  # type: ignore[no-untyped-def]
    window.show_screen("parametres")
    window.screens["parametres"].tabs.setCurrentIndex(1)  # « Sécurité et sauvegardes »
    settle(qtbot, window)
    card = window.screens["parametres"].security
    qtbot.mouseClick(card.change, Qt.MouseButton.LeftButton)
    from desktop_app.ui.settings.passphrase_change import ChangePassphraseDialog

    dialogs = window.findChildren(ChangePassphraseDialog)
    qtbot.waitUntil(lambda: dialogs[-1].isVisible())
    return card, dialogs[-1]


def submit(qtbot, window, dialog, new: str, current: str = "") -> None:  # type: ignore[no-untyped-def]
    if current:
        type_in(qtbot, dialog.current, current)
    type_in(qtbot, dialog.fields.first, new)
    type_in(qtbot, dialog.fields.second, new)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def test_encrypt_then_change_the_passphrase(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    from desktop_app.store.repository import open_store

    path = tmp_path / "suivi.sqlite3"  # the `store` fixture's file
    url = f"sqlite:///{path}"
    keystore = MemoryKeyStore()
    window.ctx.session = StoreSession(url, path, None, keystore)
    seed_asll(window.ctx.store)
    card, dialog = ask_change(qtbot, window)
    assert card.change.text() == "Chiffrer la base…" and not dialog.current.isVisible()
    dialog.remember.setChecked(True)
    submit(qtbot, window, dialog, FIRST)
    assert closed(dialog) and looks_encrypted(path) and window.ctx.session.encrypted
    assert keystore.get(path) == FIRST
    assert b"DURAND" not in path.read_bytes()
    # The window goes on with the reopened store.
    assert [r.name for r in window.ctx.store.household_rows(TODAY, "", 10)] == ["DURAND Marie"]
    assert card.change.text() == "Changer le mot de passe…"
    assert card.state.text().startswith("Base chiffrée")

    card, dialog = ask_change(qtbot, window)
    dialog.remember.setChecked(False)
    submit(qtbot, window, dialog, SECOND, current="Pas-le-bon-2025!")
    assert dialog.isVisible() and dialog.error.text() == WRONG  # nothing changed
    submit(qtbot, window, dialog, SECOND, current=FIRST)
    assert closed(dialog) and window.ctx.session.secret.matches(SECOND)
    assert keystore.get(path) is None  # no longer remembered, as asked
    with pytest.raises(WrongPassphraseError):
        open_store(url, FIRST)
    again = open_store(url, SECOND)
    assert [r.name for r in again.household_rows(TODAY, "", 10)] == ["DURAND Marie"]
    again.close()
    window.ctx.store.close()


def test_encryption_is_refused_while_another_window_has_the_store_open(  # type: ignore[no-untyped-def]
        qtbot, window, tmp_path):
    """The issue: the file replaced under another window (or an import), its writes went to
    the old file and were lost. Now refused in French; the window goes on with its store,
    still plain; once the other one is closed, the encryption goes through."""
    from desktop_app.domain.model import Household
    from desktop_app.store.keys import looks_plain
    from desktop_app.store.repository import open_store
    from desktop_app.store.store_lock import ENCRYPTING_IN_USE

    path = tmp_path / "suivi.sqlite3"
    url = f"sqlite:///{path}"
    window.ctx.session = StoreSession(url, path, None, MemoryKeyStore())
    seed_asll(window.ctx.store)
    other = open_store(url)  # another window on the same file
    try:
        _card, dialog = ask_change(qtbot, window)
        submit(qtbot, window, dialog, FIRST)
        qtbot.waitUntil(lambda: dialog.isEnabled())
        assert dialog.isVisible() and dialog.error.text().startswith(
            ENCRYPTING_IN_USE.format(where=path))
        assert looks_plain(path) and not window.ctx.session.encrypted
        window.ctx.store.save_household(Household("h-fenetre", "FENÊTRE Encore"))
        other.save_household(Household("h-autre", "AUTRE Fenêtre"))
    finally:
        other.close()
    submit(qtbot, window, dialog, FIRST)
    assert closed(dialog) and window.ctx.session.encrypted
    assert {r.name for r in window.ctx.store.household_rows(TODAY, "", 10)} == {
        "DURAND Marie", "FENÊTRE Encore", "AUTRE Fenêtre"}
    window.ctx.store.close()
