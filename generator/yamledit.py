"""Round-trip a YAML data file through ruamel.yaml so that only additions show.

The commands that write the data files must keep everything else byte for
byte: comments, key order, quoting and blank lines. ruamel.yaml keeps most of
that, but it re-indents with one fixed style, so the edited file is written
out in each common style in turn and compared line by line with the original.
The first style that only adds lines (an empty ``[]`` may open up to take
items) is the file's own; if none does, the tool would damage the file, and
the edit is refused rather than written.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

# (mapping, sequence, offset) as ruamel.yaml's ``indent`` takes them; the
# first is the style of the shipped files and of ``init``.
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1), (3, 3, 0), (3, 5, 2))


class FormatError(Exception):
    """The file cannot be edited without changing lines the tool did not add."""


@dataclass
class Document:
    """A data file loaded for editing; ``data`` is changed in place."""

    data: Any
    original: str
    newline: str
    bom: bool

    def render(self) -> bytes:
        """The edited file as bytes, differing from the original only by added lines.

        The file's indentation style is found here rather than on loading: the
        first style whose output keeps every original line is the file's own,
        and trying the shipped style first makes the common case a single dump.
        """
        for style in _STYLES:
            out = io.StringIO()
            _yaml(style).dump(self.data, out)
            text = out.getvalue()
            try:
                check_only_additions(self.original, text)
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


def check_only_additions(before: str, after: str) -> None:
    """Raise FormatError unless ``after`` is ``before`` with lines added.

    One change is allowed besides: ``key: []`` becoming ``key:`` when an empty
    list gets its first item. Every old line must appear in the new text in
    the same order; matching each at its earliest chance is enough to decide
    that, and runs in linear time where a diff can take minutes on a large file
    full of repeated lines.
    """
    new = iter(after.splitlines())
    for number, line in enumerate(before.splitlines(), start=1):
        opened = line.removesuffix(" []") if line.endswith(": []") else None
        if not any(candidate in (line, opened) for candidate in new):
            raise FormatError(
                f"endringen ville ha endret linje {number} i filen, ikke bare lagt til linjer. "
                "Filen er ikke endret; gjør endringen for hånd."
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


def add_item(seq: CommentedSeq, index: int, item: Any) -> None:
    """Insert ``item`` at ``index``, keeping blank lines and comments where they were.

    ruamel.yaml stores the lines that follow an item (a blank line between
    points, a comment about the next one) on that item's last value. Inserted
    plainly, the new item would land after those lines, so a blank line that
    separated two points would end up inside one of them. Handing the lines
    over to the new item keeps them between the same neighbours.
    """
    seq.insert(index, item)
    if index == 0:
        return
    old = _tail(seq[index - 1])
    new = _tail(item)
    if old is None or new is None:
        return
    token = _get_token(old)
    if token is None:
        return
    stay, move = _split(token.value, _is_block(old))
    if not move:
        return
    _set_token(old, _with_value(token, stay) if stay.strip(" ") not in ("", "\n") else None)
    _set_token(new, _with_value(token, move if _is_block(new) else "\n" + move))


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
