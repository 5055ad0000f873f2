"""`suivi-fsl screenshots --out DIR` (from a source checkout): the README's pictures — one PNG
per screen (the program's own tour, `desktop_app.ui.screen_tour`), then, on the same demo
window, the lock page, the first-launch dialog, the restore dialog and the retention screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.screen_tour import tour_screens
from devtools.backup_screenshots import restore_dialog_picture
from devtools.retention_screenshots import retention_picture
from devtools.trust_screenshots import lock_and_first_launch


def take_screenshots(store_url: str, out_dir: Path, today: date | None = None, *,
                     size: tuple[int, int] | None = None) -> list[Path]:
    """Each screen's PNG on the store (filled with demo data when empty) in a window of
    `size` (default 1280 × 800), then the others."""
    return tour_screens(store_url, out_dir, today, extra=_more_pictures, size=size)


def _more_pictures(window: MainWindow, out_dir: Path, day: date) -> list[Path]:
    return (lock_and_first_launch(window, out_dir) + restore_dialog_picture(window, out_dir, day)
            + retention_picture(window, out_dir, day))
