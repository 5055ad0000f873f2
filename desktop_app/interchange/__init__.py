"""The interchange file `suivi-fsl/1` (docs/echange.md): validate, read, write.

Plain Python: no SQL, no Qt. `parse_caseload` checks a whole decoded document and reports
every problem with its JSON path, in French; `caseload_to_json` writes the canonical
document back; `read_file`/`write_file` add UTF-8 and an atomic write (`read_parts`
reads a file piece by piece, for an import of bounded memory);
`duplicate_id_problems` lists the ids of a file that the store already holds.
"""

from desktop_app.interchange.duplicates import ExistingIds, duplicate_id_problems
from desktop_app.interchange.errors import FORMAT, InvalidFileError, Problem
from desktop_app.interchange.files import read_file, read_parts, write_file
from desktop_app.interchange.parse import parse_caseload
from desktop_app.interchange.serialize import caseload_to_json

__all__ = [
    "FORMAT",
    "ExistingIds",
    "InvalidFileError",
    "Problem",
    "caseload_to_json",
    "duplicate_id_problems",
    "parse_caseload",
    "read_file",
    "read_parts",
    "write_file",
]
