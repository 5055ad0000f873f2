"""`demo_summary`: one French line saying what a caseload holds (`suivi-fsl demo`)."""

from __future__ import annotations

from collections import Counter

from desktop_app.domain.model import Caseload, MeasureType

_TYPE_NAMES = (
    (MeasureType.ASLL, "ASLL", "ASLL"),
    (MeasureType.ASLL_DIAG, "diagnostic ASLL", "diagnostics ASLL"),
    (MeasureType.AML, "AML", "AML"),
    (MeasureType.FAL, "FAL", "FAL"),
    (MeasureType.DSF, "DSF", "DSF"),
)


def count(number: int, singular: str, plural: str) -> str:
    """« 1 ménage », « 0 ménage », « 50 000 ménages » (thousands apart by a no-break space)."""
    shown = f"{number:,}".replace(",", "\u00a0")
    return f"{shown} {singular if number < 2 else plural}"


def demo_summary(caseload: Caseload) -> str:
    """« 60 ménages, 74 mesures (41 ASLL, 4 diagnostics ASLL, 8 AML, 8 FAL, 13 DSF),
    812 visites, 4 intervenants, 5 logements ALT »."""
    by_type = Counter(m.type for m in caseload.measures)
    details = ", ".join(count(by_type[t], one, many) for t, one, many in _TYPE_NAMES
                        if by_type[t])
    measures = count(len(caseload.measures), "mesure", "mesures")
    if details:
        measures += f" ({details})"
    visits = sum(len(m.visits) for m in caseload.measures)
    return ", ".join((
        count(len(caseload.households), "ménage", "ménages"),
        measures,
        count(visits, "visite", "visites"),
        count(len(caseload.workers), "intervenant", "intervenants"),
        count(len(caseload.homes), "logement ALT", "logements ALT"),
    ))
