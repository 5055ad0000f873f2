"""Backups from the window: « Sauvegarder maintenant », the restore dialog driven
like a worker (choose, confirm, data restored), the damaged store at start-up, the folder."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction

from desktop_app.domain.model import Household
from desktop_app.interchange import caseload_to_json
from desktop_app.store.backup import list_backups, make_backup, quick_check
from desktop_app.store.errors import StoreError
from desktop_app.ui.opening import backup_startup
from desktop_app.ui.settings import backup_actions, backup_card, backup_dialog
from desktop_app.ui.settings.backup_settings import backup_folder, set_backup_folder
from tests.ui.conftest import settle
from tests.ui.helpers import closed, seed_asll


@pytest.fixture
def folder(tmp_path: Path, app) -> Path:  # type: ignore[no-untyped-def]
    chosen = tmp_path / "cle-usb" / "sauvegardes"
    set_backup_folder(chosen)
    return chosen


def _action(window, text: str) -> QAction:  # type: ignore[no-untyped-def]
    found = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == text]
    assert len(found) == 1, text
    return found[0]


def _restore_the_newest(qtbot, window, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """« Restaurer » on the newest backup of the restore dialog, confirmed: the dialog."""
    monkeypatch.setattr(backup_dialog, "confirm", lambda _parent, _info: True)
    dialog = backup_dialog.open_restore_dialog(window, window.ctx)
    settle(qtbot, window)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    return dialog


def test_backup_now_from_the_file_menu(qtbot, window, folder: Path,  # type: ignore[no-untyped-def]
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_actions, "now", lambda: datetime(2025, 9, 16, 17, 5, 0))
    _action(window, "Sauvegarder maintenant").trigger()
    settle(qtbot, window)
    made = folder / "suivi-fsl-2025-09-16T170500.sqlite3.bak"
    assert list_backups(folder) == [made]
    assert window.statusBar().currentMessage() == f"Sauvegarde enregistrée : {made}"


def test_the_restore_dialog_restores_the_chosen_backup(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.ctx.store
    seed_asll(store)  # DURAND Marie, one ASLL measure, no visit
    older = make_backup(store, folder, datetime(2025, 9, 12, 18, 0, 0))
    store.save_household(Household("h2", "MARTIN Paul"))
    at_backup = caseload_to_json(store.export_caseload())
    make_backup(store, folder, datetime(2025, 9, 15, 18, 30, 0))
    store.save_household(Household("h3", "PETIT Léa"))  # typed after the last backup
    asked: list[str] = []
    monkeypatch.setattr(backup_dialog, "confirm",
                        lambda _parent, info: asked.append(backup_dialog.describe(info)) or True)
    _action(window, "Restaurer une sauvegarde…").trigger()
    dialog = window.findChild(backup_dialog.RestoreDialog)
    settle(qtbot, window)
    table = dialog.table
    assert table.rowCount() == 2  # newest first, its date and counts
    assert [table.item(0, c).text() for c in range(6)] == [
        "15/09/2025 à 18:30", "2", "1", "0", "2", "Bonne"]
    assert [table.item(1, c).text() for c in range(3)] == ["12/09/2025 à 18:00", "1", "1"]
    assert older.exists()
    table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert asked == ["la sauvegarde du 15/09/2025 à 18:30 (2 ménages, 1 mesures, 0 visites, "
                     "2 travailleurs sociaux)"]
    assert closed(dialog)
    assert caseload_to_json(store.export_caseload()) == at_backup  # PETIT Léa is gone…
    aside = list(Path(store.where).parent.glob("suivi.sqlite3.avant-restauration-*"))
    assert len(aside) == 1  # …but kept aside with the store as it was
    assert window.statusBar().currentMessage().startswith(
        "Base restaurée depuis la sauvegarde du 15/09/2025 à 18:30 ; l'ancienne base est "
        "gardée : ")


def test_a_damaged_backup_is_listed_but_cannot_be_chosen(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path) -> None:
    made = make_backup(window.ctx.store, folder, datetime(2025, 9, 15, 18, 30, 0))
    made.write_bytes(made.read_bytes()[:3000])  # cut short
    dialog = backup_dialog.open_restore_dialog(window, window.ctx)
    settle(qtbot, window)
    assert dialog.table.item(0, 0).text() == "15/09/2025 à 18:30"  # from its name
    assert dialog.table.item(0, 5).text() == "Endommagée"
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    assert dialog.reason.text().startswith(f"La sauvegarde {made} est endommagée")
    dialog.close()


def test_a_damaged_store_at_start_up_offers_the_latest_good_backup(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.ctx.store
    seed_asll(store)
    good = caseload_to_json(store.export_caseload())
    make_backup(store, folder, datetime(2025, 9, 14, 9, 0, 0))
    newest = make_backup(store, folder, datetime(2025, 9, 15, 9, 0, 0))
    newest.write_bytes(newest.read_bytes()[:5000])  # the newest backup is damaged too
    store.close()  # the WAL folded in, then a bad sector over every page but the first
    database = Path(store.where)
    data = bytearray(database.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    database.write_bytes(bytes(data))
    offered: list[list[str]] = []
    monkeypatch.setattr(backup_startup, "ask_restore_latest",
                        lambda _p, problems, can_choose: offered.append(problems) or "derniere")
    backup_startup.check_at_start(window, window.ctx)
    settle(qtbot, window)
    assert len(offered) == 1 and offered[0]  # SQLite's problems were shown
    assert quick_check(store.engine) == []
    assert caseload_to_json(store.export_caseload()) == good  # from the 14/09 backup
    assert window.statusBar().currentMessage().startswith(
        "Base restaurée depuis la sauvegarde du 14/09/2025 à 09:00")


def test_a_sound_store_at_start_up_gets_its_day_backup(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_actions, "now", lambda: datetime(2025, 9, 16, 8, 30, 0))
    make_backup(window.ctx.store, folder, datetime(2025, 9, 15, 8, 30, 1))  # 23 h 59 min 59 s
    backup_startup.check_at_start(window, window.ctx)
    settle(qtbot, window)
    assert len(list_backups(folder)) == 1  # less than a day old: none made
    monkeypatch.setattr(backup_actions, "now", lambda: datetime(2025, 9, 16, 8, 30, 1))
    backup_startup.check_at_start(window, window.ctx)  # exactly a day: one made
    settle(qtbot, window)
    assert list_backups(folder)[0].name == "suivi-fsl-2025-09-16T083001.sqlite3.bak"


def test_the_settings_card_chooses_the_folder(qtbot, window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "partage" / "fsl"
    monkeypatch.setattr(backup_card, "choose_folder", lambda _parent, _current: chosen)
    window.show_screen("parametres")
    window.screens["parametres"].tabs.setCurrentIndex(1)  # « Sécurité et sauvegardes »
    settle(qtbot, window)
    card = window.screens["parametres"].backups
    card.choose()
    assert backup_folder() == chosen
    assert card.folder.text() == f"Dossier des sauvegardes : {chosen}"


def test_the_picture_of_the_restore_dialog(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    from devtools.backup_screenshots import restore_dialog_picture

    seed_asll(window.ctx.store)
    paths = restore_dialog_picture(window, tmp_path, datetime(2025, 9, 16).date())
    assert [p.name for p in paths] == ["restauration.png"]
    image = QImage(str(paths[0]))
    assert image.width() >= 700 and image.height() >= 300  # the dialog is 760 × 380
    assert window.findChild(backup_dialog.RestoreDialog) is None or closed(
        window.findChild(backup_dialog.RestoreDialog))


def test_a_store_file_that_does_not_open_is_replaced_by_its_latest_good_backup(  # type: ignore[no-untyped-def]
        qtbot, app, store, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.store.repository import open_store
    from desktop_app.store.startup import open_checked
    from desktop_app.ui.background import BackgroundRunner

    seed_asll(store)
    good = caseload_to_json(store.export_caseload())
    make_backup(store, folder, datetime(2025, 9, 15, 9, 0, 0))
    store.close()
    database = Path(store.where)
    database.write_bytes(b"\x00ceci n'est plus une base" * 500)  # overwritten whole
    url = f"sqlite:///{database}"
    with pytest.raises(StoreError) as raised:
        open_checked(url)
    shown: list[str] = []
    monkeypatch.setattr(backup_startup, "ask_restore_latest", lambda _p, problems: "derniere")
    monkeypatch.setattr(backup_startup.QMessageBox, "information",
                        lambda _parent, title, text: shown.append(f"{title} : {text}"))
    codes: list[int] = []
    runner = BackgroundRunner()
    assert backup_startup.offer_restore_file(url, raised.value, runner, codes.append)
    qtbot.waitUntil(lambda: codes == [0], timeout=15000)
    assert shown[0].startswith("Base restaurée : La base a été remplacée par la sauvegarde du "
                               "15/09/2025 à 09:00 (1 ménages, 1 mesures, 0 visites, 2 "
                               "travailleurs sociaux)")
    again = open_store(url)
    assert caseload_to_json(again.export_caseload()) == good
    again.close()
    assert len(list(database.parent.glob("suivi.sqlite3.avant-restauration-*"))) == 1


def test_the_backup_at_close_follows_the_setting(store, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.settings.backup_settings import set_automatic

    made = backup_actions.backup_at_close(store)
    assert made is not None and list_backups(folder) == [made]
    set_automatic(False)
    assert backup_actions.backup_at_close(store) is None
    assert list_backups(folder) == [made]


def test_the_damaged_store_question_in_french(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend([box.text(), *(b.text() for b in box.buttons())])
        chosen = [b for b in box.buttons() if b.text() == "Choisir une sauvegarde…"]
        chosen[0].click()

    QTimer.singleShot(0, answer)
    assert backup_startup.ask_restore_latest(window, ["Page 33: btreeInitPage()"],
                                             can_choose=True) == backup_startup.CHOOSE
    assert seen[0].startswith("La base de données est endommagée : SQLite y trouve des erreurs.")
    assert set(seen[1:]) >= {"Restaurer la dernière sauvegarde", "Choisir une sauvegarde…",
                             "Continuer sans restaurer"}


def test_a_failed_restoration_leaves_the_dialog_usable(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's file is busy: the error is said, the dialog stays, « Restaurer… » can be
    clicked again once the other program is closed."""
    import desktop_app.store.backup as backup_module

    make_backup(window.ctx.store, folder, datetime(2025, 9, 15, 18, 30, 0))

    def busy(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreError("Le fichier de la base est utilisé par un autre programme.")

    monkeypatch.setattr(backup_module, "restore_in_place", busy)
    dialog = _restore_the_newest(qtbot, window, monkeypatch)
    assert not closed(dialog) and dialog.isVisible()
    assert dialog.restore_button.isEnabled()
    assert "utilisé par un autre programme" in str(window.ctx.runner.last_error)
    dialog.close()


def test_closing_the_restore_dialog_while_the_backups_are_read(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path) -> None:
    """Reading the backups of a slow USB key takes time: « Fermer » meanwhile is fine (the
    list read afterwards is dropped, the deleted dialog is not touched)."""
    make_backup(window.ctx.store, folder, datetime(2025, 9, 15, 18, 30, 0))
    dialog = backup_dialog.open_restore_dialog(window, window.ctx)
    dialog.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleted before…
    settle(qtbot, window)  # …the list read comes back
    assert closed(dialog) and window.ctx.runner.last_error is None


def test_an_old_backup_that_cannot_be_deleted_does_not_fail_the_new_one(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rotation could not delete an old backup (a read-only key, a file held by an
    antivirus): the new backup is made and said; the old ones stay (nothing is lost), and
    the backup at close does not end in a traceback either."""
    import desktop_app.store.backup as backup_module

    def held(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backup_module, "rotate", held)
    monkeypatch.setattr(backup_actions, "now", lambda: datetime(2025, 9, 16, 17, 5, 0))
    backup_actions.backup_now(window.ctx)
    settle(qtbot, window)
    made = folder / "suivi-fsl-2025-09-16T170500.sqlite3.bak"
    assert window.ctx.runner.last_error is None and list_backups(folder) == [made]
    assert window.statusBar().currentMessage() == f"Sauvegarde enregistrée : {made}"
    monkeypatch.setattr(backup_actions, "now", lambda: datetime(2025, 9, 16, 18, 0, 0))
    assert backup_actions.backup_at_close(window.ctx.store) == (
        folder / "suivi-fsl-2025-09-16T180000.sqlite3.bak")


def test_the_window_says_in_french_that_the_store_is_open_elsewhere(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another window (or an import) has the store open: the restoration is refused with the
    same French words as on the command line, nothing is changed, the dialog stays; once the
    other one is closed, the restoration goes through."""
    from desktop_app.store.repository import open_store
    from desktop_app.store.store_lock import IN_USE

    store = window.ctx.store
    seed_asll(store)
    at_backup = caseload_to_json(store.export_caseload())
    make_backup(store, folder, datetime(2025, 9, 15, 18, 30, 0))
    store.save_household(Household("h2", "MARTIN Paul"))
    other = open_store(f"sqlite:///{store.where}")  # another window on the same file
    dialog = _restore_the_newest(qtbot, window, monkeypatch)
    assert str(window.ctx.runner.last_error) == IN_USE.format(where=store.where)
    assert not closed(dialog) and dialog.restore_button.isEnabled()
    assert {h["id"] for h in caseload_to_json(store.export_caseload())["households"]} >= {"h2"}
    assert not list(Path(store.where).parent.glob("*avant-restauration*"))
    other.close()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert closed(dialog)
    assert caseload_to_json(store.export_caseload()) == at_backup


def test_start_up_removes_what_a_killed_backup_left(  # type: ignore[no-untyped-def]
        qtbot, window, folder: Path) -> None:
    import subprocess

    from desktop_app.store.backup_names import staging_name

    ended = subprocess.Popen(["true"])
    ended.wait()  # the process of the killed backup, gone
    folder.mkdir(parents=True)
    final = folder / "suivi-fsl-2025-09-15T180000.sqlite3.bak"
    left = staging_name(final, ended.pid)
    left.write_bytes(b"\x00" * 4096)
    writing = staging_name(final, os.getppid())  # a backup another running process writes
    writing.write_bytes(b"\x00" * 4096)
    backup_startup.check_at_start(window, window.ctx)
    settle(qtbot, window)
    assert not left.exists() and writing.exists()


def test_the_confirmation_says_a_plain_backup_will_be_encrypted(  # type: ignore[no-untyped-def]
        app, tmp_path: Path) -> None:
    """The window's restoration of a plain backup into its encrypted store is the express
    request `restore` needs: the question says so (and only then)."""
    from desktop_app.app.backups import encrypts_plain
    from desktop_app.store.backup import backup_info
    from desktop_app.store.repository import open_store

    plain, secret = (open_store(f"sqlite:///{tmp_path / name}", key) for name, key in (
        ("clair.sqlite3", None), ("chiffre.sqlite3", "Une phrase de passe assez longue")))
    try:
        made = backup_info(make_backup(plain, tmp_path / "s", datetime(2025, 9, 15)), None)
        assert (encrypts_plain(secret, made), encrypts_plain(plain, made)) == (True, False)
    finally:
        plain.close()
        secret.close()
    assert backup_dialog.PLAIN_NOTE.strip().startswith("Cette sauvegarde n'est pas chiffrée")
