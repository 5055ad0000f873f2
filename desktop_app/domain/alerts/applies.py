"""`applies_to`: the measure types a measure rule is about, written once above the rule;
the engine hands the rule only the measures of those types (a rule without it sees every
measure)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop_app.domain.model import MeasureType

F = TypeVar("F", bound=Callable[..., object])
_TYPES: dict[object, frozenset[MeasureType]] = {}


def applies_to(*types: MeasureType) -> Callable[[F], F]:
    """Mark a measure rule as being about the measures of `types` only."""
    def mark(rule: F) -> F:
        _TYPES[rule] = frozenset(types)
        return rule
    return mark


def types_of(rule: object) -> frozenset[MeasureType]:
    """The types `rule` is about (every type when it is not marked)."""
    return _TYPES.get(rule, frozenset(MeasureType))
