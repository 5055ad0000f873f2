"""Readers of money, counts, work time, flags, codes and references (see `fields.Checker`)."""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import cast

from desktop_app.domain.fr import format_date
from desktop_app.domain.limits import MAX_AMOUNT
from desktop_app.interchange.fields import Checker, E, JsonObject, join
from desktop_app.interchange.quoting import printable, shown

#: The largest count of the file (points, numbers of measures): far above any real one, far
#: below what a database integer holds (10**20 made the import fail on an OverflowError).
MAX_COUNT = 1_000_000

_MONEY = re.compile(r"[0-9]+\.[0-9]{2}")
_ZERO = Decimal("0.00")
_TABLES: dict[type[StrEnum], dict[str, StrEnum]] = {}


class Reader(Checker):
    """A `Checker` that also reads numbers, codes and references."""

    __slots__ = ()

    def money(self, raw: JsonObject, path: str, key: str) -> Decimal:
        value = raw.get(key)
        if value is None:
            self._null(raw, path, key, "un montant, par exemple « 85.95 »")
            return _ZERO
        return self._money(value, path, key)

    def opt_money(self, raw: JsonObject, path: str, key: str) -> Decimal | None:
        value = raw.get(key)
        return None if value is None else self._money(value, path, key)

    def _money(self, value: object, path: str, key: str) -> Decimal:
        if type(value) is str and _MONEY.fullmatch(value):
            amount = Decimal(value)
            if amount <= MAX_AMOUNT:
                return amount
            message = (f"montant hors limites ({shown(value)}) : il doit être au plus "
                       f"« {MAX_AMOUNT} »")
        elif type(value) is str and value.startswith("-") and _MONEY.fullmatch(value[1:]):
            message = f"montant négatif ({shown(value)}) : un montant est positif ou nul"
        elif type(value) is int or type(value) is float:
            message = (f"montant écrit comme un nombre ({shown(value)}) : écrivez-le entre "
                       "guillemets avec 2 décimales, par exemple « 85.95 »")
        else:
            message = (f"montant mal écrit ({shown(value)}) : écrivez-le entre guillemets, avec "
                       "un point et exactement 2 décimales, par exemple « 85.95 »")
        self.add(join(path, key), message)
        return _ZERO

    def count(self, raw: JsonObject, path: str, key: str, least: int = 0,
              most: int = MAX_COUNT) -> int:
        """A whole number in [least, most] (a year, points, a number of measures)."""
        value = raw.get(key)
        if type(value) is int and least <= value <= most:
            return value
        if value is None:
            self._null(raw, path, key, "un nombre entier")
        elif type(value) is not int:
            self.add(join(path, key), f"un nombre entier sans guillemets est attendu, par "
                     f"exemple 10, pas {shown(value)}")
        elif value < 0:
            self.add(join(path, key), f"nombre négatif ({_short(value)}) : il doit être positif "
                     "ou nul")
        else:
            self.add(join(path, key), f"nombre hors limites ({_short(value)}) : il doit être au "
                     f"moins {least} et au plus {most}")
        return least

    def fte(self, raw: JsonObject, path: str, key: str) -> float:
        """A work time in full-time equivalents: more than 0, at most 1."""
        value = raw.get(key)
        if type(value) is int or type(value) is float:
            if 0 < value <= 1:
                return float(value)
            self.add(join(path, key), f"quotité de travail hors limites ({shown(value)}) : elle "
                     "doit être plus grande que 0 et au plus 1 (1.0 = temps plein, 0.5 = mi-temps)")
        elif value is None:
            self._null(raw, path, key, "une quotité de travail, par exemple 0.8")
        else:
            self.add(join(path, key), f"une quotité de travail sans guillemets est attendue, "
                     f"par exemple 0.8, pas {shown(value)}")
        return 1.0

    def flag(self, raw: JsonObject, path: str, key: str, required: bool = False) -> bool:
        value = raw.get(key)
        if value is True or value is False:
            return value
        if value is None:
            if required:
                self._null(raw, path, key, "true ou false")
        else:
            self.add(join(path, key), f"true ou false (sans guillemets) est attendu, pas "
                     f"{shown(value)}")
        return False

    def code(self, raw: JsonObject, path: str, key: str, codes: type[E]) -> E:
        value = raw.get(key)
        if value is None:
            self._null(raw, path, key, f"l'un des codes {_listed(codes)}")
            return next(iter(codes))
        return self._code(value, path, key, codes)

    def opt_code(self, raw: JsonObject, path: str, key: str, codes: type[E]) -> E | None:
        value = raw.get(key)
        return None if value is None else self._code(value, path, key, codes)

    def _code(self, value: object, path: str, key: str, codes: type[E]) -> E:
        if type(value) is str:
            found = code_table(codes).get(value)
            if found is not None:
                return found
        self.add(join(path, key), f"code inconnu {shown(value)} : écrivez l'un des codes "
                 f"{_listed(codes)}")
        return next(iter(codes))

    def ref(self, value: str | None, path: str, ids: Container[str], what: str, section: str
            ) -> None:
        """Notes a reference to an id the file does not define (`what`: « le ménage »)."""
        if value is not None and value not in ids:
            self.add(path, f"{what} « {printable(value)} » n'existe pas dans le fichier : "
                     f"ajoutez-le à « {section} » ou corrigez l'identifiant")

    def ordered(self, start: date, end: date | None, path: str, mark: int) -> None:
        """Notes an end before its start, unless one of them was already wrong (since `mark`)."""
        if end is not None and end < start and len(self.problems) == mark:
            self.add(join(path, "end"), f"la fin ({format_date(end)}) précède le début "
                     f"({format_date(start)}) : corrigez l'une des deux dates")


def _short(value: int) -> str:
    """A whole number as a message quotes it: its first 20 digits at most."""
    text = str(value)
    return text if len(text) <= 20 else f"{text[:20]}… ({len(text.lstrip('-'))} chiffres)"


def code_table(codes: type[E]) -> dict[str, E]:
    """Code → member, built once per enum (a dict look-up is ten times faster than `codes(x)`)."""
    table = _TABLES.get(codes)
    if table is None:
        table = _TABLES[codes] = {member.value: member for member in codes}
    return cast("dict[str, E]", table)


def _listed(codes: type[E]) -> str:
    return ", ".join(f"« {code.value} »" for code in codes)


def first_indexes(items: object) -> dict[str, int]:
    """Id → index of the first object that has it, of a list of records: read before its
    objects so that references and ids used twice can be checked in one pass whatever the
    order of the file (a section that is not a list defines none). `document.walk` notes
    the same while it walks a file."""
    found: dict[str, int] = {}
    if type(items) is list:
        for index, item in enumerate(items):
            if isinstance(item, dict) and type(item.get("id")) is str:
                found.setdefault(item["id"], index)
    return found


def check_unique(reader: Reader, value: str, section: str, index: int, seen: dict[str, int],
                 noun: str) -> None:
    """Notes the second use of an id within one section (`seen`: id → first index, filled
    beforehand by `first_indexes` or as the section is read)."""
    first = seen.setdefault(value, index)
    if first != index and value:
        reader.add(f"{section}[{index}].id", f"l'identifiant « {printable(value)} » est déjà "
                   f"celui de {section}[{first}] : donnez un identifiant différent à chaque {noun}")
