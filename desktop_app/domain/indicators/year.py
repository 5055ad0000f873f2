"""`compute_year_indicators`: every figure of the annual activity grid, computed once.

Points and amounts come from `compute_month_points` (P1–P7), breaches from the alerts
engine (`AlertRun`: the rules of `compute_alerts` at the 12 month ends, reading the same
statements), in force from `measure_facts`: this module only counts and sums.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop_app.domain.dates import Month
from desktop_app.domain.funding import compute_month_points
from desktop_app.domain.indicators.activity import fill_activity, first_day_in_year
from desktop_app.domain.indicators.breaches import year_breaches
from desktop_app.domain.indicators.convention import convention_followup
from desktop_app.domain.indicators.followup import fill_followup
from desktop_app.domain.indicators.homes import home_changes, shared_homes
from desktop_app.domain.indicators.model import (
    AGREED_OBJECTIVES,
    AmlIndicators,
    DsfIndicators,
    FalIndicators,
    TypeIndicators,
    YearIndicators,
)
from desktop_app.domain.indicators.monthly import (
    fal_parts,
    fill_months,
    home_days,
    month_figures,
)
from desktop_app.domain.indicators.profile import ProfileBrackets, fill_profile
from desktop_app.domain.indicators.specific import aml_indicators, dsf_indicators, fal_indicators
from desktop_app.domain.model import AlertSettings, Caseload, Measure, MeasureType

Progress = Callable[[int, int], None]
#: Steps reported to `progress`: 12 monthly statements, 12 month ends of alerts, the rest.
STEPS = 25


def compute_year_indicators(
    caseload: Caseload,
    year: int,
    *,
    brackets: ProfileBrackets | None = None,
    settings: AlertSettings | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> YearIndicators:
    """The named indicators of year N over `caseload` (all of it, or the store's
    `load_for_year(N)`). Breaches are seen at the month ends of N up to `today` (default:
    the real today); `progress(done, STEPS)` is called after each step."""
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, STEPS)

    by_type: dict[MeasureType, list[Measure]] = {t: [] for t in MeasureType}
    for measure in caseload.measures:
        by_type[measure.type].append(measure)
    households = {h.id: h for h in caseload.households}
    types: dict[MeasureType, TypeIndicators] = {}
    everyone: set[str] = set()
    for mtype, measures in by_type.items():
        ind = TypeIndicators(mtype)
        fill_activity(ind, measures, year)
        fill_followup(ind, measures, year)
        supported: dict[str, date] = {}
        for measure in measures:
            day = first_day_in_year(measure, year)
            if day is not None and (measure.household not in supported
                                    or day < supported[measure.household]):
                supported[measure.household] = day
        fill_profile(ind, supported, households, brackets or ProfileBrackets())
        everyone |= supported.keys()
        types[mtype] = ind
    statements = []
    months = []
    for number in range(1, 13):
        month = Month(year, number)
        statement = compute_month_points(caseload, month)
        statements.append(statement)
        months.append(month_figures(statement, month))
        step()
    fill_months(types, months)
    fal = FalIndicators(homes=home_days(statements, caseload.homes))
    fal.support_amount, fal.management_amount, fal.vacancy_amount = fal_parts(statements)
    fal_indicators(by_type[MeasureType.FAL], year, fal)
    fal.shared_households, fal.shared_homes = shared_homes(by_type[MeasureType.FAL], year)
    fal.home_changes = home_changes(by_type[MeasureType.FAL], year)
    aml: AmlIndicators = aml_indicators(by_type[MeasureType.AML], year)
    dsf: DsfIndicators = dsf_indicators(by_type[MeasureType.DSF], caseload, year)
    breaches = year_breaches(caseload, year, settings or AlertSettings(),
                             today or date.today(), step,
                             {s.month: s for s in statements})
    asll, aml_row, fal_row, dsf_row = convention_followup(
        caseload, year, {s.month: s for s in statements}).rows
    agreed = dict(zip(AGREED_OBJECTIVES, (asll.counts[0], aml_row.counts[0], fal_row.counts[0],
                                          dsf_row.counts[0], dsf_row.counts[1]), strict=True))
    result = YearIndicators(caseload.association.name, year, types, months, aml, fal, dsf,
                            breaches, households=len(everyone), agreed=agreed)
    step()
    return result
