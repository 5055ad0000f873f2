"""`suivi-fsl server init` and `suivi-fsl account …` on the PostgreSQL test server:
what they say in French, what they refuse, and that a password is never printed. The team is
the worked example 1 (`tests.server_team`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest

from desktop_app.cli_server import MISMATCH, NO_TERMINAL, PASSWORD_ENV
from desktop_app.store.account_admin import (
    ALREADY,
    BAD_LOGIN,
    NEEDS_WORKER,
    NO_SUCH_ACCOUNT,
    NO_SUCH_WORKER,
    NOT_MANAGER,
    SELF,
    TAKEN,
)
from desktop_app.store.server_setup import NOT_OWNER
from tests.postgres import TestServer
from tests.server_team import PASSWORD, Team, ids
from tests.test_cli import run

OTHER = "Une-autre-phrase-de-passe-2026"


@pytest.fixture
def team(pg_server: TestServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    made = Team(pg_server)
    yield made
    made.close()


def _said(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Exit code and everything printed; the password never among it."""
    code, out, err = run(capsys, *argv)
    assert PASSWORD not in out + err and OTHER not in out + err
    return code, out + err


def test_server_init_twice_by_the_command_line(capsys: pytest.CaptureFixture[str],
                                               team: Team) -> None:
    code, said = _said(capsys, "--db", team.owner_url, "server", "init")
    assert code == 0
    assert "- règles d'accès déjà en place (84 règles) ;" in said
    assert said.rstrip().endswith("Rien n'a changé : la base était déjà prête.")


def test_accounts_are_added_listed_and_their_passwords_changed(
        capsys: pytest.CaptureFixture[str], team: Team,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db, w1 = team.owner_url, team.login("w1")
    team.logins.append(w1)
    code, said = _said(capsys, "--db", db, "account", "add", w1, "--role", "travailleur",
                       "--worker", "w1")
    assert (code, said) == (0, f"Compte « {w1} » créé : rôle travailleur, travailleur w1, "
                               f"membre du rôle suivi_{team.database}_travailleur.\n")
    code, said = _said(capsys, "--db", db, "account", "list")
    assert code == 0 and said.startswith(f"{w1} — travailleur — travailleur w1 (Claire "
                                         "Martin) — créé le ")
    assert said.rstrip().endswith("— actif")
    monkeypatch.setenv(PASSWORD_ENV, OTHER)
    assert _said(capsys, "--db", db, "account", "password", w1) == (
        0, f"Mot de passe du compte « {w1} » changé.\n")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        team.connect(w1)  # the old one
    with psycopg.connect(team.url(w1, OTHER).replace("+psycopg", "")) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h4"]


@pytest.mark.parametrize(("argv", "says"), [
    (["--role", "travailleur"], NEEDS_WORKER),
    (["--role", "travailleur", "--worker", "w9"], NO_SUCH_WORKER.format(worker="w9")),
    (["--role", "lecture", "--worker", "w9"], NO_SUCH_WORKER.format(worker="w9")),
])
def test_an_account_that_would_not_work_is_refused(
        capsys: pytest.CaptureFixture[str], team: Team, argv: list[str], says: str) -> None:
    login = team.login("x")
    code, said = _said(capsys, "--db", team.owner_url, "account", "add", login, *argv)
    assert (code, said) == (1, f"Erreur : {says}\n")
    with team.owner() as owner:
        assert ids(owner, f"SELECT count(*) FROM pg_roles WHERE rolname = '{login}'") == [0]


@pytest.mark.parametrize(("password", "says"), [
    ("court", "Mot de passe refusé : Trop faible. Il manque 7 caractères"),
    (None, NO_TERMINAL),
])
def test_a_weak_or_missing_password_is_refused(
        capsys: pytest.CaptureFixture[str], team: Team, monkeypatch: pytest.MonkeyPatch,
        password: str | None, says: str) -> None:
    if password is None:
        monkeypatch.delenv(PASSWORD_ENV)  # and pytest's stdin is no terminal
    else:
        monkeypatch.setenv(PASSWORD_ENV, password)
    login = team.login("x")
    code, said = _said(capsys, "--db", team.owner_url, "account", "add", login, "--role",
                       "lecture")
    assert code == 2 and said.startswith(f"Erreur : {says}")
    if password:
        assert password not in said


def test_a_responsable_manages_accounts_a_travailleur_may_not(
        capsys: pytest.CaptureFixture[str], team: Team) -> None:
    chief = team.add("chef", "responsable")
    w2 = team.add("w2", "travailleur", "w2")
    w1 = team.login("w1")
    team.logins.append(w1)
    code, said = _said(capsys, "--db", team.url(w2), "account", "add", w1, "--role",
                       "travailleur", "--worker", "w1")
    assert (code, said) == (1, "Erreur : La gestion des comptes et des partages demande le "
                               "compte propriétaire de la base ou un compte « responsable » ; "
                               f"votre compte « {w2} » est « travailleur ». Rien n'a été "
                               "modifié.\n")
    assert _said(capsys, "--db", team.url(chief), "account", "add", w1, "--role",
                 "travailleur", "--worker", "w1")[0] == 0
    assert _said(capsys, "--db", team.url(chief), "account", "share", w1, "h2") == (
        0, f"Ménage h2 partagé avec « {w1} ».\n")
    with team.connect(w1) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h2", "h4"]
    assert _said(capsys, "--db", team.url(chief), "account", "disable", w1)[0] == 0
    code, said = _said(capsys, "--db", team.url(w1), "points", "--month", "2025-09")
    assert code == 1 and "a refusé la connexion" in said
    with team.owner() as owner:
        assert ids(owner, "SELECT shared_by FROM household_shares") == [chief]


def test_a_travailleur_is_refused_the_grid_and_the_import(
        capsys: pytest.CaptureFixture[str], team: Team, tmp_path: Path) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    out = tmp_path / "grille.xlsx"
    code, said = _said(capsys, "--db", team.url(w1), "grid", "--year", "2025", "--out",
                       str(out))
    assert code == 1 and said.startswith("Erreur : La grille d'activité (comme tout document "
                                         "de l'année) porte sur toute l'association et demande "
                                         "un compte « responsable » ou « lecture »")
    assert not out.exists()
    reader = team.add("lecteur", "lecture")
    assert _said(capsys, "--db", team.url(reader), "grid", "--year", "2025", "--out",
                 str(out))[0] == 0
    code, said = _said(capsys, "--db", team.url(w1), "export", str(tmp_path / "x.json"))
    assert code == 0  # its own households only
    code, said = _said(capsys, "--db", team.url(w1), "import", str(tmp_path / "x.json"))
    assert code == 1 and "L'import d'un fichier d'échange demande un compte « responsable »" \
        in said
    # Refused before the file is read: a missing file gets the same answer, for a lecture too.
    code, said = _said(capsys, "--db", team.url(reader), "import", str(tmp_path / "absent.json"))
    assert (code, said) == (1, "Erreur : L'import d'un fichier d'échange demande un compte "
                               "« responsable » (ou le compte propriétaire de la base) : votre "
                               f"compte « {reader} » est « lecture ». Demandez-le à un "
                               "responsable de l'association. Rien n'a été modifié.\n")
    with team.owner() as owner:
        assert ids(owner, "SELECT id FROM import_batches") == [1]  # the example's only


def test_the_password_is_asked_twice_on_a_terminal(
        capsys: pytest.CaptureFixture[str], team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_ENV)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    typed = iter([PASSWORD, OTHER, PASSWORD, PASSWORD])
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr("getpass.getpass", getpass)
    login = team.login("lecteur")
    team.logins.append(login)
    argv = ["--db", team.owner_url, "account", "add", login, "--role", "lecture"]
    assert _said(capsys, *argv) == (2, f"Erreur : {MISMATCH}\n")
    assert _said(capsys, *argv)[0] == 0
    assert prompts == [f"Mot de passe du compte « {login} » : ",
                       "Le même, une seconde fois : "] * 2
    with team.connect(login) as sql:
        assert ids(sql, "SELECT count(*) FROM households") == [4]


def test_server_init_by_another_account_than_the_owner_is_refused(
        capsys: pytest.CaptureFixture[str], team: Team) -> None:
    chief = team.add("chef", "responsable")
    assert _said(capsys, "--db", team.url(chief), "server", "init") == (
        1, f"Erreur : {NOT_OWNER.format(login=chief)}\n")


def test_a_login_already_taken_is_refused(capsys: pytest.CaptureFixture[str],
                                          team: Team) -> None:
    w1 = team.add("w1", "travailleur", "w1")
    add = ["--db", team.owner_url, "account", "add"]
    assert _said(capsys, *add, w1, "--role", "lecture") == (
        1, f"Erreur : {ALREADY.format(login=w1)}\n")
    group = f"suivi_{team.database}_lecture"  # a role of the server, not an account
    assert _said(capsys, *add, group, "--role", "lecture") == (
        1, f"Erreur : {TAKEN.format(login=group)}\n")


def test_a_travailleurs_server_backup_holds_its_caseload_only(
        capsys: pytest.CaptureFixture[str], team: Team, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`backup` on a server copies what the account may read: for w1, the households of
    which it is the referent (h1, h4: example 1) and their history, the association's
    records and history whole; the owner's copy has all four households."""
    from desktop_app.store.server_backup import read_server_backup

    w1 = team.add("w1", "travailleur", "w1")
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", OTHER)  # the backup's (a server has no other)
    copies = {}
    for who, url in (("w1", team.url(w1)), ("owner", team.owner_url)):
        code, said = _said(capsys, "--db", url, "backup", "--out", str(tmp_path / who))
        assert code == 0
        copies[who] = read_server_backup(Path(said.strip()), OTHER)
    mine, whole = copies["w1"], copies["owner"]
    assert [h["id"] for h in mine.caseload["households"]] == ["h1", "h4"]
    assert [m["id"] for m in mine.caseload["measures"]] == ["m1", "m4"]
    assert [w["id"] for w in mine.caseload["workers"]] == ["w1", "w2"]
    # The history: its households' entries, and the association's (no household) as all.
    assert {e["household_id"] for e in mine.audit} == {None, "h1", "h4"}
    assert [h["id"] for h in whole.caseload["households"]] == ["h1", "h2", "h3", "h4"]
    assert {e["household_id"] for e in whole.audit} == {None, "h1", "h2", "h3", "h4"}
    assert [e for e in mine.audit if e["household_id"] in (None, "h1", "h4")] == [
        e for e in whole.audit if e["household_id"] in (None, "h1", "h4")]


def test_what_the_account_commands_refuse(capsys: pytest.CaptureFixture[str], team: Team,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusals of `store.account_admin` (the window's too), said in French, exit 1;
    nothing changed."""
    chief = team.add("chef", "responsable")
    reader = team.add("lecteur", "lecture")
    nobody = team.login("personne")
    as_chief = ["--db", team.url(chief), "account"]
    for argv, says in (
            ([*as_chief, "disable", nobody], NO_SUCH_ACCOUNT.format(login=nobody)),
            ([*as_chief, "password", nobody], NO_SUCH_ACCOUNT.format(login=nobody)),
            ([*as_chief, "add", "Marie.Dupont", "--role", "lecture"],
             BAD_LOGIN.format(login="Marie.Dupont")),
            ([*as_chief, "disable", "2marie"], BAD_LOGIN.format(login="2marie")),
            ([*as_chief, "disable", chief], SELF.format(login=chief)),
            (["--db", team.url(reader), "account", "list"],
             NOT_MANAGER.format(login=reader, group="lecture")),
            (["--db", team.url(reader), "account", "disable", chief],
             NOT_MANAGER.format(login=reader, group="lecture"))):
        assert _said(capsys, *argv) == (1, f"Erreur : {says}\n"), argv
    assert NO_SUCH_ACCOUNT.format(login="x") == (
        "Aucun compte « x » dans cette base : vérifiez l'identifiant (la liste est dans "
        "« account list », ou l'écran Équipe › Comptes). Rien n'a été modifié.")
    assert SELF.format(login="x") == (
        "Votre propre compte « x » ne peut pas être désactivé depuis ce compte : vous perdriez "
        "l'accès à la base. Demandez-le à un autre responsable, ou au compte propriétaire de "
        "la base. Rien n'a été modifié.")
    # A weak new password: refused before the server is asked (exit 2), the old one kept.
    monkeypatch.setenv(PASSWORD_ENV, "Court-1")
    assert _said(capsys, *as_chief, "password", reader) == (
        2, "Erreur : Mot de passe refusé : Trop faible. Il manque 5 caractères ; ou bien "
           "écrivez une phrase d'au moins 7 mots (1 mot pour l'instant). Rien n'a été "
           "modifié.\n")
    with team.owner() as owner:
        assert ids(owner, "SELECT login FROM accounts WHERE disabled_on IS NULL") == sorted(
            [chief, reader])
    with team.connect(reader) as sql:  # its password unchanged
        assert ids(sql, "SELECT count(*) FROM households") == [4]
    assert _said(capsys, *as_chief, "share", reader, "h2")[0] == 0
    code, said = _said(capsys, *as_chief, "list")
    made = date.today().strftime("%d/%m/%Y")  # `Team.add` makes the accounts today
    assert (code, said) == (0, f"{chief} — responsable — sans travailleur — créé le {made} — "
                               f"actif\n{reader} — lecture — sans travailleur — créé le {made} "
                               "— actif — ménages partagés : h2\n")
