"""The README's pictures of the lock page and the first-launch dialog."""

from __future__ import annotations

from PySide6.QtGui import QImage

from devtools.trust_screenshots import lock_and_first_launch


def test_lock_and_first_launch_pictures(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    window.resize(1280, 800)
    session = window.ctx.session
    paths = lock_and_first_launch(window, tmp_path)
    assert [p.name for p in paths] == ["verrouillage.png", "premier-lancement.png"]
    lock = QImage(str(paths[0]))
    assert (lock.width(), lock.height()) == (1280, 800)
    dialog = QImage(str(paths[1]))
    assert dialog.width() >= 560 and dialog.height() > 300  # the dialog's minimum width
    # The window is as it was: unlocked, its own (plain) session back.
    assert not window.lock.locked and window.ctx.session is session and window.stack.isVisible()
