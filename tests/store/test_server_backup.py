"""The backup of a store on a PostgreSQL server: one snapshot of what the account
may read, encrypted (AES-256-GCM, scrypt), read back and compared with the store's export."""

from __future__ import annotations

import base64
import gzip
import json
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.model import Household
from desktop_app.interchange import caseload_to_json
from desktop_app.store import fetch
from desktop_app.store.errors import StoreError, WrongPassphraseError
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.store.server_backup import (
    DOCUMENT,
    MAGIC,
    NO_PASSPHRASE,
    WeakPassphraseError,
    make_server_backup,
    read_server_backup,
    rotate_server_backups,
)
from tests.postgres import TestServer, url_text
from tests.store.builders import full_caseload

PASSPHRASE = "Soleil-2025-Arras"  # 17 characters of the four kinds: strong enough
TAKEN = datetime(2026, 12, 4, 9, 30, 12)
BILAN = BilanText("Mme Durand vit seule.", "Régler la dette.", "Plan d'apurement.",
                  "Dette soldée.", "")


@pytest.fixture
def pg_store(pg_server: TestServer) -> Iterator[SqlStore]:
    database = pg_server.create()
    store = open_store(url_text(pg_server.url_of(database)))
    try:
        yield store
    finally:
        store.close()
        pg_server.drop(database)


def _filled(store: SqlStore) -> SqlStore:
    caseload = full_caseload()
    store.import_caseload(caseload, source="import.json")
    measure = caseload.measures[0]
    report = measure.reports[0]
    store.save_bilan_text(measure.id, report.kind, report.period_end, BILAN, None,
                          date(2026, 1, 15))
    return store


def test_the_backup_decrypts_to_the_store_export_with_its_audit_trail_and_bilans(
        pg_store: SqlStore, tmp_path: Path) -> None:
    store = _filled(pg_store)
    folder = tmp_path / "sauvegardes"
    made = make_server_backup(store.engine, folder, TAKEN, PASSPHRASE)
    assert made == folder / "suivi-fsl-2026-12-04T093012.serveur.bak"
    if os.name == "posix":
        assert os.stat(folder).st_mode & 0o777 == 0o700
        assert os.stat(made).st_mode & 0o777 == 0o600
    data = made.read_bytes()
    assert data.startswith(MAGIC + b"\n") and b"DURAND" not in data
    backup = read_server_backup(made, PASSPHRASE)
    assert backup.taken == TAKEN and "***" in backup.server
    assert backup.caseload == caseload_to_json(store.export_caseload())
    households = {h.id for h in store.export_caseload().households}
    with store.engine.connect() as c:
        trail = [entry for h in sorted(households) for entry in fetch_history(c, h)]
    assert len(backup.audit) >= len(trail) > 0  # every household's history, and the rest
    measure = full_caseload().measures[0]
    assert backup.bilans == [{
        "measure_id": measure.id, "kind": str(measure.reports[0].kind),
        "period_end": measure.reports[0].period_end.isoformat(),
        "situation": "Mme Durand vit seule.", "objectives": "Régler la dette.",
        "actions": "Plan d'apurement.", "results": "Dette soldée.", "renewal_request": "",
        "signed_on": None, "updated_at": backup.bilans[0]["updated_at"]}]
    assert [(e["record_kind"], e["action"]) for e in backup.audit
            if e["record_kind"] == "bilan"] == [("bilan", "create")]


def fetch_history(connection, household_id: str) -> list[object]:  # type: ignore[no-untyped-def]
    from desktop_app.store.audit import history

    return list(history(connection, household_id))


def test_the_documented_format_is_read_with_the_cryptography_package_alone(
        pg_store: SqlStore, tmp_path: Path) -> None:
    """docs/serveur.md's recipe: the header gives scrypt's parameters and the nonce; both
    lines are the associated data; the plain text is gzipped JSON."""
    store = _filled(pg_store)
    made = make_server_backup(store.engine, tmp_path, TAKEN, PASSPHRASE)
    magic, header_line, sealed = made.read_bytes().split(b"\n", 2)
    header = json.loads(header_line)
    assert (magic, header["kdf"], header["n"], header["r"], header["p"], header["cipher"]) == (
        b"SUIVI-FSL-SAUVEGARDE-SERVEUR/1", "scrypt", 2**17, 8, 1, "AES-256-GCM")
    key = Scrypt(salt=base64.b64decode(header["salt"]), length=32, n=header["n"],
                 r=header["r"], p=header["p"]).derive(PASSPHRASE.encode())
    plain = AESGCM(key).decrypt(base64.b64decode(header["nonce"]), sealed,
                                magic + b"\n" + header_line + b"\n")
    document = json.loads(gzip.decompress(plain))
    assert document["format"] == DOCUMENT
    assert document["caseload"]["format"] == "suivi-fsl/1"
    assert document["caseload"] == caseload_to_json(store.export_caseload())


def test_the_backup_is_one_snapshot_whatever_is_saved_meanwhile(
        pg_store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A household saved by another worker once the backup has begun reading is in neither
    its households nor its audit trail: everything comes from the snapshot of the start."""
    store = _filled(pg_store)
    before = caseload_to_json(store.export_caseload())
    first_read = fetch.association

    def association_then_a_colleague_saves(connection):  # type: ignore[no-untyped-def]
        found = first_read(connection)  # the snapshot is taken by this first query
        store.save_household(Household("h-nouveau", "NOUVEAU Paul", "FSL-2026-0999"),
                             new=True)
        return found

    monkeypatch.setattr(fetch, "association", association_then_a_colleague_saves)
    backup = read_server_backup(make_server_backup(store.engine, tmp_path, TAKEN, PASSPHRASE),
                                PASSPHRASE)
    monkeypatch.undo()
    assert backup.caseload == before
    assert not [e for e in backup.audit if e["record_id"] == "h-nouveau"]
    assert "h-nouveau" in {h.id for h in store.export_caseload().households}  # it was saved


def test_a_wrong_passphrase_or_a_changed_byte_is_refused_in_french(
        pg_store: SqlStore, tmp_path: Path) -> None:
    made = make_server_backup(_filled(pg_store).engine, tmp_path, TAKEN, PASSPHRASE)
    with pytest.raises(WrongPassphraseError, match="Ce mot de passe n'ouvre pas la "
                       "sauvegarde") as wrong:
        read_server_backup(made, PASSPHRASE + "x")
    assert str(made) in str(wrong.value)
    data = bytearray(made.read_bytes())
    data[-40] ^= 1
    made.write_bytes(bytes(data))
    with pytest.raises(WrongPassphraseError):
        read_server_backup(made, PASSPHRASE)
    other = tmp_path / "autre.bak"
    other.write_bytes(b"SQLite format 3\x00")
    with pytest.raises(StoreError, match="n'est pas une sauvegarde de serveur"):
        read_server_backup(other, PASSPHRASE)


@pytest.mark.parametrize(("passphrase", "said"), [
    (None, NO_PASSPHRASE),
    ("", NO_PASSPHRASE),
    ("soleil", "Le mot de passe de SUIVI_FSL_PASSPHRASE est trop faible pour chiffrer une "
               "sauvegarde : Trop faible. Il manque 6 caractères, une majuscule, un chiffre et "
               "un caractère spécial ; ou bien écrivez une phrase d'au moins 7 mots (1 mot "
               "pour l'instant). Rien n'a été écrit."),
])
def test_no_passphrase_or_a_weak_one_writes_nothing(
        pg_store: SqlStore, tmp_path: Path, passphrase: str | None, said: str) -> None:
    folder = tmp_path / "sauvegardes"
    with pytest.raises(WeakPassphraseError) as refused:
        make_server_backup(pg_store.engine, folder, TAKEN, passphrase)
    assert str(refused.value) == said
    assert not folder.exists()


def test_the_rotation_keeps_the_server_backups_the_file_rotation_would(tmp_path: Path) -> None:
    """7 daily, 4 weekly, 12 monthly, as for the file backups; other files untouched."""
    names = [f"suivi-fsl-2026-12-{day:02d}T090000.serveur.bak" for day in range(1, 5)]
    names += ["suivi-fsl-2026-10-01T090000.serveur.bak", "suivi-fsl-2026-10-02T090000.serveur.bak",
              "suivi-fsl-2026-10-02T090000.sqlite3.bak", "notes.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = rotate_server_backups(tmp_path, date(2026, 12, 4))
    # October: two backups in one month, far from today's week: only its latest is kept.
    assert [p.name for p in removed] == ["suivi-fsl-2026-10-01T090000.serveur.bak"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        set(names) - {"suivi-fsl-2026-10-01T090000.serveur.bak"})
