"""A choice among a fixed list (kept as data in `domain.reference_lists`) whose « autre »
entry asks for a text: the closing reason of a measure, the territory of a household."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from desktop_app.ui.fields import ChoiceField, TextField
from desktop_app.ui.forms import Form, Values


def add_choice_with_other(form: Form, key: str, label: str,
                          choices: Sequence[tuple[str, StrEnum]], other: StrEnum,
                          other_key: str, other_label: str, *,
                          required: bool = False, empty: str | None = "—") -> ChoiceField:
    """`key`: the code chosen; `other_key`: its text, required with `other`, optional as a
    detail of any other code (kept as typed)."""
    choice = form.add(key, label, ChoiceField(choices, empty=None if required else empty),
                      required=required)
    form.add(other_key, other_label, TextField(placeholder="à préciser pour « autre »"))

    def check(values: Values) -> dict[str, str]:
        if values.get(key) == other and not values.get(other_key):
            return {other_key: f"Précisez « {other_label} » : le choix « autre » demande un "
                               "texte."}
        return {}

    form.validators.append(check)
    return choice
