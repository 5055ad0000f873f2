"""« Rédiger le bilan… » from the measure's Bilans tab: type, save, reopen; sent and signed
recorded on the report; nothing typed lost on a mistake or a store error; the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.model import Report, ReportKind
from desktop_app.store.errors import StoreError
from desktop_app.store.repository import open_store
from tests.reports.helpers import pdf_text
from tests.ui.conftest import settle
from tests.ui.helpers import closed, seed_asll, type_in

END = date(2025, 12, 31)


def _open_measure(qtbot, window, reports: list[Report]):  # type: ignore[no-untyped-def]
    store = window.ctx.store
    seed_asll(store)
    measure = store.measure("m1")
    measure.reports = reports
    store.save_measure(measure)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    return window.screens["mesure"]


def _write_bilan(qtbot, window, screen):  # type: ignore[no-untyped-def]
    screen.tabs.setCurrentIndex(1)  # Bilans
    found = [b for b in screen.tabs.widget(1).findChildren(QPushButton)
             if b.text() == "Rédiger le bilan…"]
    assert len(found) == 1
    qtbot.mouseClick(found[0], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert screen.bilan is not None
    return screen.bilan


def test_text_saved_then_back_when_reopened_with_sent_and_signed(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    dialog = _write_bilan(qtbot, window, screen)
    assert dialog.windowTitle() == "Bilan final — période finissant le 31/12/2025"
    type_in(qtbot, dialog.sections["situation"], "Mme Durand vit seule à Arras.")
    type_in(qtbot, dialog.sections["results"], "Dette soldée en novembre.")
    type_in(qtbot, dialog.sent_on, "15/01/2026")
    type_in(qtbot, dialog.signed_on, "20/01/2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert closed(dialog)
    stored = window.ctx.store.bilan_text("m1", ReportKind.FINAL, END)
    assert stored.text.situation == "Mme Durand vit seule à Arras."
    assert stored.text.results == "Dette soldée en novembre." and stored.text.actions == ""
    assert stored.signed_on == date(2026, 1, 20)
    # The measure's report says it too (the Bilans tab shows it after the reload).
    assert window.ctx.store.measure("m1").reports == [
        Report(ReportKind.FINAL, END, date(2026, 1, 15), True)]
    assert screen.tabs.reports.rows[0].signed
    again = _write_bilan(qtbot, window, screen)
    assert again.sections["situation"].toPlainText() == "Mme Durand vit seule à Arras."
    assert again.sections["results"].toPlainText() == "Dette soldée en novembre."
    assert (again.sent_on.text(), again.signed_on.text()) == ("15/01/2026", "20/01/2026")
    assert not again.dirty
    again.reject()


def test_a_wrong_date_keeps_the_text_and_saves_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [])
    dialog = _write_bilan(qtbot, window, screen)  # no report yet: the final one of 31/12/2025
    type_in(qtbot, dialog.sections["objectives"], "Accéder à un logement adapté.")
    type_in(qtbot, dialog.signed_on, "32/01/2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not closed(dialog)
    assert dialog.form.error("signed_on") == ("Cette date n'existe pas : le 32/01/2026 n'est "
                                              "pas dans le calendrier.")
    assert dialog.sections["objectives"].toPlainText() == "Accéder à un logement adapté."
    assert window.ctx.store.bilan_text("m1", ReportKind.FINAL, END) is None
    # Signed but not sent: said under « Envoyé le ».
    type_in(qtbot, dialog.signed_on, "20/01/2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "indiquez le jour" in dialog.form.error("sent_on")
    dialog.dirty = False
    dialog.reject()


def test_a_store_error_keeps_the_dialog_and_the_text(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    dialog = _write_bilan(qtbot, window, screen)
    type_in(qtbot, dialog.sections["actions"], "Plan d'apurement signé.")

    def locked(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreError("La base est utilisée par un autre programme.")

    monkeypatch.setattr(window.ctx.store, "save_bilan_text", locked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not closed(dialog)
    assert dialog.sections["actions"].toPlainText() == "Plan d'apurement signé."
    box = dialog.last_box
    assert box.windowTitle() == "Bilan non enregistré"
    assert "Votre texte est toujours dans la fenêtre : rien n'est perdu." in box.text()
    assert "La base est utilisée par un autre programme." in box.text()
    box.close()
    dialog.dirty = False
    dialog.reject()


def test_a_section_over_its_bound_is_refused_in_french_and_kept(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    dialog = _write_bilan(qtbot, window, screen)
    long_text = "Visite. " * 2_501  # 20 008 characters: 20 000 at most
    dialog.sections["actions"].setPlainText(long_text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not closed(dialog)
    assert dialog.sections["actions"].toPlainText() == long_text
    assert dialog.last_box.text().endswith(
        "rien n'est perdu.\n\nSection « Actions menées » : texte trop long : 20\u00a0008 "
        "caractères pour au plus 20\u00a0000 : raccourcissez-le.")
    assert window.ctx.store.bilan_text("m1", ReportKind.FINAL, END) is None
    dialog.last_box.close()
    dialog.dirty = False
    dialog.reject()


def test_a_bilan_changed_in_another_window_is_not_overwritten(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    dialog = _write_bilan(qtbot, window, screen)
    type_in(qtbot, dialog.sections["situation"], "Texte de ce poste.")
    # Meanwhile a colleague's window (another connection to the same file) saves this bilan.
    other = open_store(window.ctx.store.engine.url.render_as_string(hide_password=False))
    other.save_bilan_text("m1", ReportKind.FINAL, END, BilanText(situation="Texte d'ailleurs."),
                          None, None)
    other.close()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not closed(dialog)
    assert dialog.sections["situation"].toPlainText() == "Texte de ce poste."
    assert "modifié ailleurs" in dialog.last_box.text()
    assert window.ctx.store.bilan_text("m1", ReportKind.FINAL, END).text.situation == (
        "Texte d'ailleurs.")
    dialog.last_box.close()
    dialog.dirty = False
    dialog.reject()


def test_saving_twice_from_one_dialog_is_not_a_conflict(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    dialog = _write_bilan(qtbot, window, screen)
    type_in(qtbot, dialog.sections["situation"], "Premier jet.")
    assert dialog.save(close=False)
    settle(qtbot, window)
    type_in(qtbot, dialog.sections["objectives"], "Solder la dette.")
    assert dialog.save(close=False)
    settle(qtbot, window)
    stored = window.ctx.store.bilan_text("m1", ReportKind.FINAL, END)
    assert (stored.text.situation, stored.text.objectives) == ("Premier jet.",
                                                               "Solder la dette.")
    dialog.reject()


def test_print_writes_the_bilan_as_typed(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    dialog = _write_bilan(qtbot, window, screen)
    type_in(qtbot, dialog.sections["renewal_request"], "Renouvellement de six mois demandé.")
    out = tmp_path / "bilan.pdf"
    dialog.print_pdf(out)
    settle(qtbot, window)
    text = pdf_text(out)
    assert "Bilan final" in text and "FSL-2025-0042" in text
    assert "Renouvellement de six mois demandé." in text
    assert [b.text() for b in dialog.last_box.buttons()] == ["Ouvrir", "Fermer"]
    dialog.last_box.close()
    dialog.dirty = False
    dialog.reject()


def test_nothing_can_be_typed_or_saved_before_the_stored_text_is_read(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The stored text is read in the background: until it is there, the boxes and
    « Enregistrer » wait (typing would be wiped by the text read; saving would write an empty
    bilan over the stored one)."""
    from desktop_app.domain.bilan_text import BilanText

    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    window.ctx.store.save_bilan_text("m1", ReportKind.FINAL, END,
                                     BilanText(situation="Texte déjà enregistré."), None, None)
    screen.tabs.setCurrentIndex(1)
    dialog = screen.write_bilan()  # no event processed yet: the reading is under way
    assert dialog.sections["situation"].isReadOnly()
    assert not dialog.save_button.isEnabled()
    assert dialog.state.text() == "Lecture du bilan enregistré…"
    settle(qtbot, window)
    assert dialog.sections["situation"].toPlainText() == "Texte déjà enregistré."
    assert not dialog.sections["situation"].isReadOnly() and dialog.save_button.isEnabled()
    type_in(qtbot, dialog.sections["situation"], "Texte complété.")
    assert dialog.sections["situation"].toPlainText() == "Texte complété."
    dialog.dirty = False
    dialog.reject()


def test_a_failed_reading_leaves_the_stored_text_alone(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])

    def locked(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreError("La base est utilisée par un autre programme.")

    monkeypatch.setattr(window.ctx.store, "bilan_text", locked)
    screen.tabs.setCurrentIndex(1)
    dialog = screen.write_bilan()
    settle(qtbot, window)
    # Saving now would replace a text the window could not read: the boxes stay read-only.
    assert dialog.sections["situation"].isReadOnly() and not dialog.save_button.isEnabled()
    assert dialog.state.text().startswith("Le texte enregistré n'a pas pu être lu")
    assert "La base est utilisée par un autre programme." in dialog.state.text()
    dialog.reject()


def test_closing_while_the_pdf_is_written(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """« Imprimer », then « Fermer » before the PDF is written: the PDF is still written and
    the status bar says where (the dialog, deleted on close, is not touched again)."""
    screen = _open_measure(qtbot, window, [Report(ReportKind.FINAL, END, None, False)])
    dialog = _write_bilan(qtbot, window, screen)
    out = tmp_path / "bilan.pdf"
    dialog.print_pdf(out)
    dialog.reject()  # nothing typed: closes at once
    settle(qtbot, window)
    assert closed(dialog)
    assert "Bilan final" in pdf_text(out)
    assert window.statusBar().currentMessage() == f"Bilan écrit : {out}"
