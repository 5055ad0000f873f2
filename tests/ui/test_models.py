"""The Qt models of the window, checked by pytest-qt's model tester, and their behaviour."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from desktop_app.app.dashboard import AlertRow
from desktop_app.domain.alerts import Alert, Severity
from desktop_app.domain.dates import Month
from desktop_app.domain.model import MeasureType
from desktop_app.store.records import HouseholdRow
from desktop_app.ui.dashboard.alert_model import AlertTreeModel
from desktop_app.ui.household.model import BATCH, HouseholdListModel
from desktop_app.ui.models import ROW_ROLE, SORT_ROLE, Column, RowTableModel, SortFilterProxy


def _rows(count: int) -> list[HouseholdRow]:
    towns = ["Béthune", "Arras", "Lens", "Calais"]
    return [HouseholdRow(f"h{i}", f"NOM{i:04d} Prénom", f"FSL-2025-{i:04d}", towns[i % 4],
                         "Artois", MeasureType.ASLL if i % 2 else None, None, None, None)
            for i in range(count)]


def test_row_table_model_and_proxy(qtmodeltester):  # type: ignore[no-untyped-def]
    model: RowTableModel[tuple[str, int]] = RowTableModel([
        Column("Nom", lambda r: r[0]),
        Column("Âge", lambda r: str(r[1]), lambda r: r[1]),
    ])
    model.set_rows([("Émile", 30), ("anne", 4), ("Bruno", 12)])
    qtmodeltester.check(model)
    proxy = SortFilterProxy(model)
    qtmodeltester.check(proxy)
    # Sorted by the sort key (numbers as numbers: 4 < 12 < 30, not "12" < "30" < "4").
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["anne", "Bruno", "Émile"]
    # Names sorted case and accents aside: anne, Bruno, Émile.
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["anne", "Bruno", "Émile"]
    # The filter ignores accents: « emile » finds « Émile ».
    proxy.set_text("emile")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(ROW_ROLE) == ("Émile", 30)
    assert proxy.index(0, 1).data(SORT_ROLE) == 30


def test_household_list_fetches_lazily_filters_and_sorts(qtmodeltester):  # type: ignore[no-untyped-def]
    model = HouseholdListModel()
    model.set_rows(_rows(450))
    # 450 rows: 200 shown, then 200 more, then the last 50.
    assert model.rowCount() == BATCH == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())
    # « bethune » (no accent) finds the towns « Béthune »: rows 0, 4, 8… → 113 of 450.
    model.set_filter("bethune")
    assert model.matching == 113 and model.rowCount() == 113
    assert model.index(0, 2).data() == "Béthune"
    # Sorted by name, descending: NOM0448 first (the Béthune ones are the multiples of 4).
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "NOM0448 Prénom"
    model.set_filter("")
    assert model.index(0, 0).data() == "NOM0449 Prénom"
    assert model.index(0, 4).data() == "ASLL" and model.index(1, 4).data() == "—"
    qtmodeltester.check(model)  # (the tester fetches everything it can)


def test_alert_tree_model(qtmodeltester):  # type: ignore[no-untyped-def]
    def row(code: str, severity: Severity, due: date | None) -> AlertRow:
        alert = Alert(code, severity, "m1", "h1", "w1", Month(2025, 9) if due is None else None,
                      due, "message")
        return AlertRow(alert, code, "DURAND Marie", "Claire Martin")

    model = AlertTreeModel()
    model.set_alerts([row("portes_closes", Severity.A_FAIRE, date(2025, 9, 23)),
                      row("cet", Severity.MANQUEMENT, date(2025, 7, 12)),
                      row("frequence_visites", Severity.A_VENIR, date(2025, 9, 30)),
                      row("duree", Severity.MANQUEMENT, None)])
    qtmodeltester.check(model)
    # Breaches first, then what is due, then what is coming.
    assert [model.index(g, 0).data() for g in range(3)] == [
        "Manquements (2)", "À faire (1)", "À venir (1)"]
    leaves = model.leaves()
    assert [i.data() for i in leaves] == ["12/07/2025", "septembre 2025", "23/09/2025",
                                          "30/09/2025"]
    assert leaves[2].siblingAtColumn(3).data() == "Signaler au SLISL"
    assert leaves[3].siblingAtColumn(3).data() == "Ouvrir la mesure"
    model.set_alerts([])
    assert model.rowCount() == 0 and model.leaves() == []


def test_convention_is_information_not_a_red_breach(qtmodeltester):  # type: ignore[no-untyped-def]
    # « Objectifs de la convention dépassés »: unpaid work, not a failure. Its own group,
    # shown last, in grey, never among « Manquements » (red).
    over = Alert("convention", Severity.INFORMATION, None, None, None, Month(2025, 9), None,
                 "message")
    late = Alert("duree", Severity.MANQUEMENT, "m1", "h1", "w1", None, None, "message")
    model = AlertTreeModel()
    model.set_alerts([AlertRow(over, "Objectifs de la convention dépassés", "", ""),
                      AlertRow(late, "Durée de la mesure", "DURAND Marie", "Claire Martin")])
    qtmodeltester.check(model)
    assert [model.index(g, 0).data() for g in range(2)] == [
        "Manquements (1)", "Pour information (1)"]
    info = model.index(0, 0, model.index(1, 0))
    assert info.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#e9ecef"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d7da"
    assert info.siblingAtColumn(3).data() == "Voir les points"
