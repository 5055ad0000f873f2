"""What every screen has: the context, a title, reloading when data changed, leaving
(with the question about unsaved changes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.topics import Topic


class Screen(QWidget):
    """A page of the main window. `reload()` fetches (in the background) and shows."""

    key = ""
    title = ""
    #: `AppContext.changed` topics that make this screen reload (`Topic.ALL` always does).
    topics: frozenset[Topic] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        self.setAccessibleName(self.title)
        ctx.changed.connect(self._on_changed)

    def _on_changed(self, what: str) -> None:
        if what == Topic.ALL or what in self.topics:
            self.stale = True
            if self.isVisible():
                self.refresh()

    def activate(self) -> None:
        """The screen is being shown: reload if something changed meanwhile."""
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.reload()

    def reload(self) -> None:  # pragma: no cover - every screen overrides it
        raise NotImplementedError

    def can_leave(self) -> bool:
        """False keeps the user here (unsaved changes they chose to keep editing)."""
        return True


def ask_unsaved(parent: QWidget | None, what: str) -> QMessageBox.StandardButton:
    """Save / Discard / Cancel, in French (blocking: the user must answer before leaving)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Modifications non enregistrées")
    box.setText(f"Les modifications de {what} n'ont pas été enregistrées.")
    box.setInformativeText("Voulez-vous les enregistrer avant de quitter cet écran ?")
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Save).setText("Enregistrer")
    box.button(QMessageBox.StandardButton.Discard).setText("Ne pas enregistrer")
    box.button(QMessageBox.StandardButton.Cancel).setText("Rester sur l'écran")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def leave_form(parent: QWidget, dirty: bool, what: str, save: Callable[[], bool]) -> bool:
    """Whether the user may leave a form: asks about unsaved changes; `save()` returns False
    when the form does not validate (the user stays, the messages next to the fields)."""
    if not dirty:
        return True
    answer = ask_unsaved(parent, what)
    if answer == QMessageBox.StandardButton.Save:
        return save()
    return answer == QMessageBox.StandardButton.Discard
