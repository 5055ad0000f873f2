"""`caseload_to_json`: the canonical interchange document of a caseload.

Canonical means: every key of the format, optional ones too (null, false or []), in the order
of docs/echange.md; money as "0.00" strings; `fte` as a float; records sorted so that the same
caseload always gives the same document, whatever order the store returns it in: workers,
households, homes and measures by id; dated children by date then by every other field
(members keep their order: they have no date). `parse_caseload` of this document gives the
caseload back, so `caseload_to_json(parse_caseload(caseload_to_json(c))) ==
caseload_to_json(c)`.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.model import (
    Association,
    Caseload,
    Home,
    Household,
    MeasureType,
    Tariff,
    Worker,
)
from desktop_app.domain.money import format_amount
from desktop_app.interchange.errors import FORMAT
from desktop_app.interchange.measure_json import Json, code, day, measure_to_json, money


def caseload_to_json(caseload: Caseload) -> Json:
    return {
        "format": FORMAT,
        "association": _association(caseload.association),
        "tariffs": [_tariff(t) for t in sorted(caseload.tariffs, key=lambda t: t.from_date)],
        "workers": [_worker(w) for w in sorted(caseload.workers, key=lambda w: w.id)],
        "households": [_household(h) for h in sorted(caseload.households, key=lambda h: h.id)],
        "homes": [_home(h) for h in sorted(caseload.homes, key=lambda h: h.id)],
        "measures": [measure_to_json(m) for m in sorted(caseload.measures, key=lambda m: m.id)],
    }


def _association(association: Association) -> Json:
    conventions = sorted(association.conventions, key=lambda c: c.year)
    return {
        "name": association.name,
        "conventions": [{
            "year": c.year, "asll_points_per_month": c.asll_points_per_month,
            "aml_points_per_month": c.aml_points_per_month, "fal_count": c.fal_count,
            "dsf_count": c.dsf_count, "dsf_closed_door_count": c.dsf_closed_door_count,
            "max_subsidy": None if c.max_subsidy is None else {
                kind.value: format_amount(c.max_subsidy[kind])
                for kind in MeasureType if kind in c.max_subsidy},
        } for c in conventions],
        "grids_sent": [{"year": g.year, "sent_on": day(g.sent_on)} for g in sorted(
            association.grids_sent, key=lambda g: (g.year, g.sent_on))],
        "occupancy_tables_sent": [{"month": str(o.month), "sent_on": day(o.sent_on)} for o in
                                  sorted(association.occupancy_tables_sent,
                                         key=lambda o: (o.month, o.sent_on))],
    }


def _tariff(t: Tariff) -> Json:
    return {"from": day(t.from_date), "point_value": money(t.point_value),
            "fal_support_per_year": money(t.fal_support_per_year),
            "fal_management_per_year": money(t.fal_management_per_year),
            "dsf_done": money(t.dsf_done), "dsf_closed_door": money(t.dsf_closed_door),
            "points_per_fte": t.points_per_fte, "fal_per_fte": t.fal_per_fte}


def _worker(w: Worker) -> Json:
    absences = sorted(w.absences, key=lambda a: (
        a.start, a.end or date.max, a.reason or "", a.slisl_notified_on or date.max,
        a.replacement or ""))
    return {"id": w.id, "name": w.name, "diploma": w.diploma.value, "fte": float(w.fte),
            "absences": [{"start": day(a.start), "end": day(a.end), "reason": a.reason,
                          "slisl_notified_on": day(a.slisl_notified_on),
                          "replacement": a.replacement} for a in absences]}


def _household(h: Household) -> Json:
    return {"id": h.id, "reference": h.reference, "name": h.name, "address": h.address,
            "postcode": h.postcode, "city": h.city, "territory": code(h.territory),
            "territory_other": h.territory_other,
            "phone": h.phone, "monthly_resources": money(h.monthly_resources),
            "members": [{"name": m.name, "birth_date": day(m.birth_date), "role": m.role.value}
                        for m in h.members]}


def _home(h: Home) -> Json:
    vacancies = sorted(h.vacancies, key=lambda v: (v.start, v.end, v.justified))
    return {"id": h.id, "address": h.address, "vacancies": [
        {"start": day(v.start), "end": day(v.end), "justified": v.justified} for v in vacancies]}
