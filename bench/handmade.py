"""The same data as plain hand-made Markdown pages: the floor a council could
reach by writing its site by hand (issue 14's second target).

One page per point with its decision and its status history, one overview
table, the IPO list, and a front page; built by stock mkdocs-material with
search and a slim navigation (the point pages are reached from the overview,
not listed in the navigation). The pages are written with plain string
formatting on purpose: they stand for what a person would type, so nothing
is escaped, no template engine runs and the texts are pasted as Markdown
paragraphs. Only the writing is ours; what is measured is ``mkdocs build``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import stock

NAV = [
    {"Forside": "index.md"},
    {"Oppfølgingspunkter": "oversikt.md"},
    {"IPO-områder": "ipo.md"},
]
POINTS = "punkter"


def _load(path: Path) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return data


def _cell(value: object) -> str:
    """A table cell: one line, no column separator (all a person would mind)."""
    return str(value).replace("\n", " ").replace("|", "/")


def point_page(point: dict[str, Any], seminar: str, editions: dict[str, str]) -> str:
    lines = [
        f"# {point['number']}. {point['title']}",
        "",
        f"**Seminar:** {seminar}  ",
        f"**Ansvarlig:** {', '.join(point.get('responsible', []))}  ",
    ]
    if point.get("deadline"):
        lines.append(f"**Frist:** {point['deadline']}  ")
    if point.get("tags"):
        lines.append(f"**Stikkord:** {', '.join(point['tags'])}")
    lines += ["", "## Vedtak", "", point["description"].strip(), "", "## Status", ""]
    for status in reversed(point.get("statuses", [])):
        edition = editions.get(status["edition"], status["edition"])
        lines += [f"### {edition}: {status['state']}", "", status["text"].strip(), ""]
    return "\n".join(lines) + "\n"


def overview(points: list[dict[str, Any]], seminars: dict[str, str]) -> str:
    lines = [
        "# Oppfølgingspunkter",
        "",
        "| Punkt | Tittel | Seminar | Status | Ansvarlig |",
        "| --- | --- | --- | --- | --- |",
    ]
    for point in points:
        statuses = point.get("statuses") or [{"state": ""}]
        lines.append(
            f"| {point['id']} | [{_cell(point['title'])}]({POINTS}/{point['id']}.md) "
            f"| {_cell(seminars.get(point['seminar'], point['seminar']))} "
            f"| {statuses[-1]['state']} | {_cell(', '.join(point.get('responsible', [])))} |"
        )
    return "\n".join(lines) + "\n"


def ipo_page(ipo: dict[str, Any]) -> str:
    units = {unit["id"]: unit["name"] for unit in ipo.get("units", [])}
    lines = [
        "# IPO-områder",
        "",
        "| Område | Enhet | Status | Startår |",
        "| --- | --- | --- | --- |",
    ]
    for area in ipo.get("areas", []):
        lines.append(
            f"| {_cell(area['name'])} | {_cell(units.get(area['unit'], area['unit']))} "
            f"| {area['status']} | {area.get('since', '')} |"
        )
    return "\n".join(lines) + "\n"


def front_page(data: dict[str, Any]) -> str:
    council = data.get("council", {}).get("name", "Politirådet")
    return (
        f"# {council}\n\n"
        f"Her er oppfølgingspunktene fra {council} sine seminarer og status for hvert av dem.\n\n"
        "- [Alle oppfølgingspunkter](oversikt.md)\n"
        "- [IPO-områder](ipo.md)\n"
    )


def config(project: Path, site_name: str) -> dict[str, Any]:
    """Stock Material with the project's theme, search and extensions; a slim nav."""
    theirs = stock.config(project)
    return {
        "site_name": site_name,
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theirs["theme"],
        "plugins": theirs["plugins"],
        "markdown_extensions": theirs.get("markdown_extensions", []),
        "nav": NAV,
        "not_in_nav": f"/{POINTS}/*.md",
        "strict": True,
    }


def write_project(source: Path, dest: Path) -> int:
    """Hand-made pages of ``source``'s followups.yaml and ipo_areas.yaml in ``dest``;
    the number of pages."""
    data = _load(source / "followups.yaml")
    ipo = _load(source / "ipo_areas.yaml")
    editions = {e["id"]: e["title"] for e in data.get("editions", [])}
    seminars = {s["id"]: s["title"] for s in data.get("seminars", [])}
    points = data.get("followups", [])
    docs = dest / "docs"
    (docs / POINTS).mkdir(parents=True)
    for point in points:
        text = point_page(point, seminars.get(point["seminar"], point["seminar"]), editions)
        (docs / POINTS / f"{point['id']}.md").write_text(text, encoding="utf-8")
    (docs / "oversikt.md").write_text(overview(points, seminars), encoding="utf-8")
    (docs / "ipo.md").write_text(ipo_page(ipo), encoding="utf-8")
    (docs / "index.md").write_text(front_page(data), encoding="utf-8")
    site_name = data.get("council", {}).get("name", "Politirådet")
    text = yaml.safe_dump(config(source, site_name), allow_unicode=True, sort_keys=False)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return len(points) + 3
