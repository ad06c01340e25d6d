"""Round-trip a YAML data file through ruamel.yaml so that only additions show.

The commands that write the data files must keep everything else byte for
byte: comments, key order, quoting and blank lines. ruamel.yaml keeps most of
that, but it re-indents with one fixed style, so the file's own style is found
by trying the common ones until a plain round trip reproduces the file. After
the edit, the old and new text are compared line by line; anything but added
lines (and an empty ``[]`` opening up to take items) means the tool would
damage the file, and the edit is refused rather than written.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.error import YAMLError

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
    yaml: YAML
    newline: str
    bom: bool

    def dump(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()

    def render(self) -> bytes:
        """The edited file as bytes, checked to differ from the original only by additions."""
        text = self.dump()
        check_only_additions(self.original, text)
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")


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
    """Load ``raw`` for a round trip; raise FormatError if its style cannot be kept."""
    text = raw.decode("utf-8")
    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    loader = _yaml(_STYLES[0])
    try:
        data = loader.load(text)
    except YAMLError as exc:  # the validator has read it already; this is a safety net
        raise FormatError(f"ruamel.yaml kunne ikke lese filen: {exc}") from None
    for style in _STYLES:
        doc = Document(data, text, _yaml(style), newline, bom)
        if doc.dump() == text:
            return doc
    raise FormatError(
        "filens innrykk eller formatering er uvanlig, så verktøyet kan ikke legge til noe uten "
        "å endre andre linjer. Gjør endringen for hånd, eller bruk 2 mellomrom innrykk "
        "og «- » to mellomrom inn under feltnavnet, slik eksempelfilene gjør."
    )


def check_only_additions(before: str, after: str) -> None:
    """Raise FormatError unless ``after`` is ``before`` with lines added.

    One change is allowed besides: ``key: []`` becoming ``key:`` when an empty
    list gets its first item.
    """
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "insert"):
            continue
        if tag == "replace" and _opened_lists(old[i1:i2], new[j1:j2]):
            continue
        raise FormatError(
            f"endringen ville ha endret linje {i1 + 1} i filen, ikke bare lagt til linjer. "
            "Filen er ikke endret; gjør endringen for hånd."
        )


def _opened_lists(old: list[str], new: list[str]) -> bool:
    """True if every old line reappears in ``new`` in order, possibly as ``key: []`` -> ``key:``."""
    remaining = iter(new)
    for line in old:
        opened = line.rstrip().removesuffix("[]").rstrip()
        if not any(candidate in (line, opened) for candidate in remaining):
            return False
    return True


def block_list(parent: Any, key: str) -> CommentedSeq:
    """The list under ``key`` in ``parent``, created or turned to block style to take items."""
    value = parent.get(key)
    if not isinstance(value, CommentedSeq):
        value = CommentedSeq()
        parent[key] = value
    if not value:
        value.fa.set_block_style()
    return value
