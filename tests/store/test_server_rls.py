"""Rights enforced by the PostgreSQL server: `server init`, personal
accounts, row-level security. Each test connects as an account with a plain SQL connection
(psycopg, not the application) or opens the application as that account, on the worked
example 1 (`tests.server_team`): w1 is referent of h1/m1 (4 visits) and h4/m4 (no visit),
w2 of h2/m2 (5 visits) and h3/m3 (4 visits). Skipped when no test server is given."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import psycopg
import pytest

from desktop_app.app.alerts import alerts_on
from desktop_app.app.earnings import month_points
from desktop_app.domain.alerts import alerts_to_json
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import month_points_to_json
from desktop_app.interchange import read_file, read_parts
from desktop_app.store import account_admin
from desktop_app.store.errors import StoreError
from desktop_app.store.records import Session
from desktop_app.store.server_policies import (
    HOUSEHOLD_CHILDREN,
    MEASURE_CHILDREN,
    policy_tables,
    roles_of,
)
from desktop_app.store.server_setup import init_server
from desktop_app.store.tables import METADATA
from tests.conftest import EXAMPLES
from tests.postgres import TestServer
from tests.server_team import Team, ids

VISIT_ON = ("INSERT INTO visits (measure_id, day, outcome, place, worker_id) "
            "SELECT '{measure}', day, outcome, place, worker_id FROM visits "
            "WHERE measure_id = 'm1' ORDER BY id LIMIT 1")


@pytest.fixture
def team(pg_server: TestServer) -> Iterator[Team]:
    made = Team(pg_server)
    yield made
    made.close()


def _snapshot(team: Team) -> dict[str, list[tuple[object, ...]]]:
    """What `server init` sets, read from the catalogue."""
    with team.owner() as owner:
        return {query: owner.execute(query).fetchall() for query in (
            "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check "
            "FROM pg_policies ORDER BY tablename, policyname",
            "SELECT relname, relrowsecurity, relforcerowsecurity, relacl::text FROM pg_class "
            "WHERE relnamespace = 'public'::regnamespace ORDER BY relname",
            "SELECT rolname, rolcanlogin, rolinherit FROM pg_roles "
            "WHERE rolname LIKE 'suivi\\_' || current_database() || '\\_%' ORDER BY rolname",
            "SELECT datacl::text FROM pg_database WHERE datname = current_database()",
            "SELECT proname, prosecdef, proacl::text FROM pg_proc "
            "WHERE proname = 'suivi_household_unassigned'",
        )}


def test_server_init_says_what_it_did_and_twice_changes_nothing(team: Team) -> None:
    groups = [f"suivi_{team.database}_{g}" for g in ("travailleur", "responsable", "lecture")]
    assert team.init_lines[1:5] == [
        "- tables déjà à jour (révision 0005) ;",  # the test database came migrated
        f"- rôles de groupe créés : {', '.join(groups)} ;",
        "- sécurité par ligne activée et imposée sur 29 tables ;",
        # 11 association tables × 2, 12 record tables × 3, shares and accounts × 3,
        # audit_log 7, import_batches 5, import_batch_records 3, treated_alerts 5
        "- règles d'accès : 84 créées, 0 remplacées, 0 retirées (0 déjà en place) ;",
    ]
    before = _snapshot(team)
    assert len(before[next(iter(before))]) == 84
    again = init_server(team.owner_url)
    assert _snapshot(team) == before
    assert again[-1] == "Rien n'a changé : la base était déjà prête."
    assert "- règles d'accès déjà en place (84 règles) ;" in again


def test_every_table_of_the_store_has_forced_row_security_and_a_policy(team: Team) -> None:
    """No table is left out of `server_policies` (a new migration's table must get policies:
    without any, FORCE would hide it from everyone; without FORCE, from no one)."""
    store_tables = sorted(set(METADATA.tables))
    assert policy_tables(roles_of("base", "proprietaire")) == store_tables
    with team.owner() as owner:
        secured = owner.execute(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "(SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) FROM pg_class c "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
            "AND c.relname <> 'alembic_version' ORDER BY c.relname").fetchall()
    assert [name for name, *_ in secured] == store_tables
    assert [name for name, enabled, forced, count in secured
            if not (enabled and forced and count >= 1)] == []


def test_server_init_on_an_empty_database_creates_the_tables(pg_server: TestServer) -> None:
    team = Team(pg_server, example=False)
    try:
        assert team.init_lines[1] == "- tables créées (révision 0005) ;"
        assert team.init_lines[-1].startswith("Prochaine étape : créer les comptes personnels")
        with team.owner() as owner:
            assert ids(owner, "SELECT count(*) FROM tariffs") == [1]  # the built-in row
            assert ids(owner, "SELECT count(*) FROM pg_policies") == [84]
    finally:
        team.close()


def test_a_travailleur_sees_and_changes_only_its_caseload(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h4"]
        assert ids(sql, "SELECT id FROM measures") == ["m1", "m4"]
        assert ids(sql, "SELECT count(*) FROM visits") == [4]  # m1's 4, m4 has none
        assert ids(sql, "SELECT count(*) FROM periods") == [1]
        assert ids(sql, "SELECT DISTINCT household_id FROM audit_log "
                   "WHERE household_id IS NOT NULL") == ["h1", "h4"]
        assert ids(sql, "SELECT id FROM workers") == ["w1", "w2"]  # association rows: all
        # Another's household, measure, visits: not read, not changed…
        assert sql.execute("SELECT * FROM households WHERE id = 'h2'").fetchall() == []
        assert sql.execute("UPDATE households SET phone = '0600' WHERE id = 'h2'").rowcount == 0
        assert sql.execute("UPDATE measures SET close_reason = 'x' WHERE id = 'm3'").rowcount == 0
        assert sql.execute("DELETE FROM visits WHERE measure_id = 'm2'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            sql.execute(VISIT_ON.format(measure="m2"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            sql.execute("UPDATE measures SET referent_id = 'w2' WHERE id = 'm1'")  # give away
        # …its own, yes.
        assert sql.execute("UPDATE households SET phone = '0611' WHERE id = 'h1'").rowcount == 1
        sql.execute(VISIT_ON.format(measure="m1"))
        assert ids(sql, "SELECT count(*) FROM visits WHERE measure_id = 'm1'") == [5]
        # Association rows: read only.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            sql.execute("UPDATE tariffs SET points_per_fte = 1")
    with team.owner() as owner:  # nothing of w2's changed
        assert ids(owner, "SELECT count(*) FROM visits WHERE measure_id = 'm2'") == [5]
        assert owner.execute("SELECT phone FROM households WHERE id = 'h1'").fetchone() == (
            "0611",)
        assert owner.execute("SELECT count(*) FROM households WHERE phone = '0600'"
                             ).fetchone() == (0,)
        assert owner.execute("SELECT close_reason FROM measures WHERE id = 'm3'"
                             ).fetchone() == (None,)


def test_every_child_row_follows_its_measure_or_household(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    with team.owner() as owner:
        owner.execute("INSERT INTO bilan_texts SELECT id, 'bilan', '2025-09-30', 's', 'o', "
                      "'a', 'r', 'n', NULL, now() FROM measures")  # one per measure
        owner.execute("INSERT INTO members (household_id, name, role) "
                      "SELECT id, 'Membre', 'enfant' FROM households")  # one per household
        owner.execute("INSERT INTO household_archive SELECT id, '2025-01-01', NULL "
                      "FROM households")
        owner.execute("INSERT INTO agreement_extensions (measure_id, sent_on, new_end) "
                      "SELECT id, '2025-10-01', '2026-03-31' FROM measures")
        expected = {table: ids(owner, f"SELECT count(*) FROM {table} "
                                      "WHERE measure_id IN ('m1', 'm4')")
                    for table in MEASURE_CHILDREN}
        expected |= {table: ids(owner, f"SELECT count(*) FROM {table} "
                                       "WHERE household_id IN ('h1', 'h4')")
                     for table in HOUSEHOLD_CHILDREN}
        total = {table: ids(owner, f"SELECT count(*) FROM {table}") for table in expected}
    assert expected["visits"] == [4] and total["visits"] == [13]
    assert expected["bilan_texts"] == expected["members"] == [2]
    assert expected["agreement_extensions"] == [2] and total["agreement_extensions"] == [4]
    assert total["bilan_texts"] == total["members"] == total["household_archive"] == [4]
    with team.connect(w1) as sql:
        assert {table: ids(sql, f"SELECT count(*) FROM {table}") for table in expected} == (
            expected)
        for table in expected:
            column = "measure_id" if table in MEASURE_CHILDREN else "household_id"
            other = "'m2', 'm3'" if table in MEASURE_CHILDREN else "'h2', 'h3'"
            assert sql.execute(f"DELETE FROM {table} WHERE {column} IN ({other})"
                               ).rowcount == 0
    with team.owner() as owner:
        assert {table: ids(owner, f"SELECT count(*) FROM {table}") for table in expected} == (
            total)


TREATED = ("INSERT INTO treated_alerts (fingerprint, code, measure_id, household_id, "
           "worker_id, reason, profile, at) VALUES (%s, 'portes_closes', %s, %s, %s, 'vu', "
           "%s, now())")


def test_alerts_marked_treated_follow_their_measure_or_household(team: Team) -> None:
    """w1 (example 1: m1/h1, m4/h4) sees the treated alerts of its measures and households,
    and those about neither (a worker's); marks one under its own name, on its records only;
    changes none."""
    w1 = team.add("w1", "travailleur", "w1")
    with team.owner() as owner:
        for fingerprint, measure, household, worker in (
                ("a-m1", "m1", "h1", None), ("a-m2", "m2", "h2", None),
                ("a-h4", None, "h4", None), ("a-h3", None, "h3", None),
                ("a-w2", None, None, "w2")):
            owner.execute(TREATED, (fingerprint, measure, household, worker, "système"))
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT fingerprint FROM treated_alerts") == ["a-h4", "a-m1", "a-w2"]
        sql.execute(TREATED, ("b-m4", "m4", "h4", None, "w1"))
        for fingerprint, measure, household, worker, who in (
                ("b-m2", "m2", "h2", None, "w1"),  # another's measure
                ("b-h3", None, "h3", None, "w1"),  # another's household
                ("b-w1", None, None, "w1", "w1"),  # about no record: responsable only
                ("b-m1", "m1", "h1", None, "w2")):  # under another's name
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level"):
                sql.execute(TREATED, (fingerprint, measure, household, worker, who))
        for statement in ("UPDATE treated_alerts SET reason = 'x'", "DELETE FROM treated_alerts"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                sql.execute(statement)
    with team.owner() as owner:
        assert ids(owner, "SELECT fingerprint FROM treated_alerts") == [
            "a-h3", "a-h4", "a-m1", "a-m2", "a-w2", "b-m4"]


def test_a_travailleur_marks_an_alert_treated_in_the_application(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    store = team.open_as(w1)
    try:
        store.profile = "w2"  # whatever the program chose: recorded under the account
        alert, = [a for a in alerts_on(store, date(2025, 9, 20)) if a.code == "portes_closes"]
        store.treat_alert(alert, "SLISL informé")
        assert [(t.code, t.profile) for t in store.treated_alerts().values()] == [
            ("portes_closes", "w1")]
        assert [(e.profile, e.action) for e in store.history("h1")][-1] == ("w1", "treat")
    finally:
        store.close()


def test_a_replaced_colleague_is_seen_during_the_absence_only(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    today = date.today()
    with team.owner() as owner:
        owner.execute("INSERT INTO absences (worker_id, start, \"end\", replacement_id) "
                      "VALUES ('w2', %s, %s, 'w1')", (today - timedelta(days=3),
                                                       today + timedelta(days=3)))
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h2", "h3", "h4"]
        assert ids(sql, "SELECT count(*) FROM visits") == [13]
        sql.execute(VISIT_ON.format(measure="m2"))  # writes them too
    with team.owner() as owner:  # the absence is over
        owner.execute("UPDATE absences SET start = %s, \"end\" = %s",
                      (today - timedelta(days=30), today - timedelta(days=1)))
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h4"]
    with team.owner() as owner:  # not begun yet
        owner.execute("UPDATE absences SET start = %s, \"end\" = NULL",
                      (today + timedelta(days=1),))
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h4"]


def test_a_shared_household_is_seen_until_unshared(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    with team.owner_write() as connection:
        said = account_admin.share(connection, w1, "h2", datetime(2025, 9, 1, 10))
    assert said == f"Ménage h2 partagé avec « {w1} »."
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h2", "h4"]
        assert ids(sql, "SELECT id FROM measures") == ["m1", "m2", "m4"]
        assert ids(sql, "SELECT household_id FROM household_shares") == ["h2"]
        sql.execute(VISIT_ON.format(measure="m2"))
    with team.owner_write() as connection:
        account_admin.unshare(connection, w1, "h2")
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h4"]


@pytest.mark.parametrize("statement", [
    "INSERT INTO households (id, name, search_text) VALUES ('h9', 'X', 'x')",
    "UPDATE households SET phone = '0600' WHERE id = 'h1'",
    "DELETE FROM visits",
    VISIT_ON.format(measure="m1"),
    "UPDATE tariffs SET points_per_fte = 1",
    "INSERT INTO audit_log (at, profile, record_kind, action, changes) "
    "VALUES (now(), 'x', 'household', 'create', '{}')",
    "DELETE FROM accounts",
])
def test_lecture_reads_everything_and_writes_nothing(team: Team, statement: str) -> None:
    reader = team.add("lecteur", "lecture")
    with team.connect(reader) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h2", "h3", "h4"]
        assert ids(sql, "SELECT count(*) FROM visits") == [13]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            sql.execute(statement)


def test_responsable_reads_and_writes_everything(team: Team) -> None:
    chief = team.add("chef", "responsable")
    with team.connect(chief) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h2", "h3", "h4"]
        assert ids(sql, "SELECT count(*) FROM visits") == [13]
        assert sql.execute("UPDATE households SET phone = '0600'").rowcount == 4
        assert sql.execute("UPDATE tariffs SET points_per_fte = 50").rowcount == 1
    store = team.open_as(chief)  # no worker: its saves are recorded under its login
    try:
        h3 = store.household("h3")
        assert h3 is not None
        store.save_household(replace(h3, phone="0622"), expected=h3)
        assert [(e.profile, e.action) for e in store.history("h3")][-1] == (chief, "update")
        assert len(store.load_for_year(2025).measures) == 4  # the whole association
    finally:
        store.close()


def test_a_responsable_undoes_and_imports_under_its_own_name(team: Team) -> None:
    chief = team.add("chef", "responsable")
    store = team.open_as(chief)
    try:
        store.undo_import(1)  # example 1, imported by the owner on the command line
        assert store.is_empty()
        store.import_caseload(read_file(EXAMPLES / "exemple-2.json"), source="exemple-2")
        assert [(b.id, b.profile) for b in store.import_batches()] == [
            (2, chief), (1, "système")]
        first = store.export_caseload().households[0].id
        assert [(e.profile, e.action) for e in store.history(first)][-1] == (chief, "import")
    finally:
        store.close()


def test_the_audit_trail_takes_no_other_name(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    entry = ("INSERT INTO audit_log (at, profile, household_id, record_kind, record_id, "
             "action, changes) VALUES (now(), '{who}', 'h1', 'household', 'h1', 'update', '{{}}')")
    with team.connect(w1) as sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            sql.execute(entry.format(who="w2"))
        sql.execute(entry.format(who="w1"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            sql.execute("DELETE FROM audit_log")


def test_the_application_as_a_travailleur_shows_its_caseload_only(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    store = team.open_as(w1)
    try:
        assert store.session == Session(w1, False, "travailleur", "w1", True)
        points: Any = month_points_to_json(month_points(store, Month(2025, 9)))
        # Example 1, September 2025: m1 (ASLL, 1 point, 85,95 €) and m4 (DSF, 162,38 €) are
        # w1's; m2 (AML) and m3 (FAL) are w2's and absent.
        measures = sorted(line["measure"] for line in points["lines"] if line["measure"])
        assert measures == ["m1", "m4"]
        assert points["totals"]["points"] == 1
        alerts: Any = alerts_to_json(date(2025, 9, 20), alerts_on(store, date(2025, 9, 20)))
        assert sorted((a["code"], a["measure"]) for a in alerts["alerts"]) == [
            ("frequence_visites", "m1"), ("portes_closes", "m1")]
        assert sorted(row.id for row in store.household_rows(date(2025, 9, 20))) == ["h1", "h4"]
        assert store.household("h2") is None
        # A save is recorded under the account, whatever profile the program chose.
        store.profile = "w2"
        h1 = store.household("h1")
        assert h1 is not None
        store.save_household(replace(h1, phone="0699999999"), expected=h1)
        assert [(e.profile, e.action) for e in store.history("h1")][-1] == ("w1", "update")
        # What a travailleur may not do is refused in French, nothing done.
        with pytest.raises(StoreError, match=r"grille d'activité .* demande un compte "
                           "« responsable » ou « lecture »"):
            store.load_for_year(2025)
        with pytest.raises(StoreError, match="L'import d'un fichier d'échange demande un "
                           "compte « responsable »"):
            store.import_caseload(store.export_caseload())
        with pytest.raises(StoreError, match="L'import d'un fichier d'échange demande un "
                           "compte « responsable »"):  # in pieces too, before any is taken
            store.import_parts(read_parts(EXAMPLES / "exemple-2.json", 1))
        workers = store.workers()
        with pytest.raises(StoreError, match="Votre compte n'a pas le droit de faire cela"):
            store.save_worker(replace(workers[0], name="Autre"), expected=workers[0])
    finally:
        store.close()


def test_a_travailleur_creates_a_household_then_its_first_measure(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    store = team.open_as(w1)
    try:
        h1 = store.household("h1")
        m1 = store.measure("m1")
        assert h1 is not None and m1 is not None
        store.save_household(replace(h1, id="h9", name="NOUVEAU Ménage"), new=True)
        store.save_measure(replace(m1, id="m9", household="h9", visits=[]), new=True)
        assert store.household("h9") is not None
        assert sorted(row.id for row in store.household_rows(date(2025, 9, 1))) == [
            "h1", "h4", "h9"]
    finally:
        store.close()
    w2 = team.add("w2", "travailleur", "w2")
    with team.connect(w2) as sql:  # a household with a measure is its referent's only
        assert ids(sql, "SELECT id FROM households") == ["h2", "h3"]


def test_a_disabled_account_cannot_connect_and_its_history_stays(team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    store = team.open_as(w1)
    h1 = store.household("h1")
    assert h1 is not None
    store.save_household(replace(h1, phone="0612345678"), expected=h1)
    store.close()
    with team.owner_write() as connection:
        said = account_admin.disable_account(connection, w1, date(2026, 1, 5))
    assert said.startswith(f"Compte « {w1} » désactivé : il ne peut plus se connecter")
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        team.connect(w1)
    with pytest.raises(StoreError, match="a refusé la connexion"):
        team.open_as(w1)
    with team.owner() as owner:
        assert owner.execute("SELECT profile, action FROM audit_log WHERE household_id = 'h1' "
                             "ORDER BY id DESC LIMIT 1").fetchone() == ("w1", "update")
        assert owner.execute("SELECT disabled_on FROM accounts WHERE login = %s",
                             (w1,)).fetchone() == (date(2026, 1, 5),)


def test_a_login_of_the_server_without_a_role_cannot_connect(team: Team) -> None:
    stranger = team.login("inconnu")
    team.logins.append(stranger)
    with team.owner() as owner:
        owner.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD 'Cheval-Agrafe-2025!'")
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        team.connect(stranger)
