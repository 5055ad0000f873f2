"""Reading one JSON value after another, noting every problem instead of stopping at the first.

Each reader returns the value, or a placeholder after noting a problem: a file with a problem
is never turned into a caseload, so placeholders never leave the parser. Messages say in
French what is wrong and how to fix it. Dates and months are parsed once per distinct string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from difflib import get_close_matches
from enum import StrEnum
from typing import TypeVar

from desktop_app.domain.dates import Month
from desktop_app.domain.limits import FIRST_YEAR, LAST_YEAR, text_limit, text_problem
from desktop_app.interchange.document import Duplicated
from desktop_app.interchange.errors import ROOT, Problem
from desktop_app.interchange.quoting import printable, readable, shown
from desktop_app.interchange.shapes import Shape

E = TypeVar("E", bound=StrEnum)
JsonObject = dict[str, object]

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_NO_DAY = date.min
_NO_MONTH = Month(1, 1)
_YEARS = f"les années vont de {FIRST_YEAR} à {LAST_YEAR}"


#: Keys of the file are shown cut to this length (no key of the contract is that long).
_LONGEST_KEY = 40


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _short_key(key: str) -> str:
    """A key of the file as a path or a message shows it: printable, at most 40 characters."""
    return printable(key if len(key) <= _LONGEST_KEY else key[:_LONGEST_KEY - 1] + "…")


class Checker:
    """Collects the problems of one file, in the order they are met."""

    __slots__ = ("_months", "days", "problems")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        #: Every date string met so far, parsed (a file has a few thousand distinct dates).
        self.days: dict[str, date] = {}
        self._months: dict[str, Month] = {}

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path or ROOT, message))

    def obj(self, raw: object, path: str, shape: Shape) -> JsonObject | None:
        """The object if it is one; notes keys written twice, unknown and missing keys."""
        if type(raw) is not dict:
            if type(raw) is not Duplicated:
                self.add(path, f"{shape.what} doit être un objet {{…}}, pas {shown(raw)}")
                return None
            self.duplicates(raw, path, shape.what)
        if not shape.allowed.issuperset(raw):
            for key in raw:
                if key not in shape.allowed:
                    self._unknown_key(path, str(key), shape)
        for key in shape.required:
            if key not in raw:
                self.add(join(path, key), f"clé obligatoire absente : ajoutez « {key} » à "
                         f"{shape.what}")
        return raw

    def opt_obj(self, raw: JsonObject, path: str, key: str,
                shape: Shape) -> tuple[JsonObject, str] | None:
        """The object under `key` (checked as `obj` does) and its path; None when it is null
        or missing, or not an object (noted)."""
        if raw.get(key) is None:
            return None
        at = join(path, key)
        found = self.obj(raw[key], at, shape)
        return None if found is None else (found, at)

    def duplicates(self, raw: Duplicated, path: str, what: str) -> None:
        """Notes each key written twice in one object (JSON would keep the last silently)."""
        for key in raw.duplicates:
            name = _short_key(key)
            self.add(join(path, name), f"clé « {name} » écrite plusieurs fois dans {what} : "
                     "gardez-en une seule (sinon seule la dernière compterait)")

    def _unknown_key(self, path: str, key: str, shape: Shape) -> None:
        name = _short_key(key)
        # No suggestion for a key longer than any of the contract (difflib's cost grows with
        # the length of the key).
        close = get_close_matches(name, shape.keys, n=1) if len(key) <= _LONGEST_KEY else []
        hint = (f"vouliez-vous dire « {close[0]} » ?" if close
                else f"clés possibles : {', '.join(shape.keys)}")
        self.add(join(path, name), f"clé inconnue « {name} » : retirez-la ou corrigez son nom "
                 f"({hint})")

    def _null(self, raw: JsonObject, path: str, key: str, expected: str) -> None:
        if key in raw:  # a missing key was noted by `obj`
            self.add(join(path, key), f"valeur obligatoire : remplacez null par {expected}")

    def items(self, raw: JsonObject, path: str, key: str, required: bool = False) -> list[object]:
        """A list (null or missing: empty)."""
        value = raw.get(key)
        if type(value) is list:
            return value
        if value is None:
            if required:
                self._null(raw, path, key, "une liste [...]")
        else:
            self.add(join(path, key), f"une liste [...] est attendue, pas {shown(value)}")
        return []

    def each(self, raw: JsonObject, path: str, key: str,
             shape: Shape) -> Iterator[tuple[int, str, JsonObject]]:
        """(index, path, object) of every valid object of the list `key`; the others are
        noted as problems and skipped."""
        for index, item in enumerate(self.items(raw, path, key)):
            at = f"{path}.{key}[{index}]"
            found = self.obj(item, at, shape)
            if found is not None:
                yield index, at, found

    def text(self, raw: JsonObject, path: str, key: str, blank: bool = False) -> str:
        """A required text; an id (`blank=False`) may not be empty or only spaces."""
        value = raw.get(key)
        if type(value) is str and (blank or value.strip()) and readable(value):
            return value if self._bounded(value, path, key) else ""
        if value is None:
            self._null(raw, path, key, "un texte entre guillemets")
        elif type(value) is str and not readable(value):
            self._unreadable(path, key)
        elif type(value) is str:
            self.add(join(path, key), "identifiant vide : écrivez-en un entre les guillemets")
        else:
            self.add(join(path, key), f"un texte entre guillemets est attendu, pas {shown(value)}")
        return ""

    def opt_text(self, raw: JsonObject, path: str, key: str) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if type(value) is str and readable(value):
            return value if self._bounded(value, path, key) else None
        if type(value) is str:
            self._unreadable(path, key)
        else:
            self.add(join(path, key), f"un texte entre guillemets (ou null) est attendu, pas "
                     f"{shown(value)}")
        return None

    def _bounded(self, value: str, path: str, key: str) -> bool:
        """Notes a text longer than the bound of its field (`limits.TEXT_LIMITS`) or with a
        NUL character; True if it is acceptable."""
        problem = text_problem(value, text_limit(key))
        if problem is not None:
            self.add(join(path, key), problem)
        return problem is None

    def _unreadable(self, path: str, key: str) -> None:
        self.add(join(path, key), "texte illisible : il contient une moitié de caractère "
                 "(« \\ud800 » à « \\udfff » sans son autre moitié) : retapez ce texte")

    def day(self, raw: JsonObject, path: str, key: str) -> date:
        value = raw.get(key)
        if value is None:
            self._null(raw, path, key, "une date AAAA-MM-JJ")
            return _NO_DAY
        return self._day(value, path, key)

    def opt_day(self, raw: JsonObject, path: str, key: str) -> date | None:
        value = raw.get(key)
        return None if value is None else self._day(value, path, key)

    def _day(self, value: object, path: str, key: str) -> date:
        if type(value) is str:
            known = self.days.get(value)
            if known is not None:
                return known
            if _DAY.fullmatch(value):
                try:
                    parsed = date.fromisoformat(value)
                except ValueError:
                    self.add(join(path, key), f"la date « {value} » n'existe pas dans le "
                             "calendrier : vérifiez le jour et le mois")
                    return _NO_DAY
                if FIRST_YEAR <= parsed.year <= LAST_YEAR:
                    self.days[value] = parsed
                    return parsed
                self.add(join(path, key), f"la date « {value} » est hors limites ({_YEARS}) : "
                         "vérifiez l'année")
                return _NO_DAY
        self.add(join(path, key), f"date mal écrite ({shown(value)}) : écrivez-la AAAA-MM-JJ, "
                 "par exemple « 2025-07-01 »")
        return _NO_DAY

    def month(self, raw: JsonObject, path: str, key: str) -> Month:
        value = raw.get(key)
        if type(value) is str:
            known = self._months.get(value)
            if known is not None:
                return known
            if _MONTH.fullmatch(value):
                if not 1 <= int(value[5:]) <= 12:
                    self.add(join(path, key), f"le mois « {value} » n'existe pas : le mois "
                             "s'écrit de 01 à 12")
                elif not FIRST_YEAR <= int(value[:4]) <= LAST_YEAR:
                    self.add(join(path, key), f"le mois « {value} » est hors limites "
                             f"({_YEARS}) : vérifiez l'année")
                else:
                    parsed = self._months[value] = Month(int(value[:4]), int(value[5:]))
                    return parsed
                return _NO_MONTH
        if value is None:
            self._null(raw, path, key, "un mois AAAA-MM")
        else:
            self.add(join(path, key), f"mois mal écrit ({shown(value)}) : écrivez-le AAAA-MM, "
                     "par exemple « 2025-09 »")
        return _NO_MONTH
