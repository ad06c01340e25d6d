"""The command's help and argparse's own messages are Norwegian throughout."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from generator import cli
from generator.data import suggest
from tests.conftest import copy_project, run_generator

# argparse's own English, and words an English help text would use.
ENGLISH = re.compile(
    r"\b(usage|positional|optional|arguments?|options?|show|help|message|exit|error|"
    r"required|invalid|choices?|choose|expected|unrecognized|following|default|allowed|"
    r"ignored|ambiguous|the|and|of)\b",
    re.IGNORECASE,
)
METAVARS = {"MAPPE", "FIL", "TITTEL", "DATO", "SEMINAR", "ENHET", "NAVN", "STATUS", "ÅR", "PART"}
METAVARS |= {"ID", "ID=NAVN", "E-POST", "GREN", "ADRESSE", "SPRÅK"}


def parsers(
    parser: argparse.ArgumentParser, name: str = "python -m generator"
) -> list[tuple[str, argparse.ArgumentParser]]:
    """The command and every subcommand, however deep."""
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                found += parsers(sub, f"{name} {sub_name}")
    return found


def words(text: str) -> str:
    """What a reader reads as words: without option names, choice lists and commands."""
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(
        r"\b(pull request|gh-pages|mkdocs\.yml|GIT_\w+|PUBLISH_REMOTE|origin)\b", " ", text
    )
    commands = {name.split()[-1] for name, _ in parsers(cli.parser())}
    for command in sorted(commands, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(command)}(?![\w-])", " ", text)
    return text


@pytest.mark.parametrize(
    "name", [name for name, _ in parsers(cli.parser())], ids=lambda n: n.split(" ", 2)[-1]
)
def test_every_help_text_is_norwegian(name: str) -> None:
    parser = dict(parsers(cli.parser()))[name]
    text = parser.format_help()
    assert text.startswith("bruk: "), text
    english = ENGLISH.findall(words(text))
    assert not english, f"{name}: {english}\n{text}"
    shouted = set(re.findall(r"(?<![\w-])[A-ZÆØÅ][A-ZÆØÅ=-]+(?![\w-])", words(text)))
    assert shouted <= METAVARS | {"IPO", "JSON", "CSV"}, f"{name}: {shouted - METAVARS}"


@pytest.mark.parametrize(
    ("args", "last_line"),
    [
        (
            ["new-followup"],
            "python -m generator new-followup: feil: dette må oppgis: --seminar",
        ),
        (
            ["validate", "--format", "xml"],
            "python -m generator validate: feil: --format: ugyldig valg: 'xml' "
            "(velg blant 'text', 'github')",
        ),
        (["validate", "--foo"], "python -m generator: feil: ukjente argumenter: --foo"),
        (
            ["new-round", "2026-06", "--date", "15.06.2026"],
            "python -m generator new-round: feil: --date: «15.06.2026» i «--date» er ikke en "
            "gyldig dato. Mente du 2026-06-15? Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30.",
        ),
        (
            # The validator's rules, range included: the year is refused before the edit.
            ["new-round", "2099-06", "--date", "9999-12-31"],
            "python -m generator new-round: feil: --date: «9999-12-31» i «--date» har året 9999, "
            "som ikke kan stemme: datoene her ligger mellom år 1900 og 2200. Sjekk årstallet.",
        ),
        (
            ["ipo-area", "add", "--unit", "vest", "--name", "X", "--since", "i fjor"],
            "python -m generator ipo-area add: feil: --since: «i fjor» er ikke et årstall; skriv "
            "året med fire sifre, for eksempel 2026",
        ),
        (
            ["publish", "--all", "--edition", "2026-01"],
            "python -m generator publish: feil: --edition: kan ikke brukes sammen med --all",
        ),
        (["new-round"], "python -m generator new-round: feil: dette må oppgis: id"),
    ],
)
def test_argparse_errors_are_norwegian(tmp_path: Path, args: list[str], last_line: str) -> None:
    result = run_generator(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("bruk: python -m generator")
    assert lines[-1] == last_line


def test_an_unknown_command_lists_the_commands(tmp_path: Path) -> None:
    result = run_generator("valider", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith(
        "python -m generator: feil: kommando: ugyldig valg: 'valider' (velg blant 'validate', "
    )


def test_other_parsers_in_the_process_keep_their_english() -> None:
    """The translation is in force only while our parser works."""
    cli.parser().format_help()
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


def test_a_count_of_one_takes_the_singular(tmp_path: Path) -> None:
    assert suggest.count(1, "punkt", "punkter") == "1 punkt"
    assert [suggest.count(n, "linje", "linjer") for n in (0, 2)] == ["0 linjer", "2 linjer"]
    result = run_generator("validate", cwd=copy_project(tmp_path))  # one round in the fixture
    assert result.stdout == (
        "Datafilene er i orden: 7 oppfølgingspunkter, 1 rapporteringsrunde og 13 IPO-områder.\n"
    )
