"""Every indicator by name, for the grid layout file: `ASLL.new`, `FAL.points.03`,
`total.amount`, and breakdowns such as `ASLL.territory` (French label → figure)."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields
from decimal import Decimal

from desktop_app.domain.alerts import ALERT_LABELS
from desktop_app.domain.dates import Month
from desktop_app.domain.indicators.model import (
    AGREED_OBJECTIVES,
    AmlIndicators,
    DsfIndicators,
    FalIndicators,
    HomeYear,
    MonthFigures,
    TypeIndicators,
    Value,
    YearIndicators,
)
from desktop_app.domain.model import MeasureType

#: TypeIndicators fields that are breakdowns, or month lists (named per month instead).
_BREAKDOWNS = ("exits_by_reason", "by_level", "by_content", "composition", "age", "resources",
               "territory")
_MONTHLY = ("points_by_month", "amounts_by_month")


def scalars(ind: YearIndicators) -> dict[str, Value]:
    """Every single figure of the year by name."""
    values: dict[str, Value] = {
        "total.households": ind.households,
        "total.points": ind.points,
        "total.amount": ind.amount,
        "breaches.total": sum(ind.breaches.values()),
    }
    for m in ind.months:
        values[f"total.points.{m.month.month:02d}"] = m.points
        values[f"total.amount.{m.month.month:02d}"] = m.amount
    for mtype, t in ind.types.items():
        for f in fields(TypeIndicators):
            if f.name not in _BREAKDOWNS + _MONTHLY and f.name != "type":
                values[f"{mtype}.{f.name}"] = getattr(t, f.name)
        values[f"{mtype}.points"] = t.points
        values[f"{mtype}.amount"] = t.amount
        for index in range(12):
            values[f"{mtype}.points.{index + 1:02d}"] = t.points_by_month[index]
            values[f"{mtype}.amount.{index + 1:02d}"] = t.amounts_by_month[index]
    aml, fal, dsf = ind.aml, ind.fal, ind.dsf
    values.update({
        "AML.agreements": aml.agreements,
        "AML.leases_transferred": aml.leases_transferred,
        "AML.exits_without_transfer": aml.exits_without_transfer,
        "AML.claims_sent": aml.claims_sent,
        "AML.claims_on_time": aml.claims_on_time,
        "AML.claimed_rent": aml.claimed_rent,
        "AML.claimed_damage": aml.claimed_damage,
        "AML.claimed_eviction": aml.claimed_eviction,
        "AML.granted": aml.granted,
        "FAL.homes": len(fal.homes),
        "FAL.support_amount": fal.support_amount,
        "FAL.management_amount": fal.management_amount,
        "FAL.vacancy_amount": fal.vacancy_amount,
        "FAL.shared_households": fal.shared_households,
        "FAL.shared_homes": fal.shared_homes,
        "FAL.home_changes": fal.home_changes,
        "FAL.occupied_days": fal.occupied_days,
        "FAL.vacancy_days": fal.vacancy_days,
        "FAL.exits_to_housing": fal.exits_to_housing,
        "FAL.long_stays": fal.long_stays,
        "FAL.extensions": fal.extensions,
        "DSF.done": dsf.done,
        "DSF.paid_closed_doors": dsf.closed_doors,
        "DSF.not_paid": dsf.not_paid,
        "DSF.sent_on_time": dsf.sent_on_time,
        "DSF.sent_late": dsf.sent_late,
        "DSF.not_sent": dsf.not_sent,
        "DSF.support_requested": dsf.support_requested,
        "DSF.housing_signal": dsf.housing_signal,
    })
    for name in AGREED_OBJECTIVES:  # without a convention: « — » (none in N)
        line = ind.agreed.get(name)
        values[f"agreed.{name}"] = None if line is None else line.agreed
        values[f"done.{name}"] = None if line is None else line.done
        values[f"rate.{name}"] = None if line is None else line.rate
    return values


def breakdowns(ind: YearIndicators) -> dict[str, dict[str, Value]]:
    """Every breakdown of the year by name: ordered French label → figure."""
    result: dict[str, dict[str, Value]] = {}
    for mtype, t in ind.types.items():
        for name in _BREAKDOWNS:
            result[f"{mtype}.{name}"] = dict(getattr(t, name))
    labels = _home_labels(ind)
    result["FAL.home_days"] = {label: h.occupied_days for label, h in labels}
    result["FAL.home_vacancy_days"] = {label: h.vacancy_days for label, h in labels}
    result["FAL.home_amount"] = {label: h.amount for label, h in labels}
    result["DSF.not_paid_by_reason"] = dict(ind.dsf.not_paid_by_reason)
    result["breaches"] = {ALERT_LABELS.get(code, code): n for code, n in ind.breaches.items()}
    return result


def _home_labels(ind: YearIndicators) -> list[tuple[str, HomeYear]]:
    """Each home by its address (with its id when two homes share an address)."""
    counts = Counter(h.address for h in ind.fal.homes)
    return [(h.address if counts[h.address] == 1 else f"{h.address} ({h.home})", h)
            for h in ind.fal.homes]


def indicator_names() -> tuple[frozenset[str], frozenset[str]]:
    """(scalar names, breakdown names) that a grid layout may use."""
    zero = Decimal("0.00")
    empty = YearIndicators(
        association="", year=2000, types={t: TypeIndicators(t) for t in MeasureType},
        months=[MonthFigures(Month(2000, n), 0, zero, 0, zero, {}) for n in range(1, 13)],
        aml=AmlIndicators(), fal=FalIndicators(), dsf=DsfIndicators(), breaches={},
    )
    return frozenset(scalars(empty)), frozenset(breakdowns(empty))
