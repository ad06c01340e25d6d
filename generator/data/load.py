"""Read a YAML data file into a tree of strings that remember where they came from.

Every scalar stays a string: typing belongs to the schema, so YAML 1.1 never
turns ``no`` into false, ``0150`` into 104 or ``10:30`` into 630. The tree is
built from parser events rather than by a constructor so that anchors,
aliases, tags, duplicate keys and extra documents can be refused with their
position, and so that an alias is never expanded (a "billion laughs" file
costs nothing).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NoReturn

import yaml

from generator.data import characters, syntax
from generator.data.problems import DataError, Position, Problem

# libyaml's parser is ~12x faster than the pure-Python one on large files.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_BYTES = 16 * 1024 * 1024
"""Larger files are refused before parsing. Oslo's data is a few kB today, but
5,000 points with texts of the same length and 3-6 statuses each are ~13 MB
(see bench/synth.py), and the tool must take that in its stride; a 20 MB
file is a mistake (something pasted in), refused in milliseconds."""


MAX_DEPTH = 64
"""Lists and mappings nested deeper are refused where they get too deep. The
data needs six levels; a limit far below Python's recursion limit lets every
later step (validation, the privacy scan) walk the tree recursively."""

MAX_VALUES = 1_000_000
"""More values (texts, numbers, lists, mappings) than this are refused where
the limit is passed. 6,000 points shaped like Oslo's are 16 MB and 320,000
values; a file of a million is something else pasted in, and reading all of
a 16 MB file of tiny values (eight million) would take a minute: libyaml and
this loader spend a few microseconds on each."""

_TOO_MANY = (
    f"filen inneholder mer enn {MAX_VALUES:_} verdier, langt flere enn en datafil trenger "
    "(5 000 oppfølgingspunkter er om lag 260 000), så resten av filen er ikke lest. Sjekk at "
    "det er riktig fil, og at ikke noe stort er limt inn ved en feil."
).replace("_", " ")

CutHow = Literal["line", "continuation", "flow"]


@dataclass(frozen=True)
class Cut:
    """Text that YAML read as a comment where the editor plainly meant text.

    ``line``: ``#text`` right after a value on its line (``Sak #12``);
    ``continuation``: a line starting with ``#`` where a plain value would
    continue; ``flow``: a ``#`` inside ``[...]`` or ``{...}``.
    """

    pos: Position
    """Where the ``#`` is."""
    how: CutHow


@dataclass(slots=True)
class Scalar:
    value: str
    pos: Position
    plain: bool = True
    cut: Cut | None = None
    """Set when YAML read text right after or inside this value as a comment."""
    invisible: bool = False
    """True when the value held only invisible characters, removed on loading."""
    clean: bool = False
    """True when the loader found no character in the value that it reports (control,
    format, noncharacter): the validator need not look for format characters again."""


@dataclass(slots=True)
class Mapping:
    pos: Position
    items: list[tuple[Scalar, Node]] = field(default_factory=list)
    cut: Cut | None = None
    """Set on a ``{...}`` mapping with a comment inside."""
    _index: dict[str, Node] = field(default_factory=dict, repr=False, compare=False)

    def get(self, key: str) -> Node | None:
        """The value of ``key`` (the first, if it was repeated), in constant time."""
        return self._index.get(key)


@dataclass(slots=True)
class Sequence:
    pos: Position
    items: list[Node] = field(default_factory=list)
    cut: Cut | None = None
    """Set on a ``[...]`` list with a comment inside."""


Node = Scalar | Mapping | Sequence

_CORE_PREFIX = "tag:yaml.org,2002:"


def _written_tag(tag: str) -> str:
    """A tag the way the editor typed it: «!!str», not «tag:yaml.org,2002:str»."""
    return "!!" + tag.removeprefix(_CORE_PREFIX) if tag.startswith(_CORE_PREFIX) else tag


def character_message(code: int, count: int = 1) -> str:
    """Why the character ``code`` cannot stand in a value, and what to do."""
    kind = characters.kind(code)
    if kind == "control":
        return (
            f"teksten inneholder et usynlig kontrolltegn (U+{code:04X}) som ikke kan vises på "
            "nettsiden. Slett tegnet (eller \\-koden som lager det) og skriv teksten på nytt; "
            "slike tegn kommer ofte med ved innliming fra et annet program."
        )
    if kind in ("noncharacter", "surrogate"):
        return (
            f"teksten inneholder koden U+{code:04X}, som ikke er et tegn, og som verken "
            "nettsiden eller nyhetsstrømmen (endringer.xml) kan vise. Slett den (eller "
            "\\-koden som lager den)."
        )
    name = characters.FORMAT_NAMES.get(code)
    label = f"U+{code:04X}, {name}" if name else f"U+{code:04X}"
    more = f", og {count - 1} til i samme tekst" if count > 1 else ""
    return (
        f"teksten inneholder et usynlig formateringstegn ({label}{more}). Det synes ikke, "
        "men gjør at navn som ser like ut, blir ulike, og at søk ikke finner teksten. Slett "
        "tegnet (gå til stedet meldingen viser og trykk Delete, eller skriv ordet på nytt); "
        "slike tegn kommer ofte med ved innliming fra Word eller en nettside."
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


_TOO_DEEP = (
    f"her ligger lister og felt mer enn {MAX_DEPTH} nivåer inni hverandre. Datafilene "
    "trenger bare noen få nivåer: sjekk at hver [ og { er lukket med ] og }, og at innrykket "
    "stemmer med linjene over."
)
_CUT_SYNTAX = {
    "flow": (
        "YAML leser alt fra # til slutten av linjen som en kommentar, også ] eller } som "
        "skulle lukke listen, så resten av filen kan ikke leses. Sett verdien med # i "
        'anførselstegn (for eksempel "Bydel #1"), eller skriv listen med én «- » per linje.'
    ),
    "continuation": (
        "linjen begynner med #, så YAML leser den som en kommentar og teksten over stopper "
        "her; linjene under kan da ikke leses. Bruk | etter feltnavnet og skriv teksten på "
        "linjene under (da kommer # med som tekst), eller flytt kommentaren ut til samme "
        "innrykk som feltnavnet."
    ),
}


# YAML's one-letter escapes in double quotes, by the character they make.
_NAMED_ESCAPES = {0x00: "0", 0x07: "a", 0x08: "b", 0x0B: "v", 0x0C: "f", 0x1B: "e"}


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a gap's reading has got to, as a mark would say it."""

    index: int
    line: int
    column: int


@dataclass(slots=True)
class _Open:
    """A mapping or list being read, with what its next events need to know."""

    node: Mapping | Sequence
    flow: bool
    indent: int
    """Column of its first key or «-»: a plain value in it continues on lines indented deeper."""
    key: Scalar | None = None
    """The key whose value comes next (mappings)."""
    skip: bool = False
    """The pending key repeats an earlier one: its value is not kept."""
    keys: dict[str, Scalar] | None = None
    """The keys seen so far, for a mapping; None for a list."""


class _Reader:
    """Builds the node tree from libyaml's events in one pass, collecting problems.

    Comments never reach the events, so the text between two events (where
    only indicators, spaces and comments can be) is searched for ``#``: each
    comment is judged by what came just before it, which makes it possible
    to tell a comment from text that YAML cut off.
    """

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.problems: list[Problem] = []
        self.stack: list[_Open] = []
        self.root: Node | None = None
        self.documents = 0
        self.anchors: dict[str, Position] = {}
        self.aliases: dict[str, list[Position]] = {}
        self.cursor = 0
        """How far the events have covered the text ..."""
        self.cursor_mark: yaml.Mark | _Place | None = None
        """... and the mark there, for its line."""
        self.last: tuple[Scalar, yaml.ScalarEvent, int] | None = None
        """The last event, if it was a value in block context: its node, event and
        the indentation of the mapping or list it is in."""
        self.keys_seen: set[str] = set()
        self.values: dict[str, bool] = {}
        """Every text read, keys included, once each, and whether it was clean: the
        privacy scan reads these instead of walking the tree (``parse``'s ``values``)."""
        self.last_value: yaml.ScalarEvent | None = None
        """The last value read in any context, for explaining a syntax error after it ..."""
        self.last_key: str | None = None
        """... and its key, when it was in a mapping."""
        self.flow_depth = 0
        self.flow_cut: Cut | None = None
        """The first comment inside the outermost ``[...]``/``{...}`` being read."""
        self.recent_cut: Cut | None = None
        """A cut found since the last event: a syntax error right after it is its doing."""

    def pos(self, mark: yaml.Mark) -> Position:
        return Position(self.file, mark.line + 1, mark.column + 1)

    def run(self) -> None:
        loader = _Loader(self.text)
        try:
            # get_event straight from libyaml's parser: yaml.parse would add a
            # generator and a second call per event.
            self.events(loader.get_event)
        finally:
            loader.dispose()

    def events(self, get_event: Callable[[], Any]) -> None:
        # Most of the time spent loading a large file is in this loop, a few
        # microseconds per event: scalars (most events) take the shortest
        # path, names are looked up once, and comments are looked for only
        # where the text between two events holds a «#».
        text, file, stack = self.text, self.file, self.stack
        cursor = 0
        find = text.find
        scalar_event = yaml.ScalarEvent
        starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        stream_end = yaml.StreamEndEvent
        first_unusable, normalize = characters.first_unusable, unicodedata.normalize
        values = self.values
        budget = MAX_VALUES
        while True:
            event = get_event()
            kind = type(event)
            start = event.start_mark
            at = start.index
            if at > cursor and find("#", cursor, at) >= 0:
                self.gap(at)
            self.recent_cut = None
            end = event.end_mark
            if end.index > cursor:
                self.cursor = cursor = end.index
                self.cursor_mark = end
            if kind is scalar_event:
                pos = Position(file, start.line + 1, start.column + 1)
                budget -= 1
                if budget < 0:
                    self.too_many(pos)
                if event.anchor is not None or event.tag is not None:
                    self.check_event(event, pos)
                value: str = event.value
                invisible = False
                if (bad := first_unusable(value)) is not None:
                    value, invisible = self.check_characters(value, bad, event)
                if not value.isascii():
                    value = normalize("NFC", value)
                node = Scalar(value, pos, event.style in (None, ""), None, invisible, bad is None)
                values[value] = bad is None
                if not stack:
                    self.root = node
                    self.last = (node, event, -1)
                    self.last_value, self.last_key = event, None
                    continue
                parent = stack[-1]
                self.last_value = event
                if parent.keys is None:  # a list
                    parent.node.items.append(node)  # type: ignore[arg-type]
                    self.last_key = None
                elif parent.key is None:
                    self.key(parent, node)
                    self.last = None
                    continue
                else:
                    self.last_key = parent.key.value
                    self.value(parent, node)
                self.last = None if self.flow_depth else (node, event, parent.indent)
                continue
            self.last = None
            if kind in ends:  # as many as the starts, and no place of their own is needed
                closed = stack.pop()
                if closed.flow:
                    self.flow_depth -= 1
                    if self.flow_depth == 0 and self.flow_cut is not None:
                        closed.node.cut = self.flow_cut
                        self.flow_cut = None
                continue
            pos = self.pos(start)
            if kind in starts:
                budget -= 1
                if budget < 0:
                    self.too_many(pos)
                self.check_event(event, pos)
                if len(stack) >= MAX_DEPTH:
                    self.problems.append(Problem(pos, _TOO_DEEP))
                    raise DataError(self.problems)
                is_mapping = kind is yaml.MappingStartEvent
                collection = Mapping(pos) if is_mapping else Sequence(pos)
                self.attach(collection)
                flow = bool(event.flow_style)
                self.flow_depth += flow
                stack.append(_Open(collection, flow, start.column, keys={} if is_mapping else None))
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.problems.append(
                        Problem(
                            pos,
                            "filen er delt i to av en linje med ---, og det som står etter "
                            "den, leses ikke. Slett linjen med --- og flytt det som står etter "
                            "den, opp dit det hører hjemme, eller slett det.",
                        )
                    )
                    return
            elif kind is yaml.AliasEvent:
                # Never expanded: the alias stands as its own text (so no
                # follow-on "empty" problem) and is reported once per anchor,
                # so a «billion laughs» file costs one pass over its text.
                self.aliases.setdefault(event.anchor, []).append(pos)
                self.attach(Scalar(f"*{event.anchor}", pos, plain=False))
                self.values[f"*{event.anchor}"] = False
            elif kind is stream_end:
                return

    def too_many(self, pos: Position) -> NoReturn:
        self.problems.append(Problem(pos, _TOO_MANY))
        raise DataError(self.problems)

    def attach(self, node: Node) -> None:
        """Put a collection or alias in its place in the tree."""
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if parent.keys is None:
            parent.node.items.append(node)  # type: ignore[arg-type]
        elif parent.key is None:
            if not isinstance(node, Scalar):
                self.problems.append(
                    Problem(
                        node.pos,
                        "et feltnavn må være en enkel tekst, ikke en liste eller flere felt.",
                    )
                )
                node = Scalar("", node.pos)
            self.key(parent, node)
        else:
            self.value(parent, node)

    def key(self, parent: _Open, node: Scalar) -> None:
        assert parent.keys is not None
        existing = parent.keys.get(node.value)
        if existing is not None:
            self.problems.append(
                Problem(
                    node.pos,
                    f"feltet «{node.value}» står to ganger på samme nivå, på linje "
                    f"{existing.pos.line} og linje {node.pos.line}. YAML ville bare "
                    "beholdt den siste; slett den ene, eller slå verdiene sammen.",
                )
            )
            # Keep the first value: checking the second as well would
            # report the same mistake again in other words.
            parent.skip = True
        else:
            parent.keys[node.value] = node
            self.keys_seen.add(node.value)
        parent.key = node

    @staticmethod
    def value(parent: _Open, node: Node) -> None:
        key = parent.key
        assert key is not None and isinstance(parent.node, Mapping)
        if not parent.skip:
            parent.node.items.append((key, node))
            parent.node._index[key.value] = node
        parent.key = None
        parent.skip = False

    def check_event(self, event: yaml.Event, pos: Position) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None and anchor not in self.anchors:
            self.anchors[anchor] = pos
        # The parser reports a tag only when one is written; even «!» is
        # refused, so no value ever depends on a type annotation.
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problems.append(
                Problem(
                    pos,
                    f"typemerket «{_written_tag(tag)}» er ikke tillatt. Fjern merket (ordet som "
                    "starter med !) og skriv bare verdien; alle verdier leses som tekst.",
                )
            )

    def check_characters(
        self, value: str, first: re.Match[str], event: yaml.ScalarEvent
    ) -> tuple[str, bool]:
        """Report the characters a value may not hold; whether it holds only invisible ones.

        One message per kind of character, at its first place. A value made
        only of invisible characters is left to the validator, which calls
        it empty (one message, in the words of the field). The value itself
        is kept as written: the validator checks it without its format
        characters, and the privacy scan finds it in the text as written.
        """
        blank = characters.is_blank(value)
        seen: dict[str, tuple[str, int]] = {}
        for match in characters.UNUSABLE.finditer(value, first.start()):
            char = match.group()
            kind: str = characters.kind(ord(char))
            if kind == "control" and ord(char) in characters.BIDI_CONTROLS and blank:
                kind = "format"
            first_char, count = seen.get(kind, (char, 0))
            seen[kind] = (first_char, count + 1)
        for kind, (char, count) in seen.items():
            if kind == "format" and blank:
                continue
            self.problems.append(
                Problem(self.locate(event, char), character_message(ord(char), count))
            )
        return value, blank and bool(value.strip())

    def locate(self, event: yaml.ScalarEvent, char: str) -> Position:
        """Where ``char`` (or the \\-code that made it) first stands in the value's text."""
        text, start, end = self.text, event.start_mark, event.end_mark
        at = text.find(char, start.index, end.index)
        if at < 0:
            code = ord(char)
            named = f"|{_NAMED_ESCAPES[code]}" if code in _NAMED_ESCAPES else ""
            escape = re.compile(rf"\\(?:x{code:02x}|u{code:04x}|U{code:08x}{named})", re.I)
            found = escape.search(text, start.index, end.index)
            if found is None:
                return self.pos(start)
            at = found.start()
        lines = text.count("\n", start.index, at)
        if not lines:
            return Position(self.file, start.line + 1, start.column + 1 + at - start.index)
        column = at - (text.rfind("\n", start.index, at) + 1)
        return Position(self.file, start.line + lines + 1, column + 1)

    def gap(self, end: int) -> None:
        """Judge each comment between the covered text and ``end``."""
        text = self.text
        at = text.find("#", self.cursor, end)
        while at >= 0:
            if at == 0 or text[at - 1] in " \t\r\n":
                line = self.comment(at)
                line_end = text.find("\n", at, end)
                if line_end < 0:
                    return
                # Count lines from here on: a gap of many comment lines
                # (a long header) is then read once, not once per comment.
                self.cursor = line_end + 1
                self.cursor_mark = _Place(line_end + 1, line + 1, 0)
                at = text.find("#", line_end, end)
            else:
                at = text.find("#", at + 1, end)

    def comment(self, at: int) -> int:
        """Judge the comment starting at ``at``; returns its line (counted from 0)."""
        text, lo, mark = self.text, self.cursor, self.cursor_mark
        breaks = text.count("\n", lo, at)
        if breaks or mark is None:
            line = (mark.line if mark is not None else 0) + breaks
            line_start = text.rfind("\n", 0, at) + 1
        else:
            line, line_start = mark.line, mark.index - mark.column
        column = at - line_start
        pos = Position(self.file, line + 1, column + 1)
        if self.flow_depth:
            if self.flow_cut is None:
                self.flow_cut = self.recent_cut = Cut(pos, "flow")
        elif self.last is not None:
            self.judge(at, line, line_start, pos)
        return line

    def judge(self, at: int, line: int, line_start: int, pos: Position) -> None:
        """Whether a comment right after a value in block context cut its text."""
        assert self.last is not None
        node, event, indent = self.last
        self.last = None  # only what comes right after a value can belong to it
        if node.cut is not None:
            return
        text = self.text
        block = event.style in ("|", ">")
        # «#» followed by a letter or digit reads as text; «# » as a comment.
        glued = at + 1 < len(text) and text[at + 1] not in " \t\r\n"
        if text[line_start:at].strip(" \t"):
            if line == event.end_mark.line and glued and not block:
                node.cut = Cut(pos, "line")
            return
        multiline = event.end_mark.line > event.start_mark.line
        if pos.column - 1 > indent and (block or (node.plain and (glued or multiline))):
            node.cut = self.recent_cut = Cut(pos, "continuation")

    def diagnose(self, exc: yaml.MarkedYAMLError, lines: list[str]) -> syntax.Diagnosis:
        """The editor's mistake behind a syntax error, and a repair to read on."""
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and mark.index > self.cursor:
            self.gap(mark.index)
        cut = self.flow_cut if self.flow_depth and self.flow_cut else self.recent_cut
        said = None
        if cut is not None and cut.how in _CUT_SYNTAX:
            said = Problem(cut.pos, f"YAML-syntaksfeil: {_CUT_SYNTAX[cut.how]}")
        pending = self.stack[-1].key if self.stack else None
        before = syntax.Before(
            self.last_value,
            self.last_key,
            pending.value if pending else None,
            frozenset(self.keys_seen),
            said,
        )
        return syntax.diagnose(exc, lines, self.file, before)


_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
_BREAK = re.compile("\r\n|[\r\x85\u2028\u2029]")

MAX_ROUNDS = 25
"""Syntax errors read past in one file; after that the rest is left unread."""


def parse(text: str, file: str, values: dict[str, bool] | None = None) -> Node:
    """Build the node tree of one YAML document, or raise DataError.

    After a syntax error the broken line is repaired (``syntax.diagnose``:
    the likely fix, or its value emptied) and the text read again, so the
    rest of the file is still checked; the DataError then carries the tree
    of the repaired text and the lines that were changed, where any later
    problem is a consequence of the repair and not reported. Each round
    reads the whole text again, so the rounds are bounded by number and by
    the characters read (a large file gets fewer).

    ``values``, when given, gets every text in the tree (keys included) once,
    with whether the loader found it clean (``Scalar.clean``), also when the
    DataError carries a tree; it may hold a few texts more (a repeated key's
    value, which the tree leaves out).
    """
    if any(brk in text for brk in _OTHER_BREAKS):
        # libyaml counts all of these as line breaks (and reads the first
        # three as «\n» in a value); with «\n» alone, every count of lines
        # here agrees with libyaml's.
        text = _BREAK.sub("\n", text)
    lines: list[str] | None = None
    current = text
    found: list[Problem] = []
    repaired: set[int] = set()
    left = max(4 * len(text), 4_000_000)
    for _ in range(MAX_ROUNDS):
        reader = _Reader(current, file)
        try:
            reader.run()
            break
        except yaml.MarkedYAMLError as exc:
            if lines is None:
                lines = text.split("\n")
            diagnosis = reader.diagnose(exc, lines)
            repair, line = diagnosis.repair, diagnosis.line
            if line in repaired:
                # The repair did not get past this line: empty it instead.
                if not lines[line].strip():
                    raise DataError(found or [diagnosis.problem]) from None
                repair = syntax.blank(line)
            elif diagnosis.problem not in found:
                found.append(diagnosis.problem)
        except yaml.reader.ReaderError as exc:
            if lines is None:
                lines = text.split("\n")
            problem, line, column = _unreadable(current, exc, file)
            if line in repaired:
                raise DataError([*found, problem]) from None
            found.append(problem)
            repair = syntax.replace(line, column, " ")
        except yaml.YAMLError as exc:  # errors without a position; rare after the checks above
            found.append(
                Problem(
                    Position(file, 1, 1), f"YAML-feil: {exc}. Sjekk at filen er en vanlig YAML-fil."
                )
            )
            raise DataError(found) from None
        except DataError as exc:
            raise DataError([*found, *exc.problems]) from None
        repaired.add(line)
        repair(lines)
        current = "\n".join(lines)
        left -= len(current)
        if left < 0:
            raise DataError(found) from None
    else:
        raise DataError(found) from None

    if values is not None:
        values.update(reader.values)
    problems = found + [
        p
        for p in [*reader.problems, *_anchor_problems(reader.anchors, reader.aliases)]
        if p.position.line - 1 not in repaired
    ]
    root = reader.root
    empty = root is None or (isinstance(root, Scalar) and root.value == "" and root.plain)
    if empty and not found:
        problems.append(
            Problem(
                Position(file, 1, 1),
                "filen er tom. Den skal inneholde feltene som er beskrevet i README.md.",
            )
        )
    if problems:
        # Duplicate keys, tags and repaired syntax errors spoil a file but not
        # its shape: hand the tree on so the validator can report its
        # problems in the same run. Anchors and aliases may stand for whole
        # subtrees, so a tree with them would only add guesses about what is
        # missing.
        partial = None if reader.anchors or reader.aliases or empty else root
        raise DataError(problems, partial, frozenset(line + 1 for line in repaired))
    assert root is not None
    return root


def _unreadable(text: str, exc: yaml.reader.ReaderError, file: str) -> tuple[Problem, int, int]:
    """A character libyaml refuses to read: the problem, its line and column (from 0)."""
    # libyaml reports a byte offset; find the character itself instead.
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    before = text[: found.start() if found else exc.position]
    line = before.count("\n")
    column = len(before) - (before.rfind("\n") + 1)
    code = ord(exc.character) if isinstance(exc.character, str) else exc.character
    return Problem(Position(file, line + 1, column + 1), character_message(code)), line, column


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
