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

import yaml

from .problems import DataError, Position, Problem

# libyaml's parser is ~12x faster than the pure-Python one on large files.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_BYTES = 16 * 1024 * 1024
"""Larger files are refused before parsing. Oslo's data is a few kB today, but
5,000 points with texts of the same length and 3-6 statuses each are ~13 MB
(see bench/synth.py), and the tool must take that in its stride; a 20 MB
file is a mistake (something pasted in), refused in milliseconds."""


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


Node = Scalar | Mapping | Sequence

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
        "filen slutter midt i en verdi. Sjekk at alle anførselstegn og klammeparenteser er lukket"
    ),
    "found undefined alias": "en *-referanse (alias) brukes, men det er ikke lov her",
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
        "det står noe etter at dokumentet er ferdig, ofte tekst med for lite innrykk eller "
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


def _pos(file: str, mark: yaml.Mark | None) -> Position:
    if mark is None:
        return Position(file, 1, 1)
    return Position(file, mark.line + 1, mark.column + 1)


_AFTER_QUOTE = (
    "det står mer tekst etter et avsluttende anførselstegn. Sett hele teksten i "
    "anførselstegn, eller bruk | og skriv teksten på linjen under"
)


def _syntax_message(error: yaml.MarkedYAMLError, line_text: str) -> str:
    problem = error.problem or str(error)
    mark = error.problem_mark
    before = line_text[: mark.column].rstrip() if mark is not None else ""
    # «title: "Sak" om noe»: libyaml blames the indentation or the document
    # end, but the editor wrote text after a closing quote.
    if (
        mark is not None
        and before.endswith(('"', "'"))
        and before.count(before[-1]) >= 2
        and mark.column < len(line_text)
        and not line_text[mark.column :].startswith("#")
    ):
        return f"YAML-syntaksfeil: {_AFTER_QUOTE}."
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or (
        "cannot start any token" in problem and "\t" in line_text
    ):
        problem = "found character '\\t' that cannot start any token"
    for english, norwegian in _SYNTAX_HINTS.items():
        if english in problem:
            return f"YAML-syntaksfeil: {norwegian}."
    # Not one we have words for: say so in Norwegian and quote libyaml for the curious.
    return (
        "YAML-syntaksfeil: filen kan ikke leses fra dette stedet. Sjekk innrykk, kolon og "
        f"anførselstegn på denne linjen og linjen over (teknisk melding: «{problem}»)."
    )


_CORE_PREFIX = "tag:yaml.org,2002:"

# Explicit-direction marks and overrides reorder what a reader sees
# («Trojan Source»); nothing in the data needs them.
_BIDI_CONTROLS = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C})


def _written_tag(tag: str) -> str:
    """A tag the way the editor typed it: «!!str», not «tag:yaml.org,2002:str»."""
    return "!!" + tag.removeprefix(_CORE_PREFIX) if tag.startswith(_CORE_PREFIX) else tag


def _invisible(value: str) -> int | None:
    """The first control or direction character in a value, if any.

    Line breaks and tabs inside text are fine; everything else in Unicode's
    «Cc» range, and the direction overrides, would be invisible on the site.
    """
    for char in value:
        code = ord(char)
        if (code < 0x20 and char not in "\n\t") or 0x7F <= code <= 0x9F or code in _BIDI_CONTROLS:
            return code
    return None


def _invisible_message(code: int) -> str:
    return (
        f"teksten inneholder et usynlig kontrolltegn (U+{code:04X}) som ikke kan vises på "
        "nettsiden. Slett tegnet (eller \\-koden som lager det) og skriv teksten på nytt; "
        "slike tegn kommer ofte med ved innliming fra et annet program."
    )


def _anchor_problems(
    anchors: dict[str, Position], aliases: dict[str, list[Position]]
) -> list[Problem]:
    """One message per anchor (with how often it is reused), one per unknown alias."""
    problems = []
    for name, pos in anchors.items():
        uses = aliases.get(name, [])
        reuse = ""
        if uses:
            times = "én gang" if len(uses) == 1 else f"{len(uses)} ganger"
            reuse = f", og det brukes med «*{name}» {times} (første gang på linje {uses[0].line})"
        remove = f"«&{name}» og hver «*{name}»" if uses else f"«&{name}»"
        problems.append(
            Problem(
                pos,
                f"ankeret «&{name}» er ikke tillatt{reuse}. Ankre og referanser gjenbruker "
                f"verdier; skriv hver verdi helt ut der den skal stå, og slett {remove}.",
            )
        )
    for name, uses in aliases.items():
        if name not in anchors:
            problems.append(
                Problem(
                    uses[0],
                    f"referansen «*{name}» er ikke tillatt (og viser ikke til noe anker). "
                    "Skriv verdien helt ut der den skal stå.",
                )
            )
    return problems


def decode(raw: bytes, file: str) -> str:
    """Turn the file's bytes into text, accepting UTF-8 with or without a BOM."""
    if len(raw) > MAX_BYTES:
        raise DataError([_too_large(file, len(raw))])
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
    anchors: dict[str, Position] = {}
    aliases: dict[str, list[Position]] = {}
    # Keys written a second time, by id. The dict holds each node, so no
    # later node can be given a freed one's id and be dropped in its place.
    repeated: dict[int, Scalar] = {}

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
                    Problem(
                        node.pos, "et feltnavn må være en enkel tekst, ikke en liste eller tabell."
                    )
                )
                node = Scalar("", node.pos)
            assert isinstance(node, Scalar)
            for existing, _ in parent.items:
                if existing.value == node.value:
                    problems.append(
                        Problem(
                            node.pos,
                            f"feltet «{node.value}» står to ganger på samme nivå, på linje "
                            f"{existing.pos.line} og linje {node.pos.line}. YAML ville bare "
                            "beholdt den siste; slett den ene, eller slå verdiene sammen.",
                        )
                    )
                    # Keep the first value: checking the second as well would
                    # report the same mistake again in other words.
                    repeated[id(node)] = node
                    break
            pending_key[-1] = node
        else:
            if id(key) not in repeated:
                parent.items.append((key, node))
            pending_key[-1] = None

    def check_event(event: yaml.Event, pos: Position) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None and anchor not in anchors:
            anchors[anchor] = pos
        # The parser reports a tag only when one is written; even «!» is
        # refused, so no value ever depends on a type annotation.
        tag = getattr(event, "tag", None)
        if tag is not None:
            problems.append(
                Problem(
                    pos,
                    f"typemerket «{_written_tag(tag)}» er ikke tillatt. Fjern merket (ordet som "
                    "starter med !) og skriv bare verdien; alle verdier leses som tekst.",
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
                    cut = (
                        stripped.startswith("#") and len(stripped) > 1 and not stripped[1].isspace()
                    )
                if (bad := _invisible(event.value)) is not None:
                    problems.append(Problem(pos, _invisible_message(bad)))
                attach(Scalar(event.value, pos, plain=plain, comment_cut=cut))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                check_event(event, pos)
                collection = Mapping(pos) if kind is yaml.MappingStartEvent else Sequence(pos)
                attach(collection)
                stack.append(collection)
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
                # Never expanded: the alias stands as its own text (so no
                # follow-on "empty" problem) and is reported once per anchor,
                # so a «billion laughs» file costs one pass over its text.
                aliases.setdefault(event.anchor, []).append(pos)
                attach(Scalar(f"*{event.anchor}", pos, plain=False))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line_text = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
        problems.append(Problem(_pos(file, mark), _syntax_message(exc, line_text)))
        raise DataError(problems) from None
    except yaml.reader.ReaderError as exc:
        # libyaml reports a byte offset; find the character itself instead.
        found = yaml.reader.Reader.NON_PRINTABLE.search(text)
        before = text[: found.start() if found else exc.position]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        problems.append(Problem(Position(file, line, column), _invisible_message(code)))
        raise DataError(problems) from None
    except yaml.YAMLError as exc:  # errors without a position; rare after the checks above
        problems.append(
            Problem(
                Position(file, 1, 1), f"YAML-feil: {exc}. Sjekk at filen er en vanlig YAML-fil."
            )
        )
        raise DataError(problems) from None

    problems.extend(_anchor_problems(anchors, aliases))

    if root is None or (isinstance(root, Scalar) and root.value == "" and root.plain):
        problems.append(
            Problem(
                Position(file, 1, 1),
                "filen er tom. Den skal inneholde feltene som er beskrevet i README.md.",
            )
        )
    if problems:
        # Duplicate keys and tags spoil a file but not its shape: hand the
        # tree on so the validator can report its problems in the same run.
        # Anchors and aliases may stand for whole subtrees, so a tree with
        # them would only add guesses about what is missing.
        raise DataError(problems, None if anchors or aliases else root)
    assert root is not None
    return root


def load(path: Path, display_name: str | None = None) -> Node:
    """Read and parse one data file; ``display_name`` is how messages name it."""
    file = display_name or str(path)
    return parse(read(path, file), file)


def read(path: Path, file: str) -> str:
    """One data file's text, refused with a DataError if it cannot be data."""
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit rather than trusting the size on
            # disk: a huge or endless file (a pipe, /dev/zero) stops here.
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError(
            [Problem(Position(file, 1, 1), "filen finnes ikke. Sjekk navnet og mappen.")]
        ) from None
    except IsADirectoryError:
        raise DataError(
            [Problem(Position(file, 1, 1), "dette er en mappe, ikke en fil. Sjekk navnet.")]
        ) from None
    if len(raw) > MAX_BYTES:
        size = path.stat().st_size if path.is_file() else len(raw)
        raise DataError([_too_large(file, size)])
    return decode(raw, file)


def _too_large(file: str, size: int) -> Problem:
    return Problem(
        Position(file, 1, 1),
        f"filen er {size / 1024 / 1024:.1f} MB, men grensen er "
        f"{MAX_BYTES // 1024 // 1024} MB (en vanlig datafil er under 1 MB). Sjekk at det er "
        "riktig fil, og at ikke noe stort er limt inn ved en feil.",
    )
