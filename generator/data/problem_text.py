"""Turn problems into text for people (grouped by file) or for GitHub annotations.

Messages quote what the editor wrote, and the pull-request check prints them
in a GitHub Actions log, where a line starting with ``::`` is a command
(``::add-mask::``, ``::error``). So every character that would not show or
would start a new line is written as a code (``\n``, ``\u200b``), and a
file name cannot begin a line with ``::``: only our own annotations do.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from generator.data.characters import visible
from generator.data.problems import Problem


def safe_file(name: str) -> str:
    """A file name as printed: visible, and never the start of a workflow command."""
    name = visible(name)
    return f"./{name}" if name.lstrip().startswith("::") else name


def safe_text(text: str) -> str:
    """One line of text from the data, as printed: visible, one line, no workflow command."""
    text = visible(text)
    return f"\\{text}" if text.lstrip().startswith("::") else text


def _line(problem: Problem) -> str:
    label = "feil" if problem.severity == "error" else "advarsel"
    return f"{safe_file(str(problem.position))}: {label}: {visible(problem.message)}"


def as_text(problems: Iterable[Problem]) -> str:
    """``file:line:column: message`` lines grouped by file, with a count at the end."""
    ordered = sorted(problems)
    lines: list[str] = []
    for file, group in groupby(ordered, key=lambda p: p.position.file):
        lines.append(f"{safe_file(file)}:")
        lines.extend(f"  {_line(p)}" for p in group)
    errors = sum(1 for p in ordered if p.severity == "error")
    warnings = len(ordered) - errors
    summary = f"{errors} feil"
    if warnings:
        summary += f" og {warnings} " + ("advarsel" if warnings == 1 else "advarsler")
    lines.append(summary + ".")
    return "\n".join(lines)


def escape_property(value: str) -> str:
    """A value inside a workflow command's properties (``file=``, ``title=``)."""
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def escape_data(value: str) -> str:
    """A workflow command's message, after its ``::``."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, so each problem shows on its line in a pull request."""
    return "\n".join(
        f"::{p.severity} file={escape_property(visible(p.position.file))},"
        f"line={p.position.line},col={p.position.column},"
        f"title={'Feil' if p.severity == 'error' else 'Advarsel'} i datafil::"
        f"{escape_data(visible(p.message))}"
        for p in sorted(problems)
    )
