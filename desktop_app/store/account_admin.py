"""Administration of the personal accounts of a store on a PostgreSQL server: the
one place both the command line (`suivi-fsl account add|disable|password|list|share|unshare`,
`cli_server`) and the window (Équipe › Comptes, `ui.team.accounts_panel`) go through.

An account is a PostgreSQL LOGIN role, member of one group role of `server_policies`, with a
row in `accounts` (its group and its worker). The server knows the password only as a
SCRAM-SHA-256 verifier computed here (libpq's `PQencryptPasswordConn`): the password itself
never travels in a statement, nor appears in the server's logs. A disabled account is
NOLOGIN: it cannot connect, its row and its history stay.

Only the schema's owner or a `responsable` manages accounts and shares; the server refuses
anyone else anyway (they have no right on `accounts`, nor to create roles). Every refusal is
a `RefusedError` whose French message says what is wrong and how to put it right; nothing
was changed. A new password must meet the CNIL's recommendation (`domain.passphrase`, the
rule of the first-launch dialog).

`AccountAdmin(store)` runs each operation in its own transaction on an open store; the
functions taking a `Connection` are the same operations inside a caller's transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING

from psycopg import sql
from sqlalchemy import Connection, delete, insert, select, update

from desktop_app.domain.passphrase import assess
from desktop_app.store.accounts import session_of
from desktop_app.store.engine import write
from desktop_app.store.errors import RefusedError, environment_errors
from desktop_app.store.records import GROUPS, RESPONSABLE, TRAVAILLEUR, AccountLine
from desktop_app.store.server_policies import current_roles, driver, fetch
from desktop_app.store.tables import ACCOUNTS, HOUSEHOLDS, SHARES, WORKERS

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

#: A login: lower-case letters, digits, « . », « _ » or « - », starting with a letter.
LOGIN = re.compile(r"[a-z][a-z0-9._-]{0,62}")

NOT_A_SERVER = ("Les comptes personnels ne concernent qu'une base sur un serveur PostgreSQL "
                "(voir docs/serveur.md) : une base sur fichier n'a pas de comptes.")
NOT_MANAGER = ("La gestion des comptes et des partages demande le compte propriétaire de la "
               "base ou un compte « responsable » ; votre compte « {login} » est « {group} ». "
               "Rien n'a été modifié.")
NOT_SET_UP = ("Cette base n'a pas encore ses rôles : lancez d'abord « suivi-fsl --db … server "
              "init » avec le compte propriétaire (voir docs/serveur.md). Rien n'a été modifié.")
BAD_LOGIN = ("Identifiant « {login} » refusé : un identifiant commence par une lettre "
             "minuscule, suivie de lettres minuscules, chiffres, « . », « _ » ou « - » "
             "(63 caractères au plus), par exemple « marie.dupont ».")
BAD_GROUP = "Rôle « {group} » inconnu : choisissez travailleur, responsable ou lecture."
NEEDS_WORKER = ("Un compte « travailleur » voit les ménages dont son travailleur est référent : "
                "indiquez quel travailleur il est (« --worker ID » en ligne de commande, "
                "« Intervenant lié » dans la fenêtre ; la liste des travailleurs est dans "
                "l'écran Équipe).")
NO_SUCH_WORKER = ("Aucun travailleur « {worker} » dans la base : vérifiez l'identifiant, ou "
                  "enregistrez d'abord le travailleur. Rien n'a été modifié.")
ALREADY = "Le compte « {login} » existe déjà dans cette base. Rien n'a été modifié."
TAKEN = ("Le nom « {login} » est déjà pris sur ce serveur (par un compte d'une autre base, ou "
         "un rôle du serveur) : choisissez un autre identifiant, par exemple préfixé du nom de "
         "l'association. Rien n'a été modifié.")
NO_SUCH_ACCOUNT = ("Aucun compte « {login} » dans cette base : vérifiez l'identifiant (la liste "
                   "est dans « account list », ou l'écran Équipe › Comptes). Rien n'a été "
                   "modifié.")
NO_SUCH_HOUSEHOLD = ("Aucun ménage « {household} » dans la base (ou votre compte ne le voit "
                     "pas) : vérifiez l'identifiant. Rien n'a été modifié.")
WEAK = "Mot de passe refusé : {verdict} Rien n'a été modifié."
SELF = ("Votre propre compte « {login} » ne peut pas être désactivé depuis ce compte : vous "
        "perdriez l'accès à la base. Demandez-le à un autre responsable, ou au compte "
        "propriétaire de la base. Rien n'a été modifié.")


class WeakPasswordError(RefusedError):
    """A new password that does not meet the CNIL's recommendation (French, with what it
    lacks)."""


def check_login(login: str) -> str:
    """`login`, refused in French unless it is a valid login."""
    if not LOGIN.fullmatch(login):
        raise RefusedError(BAD_LOGIN.format(login=login))
    return login


def check_password(password: str) -> str:
    """`password`, refused in French unless strong (`domain.passphrase.assess`)."""
    strength = assess(password)
    if not strength.strong:
        raise WeakPasswordError(WEAK.format(verdict=strength.verdict))
    return password


def require_manager(connection: Connection) -> None:
    """Refuse in French anyone but the owner or a `responsable`, and a store not set up."""
    session = session_of(connection)
    if not session.manages:
        raise RefusedError(NOT_MANAGER.format(login=session.login, group=session.group_text))
    roles = current_roles(connection)
    missing, = fetch(connection, "SELECT count(*) FROM unnest(%s::text[]) r "
                     "WHERE to_regrole(r) IS NULL", list(roles.groups))[0]
    if missing:
        raise RefusedError(NOT_SET_UP)


def _verifier(connection: Connection, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of `password` (computed by libpq on this side)."""
    pgconn = driver(connection).pgconn
    return bytes(pgconn.encrypt_password(password.encode(), login.encode(),
                                         b"scram-sha-256")).decode()


def _account(connection: Connection, login: str) -> tuple[str, str | None, date | None]:
    found = connection.execute(select(ACCOUNTS.c.role, ACCOUNTS.c.worker_id,
                                      ACCOUNTS.c.disabled_on).where(
        ACCOUNTS.c.login == login)).first()
    if found is None:
        raise RefusedError(NO_SUCH_ACCOUNT.format(login=login))
    return found[0], found[1], found[2]


def add_account(connection: Connection, login: str, group: str, worker_id: str | None,
                password: str, today: date) -> str:
    """Create the LOGIN role `login`, member of the database's `group`, and its row; the
    French line that says it."""
    check_login(login)
    if group not in GROUPS:
        raise RefusedError(BAD_GROUP.format(group=group))
    if group == TRAVAILLEUR and not worker_id:
        raise RefusedError(NEEDS_WORKER)
    check_password(password)
    require_manager(connection)
    if worker_id and connection.execute(select(WORKERS.c.id).where(
            WORKERS.c.id == worker_id)).first() is None:
        raise RefusedError(NO_SUCH_WORKER.format(worker=worker_id))
    if connection.execute(select(ACCOUNTS.c.login).where(
            ACCOUNTS.c.login == login)).first() is not None:
        raise RefusedError(ALREADY.format(login=login))
    if fetch(connection, "SELECT 1 FROM pg_roles WHERE rolname = %s", login):
        raise RefusedError(TAKEN.format(login=login))
    roles = current_roles(connection)
    member_of = getattr(roles, group)
    # A responsable manages the accounts: it may create and alter roles.
    extra = sql.SQL(" CREATEROLE") if group == RESPONSABLE else sql.SQL("")
    driver(connection).execute(sql.SQL(
        "CREATE ROLE {} LOGIN{} PASSWORD {} IN ROLE {}").format(
        sql.Identifier(login), extra, sql.Literal(_verifier(connection, login, password)),
        sql.Identifier(member_of)))
    connection.execute(insert(ACCOUNTS).values(login=login, role=group, worker_id=worker_id,
                                               created_on=today, disabled_on=None))
    who = f", travailleur {worker_id}" if worker_id else ""
    return f"Compte « {login} » créé : rôle {group}{who}, membre du rôle {member_of}."


def disable_account(connection: Connection, login: str, today: date) -> str:
    """Make `login` NOLOGIN and date its row; refused for the connected account itself."""
    require_manager(connection)
    _role, _worker, disabled_on = _account(connection, check_login(login))
    (me,), = fetch(connection, "SELECT current_user")
    if str(me) == login:
        raise RefusedError(SELF.format(login=login))
    if disabled_on is not None:
        return (f"Le compte « {login} » est déjà désactivé (depuis le "
                f"{disabled_on.strftime('%d/%m/%Y')}) : rien n'a changé.")
    driver(connection).execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(
        sql.Identifier(login)))
    connection.execute(update(ACCOUNTS).where(ACCOUNTS.c.login == login).values(
        disabled_on=today))
    return (f"Compte « {login} » désactivé : il ne peut plus se connecter ; son historique "
            "est conservé. Une session déjà ouverte se termine à sa fermeture.")


def set_password(connection: Connection, login: str, password: str) -> str:
    check_login(login)
    check_password(password)
    require_manager(connection)
    _account(connection, login)
    driver(connection).execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
        sql.Identifier(login), sql.Literal(_verifier(connection, login, password))))
    return f"Mot de passe du compte « {login} » changé."





def list_accounts(connection: Connection) -> list[AccountLine]:
    require_manager(connection)
    shared: dict[str, list[tuple[str, str]]] = {}
    for login, household_id, name in connection.execute(
            select(SHARES.c.login, SHARES.c.household_id, HOUSEHOLDS.c.name)
            .join(HOUSEHOLDS, HOUSEHOLDS.c.id == SHARES.c.household_id)
            .order_by(HOUSEHOLDS.c.name, SHARES.c.household_id)):
        shared.setdefault(login, []).append((household_id, name))
    query = (select(ACCOUNTS, WORKERS.c.name)
             .outerjoin(WORKERS, WORKERS.c.id == ACCOUNTS.c.worker_id)
             .order_by(ACCOUNTS.c.login))
    return [AccountLine(r.login, r.role, r.worker_id, r.name, r.created_on, r.disabled_on,
                        tuple(shared.get(r.login, ())))
            for r in connection.execute(query)]


def share(connection: Connection, login: str, household_id: str, at: datetime) -> str:
    require_manager(connection)
    _account(connection, check_login(login))
    if connection.execute(select(HOUSEHOLDS.c.id).where(
            HOUSEHOLDS.c.id == household_id)).first() is None:
        raise RefusedError(NO_SUCH_HOUSEHOLD.format(household=household_id))
    if connection.execute(select(SHARES.c.login).where(
            SHARES.c.login == login, SHARES.c.household_id == household_id)).first():
        return f"Le ménage {household_id} est déjà partagé avec « {login} » : rien n'a changé."
    (by,), = fetch(connection, "SELECT current_user")
    connection.execute(insert(SHARES).values(household_id=household_id, login=login,
                                             shared_by=str(by), shared_at=at))
    return f"Ménage {household_id} partagé avec « {login} »."


def unshare(connection: Connection, login: str, household_id: str) -> str:
    require_manager(connection)
    check_login(login)
    gone = connection.execute(delete(SHARES).where(
        SHARES.c.login == login, SHARES.c.household_id == household_id)).rowcount
    if not gone:
        return (f"Le ménage {household_id} n'était pas partagé avec « {login} » : rien n'a "
                "changé.")
    return f"Le ménage {household_id} n'est plus partagé avec « {login} »."


class AccountAdmin:
    """The account operations on an open store of a server, one transaction each; French
    `StoreError`s (a `RefusedError` for what the rules refuse). Safe to call in a worker
    thread: it never touches a widget."""

    def __init__(self, store: SqlStore) -> None:
        if store.session is None:
            raise RefusedError(NOT_A_SERVER)
        self.store = store

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with environment_errors(self.store.where), write(self.store.engine) as connection:
            yield connection

    def accounts(self) -> list[AccountLine]:
        with self._write() as connection:
            return list_accounts(connection)

    def add(self, login: str, group: str, worker_id: str | None, password: str,
            today: date) -> str:
        with self._write() as connection:
            return add_account(connection, login, group, worker_id, password, today)

    def disable(self, login: str, today: date) -> str:
        with self._write() as connection:
            return disable_account(connection, login, today)

    def change_password(self, login: str, password: str) -> str:
        with self._write() as connection:
            return set_password(connection, login, password)

    def share(self, login: str, household_id: str, at: datetime) -> str:
        with self._write() as connection:
            return share(connection, login, household_id, at)

    def unshare(self, login: str, household_id: str) -> str:
        with self._write() as connection:
            return unshare(connection, login, household_id)
