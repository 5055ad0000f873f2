"""What the window and the command line do, without Qt: commands (and, later, queries) over a
`desktop_app.store.api.Store`.

Each command is one store transaction with its conflict check and its audit entry; `ui/`
keeps the widgets, the Qt models, the dialogs and the background runner and calls these
from its background jobs. Nothing here imports PySide6.
"""
