"""The bounds of what the application accepts, from a file or from the keyboard (one place).

Dates: the engines add months and years to dates, which must stay far from `date.max` (a
period ending in 9999 made the import fail on « year 10000 is out of range »); nobody followed
in an FSL measure was born before 1900.
Amounts: far above any real one (a yearly subsidy is ~20 000 €), far below the 28 digits of
Decimal arithmetic (30 digits made rounding fail on an InvalidOperation).
Files: an interchange file (import, merge of a household's file) is read only if it is a
regular file of at most `MAX_FILE_BYTES`, checked before anything is read (`/dev/zero`, a
pipe or a 4 GB sparse file made the import eat memory until killed, or hang).
Texts: every text has a bound in characters by kind (`TEXT_LIMITS`, by the name of the
field in the model and the file), generous for a real value and small enough that no single
field can make a record heavy (a 50 MB name made a 150 MB store); the NUL character is
refused everywhere (`text_problem`): SQLite and the reports would cut the text at it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from desktop_app.domain.fr import format_count

FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_AMOUNT = Decimal("999999999.99")

#: The largest interchange file read, in bytes (500 Mo). The export of a whole département
#: over 10 years (`demo --households 50000 --years 10`: 57 611 measures, 1 022 951 visits)
#: is 201 Mo: this is 2,5 times that, room for a longer history or more text; the import of
#: such a file needs well under its size × 10 of memory (benchmarks/RESULTS.md).
MAX_FILE_BYTES = 500_000_000

#: An id of the file or a reference to one (« w1 », a UUID of 36 characters, « FSL-… »).
MAX_ID_LENGTH = 100
#: A person's or a household's name (« DURAND-LEFEBVRE Marie-Christine et MARTIN Jean »),
#: the association's name.
MAX_NAME_LENGTH = 200
#: A short code typed by hand: FSL reference, postcode, phone number.
MAX_CODE_LENGTH = 50
#: A commune or a territory (the longest French commune name has 45 characters).
MAX_PLACE_LENGTH = 100
#: A postal address, all its lines (a French address has at most 6 lines of 38 characters).
MAX_ADDRESS_LENGTH = 300
#: A free-text reason on one line (an absence, the closing of a measure, an alert marked
#: « traitée », one invoice of an AML failure claim).
MAX_REASON_LENGTH = 1_000
#: One section of a bilan (situation, objectives, actions…): several printed pages.
MAX_BILAN_SECTION_LENGTH = 20_000
#: One part of a DSF (situation, recommendations…): a few printed pages at most.
MAX_DSF_TEXT_LENGTH = 10_000

#: The bound of each text field, by its name in the model, the interchange file and the
#: window's forms (a name not listed takes `MAX_REASON_LENGTH`, see `text_limit`).
TEXT_LIMITS: Mapping[str, int] = {
    "id": MAX_ID_LENGTH, "household": MAX_ID_LENGTH, "referent": MAX_ID_LENGTH,
    "replacement": MAX_ID_LENGTH, "worker": MAX_ID_LENGTH, "home": MAX_ID_LENGTH,
    "name": MAX_NAME_LENGTH,
    "reference": MAX_CODE_LENGTH, "postcode": MAX_CODE_LENGTH, "phone": MAX_CODE_LENGTH,
    "city": MAX_PLACE_LENGTH, "territory": MAX_PLACE_LENGTH,
    # the text of « Autre territoire » (a territory typed before the list: migration 0003)
    "territory_other": MAX_PLACE_LENGTH,
    "address": MAX_ADDRESS_LENGTH,
    # an absence's reason, the reason an alert was marked « traitée »
    "reason": MAX_REASON_LENGTH,
    # the text of « Autre motif » or the detail of an exit reason (the window's « detail »)
    "close_reason": MAX_REASON_LENGTH, "detail": MAX_REASON_LENGTH,
    # one invoice of an AML failure claim, each bounded on its own
    "invoices": MAX_REASON_LENGTH,
    # the content of a DSF (`dsf_content`): the writer, then its parts
    "writer": MAX_NAME_LENGTH,
    **dict.fromkeys(("family_situation", "social_support", "rental_situation",
                     "debt_treatment", "repayment_capacity", "recommendations", "observations",
                     "rehousing_steps", "ccapex_recommendations"), MAX_DSF_TEXT_LENGTH),
}


def text_limit(field: str) -> int:
    """The bound in characters of the text field named `field`."""
    return TEXT_LIMITS.get(field, MAX_REASON_LENGTH)


def text_problem(text: str, limit: int) -> str | None:
    """What is wrong with `text` for a field of `limit` characters, in French with how to
    fix it; None if it is acceptable."""
    if "\x00" in text:
        return ("le texte contient un caractère nul (\\u0000), interdit : retirez-le (il "
                "vient d'une copie depuis un fichier qui n'est pas du texte)")
    if len(text) > limit:
        return (f"texte trop long : {format_count(len(text))} caractères pour au plus "
                f"{format_count(limit)} : raccourcissez-le")
    return None
