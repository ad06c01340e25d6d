"""How many copies of the overview's table a built site holds, and how its
order and selection links grow (bench/README.md, "Issue 14: fewer copies of
the table").

``python -m bench.copies FOLDER [FOLDER ...]`` reads each built project
(``build/generated/`` and ``site/``, a bokmål site) and prints, for the
overview and every page in its selections folder: pages, bytes of Markdown
and of built HTML by kind of page, table rows per point, and the links in
the pages' «Sortering og utvalg» navigation. Nothing is built or timed here;
build with ``python -m generator site --force`` in a copy written by
``bench.synth.write_project`` first.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.site.addresses import BOKMAL, page_url

ROW = re.compile(r"<tr[ >]")
NAV = re.compile(r'<nav class="listing-links".*?</nav>', re.S)
LINK = re.compile(r"<a href=")


@dataclass
class Kind:
    pages: int = 0
    markdown: int = 0
    html: int = 0
    rows: int = 0
    """Table rows, the heading's row excluded."""
    nav_links: int = 0
    nav_markdown: int = 0
    """Bytes of the navigation in the Markdown."""
    most_nav_links: int = 0
    """The most links one page's navigation holds."""


@dataclass
class Copies:
    points: int
    kinds: dict[str, Kind] = field(default_factory=dict)

    def total(self) -> Kind:
        every = Kind()
        for kind in self.kinds.values():
            for name in ("pages", "markdown", "html", "rows", "nav_links", "nav_markdown"):
                setattr(every, name, getattr(every, name) + getattr(kind, name))
            every.most_nav_links = max(every.most_nav_links, kind.most_nav_links)
        return every


def kind_of(name: str) -> str:
    """A selections page's kind from its file name («tilstand-pagar.md» -> «state»)."""
    s = BOKMAL.slugs
    for prefix, kind in (
        (s.sorted_by, "sort"),
        (s.state, "state"),
        (s.seminar, "seminar"),
        (s.responsible, "responsible"),
    ):
        if name.startswith(prefix + "-"):
            return kind
    return "other"


def listing_pages(project: Path) -> Iterator[tuple[str, Path]]:
    """(kind, Markdown source) of the overview and every page of its selections."""
    generated = project / "build" / "generated"
    yield "overview", generated / BOKMAL.overview
    for source in sorted((generated / BOKMAL.selections_folder).glob("*.md")):
        yield kind_of(source.name), source


def measure(project: Path) -> Copies:
    generated = project / "build" / "generated"
    points = len(list((generated / BOKMAL.points_folder).glob("*.md"))) - 1  # the overview
    copies = Copies(points)
    for kind_name, source in listing_pages(project):
        kind = copies.kinds.setdefault(kind_name, Kind())
        markdown = source.read_text(encoding="utf-8")
        relative = source.relative_to(generated).as_posix()
        html = (project / "site" / page_url(relative) / "index.html").read_text(encoding="utf-8")
        kind.pages += 1
        kind.markdown += len(markdown.encode())
        kind.html += len(html.encode())
        kind.rows += max(0, len(ROW.findall(html)) - 1) if "point-table" in html else 0
        for nav in NAV.findall(markdown):
            links = len(LINK.findall(nav))
            kind.nav_links += links
            kind.nav_markdown += len(nav.encode())
            kind.most_nav_links = max(kind.most_nav_links, links)
    return copies


def table(copies: Copies) -> str:
    lines = [
        f"{copies.points} points",
        "| pages | n | Markdown MB | HTML MB | rows per point | nav links | most per page "
        "| nav MB (Markdown) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, kind in [*copies.kinds.items(), ("all", copies.total())]:
        lines.append(
            f"| {name} | {kind.pages} | {kind.markdown / 1e6:.2f} | {kind.html / 1e6:.2f} "
            f"| {kind.rows / copies.points:.2f} | {kind.nav_links} | {kind.most_nav_links} "
            f"| {kind.nav_markdown / 1e6:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.copies")
    parser.add_argument("projects", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    for project in args.projects:
        copies = measure(project)
        if args.json:
            print(json.dumps({"project": str(project), **asdict(copies)}))
        else:
            print(f"{project}\n{table(copies)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
