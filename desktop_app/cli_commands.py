"""The commands of the command line that work on a store (see `desktop_app.cli`)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.store.repository import SqlStore

if TYPE_CHECKING:
    from desktop_app.interchange import Problem

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3


def _print_json(document: object) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=1))


#: A broken department-scale file can hold a million problems: show the first ones.
MAX_PROBLEMS_SHOWN = 200


def _print_problems(title: str, problems: list[Problem]) -> None:
    print(title, file=sys.stderr)
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        print(f"  - {problem.path} : {problem.message}", file=sys.stderr)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        print(f"  … et {len(problems) - MAX_PROBLEMS_SHOWN} autres problèmes "
              f"({len(problems)} en tout).", file=sys.stderr)
    print("Rien n'a été enregistré : corrigez le fichier puis relancez l'import.", file=sys.stderr)


def run_import(store: SqlStore, args: argparse.Namespace) -> int:
    """Load a whole interchange file, or nothing (exit 3 with every problem); read and
    added piece by piece in one transaction (`read_parts`), so that its memory stays
    bounded (benchmarks/RESULTS.md)."""
    from desktop_app.app.caseload import import_parts
    from desktop_app.interchange import InvalidFileError, read_parts
    from desktop_app.store.accounts import IMPORT, require_everything
    from desktop_app.store.errors import DuplicateIdsError

    require_everything(store.session, IMPORT)  # refused before the file is read
    try:  # a tube, a device, a file over 500 MB: refused by the reading, before any byte
        added = import_parts(store, read_parts(args.file), args.file.name)
    except InvalidFileError as error:
        _print_problems(f"Le fichier {args.file} n'est pas valide :", list(error.problems))
        return EXIT_REJECTED
    except DuplicateIdsError as error:
        _print_problems(f"Le fichier {args.file} contient des identifiants déjà présents "
                        "dans la base :", list(error.problems))
        return EXIT_REJECTED
    except OSError as error:
        from desktop_app.domain.fr import os_reason

        print(f"Impossible de lire {args.file} : {os_reason(error)}.", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Import terminé : {added['households']} ménages, {added['measures']} mesures, "
          f"{added['visits']} visites.")
    return EXIT_OK


def _cannot_write(target: Path, error: OSError) -> int:
    from desktop_app.private_files import write_failure

    print(write_failure(target, error), file=sys.stderr)
    return EXIT_ENVIRONMENT


def run_export(store: SqlStore, args: argparse.Namespace) -> int:
    """The whole store to an interchange file; a file that cannot be written exits 1 with
    the French reason."""
    from desktop_app.interchange import write_file
    from desktop_app.private_files import check_writable

    try:
        check_writable(args.file)  # before reading a department store
    except OSError as error:
        return _cannot_write(args.file, error)
    caseload = store.export_caseload()
    try:
        write_file(caseload, args.file)
    except OSError as error:
        return _cannot_write(args.file, error)
    print(f"Export terminé : {args.file} ({len(caseload.households)} ménages, "
          f"{len(caseload.measures)} mesures).")
    return EXIT_OK


def run_points(store: SqlStore, args: argparse.Namespace) -> int:
    from desktop_app.app.earnings import month_points
    from desktop_app.domain.funding import format_month_points_fr, month_points_to_json

    result = month_points(store, args.month)
    if args.json:
        _print_json(month_points_to_json(result))
    else:
        print(format_month_points_fr(result, store.workers()))
    return EXIT_OK


def run_alerts(store: SqlStore, args: argparse.Namespace) -> int:
    from desktop_app.app.alerts import alerts_on
    from desktop_app.domain.alerts import alerts_to_json, format_alerts_fr

    day = args.on or date.today()
    alerts = alerts_on(store, day)
    if args.json:
        _print_json(alerts_to_json(day, alerts))
    else:
        print(format_alerts_fr(day, alerts))
    return EXIT_OK


def run_grid(store: SqlStore, args: argparse.Namespace) -> int:
    """The annual grid of `--year` (beside the year before) to `--out` (.xlsx or .pdf),
    established `--on` (default today): a progress line on stderr, then the grid's self-check
    problems; a wrong extension or a year not yet begun exits 2, a file that cannot be written
    1 (with the French reason). A year not yet ended gives a grid marked « PROVISOIRE »."""
    from datetime import date

    from desktop_app.private_files import check_writable
    from desktop_app.reports import ReportFormatError, output_kind
    from desktop_app.reports.document_status import DocumentStatus, FuturePeriodError
    from desktop_app.reports.grid import write_store_grid
    from desktop_app.store.accounts import GRID, require_whole_view

    year, out = args.year, args.out
    require_whole_view(store.session, GRID)  # a travailleur's grid would look complete
    try:
        output_kind(out)  # before minutes of work on a department store
        status = DocumentStatus.for_year(year, args.on or date.today())
    except (ReportFormatError, FuturePeriodError) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        check_writable(out)
    except OSError as error:
        return _cannot_write(out, error)

    on_terminal = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        # On a terminal, one line rewritten in place; in a log or a pipe, one line per step.
        start, end = ("\r", "\n" if done >= total else "") if on_terminal else ("", "\n")
        print(f"{start}Grille d'activité {year} : étape {done} sur {total}", end=end,
              file=sys.stderr, flush=True)

    print(f"Lecture des mesures de {year} et {year - 1}…", file=sys.stderr)
    try:
        problems = write_store_grid(store, year, out, progress, status=status)
    except OSError as error:
        print(file=sys.stderr)  # after the progress line
        return _cannot_write(out, error)
    if problems:
        print(f"Contrôles de la grille : {len(problems)} point(s) à vérifier :", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
    if status.provisional:
        print(f"Grille PROVISOIRE : l'année {year} n'est pas terminée "
              f"({status.produced_text.lower()}).", file=sys.stderr)
    print(f"Grille d'activité {year} écrite : {out}")
    return EXIT_OK


def run_dsf(store: SqlStore, args: argparse.Namespace) -> int:
    """The DSF `MESURE` as sent to the SLISL, in the folder `--out`, established today; a
    measure that is not a DSF or whose content is incomplete exits 3 (what is missing, in
    French), a folder that cannot be written 1."""
    from desktop_app.app.reports import dsf_document_pdf
    from desktop_app.reports.dsf_document import DsfNotReadyError

    try:
        out = dsf_document_pdf(store, args.measure, args.out, date.today())
    except DsfNotReadyError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_REJECTED
    except OSError as error:
        return _cannot_write(args.out, error)
    print(f"Diagnostic écrit : {out}")
    return EXIT_OK


def run_demo(store: SqlStore, args: argparse.Namespace) -> int:
    """Fill an EMPTY store with fictitious data; a store in use is never touched."""
    from desktop_app.app.caseload import import_caseload
    from desktop_app.demo import demo_summary, generate_caseload
    from desktop_app.store.errors import NotEmptyError
    from desktop_app.store.importing import NOT_EMPTY

    if not store.is_empty():  # said before the data is made (a minute at the largest size)
        print(NOT_EMPTY, file=sys.stderr)
        return EXIT_REJECTED
    caseload = generate_caseload(households=args.households, years=args.years, seed=args.seed)
    try:  # checked again in the import's transaction: another `demo` may have filled it since
        import_caseload(store, caseload, "données de démonstration", only_if_empty=True)
    except NotEmptyError as error:
        print(error, file=sys.stderr)
        return EXIT_REJECTED
    print(f"Données de démonstration créées : {demo_summary(caseload)}.")
    return EXIT_OK
