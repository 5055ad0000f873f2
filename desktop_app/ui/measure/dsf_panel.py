"""« Contenu du diagnostic »: the tab of a DSF where the worker writes what the diagnostic
says (décret n° 2021-8, article 2, in its order), saves it and prints the document sent to
the SLISL. What was typed stays in the form when a save is refused."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dsf_content import (
    LABELS,
    DsfContent,
    content_problems,
    missing_for_sending,
)
from desktop_app.domain.limits import MAX_AMOUNT
from desktop_app.domain.model import Measure
from desktop_app.domain.money import ZERO, round_cents
from desktop_app.ui.fields import CheckField, DateField, NumberField, ParagraphField, TextField
from desktop_app.ui.forms import Form, Values
from desktop_app.ui.widgets import button

TITLE = "Contenu du diagnostic"
INTRO = ("Contenu fixé par le décret n° 2021-8 du 5 janvier 2021 (article 2). Un brouillon "
         "s'enregistre à tout moment ; le diagnostic s'imprime pour le SLISL une fois "
         "complet.")
#: Check boxes: their text beside the box (the form's label is the field's French name).
CHECKS = {
    "tenant_present": "Présent",
    "rent_resumed": "Reprise constatée",
    "rehousing_needed": "Relogement nécessaire",
    "ccapex_referred": "CCAPEX saisie",
    "support_requested": "Demande complétée (accord du ménage)",
    "housing_signal": "Logement signalé",
}


def build_dsf_form(form: Form) -> None:
    """The fields of `DsfContent`, in the décret's order."""
    for name, label in LABELS.items():
        if name in CHECKS:
            form.add(name, label, CheckField(CHECKS[name]))
        elif name in ("sent_to_tenant_on", "sent_to_landlord_on"):
            form.add(name, label, DateField())
        elif name == "rent_debt":
            form.add(name, label, NumberField(minimum=ZERO, maximum=MAX_AMOUNT,
                                              placeholder="en euros, 0 si aucune"))
        elif name == "writer":
            form.add(name, label, TextField(placeholder="Nom, prénom et fonction"))
        else:
            form.add(name, label, ParagraphField())


def content_of(values: Values) -> DsfContent:
    """The form's values as a content (texts stripped, the debt to the cent, half-up)."""
    debt = values.get("rent_debt")
    found = {name: values[name] for name in LABELS if name in values}
    found["writer"] = values.get("writer") or ""
    found["rent_debt"] = None if debt is None else round_cents(debt)
    return DsfContent(**found)


def values_of(content: DsfContent | None) -> Values:
    shown = content or DsfContent()
    return {name: getattr(shown, name) for name in LABELS}


class DsfPanel(QScrollArea):
    """`save_requested` and `print_requested` ask the screen; `base` is the measure the form
    was filled from (the version a save is checked against)."""

    save_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(TITLE)
        body = QWidget(self)
        column = QVBoxLayout(body)
        intro = QLabel(INTRO, body)
        intro.setWordWrap(True)
        intro.setObjectName("intro")
        column.addWidget(intro)
        self.form = Form(body)
        # the décret's long names above their fields, the texts the whole width
        self.form.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        build_dsf_form(self.form)
        for caption in self.form.findChildren(QLabel):  # the longest names wrap, 1024 wide
            caption.setWordWrap(len(caption.text()) > 48)
        self.done_on: date | None = None
        self.form.validators.append(lambda v: content_problems(content_of(v), self.done_on))
        self.form.edited.connect(self._show_missing)
        # what is left to fill in, read at a glance above the form
        self.missing = QLabel(body)
        self.missing.setWordWrap(True)
        self.missing.setObjectName("subtitle")
        column.addWidget(self.missing)
        column.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.print_button = button("Imprimer le diagnostic…", body, self.print_requested.emit,
                                   tip="Le document transmis au SLISL (PDF), tel qu'enregistré")
        self.save_button = button("Enregistrer le diagnostic", body, self.save_requested.emit,
                                  primary=True)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        column.addLayout(row)
        column.addStretch(1)
        self.setWidget(body)
        self.base: Measure | None = None

    def show_measure(self, measure: Measure) -> None:
        """Fill the form from `measure` — unless the user is typing over this same DSF: then
        `measure` becomes the base only if its content is the one typed over (a save of the
        « Suivi » form meanwhile is no conflict; a content changed elsewhere is)."""
        base = self.base
        if self.form.dirty and base is not None and base.id == measure.id:
            if base.dsf_content == measure.dsf_content:
                self.base, self.done_on = measure, measure.done_on
            return
        self.base = measure
        self.done_on = measure.done_on
        self.form.set_values(values_of(measure.dsf_content))
        self._show_missing()

    def read(self) -> DsfContent | None:
        """The content typed, or None after showing what is wrong next to each field."""
        values = self.form.read()
        return None if values is None else content_of(values)

    def _show_missing(self) -> None:
        try:
            missing = missing_for_sending(content_of(
                {k: self._peek(k) for k in LABELS}))
        except ValueError:  # a field not readable yet (a date being typed)
            return
        self.missing.setText(
            "À compléter avant l'envoi au SLISL : " + " ; ".join(missing) + "."
            if missing else "Diagnostic complet : il peut être imprimé et transmis.")

    def _peek(self, key: str) -> object:
        field = self.form.fields[key]
        return field.value()  # type: ignore[attr-defined]
