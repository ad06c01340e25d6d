"""generator/argparse_nb.py: argparse's own words in Norwegian, and only where asked."""

from __future__ import annotations

import argparse

import pytest

from generator import argparse_nb
from generator.argparse_nb import NorwegianParser


def _parser() -> NorwegianParser:
    parser = NorwegianParser(prog="gen", description="Lager nettstedet.")
    parser.add_argument("--runde", type=int, help="rundens nummer")
    parser.add_argument("--format", choices=["tekst", "github"])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--alle", action="store_true")
    group.add_argument("--siste", action="store_true")
    commands = parser.add_subparsers(dest="command", required=True)
    site = commands.add_parser("site", help="bygg nettstedet")
    site.add_argument("utgave")
    return parser


def _error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        _parser().parse_args(args)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_usage_and_headings_are_norwegian() -> None:
    help_text = _parser().format_help()
    assert help_text.startswith("bruk: gen [-h]")
    assert "\nargumenter:\n" in help_text
    assert "\nvalg:\n" in help_text
    assert "  -h, --help " in help_text
    assert "vis denne hjelpeteksten og avslutt" in help_text
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in help_text


def test_format_usage_is_norwegian() -> None:
    assert _parser().format_usage().startswith("bruk: gen ")


def test_a_subcommands_parser_speaks_norwegian_too() -> None:
    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    site = commands.choices["site"]
    assert isinstance(site, NorwegianParser)
    assert site.format_usage().startswith("bruk: gen site ")


def test_an_error_is_one_norwegian_line_after_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(["site", "2026-06", "--ukjent"], capsys)
    assert err.splitlines()[-1] == "gen: feil: ukjente argumenter: --ukjent"
    assert err.startswith("bruk: gen ")


@pytest.mark.parametrize(
    "args,message",
    [
        ([], "gen: feil: dette må oppgis: command"),
        (["site"], "gen site: feil: dette må oppgis: utgave"),
        (["--runde", "to", "site", "x"], "gen: feil: --runde: ugyldig verdi: 'to'"),
        (["--runde"], "gen: feil: --runde: trenger en verdi"),
        (
            ["--alle", "--siste", "site", "x"],
            "gen: feil: --siste: kan ikke brukes sammen med --alle",
        ),
    ],
)
def test_error_messages_are_norwegian(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _error(args, capsys).splitlines()[-1] == message


def test_an_invalid_choice_is_named_in_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    last = _error(["--format", "json", "site", "x"], capsys).splitlines()[-1]
    # Python 3.12.8 stopped quoting the choices; the words are ours either way.
    assert last.startswith("gen: feil: --format: ugyldig valg: 'json' (velg blant ")
    assert last.replace("'", "").endswith("tekst, github)")


def test_an_unknown_command_is_named_in_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    last = _error(["bygg"], capsys).splitlines()[-1]
    assert last.startswith("gen: feil: command: ugyldig valg: 'bygg' (velg blant ")
    assert last.replace("'", "").endswith("site)")


def test_the_plural_of_expected_arguments() -> None:
    assert argparse_nb._translate_plural("expected %s argument", "expected %s arguments", 1) == (
        "trenger %s verdi"
    )
    assert argparse_nb._translate_plural("expected %s argument", "expected %s arguments", 2) == (
        "trenger %s verdier"
    )
    assert argparse_nb._translate_plural("one %s", "many %s", 1) == "one %s"
    assert argparse_nb._translate_plural("one %s", "many %s", 3) == "many %s"


def test_nargs_two_missing_uses_the_plural(capsys: pytest.CaptureFixture[str]) -> None:
    parser = NorwegianParser(prog="gen")
    parser.add_argument("--par", nargs=2)
    with pytest.raises(SystemExit):
        parser.parse_args(["--par", "a"])
    assert capsys.readouterr().err.splitlines()[-1] == "gen: feil: --par: trenger 2 verdier"


def test_words_without_a_translation_stay_as_they_are() -> None:
    assert argparse_nb._translate("usage: ") == "bruk: "
    assert argparse_nb._translate("a programmer's mistake") == "a programmer's mistake"


def test_every_translation_keeps_the_placeholders_of_its_original() -> None:
    # A placeholder lost or misspelt would raise KeyError when argparse formats it.
    for english, norwegian in argparse_nb.TRANSLATIONS.items():
        for placeholder in ("%(prog)s", "%(message)s", "%(value)r", "%(option)s", "%s", "%r"):
            assert english.count(placeholder) == norwegian.count(placeholder), english


def test_other_parsers_keep_english_and_the_block_restores_argparse() -> None:
    original = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    with argparse_nb.norwegian():
        assert argparse._("options") == "valg"  # type: ignore[attr-defined]
    assert (argparse._, argparse.ngettext) == original  # type: ignore[attr-defined]
    _parser().format_help()
    assert argparse.ArgumentParser(prog="e").format_usage().startswith("usage: e")


def test_the_block_restores_argparse_after_an_exception() -> None:
    original = argparse._  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError), argparse_nb.norwegian():
        raise RuntimeError
    assert argparse._ is original  # type: ignore[attr-defined]
