"""`suivi-fsl imports` and `suivi-fsl undo-import ID`: list the imports and merges
of the store, take one back whole. Undoing one whose records changed since exits 1 with the
French reason (what changed), the store left as it was."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

EXIT_OK = 0
#: Command → name of its handler below.
COMMANDS = {"imports": "run_imports", "undo-import": "run_undo_import"}


def _batch_id(text: str) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"numéro d'import attendu (voir « suivi-fsl imports »),"
                                         f" pas « {text} »")
    return int(text)


def add_commands(commands: Any) -> None:
    """Register the commands on the parser's sub-parsers."""
    commands.add_parser("imports", help="liste des imports et fusions (annulables ou non)")
    sub = commands.add_parser("undo-import", help="annuler un import tant que ses données "
                              "n'ont pas changé")
    sub.add_argument("batch", type=_batch_id, metavar="NUMERO",
                     help="numéro de l'import, donné par « suivi-fsl imports »")


def run_imports(store: SqlStore, args: argparse.Namespace) -> int:
    from desktop_app.app.batch_text import batch_line

    found = store.import_batches()
    if not found:
        print("Aucun import enregistré dans cette base.")
    for batch in found:
        print(batch_line(batch))
    return EXIT_OK


def run_undo_import(store: SqlStore, args: argparse.Namespace) -> int:
    """A refusal is a `StoreError`: `cli.main` prints it in French and exits 1."""
    from desktop_app.app.batch_text import counts_text, source_text
    from desktop_app.app.caseload import undo_import

    undo_import(store, args.batch)
    batch = next(b for b in store.import_batches() if b.id == args.batch)
    print(f"Import n° {batch.id} ({source_text(batch)}) annulé : {counts_text(batch.counts)} "
          "retirés de la base.")
    return EXIT_OK
