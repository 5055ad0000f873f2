"""An interchange file read piece by piece, so that a department-scale file never sits in
memory as one tree of JSON objects.

`read_document` checks the file before reading it (a regular file of at most
`limits.MAX_FILE_BYTES`), decodes it as UTF-8, then walks the top-level object once: every
value is decoded except the lists, which are checked one element at a time and kept as
`Section`s (where they are in the text), with the first index of each id of the record
lists. `Document.elements` then decodes a list again, one element at a time, for the parser.

Objects are decoded with `checked_pairs`: a key written twice in one object gives a
`Duplicated` dict (the last value kept, as `json` does) that the parser reports at its path.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]  # typeshed leaves it out
from pathlib import Path

from desktop_app.domain.fr import format_count
from desktop_app.domain.limits import MAX_FILE_BYTES
from desktop_app.interchange.errors import FILE, InvalidFileError, Problem
from desktop_app.interchange.quoting import NonFinite, json_int

#: The lists of records: their ids are noted while the document is walked (references and
#: ids used twice are checked against them whatever the order of the file).
RECORDS = ("workers", "households", "homes", "measures")

_SYNTAX = {  # the messages of `json.JSONDecodeError`, in French
    "Expecting value": "une valeur est attendue (texte entre guillemets, nombre, true, false, "
                       "null, objet {…} ou liste […])",
    "Expecting ',' delimiter": "une virgule est attendue entre deux éléments",
    "Expecting ':' delimiter": "deux-points « : » attendus après le nom de la clé",
    "Expecting property name enclosed in double quotes":
        "un nom de clé entre guillemets doubles est attendu (une virgule en trop avant « } » ?)",
    "Unterminated string starting at": "texte entre guillemets jamais fermé",
    "Invalid control character at": "retour à la ligne ou tabulation dans un texte : écrivez "
                                    "\\n ou \\t",
    "Invalid \\escape": "barre oblique inverse « \\ » invalide : doublez-la (\\\\)",
    "Invalid \\uXXXX escape": "séquence \\uXXXX invalide",
    "Extra data": "texte en trop après la fin du document",
}

NESTED = ("listes [ ] ou objets { } imbriqués sur des milliers de niveaux : ce n'est pas un "
          "fichier d'échange de Suivi FSL (il en a au plus quatre), vérifiez le fichier choisi")
NOT_A_FILE = ("ce n'est pas un fichier ordinaire (un périphérique, un tube, une socket…) : "
              "choisissez le fichier .json exporté")
TOO_BIG = ("fichier trop gros : {size} octets, pour au plus {limit} octets ({mb} Mo ; "
           "l'export d'un département entier sur 10 ans en fait environ 200) : vérifiez que "
           "c'est bien un fichier d'échange de Suivi FSL, ou découpez-le")

_SPACE = re.compile(r"[ \t\n\r]*")
#: Bytes read at a time from a file that has grown since its size was checked.
_GROWN = 1 << 20


class Duplicated(dict[str, object]):
    """A JSON object with a key written more than once: the last value kept (as `json`
    does), `duplicates` the keys written twice or more, in the order of the file."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.duplicates: list[str] = []
        for key, _value in pairs:
            if key in seen and key not in self.duplicates:
                self.duplicates.append(key)
            seen.add(key)


def checked_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """`object_pairs_hook`: a dict, or a `Duplicated` if a key is written twice (one
    comparison of lengths for the usual object)."""
    found = dict(pairs)
    return found if len(found) == len(pairs) else Duplicated(pairs)


#: Decodes as the parser reads: NaN and huge numbers kept for a message, keys written twice
#: noted. `_PLAIN` only checks the syntax and reads ids while the document is walked.
_CHECKED = json.JSONDecoder(parse_constant=NonFinite, parse_int=json_int,
                            object_pairs_hook=checked_pairs)
_PLAIN = json.JSONDecoder(parse_constant=NonFinite, parse_int=json_int)


@dataclass(frozen=True, slots=True)
class Section:
    """A top-level list, not decoded: `[` at `start`, `]` just before `end`."""

    start: int
    end: int


@dataclass(slots=True)
class Document:
    """A walked interchange document: `top` holds every top-level value, a `Section` in
    place of each list (a `Duplicated` if a key is written twice); `ids` the first index of
    each id of the record lists (RECORDS), read before any record is parsed."""

    text: str
    top: object
    ids: dict[str, dict[str, int]] = field(default_factory=dict)

    def elements(self, section: Section) -> Iterator[object]:
        """The elements of a list, decoded one at a time (its syntax was checked)."""
        return _items(self.text, section.start, _CHECKED, None)


def read_document(path: Path | str) -> Document:
    """The document of an interchange file; `InvalidFileError` (one problem) if it is not a
    regular file of at most MAX_FILE_BYTES, not UTF-8 or not JSON; `OSError` if it cannot be
    opened (a folder: `IsADirectoryError`)."""
    return walk(read_text(path))


def read_text(path: Path | str) -> str:
    """The text of the file, checked before it is read: opened without waiting (a pipe with
    no writer would hang), then refused unless regular and small enough."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise InvalidFileError([Problem(FILE, NOT_A_FILE)])
        _refuse_size(info.st_size)
        pieces = [file.read(info.st_size + 1)]  # all of it, in one buffer of its size
        read = len(pieces[0])
        while read <= MAX_FILE_BYTES and (more := file.read(_GROWN)):  # grown since
            pieces.append(more)
            read += len(more)
    _refuse_size(read)
    data = b"".join(pieces)
    del pieces
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InvalidFileError([Problem(FILE, f"le fichier n'est pas en UTF-8 (caractère "
                                        f"illisible ligne {line}) : réenregistrez-le en UTF-8 "
                                        "depuis votre tableur ou éditeur")]) from None
    return text


def _refuse_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise InvalidFileError([Problem(FILE, TOO_BIG.format(
            size=format_count(size), limit=format_count(MAX_FILE_BYTES),
            mb=format_count(MAX_FILE_BYTES // 1_000_000)))])


def walk(text: str) -> Document:
    """The document of `text`, its syntax checked whole; `InvalidFileError` at the first
    syntax error, with its line and column."""
    try:
        return _walk(text)
    except json.JSONDecodeError as error:
        reason = _SYNTAX.get(error.msg, f"erreur de syntaxe JSON ({error.msg})")
        raise InvalidFileError([Problem(FILE, f"JSON mal formé ligne {error.lineno}, colonne "
                                        f"{error.colno} : {reason}")]) from None
    except RecursionError:  # thousands of [ or { one inside the other
        raise InvalidFileError([Problem(FILE, NESTED)]) from None


def _after_space(text: str, at: int) -> int:
    """The first index from `at` on that is not JSON whitespace."""
    match = _SPACE.match(text, at)
    return at if match is None else match.end()


def _walk(text: str) -> Document:
    at = _after_space(text, 0)
    if text.startswith("{", at):
        document, at = _top_object(text, at)
    elif text.startswith("[", at):  # not an interchange file: checked, not kept
        at = _skip_list(text, at)
        document = Document(text, [])
    else:
        value, at = _CHECKED.raw_decode(text, at)
        document = Document(text, value)
    at = _after_space(text, at)
    if at != len(text):
        raise json.JSONDecodeError("Extra data", text, at)
    return document


def _top_object(text: str, at: int) -> tuple[Document, int]:
    pairs: list[tuple[str, object]] = []
    ids: dict[str, dict[str, int]] = {}
    at = _after_space(text, at + 1)
    if text.startswith("}", at):
        return Document(text, {}, ids), at + 1
    while True:
        if not text.startswith('"', at):
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes",
                                       text, at)
        key, at = scanstring(text, at + 1)
        at = _after_space(text, at)
        if not text.startswith(":", at):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
        at = _after_space(text, at + 1)
        value: object
        if key in RECORDS:
            ids[key] = {}  # a key written twice: the last value counts, as for any key
        if text.startswith("[", at):
            start = at
            at = _skip_list(text, at, ids.get(key))
            value = Section(start, at)
        else:
            value, at = _CHECKED.raw_decode(text, at)
        pairs.append((key, value))
        at = _after_space(text, at)
        if text.startswith(",", at):
            at = _after_space(text, at + 1)
        elif text.startswith("}", at):
            return Document(text, checked_pairs(pairs), ids), at + 1
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)


def _items(text: str, at: int, decoder: json.JSONDecoder,
           ids: dict[str, int] | None) -> Generator[object, None, int]:
    """The elements of the list at `at`, decoded one at a time; returns where it ends. The
    first index of each id is noted in `ids` if given."""
    at = _after_space(text, at + 1)
    if text.startswith("]", at):
        return at + 1
    index = 0
    while True:
        item, at = decoder.raw_decode(text, at)
        if ids is not None and type(item) is dict:
            key = item.get("id")
            if type(key) is str:
                ids.setdefault(key, index)
        yield item
        index += 1
        at = _after_space(text, at)
        if text.startswith(",", at):
            at = _after_space(text, at + 1)
        elif text.startswith("]", at):
            return at + 1
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)


def _skip_list(text: str, at: int, ids: dict[str, int] | None = None) -> int:
    """Where the list at `at` ends, its elements checked and dropped one at a time."""
    items = _items(text, at, _PLAIN, ids)
    try:
        while True:
            next(items)
    except StopIteration as stop:
        end: int = stop.value
        return end
