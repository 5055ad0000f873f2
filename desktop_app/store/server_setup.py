"""`server init`: make an empty PostgreSQL database a Suivi FSL store with its
group roles and access policies, or bring an existing one up to date; run twice, the second
run changes nothing. Run by the account that is to own the schema (the association's IT
person); it says in French what it did."""

from __future__ import annotations

from sqlalchemy.engine import URL

from desktop_app.store import server_policies
from desktop_app.store.accounts import session_of
from desktop_app.store.engine import (
    create_store_engine,
    dispose_engine,
    is_postgresql,
    read,
    shown_url,
    store_url,
    write,
)
from desktop_app.store.errors import StoreError, environment_errors
from desktop_app.store.migrate import current_revision, ensure_schema, head_revision

NOT_A_SERVER = ("« server init » prépare une base sur un serveur PostgreSQL : donnez à --db "
                "son adresse postgresql://COMPTE@SERVEUR/BASE (voir docs/serveur.md). Une base "
                "sur fichier n'a ni rôles ni règles d'accès.")
NOT_OWNER = ("« server init » doit être lancé avec le compte propriétaire de la base (celui "
             "qui l'a préparée la première fois), pas avec « {login} » : les rôles et les "
             "règles d'accès appartiennent au propriétaire. Rien n'a été modifié.")


def init_server(url: str | URL) -> list[str]:
    """Migrations, group roles, rights and policies; the French lines of what was done."""
    parsed = store_url(url)
    if not is_postgresql(parsed):
        raise StoreError(NOT_A_SERVER)
    where = shown_url(parsed)
    with environment_errors(where):
        engine = create_store_engine(parsed)
        try:
            before, _ = current_revision(engine)
            ensure_schema(engine, existed=False)
            with read(engine) as connection:
                session = session_of(connection)
            if not session.owner:
                raise StoreError(NOT_OWNER.format(login=session.login))
            with write(engine) as connection:
                report = server_policies.apply(connection)
                roles = server_policies.current_roles(connection)
        finally:
            dispose_engine(engine)
    head = head_revision()
    if before is None:
        tables = f"tables créées (révision {head})"
    elif before != head:
        tables = f"tables mises à jour (révision {before} → {head})"
    else:
        tables = f"tables déjà à jour (révision {head})"
    groups = ", ".join(roles.groups)
    lines = [f"Base {where} (propriétaire : {roles.owner}) :", f"- {tables} ;"]
    if report.roles_created:
        lines.append(f"- rôles de groupe créés : {', '.join(report.roles_created)} ;")
    if len(report.roles_created) < len(roles.groups):
        kept = [g for g in roles.groups if g not in report.roles_created]
        lines.append(f"- rôles de groupe déjà présents : {', '.join(kept)} ;")
    count = len(server_policies.policy_tables(roles))
    if report.tables_secured:
        lines.append(f"- sécurité par ligne activée et imposée sur {len(report.tables_secured)} "
                     f"tables ;")
    else:
        lines.append(f"- sécurité par ligne déjà active sur les {count} tables ;")
    changed = (report.policies_created, report.policies_replaced, report.policies_removed)
    if any(changed):
        lines.append(f"- règles d'accès : {changed[0]} créées, {changed[1]} remplacées, "
                     f"{changed[2]} retirées ({report.policies_kept} déjà en place) ;")
    else:
        lines.append(f"- règles d'accès déjà en place ({report.policies_kept} règles) ;")
    lines.append(f"- droits des rôles {groups} sur les tables vérifiés ; seuls ces rôles et le "
                 "propriétaire peuvent se connecter à la base.")
    if report.changed or before != head:
        lines.append("Prochaine étape : créer les comptes personnels (« suivi-fsl --db … "
                     "account add IDENTIFIANT --role travailleur --worker ID »).")
    else:
        lines.append("Rien n'a changé : la base était déjà prête.")
    return lines
