"""Stop personal data from being published: identity numbers, e-mail addresses, phone numbers.

The data files arrive through pull requests and end up on a public site, so
every key and value is scanned before anything is rendered (``personal``
says what is recognised), and so are the hand-written pages in content/ and
the names mkdocs.yml puts on the pages. A hit is an error with its place and
the reason, unless the value is listed, with a reason, in the exceptions
file (``privacy_exceptions.yaml`` next to the data files); values there
match however they are written («22 66 90 00» also allows «+47 22669000»).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import yaml

from generator.data import schema as s
from generator.data.personal import Finding, identity_number_kind, normalise, normalised, scan

__all__ = ["Finding", "check_documents", "identity_number_kind", "normalise", "scan"]
from generator.data.load import Node, Scalar, Sequence, load
from generator.data.problems import DataError, Position, Problem
from generator.data.validate import Record, check_file

EXCEPTIONS_FILE = "privacy_exceptions.yaml"


def _scalars(node: Node) -> Iterator[Scalar]:
    """Every scalar of the tree, keys included, without recursion (the
    nesting of a file has no limit here)."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Scalar):
            yield current
        elif isinstance(current, Sequence):
            stack.extend(reversed(current.items))
        else:
            for key, value in reversed(current.items):
                stack.append(value)
                stack.append(key)


def _position(start: Position, lines: list[str], value: str, found: str) -> Position:
    """Where ``found`` is written: searched from the value's first line, so
    block text (``|``) and quoted text point at the right line and column."""
    first = found.split("\n", 1)[0]
    for index in range(start.line - 1, min(len(lines), start.line - 1 + value.count("\n") + 2)):
        offset = start.column - 1 if index == start.line - 1 else 0
        at = lines[index].find(first, offset)
        if at >= 0:
            return Position(start.file, index + 1, at + 1)
    return start


def _offset_position(file: str, text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(file, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


ARTICLES = {"fødselsnummer": "et", "D-nummer": "et", "e-postadresse": "en", "telefonnummer": "et"}

REASONS = {
    "fødselsnummer": (
        "Det har gyldig dato og begge kontrollsifrene stemmer, så det er trolig et ekte "
        "fødselsnummer."
    ),
    "D-nummer": (
        "Det har gyldig dato og begge kontrollsifrene stemmer, så det er trolig et ekte D-nummer."
    ),
    "e-postadresse": "En e-postadresse kan peke ut en person.",
    "telefonnummer": "Et telefonnummer kan peke ut en person.",
}


def describe(finding: Finding) -> str:
    """What was found and why it matters: «… ser ut som et telefonnummer. …»."""
    plain, _ = normalised(finding.value)
    hidden = (
        " Verdien er skrevet med usynlige eller spesielle tegn i seg."
        if plain != finding.value
        else ""
    )
    return (
        f"«{' '.join(plain.split())}» ser ut som {ARTICLES[finding.kind]} {finding.kind}."
        f"{hidden} {REASONS[finding.kind]}"
    )


def _message(finding: Finding) -> str:
    return (
        f"{describe(finding)} Personopplysninger skal ikke publiseres: fjern det fra teksten. "
        f"Er det offentlig og skal stå, før det opp i {EXCEPTIONS_FILE} med «value» "
        "(verdien) og «reason» (begrunnelsen)."
    )


_SCANNED: dict[str, tuple[Finding, ...]] = {}
"""What ``scan`` found in texts already scanned in this process. ``mkdocs serve``
checks the whole file again on every save, though an edit changes a few of its
tens of thousands of texts; an unchanged text is not scanned again."""
_SCANNED_MAX = 500_000


def _scan(text: str, format_free: bool = False) -> tuple[Finding, ...]:
    found = _SCANNED.get(text)
    if found is None:
        if len(_SCANNED) >= _SCANNED_MAX:
            _SCANNED.clear()
        found = _SCANNED[text] = tuple(scan(text, format_free))
    return found


class _Collector:
    """Problems for findings not allowed, and the allowed values that were used."""

    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed
        self.problems: list[Problem] = []
        self.used: set[str] = set()

    def add(self, text: str, start: Position, lines: list[str] | None) -> None:
        """Scan ``text``, which is written from ``start`` in a file of ``lines``
        (None: ``text`` is the whole file)."""
        self.report(text, _scan(text), start, lines)

    def report(
        self, text: str, findings: tuple[Finding, ...], start: Position, lines: list[str] | None
    ) -> None:
        """Problems for the ``findings`` in ``text`` that are not allowed (see ``add``)."""
        for finding in findings:
            key = normalise(finding.value)
            if key in self.allowed:
                self.used.add(key)
                continue
            if lines is None:
                place = _offset_position(start.file, text, finding.start)
            else:
                place = _position(start, lines, text, finding.value)
            self.problems.append(Problem(place, _message(finding)))


Document: TypeAlias = "tuple[Node, str, dict[str, bool] | None]"
"""A data file already read: its tree, its text, and every text in the tree
once (``load.parse``'s ``values``), or None to find them in the tree."""


def check(
    node: Node, source: str, allowed: set[str], values: dict[str, bool] | None = None
) -> tuple[list[Problem], set[str]]:
    """Problems for every finding in the tree's keys and values not in
    ``allowed`` (normalised values), and the allowed values that were used.
    ``values``: every text in the tree, once, and whether it is clean (see
    ``Document``); the tree is then walked only when one of them holds a finding."""
    if values is not None and not any(_scan(text, clean) for text, clean in values.items()):
        return [], set()
    collector = _Collector(allowed)
    # Tens of thousands of scalars, nearly all of them already scanned (keys
    # repeat) or holding nothing: the cache is asked here, and only a
    # finding costs a call. The file is split into lines only for a finding.
    lines: list[str] | None = None
    scanned = _SCANNED
    for scalar in _scalars(node):
        found = scanned.get(scalar.value)
        if found is None:
            found = _scan(scalar.value, scalar.clean)
        if found:
            if lines is None:
                lines = source.splitlines()
            collector.report(scalar.value, found, scalar.pos, lines)
    return collector.problems, collector.used


TEXT_FILES = (
    ".md", ".markdown", ".html", ".htm", ".txt", ".csv", ".json", ".xml", ".svg",
    ".yml", ".yaml", ".css", ".js",
)  # fmt: skip
"""Files in content/ that are published as text and so are scanned."""

SITE_KEYS = ("site_name", "site_description", "site_author", "copyright", "nav", "extra")
"""What mkdocs.yml puts on the pages: names, navigation titles and ``extra``."""


def published_pages(folder: Path, name: Callable[[Path], str]) -> list[tuple[str, str]]:
    """(name, text) of every text file in ``folder`` (content/) that is published."""
    if not folder.is_dir():
        return []
    return [
        (name(path), path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted(folder.rglob("*"))
        if path.suffix.lower() in TEXT_FILES and path.is_file()
    ]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its tags (``!ENV``, ``!!python/name``) read as nodes only."""


def _config_scalars(text: str) -> Iterator[yaml.ScalarNode]:
    try:
        root = yaml.compose(text, Loader=_ConfigLoader)  # type: ignore[no-untyped-call]
    except yaml.YAMLError:
        return  # MkDocs says what is wrong with the file
    if not isinstance(root, yaml.MappingNode):
        return
    stack: list[yaml.Node] = [v for k, v in root.value if getattr(k, "value", None) in SITE_KEYS]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


@dataclass(frozen=True)
class Exceptions:
    """The allowed values (normalised) and where each was listed."""

    values: dict[str, Position]


def load_exceptions(path: Path, name: str) -> tuple[Exceptions, list[Problem]]:
    """Read the exceptions file if there is one; a missing file allows nothing."""
    if not path.exists():
        return Exceptions({}), []
    try:
        node = load(path, name)
    except DataError as exc:
        return Exceptions({}), list(exc.problems)
    record, problems = check_file(node, s.PRIVACY_FILE)
    values: dict[str, Position] = {}
    if isinstance(record, Record):
        items = record.get("exceptions")
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, Record):
                continue
            value = item.get("value")
            if isinstance(value, str) and isinstance(item.get("reason"), str):
                values[normalise(value)] = item.at("value")
    return Exceptions(values), problems


def unused(exceptions: Exceptions, used: set[str]) -> list[Problem]:
    """A warning for each listed value that no text contains any more."""
    return [
        Problem(
            pos,
            "denne verdien finnes ikke lenger i datafilene. Slett unntaket, så det ikke "
            "tillater verdien hvis den dukker opp igjen et annet sted.",
            "warning",
        )
        for key, pos in sorted(exceptions.values.items(), key=lambda kv: kv[1])
        if key not in used
    ]


def check_documents(
    documents: list[Document],
    exceptions_path: Path,
    exceptions_name: str,
    pages: Iterable[tuple[str, str]] = (),
    config: tuple[str, str] | None = None,
) -> list[Problem]:
    """Scan every key and value of the data files already read (``Document``),
    the hand-written ``pages`` ((name, text) pairs) and the names in ``config``
    (mkdocs.yml as (name, text)). Files that could not be read are not among
    them: the loader has already reported why."""
    exceptions, problems = load_exceptions(exceptions_path, exceptions_name)
    allowed = set(exceptions.values)
    collector = _Collector(allowed)
    for node, source, values in documents:
        found, hits = check(node, source, allowed, values)
        collector.problems += found
        collector.used |= hits
    for name, text in pages:
        collector.add(text, Position(name, 1, 1), None)
    if config is not None:
        name, text = config
        lines = text.splitlines()
        for entry in _config_scalars(text):
            start = Position(name, entry.start_mark.line + 1, entry.start_mark.column + 1)
            collector.add(str(entry.value), start, lines)
    return problems + collector.problems + unused(exceptions, collector.used)
