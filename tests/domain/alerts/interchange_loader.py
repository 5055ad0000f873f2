"""A small reader of the interchange file (ECHANGE.md) into the domain model, for the alert
tests only: the application's validating parser lives in `desktop_app/interchange/`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Absence,
    Association,
    Caseload,
    Contract,
    Convention,
    Diploma,
    DsfOutcome,
    GridSent,
    Home,
    Household,
    Level,
    LongStayReason,
    Measure,
    MeasureType,
    Notice,
    NoticeKind,
    NotSignedReason,
    OccupancyTableSent,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Retroactive,
    Stay,
    Suspension,
    SuspensionReason,
    Vacancy,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)

Obj = dict[str, Any]


def _d(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _dd(text: str) -> date:
    return date.fromisoformat(text)


def _opt(enum: Any, value: str | None) -> Any:
    return None if value is None else enum(value)


def _association(obj: Obj) -> Association:
    return Association(
        name=obj["name"],
        conventions=[
            Convention(c["year"], c["asll_points_per_month"], c["aml_points_per_month"],
                       c["fal_count"], c["dsf_count"], c["dsf_closed_door_count"])
            for c in obj.get("conventions", [])
        ],
        grids_sent=[GridSent(g["year"], _dd(g["sent_on"])) for g in obj.get("grids_sent", [])],
        occupancy_tables_sent=[OccupancyTableSent(Month.parse(t["month"]), _dd(t["sent_on"]))
                               for t in obj.get("occupancy_tables_sent", [])],
    )


def _worker(obj: Obj) -> Worker:
    return Worker(obj["id"], obj["name"], Diploma(obj["diploma"]), obj["fte"], [
        Absence(_dd(a["start"]), _d(a.get("end")), a.get("reason"),
                _d(a.get("slisl_notified_on")), a.get("replacement"))
        for a in obj.get("absences", [])
    ])


def _measure(o: Obj) -> Measure:
    contract = o.get("contract")
    return Measure(
        id=o["id"], household=o["household"], type=MeasureType(o["type"]), referent=o["referent"],
        decision_date=_d(o.get("decision_date")),
        periods=[Period(_dd(p["start"]), _dd(p["end"]), _opt(Level, p.get("level")),
                        _opt(PeriodKind, p.get("kind"))) for p in o.get("periods", [])],
        closed_on=_d(o.get("closed_on")), close_reason=o.get("close_reason"),
        suspensions=[Suspension(_dd(s["start"]), _d(s.get("end")), SuspensionReason(s["reason"]))
                     for s in o.get("suspensions", [])],
        visits=[Visit(_dd(v["date"]), VisitOutcome(v["outcome"]), _opt(VisitPlace, v.get("place")),
                      v.get("worker")) for v in o.get("visits", [])],
        reports=[Report(ReportKind(r["kind"]), _dd(r["period_end"]), _d(r.get("sent_on")),
                        r.get("signed", False)) for r in o.get("reports", [])],
        notices=[Notice(NoticeKind(n["kind"]), _dd(n["sent_on"])) for n in o.get("notices", [])],
        contract=None if contract is None else Contract(
            _d(contract.get("signed_on")), _d(contract.get("sent_on")),
            _d(contract.get("not_signed_on")),
            _opt(NotSignedReason, contract.get("not_signed_reason"))),
        retroactive=_opt(Retroactive, o.get("retroactive")),
        agreement_on=_d(o.get("agreement_on")),
        lease_transferred_on=_d(o.get("lease_transferred_on")),
        relay_authorized=o.get("relay_authorized", False),
        concertation_on=_d(o.get("concertation_on")),
        stays=[Stay(s["home"], _dd(s["start"]), _d(s.get("end"))) for s in o.get("stays", [])],
        long_stay_reason=_opt(LongStayReason, o.get("long_stay_reason")),
        extension=o.get("extension", False),
        summoned_on=_d(o.get("summoned_on")), hearing_on=_d(o.get("hearing_on")),
        outcome=_opt(DsfOutcome, o.get("outcome")), transmitted_on=_d(o.get("transmitted_on")),
        done_on=_d(o.get("done_on")),
    )


def caseload_of(obj: Obj) -> Caseload:
    return Caseload(
        association=_association(obj["association"]),
        workers=[_worker(w) for w in obj["workers"]],
        households=[Household(h["id"], h["name"], h.get("reference"), city=h.get("city"),
                              territory=h.get("territory")) for h in obj["households"]],
        homes=[Home(u["id"], u["address"],
                    [Vacancy(_dd(v["start"]), _dd(v["end"]), v.get("justified", False))
                     for v in u.get("vacancies", [])]) for u in obj.get("homes", [])],
        measures=[_measure(m) for m in obj["measures"]],
    )


def load_caseload(path: Path) -> Caseload:
    """The caseload of an interchange file (built-in tariffs: the file's `tariffs` are not
    read here)."""
    return caseload_of(json.loads(path.read_text(encoding="utf-8")))

