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


#: The sign of a negative figure in French typography: « − » (U+2212), not the hyphen.
MINUS = "\u2212"


def french_minus(text: str) -> str:
    """A number's text with its leading hyphen as « − »; « -0,0 » (a negative rounded to
    nothing) without a sign."""
    if not text.startswith("-"):
        return text
    if not any(c in "123456789" for c in text):
        return text[1:]
    return MINUS + text[1:]


def format_decimal(value: float, digits: int = 1) -> str:
    """« 0,8 », « −1,5 » — a comma for decimals, « − » for negatives."""
    return french_minus(f"{value:.{digits}f}".replace(".", ","))


def format_fte(fte: float) -> str:
    """An ETP (full-time equivalent) always with two decimals: « 1,00 », « 0,80 », « 0,75 »."""
    return format_decimal(fte, 2)


def format_count(value: int) -> str:
    """« 20 000 », « −3 » — a space between thousands (the no-break space of French
    typography), « − » for negatives."""
    return french_minus(f"{value:,}".replace(",", "\u00a0"))


#: Why the system refused a file operation, in French (its own `strerror` may be English),
#: by name: a few do not exist on every system (EDQUOT, ESTALE on Windows).
_REASONS_BY_NAME = {
    "ENOENT": "le fichier ou le dossier n'existe pas (clé USB ou lecteur réseau "
              "débranché ?)",
    "EACCES": "accès refusé : le fichier est peut-être ouvert dans un autre programme "
              "(tableur, lecteur PDF) ou le dossier est protégé",
    "EPERM": "accès refusé : le dossier est protégé",
    "EROFS": "le support est en lecture seule",
    "ENOSPC": "le disque est plein",
    "EISDIR": "ce nom est celui d'un dossier",
    "ENOTDIR": "un élément du chemin n'est pas un dossier",
    "EBUSY": "le fichier est occupé par un autre programme",
    "EIO": "erreur de lecture ou d'écriture sur le support",
    "ELOOP": "boucle de liens symboliques : un lien mène, directement ou non, à "
             "lui-même ; corrigez le lien ou donnez le chemin du vrai fichier",
    "EEXIST": "un fichier ou un dossier porte déjà ce nom",
    "ENAMETOOLONG": "le nom du fichier ou du chemin est trop long",
    "ENOTEMPTY": "le dossier n'est pas vide",
    "EXDEV": "le fichier ne peut pas être déplacé vers un autre disque",
    "EFBIG": "le fichier est trop gros pour ce support",
    "EDQUOT": "le quota du disque est atteint : libérez de la place",
    "EMFILE": "trop de fichiers ouverts : fermez des programmes puis réessayez",
    "ENFILE": "trop de fichiers ouverts sur la machine : réessayez plus tard",
    "ENXIO": "le périphérique n'est pas disponible (tube sans lecteur, clé retirée ?)",
    "ENODEV": "le périphérique n'est pas disponible",
    "ETXTBSY": "le fichier est occupé par un programme en cours",
    "EINVAL": "nom de fichier ou opération invalide pour ce support",
    "ETIMEDOUT": "le lecteur réseau ne répond pas",
    "ESTALE": "le lecteur réseau a été déconnecté : reconnectez-le",
    "ENOMEM": "la mémoire manque : fermez des programmes puis réessayez",
}
_OS_REASONS = {getattr(errno, name): text for name, text in _REASONS_BY_NAME.items()
               if hasattr(errno, name)}


def os_reason(error: OSError) -> str:
    """The reason of a failed file operation, in French, for the user to act on (the
    system's own text may be English: it is never shown)."""
    if not error.errno:
        return "le système a refusé l'opération sur le fichier"
    return _OS_REASONS.get(error.errno, f"erreur du système n° {error.errno}")
