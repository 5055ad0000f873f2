"""`python packaging/smoke_test.py dist/suivi-fsl`: the FROZEN program run as a user runs it.

Each step runs the folder's own executable (never the Python sources), in a fresh home and
data folder, with a PATH that holds no Python and no PYTHONPATH/PYTHONHOME, from a working
folder outside the repository:
- `--version`, `--help` (in French);
- `demo` on a new store, then `alerts --on` and `points --month` on it;
- `grid --year … --out` to .xlsx and .pdf, both files checked (a workbook's parts, a whole PDF
  that names the grid, French text);
- an encrypted store created with SUIVI_FSL_PASSPHRASE, reopened with it, refused (code 4, in
  French) with a wrong one, and not readable as plain SQLite;
- `screens --out DIR` offscreen (the program's check of its display): one PNG per screen,
  the dashboard's at the window's size and not blank.
Every output is checked for French and for the absence of a traceback. Prints each step's time
and the total; exit 0 when all passed, 1 otherwise (each failure said).

Standard library only: it runs with the Python that built the folder or any other.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from datetime import date
from pathlib import Path

#: Seven words: strong by the CNIL's advice (the program refuses a weak one for a new store).
PASSPHRASE = "cheval agrafe batterie correct lune vent soir"
#: Words that only French output has (at least one in every output checked).
FRENCH_MARKERS = ("é", "è", "à", "ç", " : ", "ménage", "Mot de passe", "Suivi FSL", "point")
ENGLISH_MARKERS = ("Traceback", "Error:", "error:", "Exception", "File \"", "Detected locale",
                   "WARNING", "Warning:")


class SmokeFailure(Exception):
    pass


class Smoke:
    def __init__(self, folder: Path, work: Path) -> None:
        self.program = folder / ("suivi-fsl.exe" if os.name == "nt" else "suivi-fsl")
        if not self.program.is_file():
            raise SmokeFailure(f"programme introuvable : {self.program}")
        self.work = work
        empty_bin = work / "bin"
        empty_bin.mkdir()
        home = work / "home"
        home.mkdir()
        # No LANG nor LC_*: the « C » locale of a bare session or a service (the program must
        # still speak French and say nothing in English).
        keep = ("TZ", "SYSTEMROOT", "WINDIR", "TEMP", "TMP")
        self.env = {key: os.environ[key] for key in keep if key in os.environ}
        self.env.update(
            PATH=str(empty_bin),  # nothing there: no python, no pip
            HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "AppData"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
            QT_QPA_PLATFORM="offscreen",
            # No keyring daemon here: the program must not wait for one.
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        )
        self.times: dict[str, float] = {}

    def run(self, step: str, *args: str, expect: int = 0, env: dict[str, str] | None = None,
            french: bool = True) -> str:
        environment = dict(self.env, **(env or {}))
        started = time.perf_counter()
        done = subprocess.run([str(self.program), *args], cwd=self.work, env=environment,
                              capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=600, check=False)
        self.times[step] = self.times.get(step, 0.0) + time.perf_counter() - started
        output = done.stdout + done.stderr
        if done.returncode != expect:
            raise SmokeFailure(f"{step} : code {done.returncode} au lieu de {expect}\n{output}"
                               + crash_report(output))
        for marker in ENGLISH_MARKERS:
            if marker in output:
                raise SmokeFailure(f"{step} : « {marker} » dans la sortie\n{output}")
        if french and not any(marker in output for marker in FRENCH_MARKERS):
            raise SmokeFailure(f"{step} : sortie qui n'a pas l'air française\n{output}")
        return output


def crash_report(output: str) -> str:
    """The technical detail a defect (code 70) wrote in the data folder's journal, for CI."""
    found = re.search(r"dans (\S+\.txt) :", output)
    if not found or not Path(found.group(1)).is_file():
        return ""
    return "\nDétail technique :\n" + Path(found.group(1)).read_text(encoding="utf-8")


def check_xlsx(path: Path) -> None:
    with zipfile.ZipFile(path) as workbook:
        names = set(workbook.namelist())
        if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
            raise SmokeFailure(f"{path.name} : pas un classeur XLSX ({sorted(names)[:5]})")
        sheets = [name for name in names if name.startswith("xl/worksheets/sheet")]
        if not sheets or workbook.testzip() is not None:
            raise SmokeFailure(f"{path.name} : classeur sans feuille ou endommagé")
        text = "".join(workbook.read(name).decode("utf-8") for name in names
                       if name.endswith(".xml"))
        if "ménage" not in text.lower() and "mesure" not in text.lower():
            raise SmokeFailure(f"{path.name} : aucun texte français de la grille")


def check_pdf(path: Path) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SmokeFailure(f"{path.name} : PDF incomplet ou invalide")
    if b"/Font" not in data or data.count(b"/Type /Page") < 1:
        raise SmokeFailure(f"{path.name} : PDF sans page ni police")
    pdftotext = shutil.which("pdftotext", path=os.environ.get("PATH"))
    if pdftotext:
        text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        if "Grille" not in text and "grille" not in text:
            raise SmokeFailure(f"{path.name} : le texte du PDF ne nomme pas la grille")


def png_size_and_colours(path: Path) -> tuple[int, int, int]:
    """Width, height and how many distinct byte values its pixels use (a blank image: 1-2)."""
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise SmokeFailure(f"{path.name} : pas une image PNG")
    width, height = struct.unpack(">II", data[16:24])
    chunks, offset = [], 8
    while offset < len(data):
        length = struct.unpack(">I", data[offset:offset + 4])[0]
        kind = data[offset + 4:offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return width, height, len(set(pixels))


def smoke(folder: Path) -> dict[str, float]:
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="suivi-fsl-smoke-") as temporary:
        s = Smoke(folder, Path(temporary))
        version = s.run("--version", "--version")
        if not version.startswith("Suivi FSL "):
            raise SmokeFailure(f"--version : « {version.strip()} »")
        usage = s.run("--help", "--help")
        if not usage.startswith("usage : suivi-fsl") or "Codes de sortie" not in usage:
            raise SmokeFailure(f"--help : aide qui n'est pas en français\n{usage}")
        store = str(s.work / "base.sqlite3")
        s.run("demo", "--db", store, "demo", "--households", "30", "--years", "2")
        alerts = s.run("alerts --on", "--db", store, "alerts", "--on", today.isoformat())
        points = s.run("points --month", "--db", store, "points", "--month",
                       f"{today:%Y-%m}")
        if "point" not in points.lower() or not alerts.strip():
            raise SmokeFailure(f"points/alerts : sortie inattendue\n{points}\n{alerts}")
        year = str(today.year - 1)
        for suffix, check in ((".xlsx", check_xlsx), (".pdf", check_pdf)):
            out = s.work / f"grille-{year}{suffix}"
            s.run(f"grid {suffix}", "--db", store, "grid", "--year", year, "--out", str(out),
                  french=False)
            check(out)
        encrypted = s.work / "chiffree.sqlite3"
        secret = {"SUIVI_FSL_PASSPHRASE": PASSPHRASE}
        s.run("base chiffrée : créée", "--db", str(encrypted), "demo", "--households", "5",
              "--years", "1", env=secret)
        s.run("base chiffrée : rouverte", "--db", str(encrypted), "points", "--month",
              f"{today:%Y-%m}", env=secret)
        wrong = s.run("base chiffrée : mauvais mot de passe", "--db", str(encrypted), "points",
                      "--month", f"{today:%Y-%m}", expect=4,
                      env={"SUIVI_FSL_PASSPHRASE": PASSPHRASE + " x"})
        if "Mot de passe incorrect" not in wrong:
            raise SmokeFailure(f"mauvais mot de passe : « {wrong.strip()} »")
        if encrypted.read_bytes()[:16] == b"SQLite format 3\x00":
            raise SmokeFailure("la base chiffrée commence comme une base SQLite en clair")
        try:
            sqlite3.connect(encrypted).execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.DatabaseError:
            pass
        else:
            raise SmokeFailure("la base chiffrée se lit sans son mot de passe")
        shots = s.work / "captures"
        listed = s.run("screens", "--db", store, "screens", "--out", str(shots), french=False)
        pictures = sorted(shots.glob("*.png"))
        if len(pictures) < 9 or len(listed.split()) < len(pictures):
            raise SmokeFailure(f"screens : {len(pictures)} captures seulement")
        width, height, colours = png_size_and_colours(shots / "tableau-de-bord.png")
        if width < 800 or height < 500 or colours < 16:
            raise SmokeFailure(f"tableau-de-bord.png : {width}×{height}, {colours} valeurs : "
                               "la fenêtre n'affiche pas son tableau de bord")
        return s.times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Essai du programme construit (dossier).")
    parser.add_argument("folder", type=Path, help="le dossier construit, ex. dist/suivi-fsl")
    parser.add_argument("--json", type=Path, help="écrire les durées dans ce fichier JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        times = smoke(args.folder.resolve())
    except (SmokeFailure, subprocess.TimeoutExpired, OSError) as error:
        print(f"Essai du programme construit : ÉCHEC — {error}", file=sys.stderr)
        return 1
    total = time.perf_counter() - started
    for step, seconds in times.items():
        print(f"  {step:<40} {seconds:6.1f} s")
    print(f"Essai du programme construit : réussi en {total:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({"steps": {k: round(v, 2) for k, v in times.items()},
                                         "total_seconds": round(total, 1)}, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
