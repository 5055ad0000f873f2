"""Import batches said in French, for the command line and the window."""

from __future__ import annotations

from datetime import datetime

from desktop_app.store.records import ImportBatch

#: Count key → (singular, plural), in the order they are listed.
COUNT_WORDS = (
    ("households", "ménage", "ménages"), ("measures", "mesure", "mesures"),
    ("visits", "visite", "visites"), ("workers", "intervenant", "intervenants"),
    ("homes", "logement ALT", "logements ALT"),
)
KINDS = {"import": "import", "merge": "fusion d'un dossier"}


def when(moment: datetime) -> str:
    """« 15/10/2025 à 14:02 »."""
    return f"{moment:%d/%m/%Y} à {moment:%H:%M}"


def counts_text(counts: dict[str, int]) -> str:
    """« 2 ménages, 6 mesures, 1 visite » (kinds with none left out; « rien » if empty)."""
    parts = [f"{counts[key]} {one if counts[key] == 1 else many}"
             for key, one, many in COUNT_WORDS if counts.get(key)]
    return ", ".join(parts) or "rien"


def source_text(batch: ImportBatch) -> str:
    return batch.source or "(fichier sans nom)"


def state_text(batch: ImportBatch) -> str:
    if batch.undone_at is not None:
        return f"annulé le {when(batch.undone_at)}"
    if batch.undoable:
        return "annulable"
    return f"non annulable : {batch.reason}"


def batch_line(batch: ImportBatch) -> str:
    """One line of `suivi-fsl imports`."""
    return (f"n° {batch.id} — {when(batch.at)} — {KINDS.get(batch.kind, batch.kind)} de "
            f"{source_text(batch)} (profil {batch.profile}) : {counts_text(batch.counts)} — "
            f"{state_text(batch)}")
