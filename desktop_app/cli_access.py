"""`suivi-fsl access MENAGE --out DOSSIER`: the right-of-access answer of one household (GDPR
art. 15), its JSON and its PDF written in the folder (created 0700 if missing), never over a
file already there; their paths printed. The household is given by its FSL reference (or its
identifier in the store); an unknown one exits 3, in French."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.cli_arguments import path

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

EXIT_OK = 0
EXIT_REJECTED = 3
COMMAND = "access"


def add_parser(commands: Any) -> None:
    sub = commands.add_parser(COMMAND, help="droit d'accès d'un ménage (RGPD, article 15) : "
                              "un JSON et un PDF")
    sub.add_argument("household", metavar="MENAGE",
                     help="référence FSL du ménage (par exemple FSL-2025-0042)")
    sub.add_argument("--out", type=path, required=True, metavar="DOSSIER",
                     help="dossier où écrire les deux fichiers (créé s'il manque)")


def find_household(store: SqlStore, given: str) -> tuple[str | None, str]:
    """The household's id, or None and why, in French."""
    wanted = given.strip()
    if not wanted:
        return None, "la référence du ménage est vide : donnez sa référence FSL."
    if wanted and store.household(wanted) is not None:
        return wanted, ""
    same = [row for row in store.household_rows(date.today(), wanted)
            if (row.reference or "").strip().casefold() == wanted.casefold()]
    if len(same) == 1 and wanted:
        return same[0].id, ""
    if same and wanted:
        names = ", ".join(row.name for row in same)
        return None, (f"plusieurs ménages ont la référence « {wanted} » ({names}) : corrigez "
                      "leurs références dans la fenêtre, puis recommencez.")
    return None, (f"aucun ménage de la base n'a la référence « {wanted} ». Vérifiez la "
                  "référence FSL (écran « Ménages »), puis recommencez.")


def run_access(store: SqlStore, args: argparse.Namespace) -> int:
    from desktop_app.private_files import private_folder
    from desktop_app.reports.access_export import write_access_export

    household_id, why = find_household(store, args.household)
    if household_id is None:
        print(f"Erreur : {why}", file=sys.stderr)
        return EXIT_REJECTED
    private_folder(args.out)
    json_path, pdf_path = write_access_export(store, household_id, args.out)
    print(json_path)
    print(pdf_path)
    return EXIT_OK
