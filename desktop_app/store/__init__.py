"""The store: the caseload kept in SQLite (or any SQLAlchemy database), created and upgraded
by Alembic migrations. The rest of the application reaches it only through
`desktop_app.store.api.Store`, implemented by `desktop_app.store.repository.SqlStore`."""
