"""Counting what the store reads, for the tests (nothing in the product counts).

`counting(store)` listens to the store's engine: every transaction begun (read or write) and
every statement reading the `measures` table itself (`SELECT … FROM measures`, not the
`visits` or `periods` of a measure). A « read of the measure » is a transaction that reads
that table, however many statements it runs: `measure_reads` (read transactions) and
`measure_writes` (write transactions, the save's check) count them apart."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from desktop_app.store.engine import _WRITE

#: A statement reading the `measures` table itself.
READS_MEASURES = re.compile(r"^\s*SELECT\b.*\bFROM measures\b", re.IGNORECASE | re.DOTALL)


@dataclass
class Reads:
    #: Transactions begun: (number, True for a write).
    transactions: list[tuple[int, bool]] = field(default_factory=list)
    #: Statements reading `measures`: (transaction number, statement).
    selects: list[tuple[int, str]] = field(default_factory=list)

    def _touching(self, writes: bool) -> set[int]:
        kinds = dict(self.transactions)
        return {n for n, _s in self.selects if kinds.get(n) is writes}

    @property
    def measure_reads(self) -> int:
        """Read transactions that read the `measures` table."""
        return len(self._touching(False))

    @property
    def measure_writes(self) -> int:
        """Write transactions that read the `measures` table (a save's check)."""
        return len(self._touching(True))

    @property
    def reads(self) -> int:
        """Read transactions, whatever they read."""
        return sum(1 for _n, writes in self.transactions if not writes)

    def clear(self) -> None:
        self.transactions.clear()
        self.selects.clear()


@contextmanager
def counting(store: Any) -> Iterator[Reads]:
    """The reads of `store` (a `SqlStore`) made in the block, from any thread."""
    engine: Engine = store.engine
    seen = Reads()
    lock = threading.Lock()
    current: dict[int, int] = {}  # id of a connection's DBAPI connection → transaction

    def begun(connection: Any) -> None:
        writes = bool(connection.get_execution_options().get(_WRITE, False))
        with lock:
            number = len(seen.transactions) + 1
            seen.transactions.append((number, writes))
            current[id(connection.connection.dbapi_connection)] = number

    def executed(connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if READS_MEASURES.match(statement):
            with lock:
                number = current.get(id(connection.connection.dbapi_connection), 0)
                seen.selects.append((number, statement))

    event.listen(engine, "begin", begun)
    event.listen(engine, "before_cursor_execute", executed)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", executed)
        event.remove(engine, "begin", begun)
