"""Backups: a backup restores to an identical export; an encrypted store gives an
encrypted backup; a damaged file is detected and refused, the current store never lost."""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.domain.model import Household
from desktop_app.interchange import caseload_to_json, read_file
from desktop_app.store.backup import (
    backup_info,
    list_backups,
    live_info,
    make_backup,
    quick_check,
    restore,
    restore_in_place,
)
from desktop_app.store.backup_names import staging_name
from desktop_app.store.engine import engine_passphrase
from desktop_app.store.errors import DamagedStoreError, StoreError, WrongPassphraseError
from desktop_app.store.repository import open_store
from tests.conftest import EXAMPLES

SECRET = "Sept mots : le chat boit du lait tiède"
NOW = datetime(2026, 11, 29, 9, 30, 12)
#: Households of exemple-2.json as stored (« ROGER Amina », « NOEL Chantal », « LIÉVIN »…).
NAMES = [b"ROGER", b"Amina", b"NOEL", b"Li\xc3\xa9vin"]


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _filled(path: Path, passphrase: str | None = None) -> dict[str, object]:
    store = open_store(_url(path), passphrase)
    store.import_caseload(read_file(EXAMPLES / "exemple-2.json"))
    exported = caseload_to_json(store.export_caseload())
    store.close()
    return exported


def _backup_of(path: Path, passphrase: str | None, folder: Path) -> Path:
    """A backup of the store `path` into `folder`, the store closed after it."""
    store = open_store(_url(path), passphrase)
    try:
        return make_backup(store, folder, NOW)
    finally:
        store.close()


def _export(path: Path, passphrase: str | None = None) -> dict[str, object]:
    store = open_store(_url(path), passphrase)
    try:
        return caseload_to_json(store.export_caseload())
    finally:
        store.close()


def _counts(exported: dict[str, object]) -> tuple[int, int, int, int]:
    households, measures, workers = (exported[k] for k in ("households", "measures", "workers"))
    assert isinstance(households, list) and isinstance(measures, list)
    assert isinstance(workers, list)
    visits = sum(len(m["visits"]) for m in measures)
    return len(households), len(measures), visits, len(workers)


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["clair", "chiffree"])
def test_a_backup_restores_to_an_identical_export(tmp_path: Path, passphrase: str | None) -> None:
    db = tmp_path / "suivi.sqlite3"
    original = _filled(db, passphrase)
    store = open_store(_url(db), passphrase)
    made = make_backup(store, tmp_path / "sauvegardes", NOW)
    assert made.name == "suivi-fsl-2026-11-29T093012.sqlite3.bak"
    store.save_household(Household("h99", "APRÈS Sauvegarde"))  # changed after the backup
    assert caseload_to_json(store.export_caseload()) != original
    store.close()
    info = backup_info(made, passphrase)
    # exemple-2.json's counts, read from its export (households, measures, visits, workers).
    assert (info.households, info.measures, info.visits, info.workers) == _counts(original)
    assert info.taken == NOW and info.encrypted is (passphrase is not None)
    aside = restore(made, db, passphrase, now=datetime(2026, 11, 30, 8, 0, 0))
    assert _export(db, passphrase) == original
    assert aside == tmp_path / "suivi.sqlite3.avant-restauration-2026-11-30T080000"
    assert _export(aside, passphrase) != original  # the store as it was, kept aside whole


def test_an_encrypted_store_gives_a_backup_with_no_name_in_clear(tmp_path: Path) -> None:
    plain_db, secret_db = tmp_path / "clair.sqlite3", tmp_path / "chiffre.sqlite3"
    _filled(plain_db)
    _filled(secret_db, SECRET)
    plain = _backup_of(plain_db, None, tmp_path / "a").read_bytes()
    secret = _backup_of(secret_db, SECRET, tmp_path / "b").read_bytes()
    assert all(name in plain for name in NAMES)  # the test can fail: names are there…
    assert not [name for name in NAMES if name in secret]  # …and not here
    assert not secret.startswith(b"SQLite format 3")


def test_a_backup_needs_the_passphrase_of_the_store(tmp_path: Path) -> None:
    db = tmp_path / "chiffre.sqlite3"
    _filled(db, SECRET)
    made = _backup_of(db, SECRET, tmp_path)
    with pytest.raises(WrongPassphraseError, match=r"^Mot de passe incorrect : la sauvegarde"):
        backup_info(made, "autre chose")
    with pytest.raises(WrongPassphraseError, match="est chiffrée : donnez le mot de passe"):
        restore(made, db, None)
    assert _export(db, SECRET)["households"]  # untouched
    other = open_store(_url(tmp_path / "autre.sqlite3"), "un autre mot de passe")
    with pytest.raises(StoreError, match="chiffrée avec un autre mot de passe"):
        live_info(other.engine, made)  # read through a store of another key
    other.close()


def test_a_plain_backup_restored_for_an_encrypted_store_is_encrypted(tmp_path: Path) -> None:
    plain_db, db = tmp_path / "clair.sqlite3", tmp_path / "chiffre.sqlite3"
    original = _filled(plain_db)
    made = _backup_of(plain_db, None, tmp_path)
    assert restore(made, db, SECRET) is None  # no store there yet: nothing put aside
    assert not db.read_bytes().startswith(b"SQLite format 3")
    assert _export(db, SECRET) == original


def _damage_visits(path: Path) -> None:
    """Overwrite 600 bytes at the start of the page holding the visits (a bad sector under
    data in use: the middle of the file may be an empty index page, whose unused bytes no
    check can tell from good ones, depending on the schema's layout)."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'visits'").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start:start + 600] = b"\xa5" * 600
    path.write_bytes(bytes(data))


#: SQLite's page size in the store (SQLCipher's too).
PAGE = 4096


def _damage_middle(path: Path) -> None:
    """Overwrite 600 bytes in the middle of the file (a bad sector, a bad copy), from the
    start of a page: its header, which the integrity check reads (the unused end of a page,
    an empty table's, may hold anything unnoticed)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // PAGE * PAGE
    data[middle:middle + 600] = b"\xa5" * 600
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["clair", "chiffree"])
@pytest.mark.parametrize("how", ["milieu", "tronque"])
def test_a_damaged_backup_is_refused_and_the_store_kept(tmp_path: Path, how: str,
                                                        passphrase: str | None) -> None:
    db = tmp_path / "suivi.sqlite3"
    original = _filled(db, passphrase)
    made = _backup_of(db, passphrase, tmp_path / "s")
    if how == "milieu":
        _damage_middle(made)
    else:
        made.write_bytes(made.read_bytes()[: made.stat().st_size // 2 + 100])
    with pytest.raises(DamagedStoreError, match=r"^La sauvegarde .* est endommagée .* ne peut "
                       "pas être restaurée. Choisissez une autre sauvegarde"):
        restore(made, db, passphrase)
    assert _export(db, passphrase) == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s", "suivi.sqlite3",
                                                          "suivi.sqlite3.verrou"]


def test_not_a_backup_and_missing_backup_are_said_in_french(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3.bak"
    other.write_text("Ceci n'est pas une base.\n" * 100)
    with pytest.raises(DamagedStoreError, match="n'est pas une sauvegarde de Suivi FSL"):
        backup_info(other, None)
    with pytest.raises(StoreError, match="est introuvable"):
        backup_info(tmp_path / "absente.bak", None)


def test_a_damaged_store_fails_the_quick_check(tmp_path: Path) -> None:
    db = tmp_path / "suivi.sqlite3"
    _filled(db)
    store = open_store(_url(db))
    assert quick_check(store.engine) == []
    store.close()
    _damage_visits(db)
    from desktop_app.store.startup import open_checked

    with pytest.raises(DamagedStoreError, match=r"^La base .* est endommagée .* Restaurez la "
                       "dernière sauvegarde"):
        open_checked(_url(db))


def test_a_file_that_is_no_database_is_a_damaged_store(tmp_path: Path) -> None:
    db = tmp_path / "suivi.sqlite3"
    db.write_bytes(b"\x00garbage" * 1000)
    from desktop_app.store.startup import open_checked

    with pytest.raises(DamagedStoreError, match="n'est pas une base Suivi FSL lisible"):
        open_checked(_url(db))


def test_backups_of_one_second_do_not_overwrite_and_no_half_file_is_left(
        tmp_path: Path) -> None:
    db = tmp_path / "suivi.sqlite3"
    _filled(db)
    store = open_store(_url(db))
    first, second = (make_backup(store, tmp_path / "s", NOW) for _ in range(2))
    assert second.name == "suivi-fsl-2026-11-29T093013.sqlite3.bak"  # one second later
    assert list_backups(tmp_path / "s") == [second, first]
    with pytest.raises(StoreError, match=r"^Impossible d'écrire la sauvegarde dans"):
        make_backup(store, db / "pas-un-dossier", NOW)  # a file stands where a folder should
    store.close()
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [first.name, second.name]


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["clair", "chiffree"])
def test_restore_in_place_through_the_open_store_needs_no_passphrase(
        tmp_path: Path, passphrase: str | None) -> None:
    db = tmp_path / "suivi.sqlite3"
    original = _filled(db, passphrase)
    store = open_store(_url(db), passphrase)
    made = make_backup(store, tmp_path / "s", NOW)
    store.save_household(Household("h99", "APRÈS Sauvegarde"))
    assert engine_passphrase(store.engine) == passphrase  # the engine's key, none for a plain store
    info = live_info(store.engine, made)  # the store's key reads the backup
    assert (info.households, info.measures, info.visits, info.workers) == _counts(original)
    aside = restore_in_place(store, made, datetime(2026, 11, 30, 8, 0, 0))
    assert caseload_to_json(store.export_caseload()) == original  # the same object, reopened
    store.save_household(Household("h100", "APRÈS Restauration"))  # and writable
    store.close()
    assert aside is not None and _export(aside, passphrase)["households"][-1]["id"] == "h99"


def test_a_plain_backup_is_encrypted_when_restored_in_an_encrypted_store(
        tmp_path: Path) -> None:
    plain_db, db = tmp_path / "clair.sqlite3", tmp_path / "chiffre.sqlite3"
    original = _filled(plain_db)
    made = _backup_of(plain_db, None, tmp_path / "s")
    _filled(db, SECRET)
    store = open_store(_url(db), SECRET)
    store.save_household(Household("h99", "APRÈS Sauvegarde"))
    restore_in_place(store, made, encrypt_plain=True)  # asked for expressly
    assert caseload_to_json(store.export_caseload()) == original
    store.close()
    assert not [name for name in NAMES if name in db.read_bytes()]


def test_a_damaged_backup_is_refused_in_place_and_the_store_kept(tmp_path: Path) -> None:
    db = tmp_path / "chiffre.sqlite3"
    _filled(db, SECRET)
    store = open_store(_url(db), SECRET)
    made = make_backup(store, tmp_path / "s", NOW)
    store.save_household(Household("h99", "APRÈS Sauvegarde"))
    expected = caseload_to_json(store.export_caseload())
    _damage_middle(made)
    with pytest.raises(DamagedStoreError, match=r"^La sauvegarde .* (est endommagée|ne peut "
                       "pas être lue : elle est endommagée)"):
        restore_in_place(store, made)
    assert caseload_to_json(store.export_caseload()) == expected
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chiffre.sqlite3",
                                                          "chiffre.sqlite3.verrou", "s"]


def test_a_damaged_store_is_not_backed_up_over_good_backups(tmp_path: Path) -> None:
    db = tmp_path / "suivi.sqlite3"
    _filled(db)
    store = open_store(_url(db))
    good = make_backup(store, tmp_path / "s", NOW)
    store.close()  # WAL folded in; then bad bytes under the visits
    _damage_visits(db)
    with pytest.raises(DamagedStoreError, match=r"^La base .*suivi\.sqlite3 est endommagée "
                       r"\(SQLite y trouve des erreurs : .*\)\. Restaurez la dernière"):
        make_backup(store, tmp_path / "s", datetime(2026, 11, 30, 9, 0, 0))
    assert list_backups(tmp_path / "s") == [good]  # and no half file beside it
    assert [p.name for p in (tmp_path / "s").iterdir()] == [good.name]


def test_another_process_backing_up_in_the_same_second_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "suivi.sqlite3"
    _filled(db)
    folder = tmp_path / "sauvegardes"
    folder.mkdir()
    final = folder / "suivi-fsl-2026-11-29T093012.sqlite3.bak"  # NOW's name
    assert staging_name(final, 4242) == folder / (
        ".suivi-fsl-2026-11-29T093012.sqlite3.bak.4242.en-cours")
    theirs = staging_name(final, os.getppid())  # being written by another process (running)
    theirs.write_bytes(b"sauvegarde en cours d'un autre processus")
    store = open_store(_url(db))
    try:
        assert make_backup(store, folder, NOW) == final
    finally:
        store.close()
    assert theirs.read_bytes() == b"sauvegarde en cours d'un autre processus"
    assert not staging_name(final).exists()  # ours renamed into place


def test_a_full_disk_while_restoring_is_said_in_french(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "suivi.sqlite3"
    original = _filled(db)
    store = open_store(_url(db))
    made = make_backup(store, tmp_path / "s", NOW)
    store.close()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.store.backup.copy_private", full)
    with pytest.raises(StoreError) as error:
        restore(made, db, None)
    assert str(error.value) == (
        f"La base {db} n'a pas pu être remplacée (le disque est plein) : elle est restée telle "
        "qu'elle était. Fermez les autres fenêtres de Suivi FSL puis réessayez.")
    assert _export(db) == original  # untouched


def _schema_text(backup: Path, index: str, sql: bytes) -> None:
    """The SQL SQLite keeps for `index` replaced by `sql` (a damaged schema page)."""
    import sqlite3

    connection = sqlite3.connect(backup)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = CAST(? AS TEXT) WHERE name = ?",
                           (sql, index))
        connection.commit()
    finally:
        connection.close()


def test_a_backup_whose_damage_is_not_utf8_is_said_in_french(tmp_path: Path) -> None:
    """SQLite's own message quoted the damaged bytes: the driver failed to decode it and
    « 'utf-8' codec can't decode byte… » was shown. Now French only."""
    from tests.store.restore_helpers import backup_of, filled

    filled(tmp_path / "suivi.sqlite3", None)
    made = backup_of(tmp_path / "suivi.sqlite3", None, tmp_path / "s")
    _schema_text(made, "ix_measures_household_id",
                 b"CREATE INDEX ix_measures_household_id ON \xff\xfe (household_id)")
    with pytest.raises(DamagedStoreError) as raised:
        backup_info(made, None)
    assert isinstance(raised.value.__cause__, UnicodeDecodeError)  # the case of the issue
    assert str(raised.value) == (
        f"La sauvegarde {made} est endommagée (contenu illisible) : elle ne peut pas être "
        "restaurée. Choisissez une autre sauvegarde (la précédente, ou celle d'un autre "
        "support).")


def test_sqlite_s_english_check_lines_are_not_shown(tmp_path: Path) -> None:
    from desktop_app.store.backup import check_backup
    from tests.store.restore_helpers import backup_of, filled

    filled(tmp_path / "suivi.sqlite3", None)
    made = backup_of(tmp_path / "suivi.sqlite3", None, tmp_path / "s")
    # The index said to be on another column: « row 1 missing from index … » for SQLite.
    _schema_text(made, "ix_measures_household_id",
                 b"CREATE INDEX ix_measures_household_id ON measures (referent_id)")
    with pytest.raises(DamagedStoreError) as raised:
        check_backup(made, None)
    assert str(raised.value) == (
        f"La sauvegarde {made} est endommagée (SQLite y trouve 1 erreur) : elle ne peut pas "
        "être restaurée. Choisissez une autre sauvegarde (la précédente, ou celle d'un autre "
        "support).")


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["sans-mot-de-passe", "avec"])
def test_a_file_of_random_bytes_is_not_a_backup(tmp_path: Path,
                                                passphrase: str | None) -> None:
    """1 MiB of random bytes looks like SQLCipher (no SQLite header, whole pages): it was
    said to be « chiffrée » (give the passphrase) or encrypted with another passphrase."""
    import random

    noise = tmp_path / "aleatoire.bin"
    noise.write_bytes(random.Random(20261201).randbytes(1 << 20))
    with pytest.raises(DamagedStoreError) as raised:
        backup_info(noise, passphrase)
    assert str(raised.value) == (f"Le fichier {noise} n'est pas une sauvegarde de Suivi FSL : "
                                 "choisissez un fichier « suivi-fsl-….sqlite3.bak ».")
    store = tmp_path / "suivi.sqlite3"
    with pytest.raises(DamagedStoreError, match="n'est pas une sauvegarde de Suivi FSL"):
        restore(noise, store, passphrase)
    assert not store.exists()
