"""Right of access (GDPR art. 15): everything the store holds about one household, as a JSON
file (`access_json`: French keys) and a readable French PDF (`access_pdf`, reportlab loaded
only then), both with the notice of `access_notice` (purposes, recipients, keeping, rights,
CNIL) and nobody else's data (`access_names`).
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from desktop_app.domain.file_names import household_part
from desktop_app.domain.model import Household
from desktop_app.private_files import write_text
from desktop_app.reports.access_json import access_json
from desktop_app.reports.access_names import access_names
from desktop_app.reports.access_notice import access_notice
from desktop_app.store.api import Store

SUFFIXES = (".json", ".pdf")


def file_stem(household: Household, produced_at: datetime) -> str:
    """« droit-acces-FSL-2025-0042-2025-10-15 »: the household's FSL reference, never its
    internal id; without one « droit-acces-sans-reference-DM-2025-10-15 » (DURAND Marie's
    initials)."""
    return f"droit-acces-{household_part(household.reference, household.name)}-" \
        f"{produced_at:%Y-%m-%d}"


def free_stem(folder: Path, stem: str) -> str:
    """`stem`, or `stem-2`, `stem-3`…: the first for which neither the JSON nor the PDF exists
    in `folder` (an answer already given is never replaced)."""
    number, found = 1, stem
    while any(os.path.lexists(folder / f"{found}{suffix}") for suffix in SUFFIXES):
        number += 1
        found = f"{stem}-{number}"
    return found


def write_access_export(store: Store, household_id: str, folder: Path,
                        produced_at: datetime | None = None) -> tuple[Path, Path]:
    """Write the JSON and the PDF of the household in `folder`, atomically and 0600
    (`private_files`), under names no file of `folder` has (`free_stem`); their paths."""
    when = produced_at or datetime.now()
    access = store.household_access(household_id)
    names = access_names(access, {w.id: w.name for w in store.workers()})
    notice = access_notice(access.caseload.association.name or "l'association",
                           store.retention_settings(), access.caseload.measures,
                           when.date())
    stem = free_stem(folder, file_stem(access.caseload.households[0], when))
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    write_text(json_path, json.dumps(access_json(access, when, notice, names),
                                     ensure_ascii=False, indent=1) + "\n")
    from desktop_app.reports.access_pdf import access_pdf

    access_pdf(access, pdf_path, when, notice, names)
    return json_path, pdf_path
