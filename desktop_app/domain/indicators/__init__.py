"""Named indicators of a year for the SPSLH activity grid, its self-checks, and the
convention follow-up (Q3). Plain Python: the reports package renders them.

Public API: `compute_year_indicators`, `check_indicators`, `check_continuity`,
`YearIndicators`, `TypeIndicators`, `ProfileBrackets`, `scalars`, `breakdowns`,
`indicator_names`, `convention_followup`, `ConventionFollowup`.
"""

from desktop_app.domain.indicators.checks import (
    CheckResult,
    check_continuity,
    check_indicators,
    check_results,
    continuity_result,
)
from desktop_app.domain.indicators.convention import (
    ConventionFollowup,
    ConventionRow,
    CountLine,
    convention_followup,
)
from desktop_app.domain.indicators.model import (
    AmlIndicators,
    DsfIndicators,
    FalIndicators,
    HomeYear,
    MonthFigures,
    TypeIndicators,
    Value,
    YearIndicators,
)
from desktop_app.domain.indicators.naming import breakdowns, indicator_names, scalars
from desktop_app.domain.indicators.profile import ProfileBrackets
from desktop_app.domain.indicators.year import compute_year_indicators

__all__ = [
    "AmlIndicators",
    "CheckResult",
    "ConventionFollowup",
    "ConventionRow",
    "CountLine",
    "DsfIndicators",
    "FalIndicators",
    "HomeYear",
    "MonthFigures",
    "ProfileBrackets",
    "TypeIndicators",
    "Value",
    "YearIndicators",
    "breakdowns",
    "check_continuity",
    "check_indicators",
    "check_results",
    "compute_year_indicators",
    "continuity_result",
    "convention_followup",
    "indicator_names",
    "scalars",
]
