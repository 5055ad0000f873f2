"""French input and French errors: dates, amounts, store problems vs program faults."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.store.errors import ConflictError, RefusedError, StoreError
from desktop_app.ui.background import BackgroundRunner, describe_error
from desktop_app.ui.fields import FieldError, parse_date, parse_decimal


@pytest.mark.parametrize(("text", "expected"), [
    ("15/10/2025", date(2025, 10, 15)),
    ("15.10.2025", date(2025, 10, 15)),
    ("1/2/25", date(2025, 2, 1)),
    ("29022024", date(2024, 2, 29)),  # 2024 is a leap year
    ("", None),
])
def test_dates_typed_the_french_way(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_wrong_dates_say_why() -> None:
    with pytest.raises(FieldError, match="Cette date n'existe pas : le 29/02/2025"):
        parse_date("29/02/2025")  # 2025 is not a leap year
    with pytest.raises(FieldError, match="JJ/MM/AAAA, par exemple 15/10/2025"):
        parse_date("2025-10-15")
    # The years the importer accepts too (1900–2100): a period typed into 9999 used to make
    # the store fail on « year 10000 » and the export refused by the importer.
    assert parse_date("31/12/2100") == date(2100, 12, 31)
    with pytest.raises(FieldError, match="Année 9999 hors des limites : les dates vont de 1900"):
        parse_date("31/12/9999")
    with pytest.raises(FieldError, match="Année 1899"):
        parse_date("31/12/1899")


def test_amounts_with_comma_and_spaces() -> None:
    assert parse_decimal("1 234,56") == Decimal("1234.56")
    assert parse_decimal("1\u00a0234,56 €") == Decimal("1234.56")
    with pytest.raises(FieldError, match="1 234,56"):
        parse_decimal("douze")
    assert parse_decimal("999 999 999,99") == Decimal("999999999.99")
    with pytest.raises(FieldError, match="Nombre trop grand"):
        parse_decimal("1 000 000 000,00")


def test_store_problems_and_program_faults_are_told_apart() -> None:
    title, text, details = describe_error(StoreError("La base est verrouillée."))
    assert title == "Problème avec la base de données" and details == ""
    assert text.startswith("La base est verrouillée.")
    assert "Ce n'est pas une erreur de saisie" in text
    title, text, _d = describe_error(ConflictError("Le dossier a changé."))
    assert (title, text) == ("Dossier modifié entre-temps", "Le dossier a changé.")
    title, text, _d = describe_error(RefusedError("Ce dossier est archivé."))
    assert (title, text) == ("Opération impossible", "Ce dossier est archivé.")
    title, text, details = describe_error(ZeroDivisionError("division by zero"))
    assert title == "Erreur inattendue" and "ZeroDivisionError" in details
    assert "Rien de ce qui était déjà enregistré n'est perdu" in text


def test_background_result_comes_back_on_the_gui_thread(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    import threading

    runner = BackgroundRunner()
    seen: list[object] = []
    gui = threading.get_ident()
    runner.run(lambda: threading.get_ident(), lambda worker: seen.append(
        (worker != gui, threading.get_ident() == gui)))
    runner.run(lambda: 1 / 0, on_error=lambda e: seen.append(type(e).__name__))
    qtbot.waitUntil(lambda: runner.idle)
    # The work ran in another thread; its result was handled in the GUI thread; the error
    # went to its handler.
    assert seen == [(True, True), "ZeroDivisionError"]


def test_unhandled_store_error_is_shown_in_french(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = BackgroundRunner()
    runner.error_parent = lambda: parent
    runner.run(lambda: (_ for _ in ()).throw(StoreError("Le disque est plein.")))
    qtbot.waitUntil(lambda: runner.idle)
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.windowTitle() for b in boxes] == ["Problème avec la base de données"]
    assert boxes[0].text().startswith("Le disque est plein.")
    boxes[0].close()


def test_qt_own_words_are_french(app) -> None:  # type: ignore[no-untyped-def]
    """Qt's own dialogs speak French (qtbase_fr loaded from QLibraryInfo's translations)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QMessageBox

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Oui"
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Non"
    assert QLocale().language() == QLocale.Language.French
    # The file dialog's words that qtbase_fr misses are completed.
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "Importer")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [label.text().replace("&", "") for label in dialog.findChildren(QLabel)]
    assert labels == ["Voir dans\u00a0:", "Nom de fichier\u00a0:", "Fichiers de type\u00a0:"]
    dialog.deleteLater()


def test_text_fields_take_the_bounds_of_their_field(app) -> None:  # type: ignore[no-untyped-def]
    """`Form.add` bounds every free text as the importer does (`limits.TEXT_LIMITS`)."""
    from desktop_app.ui.fields import DateField, TextField
    from desktop_app.ui.forms import Form
    from desktop_app.ui.household.form import add_household_fields

    form = Form()
    add_household_fields(form)
    form.add("start", "Début", DateField())
    fields = form.fields
    assert [(key, fields[key].maxLength()) for key in (  # type: ignore[attr-defined]
        "name", "reference", "address", "postcode", "city", "territory_other", "phone",
        "start")] == [
        ("name", 200), ("reference", 50), ("address", 300), ("postcode", 50), ("city", 100),
        ("territory_other", 100), ("phone", 50), ("start", 10)]
    name = fields["name"]
    assert isinstance(name, TextField)
    name.setText("A" * 250)  # typed or pasted: cut at the bound by Qt
    assert name.text() == "A" * 200
    # A longer name stored before the bound existed is shown whole, never cut silently,
    # and refused until shortened.
    name.set_value("B" * 250)
    assert name.text() == "B" * 250
    with pytest.raises(FieldError) as refused:
        name.value()
    assert str(refused.value) == ("Texte trop long : 250 caractères pour au plus 200 : "
                                  "raccourcissez-le.")
    name.set_value("DURAND\x00 Marie")
    with pytest.raises(FieldError, match=r"^Le texte contient un caractère nul"):
        name.value()
    name.set_value("DURAND Marie")
    assert name.value() == "DURAND Marie"
