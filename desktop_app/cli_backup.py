"""`suivi-fsl backup --out DOSSIER` and `suivi-fsl restore FICHIER`.

backup: a checked, encrypted (if the store is) copy of the store in the folder, its path
printed; `--rotation` then applies the rotation (7 daily, 4 weekly, 12 monthly).
restore: the backup's date and counts printed, then — after `--yes`, or « o » typed on a
terminal — the current store put aside (its new path printed) and the backup in its place.
Without `--yes` and without a terminal: exit 2, nothing changed. The passphrase comes from
`SUIVI_FSL_PASSPHRASE`; a wrong or missing one (an encrypted store) exits 4, a damaged backup
1, as the other commands; so does a store another window or program has open, and
a plain backup for an encrypted store unless `--encrypt-plain` (it is then encrypted).
On a PostgreSQL server, `backup` writes the encrypted logical export of what the
account may read (`store.server_backup`), with the passphrase of `SUIVI_FSL_PASSPHRASE`
(required, as strong as the CNIL asks); `restore` is refused (exit 1,
`store.backup.ON_SERVER`): a server is restored on the server, by its owner.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop_app.cli_arguments import path

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_USAGE = 2

NEEDS_YES = ("Restauration non confirmée : relancez avec --yes pour remplacer la base sans "
             "question (la base actuelle sera gardée de côté).")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub = commands.add_parser("backup", help="sauvegarder la base dans un dossier")
    sub.add_argument("--out", type=path, required=True, metavar="DOSSIER",
                     help="dossier des sauvegardes (clé USB, partage réseau…)")
    sub.add_argument("--rotation", action="store_true",
                     help="puis ne garder que 7 quotidiennes, 4 hebdomadaires, 12 mensuelles")
    sub = commands.add_parser("restore", help="remplacer la base par une sauvegarde "
                              "(la base actuelle est gardée de côté)")
    sub.add_argument("file", type=path, metavar="FICHIER", help="la sauvegarde à remettre")
    sub.add_argument("--yes", action="store_true", help="sans demander de confirmation")
    sub.add_argument("--encrypt-plain", action="store_true",
                     help="accepter une sauvegarde non chiffrée pour une base chiffrée (elle est "
                     "chiffrée avec le mot de passe de la base)")


def run(args: argparse.Namespace, url: str, now: Callable[[], datetime] = datetime.now) -> int:
    from desktop_app.store.backup import store_file
    from desktop_app.store.engine import is_postgresql, store_url

    parsed = store_url(url)
    if args.command == "backup" and is_postgresql(parsed):
        return _server_backup(url, args.out, args.rotation, now())
    database = store_file(parsed)  # restoring a server's store: refused, said in French
    if args.command == "backup":
        return _backup(url, args.out, args.rotation, now())
    return _restore(args.file, database, args.yes, args.encrypt_plain, now())


def _backup(url: str, folder: Path, rotation: bool, taken: datetime) -> int:
    from desktop_app.store.backup import make_backup, rotate
    from desktop_app.store.repository import open_store

    store = open_store(url)
    try:
        made = make_backup(store, folder, taken)
    finally:
        store.close()
    return _print_made(made, rotation, lambda: rotate(folder, taken.date()))


def _server_backup(url: str, folder: Path, rotation: bool, taken: datetime) -> int:
    from desktop_app.app.opening import passphrase_in_environment
    from desktop_app.store.repository import open_store
    from desktop_app.store.server_backup import (
        check_passphrase,
        make_server_backup,
        rotate_server_backups,
    )

    passphrase = check_passphrase(passphrase_in_environment())  # refused before connecting
    store = open_store(url, "")  # "": no SQLCipher key (the variable is the backup's here)
    try:
        made = make_server_backup(store.engine, folder, taken, passphrase)
    finally:
        store.close()
    return _print_made(made, rotation, lambda: rotate_server_backups(folder, taken.date()))


def _print_made(made: Path, rotation: bool, rotate: Callable[[], list[Path]]) -> int:
    """Print the backup `made`; then, with `--rotation`, `rotate` and print what it deleted."""
    print(made)
    if rotation:
        for removed in rotate():
            print(f"Supprimée (rotation) : {removed}", file=sys.stderr)
    return EXIT_OK


def _restore(backup: Path, database: Path, yes: bool, encrypt_plain: bool,
             moment: datetime) -> int:
    from desktop_app.app.opening import passphrase_in_environment
    from desktop_app.domain.fr import format_date
    from desktop_app.store.backup import backup_info, restore, restored_key

    passphrase = passphrase_in_environment()
    info = backup_info(backup, passphrase)
    print(f"Sauvegarde du {format_date(info.taken.date())} à {info.taken:%H:%M} : "
          f"{info.households} ménages, {info.measures} mesures, {info.visits} visites, "
          f"{info.workers} travailleurs sociaux.")
    restored_key(info, database, passphrase, encrypt_plain)  # refused before the question
    if not yes:
        if not sys.stdin.isatty():
            print(NEEDS_YES, file=sys.stderr)
            return EXIT_USAGE
        answer = input(f"Remplacer la base {database} par cette sauvegarde ? [o/N] ")
        if answer.strip().lower() not in ("o", "oui"):
            print("Restauration abandonnée : rien n'a été modifié.")
            return EXIT_OK
    aside = restore(backup, database, passphrase, moment, encrypt_plain=encrypt_plain)
    print(f"Base restaurée : {database}")
    if aside is not None:
        print(f"L'ancienne base est gardée de côté : {aside}")
    return EXIT_OK
