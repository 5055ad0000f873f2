"""The values the command line takes, checked by argparse (a wrong one exits 2, in French).

Dates stay within `domain.limits` (years 1900 to 2100), as in an interchange file or a form:
beyond them a month, a day or a year means nothing for an FSL measure, and the engines, which
look months back and forward from a date, would leave the calendar (`date` ends in 9999).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop_app.domain.dates import Month
from desktop_app.domain.limits import FIRST_YEAR, LAST_YEAR

_YEARS = f"les années vont de {FIRST_YEAR} à {LAST_YEAR}"
#: `demo`: the size of the whole département is 50 000 households over 10 years.
MAX_DEMO_HOUSEHOLDS, MAX_DEMO_YEARS, MAX_SEED = 100_000, 50, 999_999_999


def month(text: str) -> Month:
    """`AAAA-MM`, from January 1900 to December 2100."""
    try:
        parsed = Month.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"mois invalide « {text} » (attendu AAAA-MM)") from error
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"mois hors des limites « {text} » : {_YEARS}")
    return parsed


def day(text: str) -> date:
    """`AAAA-MM-JJ`, from 01/01/1900 to 31/12/2100."""
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        parsed = date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"date invalide « {text} » (attendu AAAA-MM-JJ)") from error
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"date hors des limites « {text} » : {_YEARS}")
    return parsed


def year(text: str) -> int:
    """`AAAA`, from 1900 to 2100."""
    if not re.fullmatch(r"[0-9]{4}", text):
        raise argparse.ArgumentTypeError(f"année invalide « {text} » (attendu AAAA)")
    if not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"année hors des limites « {text} » : {_YEARS}")
    return int(text)


def whole(least: int, most: int) -> Callable[[str], int]:
    """The type of a whole number in [least, most]."""
    wanted = f"nombre entier de {number(least)} à {number(most)} attendu"

    def check(text: str) -> int:
        if not re.fullmatch(r"-?[0-9]{1,18}", text) or not least <= int(text) <= most:
            raise argparse.ArgumentTypeError(f"{wanted}, pas « {text} »")
        return int(text)

    return check


#: `screens`/`screenshots --size`: from the window's minimum (1024 × 640) to a 4K screen.
MIN_WINDOW, MAX_WINDOW = (1024, 640), (3840, 2160)


def window_size(text: str) -> tuple[int, int]:
    """« 1024x768 » (or « 1024×768 »): the width and height of the window, in pixels."""
    found = re.fullmatch(r"\s*([0-9]{1,5})\s*[xX×]\s*([0-9]{1,5})\s*", text)
    if found is None:
        raise argparse.ArgumentTypeError(f"taille invalide « {text} » (attendu LxH, par "
                                         f"exemple 1024x768)")
    width, height = int(found[1]), int(found[2])
    if not (MIN_WINDOW[0] <= width <= MAX_WINDOW[0] and MIN_WINDOW[1] <= height <= MAX_WINDOW[1]):
        raise argparse.ArgumentTypeError(
            f"taille hors des limites « {text} » : de {MIN_WINDOW[0]}x{MIN_WINDOW[1]} à "
            f"{MAX_WINDOW[0]}x{MAX_WINDOW[1]}")
    return width, height


def path(text: str) -> Path:
    """A file or folder name, never empty (an empty name would be the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("chemin vide : donnez un nom de fichier ou de dossier")
    return Path(text)


def store_location(text: str) -> str:
    """`--db`: a path or a URL, never empty (`--db "$BASE"` with the variable unset would
    otherwise open the default store, the user's real one)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("chemin vide : donnez le chemin de la base ou son URL")
    return text


def number(value: int) -> str:
    """« 100 000 »: thousands apart, as French writes them."""
    return f"{value:,}".replace(",", "\u00a0")
