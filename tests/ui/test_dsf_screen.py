"""« Contenu du diagnostic » of a DSF through the real measure screen: filled, saved, read
back after a reload; a wrong value and a change made elsewhere refused in French with what
was typed kept."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import DsfOutcome, Household, Measure, MeasureType
from desktop_app.store.repository import open_store
from tests.ui.conftest import settle
from tests.ui.helpers import type_in

MEASURE_CHANGED = (
    "Cette mesure a été modifiée ailleurs (autre fenêtre ou autre poste) depuis que vous "
    "l'avez ouverte : vos saisies sont conservées ; rechargez la mesure pour voir la "
    "nouvelle version, puis refaites vos modifications.")


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def _dsf_open(window, qtbot, store):  # type: ignore[no-untyped-def]
    """DURAND Marie's DSF (assignation 20/02/2025, audience 15/04/2025, réalisé 10/03/2025)
    on the « Mesure » screen, its « Contenu du diagnostic » tab in front: the panel."""
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042"))
    store.save_measure(Measure("m1", "h1", MeasureType.DSF, "w1", summoned_on=date(2025, 2, 20),
                               hearing_on=date(2025, 4, 15), outcome=DsfOutcome.REALISE,
                               done_on=date(2025, 3, 10)))
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    # a DSF opens on its content
    assert screen.tabs.isTabVisible(screen.tabs.dsf_tab)
    assert screen.tabs.currentIndex() == screen.tabs.dsf_tab
    return screen, screen.tabs.dsf


def _fill(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    fields = panel.form.fields
    type_in(qtbot, fields["writer"], "Claire Martin, CESF")
    qtbot.mouseClick(fields["tenant_present"], Qt.MouseButton.LeftButton)
    type_in(qtbot, fields["sent_to_tenant_on"], "12/03/2025")
    fields["family_situation"].setPlainText("Mère seule,\ndeux enfants.")
    fields["rental_situation"].setPlainText("T3 du parc social.")
    type_in(qtbot, fields["rent_debt"], "1 845,305")
    fields["recommendations"].setPlainText("Maintien dans les lieux.")
    qtbot.mouseClick(fields["support_requested"], Qt.MouseButton.LeftButton)


def test_fill_save_reload_values_kept(window, qtbot, store):  # type: ignore[no-untyped-def]
    _screen, panel = _dsf_open(window, qtbot, store)
    assert panel.missing.text().startswith("À compléter avant l'envoi au SLISL : Rédacteur")
    _fill(qtbot, panel)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert _boxes() == []
    content = store.measure("m1").dsf_content
    # the debt to the cent, half-up; the texts as typed, lines kept
    assert content == DsfContent(
        writer="Claire Martin, CESF", tenant_present=True, sent_to_tenant_on=date(2025, 3, 12),
        family_situation="Mère seule,\ndeux enfants.", rental_situation="T3 du parc social.",
        rent_debt=Decimal("1845.31"), recommendations="Maintien dans les lieux.",
        support_requested=True)
    last = store.history("h1")[-1]
    assert (last.record_id, last.action) == ("m1", "update")
    assert last.changes["dsf_content.rent_debt"] == (None, "1845.31")
    # three parts still missing before it can be sent
    assert panel.missing.text() == (
        "À compléter avant l'envoi au SLISL : Accompagnement social, juridique et judiciaire ; "
        "Dispositifs de traitement de la dette ; Capacité de remboursement.")

    # another measure, then this one again: the values read back from the store
    store.save_measure(Measure("m2", "h1", MeasureType.DSF, "w1"))
    window.ctx.open_measure.emit("m2")
    settle(qtbot, window)
    assert panel.form.fields["writer"].text() == ""
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    fields = panel.form.fields
    assert fields["writer"].text() == "Claire Martin, CESF"
    assert fields["rent_debt"].text() == "1845,31"
    assert fields["sent_to_tenant_on"].text() == "12/03/2025"
    assert fields["family_situation"].toPlainText() == "Mère seule,\ndeux enfants."
    assert fields["tenant_present"].isChecked() and fields["support_requested"].isChecked()
    assert not fields["housing_signal"].isChecked() and not panel.form.dirty


def test_a_transmission_before_the_diagnostic_is_refused_in_french(window, qtbot, store):  # type: ignore[no-untyped-def]
    _screen, panel = _dsf_open(window, qtbot, store)
    _fill(qtbot, panel)
    type_in(qtbot, panel.form.fields["sent_to_landlord_on"], "09/03/2025")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert panel.form.error("sent_to_landlord_on") == (
        "La transmission au bailleur (09/03/2025) ne peut pas précéder le diagnostic "
        "(10/03/2025).")
    assert store.measure("m1").dsf_content is None
    assert panel.form.fields["writer"].text() == "Claire Martin, CESF"  # nothing lost
    panel.form.mark_clean()  # else closing the window asks about the unsaved typing


def test_a_change_made_elsewhere_is_refused_and_the_text_kept(window, qtbot, store):  # type: ignore[no-untyped-def]
    _screen, panel = _dsf_open(window, qtbot, store)
    _fill(qtbot, panel)
    other = open_store(f"sqlite:///{store.where}")  # another workstation, meanwhile
    measure = other.measure("m1")
    measure.dsf_content = DsfContent(writer="Paul Leroy, assistant social")
    other.save_measure(measure)
    other.close()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    boxes = _boxes()
    assert [b.windowTitle() for b in boxes] == ["Dossier modifié entre-temps"]
    assert boxes[0].text().startswith(MEASURE_CHANGED)
    boxes[0].close()
    assert panel.form.fields["writer"].text() == "Claire Martin, CESF" and panel.form.dirty
    assert panel.form.fields["family_situation"].toPlainText() == "Mère seule,\ndeux enfants."
    assert store.measure("m1").dsf_content == DsfContent(writer="Paul Leroy, assistant social")
    # reloaded (the worker gives up the typing): the other writer's content is shown
    panel.form.mark_clean()
    _screen.refresh()
    settle(qtbot, window)
    assert panel.form.fields["writer"].text() == "Paul Leroy, assistant social"


def test_the_tab_is_for_a_dsf_only(window, qtbot, store):  # type: ignore[no-untyped-def]
    store.save_household(Household("h1", "DURAND Marie"))
    store.save_measure(Measure("m1", "h1", MeasureType.ASLL, "w1"))
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    tabs = window.screens["mesure"].tabs
    assert not tabs.isTabVisible(tabs.dsf_tab)


def test_print_the_diagnostic_once_complete(window, qtbot, store, tmp_path):  # type: ignore[no-untyped-def]
    screen, panel = _dsf_open(window, qtbot, store)
    _fill(qtbot, panel)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    out = tmp_path / "diagnostic.pdf"
    screen.print_dsf(out)  # three parts still missing: refused, nothing written
    settle(qtbot, window)
    assert screen.last_box.text().startswith(
        "Le diagnostic ne peut pas encore être imprimé : à compléter dans l'onglet « Contenu "
        "du diagnostic » : Accompagnement social")
    screen.last_box.close()
    assert not out.exists()
    for name in ("social_support", "debt_treatment", "repayment_capacity"):
        panel.form.fields[name].setPlainText("Renseigné.")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert panel.missing.text() == "Diagnostic complet : il peut être imprimé et transmis."
    screen.print_dsf(out)
    settle(qtbot, window)
    assert screen.last_box.windowTitle() == "Document écrit"
    screen.last_box.close()
    assert out.exists() and out.stat().st_size > 0
