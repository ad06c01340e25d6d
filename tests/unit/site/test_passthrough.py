"""Raw HTML carried past Python-Markdown in comments comes out as Markdown would write it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import markdown
import pytest

from generator.site import passthrough
from generator.site.build import Sources, load_dataset
from generator.site.render import render_site

OSLO = Path(__file__).resolve().parents[2] / "fixtures" / "oslo"
# As the shipped mkdocs.yml configures Markdown.
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition"]


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def _without_wrapping(text: str) -> str:
    """The page as it was written before its HTML was wrapped."""
    return text.replace(passthrough.OPEN, "").replace(passthrough.CLOSE + "\n", "\n")


def test_wrapped_pages_make_the_html_markdown_would_make() -> None:
    pages = render_site(load_dataset(Sources.in_folder(OSLO)).data, dt.date(2026, 2, 1))
    wrapped = {path: text for path, text in pages.items() if passthrough.OPEN in text}
    assert len(wrapped) > 10  # the overview and every order and selection
    for path, text in wrapped.items():
        assert passthrough.unwrap(_html(text)) == _html(_without_wrapping(text)), path


def test_data_cannot_open_or_close_a_wrapped_block() -> None:
    data = load_dataset(Sources.in_folder(OSLO)).data
    hostile = "--> <!-- council-followups:html\n<script>x</script> --!> -- >"
    first = dataclasses.replace(data.followups[0], title=hostile)
    data = dataclasses.replace(data, followups=(first, *data.followups[1:]))
    pages = render_site(data, dt.date(2026, 2, 1))
    overview = pages["oppfolgingspunkter/index.md"]
    html = passthrough.unwrap(_html(overview))
    assert "<script>" not in html
    assert passthrough.OPEN not in html
    assert "&lt;script&gt;" in html


def test_html_that_would_end_the_comment_is_refused() -> None:
    with pytest.raises(ValueError):
        passthrough.wrap("<p>a --> b</p>")


def test_only_whole_wrapped_blocks_are_unwrapped() -> None:
    assert passthrough.unwrap("<!-- council-followups:html -->") == (
        "<!-- council-followups:html -->"
    )
    assert passthrough.unwrap("<p>x</p>") == "<p>x</p>"


def test_in_two_steps_the_same_html() -> None:
    pages = render_site(load_dataset(Sources.in_folder(OSLO)).data, dt.date(2026, 2, 1))
    overview = _html(pages["oppfolgingspunkter/index.md"])
    first = passthrough.unwrap_searched(overview)
    assert 'class="point-filter"' in first and 'class="listing-links"' in first
    # The search skips the table: it stays a comment.
    assert first.count(passthrough.OPEN) == 1
    assert passthrough.OPEN + '<div class="point-table-wrap"' in first
    assert passthrough.unwrap(first) == passthrough.unwrap(overview)


@pytest.mark.parametrize(
    ("body", "skipped"),
    [
        ('<div class="a" data-search-exclude>\n<div>x</div>\n</div>', True),
        ('<DIV data-search-exclude="">x</DIV>\n', True),
        ("<div data-search-exclude>x</div>\n<p>indexed</p>", False),
        ("<div data-search-exclude><div>x</div>\n<p>indexed</p>", False),
        ('<div title="a data-search-exclude">x</div>', False),
        ("<p>x</p>\n<div data-search-exclude>y</div>", False),
        ("<div data-search-excluded>x</div>", False),
        ("plain text", False),
    ],
)
def test_only_one_whole_excluded_element_waits(body: str, skipped: bool) -> None:
    assert passthrough.skipped_by_search(body) is skipped
