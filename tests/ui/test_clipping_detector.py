"""The clipping detector (`tests/ui/clipping.py`) finds what is cut, and only that."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView, QTabWidget, QWidget

from tests.ui.clipping import clipped


def test_it_reports_what_does_not_fit_and_nothing_else(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    root.resize(900, 500)
    label = QLabel("Fréquence des visites à domicile", root)
    label.setGeometry(0, 0, 40, 20)  # « Fr… »
    whole = QLabel("Court", root)
    whole.setGeometry(0, 30, 200, 20)
    button = QPushButton("Ajouter la visite", root)
    button.setGeometry(0, 60, 50, 30)
    combo = QComboBox(root)
    combo.addItems(["Accompagnement à l'accès au logement"])
    combo.setGeometry(0, 100, 90, 26)
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Type", "Concerne"])
    model.setItem(0, 0, QStandardItem("ASLL"))
    model.setItem(0, 1, QStandardItem("WAWRZYNIAK Sylvie"))
    table = QTableView(root)
    table.setAccessibleName("Lignes")
    table.setModel(model)
    table.setGeometry(0, 140, 400, 120)
    table.setColumnWidth(0, 120)
    table.setColumnWidth(1, 45)  # the name cut, its header « Concerne » too
    tabs = QTabWidget(root)
    tabs.setGeometry(450, 0, 120, 80)
    for title in ("Périodes (2)", "Bilans (1)", "Signalements au SLISL (1)"):
        tabs.addTab(QWidget(), title)
    root.show()
    qtbot.waitExposed(root)
    found = clipped(root)
    kinds = sorted(line.split(" «")[0] for line in found)
    assert kinds == ["bouton", "cellule", "en-tête", "liste", "onglet", "onglet", "étiquette"], \
        found
    assert not any("Court" in line or "ASLL" in line or "Périodes" in line for line in found)
    # Given room, nothing is reported.
    label.setGeometry(0, 0, 400, 20)
    button.setGeometry(0, 60, 200, 30)
    combo.setGeometry(0, 100, 400, 26)
    table.setColumnWidth(1, 200)
    tabs.setGeometry(450, 0, 440, 80)
    assert clipped(root) == []
