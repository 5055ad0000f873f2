"""Every command of the command line with hostile arguments (issue #10, section 5): never a
traceback, the exit code documented in `desktop_app.cli`, a message in French.

Most cases run in-process (`cli.main`), on a copy of one small demonstration store; the
passphrase and file names that are not UTF-8 run as real processes, as a script would.
"""

from __future__ import annotations

import argparse
import ast
import errno
import inspect
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import cli_batches
from desktop_app.cli import build_parser, main
from desktop_app.cli_french import untranslated
from desktop_app.private_files import NotARegularFileError
from desktop_app.store.repository import SqlStore

ROOT = Path(__file__).resolve().parents[1]

#: Words (and English punctuation) that betray a text of Python, argparse, SQLite or the
#: system left untranslated. Checked whole-word, ignoring case, once the user's own input
#: (paths, URLs, « quoted » values, option names) is taken out of the text.
ENGLISH = re.compile(
    r"(?<!\w)(?:error|errors|usage:|options:|invalid|choose|required|unrecognized|expected|"
    r"positional|optional|subcommands|show|help message|exit|the|is|are|not|no such|"
    r"such file|directory|permission|denied|codec|decode|encode|errno|traceback|symlink|"
    r"loop|out of range|cannot|can't|could|unable|failed|found|missing|value|argument:|"
    r"ambiguous|unknown|database|plugin|module|driver|file|line|overflow|too|large|"
    r"surrogates|allowed|busy|locked|disk|full|read-only|device|resource)(?!\w)",
    re.IGNORECASE,
)


def english_in(text: str, *echoed: str) -> list[str]:
    """The English words of `text` once what the user typed is taken out of it."""
    for value in sorted(echoed, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    text = re.sub(r"«[^»]*»", " ", text)  # a value of the user, quoted
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # paths and URLs
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)  # option names
    return sorted({match.group(0).lower() for match in ENGLISH.finditer(text)})


def test_the_english_detector_can_fail() -> None:
    assert english_in("usage: suivi-fsl [-h]\n\noptions:\n  -h, --help  show this help "
                      "message and exit") == ["exit", "help message", "options:", "show", "usage:"]
    assert english_in("error: invalid choice: 'x' (choose from 'a')") == [
        "choose", "error", "invalid"]
    assert english_in("[Errno 2] No such file or directory: '/x'") == [
        "directory", "errno", "file", "no such"]
    assert english_in("'utf-8' codec can't decode byte 0xff") == ["can't", "codec", "decode"]
    assert english_in("usage : suivi-fsl [-h] --month AAAA-MM\n\noptions :\n  -h, --help  "
                      "afficher ce message d'aide et quitter") == []


# --- the inputs ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Made once: a small store, a backup of it, damaged copies, a random file."""
    folder = tmp_path_factory.mktemp("hostile")
    store = folder / "modele.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SUIVI_FSL_PASSPHRASE", raising=False)
        assert main(["--db", str(store), "demo", "--households", "2", "--years", "1",
                     "--seed", "3"]) == 0
        assert main(["--db", str(store), "backup", "--out", str(folder / "sauvegardes")]) == 0
    backup = next((folder / "sauvegardes").iterdir())
    data = store.read_bytes()
    assert data.count("é".encode()) > 5
    bad_text = folder / "texte-abime.sqlite3"  # « é » turned into bytes that are not UTF-8
    bad_text.write_bytes(data.replace("é".encode(), b"\xff\xfe"))
    corrupt = bytearray(backup.read_bytes())
    for index in range(4096, len(corrupt), 997):
        corrupt[index] ^= 0x5A
    (folder / "abimee.sqlite3.bak").write_bytes(bytes(corrupt))
    (folder / "tronquee.sqlite3.bak").write_bytes(backup.read_bytes()[:3000])
    (folder / "hasard.bin").write_bytes(os.urandom(1 << 20))  # 1 MiB: whole pages
    (folder / "texte.json").write_text("ceci n'est pas du JSON\n", encoding="utf-8")
    return {"store": store, "backup": backup, "bad_text": bad_text,
            "corrupt": folder / "abimee.sqlite3.bak",
            "truncated": folder / "tronquee.sqlite3.bak", "random": folder / "hasard.bin",
            "not_json": folder / "texte.json"}


@pytest.fixture
def places(inputs: dict[str, Path], tmp_path: Path) -> dict[str, str]:
    """What `{name}` stands for in the cases: a copy of the store, and hostile paths."""
    db = tmp_path / "base.sqlite3"
    shutil.copyfile(inputs["store"], db)
    folder = tmp_path / "dossier"
    folder.mkdir()
    (tmp_path / "g.xlsx").mkdir()  # a folder with a report's name
    os.mkfifo(tmp_path / "tube")
    os.symlink("boucle", tmp_path / "boucle")
    (tmp_path / "ordinaire").write_text("x", encoding="utf-8")
    return {"db": str(db), "tmp": str(tmp_path), "dir": str(folder),
            "missing": str(tmp_path / "absent"), "fifo": str(tmp_path / "tube"),
            "loop": str(tmp_path / "boucle"), "regular": str(tmp_path / "ordinaire"),
            **{name: str(path) for name, path in inputs.items() if name != "store"}}


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse: --help, wrong usage
        code = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_french(out: str, err: str, *echoed: str) -> None:
    assert "Traceback" not in out + err
    assert english_in(out + err, *echoed) == [], out + err


# --- the cases: (arguments after --db {db}, exit code, what the message says) ----------------
USAGE, ENVIRONMENT, REJECTED, PASSPHRASE = 2, 1, 3, 4
OUT_OF_BOUNDS_MONTH = "mois hors des limites"
OUT_OF_BOUNDS_DAY = "date hors des limites"
BAD_YEAR, OUT_OF_BOUNDS_YEAR = "année invalide", "année hors des limites"
WHOLE = "nombre entier de "
EMPTY = "chemin vide"
NO_IMPORT = "Aucun import n° "
BATCH = "numéro d'import attendu"

CASES: list[tuple[str, list[str], int, str | None]] = [
    # wrong usage, said by argparse in French
    ("commande-inconnue", ["frobnicate"], USAGE,
     "choix invalide : « frobnicate » (choisir parmi 'import', 'export'"),
    ("option-inconnue", ["points", "--month", "2025-01", "--bogus"], USAGE,
     "arguments inconnus : --bogus"),
    ("import-sans-fichier", ["import"], USAGE, "arguments obligatoires : FICHIER.json"),
    ("import-vide", ["import", ""], USAGE, EMPTY),
    ("export-vide", ["export", ""], USAGE, EMPTY),
    ("points-sans-mois", ["points"], USAGE, "arguments obligatoires : --month"),
    ("points-mois-sans-valeur", ["points", "--month"], USAGE,
     "argument --month : une valeur est attendue"),
    ("points-mois-vide", ["points", "--month", ""], USAGE, "mois invalide «  » (attendu AAAA-MM)"),
    ("points-mois-13", ["points", "--month", "2025-13"], USAGE, "mois invalide « 2025-13 »"),
    ("points-mois-court", ["points", "--month", "2025-1"], USAGE, "mois invalide"),
    ("points-0000-01", ["points", "--month", "0000-01"], USAGE, OUT_OF_BOUNDS_MONTH),
    ("points-0001-01", ["points", "--month", "0001-01"], USAGE, OUT_OF_BOUNDS_MONTH),
    ("points-1899-12", ["points", "--month", "1899-12"], USAGE, OUT_OF_BOUNDS_MONTH),
    ("points-2101-01", ["points", "--month", "2101-01"], USAGE, OUT_OF_BOUNDS_MONTH),
    ("points-9999-12", ["points", "--month", "9999-12"], USAGE, OUT_OF_BOUNDS_MONTH),
    ("alerts-0001-01-01", ["alerts", "--on", "0001-01-01"], USAGE, OUT_OF_BOUNDS_DAY),
    ("alerts-1899-12-31", ["alerts", "--on", "1899-12-31"], USAGE, OUT_OF_BOUNDS_DAY),
    ("alerts-2101-01-01", ["alerts", "--on", "2101-01-01"], USAGE, OUT_OF_BOUNDS_DAY),
    ("alerts-9999-12-31", ["alerts", "--on", "9999-12-31"], USAGE, OUT_OF_BOUNDS_DAY),
    ("alerts-30-fevrier", ["alerts", "--on", "2025-02-30"], USAGE,
     "date invalide « 2025-02-30 » (attendu AAAA-MM-JJ)"),
    ("alerts-vide", ["alerts", "--on", ""], USAGE, "date invalide"),
    ("alerts-annee-5-chiffres", ["alerts", "--on", "99999-01-01"], USAGE, "date invalide"),
    ("grid-annee-0", ["grid", "--year", "0", "--out", "{tmp}/g.pdf"], USAGE, BAD_YEAR),
    ("grid-annee-negative", ["grid", "--year", "-5", "--out", "{tmp}/g.pdf"], USAGE, BAD_YEAR),
    ("grid-annee-99999", ["grid", "--year", "99999", "--out", "{tmp}/g.pdf"], USAGE, BAD_YEAR),
    ("grid-annee-texte", ["grid", "--year", "abc", "--out", "{tmp}/g.pdf"], USAGE, BAD_YEAR),
    ("grid-annee-vide", ["grid", "--year", "", "--out", "{tmp}/g.pdf"], USAGE, BAD_YEAR),
    ("grid-1899", ["grid", "--year", "1899", "--out", "{tmp}/g.pdf"], USAGE,
     OUT_OF_BOUNDS_YEAR),
    ("grid-2101", ["grid", "--year", "2101", "--out", "{tmp}/g.pdf"], USAGE,
     OUT_OF_BOUNDS_YEAR),
    ("grid-sans-sortie", ["grid", "--year", "2025"], USAGE, "arguments obligatoires : --out"),
    ("grid-sortie-vide", ["grid", "--year", "2025", "--out", ""], USAGE, EMPTY),
    ("staff-annee-texte", ["staff", "--year", "abc", "--out", "{tmp}"], USAGE, BAD_YEAR),
    ("staff-2101", ["staff", "--year", "2101", "--out", "{tmp}"], USAGE,
     "année hors des limites « 2101 »"),
    ("staff-2100-pas-commencee", ["staff", "--year", "2100", "--out", "{tmp}/s"], USAGE,
     "L'année 2100 n'a pas commencé"),
    ("staff-sans-sortie", ["staff", "--year", "2025"], USAGE,
     "arguments obligatoires : --out"),
    ("staff-sortie-vide", ["staff", "--year", "2025", "--out", ""], USAGE, EMPTY),
    ("grid-txt", ["grid", "--year", "2025", "--out", "{tmp}/g.txt"], USAGE,
     "Format de fichier non pris en charge"),
    ("demo-0-menage", ["demo", "--households", "0"], USAGE, WHOLE),
    ("demo-menages-negatif", ["demo", "--households", "-1"], USAGE, WHOLE),
    ("demo-trop-de-menages", ["demo", "--households", "100001"], USAGE, WHOLE),
    ("demo-menages-immense", ["demo", "--households", "99999999999999999999"], USAGE, WHOLE),
    ("demo-menages-texte", ["demo", "--households", "abc"], USAGE, WHOLE),
    ("demo-0-annee", ["demo", "--years", "0"], USAGE, WHOLE),
    ("demo-51-ans", ["demo", "--years", "51"], USAGE, WHOLE),
    ("demo-graine-negative", ["demo", "--seed", "-1"], USAGE, WHOLE),
    ("demo-graine-texte", ["demo", "--seed", "abc"], USAGE, WHOLE),
    ("screens-sans-dossier", ["screens"], USAGE, "arguments obligatoires : --out"),
    ("screens-vide", ["screens", "--out", ""], USAGE, EMPTY),
    ("screenshots-sans-dossier", ["screenshots"], USAGE, "arguments obligatoires : --out"),
    ("screenshots-vide", ["screenshots", "--out", ""], USAGE, EMPTY),
    ("backup-sans-dossier", ["backup"], USAGE, "arguments obligatoires : --out"),
    ("backup-vide", ["backup", "--out", ""], USAGE, EMPTY),
    ("restore-sans-fichier", ["restore"], USAGE, "arguments obligatoires : FICHIER"),
    ("restore-vide", ["restore", ""], USAGE, EMPTY),
    ("imports-en-trop", ["imports", "x"], USAGE, "arguments inconnus : x"),
    ("access-sans-menage", ["access"], USAGE, "arguments obligatoires : MENAGE"),
    ("access-sans-dossier", ["access", "FSL-2025-00002"], USAGE,
     "arguments obligatoires : --out"),
    ("access-dossier-vide", ["access", "FSL-2025-00002", "--out", ""], USAGE, EMPTY),
    ("dsf-sans-mesure", ["dsf"], USAGE, "arguments obligatoires : MESURE"),
    ("dsf-sans-dossier", ["dsf", "FSL-2025-00002"], USAGE, "arguments obligatoires : --out"),
    ("dsf-dossier-vide", ["dsf", "FSL-2025-00002", "--out", ""], USAGE, EMPTY),
    ("undo-import-sans-numero", ["undo-import"], USAGE, "arguments obligatoires : NUMERO"),
    ("undo-import-texte", ["undo-import", "abc"], USAGE, BATCH),
    ("undo-import-negatif", ["undo-import", "-1"], USAGE, BATCH),
    ("undo-import-0", ["undo-import", "0"], USAGE, BATCH),
    ("undo-import-decimal", ["undo-import", "1.5"], USAGE, BATCH),
    ("undo-import-vide", ["undo-import", ""], USAGE, BATCH),
    ("server-sans-action", ["server"], USAGE, "arguments obligatoires : ACTION"),
    ("account-sans-action", ["account"], USAGE, "arguments obligatoires : ACTION"),
    ("account-add-sans-role", ["account", "add", "marie"], USAGE,
     "arguments obligatoires : --role"),
    ("account-add-role-inconnu", ["account", "add", "marie", "--role", "chef"], USAGE,
     "choix invalide : « chef »"),
    ("account-share-sans-menage", ["account", "share", "marie"], USAGE,
     "arguments obligatoires : MENAGE"),
    # the store, the system
    ("undo-import-immense", ["undo-import", "99999999999999999999999"], ENVIRONMENT,
     NO_IMPORT + "99999999999999999999999 : "),
    ("undo-import-max-sqlite", ["undo-import", "9223372036854775807"], ENVIRONMENT,
     NO_IMPORT),
    ("undo-import-inconnu", ["undo-import", "99"], ENVIRONMENT, NO_IMPORT + "99 : "),
    ("access-inconnu", ["access", "FSL-1999-0001", "--out", "{tmp}/acces"], REJECTED,
     "aucun ménage de la base n'a la référence « FSL-1999-0001 »"),
    ("access-menage-vide", ["access", "", "--out", "{tmp}/acces"], REJECTED,
     "la référence du ménage est vide"),
    ("dsf-inconnu", ["dsf", "FSL-1999-0001", "--out", "{tmp}/dsf"], REJECTED,
     "Aucun DSF ne correspond à « FSL-1999-0001 »"),
    ("dsf-menage-vide", ["dsf", "  ", "--out", "{tmp}/dsf"], REJECTED,
     "la référence du ménage est vide"),
    ("access-sous-un-fichier", ["access", "FSL-2025-00002", "--out", "{regular}/x"],
     ENVIRONMENT, "un élément du chemin n'est pas un dossier"),
    ("screens-sous-un-fichier", ["screens", "--out", "/dev/null/x"], ENVIRONMENT,
     "un élément du chemin n'est pas un dossier"),
    ("screens-sur-un-fichier", ["screens", "--out", "{regular}"], ENVIRONMENT,
     "un élément du chemin n'est pas un dossier"),
    ("screenshots-sous-un-fichier", ["screenshots", "--out", "/dev/null/x"], ENVIRONMENT,
     "un élément du chemin n'est pas un dossier"),
    ("screenshots-sur-un-fichier", ["screenshots", "--out", "{regular}"], ENVIRONMENT,
     "un élément du chemin n'est pas un dossier"),
    ("backup-vers-dev-null", ["backup", "--out", "/dev/null"], ENVIRONMENT, None),
    ("backup-vers-un-fichier", ["backup", "--out", "{regular}"], ENVIRONMENT, None),
    ("restore-absent", ["restore", "{missing}.bak", "--yes"], ENVIRONMENT, None),
    ("restore-dossier", ["restore", "{dir}", "--yes"], ENVIRONMENT, None),
    ("restore-abimee", ["restore", "{corrupt}", "--yes"], ENVIRONMENT, None),
    ("restore-tronquee", ["restore", "{truncated}", "--yes"], ENVIRONMENT, None),
    ("server-init-sur-un-fichier", ["server", "init"], ENVIRONMENT,
     "prépare une base sur un serveur PostgreSQL"),
    ("account-list-sur-un-fichier", ["account", "list"], ENVIRONMENT,
     "ne concernent qu'une base sur un serveur PostgreSQL"),
    # the export/grid write failures ("files" branch) and the random file ("restore" branch)
    ("export-dossier-absent", ["export", "{missing}/x.json"], ENVIRONMENT, None),
    ("export-sur-un-dossier", ["export", "{dir}"], ENVIRONMENT, None),
    ("export-sur-un-tube", ["export", "{fifo}"], ENVIRONMENT, None),
    ("grid-xlsx-dossier-absent", ["grid", "--year", "2025", "--out", "{missing}/g.xlsx"],
     ENVIRONMENT, None),
    ("grid-pdf-dossier-absent", ["grid", "--year", "2025", "--out", "{missing}/g.pdf"],
     ENVIRONMENT, None),
    ("grid-sur-un-dossier", ["grid", "--year", "2025", "--out", "{tmp}/g.xlsx"],
     ENVIRONMENT, None),
    ("staff-sortie-tube", ["staff", "--year", "2025", "--out", "{fifo}"], ENVIRONMENT,
     "Impossible d'écrire"),
    ("staff-sortie-fichier", ["staff", "--year", "2025", "--out", "{random}"], ENVIRONMENT,
     "Impossible d'écrire"),
    ("staff-sortie-boucle", ["staff", "--year", "2025", "--out", "{loop}"], ENVIRONMENT,
     "Impossible d'écrire"),
    ("restore-fichier-au-hasard", ["restore", "{random}", "--yes"], ENVIRONMENT, None),
    # rejected input
    ("import-absent", ["import", "{missing}.json"], REJECTED,
     "le fichier ou le dossier n'existe pas"),
    ("import-dossier", ["import", "{dir}"], REJECTED, "ce nom est celui d'un dossier"),
    ("import-tube", ["import", "{fifo}"], REJECTED, "ce n'est pas un fichier ordinaire"),
    ("import-dev-null", ["import", "/dev/null"], REJECTED,
     "ce n'est pas un fichier ordinaire"),
    ("import-boucle", ["import", "{loop}"], REJECTED, "boucle de liens symboliques"),
    ("import-binaire", ["import", "{random}"], REJECTED, "le fichier n'est pas en UTF-8"),
    ("import-pas-json", ["import", "{not_json}"], REJECTED, "JSON mal formé ligne 1"),
    ("demo-base-remplie", ["demo", "--households", "1", "--years", "1"], REJECTED,
     "La base n'est pas vide"),
    # the edges of the dates, computed
    ("points-1900-01", ["points", "--month", "1900-01"], 0, "janvier 1900"),
    ("points-2100-12", ["points", "--month", "2100-12"], 0, "décembre 2100"),
    ("alerts-1900-01-01", ["alerts", "--on", "1900-01-01"], 0, "Aucune alerte au 01/01/1900"),
    ("alerts-2100-12-31", ["alerts", "--on", "2100-12-31"], 0, "au 31/12/2100"),
    ("grid-1900", ["grid", "--year", "1900", "--out", "{tmp}/g1900.xlsx"], 0,
     "Grille d'activité 1900 écrite"),
    ("grid-2100", ["grid", "--year", "2100", "--on", "2100-12-31", "--out", "{tmp}/g2100.pdf"],
     0, "Grille PROVISOIRE : l'année 2100 n'est pas terminée"),
    # a year not begun yet: refused before any work (its figures would all be forecasts)
    ("grid-annee-a-venir", ["grid", "--year", "2100", "--out", "{tmp}/g2100.pdf"], USAGE,
     "l'année 2100 n'a pas commencé"),
    ("staff-1900", ["staff", "--year", "1900", "--out", "{tmp}/s1900"], 0,
     "Tableau des salariés 1900 écrit : 0 salarié(s)."),
]


@pytest.mark.parametrize(("argv", "code", "says"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_hostile_argument(capsys: pytest.CaptureFixture[str], places: dict[str, str],
                            argv: list[str], code: int, says: str | None) -> None:
    given = [argument.format(**places) for argument in argv]
    got, out, err = run(capsys, ["--db", places["db"], *given])
    assert got == code, out + err
    if says is not None:
        assert says in out + err
    if code != 0:
        assert err.strip()  # the reason, on stderr
    assert_french(out, err, *given, places["tmp"])


STORES: list[tuple[str, str, int, str | None]] = [
    ("dossier", "{dir}", ENVIRONMENT, "n'est pas un fichier ordinaire"),
    ("tube", "{fifo}", ENVIRONMENT, "n'est pas un fichier ordinaire"),
    ("tube-en-url", "sqlite:///{fifo}", ENVIRONMENT, "n'est pas un fichier ordinaire"),
    ("boucle", "{loop}", ENVIRONMENT, "est une boucle de liens symboliques"),
    ("boucle-en-url", "sqlite:///{loop}", ENVIRONMENT, "est une boucle de liens symboliques"),
    ("boucle-dans-le-chemin", "{loop}/base.sqlite3", ENVIRONMENT,
     "est une boucle de liens symboliques"),
    # A closed port on this machine: refused at once, no traffic leaves it.
    ("postgresql-injoignable", "postgresql://u@127.0.0.1:1/suivi", ENVIRONMENT,
     "Impossible de joindre le serveur"),
    ("mysql", "mysql://u@serveur/suivi", ENVIRONMENT,
     "n'est ni un fichier SQLite ni une base PostgreSQL"),
    ("type-inconnu", "foo://x", ENVIRONMENT, "n'est ni un fichier SQLite ni une base PostgreSQL"),
    ("pilote-inconnu", "sqlite+foo:///x", ENVIRONMENT, "Pilote de base inconnu « foo »"),
    ("url-illisible", "postgresql://u:secret@serveur:abc/suivi", ENVIRONMENT,
     "Adresse de base illisible « postgresql://… »"),
    ("fichier-etranger", "{not_json}", ENVIRONMENT, "n'est pas une base Suivi FSL lisible"),
    ("texte-abime", "{bad_text}", ENVIRONMENT, "n'est pas une base Suivi FSL lisible"),
    ("vide", "", USAGE, "argument --db : chemin vide"),
]


@pytest.mark.parametrize("command", [["imports"], ["export", "{tmp}/sortie.json"]])
@pytest.mark.parametrize(("db", "code", "says"), [case[1:] for case in STORES],
                         ids=[case[0] for case in STORES])
def test_a_hostile_store(capsys: pytest.CaptureFixture[str], places: dict[str, str],
                         db: str, code: int, says: str, command: list[str]) -> None:
    given = [argument.format(**places) for argument in ["--db", db, *command]]
    got, out, err = run(capsys, given)
    assert (got, out) == (code, "")
    assert says in err
    assert "secret" not in err  # a password in a URL is never printed
    assert_french(out, err, *given, places["tmp"])
    assert not Path(places["tmp"], "sortie.json").exists()


# --- --help ------------------------------------------------------------------------------------
COMMANDS = ["import", "export", "points", "alerts", "grid", "staff", "demo", "screens",
            "screenshots", "backup",
            "restore", "imports", "undo-import", "server", "account", "access", "dsf"]


def test_the_commands_are_all_tested() -> None:
    parser = build_parser()
    choices = next(a for a in parser._actions
                   if isinstance(a, argparse._SubParsersAction)).choices
    assert sorted(choices) == sorted(COMMANDS)
    hostile = {argv[0] for _, argv, _, _ in CASES}
    assert hostile >= set(COMMANDS)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)],
                         ids=["suivi-fsl", *COMMANDS])
def test_every_help_is_french(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, err = run(capsys, [*command, "--help"])
    assert (code, err) == (0, "")
    assert out.startswith(f"usage : suivi-fsl {' '.join(command)}".rstrip() + " [-h]")
    assert "\noptions :\n" in out
    assert "  -h, --help" in out and "afficher ce message d'aide et quitter" in out
    assert english_in(out) == [], out


def test_the_main_help_lists_every_command_and_the_exit_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, ["--help"])
    assert "arguments positionnels :" in out
    for name in COMMANDS:
        assert f"\n    {name} " in out
    assert "Codes de sortie : 0 fait, 1" in " ".join(out.split())


def test_every_text_of_argparse_is_translated() -> None:
    """argparse's texts are read from its source (those of the Python running the tests):
    a new one in a later Python makes this test fail rather than print English."""
    texts: list[str] = []
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")):
            texts += [arg.value for arg in node.args
                      if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    assert len(texts) > 30  # the reading found them
    assert untranslated(texts) == []


def test_argparse_is_english_again_outside_our_parser() -> None:
    other = argparse.ArgumentParser(prog="autre")
    build_parser().format_help()
    assert other.format_usage().startswith("usage: autre")


# --- the store, in cases that need more than arguments -------------------------------------
def test_a_passphrase_for_a_plain_store_says_it_is_not_needed(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", "cheval agrafe batterie correct")
    code, out, err = run(capsys, ["--db", places["db"], "imports"])
    assert (code, out) == (PASSPHRASE, "")
    assert err == ("Erreur : Cette base n'est pas chiffrée : elle s'ouvre sans mot de passe. "
                   "Retirez la variable SUIVI_FSL_PASSPHRASE pour l'ouvrir, ou chiffrez-la "
                   "depuis les Paramètres de la fenêtre.\n")


def test_a_passphrase_that_is_not_utf8_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", os.fsdecode(b"mot\xff\xfe"))
    new = tmp_path / "nouveau" / "base.sqlite3"
    code, out, err = run(capsys, ["--db", str(new), "imports"])
    assert (code, out) == (PASSPHRASE, "")
    assert "n'est pas un texte valide (caractères hors UTF-8)" in err
    assert_french(out, err, str(tmp_path))
    assert not new.parent.exists()  # not even the folder


def test_two_demos_at_once_the_second_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = str(tmp_path / "neuve.sqlite3")
    assert run(capsys, ["--db", db, "demo", "--households", "2", "--years", "1"])[0] == 0
    # The second one looked while the store was still empty: the other one filled it before
    # its import (the race of two processes, made certain).
    monkeypatch.setattr(SqlStore, "is_empty", lambda self: True)
    code, out, err = run(capsys, ["--db", db, "demo", "--households", "3", "--years", "1"])
    assert (code, out) == (REJECTED, "")
    assert err.startswith("La base n'est pas vide : ")
    monkeypatch.undo()
    code, out, _ = run(capsys, ["--db", db, "imports"])
    assert code == 0 and len(out.splitlines()) == 1  # the first demo only


def test_an_interruption_is_said_in_french(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def interrupted(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_batches, "run_imports", interrupted)
    code, out, err = run(capsys, ["--db", places["db"], "imports"])
    assert (code, out) == (130, "")
    assert err == "\nInterrompu : ce qui était en cours n'a pas été enregistré.\n"


def test_an_unusual_system_error_is_said_in_french(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*_args: object) -> int:
        raise OSError(errno.ENAMETOOLONG, "File name too long", "/trop/long")

    monkeypatch.setattr(cli_batches, "run_imports", refused)
    code, out, err = run(capsys, ["--db", places["db"], "imports"])
    assert (code, out) == (ENVIRONMENT, "")
    assert err == "Erreur : /trop/long : le nom du fichier ou du chemin est trop long.\n"


@pytest.mark.parametrize("command", [["export", "{tmp}/plein/x.json"],
                                     ["grid", "--year", "2025", "--out", "{tmp}/plein/g.xlsx"]],
                         ids=["export", "grid"])
def test_a_full_disk_is_said_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch, command: list[str],
) -> None:
    folder = Path(places["tmp"], "plein")
    folder.mkdir()

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # every writer syncs its file before the rename
    given = [argument.format(**places) for argument in command]
    code, out, err = run(capsys, ["--db", places["db"], *given])
    assert (code, out) == (ENVIRONMENT, "")
    assert "le disque est plein" in err
    assert_french(out, err, *given, places["tmp"])
    assert list(folder.iterdir()) == []  # neither the file nor a temporary one


# --- the grid's progress --------------------------------------------------------------------
def _grid(capsys: pytest.CaptureFixture[str], places: dict[str, str]) -> str:
    code, _, err = run(capsys, ["--db", places["db"], "grid", "--year", "2025", "--out",
                                f"{places['tmp']}/g.pdf"])
    assert code == 0
    return err


def test_the_grid_progress_is_one_line_per_step_in_a_log(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
) -> None:
    err = _grid(capsys, places)
    assert "\r" not in err
    steps = [line for line in err.splitlines() if " : étape " in line]
    assert steps[-1] == "Grille d'activité 2025 : étape 51 sur 51"
    assert len(steps) > 10
    assert all(re.fullmatch(r"Grille d'activité 2025 : étape \d+ sur 51", s) for s in steps)


def test_the_grid_progress_rewrites_its_line_on_a_terminal(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    err = _grid(capsys, places)
    first, progress = err.split("\n", 1)[0], err.split("\n", 1)[1]
    assert first == "Lecture des mesures de 2025 et 2024…"
    assert progress.startswith("\rGrille d'activité 2025 : étape ")
    assert progress.endswith("\rGrille d'activité 2025 : étape 51 sur 51\n")
    assert progress.count("\n") == 1  # one line, rewritten


def test_a_restore_without_yes_off_a_terminal_exits_2(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run(capsys, ["--db", places["db"], "restore", places["backup"]])
    assert code == USAGE
    assert out.startswith("Sauvegarde du ") and "Restauration non confirmée" in err
    assert_french(out, err, places["tmp"], places["backup"])


# --- as a script runs it: bytes that are not UTF-8 --------------------------------------------
def _process(args: list[bytes], env: dict[bytes, bytes], cwd: Path) -> tuple[int, bytes, bytes]:
    environment = {k: v for k, v in os.environb.items() if k != b"SUIVI_FSL_PASSPHRASE"}
    environment.update({b"PYTHONPATH": os.fsencode(ROOT), **env})
    done = subprocess.run([sys.executable.encode(), b"-m", b"desktop_app", *args], cwd=cwd,
                          env=environment, capture_output=True, timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr


def test_a_script_with_a_passphrase_that_is_not_utf8(tmp_path: Path) -> None:
    code, out, err = _process([b"--db", b"base.sqlite3", b"imports"],
                              {b"SUIVI_FSL_PASSPHRASE": b"mot\xff\xfe de passe"}, tmp_path)
    assert (code, out) == (PASSPHRASE, b"")
    text = err.decode("utf-8")
    assert text.startswith("Erreur : Le mot de passe de la variable SUIVI_FSL_PASSPHRASE "
                           "n'est pas un texte valide")
    assert_french("", text)
    assert list(tmp_path.iterdir()) == []  # no empty store left behind


def test_a_script_with_file_names_that_are_not_utf8(
    tmp_path: Path, inputs: dict[str, Path],
) -> None:
    db = tmp_path / os.fsdecode(b"base-\xe9t\xe9.sqlite3")  # Latin-1 « été »
    shutil.copyfile(inputs["store"], db)
    out_name = b"export-\xe9t\xe9.json"
    code, out, err = _process([b"--db", os.fsencode(db), b"export", out_name], {}, tmp_path)
    assert (code, err) == (0, b"")
    assert out.startswith(b"Export termin\xc3\xa9 : export-\xe9t\xe9.json (2 m\xc3\xa9nages")
    assert (tmp_path / os.fsdecode(out_name)).stat().st_size > 0
    code, out, err = _process([b"--db", b"autre.sqlite3", b"import", b"absent-\xe9.json"], {},
                              tmp_path)
    assert (code, out) == (REJECTED, b"")
    text = err.decode("utf-8", "backslashreplace")
    assert "Impossible de lire absent-" in text and "n'existe pas" in text
    assert_french("", text)


def test_two_demo_processes_on_one_new_file(tmp_path: Path) -> None:
    """The case of the issue (a 2 207-line traceback): whichever comes second, it is refused
    in French and the store holds the first one's data only."""
    environment = {k: v for k, v in os.environ.items() if k != "SUIVI_FSL_PASSPHRASE"}
    environment["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-m", "desktop_app", "--db", "neuve.sqlite3", "demo",
               "--households", "20", "--years", "1"]
    started = [subprocess.Popen(command, cwd=tmp_path, env=environment, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in started]
    results = sorted((p.returncode, *output) for p, output in zip(started, outputs, strict=True))
    (first_code, first_out, first_err), (second_code, second_out, second_err) = results
    assert (first_code, first_err) == (0, "")
    assert first_out.startswith("Données de démonstration créées : 20 ménages")
    assert (second_code, second_out) == (REJECTED, "")
    assert second_err.startswith("La base n'est pas vide : ")
    assert_french(second_out, second_err)


def test_a_target_that_is_not_a_regular_file_keeps_its_french_message(
    capsys: pytest.CaptureFixture[str], places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*_args: object) -> int:
        raise NotARegularFileError("/tmp/tube")

    monkeypatch.setattr(cli_batches, "run_imports", refused)
    code, out, err = run(capsys, ["--db", places["db"], "imports"])
    assert (code, out) == (ENVIRONMENT, "")
    assert err == "Erreur : /tmp/tube n'est pas un fichier ordinaire.\n"
