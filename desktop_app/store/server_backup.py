"""The backup of a store on a PostgreSQL server: an encrypted logical export.

A server's files are backed up on the server by its owner (`pg_dump`, base backups:
docs/serveur.md, « Sauvegardes du serveur »). What `suivi-fsl --db postgresql://… backup`
makes is what the connected account may read, in one file a worker can keep:

- taken in ONE read transaction (`engine.read`: REPEATABLE READ on PostgreSQL), so the
  caseload, the audit trail and the bilans' texts are one state of the store, whatever the
  other workers save meanwhile; row-level security, where the server has it, leaves out what
  the account may not read;
- a JSON document (`DOCUMENT`): the interchange export (`caseload_to_json`, the suivi-fsl/1
  format of docs/echange.md), the audit trail (`audit`) and the bilans' texts (`bilans`);
- compressed (gzip), then encrypted with AES-256-GCM (authenticated: a changed byte, or the
  wrong passphrase, is refused rather than read wrong) under a key derived from the
  passphrase by scrypt (RFC 7914), the `cryptography` package's implementations;
- the file: the line `MAGIC`, a line of JSON giving the KDF's parameters, its salt and the
  nonce (base64), then the ciphertext. Both lines are the AEAD's associated data: they are
  authenticated too. Anyone with the passphrase can read it with a few lines of Python
  (docs/serveur.md), no Suivi FSL needed;
- written atomically and privately (`private_files`), named `suivi-fsl-<date>T<heure>.serveur.bak`
  beside the file backups' `….sqlite3.bak`, and rotated the same way.

Restoring such a backup into a server store is not done by the application: the server's
owner restores the server's own backups (docs/serveur.md).
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import Connection, Engine, select

from desktop_app.domain.model import Caseload
from desktop_app.domain.passphrase import assess
from desktop_app.interchange import caseload_to_json
from desktop_app.private_files import private_folder, write_bytes
from desktop_app.store import fetch
from desktop_app.store.backup_names import PREFIX, STAMP, rotate, stamped
from desktop_app.store.engine import read, shown_url
from desktop_app.store.errors import (
    RefusedError,
    StoreError,
    WrongPassphraseError,
    environment_errors,
)
from desktop_app.store.tables import AUDIT, BILAN_TEXTS

#: The first line of every server backup.
MAGIC = b"SUIVI-FSL-SAUVEGARDE-SERVEUR/1"
#: The `format` of the JSON document inside.
DOCUMENT = "suivi-fsl-sauvegarde-serveur/1"
SUFFIX = ".serveur.bak"
_NAME = re.compile(r"^suivi-fsl-(\d{4}-\d{2}-\d{2}T\d{6})\.serveur\.bak$")
#: scrypt's cost: 2**17 × 8 × 128 bytes = 128 MiB and about half a second, the parameters
#: OWASP's password-storage guidance gives for scrypt; recorded in each file's header.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
#: The most a header may ask of scrypt when read (a hostile file must not exhaust memory).
_MAX_N = 2**20

NO_PASSPHRASE = ("La sauvegarde d'une base sur un serveur est chiffrée : donnez son mot de "
                 "passe dans la variable SUIVI_FSL_PASSPHRASE (12 caractères ou plus mêlant "
                 "majuscules, minuscules, chiffres et caractères spéciaux, ou une phrase d'au "
                 "moins 7 mots). Rien n'a été écrit.")
WEAK = ("Le mot de passe de SUIVI_FSL_PASSPHRASE est trop faible pour chiffrer une "
        "sauvegarde : {verdict} Rien n'a été écrit.")
NOT_A_SERVER_BACKUP = ("« {path} » n'est pas une sauvegarde de serveur de Suivi FSL (elle "
                       "commence par « SUIVI-FSL-SAUVEGARDE-SERVEUR/1 »).")
DAMAGED = ("La sauvegarde « {path} » est abîmée (en-tête illisible) : prenez-en une autre.")
WRONG_KEY = ("Ce mot de passe n'ouvre pas la sauvegarde « {path} » (ou le fichier a été "
             "modifié depuis) : rien n'a été lu.")


class WeakPassphraseError(RefusedError):
    """No passphrase, or one too weak to encrypt a backup with."""


@dataclass(frozen=True)
class ServerBackup:
    """What a server backup holds, as read back (`read_server_backup`)."""

    taken: datetime
    server: str
    caseload: dict[str, Any]
    audit: list[dict[str, Any]]
    bilans: list[dict[str, Any]]


def check_passphrase(passphrase: str | None) -> str:
    """`passphrase` if it may encrypt a backup (domain.passphrase: the CNIL's rule), else a
    French `WeakPassphraseError`."""
    if not passphrase:
        raise WeakPassphraseError(NO_PASSPHRASE)
    strength = assess(passphrase)
    if not strength.strong:
        raise WeakPassphraseError(WEAK.format(verdict=strength.verdict))
    return passphrase


def server_backup_name(taken: datetime) -> str:
    return f"{PREFIX}{taken.strftime(STAMP)}{SUFFIX}"


def make_server_backup(engine: Engine, folder: Path, now: datetime, passphrase: str | None
                       ) -> Path:
    """The encrypted logical export of the store on `engine` into `folder` (created if
    missing, 0700), named after `now`; the passphrase is checked before anything is read."""
    key = check_passphrase(passphrase)
    taken = now.replace(microsecond=0, tzinfo=None)
    final = folder / server_backup_name(taken)
    while final.exists():  # two backups in one second: the second one a second later
        taken += timedelta(seconds=1)
        final = folder / server_backup_name(taken)
    where = shown_url(engine.url)
    with environment_errors(where), read(engine) as connection:
        document = _document(connection, taken, where)
    data = encrypt(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"), key)
    private_folder(folder)
    write_bytes(final, data)
    return final


def _document(connection: Connection, taken: datetime, where: str) -> dict[str, Any]:
    """Everything the account may read, in the one snapshot of `connection`."""
    caseload = Caseload(fetch.association(connection), fetch.tariffs(connection),
                        fetch.workers(connection), fetch.households(connection, None),
                        fetch.homes(connection), fetch.measures(connection, None, None))
    audit = [{"at": row.at.isoformat(), "profile": row.profile,
              "household_id": row.household_id, "record_kind": row.record_kind,
              "record_id": row.record_id, "action": row.action,
              "changes": json.loads(row.changes or "{}")}
             for row in connection.execute(select(AUDIT).order_by(AUDIT.c.id))]
    columns = BILAN_TEXTS.c
    bilans = [{"measure_id": row.measure_id, "kind": row.kind,
               "period_end": row.period_end.isoformat(), "situation": row.situation,
               "objectives": row.objectives, "actions": row.actions, "results": row.results,
               "renewal_request": row.renewal_request,
               "signed_on": row.signed_on.isoformat() if row.signed_on else None,
               "updated_at": row.updated_at.isoformat()}
              for row in connection.execute(select(BILAN_TEXTS).order_by(
                  columns.measure_id, columns.kind, columns.period_end))]
    return {"format": DOCUMENT, "taken": taken.isoformat(), "server": where,
            "caseload": caseload_to_json(caseload), "audit": audit, "bilans": bilans}


def encrypt(plain: bytes, passphrase: str) -> bytes:
    """`MAGIC`, the header line, then `plain` gzipped and sealed with AES-256-GCM."""
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps({"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                         "salt": _b64(salt), "cipher": "AES-256-GCM", "nonce": _b64(nonce),
                         "compression": "gzip"}, separators=(",", ":")).encode("ascii")
    prologue = MAGIC + b"\n" + header + b"\n"
    key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return prologue + AESGCM(key).encrypt(nonce, gzip.compress(plain, mtime=0), prologue)


def decrypt(data: bytes, passphrase: str, path: Path | str = "") -> bytes:
    """The plain document of a server backup's bytes; a French error if they are not one,
    or `passphrase` does not open it."""
    magic, _, rest = data.partition(b"\n")
    if magic != MAGIC:
        raise StoreError(NOT_A_SERVER_BACKUP.format(path=path))
    header_line, newline, sealed = rest.partition(b"\n")
    try:
        header = json.loads(header_line)
        salt, nonce = base64.b64decode(header["salt"]), base64.b64decode(header["nonce"])
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
        if (not newline or header.get("kdf") != "scrypt" or len(nonce) != 12
                or not 2 <= n <= _MAX_N or not 1 <= r <= 32 or not 1 <= p <= 16):
            raise ValueError(header)
    except (ValueError, KeyError, TypeError):  # JSONDecodeError and binascii.Error included
        raise StoreError(DAMAGED.format(path=path)) from None
    prologue = MAGIC + b"\n" + header_line + b"\n"
    try:
        key = _derive(passphrase, salt, n, r, p)
        return gzip.decompress(AESGCM(key).decrypt(nonce, sealed, prologue))
    except (InvalidTag, ValueError):
        raise WrongPassphraseError(WRONG_KEY.format(path=path)) from None


def read_server_backup(path: Path, passphrase: str) -> ServerBackup:
    """The content of the server backup at `path`."""
    document = json.loads(decrypt(path.read_bytes(), passphrase, path))
    return ServerBackup(datetime.fromisoformat(document["taken"]), document["server"],
                        document["caseload"], document["audit"], document["bilans"])


def taken_at(path: Path) -> datetime | None:
    """When the server backup `path` was taken, from its name; None for another file."""
    return stamped(_NAME, path)


def rotate_server_backups(folder: Path, today: date) -> list[Path]:
    """The rotation of the file backups (`backup_names.rotate`: 7 daily, 4 weekly,
    12 monthly) applied to the server backups of `folder`; the paths deleted."""
    return rotate(folder, today, taken_at)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
