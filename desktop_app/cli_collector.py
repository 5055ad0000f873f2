"""Python's cyclic garbage collector in a process of the program's own: `suivi-fsl`,
`python -m desktop_app`, the frozen program (`cli.program`); never in a process that calls
`cli.main` itself (the tests), whose objects are not the program's to freeze.

Left to itself, the collector walks every object it tracks each time enough new ones were
made. A command's imports make some hundred thousand objects that live as long as the
process (modules, classes, functions: SQLAlchemy alone is most of them), and its passes over
them during the imports, then again during the command, are pure cost. So:

- the collector is off while the command's modules are imported (`imports_starting`);
- once they are, what exists is moved out of its reach for good (`gc.freeze`: those objects
  are never collected, which they never would have been) and it comes back on
  (`imports_done`);
- except for the questions that read the store and print an answer (`QUESTIONS`): the records
  of a day, a month or a year hold no cycles (store/row_reading.py), the process ends with
  them, and the collector's passes over half a million of them while the rules run were a
  sixth of `alerts --on` on the department-scale store. It stays off for them.

The window turns automatic collection off anyway and collects from its own thread
(ui/garbage.py); it gains the freeze after its imports.
"""

from __future__ import annotations

import gc

#: The commands that only read the store and print, or write one small file: the collector
#: stays off until the process ends. (The grid pauses it for its computation itself,
#: reports/grid_compute.py, and lets it collect the workbook's objects.)
QUESTIONS = frozenset({"alerts", "points", "export", "dsf"})


def imports_starting() -> None:
    """No collection while the command's modules are imported."""
    gc.disable()


def imports_done(command: str | None) -> None:
    """The modules imported, before the command runs: what exists now is kept out of the
    collector's passes; the collector back on, unless `command` is one of `QUESTIONS`."""
    gc.freeze()
    if command not in QUESTIONS:
        gc.enable()
