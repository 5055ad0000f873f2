"""Raw JSON values as problem messages quote them, and the values `read_file` decodes in
place of what Python refuses (NaN, numbers of thousands of digits): every reader then rejects
them as the wrong type, with their path, instead of the decoder failing on the whole file.
"""

from __future__ import annotations

import re

#: Half of a UTF-16 pair: JSON may write one alone (« \ud800 »), which no text can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters (and the Unicode line separators) as a message quotes them.
_CONTROLS = {**{c: f"\\x{c:02x}" for c in (*range(32), 127)}, 9: "\\t", 10: "\\n",
             13: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029"}
#: More digits than Python turns into an int (`sys.get_int_max_str_digits`).
MAX_DIGITS = 4300


class NonFinite:
    """What `read_file` reads for NaN or Infinity, which JSON does not allow: every reader
    rejects it as the wrong type."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class HugeNumber:
    """What `read_file` reads for a whole number of more than `MAX_DIGITS` digits (Python
    refuses to convert it): every reader rejects it as the wrong type."""

    __slots__ = ("digits",)

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))


def json_int(text: str) -> int | HugeNumber:
    """`parse_int` of `json.loads`: an int, or a `HugeNumber` instead of a ValueError."""
    return int(text) if len(text) <= MAX_DIGITS else HugeNumber(text)


def printable(text: str) -> str:
    """`text` on one line and printable: control characters and lone halves of UTF-16 pairs
    escaped as in JSON (`\\n`, `\\x00`, `\\ud800`): one problem is always one line."""
    if text.isprintable():
        return text
    escaped = text.translate(_CONTROLS)
    if readable(escaped):
        return escaped
    return escaped.encode("utf-8", "backslashreplace").decode("utf-8")


def readable(text: str) -> bool:
    """No lone half of a UTF-16 pair: the text can be stored (UTF-8) and shown."""
    return text.isascii() or not _SURROGATE.search(text)


def shown(value: object) -> str:
    """A JSON value as a message quotes it."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return f"« {printable(value if len(value) <= 40 else value[:39] + '…')} »"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "une liste [...]"
    if isinstance(value, dict):
        return "un objet {...}"
    if isinstance(value, NonFinite):
        return f"{value.text} (interdit en JSON)"
    if isinstance(value, HugeNumber):
        return f"un nombre de {value.digits} chiffres"
    return repr(value)
