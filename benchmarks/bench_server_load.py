"""Load of a team on one PostgreSQL server (issue 12, « Load »): `travailleur` processes saving
visits through the application's save, `responsable` processes producing the annual grid, for
a given time, each process with its own account (the engine: `benchmarks/server_load.py`).

    python -m benchmarks.bench_server_load --seconds 60 --workers 20 --responsables 2
    python -m benchmarks.bench_server_load --seconds 60 --pace 10        # a save every 10 s
    python -m benchmarks.bench_server_load --seconds 60 --both --write   # both, RESULTS.md

The server is `SUIVI_FSL_TEST_PG` (a role that may create databases and roles); for figures,
a durable one: `SUIVI_FSL_PG_DURABLE=1 .ci/postgres.sh start`. Each mode runs on a new
database, dropped afterwards. Beside it, in the same run, the raw baseline: bare one-row
INSERTs with psycopg, each committed, from 1 connection then from as many connections as there
are travailleurs. `--write` puts the table in `benchmarks/RESULTS.md` between its markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from benchmarks import server_load
from benchmarks.results_file import write_section
from benchmarks.server_load import Attempt, Load, Report, Verdict, median, quantile

ROOT = Path(__file__).resolve().parent.parent


def _fr(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def _ms(seconds: float) -> str:
    return _fr(seconds * 1000, 0)


def _load_average() -> str:
    try:
        return ", ".join(_fr(v, 1) for v in os.getloadavg())
    except OSError:
        return "inconnue"


@dataclass
class Mode:
    name: str
    pace: float | None
    load: Load
    report: Report
    verdict: Verdict
    seconds: float
    load_before: str
    load_after: str


@dataclass
class Raw:
    connections: int
    times: list[float]
    wall: float


def run_mode(server: object, args: argparse.Namespace, pace: float | None) -> Mode:
    load = server_load.build(server,  # type: ignore[arg-type]
                             travailleurs=args.workers, responsables=args.responsables,
                             households=args.households, years=args.years, seed=args.seed)
    try:
        before = server_load.visit_keys(load)
        deadlocks_before = server_load.deadlocks(load)
        load_before = _load_average()
        report = server_load.run(load, seconds=args.seconds, pace=pace, seed=args.seed)
        load_after = _load_average()
        verdict = server_load.check(load, report, before, deadlocks_before)
    finally:
        server_load.drop(load)
    name = f"au rythme d'un enregistrement toutes les {_fr(pace, 0)} s" if pace else \
        "à plein régime"
    return Mode(name, pace, load, report, verdict, args.seconds, load_before, load_after)


def run_raw(server: object, args: argparse.Namespace) -> tuple[list[Raw], list[Attempt]]:
    load = server_load.build(server, travailleurs=2, responsables=0,  # type: ignore[arg-type]
                             households=args.households, years=args.years, seed=args.seed,
                             database=f"suivi_charge_brut_{os.getpid()}")
    try:
        solo = server_load.alone(load)
        found = []
        with server_load.raw_table(load) as table:
            for connections in (1, args.workers):
                times, wall = server_load.raw_inserts(load, table, args.raw_seconds, connections)
                found.append(Raw(connections, times, wall))
        return found, solo
    finally:
        server_load.drop(load)


def mode_rows(mode: Mode) -> list[str]:
    report, verdict = mode.report, mode.verdict
    ok = [a for a in report.attempts if a.outcome == "ok"]
    travail = [a.seconds for a in ok if a.role == "travailleur"]
    held = [a.lock_held for a in ok if a.lock_held is not None]
    waited = [a.lock_wait for a in ok if a.lock_wait is not None]
    rate = len(ok) / mode.seconds if mode.seconds else 0.0
    grids = report.grids
    deadlock = f"{verdict.deadlock_errors} / {verdict.deadlocks_counted}"
    lost = verdict.lost + verdict.duplicated + verdict.unexpected
    return [
        f"| {mode.name} | {len(ok)} ({_fr(rate, 1)}/s) | {verdict.conflicts} | "
        f"{verdict.errors} | **{lost}** | **{deadlock}** | {_ms(quantile(travail, 0.5))} | "
        f"{_ms(quantile(travail, 0.95))} | {_ms(max(travail, default=0.0))} | "
        f"{_ms(quantile(waited, 0.5))} / {_ms(quantile(waited, 0.95))} | "
        f"{_ms(quantile(held, 0.5))} / {_ms(quantile(held, 0.95))} | "
        f"{len(grids)} ({_fr(median(grids), 1)} s) |"]


def raw_rows(raws: list[Raw], solo: list[Attempt]) -> list[str]:
    times = [a.seconds for a in solo if a.outcome == "ok"]
    held = [a.lock_held for a in solo if a.lock_held is not None]
    lines = [f"| un seul enregistrement à la fois (1 travailleur, rien d'autre) | "
             f"{len(times)} | — | {len(solo) - len(times)} | — | — | "
             f"{_ms(quantile(times, 0.5))} | {_ms(quantile(times, 0.95))} | "
             f"{_ms(max(times, default=0.0))} | — | "
             f"{_ms(quantile(held, 0.5))} / {_ms(quantile(held, 0.95))} | — |"]
    for raw in raws:
        rate = len(raw.times) / raw.wall if raw.wall else 0.0
        plural = "s" if raw.connections > 1 else ""
        lines.append(f"| INSERT brut, {raw.connections} connexion{plural} "
                     f"| {len(raw.times)} ({_fr(rate, 0)}/s) | — | — | — | — | "
                     f"{_ms(quantile(raw.times, 0.5))} | {_ms(quantile(raw.times, 0.95))} | "
                     f"{_ms(max(raw.times, default=0.0))} | — | — | — |")
    return lines


def _count(load: Load, role: str) -> int:
    return sum(1 for plan in load.plans if plan.role == role)


def section(modes: list[Mode], raws: list[Raw], solo: list[Attempt],
            settings: dict[str, str], command: str, when: datetime) -> str:
    first = modes[0].load
    lines = [
        f"## Charge d'une équipe sur un serveur PostgreSQL ({_count(first, 'travailleur')} "
        f"travailleurs, {_count(first, 'responsable')} responsables)",
        "",
        f"`{command}` le {when.strftime('%d/%m/%Y %H:%M')}. Machine : {platform.machine()}, "
        f"{os.cpu_count()} cœurs partagés avec d'autres travaux, Python "
        f"{platform.python_version()} ; PostgreSQL {settings['server_version']} sur la même "
        f"machine, réglages durables (fsync={settings['fsync']}, synchronous_commit="
        f"{settings['synchronous_commit']}, full_page_writes={settings['full_page_writes']}).",
        "",
        f"Base de chaque mode (neuve) : {first.households} ménages, {first.measures} mesures, "
        f"{first.visits} visites (démo, graine fixe), importés par le propriétaire, puis "
        "`server init` et un compte personnel par processus (`account add`) ; une paire de "
        "travailleurs partage un ménage (`account share`). Chaque processus ouvre sa propre "
        "connexion avec son propre compte. Un enregistrement est celui de l'écran de la mesure : "
        "relecture, ajout de la visite, `save_measure(…, expected=affichée)` (contrôle, journal "
        "d'audit et écriture dans une transaction, après le verrou des écrivains). Une fois sur "
        f"{server_load.SHARED_EVERY}, un travailleur enregistre sur la mesure partagée de sa paire "
        "avec l'écran resté ouvert depuis sa dernière visite ; un responsable ouvre une mesure "
        "partagée, produit la grille annuelle (N et N−1, .xlsx), puis enregistre sur l'écran "
        "ouvert avant la grille. Un refus est suivi d'un rechargement et d'un nouvel essai.",
        "",
        "« Réussis » : enregistrements réussis de tous les processus (travailleurs et "
        "responsables). Latences en millisecondes, enregistrements des travailleurs réussis "
        "(relecture comprise) ; "
        "« verrou » : attente puis détention du verrou des écrivains, mesurées autour de "
        "`pg_advisory_xact_lock` par les événements du moteur (détention jusqu'au retour après "
        "la validation). « Perdues » : visites d'enregistrements réussis absentes, en double, "
        "ou visites disparues ou ajoutées sans enregistrement réussi, comptées une à une dans la "
        "base. « Interblocages » : erreurs reçues / `pg_stat_database.deadlocks` de la base.",
        "",
        "| Mode (60 s) | Réussis | Conflits (ConflictError) | Autres erreurs | Perdues | "
        "Interblocages | p50 | p95 | max | Verrou : attente p50 / p95 | Verrou : tenu p50 / p95 "
        "| Grilles (médiane) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines[-2] = lines[-2].replace("60 s", f"{_fr(modes[0].seconds, 0)} s")
    for mode in modes:
        lines += mode_rows(mode)
    lines += raw_rows(raws, solo)
    lines.append("")
    for mode in modes:
        lines.append(f"Charge moyenne de la machine ({mode.name}) : avant {mode.load_before}, "
                     f"après {mode.load_after}.")
        if mode.verdict.error_messages:
            for message, count in mode.verdict.error_messages.most_common(3):
                lines.append(f"- {count} × {message}")
        if mode.report.crashes:
            lines.append(f"- {len(mode.report.crashes)} processus en échec")
    lines.append("")
    lines.append(f"INSERT brut : une ligne par transaction validée, psycopg, propriétaire, "
                 f"pendant {_fr(raws[0].wall, 0)} s par ligne du tableau, même serveur, même "
                 "exécution (avant les deux modes), comme la ligne « un seul enregistrement à "
                 "la fois » (le même code, en séquence, sur une base identique).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=20, help="processus travailleur")
    parser.add_argument("--responsables", type=int, default=2)
    parser.add_argument("--pace", type=float, default=None,
                        help="un enregistrement toutes les PACE secondes par travailleur")
    parser.add_argument("--both", action="store_true",
                        help="à plein régime, puis au rythme --pace (10 s par défaut)")
    parser.add_argument("--households", type=int, default=600)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--raw-seconds", type=float, default=5.0)
    parser.add_argument("--write", action="store_true", help="met à jour benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    given = os.environ.get("SUIVI_FSL_TEST_PG", "").strip()
    if not given:
        print("Aucun serveur : SUIVI_FSL_TEST_PG n'est pas défini (voir docs/serveur.md).",
              file=sys.stderr)
        return 2
    server = server_load.admin_url(given)
    when = datetime.now()
    settings = server_load.server_settings(server_load.Load(
        server, "", server, [], [], 0, 0, 0, 0.0))
    started = time.perf_counter()
    raws, solo = run_raw(server, args)
    paces: list[float | None] = [None, args.pace or 10.0] if args.both else [args.pace]
    modes = [run_mode(server, args, pace) for pace in paces]
    command = "python -m benchmarks.bench_server_load " + " ".join(argv or sys.argv[1:])
    text = section(modes, raws, solo, settings, command.strip(), when)
    print(text)
    print(f"\n(durée totale : {_fr(time.perf_counter() - started, 0)} s)")
    if args.write:
        write_section("bench_server_load", text)
    sound = all(m.verdict.sound and not m.report.crashes for m in modes)
    return 0 if sound else 1


if __name__ == "__main__":
    sys.exit(main())
