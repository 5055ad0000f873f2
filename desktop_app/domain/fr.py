"""French rendering of dates, numbers and system errors for everything a user reads."""

from __future__ import annotations

import errno
from datetime import date

from desktop_app.domain.dates import Month

MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def format_date(day: date | None) -> str:
    """« 15/10/2025 »; an empty string for no date."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def format_month(month: Month) -> str:
    """« septembre 2025 »."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def format_decimal(value: float, digits: int = 1) -> str:
    """« 0,8 » — a comma for decimals."""
    return f"{value:.{digits}f}".replace(".", ",")


def format_count(value: int) -> str:
    """« 20 000 » — a space between thousands (the no-break space of French typography)."""
    return f"{value:,}".replace(",", "\u00a0")


#: Why the system refused a file operation, in French (its own `strerror` may be English).
_OS_REASONS = {
    errno.ENOENT: "le fichier ou le dossier n'existe pas (clé USB ou lecteur réseau "
                  "débranché ?)",
    errno.EACCES: "accès refusé : le fichier est peut-être ouvert dans un autre programme "
                  "(tableur, lecteur PDF) ou le dossier est protégé",
    errno.EPERM: "accès refusé : le dossier est protégé",
    errno.EROFS: "le support est en lecture seule",
    errno.ENOSPC: "le disque est plein",
    errno.EISDIR: "ce nom est celui d'un dossier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EBUSY: "le fichier est occupé par un autre programme",
    errno.EIO: "erreur de lecture ou d'écriture sur le support",
}


def os_reason(error: OSError) -> str:
    """The reason of a failed file operation, in French, for the user to act on."""
    return _OS_REASONS.get(error.errno or 0, f"erreur du système n° {error.errno or 0}")
