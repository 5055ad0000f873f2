"""argparse in French: every text it prints (usage, help, errors) goes through `_FRENCH`,
and its help follows French typography (`FrenchFormatter`).

argparse writes its texts through `gettext` (`argparse._` and `argparse.ngettext`, looked up
when a text is needed). `FrenchParser` points both at the table below while one of its own
methods runs (build, parse, help, error) and puts them back afterwards, so other parsers of
the process (pytest's…) are left as they are. A text of argparse missing from the table would
stay English: `tests/test_cli_hostile.py` checks that every one of argparse's texts is here.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

#: argparse's texts (Python 3.11 to 3.13) → French. Texts with `%(name)s` placeholders keep
#: them; `%(value)r` becomes « %(value)s » (French quotes rather than Python's).
_FRENCH = {
    # help and usage
    "usage: ": "usage : ",
    "positional arguments": "arguments positionnels",
    "options": "options",
    "optional arguments": "options",
    "subcommands": "commandes",
    "show this help message and exit": "afficher ce message d'aide et quitter",
    "show program's version number and exit": "afficher le numéro de version et quitter",
    # wrong usage, said to the user
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "the following arguments are required: %s": "arguments obligatoires : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "une valeur au moins est attendue",
    "expected %s argument": "%s valeur attendue",
    "expected %s arguments": "%s valeurs attendues",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide : « %(value)s » (choisir parmi %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur invalide : « %(value)s »",
    "ambiguous option: %(option)s could match %(matches)s":
        "option ambiguë : %(option)s peut désigner %(matches)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "commande inconnue : « %(parser_name)s » (choix : %(choices)s)",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "not allowed with argument %s": "impossible avec l'argument %s",
    "ignored explicit argument %r": "valeur ignorée : %r",
    "unexpected option string: %s": "option inattendue : %s",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    'argument "-" with mode %r': "argument « - » avec le mode %r",
    "argument '%(argument_name)s' is deprecated": "l'argument « %(argument_name)s » est obsolète",
    "option '%(option)s' is deprecated": "l'option « %(option)s » est obsolète",
    "command '%(parser_name)s' is deprecated": "la commande « %(parser_name)s » est obsolète",
    # mistakes of the program itself (a test would fail first), in French all the same
    ".__call__() not defined": ".__call__() non défini",
    "%r is not callable": "%r n'est pas une fonction",
    "cannot merge actions - two groups are named %r":
        "fusion impossible : deux groupes s'appellent %r",
    "'required' is an invalid argument for positionals":
        "« required » ne s'applique pas à un argument positionnel",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "option %(option)r invalide : elle doit commencer par %(prefix_chars)r",
    "dest= is required for options like %r": "dest= est obligatoire pour une option comme %r",
    "invalid conflict_resolution value: %r": "valeur de conflict_resolution invalide : %r",
    "conflicting option string: %s": "option en double : %s",
    "conflicting option strings: %s": "options en double : %s",
    "mutually exclusive arguments must be optional":
        "des arguments exclusifs l'un de l'autre doivent être des options",
    "cannot have multiple subparser arguments": "un seul groupe de commandes est possible",
    "conflicting subparser: %s": "commande en double : %s",
    "conflicting subparser alias: %s": "alias de commande en double : %s",
}


def french(text: str) -> str:
    """argparse's `_`: the French of one of its texts (a text of ours is returned as is)."""
    return _FRENCH.get(text, text)


def french_plural(singular: str, plural: str, count: int) -> str:
    """argparse's `ngettext`."""
    return french(singular if count == 1 else plural)


def untranslated(texts: Sequence[str]) -> list[str]:
    """The texts among `texts` the table lacks (for the test reading argparse's source)."""
    return [text for text in texts if text not in _FRENCH]


@contextmanager
def _in_french() -> Iterator[None]:
    names = vars(argparse)
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = french, french_plural
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


class FrenchFormatter(argparse.HelpFormatter):
    """French typography in the help: a space before the colon of a title (« options : »)."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(f"{heading} " if heading else heading)


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose every text is French (exit code 2 on wrong usage, as argparse
    does). The parsers of its sub-commands are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchFormatter)
        with _in_french():  # the titles of the groups, the help of -h
            super().__init__(*args, **kwargs)

    def add_subparsers(self, *args: Any, **kwargs: Any) -> Any:
        with _in_french():
            return super().add_subparsers(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _in_french():  # its errors (« arguments inconnus »), the help printed by -h
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _in_french():
            return super().parse_known_args(*args, **kwargs)

    def parse_intermixed_args(self, *args: Any, **kwargs: Any) -> Any:
        with _in_french():
            return super().parse_intermixed_args(*args, **kwargs)

    def parse_known_intermixed_args(self, *args: Any, **kwargs: Any) -> Any:
        with _in_french():
            return super().parse_known_intermixed_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _in_french():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_french():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _in_french():
            super().error(message)
