"""YAML syntax errors in the editor's words, at the editor's line, with a repair to read on.

libyaml reports where it gave up, which is often a line or more after the
mistake: under-indented text is blamed on the next field, a missing closing
quote on the line where a later quote happens to close it, an unclosed
bracket on the next line. ``diagnose`` looks at what was read just before
and at the text around the error, names the line where the editor went
wrong, says what to do, and proposes the smallest change to the text (the
likely fix, or else emptying the value) so the loader can read the rest of
the file and report its other problems in the same run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from generator.data.problems import Position, Problem

Repair = Callable[[list[str]], None]
"""Changes the file's lines (split at «\\n») in place; the number of lines stays."""

_HINTS = {
    "found character '\\t' that cannot start any token": (
        "tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet"
    ),
    "mapping values are not allowed": (
        "et kolon (:) står et sted der YAML ikke venter det. Sett teksten i anførselstegn "
        '("...") eller bruk | og skriv teksten på linjene under'
    ),
    "could not find expected ':'": (
        "YAML fant ikke kolonet (:) etter et feltnavn. Sjekk at linjen har formen "
        "«felt: verdi» og at innrykket stemmer med linjene over"
    ),
    "did not find expected key": (
        "innrykket stemmer ikke. Sjekk at linjen har samme antall mellomrom "
        "som de andre feltene i samme punkt"
    ),
    "did not find expected '-' indicator": (
        "innrykket stemmer ikke. I en liste starter hver oppføring med «- », og feltene i en "
        "oppføring har samme innrykk; sjekk antall mellomrom først på linjen"
    ),
    "did not find expected ',' or ']'": (
        "en liste i [klammer] er ikke lukket riktig. Sjekk at den slutter med ] og at "
        "verdiene er skilt med komma"
    ),
    "did not find expected ',' or '}'": (
        "en gruppe i {klammer} er ikke lukket riktig. Sjekk at den slutter med }"
    ),
    "found unexpected end of stream": (
        "filen slutter midt i en verdi. Sjekk at alle anførselstegn og klammeparenteser er lukket"
    ),
    "found undefined alias": "en *-referanse brukes, men det er ikke lov her",
    "found unknown escape character": (
        "ugyldig \\-kode i en tekst med doble anførselstegn. Bruk enkle "
        "anførselstegn ('...') eller skriv \\\\ for en skråstrek"
    ),
    "found unexpected ':'": (
        "et kolon (:) står et sted der YAML ikke venter det. Sett teksten i anførselstegn"
    ),
    "tab character": "tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet",
    "did not find expected node content": (
        "her mangler en verdi, eller verdien begynner med et tegn YAML leser som syntaks "
        '(for eksempel ], }, %, @ eller `). Sett teksten i anførselstegn ("...")'
    ),
    "did not find expected <document start>": (
        "det står noe etter slutten av dataene, ofte tekst med for lite innrykk eller noe "
        "etter en linje med «...». Sjekk innrykket på denne linjen"
    ),
    "did not find expected alphabetic or numeric character": (
        "& og * først i en verdi betyr anker og referanse i YAML og må følges av et navn. "
        'Skal tegnet stå i teksten, sett hele teksten i anførselstegn ("...")'
    ),
    "cannot start any token": (
        "verdien begynner med et tegn som ikke kan stå først i YAML (for eksempel @ eller `). "
        'Sett hele teksten i anførselstegn ("...")'
    ),
    "did not find expected comment or line break": (
        "det står noe mer på linjen etter en verdi som er avsluttet (for eksempel etter et "
        'avsluttende anførselstegn). Sett hele teksten i anførselstegn ("...")'
    ),
    "block sequence entries are not allowed": (
        "en linje som starter med «- » står der YAML venter en verdi på samme linje. Skriv "
        "listen på linjene under feltnavnet, med innrykk"
    ),
    "directive": (
        "linjer som starter med % er YAML-direktiver, og de brukes ikke i datafilene. Slett "
        "linjen, eller sett teksten i anførselstegn"
    ),
    "%YAML": (
        "linjer som starter med % er YAML-direktiver, og de brukes ikke i datafilene. Slett "
        "linjen, eller sett teksten i anførselstegn"
    ),
}

_AFTER_QUOTE = (
    "det står mer tekst etter et avsluttende anførselstegn. Sett hele teksten i "
    "anførselstegn, eller bruk | og skriv teksten på linjen under"
)

# «  - key: value», «  key:»: the key and what stands before it.
_KEY_LINE = re.compile(r"^( *)((?:- +)*)([^\s#'\"\[\]{},:&*!|>%@`][^:#]*?) *:(?: |$)")
# A line that reads as YAML structure rather than text: a key or a list item.
_STRUCTURE = re.compile(r"^ *(?:- |[\w-]+:(?: |$))")
_WORD = re.compile(r"[a-z_][a-z0-9_]*")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")
_LOW_SURROGATE = re.compile(r"\\u([dD][c-fC-F][0-9a-fA-F]{2})")


@dataclass(frozen=True)
class Before:
    """What the loader had read when libyaml gave up."""

    value: yaml.ScalarEvent | None
    """The last value read (not a key), in any context."""
    key: str | None
    """The key of that value, if it was in a mapping."""
    pending_key: str | None
    """The key whose value was being read when the error came."""
    keys: frozenset[str] = frozenset()
    """Every key read so far: a word among them at the start of a line is a field name."""
    cut: Problem | None = None
    """A comment that cut text right before the error, already worded."""


@dataclass(frozen=True)
class Diagnosis:
    problem: Problem
    line: int
    """The line (from 0) that ``repair`` changes."""
    repair: Repair


def message(error: yaml.MarkedYAMLError, line_text: str) -> str:
    """libyaml's complaint in Norwegian, for errors not recognised more precisely."""
    problem = error.problem or str(error)
    mark = error.problem_mark
    before = line_text[: mark.column].rstrip() if mark is not None else ""
    # «title: "Sak" om noe»: libyaml blames the indentation or the document
    # end, but the editor wrote text after a closing quote.
    if _after_quote(mark, line_text, before):
        return f"YAML-syntaksfeil: {_AFTER_QUOTE}."
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or (
        "cannot start any token" in problem and "\t" in line_text
    ):
        problem = "found character '\\t' that cannot start any token"
    for english, norwegian in _HINTS.items():
        if english in problem:
            return f"YAML-syntaksfeil: {norwegian}."
    # Not one we have words for: say so in Norwegian and quote libyaml for the curious.
    return (
        "YAML-syntaksfeil: filen kan ikke leses fra dette stedet. Sjekk innrykk, kolon og "
        f"anførselstegn på denne linjen og linjen over (teknisk melding: «{problem}»)."
    )


def _after_quote(mark: yaml.Mark | None, line_text: str, before: str) -> bool:
    return (
        mark is not None
        and before.endswith(('"', "'"))
        and before.count(before[-1]) >= 2
        and mark.column < len(line_text)
        and not line_text[mark.column :].startswith("#")
    )


def diagnose(error: yaml.MarkedYAMLError, lines: list[str], file: str, before: Before) -> Diagnosis:
    """The editor's mistake behind ``error``, where it is, and a repair to read on."""
    problem_mark, context_mark = error.problem_mark, error.context_mark
    mark = problem_mark or context_mark
    problem, context = error.problem or "", error.context or ""
    at_line = mark.line if mark is not None else 0
    stop = problem_mark.line if problem_mark is not None else None
    last = _last_line(lines)
    if at_line > last:
        # The end of the file: name the last line with text, never one past it.
        at_line = last
        mark = problem_mark = _Mark(last, len(_line(lines, last).rstrip()))  # type: ignore[assignment]

    if before.cut is not None:
        cut = before.cut.position
        return Diagnosis(before.cut, cut.line - 1, replace(cut.line - 1, cut.column - 1, " "))
    if "invalid Unicode character escape code" in problem and problem_mark is not None:
        found = _bad_escape(problem_mark, _line(lines, at_line))
        if found is not None:
            column, length, text = found
            return Diagnosis(
                Problem(Position(file, at_line + 1, column + 1), text),
                at_line,
                replace(at_line, column, "?", length),
            )
    if "quoted scalar" in context and context_mark is not None:
        return _unclosed_quote(file, lines, context_mark, None)
    value = before.value
    if (
        value is not None
        and value.style in ('"', "'")
        and value.end_mark.line > value.start_mark.line
        and at_line >= value.end_mark.line
        and any(
            _STRUCTURE.match(_line(lines, i))
            for i in range(value.start_mark.line + 1, value.end_mark.line + 1)
        )
    ):
        return _unclosed_quote(file, lines, value.start_mark, value.end_mark.line)
    if (
        "flow" in context
        and context_mark is not None
        and (stop is None or stop > context_mark.line)
    ):
        return _unclosed_flow(
            file, lines, context_mark, stop if stop is None or stop <= last else None
        )
    if "could not find expected ':'" in problem and context_mark is not None:
        return _no_colon(file, lines, context_mark.line, before)
    if "block scalar" in context and "comment or line break" in problem and mark is not None:
        return _text_after_indicator(file, lines, mark, before)
    return _generic(error, lines, file, at_line, mark)


@dataclass(frozen=True)
class _Mark:
    """A place on a line, for errors libyaml reports past the last line."""

    line: int
    column: int


def _last_line(lines: list[str]) -> int:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            return index
    return 0


def _line(lines: list[str], index: int) -> str:
    return lines[index].rstrip("\r") if 0 <= index < len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _unclosed_quote(file: str, lines: list[str], start: yaml.Mark, until: int | None) -> Diagnosis:
    text = _line(lines, start.line)
    quote = text[start.column] if start.column < len(text) else '"'
    reach = f"til linje {until + 1}" if until is not None else "helt til slutten av filen"
    return Diagnosis(
        Problem(
            Position(file, start.line + 1, start.column + 1),
            f"YAML-syntaksfeil: anførselstegnet ({quote}) som begynner teksten her, blir ikke "
            f"lukket på samme linje, så YAML leser videre {reach}. Sett {quote} på slutten av "
            "teksten på denne linjen.",
        ),
        start.line,
        _append(start.line, quote),
    )


def _unclosed_flow(file: str, lines: list[str], start: yaml.Mark, stop: int | None) -> Diagnosis:
    opening = _line(lines, start.line)[start.column : start.column + 1] or "["
    closing, what = ("}", "gruppen") if opening == "{" else ("]", "listen")
    reach = f"til linje {stop + 1}" if stop is not None else "helt til slutten av filen"
    return Diagnosis(
        Problem(
            Position(file, start.line + 1, start.column + 1),
            f"YAML-syntaksfeil: {what} som begynner med {opening} her, blir ikke lukket på samme "
            f"linje, så YAML leser videre {reach}. Sett {closing} på slutten av {what}.",
        ),
        start.line,
        _append(start.line, closing),
    )


def _no_colon(file: str, lines: list[str], index: int, before: Before) -> Diagnosis:
    """A line read as a key without its colon: under-indented text, or a field without «:»."""
    text = _line(lines, index)
    column = _indent(text)
    at = Position(file, index + 1, column + 1)
    value = before.value
    # A block text's end is the line after it; a plain or quoted value ends on its last line.
    after = value.end_mark.line + (value.style not in ("|", ">")) if value is not None else 0
    blank_between = value is not None and all(
        not _line(lines, i).strip() for i in range(after, index)
    )
    if value is not None and blank_between and value.end_mark.line <= index:
        key = before.key or "teksten"
        if value.style in ("|", ">"):
            content = _content_indent(lines, value.start_mark.line, index)
            head = f"{key}: {_indicator(lines, value.start_mark)}"
            return Diagnosis(
                Problem(
                    at,
                    f"YAML-syntaksfeil: teksten under «{head}» har for lite innrykk på denne "
                    "linjen, så YAML leser den ikke som en del av teksten. Teksten må rykkes "
                    f"inn under «{head}»: sett {content} mellomrom først på linjen, like mange "
                    "som på linjene over.",
                ),
                index,
                _reindent(index, content),
            )
        first = text.split()[0] if text.split() else ""
        if value.style in (None, "") and first.split(":")[0] not in before.keys:
            deeper = _key_column(lines, value.start_mark.line) + 2
            return Diagnosis(
                Problem(
                    at,
                    f"YAML-syntaksfeil: teksten i «{key}» fortsetter på denne linjen, men linjen "
                    "har for lite innrykk, så YAML leser den som et nytt felt. Rykk linjen inn "
                    f"under «{key}:» (minst {deeper} mellomrom), eller skriv | etter «{key}:» og "
                    "hele teksten på linjene under.",
                ),
                index,
                _reindent(index, deeper),
            )
    words = text.split()
    token = words[0] if words else ""
    name = token.split(":")[0]
    known = name in before.keys or (value is None and _WORD.fullmatch(token))
    if ":" in token.rstrip(":") and (name in before.keys or _WORD.fullmatch(name)):
        name, rest = token.split(":", 1)
        colon = column + len(name)
        return Diagnosis(
            Problem(
                Position(file, index + 1, colon + 1),
                f"YAML-syntaksfeil: det mangler et mellomrom etter kolonet i «{token}». Skriv "
                f"«{name}: {rest}».",
            ),
            index,
            replace(index, colon, ": ", 1),
        )
    if known and ":" not in token:
        return Diagnosis(
            Problem(
                at,
                f"YAML-syntaksfeil: linjen mangler kolon etter feltnavnet «{token}». Skriv "
                f"«{token}: » med kolon og mellomrom foran verdien.",
            ),
            index,
            replace(index, column + len(token), ":", 0),
        )
    return Diagnosis(
        Problem(
            at,
            "YAML-syntaksfeil: linjen står der YAML venter et felt (for eksempel «title: "
            "Tekst»), men den har ikke kolon. Hører den til teksten over, rykk den inn like "
            "langt som teksten; er den et felt, skriv kolon etter feltnavnet.",
        ),
        index,
        _neutralise(index),
    )


def _text_after_indicator(
    file: str, lines: list[str], mark: yaml.Mark, before: Before
) -> Diagnosis:
    text = _line(lines, mark.line)
    bar = max(text.rfind("|", 0, mark.column), text.rfind(">", 0, mark.column))
    indicator = text[bar] if bar >= 0 else "|"
    key = before.pending_key or "feltet"
    return Diagnosis(
        Problem(
            Position(file, mark.line + 1, mark.column + 1),
            f"YAML-syntaksfeil: etter {indicator} kan det ikke stå tekst på samme linje. Flytt "
            f"teksten til linjene under, med mer innrykk enn «{key}:».",
        ),
        mark.line,
        _cut_at(mark.line, mark.column),
    )


def _generic(
    error: yaml.MarkedYAMLError, lines: list[str], file: str, index: int, mark: Any
) -> Diagnosis:
    text = _line(lines, index)
    at = Position(file, index + 1, (mark.column if mark is not None else 0) + 1)
    said = message(error, text)
    if mark is not None and _after_quote(mark, text, text[: mark.column].rstrip()):
        return Diagnosis(Problem(at, said), index, _cut_at(index, mark.column))
    if "\t" in text[: len(text) - len(text.lstrip())]:
        return Diagnosis(Problem(at, said), index, _reindent(index, _above(lines, index)))
    sibling = _sibling_indent(lines, index)
    if _KEY_LINE.match(text) and sibling is not None:
        return Diagnosis(Problem(at, said), index, _reindent(index, sibling))
    return Diagnosis(Problem(at, said), index, _neutralise(index))


def _content_indent(lines: list[str], header: int, fallback: int) -> int:
    """The indentation of a block text's first line (what its other lines must match)."""
    for i in range(header + 1, len(lines)):
        text = _line(lines, i)
        if text.strip():
            return _indent(text) if i < fallback else _key_column(lines, header) + 2
    return _key_column(lines, header) + 2


def _key_column(lines: list[str], index: int) -> int:
    """The column of the key on line ``index`` («  - text: |» gives 4)."""
    match = _KEY_LINE.match(_line(lines, index))
    if match is None:
        return _indent(_line(lines, index))
    return len(match.group(1)) + len(match.group(2))


def _indicator(lines: list[str], start: yaml.Mark) -> str:
    text = _line(lines, start.line)
    return text[start.column : start.column + 1] or "|"


def _above(lines: list[str], index: int) -> int:
    """A guess at a line's indentation: that of the next field, or else of the line above
    (deeper if the line above opens a block: «council:»)."""
    for i in range(index + 1, min(len(lines), index + 5)):
        if _line(lines, i).strip():
            if _KEY_LINE.match(_line(lines, i)):
                return _key_column(lines, i)
            break
    for i in range(index - 1, -1, -1):
        text = _line(lines, i)
        if text.strip():
            opens = text.rstrip().endswith(":")
            return _key_column(lines, i) + (2 if opens else 0)
    return 0


def _sibling_indent(lines: list[str], index: int) -> int | None:
    """The indentation of the nearest key line above that this one should line up with."""
    own = _indent(_line(lines, index).replace("\t", " "))
    for i in range(index - 1, max(-1, index - 200), -1):
        match = _KEY_LINE.match(_line(lines, i))
        if match is None:
            continue
        column = len(match.group(1)) + len(match.group(2))
        if abs(column - own) <= 2 and column != own:
            return column
        if column < own - 2:
            return None
    return None


def _bad_escape(mark: yaml.Mark, line_text: str) -> tuple[int, int, str] | None:
    """A \\u-code that is not a character: its column, length and what to say."""
    escapes = list(_ESCAPE.finditer(line_text))
    if not escapes:
        return None
    earlier = [e for e in escapes if e.start() <= mark.column]
    found = earlier[-1] if earlier else escapes[0]
    code = int(found.group(1) or found.group(2), 16)
    written = found.group()
    if 0xD800 <= code <= 0xDBFF and (low := _LOW_SURROGATE.match(line_text, found.end())):
        pair = written + low.group()
        char = chr(0x10000 + ((code - 0xD800) << 10) + (int(low.group(1), 16) - 0xDC00))
        return (
            found.start(),
            len(pair),
            f"YAML-syntaksfeil: «{pair}» er ett tegn skrevet som to halve koder (et "
            "surrogatpar, slik JSON gjør det), men YAML godtar bare hele koder. Skriv tegnet "
            f"selv ({char}), eller bruk én kode med åtte sifre: \\U{ord(char):08X}.",
        )
    if 0xD800 <= code <= 0xDFFF:
        return (
            found.start(),
            len(written),
            f"YAML-syntaksfeil: «{written}» er bare den ene halvdelen av en tegnkode (et "
            "surrogat) og ikke et tegn. Slett koden, eller skriv tegnet selv; et tegn utenfor "
            "det vanlige området skrives med \\U og åtte sifre, for eksempel \\U0001F600.",
        )
    return (
        found.start(),
        len(written),
        f"YAML-syntaksfeil: «{written}» er ikke en tegnkode som finnes (den høyeste er "
        "\\U0010FFFF). Skriv tegnet selv, eller rett koden.",
    )


# --- Repairs: each keeps the number of lines, so every position stays true.


def _ending(text: str) -> tuple[str, str]:
    return (text[:-1], "\r") if text.endswith("\r") else (text, "")


def replace(index: int, column: int, new: str, length: int = 1) -> Repair:
    """Put ``new`` in place of ``length`` characters at ``column``."""

    def repair(lines: list[str]) -> None:
        text = lines[index]
        lines[index] = text[:column] + new + text[column + length :]

    return repair


def _append(index: int, closing: str) -> Repair:
    def repair(lines: list[str]) -> None:
        text, end = _ending(lines[index])
        lines[index] = text.rstrip() + closing + end

    return repair


def _reindent(index: int, spaces: int) -> Repair:
    def repair(lines: list[str]) -> None:
        lines[index] = " " * spaces + lines[index].lstrip(" \t")

    return repair


def _cut_at(index: int, column: int) -> Repair:
    def repair(lines: list[str]) -> None:
        text, end = _ending(lines[index])
        lines[index] = text[:column].rstrip() + end

    return repair


def _neutralise(index: int) -> Repair:
    """Empty the line's value, keeping its key (so the mapping keeps its shape)."""

    def repair(lines: list[str]) -> None:
        text, end = _ending(lines[index])
        match = _KEY_LINE.match(text.replace("\t", " "))
        if match is not None:
            lines[index] = f"{match.group(1)}{match.group(2)}{match.group(3)}: ~{end}"
        elif text.lstrip().startswith("- "):
            lines[index] = f"{' ' * _indent(text)}- ~{end}"
        else:
            lines[index] = end

    return repair


def blank(index: int) -> Repair:
    """The last resort: an empty line."""

    def repair(lines: list[str]) -> None:
        lines[index] = _ending(lines[index])[1]

    return repair
