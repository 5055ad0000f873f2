"""« Conservation » driven like a worker: tick a household after review, archive it,
see its file read-only; past the keeping date, anonymise; delete asks for « SUPPRIMER »."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from desktop_app.domain.model import Household, Measure, MeasureType, Period, Territory
from tests.ui.conftest import TODAY, settle

#: A day past the convention's keeping date (31/12/2034).
AFTER_KEEPING = date(2035, 1, 2)


def seed(store) -> None:  # type: ignore[no-untyped-def]
    """h1 DURAND Marie: ASLL ended 30/06/2023 (+ 2 years = 30/06/2025 < 16/09/2025: due);
    h2 LEROY Paul: AML in force until 2026 (never due)."""
    store.save_household(Household("h1", "DURAND Marie", "FSL-2022-00042", "12 rue des Lilas",
                                   "62000", "Arras", Territory.ARRAGEOIS, "06 39 98 12 34"))
    store.save_measure(Measure("m1", "h1", MeasureType.ASLL, "w1",
                               periods=[Period(date(2022, 7, 1), date(2023, 6, 30))],
                               closed_on=date(2023, 6, 30), close_reason="Objectifs atteints"))
    store.save_household(Household("h2", "LEROY Paul", territory=Territory.LENS_LIEVIN))
    store.save_measure(Measure("m2", "h2", MeasureType.AML, "w1",
                               periods=[Period(date(2024, 1, 1), date(2026, 12, 31))]))


def answer_box(button_text: str) -> None:
    """When the confirmation opens, click its button `button_text`."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        (chosen,) = [b for b in box.buttons() if b.text() == button_text]
        chosen.click()

    QTimer.singleShot(0, click)


def tick_first_row(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """The check box of the first row, with the keyboard (Space)."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)


def test_archive_after_review_makes_the_file_read_only(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    seed(store)
    window.show_screen("conservation")
    settle(qtbot, window)
    screen = window.screens["conservation"]
    assert [(r.household_id, r.last_end) for r in screen.due.rows] == [("h1", date(2023, 6, 30))]
    assert screen.due_view.model().index(0, 3).data() == "30/06/2023"
    assert "jusqu'au 31/12/2034" in screen.rules.text()
    assert not screen.archive_button.isEnabled()  # nothing ticked yet
    tick_first_row(qtbot, screen.due_view)
    assert screen.due.checked == {"h1"} and screen.archive_button.isEnabled()

    answer_box("Archiver 1 dossier(s)")
    qtbot.mouseClick(screen.archive_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert store.archived_on("h1") == TODAY
    assert screen.due.rows == []
    assert [(r.household_id, r.archived_on) for r in screen.archived.rows] == [("h1", TODAY)]
    # Before 01/01/2035 nothing can be anonymised nor deleted.
    tick_first_row(qtbot, screen.archive_view)
    assert not screen.anonymise_button.isEnabled() and not screen.delete_button.isEnabled()
    assert "à partir du 01/01/2035" in screen.keeping_note.text()

    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    household = window.screens["menage"]
    assert household.archive_banner.isVisible()
    assert household.archive_banner.text().startswith(
        "Dossier archivé le 16/09/2025 — lecture seule")
    assert not household.save_button.isEnabled()
    assert not household.new_measure_button.isEnabled()
    window.ctx.open_household.emit("h2")  # a file in the active base stays editable
    settle(qtbot, window)
    assert not household.archive_banner.isVisible() and household.save_button.isEnabled()

    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    measure = window.screens["mesure"]
    assert measure.archive_banner.isVisible() and not measure.renew_button.isEnabled()
    side_buttons = measure.side.findChildren(QPushButton)  # « Enregistrer » of « Suivi »…
    assert side_buttons and not any(b.isEnabled() for b in side_buttons)
    side_fields = measure.side.form.findChildren(QLineEdit)  # date de décision…
    assert side_fields and not any(f.isEnabled() for f in side_fields)
    window.ctx.open_measure.emit("m2")  # in the active base, in force: editable again
    settle(qtbot, window)
    assert not measure.archive_banner.isVisible() and measure.renew_button.isEnabled()
    assert all(b.isEnabled() for b in side_buttons)


def test_anonymise_past_the_keeping_date(qtbot, app, store) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    seed(store)
    store.archive_households(["h1"], TODAY)
    win = MainWindow(AppContext(store, today=lambda: AFTER_KEEPING), "Base : test")
    qtbot.addWidget(win)
    win.show()
    win.start()
    win.show_screen("conservation")
    settle(qtbot, win)
    screen = win.screens["conservation"]
    tick_first_row(qtbot, screen.archive_view)
    assert screen.anonymise_button.isEnabled() and screen.delete_button.isEnabled()

    # Deleting asks for the word: the button stays off until « SUPPRIMER » is typed.
    from desktop_app.ui.retention.dialogs import DeleteDialog

    dialog = DeleteDialog(screen, screen.archived.checked_rows())
    qtbot.addWidget(dialog)
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.word, "SUPPRIME")
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.word, "R")
    assert dialog.delete_button.isEnabled()
    dialog.reject()

    answer_box("Anonymiser")
    qtbot.mouseClick(screen.anonymise_button, Qt.MouseButton.LeftButton)
    settle(qtbot, win)
    household = store.household("h1")
    assert (household.name, household.address, household.phone) == (
        "Ménage anonymisé h1", None, None)
    (row,) = screen.archived.rows
    assert row.anonymised_on == AFTER_KEEPING
    assert screen.archive_view.model().index(0, 5).data() == "02/01/2035"
    settle(qtbot, win)


def test_keeping_figures_are_edited_from_the_screen(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import save, type_in

    window.show_screen("conservation")
    settle(qtbot, window)
    screen = window.screens["conservation"]
    qtbot.mouseClick(next(b for b in screen.findChildren(QPushButton)
                          if b.text() == "Durées de conservation…"), Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog.form.fields["years"].text() == "2"
    assert dialog.form.fields["until"].text() == "31/12/2034"
    type_in(qtbot, dialog.form.fields["years"], "3")
    save(qtbot, window, dialog)
    assert store.retention_settings().active_years == 3
    assert "base active 3 ans" in screen.rules.text()


def test_the_empty_list_says_the_years_of_the_settings(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    """3 years in the active base: DURAND Marie's ASLL ended 30/06/2023, + 3 years =
    30/06/2026, after 16/09/2025: nobody is due, and the empty list says 3 years, not 2."""
    from desktop_app.domain.retention import RetentionSettings

    seed(store)
    store.save_retention_settings(RetentionSettings(3, date(2034, 12, 31)))
    window.show_screen("conservation")
    settle(qtbot, window)
    screen = window.screens["conservation"]
    assert screen.due.rows == []
    assert screen.due_view.empty_text == ("Aucun dossier dont la dernière mesure a pris fin "
                                          "il y a plus de 3 ans.")
    assert screen.rules.text().startswith("Un dossier reste dans la base active 3 ans après")
    store.save_retention_settings(RetentionSettings(1, date(2034, 12, 31)))
    screen.reload()
    settle(qtbot, window)
    # 1 year: 30/06/2023 + 1 = 30/06/2024, before 16/09/2025: DURAND Marie is due.
    assert [r.household_id for r in screen.due.rows] == ["h1"]
    assert screen.rules.text().startswith("Un dossier reste dans la base active 1 an après")
    assert screen.due_view.empty_text.endswith("il y a plus de 1 an.")


def test_the_bilan_of_an_archived_file_opens_read_only(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    """A double click on a report of an archived measure (the « Rédiger le bilan… » button
    is disabled, the list is not) opens its bilan to read and print, not to type a text the
    store would refuse."""
    from desktop_app.domain.bilan_text import BilanText
    from desktop_app.domain.model import Report, ReportKind

    seed(store)
    m1 = store.measure("m1")
    m1.reports = [Report(ReportKind.FINAL, date(2023, 6, 30), date(2023, 7, 10), True)]
    store.save_measure(m1)
    store.save_bilan_text("m1", ReportKind.FINAL, date(2023, 6, 30),
                          BilanText(situation="Relogée à Arras."), date(2023, 7, 20),
                          date(2023, 7, 10))
    store.archive_households(["h1"], TODAY)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    screen.tabs.setCurrentIndex(1)  # Bilans
    view = screen.tabs.reports_view
    qtbot.waitUntil(lambda: view.isVisible() and view.model().rowCount() == 1)  # the report
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, window)
    dialog = screen.bilan
    assert dialog is not None and dialog.isVisible()
    assert dialog.sections["situation"].toPlainText() == "Relogée à Arras."
    assert dialog.sections["situation"].isReadOnly() and not dialog.save_button.isEnabled()
    assert not dialog.signed_on.isEnabled() and dialog.print_button.isEnabled()
    assert dialog.state.text().endswith("Dossier archivé : lecture seule.")
    dialog.reject()
