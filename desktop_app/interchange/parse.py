"""`parse_caseload`: a JSON document checked whole, then turned into a `Caseload`.

Every problem of the file is collected before anything reaches the caller: a file with one
problem or fifty gives one `InvalidFileError` listing them all, in the order of the file
(format, association, tariffs, workers, households, homes, measures; within an object, in the
order of its keys in docs/echange.md).
"""

from __future__ import annotations

from desktop_app.domain.model import Caseload
from desktop_app.interchange import shapes
from desktop_app.interchange.association import parse_association, parse_tariffs
from desktop_app.interchange.errors import FORMAT, InvalidFileError
from desktop_app.interchange.measures import KnownIds, parse_measures
from desktop_app.interchange.people import parse_homes, parse_households, parse_workers
from desktop_app.interchange.quoting import shown
from desktop_app.interchange.values import Reader, raw_ids


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
    raw = r.obj(data, "", shapes.DOCUMENT)
    if raw is None:
        raise InvalidFileError(r.problems)
    if "format" in raw and raw["format"] != FORMAT:
        r.add("format", f"format {shown(raw['format'])} inconnu : ce logiciel lit les fichiers "
              f"« {FORMAT} » ; écrivez \"format\": \"{FORMAT}\" en tête du fichier")
    association = parse_association(r, raw)
    tariffs = parse_tariffs(r, r.items(raw, "", "tariffs"))
    known = KnownIds(*(raw_ids(raw.get(key)) for key in ("workers", "households", "homes")))
    workers = parse_workers(r, r.items(raw, "", "workers", required=True), known.workers)
    households = parse_households(r, r.items(raw, "", "households", required=True))
    homes = parse_homes(r, r.items(raw, "", "homes"))
    measures = parse_measures(r, r.items(raw, "", "measures", required=True), known)
    if r.problems:
        raise InvalidFileError(r.problems)
    return Caseload(association=association, tariffs=tariffs, workers=workers,
                    households=households, homes=homes, measures=measures)
