"""The rights of a store on a PostgreSQL server, in one place: its group roles, what
each may do with each table (GRANT), and the row-level security policies that choose the rows
a `travailleur` sees. `server init` applies them (`apply`), and applies them again, changing
nothing that is already as it should be, after each new version's migrations.

Groups (one set per database, so that two associations on one server never share them):
`suivi_<base>_travailleur`, `suivi_<base>_responsable`, `suivi_<base>_lecture`. Personal
accounts (`accounts`) are LOGIN roles members of one group. The schema's owner is whoever ran
`server init` (the association's IT person); accounts are never owners. Every table has its
row-level security ENABLEd and FORCEd (the owner too is under policies: one lets it do
everything), so nothing reaches a row but through a policy below.

Who sees and writes what:
- household records (households, members, archive, shares) and measure records (measures,
  periods, suspensions, visits, reports, notices, stays, bilan texts, extensions of an AML
  agreement), and the audit entries, import items and alerts marked « traitée » about them
  (an alert follows its measure, else its household): a `travailleur` those of the
  households of which it is the referent of a measure, or replaces the referent during a
  recorded absence (by the absence's dates against `current_date`), or shared with it
  (`household_shares`); a new household without any measure yet, so that it can be created
  before its first measure;
- association records (association, conventions, tariffs, settings, workers and absences,
  homes and vacancies, import batches, accounts, and alerts marked « traitée » about neither
  a measure nor a household): read by all, written by `responsable`;
- `responsable` reads and writes everything, `lecture` reads everything (SELECT only);
- an audit entry, import batch or alert marked « traitée » is written only under its
  author's name: its worker if the account has one, else its login (`accounts`), never a
  name chosen by the program (a travailleur only adds to the audit trail and the treated
  alerts: it changes and deletes none).

Recursion: policies refer to tables whose own policies never refer back (households → measures
→ accounts, absences, shares, which refer to nothing). The one SECURITY DEFINER function,
`suivi_household_unassigned`, tells whether a household has no measure at all (a travailleur
could not know it otherwise: the measures of others are hidden from it); it runs as the owner
and returns one boolean.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from psycopg import sql
from sqlalchemy import Connection

from desktop_app.store.errors import StoreError
from desktop_app.store.records import GROUPS

#: Prefix of the policies this module owns (others are left alone).
PREFIX = "suivi_"
UNASSIGNED = "suivi_household_unassigned"
MAX_IDENTIFIER = 63
TOO_LONG = ("Le nom de la base « {database} » est trop long pour nommer ses rôles sur le "
            "serveur (PostgreSQL limite un nom à 63 caractères) : donnez à la base un nom de "
            "45 caractères au plus.")

#: Tables of the association: read by all, written by `responsable` (and the owner).
ASSOCIATION_TABLES = ("association", "conventions", "convention_subsidies", "grids_sent",
                      "occupancy_tables_sent", "tariffs", "settings", "workers", "absences",
                      "homes", "vacancies")
#: Children of a measure (their `measure_id`): visible with their measure.
MEASURE_CHILDREN = ("periods", "suspensions", "visits", "reports", "notices", "stays",
                    "bilan_texts", "agreement_extensions")
#: Children of a household (their `household_id`): visible with their household.
HOUSEHOLD_CHILDREN = ("members", "household_archive")

#: The login's account, active.
_MINE = "SELECT a.worker_id FROM accounts a WHERE a.login = current_user AND a.disabled_on IS NULL"
#: The workers a travailleur acts for today: itself and those it replaces during an absence.
_ACTING = (f"{_MINE} UNION SELECT ab.worker_id FROM absences ab JOIN accounts a "
           "ON ab.replacement_id = a.worker_id WHERE a.login = current_user "
           "AND a.disabled_on IS NULL AND ab.start <= current_date "
           'AND (ab."end" IS NULL OR current_date <= ab."end")')
_SHARED = "SELECT s.household_id FROM household_shares s WHERE s.login = current_user"
#: Name under which an account's writes are recorded (audit trail, import batches).
AUTHOR = ("coalesce((SELECT coalesce(a.worker_id, a.login) FROM accounts a "
          "WHERE a.login = current_user), current_user)")

_MEASURE_MINE = (f"(referent_id IN ({_ACTING}) OR household_id IN ({_SHARED}))")
_HOUSEHOLD_MINE = ("(EXISTS (SELECT 1 FROM measures m WHERE m.household_id = households.id) "
                   f"OR id IN ({_SHARED}) OR {UNASSIGNED}(id))")


def _via_measure(table: str) -> str:
    return f"EXISTS (SELECT 1 FROM measures m WHERE m.id = {table}.measure_id)"


def _via_household(table: str, column: str = "household_id") -> str:
    return f"EXISTS (SELECT 1 FROM households h WHERE h.id = {table}.{column})"


@dataclass(frozen=True)
class Policy:
    name: str
    table: str
    command: str  # ALL, SELECT, INSERT, UPDATE, DELETE
    roles: tuple[str, ...]
    using: str | None
    check: str | None

    def create(self) -> sql.Composed:
        parts = [sql.SQL("CREATE POLICY {} ON {} AS PERMISSIVE FOR {} TO {}").format(
            sql.Identifier(self.name), sql.Identifier(self.table), sql.SQL(self.command),
            sql.SQL(", ").join(sql.Identifier(r) for r in self.roles))]
        if self.using is not None:
            parts.append(sql.SQL(" USING ({})").format(sql.SQL(self.using)))
        if self.check is not None:
            parts.append(sql.SQL(" WITH CHECK ({})").format(sql.SQL(self.check)))
        return sql.Composed(parts)

    def fingerprint(self) -> str:
        """What is stored in the policy's comment: a policy whose text changed is replaced."""
        text = repr((self.command, self.roles, self.using, self.check))
        return "suivi-fsl " + hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Roles:
    """The role names of one database."""

    owner: str
    travailleur: str
    responsable: str
    lecture: str

    @property
    def groups(self) -> tuple[str, str, str]:
        return (self.travailleur, self.responsable, self.lecture)


def group_role(database: str, group: str) -> str:
    """`suivi_<database>_<group>`; a French `StoreError` if it would be too long."""
    name = f"suivi_{database}_{group}"
    if len(name.encode()) > MAX_IDENTIFIER:
        raise StoreError(TOO_LONG.format(database=database))
    return name


def roles_of(database: str, owner: str) -> Roles:
    return Roles(owner, *(group_role(database, group) for group in GROUPS))


def policies(roles: Roles) -> list[Policy]:
    """Every policy of the store, table by table (see the module's docstring)."""
    everyone = roles.groups
    everything = (roles.owner, roles.responsable)
    found: list[Policy] = []

    def add(table: str, command: str, who: tuple[str, ...], using: str | None,
            check: str | None, suffix: str) -> None:
        found.append(Policy(f"{PREFIX}{suffix}", table, command, who, using, check))

    def record_table(table: str, mine: str) -> None:
        add(table, "ALL", everything, "true", "true", "tout")
        add(table, "SELECT", (roles.lecture,), "true", None, "lecture")
        add(table, "ALL", (roles.travailleur,), mine, mine, "travailleur")

    for table in ASSOCIATION_TABLES:
        add(table, "ALL", everything, "true", "true", "tout")
        add(table, "SELECT", (roles.travailleur, roles.lecture), "true", None, "lecture")
    record_table("households", _HOUSEHOLD_MINE)
    record_table("measures", _MEASURE_MINE)
    for table in MEASURE_CHILDREN:
        record_table(table, _via_measure(table))
    for table in HOUSEHOLD_CHILDREN:
        record_table(table, _via_household(table))
    # Shares and accounts: a travailleur sees its own; only responsable writes them.
    for table in ("household_shares", "accounts"):
        add(table, "ALL", everything, "true", "true", "tout")
        add(table, "SELECT", (roles.lecture,), "true", None, "lecture")
        add(table, "SELECT", (roles.travailleur,), "login = current_user", None, "travailleur")
    # The audit trail: read with its household (association entries by all); written by
    # an account under its own name only; changed or deleted by responsable (retention).
    # (An entry is written before its record: a new household's, while it has no measure.)
    author = f"profile = {AUTHOR}"
    about = f"({_via_household('audit_log')} OR {UNASSIGNED}(audit_log.household_id))"
    seen = f"(household_id IS NULL OR {about})"
    add("audit_log", "ALL", (roles.owner,), "true", "true", "tout")
    add("audit_log", "SELECT", (roles.responsable, roles.lecture), "true", None, "lecture")
    add("audit_log", "SELECT", (roles.travailleur,), seen, None, "travailleur")
    add("audit_log", "INSERT", (roles.responsable,), None, author, "ecriture_responsable")
    add("audit_log", "INSERT", (roles.travailleur,), None,
        f"{author} AND household_id IS NOT NULL AND {about}",
        "ecriture_travailleur")
    add("audit_log", "UPDATE", (roles.responsable,), "true", "true", "modification")
    add("audit_log", "DELETE", (roles.responsable,), "true", None, "suppression")
    # Import batches: the list read by all; made (under one's name) and undone by responsable.
    add("import_batches", "ALL", (roles.owner,), "true", "true", "tout")
    add("import_batches", "SELECT", everyone, "true", None, "lecture")
    add("import_batches", "INSERT", (roles.responsable,), None, author, "ecriture")
    add("import_batches", "UPDATE", (roles.responsable,), "true", "true", "modification")
    add("import_batches", "DELETE", (roles.responsable,), "true", None, "suppression")
    # Alerts marked « traitée »: with their measure, else their household; those about
    # neither (a worker's) read by all. Marked under one's own name; taken back (retention)
    # by responsable.
    alert_mine = (f"(CASE WHEN measure_id IS NOT NULL THEN {_via_measure('treated_alerts')} "
                  "WHEN household_id IS NOT NULL THEN "
                  f"{_via_household('treated_alerts')} ELSE false END)")
    add("treated_alerts", "ALL", (roles.owner,), "true", "true", "tout")
    add("treated_alerts", "SELECT", (roles.lecture,), "true", None, "lecture")
    add("treated_alerts", "ALL", (roles.responsable,), "true", author, "responsable")
    add("treated_alerts", "SELECT", (roles.travailleur,),
        f"({alert_mine} OR (measure_id IS NULL AND household_id IS NULL))", None,
        "travailleur")
    add("treated_alerts", "INSERT", (roles.travailleur,), None, f"{author} AND {alert_mine}",
        "ecriture_travailleur")
    items_seen = ("(record_kind IN ('worker', 'home') OR (record_kind = 'household' AND "
                  f"{_via_household('import_batch_records', 'record_id')}) OR "
                  "(record_kind = 'measure' AND EXISTS (SELECT 1 FROM measures m "
                  "WHERE m.id = import_batch_records.record_id)))")
    add("import_batch_records", "ALL", everything, "true", "true", "tout")
    add("import_batch_records", "SELECT", (roles.lecture,), "true", None, "lecture")
    add("import_batch_records", "SELECT", (roles.travailleur,), items_seen, None, "travailleur")
    return found


#: The tables under policies (every table of the store but Alembic's).
def policy_tables(roles: Roles) -> list[str]:
    return sorted({p.table for p in policies(roles)})


def _writable_by_travailleur(roles: Roles) -> tuple[list[str], list[str]]:
    """The tables a travailleur changes (INSERT, UPDATE, DELETE), and those it only adds to
    (INSERT: the audit trail, alerts marked « traitée »)."""
    commands: dict[str, set[str]] = {}
    for p in policies(roles):
        if roles.travailleur in p.roles and p.command != "SELECT":
            commands.setdefault(p.table, set()).add(p.command)
    return (sorted(t for t, c in commands.items() if c != {"INSERT"}),
            sorted(t for t, c in commands.items() if c == {"INSERT"}))


@dataclass
class Report:
    """What `apply` did, to be said in French."""

    roles_created: list[str] = field(default_factory=list)
    tables_secured: list[str] = field(default_factory=list)
    policies_created: int = 0
    policies_replaced: int = 0
    policies_removed: int = 0
    policies_kept: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.roles_created or self.tables_secured or self.policies_created
                    or self.policies_replaced or self.policies_removed)


def execute(connection: Connection, statement: sql.Composable) -> None:
    """A statement composed with psycopg's `sql` (identifiers quoted by the driver), on the
    connection's driver connection, inside its transaction."""
    driver(connection).execute(statement)


def fetch(connection: Connection, query: str, *params: object) -> list[tuple[Any, ...]]:
    """The rows of `query` (`%s` parameters) on the connection's driver connection."""
    return list(driver(connection).execute(query, params).fetchall())


def driver(connection: Connection) -> Any:
    """The psycopg connection under `connection` (the same transaction)."""
    raw = connection.connection.driver_connection
    assert raw is not None
    return raw


def current_roles(connection: Connection) -> Roles:
    """The roles of the database `connection` is on, its owner being the current user."""
    (database, owner), = fetch(connection, "SELECT current_database(), current_user")
    return roles_of(str(database), str(owner))


def apply(connection: Connection) -> Report:
    """Create what is missing (group roles, grants, row-level security, policies) and replace
    what differs; inside the caller's write transaction. Run by the schema's owner."""
    roles = current_roles(connection)
    report = Report()
    _ensure_groups(connection, roles, report)
    _grant(connection, roles)
    _ensure_function(connection, roles)
    _secure_tables(connection, roles, report)
    _ensure_policies(connection, roles, report)
    return report


def _ensure_groups(connection: Connection, roles: Roles, report: Report) -> None:
    existing = {r[0] for r in fetch(connection, "SELECT rolname FROM pg_roles "
                                    "WHERE rolname = ANY(%s)", list(roles.groups))}
    for name in roles.groups:
        if name not in existing:
            execute(connection, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
            report.roles_created.append(name)


def _grant(connection: Connection, roles: Roles) -> None:
    """The table rights of each group: revoked, then granted again (the same rights: nothing
    changes on a second run)."""
    database = sql.Identifier(str(fetch(connection, "SELECT current_database()")[0][0]))
    groups = sql.SQL(", ").join(sql.Identifier(g) for g in roles.groups)
    writers = sql.SQL(", ").join(sql.Identifier(g) for g in (roles.travailleur,
                                                              roles.responsable))
    tables = policy_tables(roles)
    execute(connection, sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(database))
    execute(connection, sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
        database, groups))
    execute(connection, sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
        sql.Identifier(_schema(connection)), groups))
    every = sql.SQL(", ").join(sql.Identifier(t) for t in [*tables, "alembic_version"])
    execute(connection, sql.SQL("REVOKE ALL ON {} FROM {}").format(every, groups))
    execute(connection, sql.SQL("GRANT SELECT ON {} TO {}").format(every, groups))
    execute(connection, sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(
        sql.SQL(", ").join(sql.Identifier(t) for t in tables),
        sql.Identifier(roles.responsable)))
    records, added_to = _writable_by_travailleur(roles)
    execute(connection, sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(
        sql.SQL(", ").join(sql.Identifier(t) for t in records),
        sql.Identifier(roles.travailleur)))
    execute(connection, sql.SQL("GRANT INSERT ON {} TO {}").format(
        sql.SQL(", ").join(sql.Identifier(t) for t in added_to),
        sql.Identifier(roles.travailleur)))
    execute(connection, sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(
        sql.Identifier(_schema(connection)), writers))


def _schema(connection: Connection) -> str:
    return str(fetch(connection, "SELECT current_schema()")[0][0])


def _ensure_function(connection: Connection, roles: Roles) -> None:
    schema = sql.Identifier(_schema(connection))
    execute(connection, sql.SQL(
        "CREATE OR REPLACE FUNCTION {schema}.{name}(household text) RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS "
        "$$ SELECT NOT EXISTS (SELECT 1 FROM {schema}.measures m "
        "WHERE m.household_id = household) $$").format(
            schema=schema, name=sql.Identifier(UNASSIGNED)))
    execute(connection, sql.SQL("REVOKE ALL ON FUNCTION {}.{}(text) FROM PUBLIC").format(
        schema, sql.Identifier(UNASSIGNED)))
    execute(connection, sql.SQL("GRANT EXECUTE ON FUNCTION {}.{}(text) TO {}").format(
        schema, sql.Identifier(UNASSIGNED),
        sql.SQL(", ").join(sql.Identifier(g) for g in roles.groups)))


def _secure_tables(connection: Connection, roles: Roles, report: Report) -> None:
    tables = policy_tables(roles)
    state = {str(r[0]): (bool(r[1]), bool(r[2])) for r in fetch(
        connection, "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
        "WHERE relnamespace = current_schema()::regnamespace AND relname = ANY(%s)", tables)}
    for name in tables:
        if state.get(name) != (True, True):
            execute(connection, sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(
                sql.Identifier(name)))
            execute(connection, sql.SQL("ALTER TABLE {} FORCE ROW LEVEL SECURITY").format(
                sql.Identifier(name)))
            report.tables_secured.append(name)


def _ensure_policies(connection: Connection, roles: Roles, report: Report) -> None:
    existing = {(str(r[0]), str(r[1])): str(r[2] or "") for r in fetch(
        connection, "SELECT c.relname, p.polname, obj_description(p.oid, 'pg_policy') "
        "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND p.polname LIKE %s",
        PREFIX + "%")}
    wanted = policies(roles)
    for policy in wanted:
        key = (policy.table, policy.name)
        if existing.get(key) == policy.fingerprint():
            report.policies_kept += 1
            continue
        if key in existing:
            _drop(connection, policy.table, policy.name)
            report.policies_replaced += 1
        else:
            report.policies_created += 1
        execute(connection, policy.create())
        execute(connection, sql.SQL("COMMENT ON POLICY {} ON {} IS {}").format(
            sql.Identifier(policy.name), sql.Identifier(policy.table),
            sql.Literal(policy.fingerprint())))
    for table, name in set(existing) - {(p.table, p.name) for p in wanted}:
        _drop(connection, table, name)
        report.policies_removed += 1


def _drop(connection: Connection, table: str, name: str) -> None:
    execute(connection, sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(name),
                                                            sql.Identifier(table)))
