"""`row_reading.among` / `select_in`: ids passed to SQLite as one JSON array, so that a selection
of more ids than SQLite's 32 766 variables is one query that finds exactly the stored ones."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.store.repository import SqlStore
from desktop_app.store.row_reading import among, select_in
from desktop_app.store.tables import HOUSEHOLDS
from tests.store.builders import full_caseload


def test_forty_thousand_ids_find_the_two_stored(store: SqlStore) -> None:
    store.import_caseload(full_caseload())  # households h1 and h2
    wanted = {"h2", "h1", *(f"x{i}" for i in range(40_000))}  # 40 002 ids > 32 766
    with store.engine.connect() as c:
        found = sorted(i for i, in select_in(c, select(HOUSEHOLDS.c.id), HOUSEHOLDS.c.id,
                                              wanted))
        also = sorted(c.execute(select(HOUSEHOLDS.c.id).where(
            among(c, HOUSEHOLDS.c.id, wanted))).scalars())
        none = c.execute(select(HOUSEHOLDS.c.id).where(among(c, HOUSEHOLDS.c.id, []))).all()
    assert found == also == ["h1", "h2"]
    assert none == []
