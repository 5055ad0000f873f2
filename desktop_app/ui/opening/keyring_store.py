"""Remembering a store's passphrase in the OS key store (`keyring`: Windows Credential
Manager, macOS Keychain, Secret Service on Linux), as the user chooses.

Degrades gracefully: with no usable backend (a CI machine, a Linux without Secret Service)
`available()` is False and `reason` says why in French; reading gives None, writing False.
Every call may block on the OS (D-Bus, an unlock prompt): call them off the GUI thread,
except `available()`, which only asks keyring which backend it chose.

The entry is named by the store's absolute path (service « Suivi FSL »), or for the password
of the association's server by the server's URL without password
(`server_settings.keyring_entry`): never a household's name. The secret itself is never
written anywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

SERVICE = "Suivi FSL"
NO_BACKEND = ("Aucun trousseau de mots de passe n'est disponible sur cet ordinateur "
              "(gestionnaire d'identification Windows, trousseau macOS ou Secret Service "
              "sous Linux) : le mot de passe sera demandé à chaque ouverture.")


class KeyStore(Protocol):
    """What the window needs of a key store (the real one, or a dict in tests)."""

    def available(self) -> bool: ...

    @property
    def reason(self) -> str: ...

    def get(self, database: Path | str) -> str | None: ...

    def remember(self, database: Path | str, passphrase: str) -> bool: ...

    def forget(self, database: Path | str) -> None: ...


class OsKeyStore:
    """The OS key store through `keyring`; every failure is swallowed (nothing remembered)."""

    def __init__(self) -> None:
        self._reason = ""

    def available(self) -> bool:
        try:
            # optional: the OS keyring may be missing or broken, said as « unavailable »
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
        except Exception:  # keyring not installed or a broken backend (its words: English)
            self._reason = NO_BACKEND
            return False
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            self._reason = NO_BACKEND
            return False
        self._reason = ""
        return True

    @property
    def reason(self) -> str:
        return self._reason

    def get(self, database: Path | str) -> str | None:
        if not self.available():
            return None
        try:
            # optional: the OS keyring may be missing or broken, said as « unavailable »
            import keyring

            return keyring.get_password(SERVICE, _name(database))
        except Exception:  # locked or absent key store: as if nothing were remembered
            return None

    def remember(self, database: Path | str, passphrase: str) -> bool:
        if not self.available():
            return False
        try:
            # optional: the OS keyring may be missing or broken, said as « unavailable »
            import keyring

            keyring.set_password(SERVICE, _name(database), passphrase)
        except Exception:
            return False
        return True

    def forget(self, database: Path | str) -> None:
        if not self.available():
            return
        try:
            # optional: the OS keyring may be missing or broken, said as « unavailable »
            import keyring

            keyring.delete_password(SERVICE, _name(database))
        except Exception:  # nothing was remembered
            return


class MemoryKeyStore:
    """A key store in memory (tests, screenshots): `usable=False` plays a CI machine."""

    def __init__(self, usable: bool = True) -> None:
        self.usable = usable
        self.entries: dict[str, str] = {}

    def available(self) -> bool:
        return self.usable

    @property
    def reason(self) -> str:
        return "" if self.usable else NO_BACKEND

    def get(self, database: Path | str) -> str | None:
        return self.entries.get(_name(database)) if self.usable else None

    def remember(self, database: Path | str, passphrase: str) -> bool:
        if self.usable:
            self.entries[_name(database)] = passphrase
        return self.usable

    def forget(self, database: Path | str) -> None:
        self.entries.pop(_name(database), None)


def _name(database: Path | str) -> str:
    """A store file: its absolute path; a text (a server's entry): as it is."""
    return database if isinstance(database, str) else str(database.expanduser().resolve())
