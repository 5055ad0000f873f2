"""Reading and writing interchange files: UTF-8 JSON, read piece by piece, written
atomically and privately."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from desktop_app.domain.model import Caseload
from desktop_app.interchange.document import read_document
from desktop_app.interchange.parse import combined, document_parts
from desktop_app.interchange.serialize import caseload_to_json
from desktop_app.private_files import write_text

#: Records per piece of `read_parts`: the import holds one piece at a time (5 000 measures
#: of a department with their visits: some tens of MB at most).
PART_SIZE = 5_000


def read_file(path: Path | str) -> Caseload:
    """The caseload of an interchange file, whole; `InvalidFileError` if it is not a regular
    file of at most `limits.MAX_FILE_BYTES`, not UTF-8 JSON, or does not validate (`OSError`
    if it cannot be read at all). A UTF-8 byte order mark is allowed."""
    return combined(read_parts(path, None))


def read_parts(path: Path | str, size: int | None = PART_SIZE) -> Iterator[Caseload]:
    """The caseload of an interchange file in pieces of at most `size` records
    (`parse.document_parts`). The file is read and its syntax checked before this returns
    (`InvalidFileError`, `OSError` as `read_file`); the problems of its content are raised
    by the last piece taken, pieces being given only while there is none."""
    return document_parts(read_document(path), size)


def write_file(caseload: Caseload, path: Path | str) -> None:
    """Writes the canonical document (`caseload_to_json`) as UTF-8, indented by one space,
    atomically and privately (`private_files`): a crash or a full disk never leaves a
    half-written export in place of the old one."""
    text = json.dumps(caseload_to_json(caseload), ensure_ascii=False, indent=1) + "\n"
    write_text(path, text)
