"""`staff --year AAAA --out DOSSIER`: the staff table of a year (convention article 5-2)
written as `tableau-salaries-AAAA.pdf` and `.xlsx` in a folder (see `desktop_app.cli` for
the exit codes)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.cli_arguments import path, year
from desktop_app.domain.limits import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_USAGE = 2


def add_parser(commands: Any) -> None:
    """The `staff` command on `commands` (argparse's sub-parsers)."""
    sub = commands.add_parser("staff", help="tableau des missions exercées par les salariés "
                              "(.pdf et .xlsx)")
    sub.add_argument("--year", type=year, required=True, metavar="AAAA",
                     help=f"année du tableau ({FIRST_YEAR} à {LAST_YEAR}, commencée)")
    sub.add_argument("--out", type=path, required=True, metavar="DOSSIER",
                     help="dossier où écrire tableau-salaries-AAAA.pdf et .xlsx (créé s'il "
                     "manque)")


def today() -> date:
    """The day of the document (« Établi le »), a function so that tests can fix it."""
    return date.today()


def run_staff(store: SqlStore, args: argparse.Namespace) -> int:
    """Both files in `--out`; a year not started exits 2, a folder or file that cannot be
    written 1, each with its French message; the paths written on stdout."""
    from desktop_app.app.staff import (
        YearNotStartedError,
        check_year_started,
        staff_of_year,
    )
    from desktop_app.domain.fr import format_date
    from desktop_app.private_files import check_writable, private_folder, write_failure
    from desktop_app.reports.staff_table import document_status, file_names, write_staff_table

    day = today()
    try:  # before the folder is made
        check_year_started(args.year, day)
    except YearNotStartedError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_USAGE
    folder = args.out
    targets = [folder / name for name in file_names(args.year)]
    try:
        private_folder(folder)
        for target in targets:
            check_writable(target)
    except OSError as error:
        print(write_failure(targets[0] if folder.is_dir() else folder, error), file=sys.stderr)
        return EXIT_ENVIRONMENT
    table = staff_of_year(store, args.year, day)
    try:
        written = write_staff_table(table, folder, day)
    except OSError as error:
        failed = error.filename or targets[0]
        print(write_failure(failed, error), file=sys.stderr)
        return EXIT_ENVIRONMENT
    if document_status(args.year, day) is not None:
        print(f"Année {args.year} en cours : tableau PROVISOIRE, chiffres arrêtés au "
              f"{format_date(table.last_day)}.", file=sys.stderr)
    print(f"Tableau des salariés {args.year} écrit : {len(table.lines)} salarié(s).")
    for target in written:
        print(target)
    return EXIT_OK
