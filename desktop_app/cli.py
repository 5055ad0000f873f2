"""The command line of docs/echange.md: `suivi-fsl [--db PATH_OR_URL] [COMMAND ...]`.

Exit codes, each with its message in French on stderr (never a traceback):
- 0 done;
- 1 a problem of the environment: the store (locked, full disk, damaged, newer version, a
  kind of database not supported, a symbolic link loop), a file or folder the system refuses
  (missing folder, no right to write, full disk), an import that cannot be undone or does
  not exist, a damaged backup;
- 2 wrong usage, said by argparse in French (`cli_french`): an unknown command or option, a
  missing or malformed value, a date outside 1900–2100 (`cli_arguments`), an empty path, a
  report format not supported, a restore not confirmed;
- 3 rejected input (contract): a file that does not validate or cannot be read, ids already
  in the store, `demo` on a store that is not empty; every problem printed with its JSON
  path, the store left exactly as it was;
- 4 the passphrase (`SUIVI_FSL_PASSPHRASE`): missing or wrong for an encrypted store, given
  for a store that is not encrypted, or not valid text (UTF-8);
- 130 interrupted (Ctrl+C): the store's writes being transactions, none is left half-done.
Heavy modules (Qt, SQLAlchemy, the engines) are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop_app.cli_arguments import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_DEMO_HOUSEHOLDS,
    MAX_DEMO_YEARS,
    MAX_SEED,
    day,
    month,
    number,
    path,
    store_location,
    whole,
    year,
)
from desktop_app.cli_french import FrenchParser

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_PASSPHRASE = 4
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="suivi-fsl",
        description="Suivi des mesures FSL (ASLL, AML, FAL, DSF) du Pas-de-Calais.",
        epilog="Sans commande : ouvre la fenêtre de l'application. Codes de sortie : 0 fait, "
               "1 problème d'environnement (base, disque, fichier), 2 mauvais usage, "
               "3 fichier ou données refusés, 4 mot de passe manquant, incorrect ou inutile.",
    )
    parser.add_argument("--db", type=store_location, metavar="CHEMIN_OU_URL",
                        help="base à utiliser : chemin d'un fichier SQLite ou URL sqlite:///… "
                        "(par défaut $SUIVI_FSL_DB, sinon le dossier de données)")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")
    sub = commands.add_parser("import", help="charger un fichier d'échange (tout ou rien)")
    sub.add_argument("file", type=path, metavar="FICHIER.json", help="fichier à charger")
    sub = commands.add_parser("export", help="écrire toute la base dans un fichier d'échange")
    sub.add_argument("file", type=path, metavar="FICHIER.json", help="fichier à écrire")
    sub = commands.add_parser("points", help="points et montants d'un mois (P1-P7, Q1-Q2)")
    sub.add_argument("--month", type=month, required=True, metavar="AAAA-MM",
                     help=f"le mois ({FIRST_YEAR}-01 à {LAST_YEAR}-12)")
    sub.add_argument("--json", action="store_true", help="sortie JSON du contrat")
    sub = commands.add_parser("alerts", help="obligations et manquements à une date")
    sub.add_argument("--on", type=day, default=None, metavar="AAAA-MM-JJ",
                     help=f"date d'observation ({FIRST_YEAR}-01-01 à {LAST_YEAR}-12-31 ; par "
                     "défaut : aujourd'hui)")
    sub.add_argument("--json", action="store_true", help="sortie JSON du contrat")
    sub = commands.add_parser("grid", help="grille d'activité annuelle du SPSLH (.xlsx ou .pdf)")
    sub.add_argument("--year", type=year, required=True, metavar="AAAA",
                     help=f"année de la grille ({FIRST_YEAR} à {LAST_YEAR}), à côté de "
                     "l'année d'avant")
    sub.add_argument("--out", type=path, required=True, metavar="FICHIER",
                     help="fichier à écrire : .xlsx ou .pdf")
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
    sub = commands.add_parser("screenshots", help="captures PNG de chaque écran")
    sub.add_argument("--out", type=path, required=True, metavar="DOSSIER",
                     help="dossier des captures (créé s'il manque)")
    from desktop_app import cli_backup

    cli_backup.add_parsers(commands)
    from desktop_app import cli_batches

    cli_batches.add_commands(commands)
    return parser


def _print_json(document: object) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=1))


def _open(url: str) -> SqlStore:
    from desktop_app.store.repository import open_store

    return open_store(url)


def _run(args: argparse.Namespace, url: str) -> int:
    if args.command is None:
        from desktop_app.ui.app import run_gui

        # No store named (--db, SUIVI_FSL_DB): the window opens the one the user chose in it
        # (the association's server, or the local store).
        named = bool(args.db or os.environ.get("SUIVI_FSL_DB"))
        return run_gui(url if named else None)
    if args.command == "screenshots":
        from desktop_app.private_files import private_folder
        from desktop_app.ui.screenshots import take_screenshots

        private_folder(args.out)  # before Qt starts: a folder that cannot be made is said now
        for path in take_screenshots(url, args.out):
            print(path)
        return EXIT_OK
    if args.command in ("backup", "restore"):
        from desktop_app import cli_backup

        return cli_backup.run(args, url)
    from desktop_app import cli_batches, cli_commands

    if args.command in cli_batches.COMMANDS:
        handler = getattr(cli_batches, cli_batches.COMMANDS[args.command])
    else:
        handler = getattr(cli_commands, f"run_{args.command}")
    store = _open(url)
    try:
        result: int = handler(store, args)
    finally:
        # Closed now, not whenever the collector gets to it: the last connection leaving
        # folds the WAL back into the file, which is then whole for a copy or a backup.
        store.close()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    _print_any_path()
    args = build_parser().parse_args(argv)
    from desktop_app.paths import data_dir, db_url, default_db_url
    from desktop_app.private_files import remove_leftovers

    remove_leftovers(data_dir())  # what a killed run left there (household data in clear)
    from desktop_app.store.api import StoreError, WrongPassphraseError

    try:
        url = db_url(args.db) if args.db else default_db_url()
        return _run(args, url)
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
