"""The household file's « Modifications » tab: the audit trail in French."""

from __future__ import annotations

from datetime import datetime

from desktop_app.store.records import AuditEntry
from desktop_app.ui.history_model import HistoryModel, history_line
from tests.ui.conftest import settle
from tests.ui.helpers import seed_asll, type_in

NAMES = {"w1": "Claire Martin", "w2": "Julien Petit"}
AT = datetime(2026, 11, 29, 14, 5, 31)


def _name(worker_id: str) -> str:
    return NAMES.get(worker_id, worker_id)


def _entry(kind: str, record_id: str, action: str, changes: dict, profile: str = "w1"):  # type: ignore[no-untyped-def, type-arg]
    return AuditEntry(AT, profile, kind, record_id, "h1", action, changes)


def test_lines_in_french() -> None:
    visit = {"date": "2025-09-12", "outcome": "realisee", "place": "domicile", "worker": None}
    line = history_line(_entry("measure", "m12", "update", {
        "visits[4]": (None, visit),
        "visits[1].date": ("2025-07-05", "2025-07-06"),
        "referent": ("w1", "w2"),
        "contract.sent_on": (None, "2025-07-09"),
    }), _name, {"m12": "ASLL débutée le 01/07/2025"})
    assert (line.when, line.profile, line.record, line.action) == (
        "29/11/2026 14:05", "Claire Martin", "Mesure ASLL débutée le 01/07/2025", "Modification")
    # Index 4 of the JSON list is the 5th visit; index 1 the 2nd.
    assert line.changes == [
        "Visite 5 ajoutée : 12/09/2025, Réalisée, Domicile",
        "Visite 2 — Date : 05/07/2025 → 06/07/2025",
        "Référent(e) : Claire Martin → Julien Petit",
        "Contrat — Envoyé le : — → 09/07/2025",
    ]


def test_household_lines_and_system_profile() -> None:
    member = {"name": "DURAND Léo", "birth_date": "2015-06-01", "role": "enfant"}
    line = history_line(_entry("household", "h1", "update", {
        "members[1]": (member, None),
        "monthly_resources": ("1234.50", "1300.00"),
    }, profile="système"), _name, {})
    assert (line.profile, line.record) == ("Système", "Ménage")
    assert line.changes == ["Personne 2 retirée : DURAND Léo, 01/06/2015, Enfant",
                            "Ressources mensuelles : 1\u00a0234,50\u00a0€ → 1\u00a0300,00\u00a0€"]
    created = history_line(_entry("household", "h3", "create", {
        "id": (None, "h3"), "name": (None, "NOUVEAU Paul")}), _name, {})
    assert (created.action, created.changes) == ("Création", ["Identifiant : h3",
                                                              "Nom : NOUVEAU Paul"])


def test_model_newest_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    older = _entry("household", "h1", "import", {}, profile="système")
    newer = AuditEntry(datetime(2026, 11, 30, 9, 0), "w2", "household", "h1", "h1", "update",
                       {"phone": ("0601020304", None)})
    model = HistoryModel()
    model.set_entries([older, newer], _name, {})
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert rows == [
        ["30/11/2026 09:00", "Julien Petit", "Ménage", "Modification",
         "Téléphone : 0601020304 → —"],
        ["29/11/2026 14:05", "Système", "Ménage", "Import d'un fichier", ""],
    ]


def test_household_file_shows_who_changed_what(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)  # through the window's store: Claire Martin's profile already
    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    screen = window.screens["menage"]
    # The current worker is the first of the team by name: Claire Martin (w1).
    assert window.ctx.current_worker == "w1" and store.profile == "w1"
    type_in(qtbot, screen.identity.fields["phone"], "06 01 02 03 04")
    screen.save_identity()
    settle(qtbot, window)
    assert screen.history_tabs.tabText(1) == "Modifications (3)"
    rows = [(line.profile, line.record, line.action, line.changes)
            for line in screen.history.rows]
    assert rows == [
        ("Claire Martin", "Ménage", "Modification", ["Téléphone : — → 06 01 02 03 04"]),
        ("Claire Martin", "Mesure ASLL débutée le 01/07/2025", "Création", [
            "Identifiant : m1", "Ménage : h1", "Type de mesure : ASLL",
            "Référent(e) : Claire Martin", "Date de décision : 12/06/2025",
            "Période 1 ajoutée : 01/07/2025, 31/12/2025, Simple, Initiale"]),
        ("Claire Martin", "Ménage", "Création", [
            "Identifiant : h1", "Référence FSL : FSL-2025-0042", "Nom : DURAND Marie",
            "Commune : Arras", "Territoire : Arrageois"]),
    ]
