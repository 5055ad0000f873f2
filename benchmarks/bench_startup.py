"""Start-up of the frozen program (packaging/) against the pip-installed one, run by hand.

    python packaging/build.py                     # dist/suivi-fsl/
    python -m benchmarks.bench_startup [--folder dist/suivi-fsl] [--runs 5] [--write]

On one demo store (`demo --households 60 --years 2`, the default of `suivi-fsl demo`), in the
same run and alternately, each in its own process, offscreen:
- « programme construit »: `dist/suivi-fsl/suivi-fsl --db STORE`;
- « installé par pip »: `python -m desktop_app --db STORE` on this checkout's sources — what
  the `suivi-fsl` script that pip installs runs (it imports the same `desktop_app.cli:main`).
Each is started with SUIVI_FSL_TIMINGS_SINCE = the epoch just before the process starts: the
program then builds its window as at a launch (desktop_app.ui.launch_timing) and says when the
dashboard shows its data; that time counts the program's own start (the frozen program's
unpacking, Python's start, the imports). `--version` (the process alone, no Qt) is timed
beside it. Median of `--runs`. `--write` puts the table in its section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from benchmarks.results_file import write_section

ROOT = Path(__file__).resolve().parents[1]


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env.pop("SUIVI_FSL_DB", None)
    env.pop("SUIVI_FSL_PASSPHRASE", None)
    return env


def dashboard_seconds(command: list[str], env: dict[str, str],
                      steps: dict[str, list[float]] | None = None) -> float:
    """Seconds from the process's start to the dashboard shown with its data; `steps`: each
    step of the launch (desktop_app.ui.launch_timing.STEPS) appended to its list."""
    since = time.time()
    done = subprocess.run(command, env=dict(env, SUIVI_FSL_TIMINGS_SINCE=repr(since)),
                          capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} : code {done.returncode}\n{done.stderr}")
    first = json.loads(done.stdout.splitlines()[0])
    assert first["question"] == "tableau de bord affiché", first
    if steps is not None:
        for step, seconds in first.get("steps", {}).items():
            steps.setdefault(step, []).append(float(seconds))
    return float(first["seconds"])


def version_seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([*command, "--version"], env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def build_lines(info_path: Path, smoke_path: Path | None) -> list[str]:
    """The folder's and archive's sizes and the build's time (dist/build-info.json, written by
    packaging/build.py), and the smoke test's time."""
    if not info_path.is_file():
        return []
    info = json.loads(info_path.read_text(encoding="utf-8"))
    megabytes = lambda size: f"{size / 1e6:.1f}".replace(".", ",")  # noqa: E731
    lines = ["", f"Construction (`python packaging/build.py`, PyInstaller, même machine) : "
             f"dossier `dist/suivi-fsl/` {megabytes(info['folder_bytes'])} Mo, en "
             f"{info['build_seconds']:.0f} s"]
    if "archive_bytes" in info:
        lines[-1] += (f" ; archive {megabytes(info['archive_bytes'])} Mo (objectif : moins de "
                      f"100 Mo), en {info['archive_seconds']:.0f} s")
    lines[-1] += " (Mo = 10⁶ octets)."
    if smoke_path is not None and smoke_path.is_file():
        smoke = json.loads(smoke_path.read_text(encoding="utf-8"))
        lines += ["", "Essai du programme construit (`python packaging/smoke_test.py "
                  "dist/suivi-fsl`, 11 étapes) : "
                  + f"{smoke['total_seconds']:.1f}".replace(".", ",") + " s."]
    return lines


def step_lines(steps: dict[str, dict[str, list[float]]]) -> list[str]:
    """The launch's steps of each program (medians, seconds since the process started)."""
    lines = []
    for name, found in steps.items():
        if found:
            said = " ; ".join(f"{step} {number(statistics.median(seconds))}"
                              for step, seconds in found.items())
            lines.append(f"Étapes ({name}, médianes, en s depuis le lancement) : {said}.")
    return ["", *lines] if lines else []


def number(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "suivi-fsl")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke-json", type=Path,
                        help="the durations written by `packaging/smoke_test.py --json`")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    frozen = [str(args.folder.resolve() / "suivi-fsl")]
    installed = [sys.executable, "-m", "desktop_app"]
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temporary:
        home = Path(temporary)
        env = environment(home)
        env["PYTHONPATH"] = str(ROOT)  # the installed run: this checkout's sources
        frozen_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
        store = str(home / "demo.sqlite3")
        subprocess.run([*frozen, "--db", store, "demo"], env=frozen_env, check=True,
                       capture_output=True)
        programs = {"programme construit": (frozen, frozen_env),
                    "installé par pip": (installed, env)}
        dashboards: dict[str, list[float]] = {name: [] for name in programs}
        versions: dict[str, list[float]] = {name: [] for name in programs}
        steps: dict[str, dict[str, list[float]]] = {name: {} for name in programs}
        for _run in range(args.runs):
            for name, (command, command_env) in programs.items():
                dashboards[name].append(dashboard_seconds([*command, "--db", store],
                                                          command_env, steps[name]))
                versions[name].append(version_seconds(command, command_env))
    rows = [f"| {name} | {number(statistics.median(dashboards[name]))} | "
            f"{number(min(dashboards[name]))}–{number(max(dashboards[name]))} | "
            f"{number(statistics.median(versions[name]))} |" for name in programs]
    load = ", ".join(number(x).replace(",00", ",0") for x in os.getloadavg())
    text = "\n".join([
        "## Démarrage du programme construit (packaging/)",
        "",
        f"`python -m benchmarks.bench_startup --runs {args.runs}` le "
        f"{datetime.now():%d/%m/%Y %H:%M}. Machine : {platform.machine()}, "
        f"{os.cpu_count()} cœurs, Python {platform.python_version()} ; charge moyenne à la "
        f"fin : {load}.",
        "",
        "Base de démonstration (`demo` : 60 ménages, 2 ans), hors écran. « Tableau de bord » : "
        "du lancement du processus au tableau de bord affiché avec ses données (alertes, "
        "points) ; « --version » : le processus seul, sans Qt. Médiane de "
        f"{args.runs} exécutions alternées, dans la même exécution du banc.",
        "",
        "| Programme | Tableau de bord (s) | Min–max (s) | --version (s) |",
        "|---|---:|---:|---:|",
        *rows,
        *step_lines(steps),
        *build_lines(args.folder.resolve().parent / "build-info.json", args.smoke_json),
    ])
    print(text)
    if args.write:
        write_section("bench_startup", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
