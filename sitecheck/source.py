"""Find the hand-written page in content/ that a built page came from.

MkDocs writes ``content/om.md`` as ``om/index.html`` (and ``content/index.md``
as ``index.html``); every other page is generated from the data files, which
the validator already points into. Knowing the file, and the line where a
value is written, lets an annotation land on the line to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    file: str
    """Relative to the project root, with forward slashes."""
    line: int | None = None
    column: int | None = None


def _candidates(page: str) -> list[str]:
    stem = page.removesuffix("index.html").rstrip("/")
    if not stem:
        return ["index.md", "README.md"]
    if page.endswith("index.html"):
        return [f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"]
    return [page.removesuffix(".html") + ".md"]


def source_of(root: Path, content: str, page: str) -> str | None:
    """``content/<name>.md`` (relative to ``root``) for a page made from it, else None."""
    for candidate in _candidates(page):
        if (root / content / candidate).is_file():
            return f"{content}/{candidate}"
    return None


def locate(root: Path, content: str, page: str, needle: str) -> Location | None:
    """Where ``needle`` is written in the page's source in content/: the first line
    that has it, or the file alone when it is not written there literally."""
    source = source_of(root, content, page)
    if source is None:
        return None
    text = (root / source).read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find(needle) if needle else -1
        if column >= 0:
            return Location(source, number, column + 1)
    return Location(source)
