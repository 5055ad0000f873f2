"""Commands on the team's workers: one write transaction of the store each, recorded in the
audit trail. A change is checked against the version the caller read (`expected`): changed
elsewhere since, it is refused in French (`ConflictError`, `WORKER_CHANGED`) and nothing is
written. A creation is refused the same way if its fresh id was taken meanwhile."""

from __future__ import annotations

from desktop_app.domain.model import Diploma, Worker
from desktop_app.store.api import Store


def create_worker(store: Store, name: str, diploma: Diploma, fte: float) -> Worker:
    """A creation: a new worker under a fresh id `w…`; the worker saved."""
    worker = Worker(store.new_id("w"), name, diploma, fte)
    store.save_worker(worker, new=True)
    return worker


def change_worker(store: Store, worker: Worker, expected: Worker) -> Worker:
    """Save `worker` (its card, its absences…) if the store still holds `expected`."""
    store.save_worker(worker, expected=expected)
    return worker
