"""The README's picture of the « Conservation » screen: « conservation.png ».

Called by `devtools.screenshots.take_screenshots` on its demo window. The demo's measures
are recent, so the screen is shown as on a day 30 months later, on a copy of the demo store (in a
temporary folder) where a few households were archived a month before: three candidates
ticked as after review, the archive below. The store itself is not changed.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.app import retention_commands
from desktop_app.domain.dates import add_months
from desktop_app.paths import sqlite_url
from desktop_app.store.backup import make_backup
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.retention.model import CHECK
from desktop_app.ui.retention.screen import RetentionScreen
from desktop_app.ui.screen_tour import save_picture

FILE = "conservation"
#: Months after the demo's day the screen is shown on; households archived a month before.
LATER = 30
ARCHIVED = 5
TICKED = 3


def retention_picture(window: MainWindow, out_dir: Path, day: date) -> list[Path]:
    app = QApplication.instance()
    assert app is not None
    ctx = window.ctx
    today, store = ctx.today, ctx.store
    later = add_months(day, LATER)
    path = out_dir / f"{FILE}.png"
    with tempfile.TemporaryDirectory() as temporary:
        assert isinstance(store, SqlStore)  # the one Store: a backup needs its engine
        made = make_backup(store, Path(temporary), datetime.now())
        copy = open_store(sqlite_url(made))
        before = add_months(later, -1)
        due = [r.household_id for r in copy.retention_candidates(before)]
        retention_commands.archive(copy, due[:ARCHIVED], before)
        ctx.today, ctx.store = (lambda: later), copy
        try:
            window.show_screen("conservation", force=True)
            screen = window.screens["conservation"]
            assert isinstance(screen, RetentionScreen)
            screen.refresh()
            ctx.runner.wait_idle()
            app.processEvents()
            for row in range(min(TICKED, len(screen.due.rows))):
                screen.due.setData(screen.due.index(row, 0), Qt.CheckState.Checked, CHECK)
            app.processEvents()
            save_picture(window.grab(), path)
        finally:
            ctx.today, ctx.store = today, store
            copy.close()
    return [path]
