"""What a document says of itself on every page: « Établi le JJ/MM/AAAA » and, for a
period still under way (`domain.document_period`), « PROVISOIRE ». The PDF writer draws
them in its page header and footer (`draw_pdf_status`), the XLSX writer puts them in the
printed header and footer and in the visible title block (`stamp_sheet`). No openpyxl or
reportlab import here: the writers pass their own objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.document_period import (
    PeriodState,
    future_year_refusal,
    period_state,
    year_state,
)
from desktop_app.domain.fr import format_date

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet
    from reportlab.pdfgen.canvas import Canvas

PROVISIONAL = "PROVISOIRE"
#: Said under the title of a provisional document.
PROVISIONAL_NOTE = ("Document provisoire : la période n'est pas terminée, ses chiffres "
                    "peuvent encore changer.")


class FuturePeriodError(ValueError):
    """The document of a period not yet begun was asked for (message in French)."""


@dataclass(frozen=True, slots=True)
class DocumentStatus:
    produced_on: date
    provisional: bool = False

    @classmethod
    def today(cls) -> DocumentStatus:
        return cls(date.today())

    @classmethod
    def for_period(cls, first: date, last: date, today: date,
                   refusal: str = "") -> DocumentStatus:
        """The status of the document about `first`–`last` on `today`; a period not yet
        begun raises `FuturePeriodError` (`refusal`, or a general French message)."""
        state = period_state(first, last, today)
        if state is PeriodState.FUTURE:
            raise FuturePeriodError(refusal or (
                f"la période du {format_date(first)} au {format_date(last)} n'a pas "
                f"commencé : son document ne peut pas être établi."))
        return cls(today, state is PeriodState.PROVISIONAL)

    @classmethod
    def for_year(cls, year: int, today: date) -> DocumentStatus:
        if year_state(year, today) is PeriodState.FUTURE:
            raise FuturePeriodError(future_year_refusal(year, today))
        return cls.for_period(date(year, 1, 1), date(year, 12, 31), today)

    @classmethod
    def of_period(cls, first: date, last: date) -> DocumentStatus:
        """Today's status of a document about `first`–`last` that the window may make ahead
        (a statement, the occupancy table, the convention follow-up): « PROVISOIRE » until
        the period is over, the days not yet come included."""
        today = date.today()
        return cls(today, period_state(first, last, today) is not PeriodState.FINAL)

    @property
    def produced_text(self) -> str:
        """« Établi le 05/12/2026 »."""
        return f"Établi le {format_date(self.produced_on)}"

    @property
    def mark(self) -> str:
        """« PROVISOIRE », or nothing for a final document."""
        return PROVISIONAL if self.provisional else ""

    @property
    def line(self) -> str:
        """The visible line of a document: « Établi le 05/12/2026 — PROVISOIRE »."""
        return " — ".join(part for part in (self.produced_text, self.mark) if part)


#: The red of the « PROVISOIRE » mark.
MARK_COLOR = "#b3261e"


def draw_pdf_status(canvas: Canvas, status: DocumentStatus, *, width: float, top: float,
                    font: str, size: float = 10) -> None:
    """« PROVISOIRE » in red, centred above the page header line at `top` (nothing for a
    final document; « Établi le » is part of the footer's right-hand words)."""
    if not status.provisional:
        return
    from reportlab.lib import colors

    canvas.saveState()
    canvas.setFillColor(colors.HexColor(MARK_COLOR))
    canvas.setFont(font, size)
    canvas.drawCentredString(width / 2, top, status.mark)
    canvas.restoreState()


def stamp_sheet(sheet: Worksheet, status: DocumentStatus, cell: str = "A2") -> None:
    """The status on a sheet: after the words of the visible `cell`, before the right-hand
    words of the printed header (« PROVISOIRE ») and footer (« Établi le … »): the centre
    part would overlap long left-hand words on a portrait page."""
    visible = sheet[cell]
    visible.value = f"{visible.value} — {status.line}" if visible.value else status.line
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # openpyxl makes both with the sheet
    if status.provisional:
        header.right.text = _joined(status.mark, header.right.text)
    footer.right.text = _joined(status.produced_text, footer.right.text)


def _joined(first: str, then: str | None) -> str:
    return f"{first} — {then}" if then else first
