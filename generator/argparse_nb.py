"""argparse in Norwegian: its own words («usage:», «options», its error messages).

argparse looks its texts up through ``gettext`` when it needs them, under
names in its own module (``argparse._`` and ``argparse.ngettext``), and no
Norwegian catalogue ships with Python. ``NorwegianParser`` swaps in this
module's translations while it builds, parses and formats, and puts argparse's
back afterwards, so other parsers in the same process are left alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

TRANSLATIONS: dict[str, str] = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "optional arguments": "valg",
    "show this help message and exit": "vis denne hjelpeteksten og avslutt",
    "show program's version number and exit": "vis versjonen og avslutt",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "dette må oppgis: %s",
    "one of the arguments %s is required": "ett av disse må oppgis: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "ukjent kommando %(parser_name)r (velg blant %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "expected one argument": "trenger en verdi",
    "expected at most one argument": "tar høyst én verdi",
    "expected at least one argument": "trenger minst én verdi",
    "not allowed with argument %s": "kan ikke brukes sammen med %s",
    "ignored explicit argument %r": "tar ingen verdi, men fikk %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s kan bety flere valg: %(matches)s"
    ),
    "unexpected option string: %s": "uventet valg: %s",
    "can't open '%(filename)s': %(error)s": "kan ikke åpne «%(filename)s»: %(error)s",
    # Python 3.12 and later.
    "option '%(option)s' is deprecated": "valget «%(option)s» skal ikke brukes lenger",
    "argument '%(argument_name)s' is deprecated": (
        "argumentet «%(argument_name)s» skal ikke brukes lenger"
    ),
    "command '%(parser_name)s' is deprecated": (
        "kommandoen «%(parser_name)s» skal ikke brukes lenger"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r?": (
        "ugyldig valg: %(value)r. Mente du %(closest)r?"
    ),
}
"""argparse's words a user can meet, in Norwegian. The ones only a programmer
can cause (a parser built wrongly) stay in English."""


def _translate(text: str) -> str:
    return TRANSLATIONS.get(text, text)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "trenger %s verdi" if count == 1 else "trenger %s verdier"
    return singular if count == 1 else plural


@contextmanager
def norwegian() -> Iterator[None]:
    """argparse speaks Norwegian inside the block."""
    saved = getattr(argparse, "_"), getattr(argparse, "ngettext")  # noqa: B009
    setattr(argparse, "_", _translate)  # noqa: B010
    setattr(argparse, "ngettext", _translate_plural)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


class NorwegianParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Norwegian; its subcommands' parsers too
    (argparse makes them of the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with norwegian():
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        with norwegian():
            parsed: argparse.Namespace = super().parse_args(args, namespace)
        return parsed

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with norwegian():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with norwegian():
            return super().format_usage()

    def format_help(self) -> str:
        with norwegian():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with norwegian():
            super().error(message)
