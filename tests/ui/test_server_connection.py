"""The window and the association's server: the connection dialog (settings kept
in QSettings, the password in the keyring or asked each time), the start-up on the server,
a server that cannot be reached (retry, local store, household files), and a save refused
while the connection is lost without losing what was typed."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop_app.app.opening import ServerSettings
from desktop_app.store.errors import LOGIN_REFUSED, UNREACHABLE
from desktop_app.store.repository import open_store
from desktop_app.store.server_connection import keyring_entry, server_url
from desktop_app.ui import app as app_module
from desktop_app.ui.opening.keyring_store import SERVICE, OsKeyStore
from desktop_app.ui.settings.security_card import ON_SERVER
from desktop_app.ui.settings.server_dialog import NO_KEYRING, ConnectionDialog
from desktop_app.ui.settings.server_settings import (
    load,
    save,
    set_use_server,
    use_server,
)
from tests.postgres import TestServer, libpq, url_text
from tests.ui.conftest import settle
from tests.ui.helpers import seed_asll, type_in


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend (`keyring.set_keyring`): the system's, in a test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _no_libpq_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """libpq finds no password by itself: neither PGPASSWORD nor a ~/.pgpass."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "aucun-pgpass"))


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def settings_for(server: TestServer, database: str) -> ServerSettings:
    return ServerSettings(server.url.host or "", server.url.port or 5432, database,
                          server.url.username or "", "disable")


def boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


# --- the connection dialog (Paramètres) ------------------------------------------------------
def open_card_dialog(window, qtbot) -> ConnectionDialog:  # type: ignore[no-untyped-def]
    window.show_screen("parametres", force=True)
    card = window.screens["parametres"].server
    card.open_dialog()
    dialog = card.dialog
    assert isinstance(dialog, ConnectionDialog) and dialog.isVisible()
    return dialog


def fill(qtbot, dialog: ConnectionDialog, settings: ServerSettings, password: str) -> None:  # type: ignore[no-untyped-def]
    type_in(qtbot, dialog.host, settings.host)
    dialog.port.setValue(settings.port)
    type_in(qtbot, dialog.database, settings.database)
    type_in(qtbot, dialog.login, settings.login)
    type_in(qtbot, dialog.password, password)
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData(settings.sslmode))


def connection_result(qtbot, dialog: ConnectionDialog) -> str:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15000)
    return dialog.result_label.text()


def test_the_dialog_tests_the_connection_and_keeps_the_password_in_the_keyring(
        window, qtbot, pg_server, memory_keyring, tmp_path):  # type: ignore[no-untyped-def]
    database = pg_server.create()
    try:
        settings = settings_for(pg_server, database)
        password = pg_server.url.password
        dialog = open_card_dialog(window, qtbot)
        assert dialog.remember.isEnabled()
        fill(qtbot, dialog, settings, "pas-le-bon")
        where = f"postgresql+psycopg://{settings.login}:***@{settings.host}:{settings.port}/" \
                f"{database}?sslmode=disable"
        assert connection_result(qtbot, dialog) == LOGIN_REFUSED.format(where=where)
        type_in(qtbot, dialog.password, password)
        said = connection_result(qtbot, dialog)
        assert said.startswith(f"Connexion réussie au serveur {where} (PostgreSQL ")
        assert said.endswith(" : la base contient déjà les tables de Suivi FSL.")
        dialog.port.setValue(closed_port())
        assert connection_result(qtbot, dialog).startswith("Impossible de joindre le serveur ")
        dialog.port.setValue(settings.port)
        dialog.remember.setChecked(True)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        assert window.screens["parametres"].server.dialog is None
        assert load() == settings and use_server()
        entry = settings.url()  # the URL without password names the keyring's entry
        assert "pas-le-bon" not in entry and password not in entry
        assert memory_keyring.entries == {(SERVICE, entry): password}
        QSettings().sync()
        kept = Path(QSettings().fileName()).read_text(encoding="utf-8")
        assert "hote=127.0.0.1" in kept and password not in kept  # never in the settings
        state = window.screens["parametres"].server.state.text()
        assert state.startswith(f"Au démarrage, la fenêtre se connecte au serveur "
                                f"{settings.host} (base {database}, compte {settings.login})")
        window.screens["parametres"].server.local.click()
        assert not use_server()
    finally:
        pg_server.drop(database)


def test_without_a_keyring_the_password_is_not_kept_and_the_box_says_why(
        window, qtbot, no_keyring):  # type: ignore[no-untyped-def]
    dialog = open_card_dialog(window, qtbot)
    assert not dialog.remember.isEnabled() and dialog.remember.toolTip() == NO_KEYRING
    assert not OsKeyStore().available()
    type_in(qtbot, dialog.host, "pg.asso.local")
    assert connection_result(qtbot, dialog) == ("Indiquez le serveur, la base et le compte, puis "
                                     "réessayez.")
    dialog.reject()


def test_the_keyring_entry_of_a_server_never_holds_its_password() -> None:
    assert keyring_entry("postgresql://equipe:secret@pg.asso.local/suivi_fsl?sslmode=require"
                         "&password=autre") == (
        "postgresql+psycopg://equipe@pg.asso.local/suivi_fsl?sslmode=require")
    settings = ServerSettings("pg.asso.local", 5433, "suivi_fsl", "equipe", "verify-full",
                              "/etc/suivi-fsl/ca.pem")
    assert settings.keyring_entry() == settings.url() == (
        "postgresql+psycopg://equipe@pg.asso.local:5433/suivi_fsl?sslmode=verify-full"
        "&sslrootcert=%2Fetc%2Fsuivi-fsl%2Fca.pem")


# --- start-up on the server ------------------------------------------------------------------
def launch(qtbot, url: str | None):  # type: ignore[no-untyped-def]
    started = app_module.Launch(url)
    qtbot.addWidget(started.window)
    return started


def store_label(started) -> str:  # type: ignore[no-untyped-def]
    label = started.window.findChild(QLabel, "storeLabel")
    return label.text()


def closed(qtbot, started) -> None:  # type: ignore[no-untyped-def]
    """The store closed once nothing runs on it any more (a read started after `close`
    would open a connection nobody closes)."""
    qtbot.waitUntil(lambda: started.runner.idle, timeout=15000)
    if started.ctx.store is not None:
        started.ctx.store.close()
    started.window.close()


def test_the_window_opens_the_chosen_server_with_the_remembered_password(
        app, qtbot, pg_server, memory_keyring):  # type: ignore[no-untyped-def]
    database = pg_server.create()
    try:
        settings = settings_for(pg_server, database)
        save(settings)
        set_use_server(True)
        memory_keyring.entries[(SERVICE, settings.url())] = pg_server.url.password
        started = launch(qtbot, None)
        qtbot.waitUntil(lambda: started.window.isVisible() and started.runner.idle,
                        timeout=15000)
        assert started.error is None and started.on_server
        assert store_label(started) == (f"Base : postgresql+psycopg://{settings.login}@"
                                        f"{settings.host}:{settings.port}/{database}"
                                        "?sslmode=disable")
        assert started.window.ctx.session.remembered and started.window.ctx.session.database is None
        started.window.show_screen("parametres", force=True)
        security = started.window.screens["parametres"].security
        security.refresh()  # a server's store: no file encryption offered
        assert security.state.text() == ON_SERVER and security.change.isHidden()
        closed(qtbot, started)
    finally:
        pg_server.drop(database)


def test_a_refused_login_asks_for_the_password_again_until_it_opens(
        app, qtbot, pg_server, no_keyring):  # type: ignore[no-untyped-def]
    database = pg_server.create()
    try:
        settings = settings_for(pg_server, database)
        started = launch(qtbot, settings.url())
        opening = started.opening
        qtbot.waitUntil(lambda: opening.server_dialog is not None, timeout=15000)
        dialog = opening.server_dialog
        # The URL has no password: libpq found none (no PGPASSWORD, no ~/.pgpass, no keyring).
        assert dialog.result_label.text() == LOGIN_REFUSED.format(where=settings.url())
        assert not dialog.remember.isEnabled()  # no keyring: asked at each start
        type_in(qtbot, dialog.password, "pas-le-bon")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.isEnabled(), timeout=15000)
        assert dialog.result_label.text().startswith(
            f"Le serveur {settings.url().replace('@', ':***@')} a refusé la connexion")
        type_in(qtbot, dialog.password, pg_server.url.password)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: started.window.isVisible() and started.runner.idle,
                        timeout=15000)
        assert started.error is None and opening.server_dialog is None
        assert not started.window.ctx.session.remembered
        # A server named on the command line changes none of the user's settings.
        assert not use_server() and load() == ServerSettings()
        closed(qtbot, started)
    finally:
        pg_server.drop(database)


def test_the_first_launch_offers_the_server_beside_a_new_local_store(
        app, qtbot, pg_server, memory_keyring):  # type: ignore[no-untyped-def]
    from desktop_app.ui.opening.passphrase_dialogs import FirstLaunchDialog

    database = pg_server.create()
    try:
        settings = settings_for(pg_server, database)
        started = launch(qtbot, None)  # no local store yet, no server chosen
        qtbot.waitUntil(lambda: isinstance(started.opening.dialog, FirstLaunchDialog))
        first = started.opening.dialog
        qtbot.mouseClick(first.server, Qt.MouseButton.LeftButton)
        dialog = started.opening.server_dialog
        assert isinstance(dialog, ConnectionDialog) and dialog.isVisible()
        fill(qtbot, dialog, settings, pg_server.url.password)
        dialog.remember.setChecked(True)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: started.window.isVisible() and started.runner.idle,
                        timeout=15000)
        assert started.error is None and started.on_server
        assert store_label(started) == f"Base : {settings.url()}"
        assert load() == settings and use_server()  # the next start opens the server
        assert memory_keyring.entries == {(SERVICE, settings.url()): pg_server.url.password}
        from desktop_app.paths import data_dir

        assert not (data_dir() / "suivi-fsl.sqlite3").exists()  # no local store made
        closed(qtbot, started)
    finally:
        pg_server.drop(database)


# --- offline ---------------------------------------------------------------------------------
@pytest.fixture
def local_store(empty_store_file: Path) -> Path:
    """The local store of the data folder, already there."""
    from desktop_app.paths import data_dir

    path = data_dir() / "suivi-fsl.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(empty_store_file, path)
    return path


def offline_box(qtbot, started):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: started.offline is not None and started.offline.isVisible(),
                    timeout=15000)
    return started.offline


def test_an_unreachable_server_is_said_and_the_local_store_opens_instead(
        app, qtbot, local_store):  # type: ignore[no-untyped-def]
    url = server_url("127.0.0.1", closed_port(), "suivi_fsl", "equipe", "disable")
    started = launch(qtbot, url)
    box = offline_box(qtbot, started)
    assert box.windowTitle() == "Serveur de l'association injoignable"
    assert UNREACHABLE.format(where=url) in box.text()
    assert f"base locale de cet ordinateur ({local_store})" in box.text()
    assert [b.text() for b in box.answers.values()] == [
        "Réessayer", "Ouvrir la base locale", "Base locale et dossier reçu…", "Quitter"]
    box.answers[app_module.RETRY].click()  # still unreachable: asked again
    box = offline_box(qtbot, started)
    box.answers[app_module.LOCAL].click()
    qtbot.waitUntil(lambda: started.window.isVisible() and started.runner.idle, timeout=15000)
    assert started.error is None and not started.on_server
    assert store_label(started) == f"Base : {local_store}"
    assert started.ctx.store.association().name == "Association de test"
    closed(qtbot, started)


def test_offline_the_household_files_are_offered_on_the_local_store(
        app, qtbot, local_store, monkeypatch):  # type: ignore[no-untyped-def]
    from desktop_app.ui.household import file_actions as household_file_actions
    merged: list[object] = []
    monkeypatch.setattr(household_file_actions, "merge_file",
                        lambda parent, ctx: merged.append(ctx.store.where))
    started = launch(qtbot, server_url("127.0.0.1", closed_port(), "suivi_fsl", "equipe",
                                       "disable"))
    offline_box(qtbot, started).answers[app_module.FILES].click()
    qtbot.waitUntil(lambda: started.window.isVisible() and started.runner.idle, timeout=15000)
    assert merged == [str(local_store)]  # « Fusionner un dossier reçu… » on the local store
    closed(qtbot, started)


# --- a save while the connection is lost -------------------------------------------------------
def test_a_save_while_the_server_is_unreachable_is_refused_and_keeps_what_was_typed(
        app, qtbot, pg_server):  # type: ignore[no-untyped-def]
    from desktop_app.store.engine import create_store_engine
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow
    from tests.ui.conftest import TODAY, team

    database = pg_server.create()
    store = open_store(url_text(pg_server.url_of(database)))
    try:
        for worker in team():
            store.save_worker(worker)
        seed_asll(store)
        window = MainWindow(AppContext(store, today=lambda: TODAY), "Base : serveur")
        qtbot.addWidget(window)
        window.show()
        window.start()
        settle(qtbot, window)
        window.ctx.open_household.emit("h1")
        settle(qtbot, window)
        screen = window.screens["menage"]
        type_in(qtbot, screen.identity.fields["city"], "Lens")
        # The connection is lost: every backend of the database ended by the server, and the
        # engine now points at a port nobody listens on.
        with psycopg.connect(libpq(pg_server.url), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = %s AND pid <> pg_backend_pid()", (database,))
        online = store.engine
        store.engine = create_store_engine(pg_server.url_of(database).set(port=closed_port()))
        screen.save_identity()
        settle(qtbot, window)
        shown = boxes()
        assert [b.windowTitle() for b in shown] == ["Connexion au serveur impossible"]
        assert shown[0].text().startswith("Impossible de joindre le serveur ")
        assert shown[0].text().endswith("Vos saisies sont conservées à l'écran : enregistrez "
                                        "de nouveau une fois la connexion revenue.")
        shown[0].close()
        assert screen.identity.fields["city"].text() == "Lens" and screen.identity.dirty
        # The connection is back (the engine's dead connections are replaced: pre-ping).
        store.engine.dispose()
        store.engine = online
        screen.save_identity()
        settle(qtbot, window)
        assert boxes() == [] and not screen.identity.dirty
        assert store.household("h1").city == "Lens"
        window.close()
    finally:
        store.close()
        pg_server.drop(database)
