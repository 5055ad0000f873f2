"""Alembic migrations of the store, run by `desktop_app.store.migrate` (no alembic.ini)."""
