"""The command line of ECHANGE.md: `suivi-fsl [--db PATH_OR_URL] [COMMAND ...]`.

Exit codes (contract): 0 done, 2 wrong usage, 3 rejected input (every problem printed in
French with its JSON path, the store left exactly as it was). An environment problem with
the store (locked, full disk, newer version…) exits 1 with a French message; a wrong or
missing passphrase of an encrypted store (`SUIVI_FSL_PASSPHRASE`) exits 4. A passphrase
weaker than the CNIL's advice (`domain.passphrase`) that would CREATE a new encrypted store
exits 2 (wrong usage: nothing is created, choose a stronger one), unless
`SUIVI_FSL_PASSPHRASE_FAIBLE=1` says it is wanted; opening an existing store is never refused
for the strength of its passphrase.
Heavy modules (Qt, SQLAlchemy, the engines) are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_PASSPHRASE = 4
#: `1`: create an encrypted store even with a passphrase weaker than the CNIL's advice.
WEAK_PASSPHRASE_ENV = "SUIVI_FSL_PASSPHRASE_FAIBLE"


class _FrenchParser(argparse.ArgumentParser):
    """argparse with its messages in French (exit code 2 on wrong usage, as argparse does)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        translated = (
            message.replace("the following arguments are required", "arguments obligatoires")
            .replace("invalid choice", "choix invalide")
            .replace("unrecognized arguments", "arguments inconnus")
            .replace("expected one argument", "une valeur est attendue")
        )
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog} : erreur : {translated}\n")


def _month(text: str) -> object:
    from desktop_app.domain.dates import Month

    try:
        return Month.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"mois invalide « {text} » (attendu AAAA-MM)") from error


def _day(text: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"date invalide « {text} » (attendu AAAA-MM-JJ)"
        ) from error


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"nombre entier positif attendu, pas « {text} »")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="suivi-fsl",
        description="Suivi des mesures FSL (ASLL, AML, FAL, DSF) du Pas-de-Calais.",
        epilog="Sans commande : ouvre la fenêtre de l'application.",
    )
    parser.add_argument("--db", help="base à utiliser : chemin ou URL SQLAlchemy "
                        "(par défaut $SUIVI_FSL_DB, sinon le dossier de données)")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE",
                                     parser_class=_FrenchParser)
    sub = commands.add_parser("import", help="charger un fichier d'échange (tout ou rien)")
    sub.add_argument("file", type=Path, metavar="FICHIER.json")
    sub = commands.add_parser("export", help="écrire toute la base dans un fichier d'échange")
    sub.add_argument("file", type=Path, metavar="FICHIER.json")
    sub = commands.add_parser("points", help="points et montants d'un mois (P1-P7, Q1-Q2)")
    sub.add_argument("--month", type=_month, required=True, metavar="AAAA-MM")
    sub.add_argument("--json", action="store_true", help="sortie JSON du contrat")
    sub = commands.add_parser("alerts", help="obligations et manquements à une date")
    sub.add_argument("--on", type=_day, default=None, metavar="AAAA-MM-JJ",
                     help="date d'observation (par défaut : aujourd'hui)")
    sub.add_argument("--json", action="store_true", help="sortie JSON du contrat")
    sub = commands.add_parser("grid", help="grille d'activité annuelle du SPSLH (.xlsx ou .pdf)")
    sub.add_argument("--year", type=int, required=True, metavar="AAAA")
    sub.add_argument("--out", type=Path, required=True, metavar="FICHIER")
    sub = commands.add_parser("demo", help="remplir une base vide de données fictives")
    sub.add_argument("--households", type=_positive, default=60, metavar="N")
    sub.add_argument("--years", type=_positive, default=2, metavar="A")
    sub.add_argument("--seed", type=int, default=1, metavar="S")
    sub = commands.add_parser("screenshots", help="captures PNG de chaque écran")
    sub.add_argument("--out", type=Path, required=True, metavar="DOSSIER")
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


def weak_new_passphrase(url: str) -> str | None:
    """The French refusal of a `SUIVI_FSL_PASSPHRASE` weaker than the CNIL's advice when it
    would create a new encrypted store at `url`; None when it may go on (no passphrase, a
    store already there, a strong one, or `SUIVI_FSL_PASSPHRASE_FAIBLE=1`)."""
    from sqlalchemy.engine import make_url

    from desktop_app.domain.passphrase import assess
    from desktop_app.store.engine import sqlite_file
    from desktop_app.store.keys import PASSPHRASE_ENV, given_passphrase, is_new

    passphrase = given_passphrase(None)
    if passphrase is None or os.environ.get(WEAK_PASSPHRASE_ENV) == "1":
        return None
    database = sqlite_file(make_url(url))
    strength = assess(passphrase)
    if not is_new(database) or strength.strong:
        return None
    return (f"le mot de passe de {PASSPHRASE_ENV} est trop faible pour créer la base chiffrée "
            f"{database}. {strength.verdict} Choisissez-en un plus fort, ou relancez avec "
            f"{WEAK_PASSPHRASE_ENV}=1 pour le garder malgré tout. Rien n'a été créé.")


def _run(args: argparse.Namespace, url: str) -> int:
    if args.command is None:
        from desktop_app.ui.app import run_gui

        return run_gui(url)
    if args.command != "restore":  # a restore puts a backup in place, with its passphrase
        refusal = weak_new_passphrase(url)
        if refusal is not None:
            print(f"Erreur : {refusal}", file=sys.stderr)
            return EXIT_USAGE
    if args.command == "screenshots":
        from desktop_app.ui.screenshots import take_screenshots

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
    args = build_parser().parse_args(argv)
    from desktop_app.paths import db_url, default_db_url

    url = db_url(args.db) if args.db else default_db_url()
    from desktop_app.store.api import StoreError, WrongPassphraseError

    try:
        return _run(args, url)
    except WrongPassphraseError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_PASSPHRASE
    except StoreError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_ENVIRONMENT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
