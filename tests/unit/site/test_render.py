"""Golden files of the generated Markdown: review changes in the diff.

Run ``pytest tests/unit/site/test_render.py --update-goldens`` after a deliberate
change to a template, then read the diff of tests/golden/expected/.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.site import addresses
from generator.site.build import Sources, load_dataset
from generator.site.render import render_site

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
EXPECTED = GOLDEN / "expected"
TODAY = dt.date(2026, 2, 1)


def _pages() -> dict[str, str]:
    sources = Sources.in_folder(GOLDEN)
    return render_site(load_dataset(sources).data, TODAY).pages


def test_rendered_markdown_matches_golden_files(request: pytest.FixtureRequest) -> None:
    pages = _pages()
    if request.config.getoption("--update-goldens"):
        for old in EXPECTED.rglob("*.md"):
            old.unlink()
        for rel, text in pages.items():
            (EXPECTED / rel).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / rel).write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
        for p in EXPECTED.rglob("*.md")
    }
    assert sorted(pages) == sorted(expected)
    for rel, text in pages.items():
        assert text == expected[rel], f"{rel} differs from its golden file"


SCRIPT_ONLY = re.compile(r' data-(?:value|state|seminar|responsible)="[^"]*"')


def _rows(page: str) -> dict[str, str]:
    """A listing's table rows by the point's link, each as the reader sees it:
    the script's attributes and the way back to the root taken out."""
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr.*?</tr>", body, re.S):
        plain = re.sub(r'href="(?:\.\./)+', 'href="', SCRIPT_ONLY.sub("", row))
        rows[re.search(r'href="([^"]+)"', plain).group(1)] = plain  # type: ignore[union-attr]
    return rows


def test_a_row_is_the_same_on_every_listing_and_only_the_overview_feeds_the_script() -> None:
    pages = _pages()
    at = addresses.BOKMAL
    overview = _rows(pages[at.overview])
    listings = [p for p in pages if p.startswith(at.selections_folder + "/")]
    assert listings
    for path in listings:
        if "<tbody>" not in pages[path]:
            continue
        table = pages[path][pages[path].index("<tbody>") :]
        assert not SCRIPT_ONLY.search(table), path
        for link, row in _rows(pages[path]).items():
            assert row == overview[link], path
    assert SCRIPT_ONLY.search(pages[at.overview])
