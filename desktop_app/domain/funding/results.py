"""What the funding engine answers for a month (docs/echange.md, `points --month`): its lines,
totals per measure type and quota figures (rules P1–P7, Q1–Q2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_app.domain.dates import Month
from desktop_app.domain.model import MeasureType


@dataclass(frozen=True, slots=True)
class PointLine:
    """One paid item of one measure (or of one ALT home, `fal_gestion`/`fal_vacance`)."""

    measure: str | None
    home: str | None
    household: str | None
    referent: str | None
    type: MeasureType
    item: str
    points: int
    days: int | None
    amount: Decimal
    reason: str | None


@dataclass(frozen=True, slots=True)
class TypeTotal:
    points: int
    amount: Decimal


def over_quota(count: float, limit: float) -> bool:
    """A quota is overrun when the count passes its limit (reaching it is within)."""
    return count > limit


@dataclass(frozen=True, slots=True)
class QuotaFigures:
    """Q1 points against `limit`, Q2 FAL in force against `fal_limit`."""

    points: int
    limit: float
    fal: int
    fal_limit: float


@dataclass(frozen=True, slots=True)
class WorkerQuota:
    worker: str
    fte: float
    figures: QuotaFigures


@dataclass(frozen=True, slots=True)
class MonthPoints:
    month: Month
    lines: list[PointLine]
    points: int
    amount: Decimal
    #: Always the five measure types (zero when none).
    by_type: dict[MeasureType, TypeTotal]
    association: QuotaFigures
    #: Sorted by worker id.
    workers: list[WorkerQuota]


@dataclass(frozen=True, slots=True)
class DsfPayment:
    """What a DSF is paid (P6), on the day it is paid; `reason` says why when it is 0."""

    on: date
    closed_door: bool
    amount: Decimal
    reason: str | None


#: Items of the lines (docs/echange.md).
MENSUEL = "mensuel"
CET_NON_SIGNE = "cet_non_signe"
DIAGNOSTIC = "diagnostic"
FAL_ACCOMPAGNEMENT = "fal_accompagnement"
FAL_GESTION = "fal_gestion"
FAL_VACANCE = "fal_vacance"
DSF = "dsf"
