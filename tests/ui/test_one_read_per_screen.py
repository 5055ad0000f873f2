"""Each screen of the window refreshes with one read transaction of the store, and a screen
hidden when data changes waits until it is shown.

The store holds `tests/app/small_caseload.py` (three households, an ASLL `renforce` m1 of
DURAND Marie, an ASLL `simple` m2, a FAL m3 in two homes, three homes, the 2025 convention);
the window's day is 16/09/2025. Reads are counted on the store's engine (`tests.reads`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_app.app.measures import add_visit
from desktop_app.domain.model import Visit, VisitOutcome, VisitPlace
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.ui.topics import Topic
from tests.app.small_caseload import small_caseload
from tests.reads import counting
from tests.ui.conftest import TODAY, settle


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    """The window's store: a SQLite file holding the small caseload."""
    opened = open_store(f"sqlite:///{tmp_path / 'suivi.sqlite3'}")
    opened.import_caseload(small_caseload())
    yield opened
    opened.close()


def _show(key: str) -> Callable[[Any], None]:
    return lambda window: window.show_screen(key)


#: How each screen is shown, and what it shows once loaded (the small caseload).
SCREENS: dict[str, tuple[Callable[[Any], None], Callable[[Any], bool]]] = {
    "tableau": (_show("tableau"),
                lambda s: s.data is not None and s.data.day == TODAY
                and s.alerts_title.text().startswith("Alertes du jour (")),
    "menages": (_show("menages"), lambda s: s.count.text() == "3 ménages"),
    "menage": (lambda window: window.ctx.open_household.emit("h1"),
               lambda s: s.heading.text() == "DURAND Marie"
               and s.measures_title.text() == "Mesures (1)"),
    "mesure": (lambda window: window.ctx.open_measure.emit("m1"),
               lambda s: s.visits_title.text() == "Visites (2)"),
    "equipe": (_show("equipe"), lambda s: s.workers.rowCount() == 2),
    "logements": (_show("logements"),
                  lambda s: s.homes.rowCount() == 3 and len(s.data.occupations) == 2),
    "points": (_show("points"), lambda s: s.lines.rowCount() > 0),
    "rapports": (_show("rapports"), lambda s: s.grid.sent.text() != ""),
    "conservation": (_show("conservation"),
                     lambda s: s.due_title.text() == "Dossiers à archiver (0)"),
    "parametres": (_show("parametres"), lambda s: s.conventions.rowCount() == 1),
}


@pytest.mark.parametrize("key", list(SCREENS))
def test_each_screen_refreshes_with_one_read(window, qtbot, store, key):  # type: ignore[no-untyped-def]
    show, loaded = SCREENS[key]
    screen = window.screens[key]
    # Another screen shown: each screen but the dashboard (shown by `start`) never loaded.
    assert window.show_screen("parametres" if key == "tableau" else "tableau")
    settle(qtbot, window)
    if key == "tableau":  # as if data had changed while it was hidden
        screen.stale, screen.data = True, None
    assert screen.stale and not loaded(screen)
    with counting(store) as reads:
        show(window)
        qtbot.waitUntil(lambda: loaded(screen), timeout=15000)
        settle(qtbot, window)
    assert window.current is screen
    assert (reads.reads, len(reads.transactions) - reads.reads) == (1, 0)


def test_the_hidden_dashboard_reloads_once_when_shown(window, qtbot, store):  # type: ignore[no-untyped-def]
    """A visit saved on the measure screen: the dashboard, hidden, is only marked stale; shown,
    it reloads with one read transaction."""
    dashboard = window.screens["tableau"]
    window.ctx.open_measure.emit("m1")
    measure_screen = window.screens["mesure"]
    qtbot.waitUntil(lambda: measure_screen.visits_title.text() == "Visites (2)", timeout=15000)
    settle(qtbot, window)
    shown = measure_screen.measure
    assert not dashboard.stale
    reloads: list[None] = []
    dashboard_reload = dashboard.reload
    dashboard.reload = lambda: (reloads.append(None), dashboard_reload())  # type: ignore[method-assign]

    visit = Visit(date(2025, 9, 15), VisitOutcome.REALISEE, VisitPlace.DOMICILE)
    with counting(store) as reads:
        window.ctx.save(lambda: add_visit(store, "m1", visit, shown), Topic.MEASURE)
        qtbot.waitUntil(lambda: measure_screen.visits_title.text() == "Visites (3)",
                        timeout=15000)
        settle(qtbot, window)
    # One write (the save), one read (the measure screen, shown); the dashboard waits.
    assert (reads.reads, len(reads.transactions) - reads.reads) == (1, 1)
    assert dashboard.stale and reloads == []

    dashboard.data = None  # what it shows now: set by the reload
    with counting(store) as reads:
        assert window.show_screen("tableau")
        qtbot.waitUntil(lambda: dashboard.data is not None,
                        timeout=15000)
        settle(qtbot, window)
    assert reloads == [None]
    assert (reads.reads, len(reads.transactions) - reads.reads) == (1, 0)
    assert reads.measure_reads == 1
