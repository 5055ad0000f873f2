"""What the worker writes in a bilan (final or intermediate report) of a measure.

Plain dataclass with no report library behind it, so that the window and the store can keep
and edit it; `desktop_app.reports.write_bilan` prints it with the measure's facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.limits import MAX_BILAN_SECTION_LENGTH, text_problem

#: French headings of the sections, in the printed order (field name → heading).
SECTIONS: dict[str, str] = {
    "situation": "Situation du ménage",
    "objectives": "Objectifs de l'accompagnement",
    "actions": "Actions menées",
    "results": "Résultats obtenus",
    "renewal_request": "Demande de renouvellement",
}


@dataclass(slots=True)
class BilanText:
    """The worker's text; an empty `renewal_request` means no renewal is asked for (the
    convention asks a request to say why the objectives were not reached and what a
    renewal would bring)."""

    situation: str = ""
    objectives: str = ""
    actions: str = ""
    results: str = ""
    renewal_request: str = ""

    @property
    def renewal_requested(self) -> bool:
        return bool(self.renewal_request.strip())

    def problems(self) -> list[str]:
        """What keeps the text from being saved, in French: a section longer than
        `limits.MAX_BILAN_SECTION_LENGTH` characters or with a NUL character."""
        return [f"section « {heading} » : {problem}" for name, heading in SECTIONS.items()
                if (problem := text_problem(getattr(self, name), MAX_BILAN_SECTION_LENGTH))]

    def sections(self) -> list[tuple[str, str]]:
        """(French heading, text) of each section, in order."""
        return [(heading, getattr(self, name)) for name, heading in SECTIONS.items()]
