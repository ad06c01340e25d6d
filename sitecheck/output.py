"""Problems as text for people, or as GitHub annotations."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from .problems import SiteProblem


def as_text(problems: Iterable[SiteProblem]) -> str:
    """One line per problem, grouped by the file to fix (or the page), with a count."""
    ordered = sorted(set(problems), key=lambda p: (p.where, p.page, p.message))
    lines: list[str] = []
    for where, group in groupby(ordered, key=lambda p: p.where):
        lines.append(f"{where}:")
        lines.extend(f"  {p.message}" for p in group)
    count = len(ordered)
    lines.append(f"{count} feil på nettstedet." if count != 1 else "1 feil på nettstedet.")
    return "\n".join(lines)


def _property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_github(problems: Iterable[SiteProblem]) -> str:
    """``::error`` workflow commands; on the file's line when the page is hand-written."""
    lines = []
    for p in sorted(set(problems), key=lambda p: (p.where, p.page, p.message)):
        props = []
        if p.file is not None:
            props.append(f"file={_property(p.file)}")
            if p.line is not None:
                props.append(f"line={p.line}")
                props.append(f"col={p.column or 1}")
        props.append(f"title={_property(p.check)}")
        lines.append(f"::error {','.join(props)}::{_data(p.message)}")
    return "\n".join(lines)
