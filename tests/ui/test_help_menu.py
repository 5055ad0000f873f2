"""Aide › « Guide d'utilisation » (F1) and « À propos de Suivi FSL »."""

from importlib import metadata

from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.ui.about import COMPONENTS, LICENCE, AboutDialog, GuideDialog
from tests.ui.conftest import settle


def _help_action(window, text: str):  # type: ignore[no-untyped-def]
    menu = next(action.menu() for action in window.menuBar().actions()
                if action.text() == "&Aide")
    return next(action for action in menu.actions() if action.text() == text)


def test_about_shows_the_version_the_licence_and_the_notices(window, qtbot):  # type: ignore[no-untyped-def]
    _help_action(window, "À &propos de Suivi FSL").trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert f"Version {__version__}" in dialog.heading.text()
    assert "Logiciel propriétaire de l'association" in dialog.licence.text()
    assert LICENCE.startswith("Logiciel propriétaire")  # pyproject: « Proprietary »
    notices = dialog.notices.toPlainText()
    for words in ("Qt et PySide6", "GNU LGPL version 3", "remplacer", "SQLCipher",
                  "ReportLab", "openpyxl", "SQLAlchemy", "Alembic", "psycopg", "keyring"):
        assert words in notices
    assert metadata.version("openpyxl") in notices
    dialog.close()
    settle(qtbot, window)


def test_the_licences_said_are_those_the_components_declare() -> None:
    """Each licence in the dialog is the one in the component's own metadata."""
    declared = {}
    for component in COMPONENTS:
        if component.distribution and component.distribution != "sqlcipher3":
            meta = metadata.metadata(component.distribution)
            declared[component.distribution] = " ".join(
                [meta.get("License-Expression") or "", meta.get("License") or "",
                 *(meta.get_all("Classifier") or [])])
    said = {"LGPL": ("PySide6-Essentials", "shiboken6", "psycopg"),
            "MIT": ("openpyxl", "SQLAlchemy", "alembic", "keyring", "platformdirs"),
            "BSD": ("reportlab", "cryptography")}
    for licence, names in said.items():
        for name in names:
            assert licence in declared[name], name
            component = next(c for c in COMPONENTS if c.distribution == name)
            assert licence in component.licence.replace("GNU LGPL", "LGPL"), name


def test_f1_opens_the_user_guide(window, qtbot):  # type: ignore[no-untyped-def]
    action = _help_action(window, "&Guide d'utilisation")
    assert action.shortcut().toString() == "F1"
    action.trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    for words in ("Premier lancement", "mot de passe", "Une journée de travail",
                  "état mensuel des points", "grille annuelle", "sauvegardes"):
        assert words in text
    action.trigger()  # a second F1 shows the same guide, not a second one
    assert len(window.findChildren(GuideDialog)) == 1
    dialog.close()
    settle(qtbot, window)


def test_the_application_has_its_name_and_icon(app) -> None:  # type: ignore[no-untyped-def]
    assert QApplication.applicationName() == "Suivi FSL"
    assert QApplication.applicationVersion() == __version__
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(32, 32).isNull()
