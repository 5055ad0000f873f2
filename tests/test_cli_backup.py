"""`suivi-fsl backup` and `suivi-fsl restore`: outputs and exit codes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import EXAMPLES

#: Eight words: strong enough to create an encrypted store (CNIL).
SECRET = "Une phrase de passe assez longue et solide"
#: exemple-2.json: 7 households, 7 measures, 5 + 1 + 0 + 2 + 0 + 6 + 0 = 14 visits, 2 workers.
COUNTS = "7 ménages, 7 mesures, 14 visites, 2 travailleurs sociaux."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "store.sqlite3")
    assert run(capsys, "--db", path, "import", str(EXAMPLES / "exemple-2.json"))[0] == 0
    return path


def _backup(capsys: pytest.CaptureFixture[str], db: str, folder: Path) -> Path:
    code, out, _ = run(capsys, "--db", db, "backup", "--out", str(folder))
    assert code == 0
    made = Path(out.strip())
    assert made.parent == folder and made.is_file()
    assert re.fullmatch(r"suivi-fsl-\d{4}-\d\d-\d\dT\d{6}\.sqlite3\.bak", made.name)
    return made


def test_backup_then_restore_with_yes(capsys: pytest.CaptureFixture[str], db: str,
                                      tmp_path: Path) -> None:
    made = _backup(capsys, db, tmp_path / "sauvegardes")
    before = run(capsys, "--db", db, "export", str(tmp_path / "avant.json"))
    assert before[0] == 0
    code, out, _ = run(capsys, "--db", db, "restore", str(made), "--yes")
    assert code == 0
    lines = out.splitlines()
    assert re.fullmatch(r"Sauvegarde du \d\d/\d\d/\d{4} à \d\d:\d\d : " + COUNTS, lines[0])
    assert lines[1] == f"Base restaurée : {db}"
    aside = lines[2].removeprefix("L'ancienne base est gardée de côté : ")
    assert Path(aside).is_file() and ".avant-restauration-" in aside
    assert run(capsys, "--db", db, "export", str(tmp_path / "apres.json"))[0] == 0
    assert (tmp_path / "apres.json").read_bytes() == (tmp_path / "avant.json").read_bytes()


def test_restore_without_yes_and_without_a_terminal_exits_2(
        capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    made = _backup(capsys, db, tmp_path / "s")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a TTY
    code, out, err = run(capsys, "--db", db, "restore", str(made))
    assert code == 2
    assert COUNTS in out  # the date and counts are shown first
    assert "relancez avec --yes" in err
    assert sorted(p.name for p in tmp_path.iterdir() if "avant" in p.name) == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "restored"), [("o\n", True), ("\n", False)])
def test_on_a_terminal_the_restore_asks_first(capsys: pytest.CaptureFixture[str], db: str,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              answer: str, restored: bool) -> None:
    made = _backup(capsys, db, tmp_path / "s")
    monkeypatch.setattr("sys.stdin", _Terminal(answer))
    code, out, _ = run(capsys, "--db", db, "restore", str(made))
    assert code == 0
    assert "[o/N]" in out
    assert ("Base restaurée" in out) is restored
    assert ("Restauration abandonnée : rien n'a été modifié." in out) is not restored
    aside = [p for p in tmp_path.iterdir() if re.search(r"\.avant-restauration-[\dT-]+$", p.name)]
    assert len(aside) == restored  # the store (its -wal and -shm beside it, not counted)


def test_a_damaged_backup_exits_1_in_french(capsys: pytest.CaptureFixture[str], db: str,
                                            tmp_path: Path) -> None:
    made = _backup(capsys, db, tmp_path / "s")
    made.write_bytes(made.read_bytes()[:5000])  # cut short (a copy interrupted)
    code, _, err = run(capsys, "--db", db, "restore", str(made), "--yes")
    assert code == 1
    assert err.startswith(f"Erreur : La sauvegarde {made} est endommagée")


def test_encrypted_store_backup_and_wrong_passphrase_exit_4(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", SECRET)
    db = str(tmp_path / "chiffre.sqlite3")
    assert run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-2.json"))[0] == 0
    made = _backup(capsys, db, tmp_path / "s")
    assert b"ROGER" not in made.read_bytes()
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", "pas le bon mot de passe")
    code, _, err = run(capsys, "--db", db, "restore", str(made), "--yes")
    assert code == 4
    assert err.startswith("Erreur : Mot de passe incorrect : la sauvegarde")
    code, _, err = run(capsys, "--db", db, "backup", "--out", str(tmp_path / "s"))
    assert code == 4


def test_backup_into_an_unusable_folder_exits_1(capsys: pytest.CaptureFixture[str], db: str,
                                                tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("un fichier, pas un dossier")
    code, out, err = run(capsys, "--db", db, "backup", "--out", str(blocker / "sous-dossier"))
    assert (code, out) == (1, "")
    assert err.startswith("Erreur : Impossible d'écrire la sauvegarde dans")
