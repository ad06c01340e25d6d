"""Turn problems into text for people (grouped by file) or for GitHub annotations."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from .problems import Problem


def as_text(problems: Iterable[Problem]) -> str:
    """``file:line:column: message`` lines grouped by file, with a count at the end."""
    ordered = sorted(problems)
    lines: list[str] = []
    for file, group in groupby(ordered, key=lambda p: p.position.file):
        lines.append(f"{file}:")
        lines.extend(f"  {p}" for p in group)
    errors = sum(1 for p in ordered if p.severity == "error")
    warnings = len(ordered) - errors
    summary = f"{errors} feil"
    if warnings:
        summary += f" og {warnings} " + ("advarsel" if warnings == 1 else "advarsler")
    lines.append(summary + ".")
    return "\n".join(lines)


def _escape_property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, so each problem shows on its line in a pull request."""
    return "\n".join(
        f"::{p.severity} file={_escape_property(p.position.file)},line={p.position.line},"
        f"col={p.position.column},title=Feil i datafil::{_escape_data(p.message)}"
        if p.severity == "error"
        else f"::warning file={_escape_property(p.position.file)},line={p.position.line},"
        f"col={p.position.column},title=Advarsel i datafil::{_escape_data(p.message)}"
        for p in sorted(problems)
    )
