"""Each kind of value owns its check, its name in messages and its JSON Schema."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest

from generator.data import kinds as k
from generator.data.suggest import Budget

OPTIONS = {
    "ny": k.Option("Ny", "først med nå", "ny"),
    "gammel": k.Option("Gammel", "med før", "gammel", closed=True, advice="Si hvorfor."),
}


def _check(kind: k.Scalar, value: str, name: str = "felt") -> object:
    return kind.check(value, name, Budget())


def _refused(kind: k.Scalar, value: str, name: str = "felt") -> str:
    result = _check(kind, value, name)
    assert isinstance(result, k.Refused), result
    return result.message


def _valid(kind: k.Kind, value: Any) -> bool:
    """Whether the kind's JSON Schema takes ``value`` as an editor would read it."""
    validator = jsonschema.Draft202012Validator(
        kind.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return bool(validator.is_valid(value))


def test_text() -> None:
    assert _check(k.Text(), "  En tittel ") == "En tittel"
    assert _check(k.Text(multiline=True), "\nLinje 1\nLinje 2\n") == "Linje 1\nLinje 2"
    assert _refused(k.Text(), "  ") == "feltet «felt» er tomt. Skriv inn en verdi."
    assert _refused(k.Text(), "a\nb", "title") == (
        "«title» skal stå på én linje, men teksten har et linjeskift. Skriv hele teksten på "
        "én linje, uten \\n og uten | foran."
    )
    assert k.Text().describe() == "en tekst"
    assert k.Text().writes_text
    assert _valid(k.Text(), "tekst") and _valid(k.Text(), 2025) and not _valid(k.Text(), " ")


def test_id() -> None:
    assert _check(k.Id(), " 2025-1 ") == "2025-1"
    assert _refused(k.Id(), "Ab", "id") == (
        "«Ab» kan ikke brukes i «id»: bruk bare små bokstaver a–z, tall og bindestrek, for "
        'eksempel "2025-1".'
    )
    assert _check(k.Id(), "con") == "con"
    assert "Windows godtar ikke" in _refused(k.Id(file_name=True), "con", "id")
    assert "publiseres" in _refused(k.Id(publishing=True), "latest", "id")
    assert "forhåndsvisninger" in _refused(k.Id(publishing=True), "pr-12", "id")
    assert k.Id().describe() == "en tekst"
    assert _valid(k.Id(), "2025-1") and _valid(k.Id(), 2025)
    assert _valid(k.Id(), "con") and not _valid(k.Id(file_name=True), "con")
    assert not _valid(k.Id(publishing=True), "latest")


def test_page() -> None:
    assert _check(k.Page(), "seminar-2026.md") == "seminar-2026.md"
    assert _refused(k.Page(), "../hemmelig.md", "page") == (
        "«../hemmelig.md» i «page» peker ut av mappen content/ med «..». Siden må ligge i "
        "content/ eller en mappe under den; skriv stien inne i content/, for eksempel "
        "seminar-2026.md."
    )
    assert k.Page().writes_text
    assert _valid(k.Page(), "a/b.md") and not _valid(k.Page(), "../b.md")


def test_date() -> None:
    assert _check(k.Date(), "2026-01-30") == dt.date(2026, 1, 30)
    assert _refused(k.Date(), "2026-02-30", "date") == (
        "«2026-02-30» i «date» er ikke en dato som finnes: februar 2026 har bare 28 dager. "
        "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."
    )
    assert _refused(k.Date(), "30.1.2026", "date") == (
        "«30.1.2026» i «date» er ikke en gyldig dato. Mente du 2026-01-30? Skriv datoen som "
        "ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."
    )
    assert _refused(k.Date(), "2026-01", "date") == (
        "«2026-01» i «date» mangler dag. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."
    )
    assert "har året 9999" in _refused(k.Date(), "9999-12-31", "date")
    assert k.Date().describe() == "en dato (ÅÅÅÅ-MM-DD)"
    assert _valid(k.Date(), "2026-01-30") and not _valid(k.Date(), "30.1.2026")


def test_integer() -> None:
    assert _check(k.Integer(), "0150") == 150
    assert _refused(k.Integer(), "tre", "number") == (
        "«tre» er ikke et gyldig tall i «number». Skriv et helt tall, for eksempel 1."
    )
    assert _refused(k.Integer(minimum=1900, maximum=2200), "1800", "since") == (
        "«since» må være mellom 1900 og 2200, ikke 1800."
    )
    assert _refused(k.Integer(), "9" * 5000, "number").startswith("«number» må være mellom")
    assert k.Integer().describe() == "et helt tall"
    assert _valid(k.Integer(), 3) and _valid(k.Integer(), "3") and not _valid(k.Integer(), 0)


def test_choice() -> None:
    kind = k.Choice(OPTIONS, "tilstand")
    assert _check(kind, " ny ") == "ny"
    assert _refused(kind, "gamel") == (
        "«gamel» er ikke en gyldig tilstand. Mente du «gammel»? Gyldige verdier: «ny» og «gammel»."
    )
    assert kind.describe() == "en tekst"
    assert kind.json_schema() == {
        "enum": ["ny", "gammel"],
        "markdownEnumDescriptions": ["Ny: først med nå.", "Gammel: med før. Si hvorfor."],
    }


def test_flag() -> None:
    assert _check(k.Flag(), "true") is True and _check(k.Flag(), "false") is False
    assert _refused(k.Flag(), "ja", "reopened") == (
        "«reopened» skal være true eller false, ikke «ja»."
    )
    assert k.Flag().describe() == "true eller false"
    assert _valid(k.Flag(), True) and _valid(k.Flag(), "true") and not _valid(k.Flag(), "ja")


def test_list_and_object() -> None:
    item = k.Obj((k.Field("id", k.Id(), "Id-en.", required=True),), noun="punkt")
    listed = k.ListOf(item, min_items=1)
    assert listed.describe() == "en liste"
    assert item.describe() == "et punkt med felt"
    assert k.Obj((), noun="status").describe() == "en status med felt"
    assert not listed.writes_text and k.ListOf(k.Text()).writes_text
    assert _valid(listed, [{"id": "a"}])
    assert not _valid(listed, []) and not _valid(listed, [{"id": "a", "x": 1}])
    optional = k.Field("tags", k.ListOf(k.Text()), "Stikkord.")
    assert optional.json_schema()["anyOf"][1] == {"type": "null"}


@pytest.mark.parametrize("use", ["open_data", "csv", "compared"])
def test_fields_of_keeps_the_declared_order(use: k.Use) -> None:
    kind = k.Obj(
        (
            k.Field("a", k.Text(), "", label="a"),
            k.Field("b", k.Text(), "", open_data=False, csv=False, compared=False, label="b"),
            k.Field("c", k.Text(), ""),
        ),
        noun="x",
    )
    expected = {"open_data": ["a", "c"], "csv": ["a"], "compared": ["a"]}[use]
    assert [f.name for f in k.fields_of(kind, use)] == expected


# --- parse_date: the one date parser, for the data, the date options and today ---

HINT = "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."


def test_parse_date_reads_yyyy_mm_dd() -> None:
    assert k.parse_date("2026-06-15", "date") == dt.date(2026, 6, 15)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # Python's date.fromisoformat takes these two; nobody writes them in the data.
        ("20260615", f"«20260615» i «--date» er ikke en gyldig dato. {HINT}"),
        ("2026-W24-1", f"«2026-W24-1» i «--date» er ikke en gyldig dato. {HINT}"),
        (
            "15.06.2026",
            f"«15.06.2026» i «--date» er ikke en gyldig dato. Mente du 2026-06-15? {HINT}",
        ),
        ("2026-06", f"«2026-06» i «--date» mangler dag. {HINT}"),
        (
            "2026-02-30",
            "«2026-02-30» i «--date» er ikke en dato som finnes: februar 2026 har bare 28 dager. "
            + HINT,
        ),
        (
            "1800-01-01",
            "«1800-01-01» i «--date» har året 1800, som ikke kan stemme: datoene her ligger "
            "mellom år 1900 og 2200. Sjekk årstallet.",
        ),
    ],
)
def test_parse_date_refuses_anything_else_naming_the_option(value: str, message: str) -> None:
    with pytest.raises(k.NotADate) as refused:
        k.parse_date(value, "--date")
    assert refused.value.message == message


@pytest.mark.parametrize("value", ["20260615", "2026-W24-1", "2026-6-15"])
def test_the_command_line_takes_exactly_what_the_data_file_takes(value: str) -> None:
    """``--date`` and the validator share the parser: one refuses what the other refuses."""
    from generator.cli import parser
    from generator.data import validate

    assert validate.value_problems(value, k.Date(), "--date") == [_message(value)]
    with pytest.raises(SystemExit) as stopped:
        parser().parse_args(["new-round", "2026-06", "--date", value])
    assert stopped.value.code == 2


def _message(value: str) -> str:
    with pytest.raises(k.NotADate) as refused:
        k.parse_date(value, "--date")
    return refused.value.message


@pytest.mark.parametrize("value", ["20260615", "2026-W24-1"])
def test_mkdocs_today_takes_exactly_what_the_data_file_takes(value: str) -> None:
    from mkdocs.exceptions import Abort

    from generator.site.plugin import FollowupsPlugin

    plugin = FollowupsPlugin()
    plugin.load_config({"today": value})
    with pytest.raises(Abort) as stopped:
        plugin._today()
    assert str(stopped.value) == _message(value).replace("«--date»", "«today»")
