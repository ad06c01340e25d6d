"""generator/data/problem_text.py: problems as text for people and as GitHub annotations."""

from __future__ import annotations

import pytest

from generator.data import problem_text
from generator.data.problems import Position, Problem


def _problem(file: str, line: int, column: int, message: str, warning: bool = False) -> Problem:
    return Problem(Position(file, line, column), message, "warning" if warning else "error")


def test_text_is_grouped_by_file_in_order_with_a_count_at_the_end() -> None:
    problems = [
        _problem("ipo_areas.yaml", 3, 1, "mangler navn"),
        _problem("followups.yaml", 12, 5, "ukjent tilstand", warning=True),
        _problem("followups.yaml", 2, 1, "mangler tittel"),
    ]
    assert problem_text.as_text(problems) == (
        "followups.yaml:\n"
        "  followups.yaml:2:1: feil: mangler tittel\n"
        "  followups.yaml:12:5: advarsel: ukjent tilstand\n"
        "ipo_areas.yaml:\n"
        "  ipo_areas.yaml:3:1: feil: mangler navn\n"
        "2 feil og 1 advarsel."
    )


@pytest.mark.parametrize(
    "errors,warnings,summary",
    [
        (0, 0, "0 feil."),
        (1, 0, "1 feil."),
        (3, 0, "3 feil."),
        (0, 1, "0 feil og 1 advarsel."),
        (2, 2, "2 feil og 2 advarsler."),
    ],
)
def test_the_count_names_errors_and_warnings_in_the_right_form(
    errors: int, warnings: int, summary: str
) -> None:
    problems = [_problem("f.yaml", i + 1, 1, "e") for i in range(errors)]
    problems += [_problem("f.yaml", 100 + i, 1, "w", warning=True) for i in range(warnings)]
    assert problem_text.as_text(problems).splitlines()[-1] == summary


def test_lines_sort_by_number_not_by_text() -> None:
    text = problem_text.as_text([_problem("f.yaml", 10, 1, "b"), _problem("f.yaml", 9, 1, "a")])
    assert text.splitlines()[1:3] == ["  f.yaml:9:1: feil: a", "  f.yaml:10:1: feil: b"]


def test_a_message_cannot_break_the_line_or_hide_characters() -> None:
    text = problem_text.as_text([_problem("f.yaml", 1, 1, "før\netter\u200b")])
    assert text.splitlines()[1] == "  f.yaml:1:1: feil: før\\netter\\u200b"


def test_a_file_name_cannot_start_a_workflow_command() -> None:
    assert problem_text.safe_file("::error file=x::y") == "./::error file=x::y"
    assert problem_text.safe_file("  ::warning") == "./  ::warning"
    assert problem_text.safe_file("followups.yaml") == "followups.yaml"
    assert problem_text.safe_file("a\nb.yaml") == "a\\nb.yaml"
    text = problem_text.as_text([_problem("::add-mask::x", 1, 1, "m")])
    assert [line.lstrip().startswith("::") for line in text.splitlines()] == [False] * 3


def test_a_line_of_data_text_cannot_start_a_workflow_command() -> None:
    assert problem_text.safe_text("::add-mask::hemmelig") == "\\::add-mask::hemmelig"
    assert problem_text.safe_text("  ::error") == "\\  ::error"
    assert problem_text.safe_text("a::b") == "a::b"
    assert problem_text.safe_text("a\nb") == "a\\nb"


@pytest.mark.parametrize(
    "value,escaped",
    [
        ("plain.yaml", "plain.yaml"),
        ("100%", "100%25"),
        ("a\rb\nc", "a%0Db%0Ac"),
        ("::error", "%3A%3Aerror"),
        ("a,line=1", "a%2Cline=1"),
        ("%0A", "%250A"),  # «%» first, so an escape in the text stays text
    ],
)
def test_a_property_escapes_percent_breaks_colons_and_commas(value: str, escaped: str) -> None:
    assert problem_text.escape_property(value) == escaped


@pytest.mark.parametrize(
    "value,escaped",
    [
        ("100%", "100%25"),
        ("a\rb\nc", "a%0Db%0Ac"),
        ("a::b, c", "a::b, c"),  # after its «::» a message may hold colons and commas
        ("%0A", "%250A"),
    ],
)
def test_a_message_escapes_percent_and_breaks_only(value: str, escaped: str) -> None:
    assert problem_text.escape_data(value) == escaped


def test_github_annotations_one_per_problem_in_order() -> None:
    problems = [
        _problem("ipo_areas.yaml", 3, 1, "mangler navn", warning=True),
        _problem("followups.yaml", 12, 5, "ukjent tilstand: «x», «y»"),
    ]
    assert problem_text.as_github(problems) == (
        "::error file=followups.yaml,line=12,col=5,title=Feil i datafil::"
        "ukjent tilstand: «x», «y»\n"
        "::warning file=ipo_areas.yaml,line=3,col=1,title=Advarsel i datafil::mangler navn"
    )


def test_github_annotations_escape_what_the_editor_wrote() -> None:
    problem = _problem("a,b:c%.yaml", 1, 2, "100% sikkert\nny linje")
    assert problem_text.as_github([problem]) == (
        "::error file=a%2Cb%3Ac%25.yaml,line=1,col=2,title=Feil i datafil::"
        "100%25 sikkert\\nny linje"
    )


def test_no_problems_is_no_annotation() -> None:
    assert problem_text.as_github([]) == ""
