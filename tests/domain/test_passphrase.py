"""The strength of a new passphrase against the CNIL's two criteria (no Qt, no store)."""

from __future__ import annotations

import pytest

from desktop_app.domain.passphrase import assess


def test_eleven_mixed_characters_miss_one() -> None:
    # S o l e i l 2 0 2 5 ! = 11 characters, the four kinds: one character short of 12.
    strength = assess("Soleil2025!")
    assert (strength.length, strength.kinds, strength.strong) == (11, 4, False)
    assert strength.missing_characters == ["1 caractère"]
    # Bar: 50 × 11/12 + 50 × 4/4 = 95,8 → held at 90 while no criterion is met.
    assert strength.score == 90


def test_twelve_mixed_characters_meet_the_first_criterion() -> None:
    strength = assess("Soleil2025!!")
    assert strength.mixed_enough and strength.strong and strength.score == 100
    assert strength.verdict == ("Conforme à la recommandation de la CNIL : 12 caractères "
                                "mêlant majuscules, minuscules, chiffres et caractères spéciaux.")


def test_long_but_only_lower_case_and_digits_say_what_is_missing() -> None:
    # 14 + 3 = 17 characters, two kinds of four: 50 × 12/12 + 50 × 2/4 = 75.
    strength = assess("motdepasselong123")
    assert (strength.length, strength.kinds, strength.score) == (17, 2, 75)
    assert strength.verdict == ("Trop faible. Il manque une majuscule et un caractère spécial ; "
                                "ou bien écrivez une phrase d'au moins 7 mots (1 mot pour "
                                "l'instant).")


def test_three_letters_lack_everything_but_lower_case() -> None:
    assert assess("abc").verdict == (
        "Trop faible. Il manque 9 caractères, une majuscule, un chiffre et un caractère "
        "spécial ; ou bien écrivez une phrase d'au moins 7 mots (1 mot pour l'instant).")


def test_seven_words_meet_the_second_criterion() -> None:
    # le chat de ma voisine mange des croquettes: 8 words of two letters or more.
    strength = assess("le chat de ma voisine mange des croquettes")
    assert (strength.words, strength.mixed_enough, strength.strong) == (8, False, True)
    assert strength.verdict == ("Conforme à la recommandation de la CNIL : phrase de passe "
                                "de 8 mots.")


@pytest.mark.parametrize(("text", "words"), [
    ("a b c d e f g h", 0),              # single letters are no words
    ("cheval-correct-agrafe", 3),       # hyphens separate words
    ("L'été à Arras", 2),               # « été », « Arras »; « L » and « à » are one letter
    ("un deux trois quatre cinq six", 6),  # one word short
])
def test_words_are_runs_of_two_letters_or_more(text: str, words: int) -> None:
    assert assess(text).words == words
    assert not assess(text).strong


def test_empty_passphrase_explains_both_criteria() -> None:
    strength = assess("")
    assert strength.score == 0 and not strength.strong
    assert strength.verdict.startswith("Choisissez 12 caractères ou plus")
