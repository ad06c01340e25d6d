"""Problems as text for people, or as GitHub annotations."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from generator.data.characters import visible
from generator.data.problem_text import escape_data, escape_property, safe_file, safe_text

from .problems import SiteProblem


def as_text(problems: Iterable[SiteProblem]) -> str:
    """One line per problem, grouped by the file to fix (or the page), with a count."""
    ordered = sorted(set(problems), key=lambda p: (p.where, p.page, p.message))
    lines: list[str] = []
    for where, group in groupby(ordered, key=lambda p: p.where):
        # Page text and link targets reach the messages: print them as the
        # validator's report does, visible and never as a workflow command.
        lines.append(f"{safe_file(where)}:")
        lines.extend(f"  {safe_text(p.message)}" for p in group)
    count = len(ordered)
    lines.append(f"{count} feil på nettstedet." if count != 1 else "1 feil på nettstedet.")
    return "\n".join(lines)


def as_github(problems: Iterable[SiteProblem]) -> str:
    """``::error`` workflow commands; on the file's line when the page is hand-written."""
    lines = []
    for p in sorted(set(problems), key=lambda p: (p.where, p.page, p.message)):
        props = []
        if p.file is not None:
            props.append(f"file={escape_property(visible(p.file))}")
            if p.line is not None:
                props.append(f"line={p.line}")
                props.append(f"col={p.column or 1}")
        props.append(f"title={escape_property(p.check)}")
        lines.append(f"::error {','.join(props)}::{escape_data(visible(p.message))}")
    return "\n".join(lines)
