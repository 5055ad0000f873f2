"""Aide › « À propos de Suivi FSL » (version, licence, notices of the bundled components) and
Aide › « Guide d'utilisation » (docs/guide.md, shipped as desktop_app/resources/guide.md)."""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib import metadata, resources

from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__

#: pyproject.toml says « Proprietary »: the association's own software, no open licence.
LICENCE = "Logiciel propriétaire de l'association."


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    distribution: str  # the installed distribution whose version is shown
    licence: str
    note: str = ""


#: What the program carries (the one-folder build bundles all of them), with their licences
#: as their own metadata gives them (importlib.metadata, checked by tests/ui/test_help_menu.py).
COMPONENTS = (
    Component("Qt et PySide6 (Qt for Python)", "PySide6-Essentials",
              "GNU LGPL version 3",
              "Les bibliothèques de Qt et de PySide6 sont des fichiers séparés du dossier de "
              "l'application (dossier « _internal » : fichiers libQt6*, Qt6*.dll ou "
              "QtCore.framework…, et les dossiers PySide6 et shiboken6, en code source "
              "Python et bibliothèques) : vous pouvez les remplacer par une "
              "version modifiée ou plus récente de même version majeure (6.x), compilée de la "
              "même façon, sans rien changer d'autre. Le code source de Qt est sur "
              "download.qt.io, celui de PySide6 sur code.qt.io ; le texte de la LGPL v3 est sur "
              "www.gnu.org/licenses/lgpl-3.0.html."),
    Component("shiboken6", "shiboken6", "GNU LGPL version 3"),
    Component("SQLCipher (chiffrement de la base), par sqlcipher3", "sqlcipher3",
              "SQLCipher : licence de type BSD (Zetetic LLC) ; sqlcipher3 : licence zlib "
              "(Gerhard Häring)"),
    Component("ReportLab (documents PDF)", "reportlab", "BSD"),
    Component("openpyxl (classeurs XLSX)", "openpyxl", "MIT"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic (mises à jour de la base)", "alembic", "MIT"),
    Component("psycopg (serveur PostgreSQL)", "psycopg", "GNU LGPL version 3",
              "psycopg (dossier « _internal/psycopg », en code source Python) et sa "
              "bibliothèque libpq sont des fichiers séparés, remplaçables comme ceux de "
              "Qt ; libpq est sous licence PostgreSQL (de type BSD)."),
    Component("keyring (trousseau du système)", "keyring", "MIT"),
    Component("cryptography (sauvegardes chiffrées)", "cryptography", "Apache 2.0 ou BSD"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("Python", "", "Python Software Foundation License"),
)


def component_version(component: Component) -> str:
    if not component.distribution:
        return platform.python_version()
    if component.distribution == "PySide6-Essentials":
        return QLibraryInfo.version().toString()
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:  # not installed: the line says so
        return "non installé"


def notices_html() -> str:
    rows = []
    for component in COMPONENTS:
        note = f"<br><small>{html.escape(component.note)}</small>" if component.note else ""
        rows.append(f"<li><b>{html.escape(component.name)}</b> "
                    f"{html.escape(component_version(component))} — "
                    f"{html.escape(component.licence)}{note}</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def app_icon() -> QIcon:
    return QIcon(str(resources.files("desktop_app.resources") / "suivi-fsl.svg"))


class AboutDialog(QDialog):
    """The version, the licence, the notices of the bundled components."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("À propos de Suivi FSL")
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        layout.addWidget(icon)
        self.heading = QLabel(f"<h2>Suivi FSL</h2><p>Version {html.escape(__version__)}</p>"
                              "<p>Suivi des mesures ASLL, AML, FAL et DSF du Fonds de "
                              "Solidarité Logement du Pas-de-Calais : visites, obligations, "
                              "points et montants.</p>", self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.licence = QLabel(f"<p><b>Licence :</b> {html.escape(LICENCE, quote=False)}</p>", self)
        self.licence.setWordWrap(True)
        layout.addWidget(self.licence)
        layout.addWidget(QLabel("Composants inclus et leurs licences :", self))
        self.notices = QTextBrowser(self)
        self.notices.setAccessibleName("Composants inclus")
        self.notices.setHtml(notices_html())
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)


def guide_text() -> str:
    return (resources.files("desktop_app.resources") / "guide.md").read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The user guide (Markdown shown as rich text), not modal: it stays beside the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Guide d'utilisation — Suivi FSL")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("Guide d'utilisation")
        self.text.setMarkdown(guide_text())
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(720, 640)


def show_about(parent: QWidget) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.open()
    return dialog


def show_guide(parent: QWidget) -> GuideDialog:
    existing = parent.findChild(GuideDialog)
    dialog = existing if isinstance(existing, GuideDialog) else GuideDialog(parent)
    dialog.show()
    dialog.raise_()
    return dialog
