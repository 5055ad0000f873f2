"""`suivi-fsl server init` and `suivi-fsl account …`: prepare a store on a
PostgreSQL server, and manage its personal accounts and household shares (docs/serveur.md).

The accounts themselves are managed by `app.accounts`, as in the window (Équipe ›
Comptes): this module only reads the arguments and the password. A new password is asked
twice on a terminal, never echoed, or read from `SUIVI_FSL_NEW_PASSWORD` (scripts); it must
meet the CNIL's recommendation (`account_admin.check_password`). Refusals are French
`StoreError`s (exit 1) printed by `cli.main`; a missing or weak password exits 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date, datetime
from typing import Any

from desktop_app.store.errors import StoreError

EXIT_OK = 0
EXIT_USAGE = 2
COMMANDS = ("server", "account")
#: The variable a script gives the new password in.
PASSWORD_ENV = "SUIVI_FSL_NEW_PASSWORD"
NO_TERMINAL = (f"Aucun terminal pour demander le mot de passe : donnez-le dans la variable "
               f"{PASSWORD_ENV} (il n'est jamais affiché). Rien n'a été modifié.")
MISMATCH = "Les deux saisies du mot de passe diffèrent. Rien n'a été modifié."


def add_parsers(commands: Any) -> None:
    server = commands.add_parser("server", help="préparer une base sur un serveur PostgreSQL")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    actions.add_parser("init", help="créer ou mettre à jour les tables, les rôles et les "
                       "règles d'accès (sans effet si déjà fait)")
    account = commands.add_parser("account", help="comptes personnels d'une base sur serveur")
    actions = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    sub = actions.add_parser("add", help="créer un compte personnel")
    sub.add_argument("login", metavar="IDENTIFIANT")
    sub.add_argument("--role", required=True, choices=["travailleur", "responsable", "lecture"],
                     help="ce que le compte peut faire (voir docs/serveur.md)")
    sub.add_argument("--worker", metavar="ID", help="le travailleur que le compte est "
                     "(obligatoire pour un travailleur)")
    sub = actions.add_parser("disable", help="désactiver un compte (son historique reste)")
    sub.add_argument("login", metavar="IDENTIFIANT")
    sub = actions.add_parser("password", help="changer le mot de passe d'un compte")
    sub.add_argument("login", metavar="IDENTIFIANT")
    actions.add_parser("list", help="liste des comptes")
    for name, text in (("share", "partager un ménage avec un compte"),
                       ("unshare", "retirer le partage d'un ménage")):
        sub = actions.add_parser(name, help=text)
        sub.add_argument("login", metavar="IDENTIFIANT")
        sub.add_argument("household", metavar="MENAGE", help="identifiant du ménage")


class PasswordRefused(Exception):
    """A password that is missing, typed differently twice, or too weak (French)."""


def new_password(login: str) -> str:
    """The new password of `login`: from `SUIVI_FSL_NEW_PASSWORD`, else asked twice on the
    terminal; refused if it does not meet the CNIL's recommendation."""
    from desktop_app.store.account_admin import WeakPasswordError, check_password

    given = os.environ.get(PASSWORD_ENV)
    if given is None:
        if not sys.stdin.isatty():
            raise PasswordRefused(NO_TERMINAL)
        given = getpass.getpass(f"Mot de passe du compte « {login} » : ")
        if getpass.getpass("Le même, une seconde fois : ") != given:
            raise PasswordRefused(MISMATCH)
    try:
        return check_password(given)
    except WeakPasswordError as error:
        raise PasswordRefused(str(error)) from error


def run(args: argparse.Namespace, url: str) -> int:
    if args.command == "server":
        from desktop_app.store.server_setup import init_server

        for line in init_server(url):
            print(line)
        return EXIT_OK
    try:
        return _account(args, url)
    except PasswordRefused as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_USAGE


def _account(args: argparse.Namespace, url: str) -> int:
    from desktop_app.app import accounts
    from desktop_app.store.account_admin import NOT_A_SERVER, check_login
    from desktop_app.store.engine import is_postgresql, store_url
    from desktop_app.store.repository import open_store

    if not is_postgresql(store_url(url)):
        raise StoreError(NOT_A_SERVER)
    action = args.account_command
    password = None
    if action in ("add", "password"):
        check_login(args.login)
        password = new_password(args.login)
    store = open_store(url)
    try:
        if action == "add":
            assert password is not None
            lines = [accounts.add_account(store, args.login, args.role, args.worker, password,
                                          date.today())]
        elif action == "disable":
            lines = [accounts.disable_account(store, args.login, date.today())]
        elif action == "password":
            assert password is not None
            lines = [accounts.change_password(store, args.login, password)]
        elif action == "list":
            lines = _list(accounts.accounts(store))
        elif action == "share":
            lines = [accounts.share_household(store, args.login, args.household,
                                              datetime.now().replace(microsecond=0))]
        else:
            lines = [accounts.unshare_household(store, args.login, args.household)]
    finally:
        store.close()
    for line in lines:
        print(line)
    return EXIT_OK


def _list(found: list[Any]) -> list[str]:
    if not found:
        return ["Aucun compte personnel dans cette base (« account add » en crée un)."]
    lines = []
    for line in found:
        who = (f"travailleur {line.worker_id}" + (f" ({line.worker_name})"
                                                  if line.worker_name else "")
               if line.worker_id else "sans travailleur")
        state = (f"désactivé le {line.disabled_on.strftime('%d/%m/%Y')}" if line.disabled_on
                 else "actif")
        shared = (" — ménages partagés : " + ", ".join(h for h, _name in line.shares)
                  if line.shares else "")
        lines.append(f"{line.login} — {line.group} — {who} — créé le "
                     f"{line.created_on.strftime('%d/%m/%Y')} — {state}{shared}")
    return lines
