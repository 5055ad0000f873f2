"""The text the household list searches: lower case, without accents (« Hélène » → « helene »)."""

from __future__ import annotations

import unicodedata

#: Between the searched fields, so that a search never matches across two of them.
SEPARATOR = "\n"


def normalize(text: str) -> str:
    """Lower case without accents or other combining marks; « Œ » stays « œ »."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_text(*fields: str | None) -> str:
    """The stored search column of a record: its fields normalized, one per line."""
    return SEPARATOR.join(normalize(field) for field in fields if field)


def like_pattern(text: str) -> str:
    """`%text%` for LIKE … ESCAPE '\\', the user's % and _ taken literally."""
    escaped = normalize(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
