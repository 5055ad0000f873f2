"""Right of access (GDPR art. 15): everything the store holds about one household, as a JSON
file (`access_json`: French keys) and a readable French PDF (`access_pdf`, reportlab loaded
only then), both with the notice of `access_notice` (purposes, recipients, keeping, rights,
CNIL) and nobody else's data (`access_names`).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from desktop_app.private_files import write_text
from desktop_app.reports.access_json import access_json
from desktop_app.reports.access_names import access_names
from desktop_app.reports.access_notice import access_notice
from desktop_app.store.api import Store


def file_stem(household_id: str, produced_at: datetime) -> str:
    """« droit-acces-h12-2025-10-15 »."""
    return f"droit-acces-{household_id}-{produced_at:%Y-%m-%d}"


def write_access_export(store: Store, household_id: str, folder: Path,
                        produced_at: datetime | None = None) -> tuple[Path, Path]:
    """Write the JSON and the PDF of the household in `folder`; their paths."""
    when = produced_at or datetime.now()
    access = store.household_access(household_id)
    names = access_names(access, {w.id: w.name for w in store.workers()})
    notice = access_notice(access.caseload.association.name or "l'association",
                           store.retention_settings(), access.caseload.measures,
                           when.date())
    stem = file_stem(household_id, when)
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    write_text(json_path, json.dumps(access_json(access, when, notice, names),
                                     ensure_ascii=False, indent=1) + "\n")
    from desktop_app.reports.access_pdf import access_pdf

    access_pdf(access, pdf_path, when, notice, names)
    return json_path, pdf_path
