"""Small caseloads built by hand for the indicator and report tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop_app.domain.model import (
    Association,
    Caseload,
    Convention,
    Diploma,
    Home,
    Household,
    Level,
    Measure,
    MeasureType,
    Member,
    MemberRole,
    Period,
    PeriodKind,
    Territory,
    Worker,
)
from desktop_app.interchange import read_file
from tests.conftest import EXAMPLES

WORKER = Worker("w1", "Claire Martin", Diploma.CESF, 1.0)


def example(name: str) -> Caseload:
    """A worked example of tests/data/examples (e.g. `exemple-2.json`)."""
    return read_file(Path(EXAMPLES / name))


def household(hid: str, *roles: MemberRole, birth: date | None = None,
              resources: str | None = None,
              territory: Territory | None = Territory.ARRAGEOIS) -> Household:
    members = [Member(f"Membre {i}", role, birth if role is MemberRole.DEMANDEUR else None)
               for i, role in enumerate(roles)]
    return Household(hid, f"NOM {hid}", reference=f"FSL-{hid}", territory=territory,
                     monthly_resources=None if resources is None else Decimal(resources),
                     members=members)


def measure(mid: str, mtype: MeasureType, hid: str, *spans: tuple[date, date],
            level: Level | None = Level.SIMPLE, **fields: object) -> Measure:
    kinds = [PeriodKind.INITIALE] + [PeriodKind.RENOUVELLEMENT] * max(0, len(spans) - 1)
    periods = [Period(s, e, level if mtype in (MeasureType.ASLL, MeasureType.AML) else None, k)
               for (s, e), k in zip(spans, kinds, strict=False)]
    return Measure(mid, hid, mtype, "w1", periods=periods, **fields)  # type: ignore[arg-type]


def caseload(*measures: Measure, households: list[Household] | None = None,
             homes: list[Home] | None = None, conventions: list[Convention] | None = None,
             workers: list[Worker] | None = None) -> Caseload:
    ids = sorted({m.household for m in measures})
    return Caseload(
        association=Association("Association Test", conventions=conventions or []),
        workers=workers or [WORKER],
        households=households if households is not None else [household(h) for h in ids],
        homes=homes or [],
        measures=list(measures),
    )
