"""The PySide6 window of Suivi FSL: screens, Qt models, background operations.

Nothing here writes SQL: every read and write goes through `desktop_app.store.api.Store`.
"""
