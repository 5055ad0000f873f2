"""The history of a DSF's content reads in French: its parts under the décret's names, the
debt in euros, the dates as JJ/MM/AAAA, no internal key."""

from __future__ import annotations

from datetime import datetime

from desktop_app.store.records import AuditEntry
from desktop_app.ui.history_text import change_lines


def test_content_changes_in_french() -> None:
    entry = AuditEntry(datetime(2025, 3, 14, 10, 0), "w1", "measure", "m1", "h1", "update", {
        "dsf_content.rent_debt": (None, "1845.30"),
        "dsf_content.sent_to_tenant_on": (None, "2025-03-12"),
        "dsf_content.housing_signal": (False, True),
        "dsf_content.writer": ("", "Claire Martin, CESF")})
    assert change_lines(entry, lambda worker: worker) == [
        "Contenu du diagnostic — Dette locative : — → 1\u00a0845,30\u00a0€",
        "Contenu du diagnostic — Transmis au locataire le : — → 12/03/2025",
        "Contenu du diagnostic — Signalement sur la plateforme « Signal logement » : Non → Oui",
        "Contenu du diagnostic — Rédacteur (nom et fonction) : — → Claire Martin, CESF"]
