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


def reference_part(text: str) -> str:
    """An FSL reference for a file name, its case kept: accents dropped, every other sign
    than a letter or a digit one « - » (« FSL 2025/42 » → « FSL-2025-42 »; a folder
    separator never gets in); empty when nothing is left."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")


def household_part(reference: str | None, name: str) -> str:
    """Who a household's file is about, without its internal id: its FSL reference, or
    « sans-reference-DM » (DURAND Marie's initials) when it has none."""
    found = reference_part(reference or "")
    if found:
        return found
    initials = "".join(word[0] for word in file_name_part(name).split("-") if word)
    return "-".join(part for part in ("sans-reference", initials.upper()) if part)
