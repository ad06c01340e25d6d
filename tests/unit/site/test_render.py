"""Golden files of the generated Markdown: review changes in the diff.

Run ``pytest tests/unit/site/test_render.py --update-goldens`` after a deliberate
change to a template, then read the diff of tests/golden/expected/.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.site.build import Sources, load_dataset
from generator.site.render import render_site

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
EXPECTED = GOLDEN / "expected"
TODAY = dt.date(2026, 2, 1)


def _pages() -> dict[str, str]:
    sources = Sources.in_folder(GOLDEN)
    return render_site(load_dataset(sources).data, TODAY)


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
