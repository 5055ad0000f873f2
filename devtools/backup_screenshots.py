"""The README's picture of the restore dialog: « restauration.png ».

Called by `devtools.screenshots.take_screenshots` on its demo window: backups of the demo store are
made in a temporary folder (one of them cut short, to show how a damaged one is listed),
the dialog lists them, nothing is restored.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path, PureWindowsPath

from PySide6.QtWidgets import QApplication

from desktop_app.store.backup import make_backup
from desktop_app.store.repository import SqlStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.screen_tour import save_picture
from desktop_app.ui.settings.backup_dialog import RestoreDialog

FILE = "restauration"
#: The folder the dialog names in the picture: a USB key on Windows.
EXAMPLE_FOLDER = PureWindowsPath(r"E:\Sauvegardes Suivi FSL")


def restore_dialog_picture(window: MainWindow, out_dir: Path, day: date) -> list[Path]:
    app = QApplication.instance()
    assert app is not None
    ctx = window.ctx
    store = ctx.store
    assert isinstance(store, SqlStore)  # the one Store: a backup needs its engine
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for days_ago, hour in ((0, time(17, 42)), (1, time(18, 5)), (2, time(17, 58)),
                               (9, time(12, 31))):
            moment = datetime.combine(day - timedelta(days=days_ago), hour)
            made = make_backup(store, folder, moment)
        made.write_bytes(made.read_bytes()[:8192])  # the oldest: a copy cut short
        dialog = RestoreDialog(ctx, window, folder)
        dialog.show()
        ctx.runner.wait_idle()
        dialog.folder = Path(str(EXAMPLE_FOLDER))
        dialog.note.setText(dialog.note.text().replace(str(folder), str(EXAMPLE_FOLDER)))
        dialog.table.selectRow(dialog.table.rowCount() - 1)  # the damaged one: its reason
        dialog.reason.setText(dialog.reason.text().replace(f"{folder}/", f"{EXAMPLE_FOLDER}\\"))
        app.processEvents()
        path = save_picture(dialog.grab(), out_dir / f"{FILE}.png")
        dialog.close()
    return [path]
