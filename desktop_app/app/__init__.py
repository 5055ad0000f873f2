"""What the window and the command line do, without Qt: commands and queries over a
`desktop_app.store.api.Store`.

Each command is one store transaction with its conflict check and its audit entry; `ui/`
keeps the widgets, the Qt models, the dialogs and the background runner and calls these
from its background jobs. Each query (`dashboard`, `homes`, `earnings`, `alerts`, `reports`)
is one function returning plain data, what one screen or command shows. Nothing here
imports PySide6.
"""
