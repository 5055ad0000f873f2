"""The report of a defect of the program — an exception nothing foresaw — for the command line.

Its traceback is written, private (0600 in a 0700 folder), to
`<data folder>/journal/erreur-AAAAMMJJ-HHMMSS-<pid>.txt`; the user is told in French where it
is and to hand it to their IT contact, never shown the traceback itself. Qt-free: any entry
point may use it.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

#: The folder of the data folder holding the reports.
FOLDER = "journal"


def report_path(now: datetime | None = None) -> Path:
    """Where the report of a defect happening `now` in this process is written."""
    from desktop_app.paths import data_dir

    moment = now or datetime.now()
    return data_dir() / FOLDER / f"erreur-{moment:%Y%m%d-%H%M%S}-{os.getpid()}.txt"


def write_report(error: BaseException, command: str, now: datetime | None = None) -> Path | None:
    """`error`'s traceback (with the command that raised it) in a new private file; its path,
    None if it could not be written (the caller still tells the user, without the file)."""
    from desktop_app.private_files import private_folder, write_text

    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        target = report_path(now)
        private_folder(target.parent)
        write_text(target, f"Commande : {command}\n\n{details}")
    except Exception:  # the disk, the folder, anything: the message is said without the file
        return None
    return target
