"""Pass a step's output through and list every annotation in the job summary.

GitHub shows at most 10 error and 10 warning annotations per step; the rest
are silently dropped from the pull request. Piped through this, a step's
output reaches the log unchanged (so the annotations still appear), and the
job summary ($GITHUB_STEP_SUMMARY) gets every problem, with a note when
GitHub shows only some of them::

    python -m generator validate --format github | python3 -m sitecheck.summary --title "…"

Standard library only: it runs before any dependency is installed.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

SHOWN_PER_STEP = 10
"""Errors GitHub shows per step, and warnings likewise."""

_COMMAND = re.compile(r"^::(error|warning)(?: ([^:]*))?::(.*)$")
_LABEL = {"error": "feil", "warning": "advarsel"}


@dataclass(frozen=True)
class Annotation:
    severity: str
    """«error» or «warning»."""
    message: str
    file: str | None = None
    line: str | None = None
    column: str | None = None

    def __str__(self) -> str:
        place = ":".join(p for p in (self.file, self.line, self.column) if p)
        label = _LABEL[self.severity]
        return f"{place}: {label}: {self.message}" if place else f"{label}: {self.message}"


def _unescape(value: str, property_value: bool) -> str:
    if property_value:
        value = value.replace("%3A", ":").replace("%2C", ",")
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse(line: str) -> Annotation | None:
    """The annotation a line of output makes, if it is one."""
    match = _COMMAND.match(line.rstrip("\r\n"))
    if match is None:
        return None
    props: dict[str, str] = {}
    for item in (match[2] or "").split(","):
        key, sep, value = item.partition("=")
        if sep:
            props[key.strip()] = _unescape(value, property_value=True)
    return Annotation(
        match[1],
        _unescape(match[3], property_value=False),
        props.get("file"),
        props.get("line"),
        props.get("col"),
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def markdown(title: str, annotations: list[Annotation]) -> str:
    """The job summary's section for one step."""
    errors = sum(1 for a in annotations if a.severity == "error")
    warnings = len(annotations) - errors
    if not annotations:
        return f"### {title}: ingen feil\n\n"
    counts = _count(errors, "feil", "feil")
    if warnings:
        counts += " og " + _count(warnings, "advarsel", "advarsler")
    lines = [f"### {title}: {counts}", ""]
    if errors > SHOWN_PER_STEP or warnings > SHOWN_PER_STEP:
        hidden = max(errors - SHOWN_PER_STEP, 0) + max(warnings - SHOWN_PER_STEP, 0)
        lines.append(
            f"GitHub viser bare de {SHOWN_PER_STEP} første feilene og de {SHOWN_PER_STEP} "
            f"første advarslene fra hvert steg som merknader, så {hidden} av dem vises bare "
            f"her. Alle {len(annotations)}:"
        )
    else:
        lines.append("Alle vises også som merknader i endringen:")
    text = "\n".join(str(a) for a in annotations)
    # A fence longer than any run of backticks in the text, so no message can end it.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    lines += ["", f"{fence}text", text, fence, ""]
    return "\n".join(lines) + "\n"


def relay(source: Iterable[str], title: str) -> str:
    """Echo every line to stdout as it comes; the summary section for what was seen."""
    found = []
    for line in source:
        sys.stdout.write(line)
        sys.stdout.flush()
        annotation = parse(line)
        if annotation is not None:
            found.append(annotation)
    return markdown(title, found)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m sitecheck.summary", description=__doc__)
    p.add_argument("--title", required=True, help="overskriften i sammendraget")
    args = p.parse_args(argv)
    section = relay(sys.stdin, args.title)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as summary:
            summary.write(section)
    else:
        sys.stderr.write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
