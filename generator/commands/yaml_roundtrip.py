"""Round-trip a YAML data file through ruamel.yaml so that only the intended edit shows.

The commands that write the data files must keep everything else byte for
byte: comments, key order, quoting and blank lines. ruamel.yaml keeps most of
that, but it re-indents with one fixed style, so the edited file is written
out in each common style in turn and compared line by line with the original.
The first style that only adds lines, and removes or changes exactly the lines
the edit names (``Expected``), is the file's own; if none does, the tool would
damage the file, and the edit is refused rather than written.

Layout: in a list whose items are separated by blank lines (the layout the
guide recommends for the follow-up points), a new item gets a blank line of
its own after it, and the item before it keeps its own. Two branches, one
adding a status at the end of a point and one adding a point after it, then
change lines on either side of that blank line, and git merges them.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from generator.data.suggest import count
from generator.errors import DataFailure

# (mapping, sequence, offset) as ruamel.yaml's ``indent`` takes them; the
# first is the style of the shipped files and of ``init``.
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1), (3, 3, 0), (3, 5, 2))


class FormatError(DataFailure):
    """The file cannot be edited without changing lines the tool did not add."""


@dataclass(frozen=True)
class Expected:
    """What an edit may do to the original lines besides adding new ones."""

    removed: Collection[int] = frozenset()
    """Numbers (from 1) of the original lines the edit deletes."""
    changed: Mapping[int, str] = field(default_factory=dict)
    """Original line number -> the text that replaces that line."""
    added: int | None = None
    """Exactly how many lines the edit adds; None for any number."""


@dataclass
class Document:
    """A data file loaded for editing; ``data`` is changed in place."""

    data: Any
    original: str
    newline: str
    bom: bool

    def render(self, expected: Expected | None = None) -> bytes:
        """The edited file as bytes, differing from the original only by added lines
        and the removals and changes ``expected`` names.

        The file's indentation style is found here rather than on loading: the
        first style whose output keeps every original line is the file's own,
        and trying the shipped style first makes the common case a single dump.
        """
        for style in _STYLES:
            out = io.StringIO()
            _yaml(style).dump(self.data, out)
            text = out.getvalue()
            try:
                check_edit(self.original, text, expected or Expected())
            except FormatError:
                continue
            if self.newline != "\n":
                text = text.replace("\n", self.newline)
            return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")
        raise FormatError(
            "filens innrykk eller formatering er uvanlig, så verktøyet kan ikke legge til noe "
            "uten å endre andre linjer. Filen er ikke endret; gjør endringen for hånd, eller bruk "
            "2 mellomrom innrykk og «- » to mellomrom inn under feltnavnet, slik eksempelfilene gjør."
        )


def _yaml(style: tuple[int, int, int]) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    # Never re-wrap long lines: status texts are one paragraph per line.
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    mapping, sequence, offset = style
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def open_document(raw: bytes) -> Document:
    """Load ``raw`` for a round trip; ``render`` later writes it back with the additions."""
    text = raw.decode("utf-8")
    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    try:
        data = _yaml(_STYLES[0]).load(text)
    except YAMLError as exc:  # the validator has read it already; this is a safety net
        raise FormatError(f"ruamel.yaml kunne ikke lese filen: {exc}") from None
    return Document(data, text, newline, bom)


def check_edit(before: str, after: str, expected: Expected) -> None:
    """Raise FormatError unless ``after`` is ``before`` with lines added, the
    lines ``expected.removed`` gone and the lines ``expected.changed`` replaced.

    One change is allowed besides: ``key: []`` becoming ``key:`` when an empty
    list gets its first item. Every other old line must appear in the new text
    in the same order; matching each at its earliest chance is enough to decide
    that, and runs in linear time where a diff can take minutes on a large file
    full of repeated lines. Lines the match skips are the added ones.
    """
    new_lines = after.splitlines()
    new = iter(new_lines)
    kept = 0
    for number, line in enumerate(before.splitlines(), start=1):
        if number in expected.removed:
            continue
        if number in expected.changed:
            line = expected.changed[number]
        opened = line.removesuffix(" []") if line.endswith(": []") else None
        if not any(candidate in (line, opened) for candidate in new):
            raise FormatError(
                f"endringen ville ha endret linje {number} i filen, ikke bare lagt til linjer. "
                "Filen er ikke endret; gjør endringen for hånd."
            )
        kept += 1
    if expected.added is not None and len(new_lines) - kept != expected.added:
        raise FormatError(
            f"endringen ville ha lagt til {count(len(new_lines) - kept, 'linje', 'linjer')} i filen, ikke "
            f"{expected.added}. Filen er ikke endret; gjør endringen for hånd."
        )


def block_list(parent: Any, key: str) -> CommentedSeq:
    """The list under ``key`` in ``parent``, created or turned to block style to take items."""
    value = parent.get(key)
    if not isinstance(value, CommentedSeq):
        value = CommentedSeq()
        parent[key] = value
    if not value:
        value.fa.set_block_style()
    return value


def add_item(seq: CommentedSeq, index: int, item: Any, *, blank_line: bool = False) -> None:
    """Insert ``item`` at ``index``, keeping blank lines and comments where they were.

    ruamel.yaml stores the lines that follow an item (a blank line between
    points, a comment about the next one) on that item's last value. Inserted
    plainly, the new item would land after those lines, so a blank line that
    separated two points would end up inside one of them. Handing the lines
    over to the new item keeps them between the same neighbours.

    With ``blank_line`` (the list's items are separated by blank lines), the
    item before keeps its blank line, or gets one, and the new item gets its
    own after it; a comment about the next item stays just above that item.
    """
    _take_end_lines(seq)
    seq.insert(index, item)
    if index == 0:
        if blank_line:
            new = _tail(item)
            if new is not None:
                _set_token(new, _token("\n" if _is_block(new) else "\n\n"))
        return
    old = _tail(seq[index - 1])
    new = _tail(item)
    if old is None or new is None:
        return
    token = _get_token(old)
    value = token.value if token is not None else ("" if _is_block(old) else "\n")
    stay, move = _split(value, _is_block(old))
    if blank_line:
        blanks, rest = _leading_blank_lines(move)
        stay += blanks or "\n"
        move = "\n" + rest
    if not move:
        return
    base = token if token is not None else _token("")
    _set_token(old, None if _nothing(stay, _is_block(old)) else _with_value(base, stay))
    _set_token(new, _with_value(base, move if _is_block(new) else "\n" + move))


def remove_item(seq: CommentedSeq, index: int) -> None:
    """Delete the item at ``index`` and the blank lines right after it.

    A comment after it is about the item that follows, so it stays: it moves
    to the end of the item before. Before the first item there is no such
    place, and the edit is refused rather than the comment lost.
    """
    _take_end_lines(seq)
    holder = _tail(seq[index])
    token = _get_token(holder) if holder is not None else None
    lines = _split(token.value, _is_block(holder))[1] if token is not None and holder else ""
    _, rest = _leading_blank_lines(lines)
    del seq[index]
    if not rest.strip():
        return
    previous = _tail(seq[index - 1]) if index > 0 else None
    if previous is None:
        raise FormatError(
            "det står en kommentar rett etter det som skal fjernes, og den har ingen plass å "
            "flytte til. Filen er ikke endret; gjør endringen for hånd."
        )
    kept = _get_token(previous)
    value = kept.value if kept is not None else ("" if _is_block(previous) else "\n")
    _set_token(previous, _with_value(kept if kept is not None else token, value + rest))


def move_trailing_lines(before: _Holder | None, node: Any) -> None:
    """Move the lines that followed ``before`` (a node's end, see ``tail``) to the
    node's new end, after a key was added to it: a point that gets its first
    ``statuses`` keeps the blank line after it at its end, not above the new key."""
    after = _tail(node)
    if before is None or after is None or after == before:
        return
    token = _get_token(before)
    if token is None:
        return
    stay, move = _split(token.value, _is_block(before))
    if not move:
        return
    _set_token(before, None if _nothing(stay, _is_block(before)) else _with_value(token, stay))
    _set_token(after, _with_value(token, move if _is_block(after) else "\n" + move))


def has_blank_line_after(item: Any) -> bool:
    """Whether a blank line follows ``item`` (before any comment about the next one)."""
    holder = _tail(item)
    if holder is None:
        return False
    token = _get_token(holder)
    if token is None:
        return False
    _, lines = _split(token.value, _is_block(holder))
    return _leading_blank_lines(lines)[0] != ""


def blank_lines_between(seq: CommentedSeq) -> bool:
    """Whether ``seq`` uses the layout with a blank line after its items: any
    item has one (the last may lack it, having been added by hand)."""
    _take_end_lines(seq)
    return any(has_blank_line_after(item) for item in seq)


def _take_end_lines(seq: CommentedSeq) -> None:
    """Move the lines after a list's last item from the list to that item.

    ruamel.yaml keeps them on the list itself when the item ends in a plain
    value, and on the item when it ends in a block scalar; in one place, the
    item's, they move with it like the lines after any other item.
    """
    end = getattr(seq.ca, "end", None)
    if not seq or not end:
        return
    holder = _tail(seq[-1])
    if holder is None:
        return
    token = _get_token(holder)
    value = token.value if token is not None else ("" if _is_block(holder) else "\n")
    lines = "".join(t.value for t in end)
    _set_token(holder, _with_value(token if token is not None else _token(""), value + lines))
    seq.ca.end = []


def tail(node: Any) -> _Holder | None:
    """Where the lines after ``node`` are stored (for ``move_trailing_lines``)."""
    return _tail(node)


def _leading_blank_lines(lines: str) -> tuple[str, str]:
    """(the blank lines at the start of ``lines``, the rest)."""
    index = 0
    while True:
        end = lines.find("\n", index)
        if end == -1 or lines[index:end].strip(" "):
            return lines[:index], lines[index:]
        index = end + 1


def _nothing(value: str, block: bool) -> bool:
    """Whether a token's ``value`` adds nothing to what ruamel.yaml writes anyway:
    after a block scalar every character is a line; after anything else the
    value starts with the end of the value's own line."""
    return value == "" if block else value.strip(" ") in ("", "\n")


def _token(value: str) -> CommentToken:
    return CommentToken(value, CommentMark(0), None)


# Where the lines after a node are stored: (container, key or index, comment slot).
_Holder = tuple[Any, Any, int]


def _tail(node: Any) -> _Holder | None:
    while True:
        if isinstance(node, CommentedMap) and node:
            key = list(node)[-1]
            value = node[key]
            if (
                isinstance(value, (CommentedMap, CommentedSeq))
                and value
                and not value.fa.flow_style()
            ):
                node = value
                continue
            return node, key, 2
        if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
            last = node[-1]
            if isinstance(last, (CommentedMap, CommentedSeq)):
                node = last
                continue
            return node, len(node) - 1, 0
        return None


def _is_block(holder: _Holder) -> bool:
    container, key, _ = holder
    return isinstance(container[key], (LiteralScalarString, FoldedScalarString))


def _split(value: str, block: bool) -> tuple[str, str]:
    """(the end of the value's own line, the lines after it) of a comment token.

    After a block scalar (``|``, ``>``) the token holds only the following
    lines; after anything else it starts with the rest of the value's line.
    """
    if block:
        return "", value
    head, newline, rest = value.partition("\n")
    return head + newline, rest


def _get_token(holder: _Holder) -> Any:
    container, key, slot = holder
    entry = container.ca.items.get(key)
    return entry[slot] if entry and len(entry) > slot else None


def _set_token(holder: _Holder, token: Any) -> None:
    container, key, slot = holder
    size = 4 if isinstance(container, CommentedMap) else 2
    entry = container.ca.items.setdefault(key, [None] * size)
    entry[slot] = token


def _with_value(token: Any, value: str) -> Any:
    clone = copy.copy(token)
    clone.value = value
    return clone
