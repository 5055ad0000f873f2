"""Fichier › Annuler un import… and Fusionner un dossier reçu…, the household's « Exporter le
dossier… », driven like a worker with pytest-qt."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.model import (
    Association,
    Caseload,
    Household,
    Measure,
    MeasureType,
    Visit,
    VisitOutcome,
)
from desktop_app.interchange import write_file
from desktop_app.ui import batch_dialogs, file_actions
from desktop_app.ui.household import file_actions as household_file_actions
from desktop_app.ui.household.file_actions import FOR_ACCESS, MergeReportDialog
from tests.ui.conftest import settle, team


def _file(tmp_path, name: str = "dossier.json"):  # type: ignore[no-untyped-def]
    """DUPONT Jean (h7), followed in ASLL by Claire Martin (w1, the same as in the store)."""
    path = tmp_path / name
    write_file(Caseload(Association("Association de test"), [], [team()[0]],
                        [Household("h7", "DUPONT Jean", city="Lens")], [],
                        [Measure("m7", "h7", MeasureType.ASLL, "w1")]), path)
    return path


def _cells(dialog, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = dialog.table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _windows(kind):  # type: ignore[no-untyped-def]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_menu_and_button(window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Fusionner un dossier reçu…" in texts and "A&nnuler un import…" in texts
    assert window.screens["menage"].export_button.text() == "Exporter le dossier…"


def test_an_import_through_the_menu_is_listed_with_its_file(window, qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.domain.model import Diploma, Worker

    path = tmp_path / "equipe.json"
    write_file(Caseload(Association("Association de test"), [],
                        [Worker("w5", "Paul Leroy", Diploma.ES, 1.0)]), path)
    file_actions.import_file(window, window.ctx, path)
    settle(qtbot, window)
    dialog = batch_dialogs.undo_import_dialog(window, window.ctx)
    settle(qtbot, window)
    assert _cells(dialog, 0)[2:] == ["import", "equipe.json", "1 intervenant", "oui"]
    dialog.close()


def test_undo_dialog(window, qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store.merge_caseload(Caseload(Association("Association de test"), [], [],
                                  [Household("h8", "MARTIN Léa")]), "a.json")
    window.ctx.store.merge_caseload(
        Caseload(Association("Association de test"), [], [team()[0]],
                 [Household("h7", "DUPONT Jean")], [],
                 [Measure("m7", "h7", MeasureType.ASLL, "w1")]), "dossier.json")
    m7 = store.measure("m7")
    m7.visits.append(Visit(date(2025, 9, 10), VisitOutcome.REALISEE))
    store.save_measure(m7)  # typed after the merge: m7's batch can no longer be undone
    dialog = batch_dialogs.undo_import_dialog(window, window.ctx)
    settle(qtbot, window)
    assert _cells(dialog, 0)[2:] == [
        "fusion d'un dossier", "dossier.json", "1 ménage, 1 mesure",
        "non : mesure m7 (ASLL du ménage h7) modifié(e) depuis"]
    assert _cells(dialog, 1)[2:] == ["fusion d'un dossier", "a.json", "1 ménage", "oui"]
    dialog.table.selectRow(0)
    assert not dialog.undo_button.isEnabled()
    assert dialog.reason.text().endswith("non annulable : mesure m7 (ASLL du ménage h7) "
                                         "modifié(e) depuis")
    dialog.table.selectRow(1)
    assert dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert box is not None and "l'import n° " in box.text() and "a.json (1 ménage)" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert store.household("h8") is None and store.household("h7") is not None
    assert _cells(dialog, 1)[5].startswith("annulé le ")
    dialog.close()


def test_merge_report(window, qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _file(tmp_path)
    household_file_actions.merge_file(window, window.ctx, path)
    settle(qtbot, window)
    [report] = _windows(MergeReportDialog)
    assert report.windowTitle() == "Fusion de dossier.json"
    # h7 and m7 are new; w1 (Claire Martin) is the same in the store and the file.
    assert report.details.toPlainText() == ("Ajouté : 1 ménage, 1 mesure.\n"
                                            "Déjà identique ici : 1 intervenant.")
    report.close()
    h7 = store.household("h7")
    h7.phone = "0700000000"
    store.save_household(h7)
    household_file_actions.merge_file(window, window.ctx, path)
    settle(qtbot, window)
    [report] = _windows(MergeReportDialog)
    assert report.summary.text().endswith("avec des différences à vérifier.")
    assert report.details.toPlainText().endswith(
        "• Ménage h7 (DUPONT Jean) : téléphone « 0700000000 » ici, « (vide) » dans le fichier")
    report.close()
    assert store.household("h7").phone == "0700000000"


def test_a_file_gone_before_the_merge_is_said_in_french(  # type: ignore[no-untyped-def]
        window, qtbot, monkeypatch, tmp_path) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text: shown.append((title, text)))
    gone = tmp_path / "cle-usb" / "dossier-h7.json"
    household_file_actions.merge_file(window, window.ctx, gone)
    settle(qtbot, window)
    assert shown == [("Lecture impossible",
                      f"Impossible de lire {gone} : le fichier ou le dossier n'existe pas (clé "
                      "USB ou lecteur réseau débranché ?).")]


def test_right_of_access_from_the_household(window, qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    household_file_actions.merge_file(window, window.ctx, _file(tmp_path))
    settle(qtbot, window)
    for report in _windows(MergeReportDialog):
        report.close()
    household_file_actions.export_household(window, window.ctx, "h7", FOR_ACCESS, tmp_path)
    settle(qtbot, window)
    # DUPONT Jean has no FSL reference: his initials, never his id.
    found = tmp_path.glob("droit-acces-sans-reference-DJ-*")
    assert sorted(p.suffix for p in found) == [".json", ".pdf"]


def test_export_choice_box(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert box.windowTitle() == "Exporter le dossier"
        [chosen] = [b for b in box.buttons() if b.text() == FOR_ACCESS]
        chosen.click()

    QTimer.singleShot(0, click)  # runs in the box's own event loop
    assert household_file_actions.choose_export(window) == FOR_ACCESS


def test_export_for_a_colleague_from_the_household_screen(window, qtbot, store, tmp_path,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    from desktop_app.interchange import read_file
    from desktop_app.ui.household.file_actions import FOR_COLLEAGUE

    store.merge_caseload(read_file(_file(tmp_path)), "dossier.json")
    out = tmp_path / "pour-collegue.json"
    monkeypatch.setattr(household_file_actions, "choose_export", lambda parent: FOR_COLLEAGUE)
    monkeypatch.setattr(household_file_actions.QFileDialog, "getSaveFileName",
                        lambda *args: (str(out), ""))
    screen = window.screens["menage"]
    screen.household_id = "h7"
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    exported = read_file(out)
    # DUPONT Jean (h7), his ASLL m7 and its referent Claire Martin (w1), nothing else.
    assert ([h.id for h in exported.households], [m.id for m in exported.measures],
            [w.id for w in exported.workers]) == (["h7"], ["m7"], ["w1"])


def test_an_export_to_a_folder_gone_is_said_in_french(window, qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The USB key was pulled out: not « Erreur inattendue » with an English traceback, but
    what happened and what to do."""
    from desktop_app.ui.household.file_actions import FOR_COLLEAGUE

    household_file_actions.merge_file(window, window.ctx, _file(tmp_path))
    settle(qtbot, window)
    for report in _windows(MergeReportDialog):
        report.close()
    gone = tmp_path / "cle-usb" / "dossier-h7.json"
    household_file_actions.export_household(window, window.ctx, "h7", FOR_COLLEAGUE, gone)
    settle(qtbot, window)
    assert not gone.exists()
    [box] = [w for w in _windows(QMessageBox) if w.isVisible()]
    assert box.windowTitle() == "Dossier non exporté"
    assert box.text() == (f"Impossible d'écrire « {gone} » : le dossier « {gone.parent} » "
                          "n'existe pas (clé USB ou lecteur réseau débranché ?). Créez-le ou "
                          "choisissez un dossier existant, puis recommencez.")
    assert box.detailedText() == ""
    box.close()


def test_closing_the_imports_dialog_while_they_are_read(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    from tests.ui.helpers import closed

    dialog = batch_dialogs.undo_import_dialog(window, window.ctx)
    dialog.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleted before…
    settle(qtbot, window)  # …the list read comes back
    assert closed(dialog) and window.ctx.runner.last_error is None
