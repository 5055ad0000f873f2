"""Personal accounts of a store on a PostgreSQL server (issue 12): who is connected
(`Session`), and the account commands (`account add|disable|password|list|share|unshare`).

An account is a PostgreSQL LOGIN role, member of one group role of `server_policies`, with a
row in `accounts` (its group and its worker). The server knows the password only as a
SCRAM-SHA-256 verifier computed here (libpq's `PQencryptPasswordConn`): the password itself
never travels in a statement, nor appears in the server's logs. A disabled account is
NOLOGIN: it cannot connect, its row and its history stay.

Only the schema's owner or a `responsable` manages accounts and shares; the server refuses
anyone else anyway (they have no right on `accounts`, nor to create roles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from psycopg import sql
from sqlalchemy import Connection, delete, insert, select, update

from desktop_app.store.api import StoreError
from desktop_app.store.server_policies import (
    GROUPS,
    LECTURE,
    RESPONSABLE,
    TRAVAILLEUR,
    current_roles,
    driver,
    fetch,
)
from desktop_app.store.tables import ACCOUNTS, HOUSEHOLDS, SHARES, WORKERS

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
                "donnez-le avec --worker ID (la liste des travailleurs est dans l'écran "
                "Équipe, ou dans un export).")
NO_SUCH_WORKER = ("Aucun travailleur « {worker} » dans la base : vérifiez l'identifiant, ou "
                  "enregistrez d'abord le travailleur. Rien n'a été modifié.")
ALREADY = "Le compte « {login} » existe déjà dans cette base. Rien n'a été modifié."
TAKEN = ("Le nom « {login} » est déjà pris sur ce serveur (par un compte d'une autre base, ou "
         "un rôle du serveur) : choisissez un autre identifiant, par exemple préfixé du nom de "
         "l'association. Rien n'a été modifié.")
NO_SUCH_ACCOUNT = "Aucun compte « {login} » dans cette base (voir « account list »)."
NO_SUCH_HOUSEHOLD = ("Aucun ménage « {household} » dans la base (ou votre compte ne le voit "
                     "pas) : vérifiez l'identifiant. Rien n'a été modifié.")
NEEDS_RESPONSABLE = ("{what} demande un compte « responsable » (ou le compte propriétaire de la "
                     "base) : votre compte « {login} » est « {group} ». Demandez-le à un "
                     "responsable de l'association. Rien n'a été modifié.")
NEEDS_WHOLE_VIEW = ("{what} porte sur toute l'association et demande un compte « responsable » "
                    "ou « lecture » : votre compte « {login} » est « travailleur » et ne voit "
                    "que ses ménages. Demandez-le à un responsable de l'association.")


#: What `SqlStore.load_for_year` serves: the grid and the other documents of the year.
GRID = "La grille d'activité (comme tout document de l'année)"
IMPORT = "L'import d'un fichier d'échange"


@dataclass(frozen=True)
class Session:
    """Who is connected to a PostgreSQL store."""

    login: str
    #: Owner of the schema (or superuser): every right, under policies that let it all.
    owner: bool
    #: The group the login is a member of (travailleur, responsable, lecture), if any.
    group: str | None
    worker_id: str | None
    has_account: bool

    @property
    def author(self) -> str | None:
        """The name its writes are recorded under (its worker, else its login), as the
        server's policies require; None for the owner without an account: the program's
        profile (« système » on the command line), as on a file."""
        if self.has_account or (self.group is not None and not self.owner):
            return self.worker_id or self.login
        return None

    @property
    def manages(self) -> bool:
        return self.owner or self.group == RESPONSABLE

    @property
    def group_text(self) -> str:
        return self.group or "sans rôle"


def session_of(connection: Connection) -> Session:
    """The session of a connection to a PostgreSQL store (migrated)."""
    roles = current_roles(connection)
    (login, owner), = fetch(
        connection, "SELECT current_user, coalesce((SELECT pg_has_role(current_user, "
        "c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = to_regclass('measures')), false)")
    group = None
    for name, role in ((RESPONSABLE, roles.responsable), (LECTURE, roles.lecture),
                       (TRAVAILLEUR, roles.travailleur)):
        member, = fetch(connection, "SELECT to_regrole(%s) IS NOT NULL AND "
                        "pg_has_role(current_user, %s, 'MEMBER')", role, role)[0]
        if member:
            group = name
            break
    if owner:
        group = group if group == RESPONSABLE else None
    account = connection.execute(select(ACCOUNTS.c.worker_id).where(
        ACCOUNTS.c.login == str(login))).first()
    return Session(str(login), bool(owner), group,
                   account[0] if account else None, account is not None)


def require_everything(session: Session | None, what: str) -> None:
    """Refuse in French an operation on the whole store (import, merge, undo of an import)
    to an account that is not `responsable` (nor the owner)."""
    if session is not None and session.group is not None and not session.manages:
        raise StoreError(NEEDS_RESPONSABLE.format(what=what, login=session.login,
                                                  group=session.group_text))


def require_whole_view(session: Session | None, what: str) -> None:
    """Refuse in French an association-level document to a `travailleur`: it would be
    computed on its own households only, and look complete."""
    if session is not None and session.group == TRAVAILLEUR and not session.owner:
        raise StoreError(NEEDS_WHOLE_VIEW.format(what=what, login=session.login))


def _require_manager(connection: Connection) -> None:
    session = session_of(connection)
    if not session.manages:
        raise StoreError(NOT_MANAGER.format(login=session.login, group=session.group_text))
    roles = current_roles(connection)
    missing, = fetch(connection, "SELECT count(*) FROM unnest(%s::text[]) r "
                     "WHERE to_regrole(r) IS NULL", list(roles.groups))[0]
    if missing:
        raise StoreError(NOT_SET_UP)


def check_login(login: str) -> str:
    if not LOGIN.fullmatch(login):
        raise StoreError(BAD_LOGIN.format(login=login))
    return login


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
        raise StoreError(NO_SUCH_ACCOUNT.format(login=login))
    return found[0], found[1], found[2]


def add_account(connection: Connection, login: str, group: str, worker_id: str | None,
                password: str, today: date) -> str:
    """Create the LOGIN role `login`, member of the database's `group`, and its row; the
    French line that says it."""
    check_login(login)
    if group not in GROUPS:
        raise StoreError(BAD_GROUP.format(group=group))
    if group == TRAVAILLEUR and not worker_id:
        raise StoreError(NEEDS_WORKER)
    _require_manager(connection)
    if worker_id and connection.execute(select(WORKERS.c.id).where(
            WORKERS.c.id == worker_id)).first() is None:
        raise StoreError(NO_SUCH_WORKER.format(worker=worker_id))
    if connection.execute(select(ACCOUNTS.c.login).where(
            ACCOUNTS.c.login == login)).first() is not None:
        raise StoreError(ALREADY.format(login=login))
    if fetch(connection, "SELECT 1 FROM pg_roles WHERE rolname = %s", login):
        raise StoreError(TAKEN.format(login=login))
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
    _require_manager(connection)
    _role, _worker, disabled_on = _account(connection, check_login(login))
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
    _require_manager(connection)
    _account(connection, check_login(login))
    driver(connection).execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
        sql.Identifier(login), sql.Literal(_verifier(connection, login, password))))
    return f"Mot de passe du compte « {login} » changé."


@dataclass(frozen=True)
class AccountLine:
    login: str
    group: str
    worker_id: str | None
    worker_name: str | None
    created_on: date
    disabled_on: date | None


def list_accounts(connection: Connection) -> list[AccountLine]:
    _require_manager(connection)
    query = (select(ACCOUNTS, WORKERS.c.name)
             .outerjoin(WORKERS, WORKERS.c.id == ACCOUNTS.c.worker_id)
             .order_by(ACCOUNTS.c.login))
    return [AccountLine(r.login, r.role, r.worker_id, r.name, r.created_on, r.disabled_on)
            for r in connection.execute(query)]


def share(connection: Connection, login: str, household_id: str, at: datetime) -> str:
    _require_manager(connection)
    _account(connection, check_login(login))
    if connection.execute(select(HOUSEHOLDS.c.id).where(
            HOUSEHOLDS.c.id == household_id)).first() is None:
        raise StoreError(NO_SUCH_HOUSEHOLD.format(household=household_id))
    if connection.execute(select(SHARES.c.login).where(
            SHARES.c.login == login, SHARES.c.household_id == household_id)).first():
        return f"Le ménage {household_id} est déjà partagé avec « {login} » : rien n'a changé."
    (by,), = fetch(connection, "SELECT current_user")
    connection.execute(insert(SHARES).values(household_id=household_id, login=login,
                                             shared_by=str(by), shared_at=at))
    return f"Ménage {household_id} partagé avec « {login} »."


def unshare(connection: Connection, login: str, household_id: str) -> str:
    _require_manager(connection)
    check_login(login)
    gone = connection.execute(delete(SHARES).where(
        SHARES.c.login == login, SHARES.c.household_id == household_id)).rowcount
    if not gone:
        return (f"Le ménage {household_id} n'était pas partagé avec « {login} » : rien n'a "
                "changé.")
    return f"Le ménage {household_id} n'est plus partagé avec « {login} »."
