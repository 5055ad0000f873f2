"""Paramètres: the association, its yearly conventions, tariffs with their effective dates,
the alert settings, and the annual grids sent."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.association import Change, add_tariff, change_association, save_alert_settings
from desktop_app.app.pages import SettingsPage, settings_page
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import AlertSettings, Association, Convention, GridSent, Tariff
from desktop_app.domain.money import format_eur
from desktop_app.domain.tariffs import default_tariffs
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.fields import NumberField, TextField
from desktop_app.ui.forms import Form, FormDialog
from desktop_app.ui.models import RIGHT, Column, RowTableModel, date_key
from desktop_app.ui.screen import Screen, leave_form
from desktop_app.ui.settings.backup_card import BackupCard
from desktop_app.ui.settings.dialogs import convention_dialog, grid_dialog, tariff_dialog
from desktop_app.ui.settings.security_card import SecurityCard
from desktop_app.ui.settings.server_card import ServerCard
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import selected_row, table_view
from desktop_app.ui.widgets import button, page_header, section


def _n(key: str, header: str) -> Column[Convention]:
    return Column(header, lambda c: str(getattr(c, key)), lambda c: getattr(c, key), RIGHT)


def _eur(key: str, header: str) -> Column[Tariff]:
    return Column(header, lambda t: format_eur(getattr(t, key)),
                  lambda t: float(getattr(t, key)), RIGHT)


CONVENTIONS = [_n("year", "Année"), _n("asll_points_per_month", "Points ASLL / mois"),
               _n("aml_points_per_month", "Points AML / mois"), _n("fal_count", "FAL"),
               _n("dsf_count", "DSF"), _n("dsf_closed_door_count", "DSF portes closes"),
               Column("Subvention maximale", lambda c: format_eur(sum(
                   (c.max_subsidy or {}).values(), Decimal(0))) if c.max_subsidy else "—",
                   align=RIGHT)]
TARIFFS = [Column("À partir du", lambda t: format_date(t.from_date),
                  lambda t: date_key(t.from_date)),
           _eur("point_value", "Point"),
           _eur("fal_support_per_year", "FAL accomp. / an"),
           _eur("fal_management_per_year", "FAL gestion / an"), _eur("dsf_done", "DSF réalisé"),
           _eur("dsf_closed_door", "DSF p. closes"),
           Column("Points / ETP", lambda t: str(t.points_per_fte), lambda t: t.points_per_fte,
                  RIGHT),
           Column("FAL / ETP", lambda t: str(t.fal_per_fte), lambda t: t.fal_per_fte, RIGHT)]
GRIDS: list[Column[GridSent]] = [
    Column("Année", lambda g: str(g.year), lambda g: g.year),
    Column("Envoyée le", lambda g: format_date(g.sent_on), lambda g: date_key(g.sent_on))]


class SettingsScreen(Screen):
    key = "parametres"
    title = "Paramètres"
    topics = frozenset({Topic.ASSOCIATION, Topic.SETTINGS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.association: Association | None = None
        self.tariffs: list[Tariff] = []
        #: The alert settings the form was filled with: a save is checked against them.
        self.alerts_base: AlertSettings | None = None
        self.dialog: FormDialog | None = None
        # Two tabs: what the département and the association set (« Association et
        # convention »), and how this laptop keeps the data safe (« Sécurité et sauvegardes »).
        outer = QVBoxLayout(self)
        header, _t = page_header(self.title, self)
        outer.addLayout(header)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Rubriques des paramètres")
        outer.addWidget(self.tabs, 1)
        general = QWidget(self.tabs)
        self.tabs.addTab(general, "Association et convention")
        grid = QGridLayout(general)
        card, box, _t = section("Association", self)
        self.name_form = Form(card)
        self.name_form.add("name", "Nom", TextField(), required=True)
        # The association's name is long (« Association … du Pas-de-Calais »): its card takes
        # the whole width, the button beside the field.
        row = QHBoxLayout()
        row.addWidget(self.name_form, 1)
        row.addWidget(button("Enregistrer", card, self.save_name), 0, Qt.AlignmentFlag.AlignTop)
        self.name_form.save_with(self.save_name)
        box.addLayout(row)
        grid.addWidget(card, 1, 0, 1, 3)
        card, box, _t = section("Réglages des alertes", self)
        self.alert_form = Form(card)
        self.alert_form.add("days_ahead", "« À venir » au-delà de (jours)",
                            NumberField(integer=True, minimum=Decimal(0), maximum=Decimal(90)),
                            required=True, hint="Une alerte est « à venir » tant qu'il reste "
                            "plus de jours que cela avant son échéance, puis « à faire ».")
        self.alert_form.add("occupancy_table_due_day", "Tableau ALT dû le (jour)",
                            NumberField(integer=True, minimum=Decimal(1), maximum=Decimal(28)),
                            required=True, hint="Jour du mois suivant où le tableau "
                            "d'occupation ALT est dû au SPSLH (la convention n'en fixe pas).")
        box.addWidget(self.alert_form)
        box.addStretch(1)
        box.addWidget(button("Enregistrer", card, self.save_alerts), 0, Qt.AlignmentFlag.AlignRight)
        self.alert_form.save_with(self.save_alerts)
        grid.addWidget(card, 2, 0)
        card, box, _t = section("Grilles annuelles envoyées", self)
        self.grids: RowTableModel[GridSent] = RowTableModel(GRIDS, card)
        box.addWidget(table_view(self.grids, card, "Grilles annuelles envoyées",
                                 empty="Aucun envoi noté."))
        box.addWidget(button("Noter l'envoi d'une grille…", card, self.record_grid), 0,
                      Qt.AlignmentFlag.AlignRight)
        grid.addWidget(card, 2, 1, 1, 2)
        card, box, _t = section("Conventions annuelles", self)
        self.conventions: RowTableModel[Convention] = RowTableModel(CONVENTIONS, card)
        self.conventions_view = table_view(self.conventions, card, "Conventions annuelles",
                                            empty="Aucune convention saisie.")
        self.conventions_view.activated.connect(lambda _i: self.edit_convention())
        box.addWidget(self.conventions_view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button("Nouvelle convention…", card, lambda: self._convention(None)))
        row.addWidget(button("Modifier…", card, self.edit_convention))
        box.addLayout(row)
        grid.addWidget(card, 3, 0, 1, 3)
        card, box, _t = section("Tarifs (à partir de leur date d'effet)", self)
        self.tariff_model: RowTableModel[Tariff] = RowTableModel(TARIFFS, card)
        self.tariffs_view = table_view(self.tariff_model, card, "Tarifs")
        box.addWidget(self.tariffs_view)
        self.tariff_note = QLabel("Aucun tarif enregistré dans la base : les tarifs par défaut "
                                  "ci-dessus s'appliquent.", card)
        self.tariff_note.setObjectName("muted")
        self.tariff_note.setWordWrap(True)
        self.tariff_note.setVisible(False)
        box.addWidget(self.tariff_note)
        box.addWidget(button("Nouveau tarif…", card, self.new_tariff), 0,
                      Qt.AlignmentFlag.AlignRight)
        grid.addWidget(card, 4, 0, 1, 3)
        safety = QWidget(self.tabs)
        self.tabs.addTab(safety, "Sécurité et sauvegardes")
        column = QVBoxLayout(safety)
        self.security = SecurityCard(ctx, safety)  # lock delay, passphrase
        column.addWidget(self.security)
        self.backups = BackupCard(ctx, safety)  # folder, automatic backups, restore
        column.addWidget(self.backups)
        self.server = ServerCard(ctx, safety)  # the association's server
        column.addWidget(self.server)
        column.addStretch(1)
        grid.setRowStretch(3, 1)  # conventions and tariffs share the height left
        grid.setRowStretch(4, 1)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(2, 1)
        grid.setRowStretch(3, 1)

    def reload(self) -> None:
        store = self.ctx.store
        self.ctx.run(lambda: settings_page(store), self._loaded,
                     text="Chargement des paramètres…")

    def _loaded(self, page: SettingsPage) -> None:
        self.association, self.tariffs, settings = page.association, page.tariffs, page.alerts
        if not self.name_form.dirty:
            self.name_form.set_values({"name": self.association.name})
        if not self.alert_form.dirty:
            self.alerts_base = settings
            self.alert_form.set_values({"days_ahead": settings.days_ahead,
                                        "occupancy_table_due_day":
                                            settings.occupancy_table_due_day})
        self.conventions.set_rows(sorted(self.association.conventions, key=lambda c: -c.year))
        self.grids.set_rows(sorted(self.association.grids_sent, key=lambda g: -g.year))
        shown = self.tariffs or default_tariffs()
        self.tariff_note.setVisible(not self.tariffs)
        self.tariff_model.set_rows(sorted(shown, key=lambda t: t.from_date, reverse=True))

    def _save_association(self, change: Change, dialog: FormDialog | None = None) -> None:
        store = self.ctx.store
        self.ctx.save(lambda: change_association(store, change), Topic.ASSOCIATION,
                      lambda _r: dialog.accept() if dialog else None)

    def save_name(self) -> bool:
        values = self.name_form.read()
        if values is None:
            return False
        self.name_form.mark_clean()
        self._save_association(lambda a: setattr(a, "name", values["name"]))
        return True

    def save_alerts(self) -> bool:
        values = self.alert_form.read()
        if values is None:
            return False
        self.alert_form.mark_clean()
        settings = AlertSettings(int(values["days_ahead"]), int(values["occupancy_table_due_day"]))
        store, base = self.ctx.store, self.alerts_base or AlertSettings()

        def saved(_result: object) -> None:
            self.alerts_base = settings

        def refused(error: BaseException) -> None:
            self.alert_form.dirty = True  # the typed values stay, still to save
            show_error(self, error)

        self.ctx.save(lambda: save_alert_settings(store, settings, base), Topic.SETTINGS,
                      saved, on_error=refused)
        return True

    def edit_convention(self) -> None:
        convention = selected_row(self.conventions_view)
        if convention is not None:
            self._convention(convention)

    def _convention(self, convention: Convention | None) -> None:
        existing = self.association.conventions if self.association else []

        def submit(new: Convention, dialog: FormDialog) -> None:
            self._save_association(lambda a: setattr(a, "conventions", sorted(
                [c for c in a.conventions if c.year not in (new.year, getattr(
                    convention, "year", None))] + [new], key=lambda c: c.year)), dialog)

        self._open(convention_dialog(self, existing, convention, submit))

    def new_tariff(self) -> None:
        store, tariffs = self.ctx.store, list(self.tariffs)

        def submit(tariff: Tariff, dialog: FormDialog) -> None:
            self.ctx.save(lambda: add_tariff(store, tariff, tariffs),
                          Topic.SETTINGS, lambda _r: dialog.accept())

        self._open(tariff_dialog(self, tariffs, submit))

    def record_grid(self) -> None:
        def submit(grid: GridSent, dialog: FormDialog) -> None:
            self._save_association(lambda a: setattr(a, "grids_sent", [
                *(g for g in a.grids_sent if g.year != grid.year), grid]), dialog)

        self._open(grid_dialog(self, self.ctx.today(), submit))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def can_leave(self) -> bool:
        return (leave_form(self, self.name_form.dirty, "l'association", self.save_name)
                and leave_form(self, self.alert_form.dirty, "des réglages d'alertes",
                               self.save_alerts))

