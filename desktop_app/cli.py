"""The command line of docs/echange.md: `suivi-fsl [--db PATH_OR_URL] [COMMAND ...]`.

Exit codes, each with its message in French on stderr (never a traceback):
- 0 done;
- 1 a problem of the environment: the store (locked, full disk, damaged, newer version, a
  kind of database not supported, a symbolic link loop), a file or folder the system refuses
  (missing folder, no right to write, full disk), an import that cannot be undone or does
  not exist, a damaged backup; a window that cannot open here (no display, the system
  libraries of X11 missing: `display_check`, the packages to install named);
- 2 wrong usage, said by argparse in French (`cli_french`): an unknown command or option, a
  missing or malformed value, a date outside 1900–2100 (`cli_arguments`), an empty path, a
  report format not supported, the grid of a year not yet begun, a restore not confirmed, a
  development command run without the sources (`screenshots`: `devtools/`); and a passphrase
  weaker than the CNIL's advice (`domain.passphrase`) that would CREATE a new encrypted store
  (nothing is created: choose a stronger one), unless `SUIVI_FSL_PASSPHRASE_FAIBLE=1` says it
  is wanted (opening an existing store is never refused for the strength of its passphrase);
- 3 rejected input (contract): a file that does not validate or cannot be read, ids already
  in the store, `demo` on a store that is not empty; every problem printed with its JSON
  path, the store left exactly as it was;
- 4 the passphrase (`SUIVI_FSL_PASSPHRASE`): missing or wrong for an encrypted store, given
  for a store that is not encrypted, or not valid text (UTF-8);
- 70 a defect of the program (`EXIT_DEFECT`, BSD's EX_SOFTWARE): an exception nothing above
  foresaw. Said in French (« Erreur inattendue … »), its traceback written to a private file
  of the data folder (`crash_log`: `journal/erreur-AAAAMMJJ-HHMMSS-<pid>.txt`, 0600) named in
  the message; if that file cannot be written, the message is said without it. Each write
  to the store is a transaction (`store.engine.write`): the one under way is rolled back.
  `SUIVI_FSL_DEBUG=1` lets the exception through instead (for developers);
- 130 interrupted (Ctrl+C): the store's writes being transactions, none is left half-done.
Heavy modules (Qt, SQLAlchemy, the engines) are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli_arguments import (
    MAX_DEMO_HOUSEHOLDS,
    MAX_DEMO_YEARS,
    MAX_SEED,
    day,
    month,
    number,
    path,
    store_location,
    whole,
    window_size,
    year,
)
from desktop_app.cli_collector import imports_done, imports_starting
from desktop_app.cli_french import FrenchParser
from desktop_app.domain.limits import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_PASSPHRASE = 4
EXIT_DEFECT = 70
EXIT_INTERRUPTED = 130
#: Set to `1`, an unforeseen exception is raised (with its traceback) instead of reported.
DEBUG_ENV = "SUIVI_FSL_DEBUG"
DEFECT = ("Erreur inattendue : Suivi FSL a rencontré un défaut du programme. Ce que la commande "
          "écrivait dans la base à ce moment-là a été annulé (chaque écriture est faite en "
          "entier ou pas du tout) ; ce qui était déjà enregistré n'est pas perdu.")
DEFECT_REPORT = ("Le détail technique est dans {report} : transmettez-le à votre responsable "
                 "informatique.")
DEFECT_NO_REPORT = ("Le détail technique n'a pas pu être enregistré : notez la commande lancée "
                    "et transmettez-la à votre responsable informatique.")
#: For benchmarks/bench_startup.py: set to the epoch (seconds) at which the parent started this
#: process, `suivi-fsl --db URL` prints the time the window takes to show its dashboard
#: (desktop_app.ui.launch_timing) as a JSON line instead of opening the window; the same in the
#: frozen program and the installed one.
TIMINGS_ENV = "SUIVI_FSL_TIMINGS_SINCE"
#: A development command run by the installed program (no `devtools/` beside it).
DEVELOPMENT_ONLY = ("Erreur : la commande « {command} » sert au développement : lancez-la depuis "
                    "une copie des sources de Suivi FSL (dossier devtools/). Pour vérifier "
                    "l'affichage du programme installé : suivi-fsl screens --out DOSSIER.")
#: `1`: create an encrypted store even with a passphrase weaker than the CNIL's advice.
WEAK_PASSPHRASE_ENV = "SUIVI_FSL_PASSPHRASE_FAIBLE"


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="suivi-fsl",
        description="Suivi des mesures FSL (ASLL, AML, FAL, DSF) du Pas-de-Calais.",
        epilog="Sans commande : ouvre la fenêtre de l'application. Codes de sortie : 0 fait, "
               "1 problème d'environnement (base, disque, fichier), 2 mauvais usage, "
               "3 fichier ou données refusés, 4 mot de passe manquant, incorrect ou inutile, "
               "70 défaut du programme (détail dans le dossier journal des données), "
               "130 interrompu.",
    )
    from desktop_app import __version__

    parser.add_argument("--version", action="version", version=f"Suivi FSL {__version__}",
                        help="afficher le numéro de version et quitter")
    parser.add_argument("--db", type=store_location, metavar="CHEMIN_OU_URL",
                        help="base à utiliser : chemin d'un fichier SQLite, URL sqlite:///… ou "
                        "adresse postgresql://… d'une base sur un serveur (docs/serveur.md ; "
                        "par défaut $SUIVI_FSL_DB, sinon le dossier de données)")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")
    sub = commands.add_parser("import", help="charger un fichier d'échange (tout ou rien)")
    sub.add_argument("file", type=path, metavar="FICHIER.json", help="fichier à charger")
    sub = commands.add_parser("export", help="écrire toute la base dans un fichier d'échange")
    sub.add_argument("file", type=path, metavar="FICHIER.json", help="fichier à écrire")
    sub = commands.add_parser("points", help="points et montants d'un mois, plafonds par ETP")
    sub.add_argument("--month", type=month, required=True, metavar="AAAA-MM",
                     help=f"le mois ({FIRST_YEAR}-01 à {LAST_YEAR}-12)")
    sub.add_argument("--json", action="store_true", help="sortie JSON du contrat")
    sub = commands.add_parser("alerts", help="obligations et manquements à une date")
    sub.add_argument("--on", type=day, default=None, metavar="AAAA-MM-JJ",
                     help=f"date d'observation ({FIRST_YEAR}-01-01 à {LAST_YEAR}-12-31 ; par "
                     "défaut : aujourd'hui)")
    sub.add_argument("--json", action="store_true", help="sortie JSON du contrat")
    sub = commands.add_parser("dsf", help="diagnostic social et financier d'un DSF, tel "
                              "que transmis au SLISL (.pdf)")
    sub.add_argument("measure", metavar="MESURE", help="référence FSL du ménage (son DSF le "
                     "plus récent) ou identifiant de la mesure DSF")
    sub.add_argument("--out", type=path, required=True, metavar="DOSSIER",
                     help="dossier où écrire diagnostic-<référence FSL>-<date>.pdf (créé "
                     "s'il manque)")
    sub = commands.add_parser("grid", help="grille d'activité annuelle du SPSLH (.xlsx ou .pdf)")
    sub.add_argument("--year", type=year, required=True, metavar="AAAA",
                     help=f"année de la grille ({FIRST_YEAR} à {LAST_YEAR}), à côté de "
                     "l'année d'avant")
    sub.add_argument("--out", type=path, required=True, metavar="FICHIER",
                     help="fichier à écrire : .xlsx ou .pdf")
    sub.add_argument("--on", type=day, default=None, metavar="AAAA-MM-JJ",
                     help="date d'établissement (par défaut : aujourd'hui) : une année pas "
                     "encore finie donne une grille PROVISOIRE, une année à venir est refusée")
    sub = commands.add_parser("demo", help="remplir une base vide de données fictives")
    sub.add_argument("--households", type=whole(1, MAX_DEMO_HOUSEHOLDS), default=60,
                     metavar="N", help=f"nombre de ménages (1 à {number(MAX_DEMO_HOUSEHOLDS)} ; "
                     "par défaut 60)")
    sub.add_argument("--years", type=whole(1, MAX_DEMO_YEARS), default=2, metavar="A",
                     help=f"années d'activité jusqu'à aujourd'hui (1 à {MAX_DEMO_YEARS} ; par "
                     "défaut 2)")
    sub.add_argument("--seed", type=whole(0, MAX_SEED), default=1, metavar="S",
                     help=f"graine du tirage (0 à {number(MAX_SEED)}) : la même graine donne "
                     "les mêmes données")
    for name, text in (("screens", "vérifier l'affichage : une capture PNG de chaque écran, "
                                   "hors écran"),
                       ("screenshots", "captures PNG de chaque écran (développement, depuis "
                                       "les sources)")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--out", type=path, required=True, metavar="DOSSIER",
                         help="dossier des captures (créé s'il manque)")
        sub.add_argument("--size", type=window_size, default=None, metavar="LxH",
                         help="taille de la fenêtre en pixels, par exemple 1024x768 (par "
                              "défaut 1280x800)")
    from desktop_app import cli_backup

    cli_backup.add_parsers(commands)
    from desktop_app import cli_batches

    cli_batches.add_commands(commands)
    from desktop_app import cli_access

    cli_access.add_parser(commands)
    from desktop_app import cli_server

    cli_server.add_parsers(commands)
    from desktop_app import cli_staff

    cli_staff.add_parser(commands)
    return parser


def _screens(command: str, url: str, out: Path, size: tuple[int, int] | None = None) -> int:
    """`screens`: the program's tour of its screens; `screenshots`: the README's pictures, a
    development tool (`devtools/`, in a source checkout only, not shipped)."""
    from desktop_app.private_files import private_folder

    if command == "screenshots":
        # The checkout this program runs from (`suivi-fsl` installed editable, or
        # `python -m desktop_app`) holds devtools/ beside desktop_app/; an installed or
        # frozen program has none.
        checkout = str(Path(__file__).resolve().parent.parent)
        if checkout not in sys.path:
            sys.path.append(checkout)
        try:
            from devtools.screenshots import take_screenshots as take
        except ModuleNotFoundError as missing:
            if missing.name is None or missing.name.split(".")[0] != "devtools":
                raise
            print(DEVELOPMENT_ONLY.format(command=command), file=sys.stderr)
            return EXIT_USAGE
    else:
        from desktop_app.ui.screen_tour import tour_screens as take
    private_folder(out)  # before Qt starts: a folder that cannot be made is said now
    for picture in take(url, out, size=size):
        print(picture)
    return EXIT_OK


def _print_json(document: object) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=1))


def _open(url: str) -> SqlStore:
    from desktop_app.store.repository import open_store

    return open_store(url)


def weak_new_passphrase(url: str) -> str | None:
    """The French refusal of a `SUIVI_FSL_PASSPHRASE` weaker than the CNIL's advice when it
    would create a new encrypted store at `url`; None when it may go on (no passphrase, a
    store already there, a strong one, or `SUIVI_FSL_PASSPHRASE_FAIBLE=1`)."""
    from desktop_app.store.keys import PASSPHRASE_ENV, given_passphrase

    passphrase = given_passphrase(None)  # `SUIVI_FSL_PASSPHRASE`, refused if not text
    if passphrase is None or os.environ.get(WEAK_PASSPHRASE_ENV) == "1":
        return None
    from desktop_app.app.opening import look_at
    from desktop_app.domain.passphrase import assess
    from desktop_app.paths import sqlite_path

    database = sqlite_path(url)  # None for a server (PostgreSQL): no file is created here
    strength = assess(passphrase)
    if database is None or look_at(database) != "nouvelle" or strength.strong:
        return None
    return (f"le mot de passe de {PASSPHRASE_ENV} est trop faible pour créer la base chiffrée "
            f"{database}. {strength.verdict} Choisissez-en un plus fort, ou relancez avec "
            f"{WEAK_PASSPHRASE_ENV}=1 pour le garder malgré tout. Rien n'a été créé.")


def _run(args: argparse.Namespace, url: str, own_process: bool) -> int:
    if args.command is None and os.environ.get(TIMINGS_ENV):
        try:
            since = float(os.environ[TIMINGS_ENV])
        except ValueError:
            print(f"Erreur : {TIMINGS_ENV} doit être une date en secondes (époque Unix).",
                  file=sys.stderr)
            return EXIT_USAGE
        from desktop_app.ui.launch_timing import print_launch_timing

        _imports_done(own_process, None)
        return print_launch_timing(url, since)
    if args.command is None:
        # Before Qt tries: no display, or the X11 libraries missing, said in French (Qt would
        # abort in English).
        from desktop_app.display_check import display_problem

        problem = display_problem()
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_ENVIRONMENT
        from desktop_app.ui.app import run_gui

        _imports_done(own_process, None)
        # No store named (--db, SUIVI_FSL_DB): the window opens the one the user chose in it
        # (the association's server, or the local store).
        named = bool(args.db or os.environ.get("SUIVI_FSL_DB"))
        return run_gui(url if named else None)
    if args.command != "restore":  # a restore puts a backup in place, with its passphrase
        refusal = weak_new_passphrase(url)
        if refusal is not None:
            print(f"Erreur : {refusal}", file=sys.stderr)
            return EXIT_USAGE
    if args.command in ("screens", "screenshots"):
        _imports_done(own_process, None)
        return _screens(args.command, url, args.out, args.size)
    if args.command in ("backup", "restore"):
        from desktop_app import cli_backup

        _imports_done(own_process, None)
        return cli_backup.run(args, url)
    if args.command in ("server", "account"):
        from desktop_app import cli_server

        _imports_done(own_process, None)
        return cli_server.run(args, url)
    from desktop_app import cli_batches, cli_commands, cli_staff

    if args.command == "access":
        from desktop_app.cli_access import run_access

        handler = run_access
    elif args.command == "staff":
        handler = cli_staff.run_staff
    elif args.command in cli_batches.COMMANDS:
        handler = getattr(cli_batches, cli_batches.COMMANDS[args.command])
    else:
        handler = getattr(cli_commands, f"run_{args.command}")
    _imports_done(own_process, args.command)
    store = _open(url)
    try:
        result: int = handler(store, args)
    finally:
        # Closed now, not whenever the collector gets to it: the last connection leaving
        # folds the WAL back into the file, which is then whole for a copy or a backup.
        store.close()
    return result


def program() -> int:
    """The program's entry (`suivi-fsl`, `python -m desktop_app`, the frozen program): `main`
    in a process of its own, the garbage collector set for one (`cli_collector`)."""
    imports_starting()
    return main(own_process=True)


def _imports_done(own_process: bool, command: str | None) -> None:
    if own_process:
        imports_done(command)


def main(argv: Sequence[str] | None = None, own_process: bool = False) -> int:
    """The command line `argv` (the process's arguments for None); its exit code.
    `own_process`: called by `program`, the process is the command's alone."""
    try:
        return _main(argv, own_process)
    except Exception as error:  # a defect: said in French, never a traceback
        if os.environ.get(DEBUG_ENV) == "1":
            raise
        return _defect(error, argv)


def _defect(error: Exception, argv: Sequence[str] | None) -> int:
    from desktop_app.crash_log import write_report

    command = " ".join(sys.argv[1:] if argv is None else argv)
    report = write_report(error, command)
    after = DEFECT_NO_REPORT if report is None else DEFECT_REPORT.format(report=report)
    print(f"{DEFECT} {after}", file=sys.stderr)
    return EXIT_DEFECT


def _main(argv: Sequence[str] | None, own_process: bool) -> int:
    _print_any_path()
    args = build_parser().parse_args(argv)
    from desktop_app.paths import data_dir, db_url, default_db_url
    from desktop_app.private_files import remove_leftovers

    remove_leftovers(data_dir())  # what a killed run left there (household data in clear)
    from desktop_app.store.errors import StoreError, WrongPassphraseError

    try:
        url = db_url(args.db) if args.db else default_db_url()
        return _run(args, url, own_process)
    except WrongPassphraseError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_PASSPHRASE
    except StoreError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except OSError as error:  # a file or folder of the command that the system refused
        print(f"Erreur : {_os_message(error)}.", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        print("\nInterrompu : ce qui était en cours n'a pas été enregistré.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _os_message(error: OSError) -> str:
    """« <file> : <reason> », the reason in French (the system's own text may be English)."""
    from desktop_app.domain.fr import os_reason
    from desktop_app.private_files import NotARegularFileError

    if isinstance(error, NotARegularFileError):
        return str(error)  # French already, and names its file
    where = f"{error.filename} : " if error.filename else ""
    return where + os_reason(error)


def _print_any_path() -> None:
    """A file name that is not valid UTF-8 (POSIX names are bytes) printed as its own bytes
    instead of failing on « surrogates not allowed » after the work is done."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and os.name == "posix":
        reconfigure(errors="surrogateescape")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
