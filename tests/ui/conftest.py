"""The window's tests: offscreen Qt, French, QSettings in a temporary folder, a store."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.domain.model import Association, Caseload, Diploma, Worker
from desktop_app.domain.tariffs import default_tariffs

#: Tuesday 16 September 2025: the day of the tests' worker.
TODAY = date(2025, 9, 16)
#: What the offscreen platform cannot do (raise a window, grab the keyboard, size hints)
#: is not a problem of the window.
IGNORED = "This plugin does not support"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(IGNORED))


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    # The window's policy (`ui/garbage.py`): no automatic collection, which could start in
    # a background operation's thread or while one runs — seen to crash (SIGSEGV in
    # « Garbage-collecting ») while a test's background thread opened an encrypted store.
    # What a test left is collected after it, on the GUI thread, with nothing running.
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    from desktop_app.ui.app import configure_application

    configure_application(qapp)
    return qapp


def team() -> list[Worker]:
    return [Worker("w1", "Claire Martin", Diploma.CESF, 1.0),
            Worker("w2", "Julien Petit", Diploma.ASS, 0.5)]


@pytest.fixture(scope="session")
def empty_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated store holding the association and tariffs, made once (migrations take
    most of a second); each test works on its own copy."""
    from desktop_app.store.repository import open_store

    path = tmp_path_factory.mktemp("template") / "suivi.sqlite3"
    store = open_store(f"sqlite:///{path}")
    store.import_caseload(Caseload(Association("Association de test"),
                                   tariffs=default_tariffs()))
    store.close()  # its write-ahead log into the file: the copies hold the association
    return path


@pytest.fixture
def store(tmp_path: Path, empty_store_file: Path) -> Iterator:  # type: ignore[type-arg]
    """The real SQLite store (`open_store` on a file of the test), with two workers."""
    from desktop_app.store.repository import open_store

    path = tmp_path / "suivi.sqlite3"
    shutil.copyfile(empty_store_file, path)
    store = open_store(f"sqlite:///{path}")
    for worker in team():
        store.save_worker(worker)
    yield store
    store.close()


@pytest.fixture
def window(app, qtbot, store) -> Iterator:  # type: ignore[no-untyped-def]
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    ctx = AppContext(store, today=lambda: TODAY)
    win = MainWindow(ctx, "Base : test")
    qtbot.addWidget(win)
    win.show()
    win.start()
    settle(qtbot, win)
    yield win
    settle(qtbot, win)


def settle(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    """Wait until every background operation has finished and its result is shown."""
    qtbot.waitUntil(lambda: win.ctx.runner.idle, timeout=15000)
