"""A JSON document checked whole and turned into a `Caseload`, at once or piece by piece.

Every problem of the file is collected before anything reaches the caller: a file with one
problem or fifty gives one `InvalidFileError` listing them all, in the order of the file
(format, association, tariffs, workers, households, homes, measures; within an object, in the
order of its keys in docs/echange.md).

`document_parts` reads a walked file (`document.Document`) in pieces of at most `size`
records, so that a department-scale import never holds the whole caseload: the first piece
holds the association and the tariffs, each other piece records of one list (workers, then
households, homes, measures), in the order of the file. Pieces are given only while no
problem has been found; the rest of the file is still checked, then `InvalidFileError`
raised with every problem. `parse_caseload` is the same reading of a decoded document, in
one piece.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from desktop_app.domain.model import Association, Caseload
from desktop_app.interchange import shapes
from desktop_app.interchange.association import parse_association, parse_tariffs
from desktop_app.interchange.document import RECORDS, Document, Section
from desktop_app.interchange.errors import FORMAT, InvalidFileError
from desktop_app.interchange.fields import JsonObject
from desktop_app.interchange.measures import KnownIds, parse_measures
from desktop_app.interchange.people import parse_homes, parse_households, parse_workers
from desktop_app.interchange.quoting import shown
from desktop_app.interchange.values import Reader, first_indexes

T = TypeVar("T")
Elements = Callable[[Section], Iterable[object]]


def parse_caseload(data: object) -> Caseload:
    """The caseload of a decoded interchange document (what `json.load` gives).

    Raises `InvalidFileError` with every problem found. `tariffs` holds the file's tariffs
    only (the store adds the built-in ones); `spans` is left empty (not in the file).
    Leniencies: an optional key given as null takes its default (null, false, []); a missing
    `end` of an absence, a suspension or a stay is an open end. A report's `sent_on` must be
    there but may be null: the report is written, not sent yet. Names and free texts may be
    empty; ids and references may not. The lists keep the file's order (problem paths and
    `duplicate_id_problems` count in it).
    """
    r = Reader()
    top = r.obj(data, "", shapes.DOCUMENT)
    if top is None:
        raise InvalidFileError(r.problems)
    ids = {key: first_indexes(top.get(key)) for key in RECORDS}
    return combined(_parts(r, top, ids, _no_section, None))


def document_parts(document: Document, size: int | None) -> Iterator[Caseload]:
    """The caseload of a walked file in pieces of at most `size` records (see the module's
    doc); a file that is not an object at all is refused at once."""
    r = Reader()
    top = r.obj(document.top, "", shapes.DOCUMENT)
    if top is None:
        raise InvalidFileError(r.problems)
    return _parts(r, top, document.ids, document.elements, size)


def combined(parts: Iterator[Caseload]) -> Caseload:
    """The pieces of `document_parts` (or `_parts`) as one caseload."""
    whole = next(parts)  # the association and the tariffs
    for part in parts:
        whole.workers += part.workers
        whole.households += part.households
        whole.homes += part.homes
        whole.measures += part.measures
    return whole


def _parts(r: Reader, top: JsonObject, ids: dict[str, dict[str, int]], elements: Elements,
           size: int | None) -> Iterator[Caseload]:
    def items(key: str, required: bool = False) -> Iterable[object]:
        value = top.get(key)
        return elements(value) if type(value) is Section else r.items(top, "", key, required)

    if "format" in top and top["format"] != FORMAT:
        r.add("format", f"format {shown(top['format'])} inconnu : ce logiciel lit les fichiers "
              f"« {FORMAT} » ; écrivez \"format\": \"{FORMAT}\" en tête du fichier")
    association = parse_association(r, top)
    tariffs = parse_tariffs(r, items("tariffs"))
    if not r.problems:
        yield Caseload(association, tariffs)
    seen = {key: ids.get(key, {}) for key in RECORDS}
    known = KnownIds(seen["workers"], seen["households"], seen["homes"])
    # Each list is read only when the one before is done: problems stay in the file's order.
    for workers in _chunks(r, parse_workers(r, items("workers", True), seen["workers"]),
                           size):
        yield Caseload(Association(""), workers=workers)
    for households in _chunks(r, parse_households(r, items("households", True),
                                                  seen["households"]), size):
        yield Caseload(Association(""), households=households)
    for homes in _chunks(r, parse_homes(r, items("homes"), seen["homes"]), size):
        yield Caseload(Association(""), homes=homes)
    for measures in _chunks(r, parse_measures(r, items("measures", True), seen["measures"],
                                              known), size):
        yield Caseload(Association(""), measures=measures)
    if r.problems:
        raise InvalidFileError(r.problems)


def _chunks(r: Reader, records: Iterator[T], size: int | None) -> Iterator[list[T]]:
    """`records` by lists of `size` (all in one list for None), given only while the file
    has no problem (the records are read to the end all the same, for their problems)."""
    while True:
        chunk = list(islice(records, size))
        if not chunk:
            return
        if not r.problems:
            yield chunk


def _no_section(section: Section) -> Iterable[object]:
    raise AssertionError("a decoded document has no Section")
