"""Start the window: QApplication in French, the store opened off the GUI thread, the window.

Only Qt and the window's own modules are imported here; the report libraries (reportlab,
openpyxl) load when a report is asked for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from importlib import resources
from typing import ClassVar

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QThread, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from desktop_app.store.api import Store
from desktop_app.ui.background import BackgroundRunner, describe_error
from desktop_app.ui.keyring_store import KeyStore
from desktop_app.ui.store_session import StoreSession

ORGANIZATION = "SuiviFSL"
APPLICATION = "Suivi FSL"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the one already there), French everywhere, styled."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
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
    the window is built; once open, the window shows and the dashboard starts loading."""

    def __init__(self, url: str, today: Callable[[], date] = date.today,
                 interactive: bool = True, keystore: KeyStore | None = None) -> None:
        self.app = make_application()
        self.url = url
        self.runner = BackgroundRunner(self.app)
        self.interactive = interactive
        self.error: BaseException | None = None
        self.cancelled = False
        self.splash = StartWindow(url)
        if interactive:
            self.splash.show()
        # A passphrase asked for where needed (first launch, encrypted store), issue 6.
        from desktop_app.ui.store_opening import StoreOpening

        self.opening = StoreOpening(self.runner, url, ask=interactive, keystore=keystore)
        self.opening.opened.connect(self._opened)
        self.opening.failed.connect(self._failed)
        self.opening.cancelled.connect(self._cancelled)
        self.opening.asking.connect(self.splash.hide)
        self.opening.start()
        from desktop_app.ui.context import AppContext
        from desktop_app.ui.main_window import MainWindow

        self.ctx = AppContext(None, today=today, runner=self.runner)  # type: ignore[arg-type]
        self.window = MainWindow(self.ctx, f"Base : {store_label(url)}")

    def _opened(self, store: Store, session: StoreSession | None = None) -> None:
        self.ctx.store = store
        if session is not None:
            self.window.set_session(session)
        self.window.show()
        self.splash.close()
        self.window.start()
        if self.interactive:  # quick integrity check, then the day's backup (issue 6)
            from desktop_app.ui.backup_startup import check_at_start

            check_at_start(self.window, self.ctx)

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
        from desktop_app.ui.backup_startup import offer_restore_file

        if offer_restore_file(self.url, error, self.runner, self.app.exit):
            return  # a damaged file: its latest good backup offered
        title, text, details = describe_error(error)
        box = QMessageBox(QMessageBox.Icon.Critical, title,
                          "La base de données n'a pas pu être ouverte.\n\n" + text)
        if details:
            box.setDetailedText(details)
        box.exec()
        self.app.exit(1)


def run_gui(store_url: str) -> int:
    """Open the window on the store at `store_url`; the exit code of the application."""
    launch = Launch(store_url)
    session_watch = launch.window.lock.watch_session()  # D-Bus: only while exec() runs
    session_watch.start()
    code = launch.app.exec()
    session_watch.stop()
    if launch.error is None and not launch.cancelled:  # the backup at close (issue 6)
        from desktop_app.ui.backup_actions import backup_at_close

        launch.runner.wait_idle()
        backup_at_close(launch.ctx.store)
    QSettings().sync()
    return 1 if launch.error is not None else int(code)


def store_label(url: str) -> str:
    """The store as the status bar names it (a file path rather than a URL; a server's URL
    without its password)."""
    from desktop_app.paths import sqlite_path

    database = sqlite_path(url)
    if database is not None:
        return str(database)
    from desktop_app.store.engine import shown_url, store_url

    return shown_url(store_url(url))
