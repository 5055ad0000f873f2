"""Personal accounts of a store on a PostgreSQL server: who is connected
(`Session`), and what an account may not do in the program (an import, the grid). Creating,
disabling and listing accounts, and sharing households: `account_admin`.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from desktop_app.store.errors import StoreError
from desktop_app.store.records import LECTURE, RESPONSABLE, TRAVAILLEUR, Session
from desktop_app.store.tables import ACCOUNTS

NEEDS_RESPONSABLE = ("{what} demande un compte « responsable » (ou le compte propriétaire de la "
                     "base) : votre compte « {login} » est « {group} ». Demandez-le à un "
                     "responsable de l'association. Rien n'a été modifié.")
NEEDS_WHOLE_VIEW = ("{what} porte sur toute l'association et demande un compte « responsable » "
                    "ou « lecture » : votre compte « {login} » est « travailleur » et ne voit "
                    "que ses ménages. Demandez-le à un responsable de l'association.")


#: What `SqlStore.load_for_year` serves: the grid and the other documents of the year.
GRID = "La grille d'activité (comme tout document de l'année)"
IMPORT = "L'import d'un fichier d'échange"


def session_of(connection: Connection) -> Session:
    """The session of a connection to a PostgreSQL store (migrated)."""
    # Here, not at the top: psycopg (≈0,1 s) is loaded only for a server.
    from desktop_app.store.server_policies import current_roles, fetch

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
