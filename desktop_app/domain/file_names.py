"""Words a user reads made into part of a file name: « Élise Dupont-Lefèvre » →
« elise-dupont-lefevre » (lower case, no accents, letters and digits joined by hyphens), so
that a file names who it is about without any internal id."""

from __future__ import annotations

import re
import unicodedata


def file_name_part(text: str) -> str:
    """`text` in lower case without accents, every run of other characters one hyphen
    (« Œ » and « æ » spelt out); empty when nothing is left."""
    spelt = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", spelt.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", letters).strip("-")
