"""Read a YAML data file into a tree of strings that remember where they came from.

Every scalar stays a string: typing belongs to the schema, so YAML 1.1 never
turns ``no`` into false, ``0150`` into 104 or ``10:30`` into 630. The tree is
built from parser events rather than by a constructor so that anchors,
aliases, tags, duplicate keys and extra documents can be refused with their
position, and so that an alias is never expanded (a "billion laughs" file
costs nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml

from .problems import DataError, Position, Problem

# libyaml's parser is ~12x faster than the pure-Python one on large files.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_BYTES = 64 * 1024 * 1024
"""Larger files are refused before parsing. Oslo's data is a few kB today, but
5,000 points with texts of the same length and 3-6 statuses each are ~13 MB
(see bench/synth.py), and the tool must take that in its stride."""


@dataclass
class Scalar:
    value: str
    pos: Position
    plain: bool = True
    comment_cut: bool = False
    """True when a plain value is followed by ``#text`` on its line: YAML read
    the rest as a comment, which is almost never what the editor meant."""


@dataclass
class Mapping:
    pos: Position
    items: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None


@dataclass
class Sequence:
    pos: Position
    items: list[Node] = field(default_factory=list)


Node = Union[Scalar, Mapping, Sequence]

_SYNTAX_HINTS = {
    "found character '\\t' that cannot start any token": (
        "tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet"
    ),
    "mapping values are not allowed": (
        "et kolon (:) står et sted der YAML ikke venter det. Sett teksten i "
        'anførselstegn ("...") eller bruk | og skriv teksten på linjene under'
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
        "innrykket stemmer ikke i en liste. Sjekk at hvert element starter med "
        "«- » på samme innrykk"
    ),
    "did not find expected ',' or ']'": (
        "en liste i [klammer] er ikke lukket riktig. Sjekk at den slutter med ] "
        "og at elementene er skilt med komma"
    ),
    "did not find expected ',' or '}'": (
        "en tabell i {klammer} er ikke lukket riktig. Sjekk at den slutter med }"
    ),
    "found unexpected end of stream": (
        "filen slutter midt i en verdi. Sjekk at alle anførselstegn og "
        "klammeparenteser er lukket"
    ),
    "found undefined alias": "en *-referanse (alias) brukes, men det er ikke lov her",
    "found unknown escape character": (
        "ugyldig \\-kode i en tekst med doble anførselstegn. Bruk enkle "
        "anførselstegn ('...') eller skriv \\\\ for en skråstrek"
    ),
    "found unexpected ':'": (
        "et kolon (:) står et sted der YAML ikke venter det. Sett teksten i anførselstegn"
    ),
}


def _pos(file: str, mark: yaml.Mark | None) -> Position:
    if mark is None:
        return Position(file, 1, 1)
    return Position(file, mark.line + 1, mark.column + 1)


def _syntax_message(error: yaml.MarkedYAMLError, line_text: str) -> str:
    problem = error.problem or str(error)
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or (
        "cannot start any token" in problem and "\t" in line_text
    ):
        problem = "found character '\\t' that cannot start any token"
    for english, norwegian in _SYNTAX_HINTS.items():
        if english in problem:
            return f"YAML-syntaksfeil: {norwegian}."
    return f"YAML-syntaksfeil: {problem}. Sjekk innrykk, kolon og anførselstegn på denne linjen."


def decode(raw: bytes, file: str) -> str:
    """Turn the file's bytes into text, accepting UTF-8 with or without a BOM."""
    if len(raw) > MAX_BYTES:
        raise DataError(
            [
                Problem(
                    Position(file, 1, 1),
                    f"filen er {len(raw) / 1024 / 1024:.1f} MB; grensen er "
                    f"{MAX_BYTES // 1024 // 1024} MB. Sjekk at du har valgt riktig fil.",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise DataError(
            [
                Problem(
                    Position(file, line, column),
                    "filen er ikke lagret som UTF-8 (æ, ø og å blir feil). "
                    "Lagre filen på nytt med tegnkoding UTF-8.",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def parse(text: str, file: str) -> Node:
    """Build the node tree of one YAML document, or raise DataError."""
    problems: list[Problem] = []
    lines = text.splitlines()
    stack: list[Mapping | Sequence] = []
    pending_key: list[Scalar | None] = []
    root: Node | None = None
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = pending_key[-1]
        if key is None:
            if not isinstance(node, Scalar):
                problems.append(
                    Problem(node.pos, "et feltnavn må være en enkel tekst, ikke en liste eller tabell.")
                )
                node = Scalar("", node.pos)
            assert isinstance(node, Scalar)
            for existing, _ in parent.items:
                if existing.value == node.value:
                    problems.append(
                        Problem(
                            node.pos,
                            f"feltet «{node.value}» står to ganger i samme punkt "
                            f"(første gang på linje {existing.pos.line}). Slett det ene.",
                        )
                    )
                    break
            pending_key[-1] = node
        else:
            parent.items.append((key, node))
            pending_key[-1] = None

    def check_event(event: yaml.Event, pos: Position) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            problems.append(
                Problem(
                    pos,
                    f"ankeret «&{anchor}» er ikke tillatt. Skriv verdien helt ut i stedet "
                    "for å gjenbruke den.",
                )
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit = tag is not None and not (
            implicit is True or (isinstance(implicit, tuple) and any(implicit))
        )
        if tag is not None and tag != "!" and (explicit or not isinstance(event, yaml.ScalarEvent)):
            problems.append(
                Problem(
                    pos,
                    f"typemerket «{tag}» er ikke tillatt. Fjern merket (ordet som starter "
                    "med !) og skriv bare verdien.",
                )
            )

    try:
        for event in yaml.parse(text, Loader=_Loader):
            # This loop is most of the time spent loading a large file: test
            # for scalars (most events) first and build each position once.
            kind = type(event)
            pos = _pos(file, event.start_mark)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    check_event(event, pos)
                plain = event.style in (None, "")
                cut = False
                end = event.end_mark
                if plain and end is not None:
                    rest = lines[end.line][end.column :] if end.line < len(lines) else ""
                    stripped = rest.lstrip()
                    cut = stripped.startswith("#") and len(stripped) > 1 and not stripped[1].isspace()
                attach(Scalar(event.value, pos, plain=plain, comment_cut=cut))
            elif kind is yaml.MappingStartEvent:
                check_event(event, pos)
                node = Mapping(pos)
                attach(node)
                stack.append(node)
                pending_key.append(None)
            elif kind is yaml.SequenceStartEvent:
                check_event(event, pos)
                seq = Sequence(pos)
                attach(seq)
                stack.append(seq)
                pending_key.append(None)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                pending_key.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(
                        Problem(
                            pos,
                            "filen inneholder mer enn ett YAML-dokument (en linje med ---). "
                            "Slett linjen med --- og alt som hører til det andre dokumentet, "
                            "eller slå dokumentene sammen.",
                        )
                    )
                    break
            elif kind is yaml.AliasEvent:
                problems.append(
                    Problem(
                        pos,
                        f"referansen «*{event.anchor}» er ikke tillatt. Skriv verdien helt ut.",
                    )
                )
                attach(Scalar("", pos))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line_text = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
        problems.append(Problem(_pos(file, mark), _syntax_message(exc, line_text)))
        raise DataError(problems) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        problems.append(
            Problem(
                Position(file, line, column),
                f"filen inneholder et usynlig kontrolltegn (U+{code:04X}). "
                "Slett tegnet (det kommer ofte fra innliming fra et annet program) "
                "og skriv teksten på nytt.",
            )
        )
        raise DataError(problems) from None

    if root is None or (isinstance(root, Scalar) and root.value == "" and root.plain):
        problems.append(
            Problem(
                Position(file, 1, 1),
                "filen er tom. Den skal inneholde feltene som er beskrevet i README.md.",
            )
        )
    if problems:
        raise DataError(problems)
    assert root is not None
    return root


def load(path: Path, display_name: str | None = None) -> Node:
    """Read and parse one data file; ``display_name`` is how messages name it."""
    file = display_name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(
            [Problem(Position(file, 1, 1), "filen finnes ikke. Sjekk navnet og mappen.")]
        ) from None
    return parse(decode(raw, file), file)
