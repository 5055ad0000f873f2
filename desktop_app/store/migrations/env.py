"""Alembic environment: run on the connection `desktop_app.store.migrate` hands over, inside
its transaction (a failed migration leaves the file as it was)."""

from __future__ import annotations

from alembic import context

from desktop_app.store.tables import METADATA

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=METADATA,
    render_as_batch=True,  # SQLite alters tables by copying them
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
