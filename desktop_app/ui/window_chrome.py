"""The menus and the status bar of the main window (its « chrome »)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QProgressBar

from desktop_app.ui import about, batch_dialogs, file_actions
from desktop_app.ui.settings import backup_actions, backup_dialog

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

#: The screens of the navigation list, in its order (« Aller à » numbers them: Ctrl+1…).
NAVIGATION = ("tableau", "menages", "equipe", "logements", "points", "rapports",
              "conservation", "parametres")

#: The window's keys besides « Aller à » (whose rows come from the navigation list), as the
#: help (Aide › Raccourcis clavier) and the README list them.
KEYS: tuple[tuple[str, str], ...] = (
    ("F1", "guide d'utilisation"),
    ("Ctrl+S", "enregistrer la fiche où se trouve le curseur"),
    ("Ctrl+N", "nouvelle visite (sur une mesure)"),
    ("Ctrl+F", "rechercher un ménage"),
    ("F8", "alerte suivante du tableau de bord (Entrée : son action)"),
    ("F5", "actualiser l'écran"),
    ("F4 ou Alt+Flèche bas", "ouvrir le calendrier d'un champ de date"),
    ("Tab / Maj+Tab", "champ suivant / précédent, dans l'ordre de lecture"),
    ("Ctrl+I / Ctrl+E", "importer / exporter un fichier d'échange"),
    ("Ctrl+L", "verrouiller la fenêtre (données cachées)"),
    ("Ctrl+Q", "quitter"),
)


def shortcut_rows(titles: Sequence[str]) -> list[tuple[str, str]]:
    """Every key of the help: `KEYS`, then Ctrl+1… for the screens `titles` of the navigation
    list, in its order."""
    return [*KEYS, *((f"Ctrl+{number}", f"aller à l'écran « {title} »")
                     for number, title in enumerate(titles, start=1))]


def shortcuts_html(titles: Sequence[str]) -> str:
    rows = "".join(f"<tr><td style='white-space:nowrap'><b>{escape(key, quote=False)}</b>"
                   f"</td><td style='white-space:nowrap'>{escape(text, quote=False)}</td></tr>"
                   for key, text in shortcut_rows(titles))
    return f"<table cellspacing='4'>{rows}</table>"


def show_shortcuts(window: MainWindow) -> QMessageBox:
    """Aide › Raccourcis clavier: the keys, the screens those of the navigation list."""
    box = QMessageBox(QMessageBox.Icon.Information, "Raccourcis clavier",
                      shortcuts_html([window.title_of(key) for key in NAVIGATION]),
                      QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def merge_file(window: MainWindow) -> None:
    """Fichier › Fusionner un dossier reçu…"""
    # start-up cost: the household file's module brings the reports (the right of access)
    from desktop_app.ui.household import file_actions as household_file_actions

    household_file_actions.merge_file(window, window.ctx)


def _action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object],
            shortcut: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Fichier, Aller à, Suivi, Aide; returns the actions others need, by name."""
    bar, ctx = window.menuBar(), window.ctx
    menu = bar.addMenu("&Fichier")
    _action(window, menu, "&Importer un fichier d'échange…",
            lambda: file_actions.import_file(window, ctx), "Ctrl+I")
    _action(window, menu, "&Exporter toute la base…",
            lambda: file_actions.export_file(window, ctx), "Ctrl+E")
    _action(window, menu, "Données de &démonstration…",
            lambda: file_actions.demo_data(window, ctx))
    menu.addSeparator()
    _action(window, menu, "&Fusionner un dossier reçu…",
            lambda: merge_file(window))
    _action(window, menu, "A&nnuler un import…",
            lambda: batch_dialogs.undo_import_dialog(window, ctx))
    menu.addSeparator()
    _action(window, menu, "&Sauvegarder maintenant", lambda: backup_actions.backup_now(ctx))
    _action(window, menu, "&Restaurer une sauvegarde…",
            lambda: backup_dialog.open_restore_dialog(window, ctx))
    menu.addSeparator()
    _action(window, menu, "&Verrouiller", lambda: window.lock.lock(), "Ctrl+L")
    menu.addSeparator()
    _action(window, menu, "&Quitter", window.close, "Ctrl+Q")
    menu = bar.addMenu("&Aller à")
    for number, key in enumerate(NAVIGATION, start=1):
        _action(window, menu, window.title_of(key), partial(window.show_screen, key),
                f"Ctrl+{number}")
    menu = bar.addMenu("&Suivi")
    actions = {"new_visit": _action(window, menu, "Nouvelle &visite", window.new_visit,
                                    "Ctrl+N")}
    _action(window, menu, "&Rechercher un ménage", window.search, "Ctrl+F")
    _action(window, menu, "Alerte &suivante", window.next_alert, "F8")
    _action(window, menu, "&Actualiser", lambda: window.current.refresh(), "F5")
    menu = bar.addMenu("&Aide")
    actions["guide"] = _action(window, menu, "&Guide d'utilisation",
                               lambda: about.show_guide(window), "F1")
    _action(window, menu, "&Raccourcis clavier", lambda: show_shortcuts(window))
    actions["about"] = _action(window, menu, "À &propos de Suivi FSL",
                               lambda: about.show_about(window))
    return actions


def build_status_bar(window: MainWindow, store_label: str) -> tuple[QProgressBar, QLabel]:
    """Messages on the left; on the right what runs (with a busy bar) and the store."""
    bar = window.statusBar()
    text = QLabel(window)
    busy = QProgressBar(window)
    busy.setRange(0, 0)
    busy.setMaximumWidth(120)
    busy.setAccessibleName("Opération en cours")
    busy.setVisible(False)
    bar.addPermanentWidget(text)
    bar.addPermanentWidget(busy)
    if store_label:
        label = QLabel(store_label, window)
        label.setObjectName("storeLabel")  # `Launch` renames it when it opens another store
        bar.addPermanentWidget(label)

    def show(running: bool, what: str) -> None:
        busy.setVisible(running)
        text.setText(what if running else "")

    window.ctx.runner.busy_changed.connect(show)
    return busy, text
