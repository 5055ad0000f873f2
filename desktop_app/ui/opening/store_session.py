"""What the window knows of the open store's protection: its file, whether it is encrypted,
how to check the passphrase at the lock screen, and the OS key store.

The passphrase itself is not kept by the window: only a salted PBKDF2 digest of it, made
once the store is open, against which the lock screen checks what is typed.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.store.records import Session
from desktop_app.ui.opening.keyring_store import KeyStore, OsKeyStore

#: Enough to make a stolen memory dump slow to search, little enough for the GUI thread
#: (about 10 ms here).
_ROUNDS = 60_000


class Secret:
    """A salted digest of the passphrase: `matches(typed)` says whether `typed` is it."""

    def __init__(self, passphrase: str) -> None:
        self._salt = os.urandom(16)
        self._digest = self._hash(passphrase)

    def _hash(self, passphrase: str) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), self._salt, _ROUNDS)

    def matches(self, typed: str) -> bool:
        return hmac.compare_digest(self._hash(typed), self._digest)


@dataclass
class StoreSession:
    """The open store as the lock and the passphrase actions see it. `secret` is None for a
    plain (unencrypted) store; `account` is who is connected to a server (None: a file)."""

    url: str = ""
    database: Path | None = None
    secret: Secret | None = None
    keystore: KeyStore = field(default_factory=OsKeyStore)
    remembered: bool = False
    account: Session | None = None

    @property
    def encrypted(self) -> bool:
        return self.secret is not None
