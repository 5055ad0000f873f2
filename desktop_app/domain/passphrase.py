"""How strong a new passphrase is, against the CNIL's recommendation.

The one rule for a new passphrase: the window's first-launch and change dialogs show it as
it is typed (`ui.opening.passphrase_fields`), the command line refuses a weak `SUIVI_FSL_PASSPHRASE`
when it would create a new encrypted store (`desktop_app.cli`).

The CNIL (délibération n° 2022-100 on passwords) accepts, among its examples, a password of
at least 12 characters mixing upper-case letters, lower-case letters, digits and special
characters, or a passphrase of at least 7 words. Either criterion is enough.

A « word » here is a run of at least two letters between spaces or punctuation
(« cheval-correct-agrafe » counts three): single letters do not make a passphrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_CHARACTERS = 12
MIN_WORDS = 7
#: A word: two letters or more (accented ones too), between anything that is not a letter.
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Strength:
    """What a passphrase has, which criterion it meets, and what it lacks (in French)."""

    length: int
    upper: bool
    lower: bool
    digit: bool
    symbol: bool
    words: int

    @property
    def mixed_enough(self) -> bool:
        """Criterion 1: 12 characters or more, of the four kinds."""
        return self.length >= MIN_CHARACTERS and self.kinds == 4

    @property
    def long_phrase(self) -> bool:
        """Criterion 2: 7 words or more."""
        return self.words >= MIN_WORDS

    @property
    def strong(self) -> bool:
        return self.mixed_enough or self.long_phrase

    @property
    def kinds(self) -> int:
        return sum((self.upper, self.lower, self.digit, self.symbol))

    @property
    def score(self) -> int:
        """0 to 100 for the strength bar: 100 exactly when a criterion is met; otherwise the
        progress towards the nearer one (half length, half kinds; or words), at most 90."""
        if self.strong:
            return 100
        characters = 50 * min(self.length, MIN_CHARACTERS) / MIN_CHARACTERS + 50 * self.kinds / 4
        words = 100 * self.words / MIN_WORDS
        return min(90, int(max(characters, words)))

    @property
    def verdict(self) -> str:
        """One line: which criterion is met, else what is missing for each."""
        if self.mixed_enough:
            return (f"Conforme à la recommandation de la CNIL : {self.length} caractères mêlant "
                    "majuscules, minuscules, chiffres et caractères spéciaux.")
        if self.long_phrase:
            return (f"Conforme à la recommandation de la CNIL : phrase de passe de {self.words} "
                    "mots.")
        if self.length == 0:
            return ("Choisissez 12 caractères ou plus mêlant majuscules, minuscules, chiffres "
                    "et caractères spéciaux, ou une phrase d'au moins 7 mots.")
        return (f"Trop faible. Il manque {_join(self.missing_characters)} ; ou bien écrivez une "
                f"phrase d'au moins {MIN_WORDS} mots ({_words(self.words)} pour l'instant).")

    @property
    def missing_characters(self) -> list[str]:
        """What criterion 1 still lacks, in French (« 3 caractères », « un chiffre »…)."""
        missing = []
        if self.length < MIN_CHARACTERS:
            more = MIN_CHARACTERS - self.length
            missing.append(f"{more} caractère{'s' if more > 1 else ''}")
        for has, what in ((self.upper, "une majuscule"), (self.lower, "une minuscule"),
                          (self.digit, "un chiffre"), (self.symbol, "un caractère spécial")):
            if not has:
                missing.append(what)
        return missing


def assess(passphrase: str) -> Strength:
    """The strength of `passphrase` (CNIL: 12 mixed characters or 7 words)."""
    return Strength(
        length=len(passphrase),
        upper=any(c.isupper() for c in passphrase),
        lower=any(c.islower() for c in passphrase),
        digit=any(c.isdigit() for c in passphrase),
        symbol=any(not c.isalnum() for c in passphrase),  # a space is one too
        words=len(_WORD.findall(passphrase)),
    )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def _words(count: int) -> str:
    return f"{count} mot{'s' if count > 1 else ''}"
