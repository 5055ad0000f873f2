"""Fonts and colours of every PDF: DejaVu Sans when the system has it (accents, the
no-break space and € included), else Bitstream Vera shipped with reportlab."""

from __future__ import annotations

import os
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT, BOLD = "SuiviSans", "SuiviSans-Bold"
_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/Library/Fonts",
    os.path.expanduser("~/Library/Fonts"),
    os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts"),
)
MARGIN = 15 * mm
GREY = colors.HexColor("#e8ecf0")
DARK = colors.HexColor("#1f3a5a")


def register_fonts() -> None:
    """DejaVu Sans when the system has it, else Bitstream Vera shipped with reportlab (both
    have the French accents, the no-break space and €)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for folder in _FONT_DIRS:
        regular, bold = Path(folder, "DejaVuSans.ttf"), Path(folder, "DejaVuSans-Bold.ttf")
        if regular.is_file() and bold.is_file():
            break
    else:
        shipped = Path(reportlab.__file__).parent / "fonts"
        regular, bold = shipped / "Vera.ttf", shipped / "VeraBd.ttf"
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
