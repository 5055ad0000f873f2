"""The month's statement as `points --month YYYY-MM --json` prints it (docs/echange.md)."""

from __future__ import annotations

from desktop_app.domain.funding.results import MonthPoints, PointLine, QuotaFigures
from desktop_app.domain.money import format_amount


def line_to_json(line: PointLine) -> dict[str, object]:
    return {
        "measure": line.measure, "home": line.home, "household": line.household,
        "referent": line.referent, "type": line.type.value, "item": line.item,
        "points": line.points, "days": line.days, "amount": format_amount(line.amount),
        "reason": line.reason,
    }


def _figures(figures: QuotaFigures) -> dict[str, object]:
    return {"points": figures.points, "limit": figures.limit, "fal": figures.fal,
            "fal_limit": figures.fal_limit}


def month_points_to_json(result: MonthPoints) -> dict[str, object]:
    """Exactly the shape of docs/echange.md: month, lines, totals (by type), quotas."""
    return {
        "month": str(result.month),
        "lines": [line_to_json(line) for line in result.lines],
        "totals": {
            "points": result.points,
            "amount": format_amount(result.amount),
            "by_type": {
                mtype.value: {"points": total.points, "amount": format_amount(total.amount)}
                for mtype, total in sorted(result.by_type.items(), key=lambda i: i[0].value)
            },
        },
        "quotas": {
            "association": _figures(result.association),
            "workers": [{"worker": q.worker, "fte": q.fte, **_figures(q.figures)}
                        for q in result.workers],
        },
    }
