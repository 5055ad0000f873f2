"""The README's screenshots: the lock page and the first-launch dialog.

Called by `devtools.screenshots.take_screenshots` on its demo window.
Nothing here is saved: the lock
shows an encrypted store's page for the picture, then the window's own session comes back.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.opening.keyring_store import MemoryKeyStore
from desktop_app.ui.opening.lock import IDLE_REASON, minutes_text
from desktop_app.ui.opening.passphrase_dialogs import FirstLaunchDialog
from desktop_app.ui.opening.store_session import Secret, StoreSession
from desktop_app.ui.screen_tour import save_picture

FILES = ("verrouillage", "premier-lancement")
#: Where a worker's store lives on Windows, as the first-launch dialog names it.
EXAMPLE_STORE = PureWindowsPath(
    r"C:\Users\travailleur\AppData\Local\SuiviFSL\suivi-fsl\suivi-fsl.sqlite3")


def lock_and_first_launch(window: MainWindow, out_dir: Path) -> list[Path]:
    """« verrouillage.png » (the window locked after 5 minutes without input) and
    « premier-lancement.png » (the dialog, a passphrase being typed)."""
    app = QApplication.instance()
    assert app is not None
    paths = []
    session = window.ctx.session
    window.ctx.session = StoreSession(secret=Secret("capture d'écran"), keystore=MemoryKeyStore())
    window.lock.lock(IDLE_REASON.format(minutes=minutes_text(5)))
    app.processEvents()
    paths.append(_save(window.grab(), out_dir, FILES[0]))
    window.lock.unlock()
    window.ctx.session = session

    dialog = FirstLaunchDialog(EXAMPLE_STORE, MemoryKeyStore(), window)
    dialog.fields.first.setText("Soleil2025")  # 10 characters, no special one yet
    dialog.remember.setChecked(True)
    dialog.show()
    dialog.fields.first.deselect()
    app.processEvents()
    paths.append(_save(dialog.grab(), out_dir, FILES[1]))
    dialog.close()
    dialog.deleteLater()
    return paths


def _save(pixmap: QPixmap, out_dir: Path, name: str) -> Path:
    return save_picture(pixmap, out_dir / f"{name}.png")
