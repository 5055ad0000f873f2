"""Start the window: QApplication in French, the store opened off the GUI thread, the window.

Only Qt and the window's own modules are imported here; the report libraries (reportlab,
openpyxl) load when a report is asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from typing import ClassVar

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QSettings,
    Qt,
    QThread,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from desktop_app import __version__
from desktop_app.app.opening import shown_address
from desktop_app.display_check import QT_FAILED, display_problem, platform_name
from desktop_app.paths import default_db_url, is_server_url, local_db_url, sqlite_path
from desktop_app.store.api import Store
from desktop_app.store.errors import ServerConnectionError
from desktop_app.ui.about import app_icon
from desktop_app.ui.background import BackgroundRunner, describe_error
from desktop_app.ui.garbage import install_collector
from desktop_app.ui.opening.backup_startup import check_at_start, offer_restore_file
from desktop_app.ui.opening.keyring_store import KeyStore
from desktop_app.ui.opening.store_opening import StoreOpening
from desktop_app.ui.opening.store_session import StoreSession
from desktop_app.ui.settings.backup_actions import backup_at_close
from desktop_app.ui.settings.server_settings import start_url

ORGANIZATION = "SuiviFSL"
APPLICATION = "Suivi FSL"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the one already there), French everywhere, styled."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        with _start_guard():
            app = QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app)
    return app


@contextmanager
def _start_guard() -> Iterator[None]:
    """The safety net under `display_check`: while the QApplication is made, a
    platform plugin that cannot start ends the process with the French message and exit code
    1 instead of Qt's English text and an abort (a core dump). Qt's notes on its platform
    (categories `qt.qpa.*`, English: « could not connect to display »…) are held back and
    said only once the platform started; every other message goes on as before."""
    previous = None
    held: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            problem = display_problem() or QT_FAILED.format(platform=platform_name())
            sys.stdout.flush()
            print(problem, file=sys.stderr, flush=True)
            os._exit(1)  # Qt aborts when this returns; nothing was written yet
        if (context.category or "").startswith("qt.qpa"):
            held.append(message)  # said only if the platform did start
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
    for message in held:
        print(message, file=sys.stderr)


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("suivi-fsl")  # the .desktop file of packaging/linux (its icon)
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    QLocale.setDefault(french)
    if not app.property("suivi_fsl_translated"):
        app.installTranslator(MissingFrench(app))  # asked last: after Qt's own catalogue
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(french, "qtbase", "_", folder):
            app.installTranslator(translator)
        app.setProperty("suivi_fsl_translated", True)
    app.setStyleSheet(style_sheet())


class MissingFrench(QTranslator):
    """The few words of Qt's file dialog that `qtbase_fr` does not translate (their source
    text gained a « & » since): without them « Look in: » would show in English."""

    WORDS: ClassVar[dict[tuple[str, str], str]] = {
        ("QFileDialog", "&Look in:"): "&Voir dans\u00a0:",
        ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
        ("QAbstractFileIconProvider", "Folder"): "Dossier",
        ("QAbstractFileIconProvider", "Drive"): "Lecteur",
        ("QAbstractFileIconProvider", "File"): "Fichier",
    }

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return self.WORDS.get((context, source), "")


def style_sheet() -> str:
    return (resources.files("desktop_app.resources") / "style.qss").read_text(encoding="utf-8")


class StartWindow(QWidget):
    """« Ouverture de la base… » with a busy bar, while the store opens (and migrates)."""

    def __init__(self, url: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen)
        self.setWindowTitle(APPLICATION)
        layout = QVBoxLayout(self)
        title = QLabel("Suivi FSL", self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(QLabel("Ouverture de la base de données…", self))
        bar = QProgressBar(self)
        bar.setRange(0, 0)
        bar.setAccessibleName("Ouverture en cours")
        layout.addWidget(bar)
        self.resize(380, 120)


class Launch:
    """Start-up: the store opens in the background (SQLAlchemy loads, migrations run) while
    the window is built; once open, the window shows and the dashboard starts loading.

    `url` None: the store the user chose (the association's server when set in the
    connection dialog, else the local store). A server that cannot be reached is
    said in French with a choice (`offline`): retry, or the local store instead — alone, or
    with « Fusionner un dossier reçu… » at once."""

    def __init__(self, url: str | None, today: Callable[[], date] = date.today,
                 interactive: bool = True, keystore: KeyStore | None = None) -> None:
        self.app = make_application()
        from_settings = url is None
        if url is None:
            url = start_url(default_db_url())
        self.url = url
        self.runner = BackgroundRunner(self.app)
        install_collector(self.app)
        self.interactive = interactive
        self.keystore = keystore
        self.error: BaseException | None = None
        self.cancelled = False
        #: The question of a server that cannot be reached, while it is shown.
        self.offline: OfflineBox | None = None
        self._then_merge = False
        self.splash = StartWindow(url)
        if interactive:
            self.splash.show()
        self._open(url, from_settings)
        # start-up cost: the splash shows, and the store starts opening, before the window's
        # modules load
        from desktop_app.app.dashboard import Ahead

        # The dashboard computed right after the store opens, while the window is built.
        ahead, opening = Ahead(today()), self.opening
        self.runner.run(lambda: ahead.compute(opening.store), on_error=lambda _error: None,
                        text="Calcul des alertes et des points du jour…")
        from desktop_app.ui.context import AppContext
        from desktop_app.ui.main_window import MainWindow

        self.ctx = AppContext(None, today=today, runner=self.runner)
        self.window = MainWindow(self.ctx, f"Base : {store_label(url)}")
        self.window.dashboard.ahead = ahead

    @property
    def on_server(self) -> bool:
        return is_server_url(self.url)

    def _open(self, url: str, from_settings: bool = False) -> None:
        # A passphrase asked for where needed (first launch, encrypted store); a
        # server's password where the server asks for one.
        self.opening = StoreOpening(self.runner, url, ask=self.interactive,
                                    keystore=self.keystore, from_settings=from_settings)
        self.opening.opened.connect(self._opened)
        self.opening.failed.connect(self._failed)
        self.opening.cancelled.connect(self._cancelled)
        self.opening.asking.connect(self.splash.hide)
        self.opening.start()

    def _opened(self, store: Store, session: StoreSession | None = None) -> None:
        self.ctx.store = store
        if self.opening.url != self.url:  # the server chosen at the first launch
            self._rename(self.opening.url)
        if session is not None:
            self.ctx.session = session
        self.window.show()
        self.splash.close()
        self.window.start()
        # Quick integrity check, then the day's backup: a file's. A server is
        # backed up on the server (docs/serveur.md).
        if self.interactive and not self.on_server:
            check_at_start(self.window, self.ctx)
        if self._then_merge:
            self._then_merge = False
            # start-up cost: the household file's module brings the reports
            from desktop_app.ui.window_chrome import merge_file

            merge_file(self.window)

    def _rename(self, url: str) -> None:
        self.url = url
        label = self.window.findChild(QLabel, "storeLabel")
        if label is not None:
            label.setText(f"Base : {store_label(url)}")

    def _cancelled(self) -> None:
        """« Quitter » in the first-launch or unlock dialog: nothing opened, nothing shown."""
        self.splash.close()
        self.cancelled = True
        if self.interactive and QThread.currentThread().loopLevel() > 0:  # app.exec() runs
            self.app.exit(0)

    def _failed(self, error: BaseException) -> None:
        self.splash.close()
        self.error = error
        if not self.interactive:
            return
        if isinstance(error, ServerConnectionError):
            self.offline = OfflineBox(error, self._offline_choice)
            self.offline.open()
            return
        if offer_restore_file(self.url, error, self.runner, self.app.exit):
            return  # a damaged file: its latest good backup offered
        title, text, details = describe_error(error)
        box = QMessageBox(QMessageBox.Icon.Critical, title,
                          "La base de données n'a pas pu être ouverte.\n\n" + text)
        if details:
            box.setDetailedText(details)
        box.exec()
        self.app.exit(1)


    def _offline_choice(self, choice: str) -> None:
        """The answer to `OfflineBox`: try the same store again, or open the local one."""
        self.offline = None
        if choice == QUIT:
            self.app.exit(1)
            return
        self.error = None
        if choice in (LOCAL, FILES):
            self._then_merge = choice == FILES
            self._rename(local_db_url())
        self._open(self.url)


#: The answers of `OfflineBox`.
RETRY, LOCAL, FILES, QUIT = "reessayer", "locale", "fichiers", "quitter"
OFFLINE_TITLE = "Serveur de l'association injoignable"
OFFLINE_TEXT = (
    "La fenêtre n'a pas pu se connecter au serveur de l'association.\n\n{error}\n\n"
    "Vous pouvez réessayer, ou travailler en attendant sur la base locale de cet ordinateur "
    "({local}) : elle est distincte de celle du serveur, rien n'y est recopié. Pour passer un "
    "dossier d'un poste à l'autre : « Exporter le dossier… » sur l'écran du ménage, puis "
    "« Fichier › Fusionner un dossier reçu… » sur l'autre poste.")


class OfflineBox(QMessageBox):
    """« Serveur injoignable »: what failed, in French, and the four ways on.
    Non-blocking; `answers`: its buttons by answer (tests click them)."""

    def __init__(self, error: BaseException, answer: Callable[[str], None]) -> None:
        super().__init__(QMessageBox.Icon.Warning, OFFLINE_TITLE, OFFLINE_TEXT.format(
            error=error, local=store_label(local_db_url())))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        roles = QMessageBox.ButtonRole
        self.answers = {
            RETRY: self.addButton("Réessayer", roles.AcceptRole),
            LOCAL: self.addButton("Ouvrir la base locale", roles.ActionRole),
            FILES: self.addButton("Base locale et dossier reçu…", roles.ActionRole),
            QUIT: self.addButton("Quitter", roles.RejectRole),
        }
        self.answers[FILES].setToolTip("Ouvre la base locale puis « Fusionner un dossier "
                                       "reçu… » : le fichier d'un ménage qu'un collègue vous a "
                                       "envoyé.")
        self.setDefaultButton(self.answers[RETRY])
        self.buttonClicked.connect(lambda button: answer(next(
            (key for key, each in self.answers.items() if each is button), QUIT)))


def run_gui(store_url: str | None) -> int:
    """Open the window on the store at `store_url` (None: the user's choice, `Launch`); the
    exit code of the application."""
    launch = Launch(store_url)
    session_watch = launch.window.lock.watch_session()  # D-Bus: only while exec() runs
    session_watch.start()
    code = launch.app.exec()
    session_watch.stop()
    # The backup at close: a file's only, a server is backed up on the server.
    if launch.error is None and not launch.cancelled and not launch.on_server:
        launch.runner.wait_idle()
        backup_at_close(launch.ctx.store)
    QSettings().sync()
    return 1 if launch.error is not None else int(code)


def store_label(url: str) -> str:
    """The store as the status bar names it (a file path rather than a URL; a server's URL
    without its password)."""
    database = sqlite_path(url)
    if database is not None:
        return str(database)
    return shown_address(url)
