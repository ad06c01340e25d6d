"""generator/data/syntax.py: a YAML syntax error in the editor's words, at the editor's
line and column, with a repair after which the rest of the file can be read."""

from __future__ import annotations

import pytest
import yaml

from generator.data import syntax
from generator.data.problems import Position

SYNTAX = "YAML-syntaksfeil: "


def _read(text: str) -> tuple[yaml.MarkedYAMLError, syntax.Before]:
    """libyaml's error for ``text``, and what had been read before it.

    The loader keeps more (comments that cut text, say); this keeps what
    ``diagnose`` reads without them: the last value, its key, the pending
    key and every key seen.
    """
    loader = yaml.CBaseLoader(text)
    stack: list[list[object]] = []  # [is a mapping, a key comes next, the current key]
    last_value: yaml.ScalarEvent | None = None
    last_key: str | None = None
    keys: set[str] = set()
    try:
        while not isinstance(event := loader.get_event(), yaml.StreamEndEvent):
            top = stack[-1] if stack else None
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append([isinstance(event, yaml.MappingStartEvent), True, None])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if stack and stack[-1][0]:
                    stack[-1][1] = True
            elif isinstance(event, yaml.ScalarEvent):
                if top is not None and top[0] and top[1]:
                    top[1], top[2] = False, event.value
                    keys.add(event.value)
                else:
                    last_value = event
                    last_key = str(top[2]) if top is not None and top[0] else None
                    if top is not None and top[0]:
                        top[1] = True
    except yaml.MarkedYAMLError as error:
        top = stack[-1] if stack else None
        pending = str(top[2]) if top is not None and top[0] and not top[1] else None
        return error, syntax.Before(last_value, last_key, pending, frozenset(keys))
    finally:
        loader.dispose()
    raise AssertionError(f"no syntax error in {text!r}")


def _diagnose(text: str) -> tuple[syntax.Diagnosis, str]:
    """The diagnosis for ``text``, and the text after its repair."""
    error, before = _read(text)
    lines = text.split("\n")
    diagnosis = syntax.diagnose(error, lines, "followups.yaml", before)
    diagnosis.repair(lines)
    return diagnosis, "\n".join(lines)


def _loads(text: str) -> bool:
    try:
        yaml.load(text, Loader=yaml.CBaseLoader)
    except yaml.YAMLError:
        return False
    return True


# text, (line, column), the message's start after «YAML-syntaksfeil: », the repaired text
CASES = [
    pytest.param(
        "council:\n\tname: x\n",
        (2, 1),
        "tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet.",
        "council:\n  name: x\n",
        id="tab",
    ),
    pytest.param(
        "title: Sak: om noe\n",
        (1, 11),
        "et kolon (:) står et sted der YAML ikke venter det.",
        "title: ~\n",
        id="colon in a value",
    ),
    pytest.param(
        'title: "Sak om noe\nstate: ny\n',
        (1, 8),
        'anførselstegnet (") som begynner teksten her, blir ikke lukket på samme linje, så '
        'YAML leser videre helt til slutten av filen. Sett " på slutten av teksten på denne '
        "linjen.",
        'title: "Sak om noe"\nstate: ny\n',
        id="unclosed quote",
    ),
    pytest.param(
        "tags: [a, b\nstate: ny\n",
        (1, 7),
        "listen som begynner med [ her, blir ikke lukket på samme linje, så YAML leser videre "
        "til linje 2. Sett ] på slutten av listen.",
        "tags: [a, b]\nstate: ny\n",
        id="unclosed list",
    ),
    pytest.param(
        "tags: {a: 1\n",
        (1, 7),
        "gruppen som begynner med { her, blir ikke lukket på samme linje, så YAML leser videre "
        "helt til slutten av filen. Sett } på slutten av gruppen.",
        "tags: {a: 1}\n",
        id="unclosed group",
    ),
    pytest.param(
        'title: "Sak" om noe\nstate: ny\n',
        (1, 14),
        "det står mer tekst etter et avsluttende anførselstegn.",
        'title: "Sak"\nstate: ny\n',
        id="text after a closing quote",
    ),
    pytest.param(
        'title: "\\ud800"\n',
        (1, 9),
        "«\\ud800» er bare den ene halvdelen av en tegnkode (et surrogat) og ikke et tegn.",
        'title: "?"\n',
        id="half a surrogate",
    ),
    pytest.param(
        'title: "\\uD83D\\uDE00"\n',
        (1, 9),
        "«\\uD83D\\uDE00» er ett tegn skrevet som to halve koder (et surrogatpar, slik JSON "
        "gjør det), men YAML godtar bare hele koder. Skriv tegnet selv (😀), eller bruk én kode "
        "med åtte sifre: \\U0001F600.",
        'title: "?"\n',
        id="surrogate pair",
    ),
    pytest.param(
        "a: @x\n",
        (1, 4),
        "verdien begynner med et tegn som ikke kan stå først i YAML (for eksempel @ eller `).",
        "a: ~\n",
        id="reserved character first",
    ),
    pytest.param(
        "a: - b\n",
        (1, 4),
        "en linje som starter med «- » står der YAML venter en verdi på samme linje.",
        "a: ~\n",
        id="list on the key's line",
    ),
    pytest.param(
        "points:\n  - title: a\n    state: ny\n  - title: b\n    state\n",
        (5, 5),
        "linjen mangler kolon etter feltnavnet «state». Skriv «state: » med kolon og mellomrom "
        "foran verdien.",
        "points:\n  - title: a\n    state: ny\n  - title: b\n    state:\n",
        id="field without colon",
    ),
    pytest.param(
        "points:\n  - title: a\n    state: ny\n  - title: b\n    state:ny\n",
        (5, 10),
        "det mangler et mellomrom etter kolonet i «state:ny». Skriv «state: ny».",
        "points:\n  - title: a\n    state: ny\n  - title: b\n    state: ny\n",
        id="no space after the colon",
    ),
    pytest.param(
        "points:\n  - title: En lang\n  tekst fortsetter\n    state: ny\n",
        (3, 3),
        "teksten i «title» fortsetter på denne linjen, men linjen har for lite innrykk, så YAML "
        "leser den som et nytt felt. Rykk linjen inn under «title:» (minst 6 mellomrom)",
        "points:\n  - title: En lang\n      tekst fortsetter\n    state: ny\n",
        id="under-indented plain text",
    ),
    pytest.param(
        "a:\n  text: |\n    linje en\n  linje to\n  b: 1\n",
        (4, 3),
        "teksten under «text: |» har for lite innrykk på denne linjen, så YAML leser den ikke "
        "som en del av teksten. Teksten må rykkes inn under «text: |»: sett 4 mellomrom først "
        "på linjen, like mange som på linjene over.",
        "a:\n  text: |\n    linje en\n    linje to\n  b: 1\n",
        id="under-indented block text",
    ),
    pytest.param(
        "text: | hei\n  a\n",
        (1, 9),
        "etter | kan det ikke stå tekst på samme linje. Flytt teksten til linjene under, med "
        "mer innrykk enn «text:».",
        "text: |\n  a\n",
        id="text after the block indicator",
    ),
    pytest.param(
        "%FOO bar\n---\na: 1\n",
        (1, 5),
        "linjer som starter med % er YAML-direktiver, og de brukes ikke i datafilene.",
        "\n---\na: 1\n",
        id="directive",
    ),
]


@pytest.mark.parametrize("text,place,message,repaired", CASES)
def test_a_syntax_error_is_named_where_the_editor_went_wrong(
    text: str, place: tuple[int, int], message: str, repaired: str
) -> None:
    diagnosis, after = _diagnose(text)
    problem = diagnosis.problem
    assert problem.position == Position("followups.yaml", *place)
    assert problem.severity == "error"
    assert problem.message.startswith(SYNTAX + message), problem.message
    assert diagnosis.line == place[0] - 1
    assert after == repaired
    assert _loads(after), "the repair lets the rest of the file be read"


def test_an_error_past_the_last_line_is_put_on_the_last_line_with_text() -> None:
    diagnosis, _ = _diagnose("title: [a,\n\n\n")
    assert diagnosis.problem.position == Position("followups.yaml", 1, 11)
    assert diagnosis.line == 0


def test_a_repair_keeps_the_number_of_lines_and_a_windows_line_end() -> None:
    text = "a: b\r\nc: d: e\r\nf: g\r\n"
    diagnosis, after = _diagnose(text)
    assert diagnosis.problem.position == Position("followups.yaml", 2, 5)
    assert after == "a: b\r\nc: ~\r\nf: g\r\n"


class _Error(yaml.MarkedYAMLError):
    pass


def _error(problem: str, column: int = 0) -> yaml.MarkedYAMLError:
    mark = yaml.Mark("f", 0, 0, column, "", 0)
    return _Error(problem=problem, problem_mark=mark)


@pytest.mark.parametrize(
    "problem,line,expected",
    [
        (
            "found character that cannot start any token",
            "\tname: x",
            "tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet.",
        ),
        (
            "found undefined alias 'x'",
            "a: *x",
            "en *-referanse brukes, men det er ikke lov her.",
        ),
        (
            "found unexpected end of stream",
            "a: 'x",
            "filen slutter midt i en verdi. Sjekk at alle anførselstegn og klammeparenteser er "
            "lukket.",
        ),
        (
            "something libyaml says that we have no words for",
            "a: b",
            "filen kan ikke leses fra dette stedet. Sjekk innrykk, kolon og anførselstegn på "
            "denne linjen og linjen over (teknisk melding: «something libyaml says that we have "
            "no words for»).",
        ),
    ],
)
def test_message_puts_libyamls_complaint_in_norwegian(
    problem: str, line: str, expected: str
) -> None:
    assert syntax.message(_error(problem), line) == SYNTAX + expected


def test_message_sees_text_after_a_closing_quote_whatever_libyaml_blames() -> None:
    said = syntax.message(_error("did not find expected key", 13), 'title: "Sak" om noe')
    assert said == SYNTAX + syntax._AFTER_QUOTE + "."
    # A comment after the quote is fine: that is not the mistake.
    said = syntax.message(_error("did not find expected key", 13), 'title: "Sak" # om noe')
    assert syntax._AFTER_QUOTE not in said


def test_no_hint_ends_with_the_full_stop_message_adds() -> None:
    for english, norwegian in syntax._HINTS.items():
        assert not norwegian.endswith("."), english


def test_replace_puts_new_text_in_place_of_some_characters() -> None:
    lines = ["abcdef", "ghi"]
    syntax.replace(0, 2, "XY", 3)(lines)
    assert lines == ["abXYf", "ghi"]
    syntax.replace(1, 3, "!", 0)(lines)  # an insertion at the end
    assert lines == ["abXYf", "ghi!"]


def test_blank_empties_a_line_but_keeps_its_line_end() -> None:
    lines = ["a: b\r", "c: d"]
    syntax.blank(0)(lines)
    syntax.blank(1)(lines)
    assert lines == ["\r", ""]
