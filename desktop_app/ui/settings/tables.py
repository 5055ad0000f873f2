"""Columns of the Paramètres screen's lists: conventions, tariffs, annual grids sent."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.fr import format_date
from desktop_app.domain.model import Convention, GridSent, Tariff
from desktop_app.domain.money import format_eur
from desktop_app.ui.models import RIGHT, Column, date_key


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
