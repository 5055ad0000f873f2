"""Right of access (GDPR art. 15): everything the store holds about one household,
as a JSON file and a readable French PDF (`access_pdf`, reportlab loaded only then).

The JSON holds the household's interchange file (`household_file`: the household, its
measures, the workers and ALT homes they refer to — docs/echange.md format), its audit trail
(`history`: every change, when, which profile, from what to what) and the bilans written for
its measures (`bilan_texts`).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.interchange import caseload_to_json
from desktop_app.private_files import write_text
from desktop_app.reports.access_notice import Section, access_notice
from desktop_app.store.api import Store
from desktop_app.store.records import AuditEntry, HouseholdAccess

DOCUMENT = "Droit d'accès aux données personnelles (RGPD, article 15)"


def entry_json(entry: AuditEntry) -> dict[str, Any]:
    return {"at": entry.at.isoformat(), "profile": entry.profile,
            "record_kind": entry.record_kind, "record_id": entry.record_id,
            "action": entry.action,
            "changes": {key: [before, after] for key, (before, after) in entry.changes.items()}}


def notice_json(notice: list[Section]) -> list[dict[str, Any]]:
    return [{"titre": s.title, "paragraphes": list(s.paragraphs)} for s in notice]


def access_json(access: HouseholdAccess, produced_at: datetime,
                notice: list[Section]) -> dict[str, Any]:
    """The right-of-access document (keys: document, association, produced_at,
    informations, household_file, history, bilan_texts)."""
    return {
        "document": DOCUMENT,
        "association": access.caseload.association.name,
        "produced_at": produced_at.replace(microsecond=0).isoformat(),
        "informations": notice_json(notice),
        "household_file": caseload_to_json(access.caseload),
        "history": [entry_json(e) for e in access.history],
        "bilan_texts": access.bilan_texts,
    }


def file_stem(household_id: str, produced_at: datetime) -> str:
    """« droit-acces-h12-2025-10-15 »."""
    return f"droit-acces-{household_id}-{produced_at:%Y-%m-%d}"


def write_access_export(store: Store, household_id: str, folder: Path,
                        produced_at: datetime | None = None) -> tuple[Path, Path]:
    """Write the JSON and the PDF of the household in `folder`; their paths."""
    when = produced_at or datetime.now()
    access = store.household_access(household_id)
    notice = access_notice(access.caseload.association.name or "l'association",
                           store.retention_settings(), access.caseload.measures,
                           when.date())
    stem = file_stem(household_id, when)
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    write_text(json_path,
               json.dumps(access_json(access, when, notice), ensure_ascii=False, indent=1) + "\n")
    from desktop_app.reports.access_pdf import access_pdf

    access_pdf(access, pdf_path, when, notice)
    return json_path, pdf_path
