"""The page furniture of every PDF: the association and the document with its period in
the header (« PROVISOIRE » above it for a period under way), the association, the period,
« Établi le JJ/MM/AAAA » and « Page n sur N » in the footer (drawn once the page count is
known), cut short rather than overlapping."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports.document_status import DocumentStatus, draw_pdf_status
from desktop_app.reports.pdf_style import BOLD, DARK, FONT, MARGIN


def fit_text(text: str, font: str, size: float, room: float) -> str:
    """`text`, cut with « … » so that it fits in `room` points."""
    if pdfmetrics.stringWidth(text, font, size) <= room:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


class NumberedCanvas(Canvas):
    """Draws header and footer once the page count is known (two passes over the pages)."""

    # The canvas's own private state this class relies on, which reportlab's stubs leave out.
    _pagesize: tuple[float, float]
    _startPage: Callable[[], None]

    def __init__(self, association: str, document: str, period: str, status: DocumentStatus,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._texts = (association, document, period)
        self._status = status
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _pair(self, left: str, left_font: str, right: str, size: float, y: float,
              keep: str = "") -> None:
        """`left` + `keep` at the left margin, `right` at the right one: smaller, then `left`
        cut short (« … ») rather than overlapping."""
        width = self._pagesize[0]
        room = width - 2 * MARGIN - 12
        while size > 7 and (pdfmetrics.stringWidth(left + keep, left_font, size)
                              + pdfmetrics.stringWidth(right, FONT, size)) > room:
            size -= 0.5
        used = pdfmetrics.stringWidth(right, FONT, size) + pdfmetrics.stringWidth(
            keep, left_font, size)
        left = fit_text(left, left_font, size, room - used) + keep
        self.setFont(left_font, size)
        self.drawString(MARGIN, y, left)
        self.setFont(FONT, size)
        self.drawRightString(width - MARGIN, y, right)

    def _decorate(self, total: int) -> None:
        association, document, period = self._texts
        width, height = self._pagesize
        self.saveState()
        self.setStrokeColor(DARK)
        self.setLineWidth(0.6)
        top = height - MARGIN
        self._pair(association, BOLD, f"{document} — {period}", 9, top)
        self.line(MARGIN, top - 3, width - MARGIN, top - 3)
        draw_pdf_status(self, self._status, width=width, top=top + 12, font=BOLD)
        bottom = MARGIN
        self.line(MARGIN, bottom + 10, width - MARGIN, bottom + 10)
        numbered = f"{self._status.produced_text} — Page {self.getPageNumber()} sur {total}"
        self._pair(association, FONT, numbered, 8, bottom, keep=f" — {period}")
        self.restoreState()
