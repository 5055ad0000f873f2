"""The PostgreSQL half of `bench_store.py --postgresql URL` (issue 12, « Scale »).

On the server `URL` names (a role allowed to create databases and roles: the test server of
`SUIVI_FSL_PG_DURABLE=1 .ci/postgres.sh start`), a database per size,
`suivi_fsl_bench_<households>_<years>_<seed>`, is made, prepared by `server init` (group
roles, forced row-level security: the owner's reads go through the policies too, as on an
association's server) and filled by `SqlStore.import_caseload` with the caseload SQLite got,
then kept for the next run (`--rebuild` makes it again). The same measurements as on SQLite
follow, beside the raw SQL of the same database through psycopg; then the cost of row-level
security: `points --month` and `alerts --on` as the owner, a `responsable` account (sees
everything) and a `travailleur` account (its measures only), in turn in the same loop.
"""

from __future__ import annotations

import argparse
import os
import secrets
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL

from benchmarks import raw_sql
from benchmarks.results_file import write_section
from benchmarks.timing import Row, count, interleaved_medians, markdown_table, seconds
from desktop_app.domain.dates import Month
from desktop_app.domain.model import Caseload
from desktop_app.store.engine import store_url

if TYPE_CHECKING:
    from benchmarks.bench_store import Bench
    from desktop_app.store.repository import SqlStore

SECTION = "bench_store_postgresql"


def libpq(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def database_name(households: int, years: int, seed: int) -> str:
    return f"suivi_fsl_bench_{households}_{years}_{seed}"


def ensure_database(server: URL, name: str, rebuild: bool) -> URL:
    """The database `name` on `server`, made if missing (dropped first with `rebuild`)."""
    with psycopg.connect(libpq(server), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                               (name,)).fetchone() is not None
        if exists and rebuild:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = False
        if not exists:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return server.set(database=name)


def build(server: URL, households: int, years: int, seed: int, today: date, rebuild: bool,
          fill: Callable[[SqlStore, int, int, int, date], list[Row]]
          ) -> tuple[SqlStore, URL, list[Row]]:
    """The store of that size on `server` (`server init` run, filled by `fill` if empty:
    `bench_store.fill` of the running script, whose caseloads are kept for this run), its
    URL, and the rows of its generation and import when it was filled in this run."""
    from desktop_app.store.repository import open_store
    from desktop_app.store.server_setup import init_server

    url = ensure_database(server, database_name(households, years, seed), rebuild)
    init_server(url)
    store = open_store(url)
    rows = fill(store, households, years, seed, today) if store.is_empty() else []
    return store, url, rows


def size_text(raw: raw_sql.Raw) -> str:
    (size, version), = raw.execute(
        "SELECT pg_database_size(current_database()), current_setting('server_version')"
    ).fetchall()
    return f"{int(size) / 1e6:.0f} Mo ; PostgreSQL {version}"


# --- row-level security ----------------------------------------------------------------------
def account(owner: SqlStore, url: URL, login: str, group: str, worker: str | None,
            password: str, today: date) -> None:
    """The personal account `login` of `group` on the store, with `password` (made, or
    its password set again; a role left by an earlier database of that name dropped)."""
    from desktop_app.store import accounts
    from desktop_app.store.engine import write

    with write(owner.engine) as connection:
        listed = {line.login for line in accounts.list_accounts(connection)}
        if login in listed:
            accounts.set_password(connection, login, password)
            return
    with psycopg.connect(libpq(url), autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(login)))
    with write(owner.engine) as connection:
        accounts.add_account(connection, login, group, worker, password, today)


def busiest_worker(raw: raw_sql.Raw, day: date) -> tuple[str, int]:
    """The worker referent of the most measures in force on `day`, and how many."""
    (worker, measures), = raw.execute(
        "SELECT referent_id, count(*) FROM measures WHERE span_start <= ? AND span_end >= ? "
        "AND referent_id IS NOT NULL GROUP BY referent_id ORDER BY 2 DESC, 1 LIMIT 1",
        (day, day)).fetchall()
    return str(worker), int(measures)


def rls_rows(bench: Bench) -> list[Row]:
    """`points --month` and `alerts --on` of today as the owner, a responsable and a
    travailleur, in turn (one interleaved loop), beside the raw SQL of the owner."""
    from desktop_app.domain.alerts import compute_alerts
    from desktop_app.domain.funding import compute_month_points
    from desktop_app.store.repository import open_store

    url = store_url(bench.url)
    database = url.database or ""
    worker, in_force = busiest_worker(bench.raw, bench.today)
    password = f"Banc-{secrets.token_urlsafe(18)}-9"
    stores: list[tuple[str, SqlStore]] = [("propriétaire de la base", bench.store)]
    for group, referent in (("responsable", None), ("travailleur", worker)):
        login = f"{database}_{group}"[:63]
        account(bench.store, url, login, group, referent, password, bench.today)
        stores.append((f"compte {group}" + (f" (travailleur {worker}, référent de "
                                             f"{count(in_force)} mesures en vigueur)"
                                             if referent else ""),
                       open_store(url.set(username=login, password=password))))
    month, day = Month.of(bench.today), bench.today
    settings = bench.store.alert_settings()
    rows: list[Row] = []
    try:
        def points(store: SqlStore) -> tuple[Caseload, object]:
            caseload = store.load_for_month(month)
            return caseload, compute_month_points(caseload, month)

        def alerts(store: SqlStore) -> tuple[Caseload, object]:
            caseload = store.load_for_day(day)
            return caseload, compute_alerts(caseload, day, settings)

        for question, work, raw in (
                (f"`points --month {month}`", points,
                 lambda: raw_sql.month_aggregate(bench.raw, month)),
                (f"`alerts --on {day}`", alerts, lambda: raw_sql.day_aggregate(bench.raw, day))):
            works = [(lambda s=s, w=work: w(s)) for _label, s in stores]
            timed = interleaved_medians([*works, raw], bench.runs)
            baseline = timed[-1][0]
            for (label, _store), (spent, result) in zip(stores, timed[:-1], strict=True):
                caseload, answer = result  # type: ignore[misc]
                what = "points" if hasattr(answer, "points") else "alertes"
                size = answer.points if what == "points" else len(answer)  # type: ignore[attr-defined,arg-type]
                rows.append(Row(f"{question}, {label}",
                                f"{count(len(caseload.measures))} mesures chargées, "
                                f"{count(size)} {what}", spent, baseline,
                                1.0 if what == "points" else 2.0))
    finally:
        for _label, store in stores[1:]:
            store.close()
    return rows


# --- RESULTS.md --------------------------------------------------------------------------------
def comparison(sqlite: list[Row], postgresql: list[Row]) -> str:
    """The questions both engines answered in this run, side by side."""
    def keyed(rows: list[Row]) -> dict[tuple[str, int], Row]:
        seen: dict[str, int] = {}
        out = {}
        for row in rows:
            seen[row.question] = seen.get(row.question, 0) + 1
            out[(row.question, seen[row.question])] = row
        return out

    on_file = keyed(sqlite)
    lines = ["| Question | SQLite (s) | PostgreSQL (s) | PostgreSQL / SQLite | Cible | "
             "Atteinte (SQLite / PostgreSQL) |", "|---|---:|---:|---:|---|:---:|"]
    met = {True: "oui", False: "**non**", None: "—"}
    for key, row in keyed(postgresql).items():
        other = on_file.get(key)
        if other is None:
            continue
        ratio = f"{row.seconds / other.seconds:.2f}×".replace(".", ",") if other.seconds else "—"
        question = row.question + (" (base de 2 ans)" if key[1] > 1 else "")
        lines.append(f"| {question} | {seconds(other.seconds)} | {seconds(row.seconds)} | "
                     f"{ratio} | {row.target} | {met[other.met]} / {met[row.met]} |")
    return "\n".join(lines)


def write_results(args: argparse.Namespace, url: URL, raw: raw_sql.Raw,
                  totals: tuple[int, int, int], rows: list[Row], rls: list[Row],
                  sqlite: list[Row] | None) -> str:
    load = ", ".join(f"{x:.1f}".replace(".", ",") for x in os.getloadavg())
    households, measures, visits = totals
    command = (f"python -m benchmarks.bench_store --households {args.households} --years "
               f"{args.years} --seed {args.seed} --runs {args.runs} --postgresql URL"
               + (" --skip-sqlite" if sqlite is None else ""))
    beside = ("SQLite mesuré dans la même exécution, sur une base de même contenu : "
              "comparaison ci-dessous" if sqlite is not None else
              "SQLite non mesuré dans cette exécution (`--skip-sqlite`)")
    parts = [
        "## Le même banc sur PostgreSQL",
        "",
        f"`{command}` le {datetime.now():%d/%m/%Y %H:%M}, aujourd'hui = "
        f"{args.today:%d/%m/%Y} ; {beside}.",
        "",
        f"Base PostgreSQL `{url.database}` : {count(households)} ménages, {count(measures)} "
        f"mesures, {count(visits)} visites ({size_text(raw)}, serveur local de "
        f"`SUIVI_FSL_PG_DURABLE=1 .ci/postgres.sh start` : fsync et validation synchrone "
        f"actifs, réglages par défaut, même machine). Base préparée par `server init` : la "
        f"sécurité par ligne est imposée, les lectures du propriétaire passent aussi par les "
        f"règles. Charge moyenne (`uptime`) à la fin : {load}.",
        "",
        "« SQL brut » : le même agrégat que pour SQLite, par psycopg directement sur la même "
        "base, dans la même exécution (`benchmarks/raw_sql.py`).",
        "",
        markdown_table(rows),
    ]
    if sqlite is not None:
        parts += ["", "### SQLite et PostgreSQL côte à côte (même exécution)", "",
                  comparison(sqlite, rows)]
    if rls:
        parts += ["", "### Coût de la sécurité par ligne", "",
                  "Mêmes questions, dans une même boucle tour à tour : le propriétaire, un "
                  "compte `responsable` (voit tout, par les règles) et un compte "
                  "`travailleur` (ne voit que les mesures dont il est référent, ou qui lui "
                  "sont partagées) ; SQL brut : celui du propriétaire sur toute la base.",
                  "", markdown_table(rls)]
    text = "\n".join(parts)
    write_section(SECTION, text)
    return text
