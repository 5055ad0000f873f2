"""A small reader of the interchange file (ECHANGE.md) into the domain model, for the funding
tests only: the application's validating parser lives in `desktop_app/interchange/`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.model import (
    Association,
    Caseload,
    Contract,
    Diploma,
    DsfOutcome,
    Home,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    Stay,
    Suspension,
    SuspensionReason,
    Vacancy,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)
from desktop_app.domain.tariffs import tariff_from_json

Obj = dict[str, Any]


def _d(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _dd(text: str) -> date:
    return date.fromisoformat(text)


def _level(o: Obj) -> Level | None:
    return None if o.get("level") is None else Level(o["level"])


def _measure(o: Obj) -> Measure:
    """The fields the funding rules read (P1–P6); the others are left to their defaults."""
    contract = o.get("contract")
    return Measure(
        id=o["id"], household=o["household"], type=MeasureType(o["type"]), referent=o["referent"],
        periods=[Period(_dd(p["start"]), _dd(p["end"]), _level(p)) for p in o.get("periods", [])],
        closed_on=_d(o.get("closed_on")),
        suspensions=[Suspension(_dd(s["start"]), _d(s.get("end")), SuspensionReason(s["reason"]))
                     for s in o.get("suspensions", [])],
        visits=[Visit(_dd(v["date"]), VisitOutcome(v["outcome"]),
                      None if v.get("place") is None else VisitPlace(v["place"]))
                for v in o.get("visits", [])],
        contract=None if contract is None else Contract(
            _d(contract.get("signed_on")), _d(contract.get("sent_on")),
            _d(contract.get("not_signed_on"))),
        stays=[Stay(s["home"], _dd(s["start"]), _d(s.get("end"))) for s in o.get("stays", [])],
        outcome=None if o.get("outcome") is None else DsfOutcome(o["outcome"]),
        done_on=_d(o.get("done_on")),
    )


def load_caseload(path: Path) -> Caseload:
    obj: Obj = json.loads(path.read_text(encoding="utf-8"))
    return Caseload(
        association=Association(obj["association"]["name"]),
        tariffs=[tariff_from_json(t) for t in obj.get("tariffs", [])],
        workers=[Worker(w["id"], w["name"], Diploma(w["diploma"]), w["fte"])
                 for w in obj["workers"]],
        households=[Household(h["id"], h["name"]) for h in obj["households"]],
        homes=[Home(u["id"], u["address"],
                    [Vacancy(_dd(v["start"]), _dd(v["end"]), v.get("justified", False))
                     for v in u.get("vacancies", [])]) for u in obj.get("homes", [])],
        measures=[_measure(m) for m in obj["measures"]],
    )
