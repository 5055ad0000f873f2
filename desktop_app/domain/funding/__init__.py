"""The funding engine: what each measure earns in a month (docs/regles.md P1–P7) and the quota
figures (Q1–Q2), as plain results; JSON (docs/echange.md) and French renderings."""

from desktop_app.domain.funding.dsf import dsf_payment
from desktop_app.domain.funding.engine import compute_month_points
from desktop_app.domain.funding.render_fr import format_month_points_fr
from desktop_app.domain.funding.render_json import month_points_to_json
from desktop_app.domain.funding.results import (
    DsfPayment,
    MonthPoints,
    PointLine,
    QuotaFigures,
    TypeTotal,
    WorkerQuota,
)

__all__ = [
    "DsfPayment",
    "MonthPoints",
    "PointLine",
    "QuotaFigures",
    "TypeTotal",
    "WorkerQuota",
    "compute_month_points",
    "dsf_payment",
    "format_month_points_fr",
    "month_points_to_json",
]
