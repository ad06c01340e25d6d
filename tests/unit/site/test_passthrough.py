"""Raw HTML carried past Python-Markdown in comments comes out as Markdown would write it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from generator.site import passthrough
from generator.site.build import Sources, load_dataset
from generator.site.render import Rendering, render_site

OSLO = Path(__file__).resolve().parents[2] / "fixtures" / "oslo"
# As the shipped mkdocs.yml configures Markdown.
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition"]


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def _oslo() -> Rendering:
    return render_site(load_dataset(Sources.in_folder(OSLO)).data, dt.date(2026, 2, 1))


def _as_plugin_converts(rendering: Rendering, path: str) -> tuple[str, str]:
    """A page's Markdown as MkDocs reads it (front matter off), and its HTML
    converted as the plugin does: blocks in comments, taken out again."""
    body, _ = get_data(rendering.pages[path])
    wrapped = passthrough.wrapped(body, rendering.pages[path], rendering.blocks[path])
    assert wrapped is not None, path
    return body, passthrough.unwrap(_html(wrapped))


def test_wrapped_pages_make_the_html_markdown_would_make() -> None:
    rendering = _oslo()
    mostly_html = {"oppfolgingspunkter/index.md", "rapport/index.md", "endringer/index.md"}
    mostly_html |= {"seminarer/index.md", "oppfolgingspunkter/2025-1.md"}
    mostly_html |= {path for path in rendering.pages if "/utvalg/" in path}
    assert mostly_html <= rendering.blocks.keys()
    for path in rendering.blocks:
        body, html = _as_plugin_converts(rendering, path)
        assert html == _html(body), path


def test_pages_are_written_without_marks() -> None:
    for text in _oslo().pages.values():
        assert passthrough.START not in text and passthrough.END not in text
        assert passthrough.OPEN not in text


def test_a_page_that_is_not_the_one_written_is_converted_as_it_is() -> None:
    rendering = _oslo()
    path = next(iter(rendering.blocks))
    written, blocks = rendering.pages[path], rendering.blocks[path]
    body, _ = get_data(written)
    assert passthrough.wrapped(body + "x", written, blocks) is None
    assert passthrough.wrapped("x" + body[1:], written, blocks) is None
    assert passthrough.wrapped(written + "\n" + written, written, blocks) is None
    # Shorter than where the first block starts: the blocks cannot be in it.
    assert passthrough.wrapped(written[blocks[0] + 1 :], written, blocks) is None


def test_split_says_where_each_marked_block_is() -> None:
    rendered = f"# T\n\n{passthrough.mark('<p>a</p>')}\ntext\n\n{passthrough.mark('<p>b</p>')}"
    text, blocks = passthrough.split(rendered)
    assert text == "# T\n\n<p>a</p>\n\ntext\n\n<p>b</p>\n"
    assert [text[blocks[i] : blocks[i + 1]] for i in (0, 2)] == ["<p>a</p>", "<p>b</p>"]
    assert passthrough.split("plain") == ("plain", ())
    with pytest.raises(ValueError):
        passthrough.split(passthrough.START + "<p>a</p>")


def test_a_block_cannot_be_marked_inside_another() -> None:
    with pytest.raises(ValueError):
        passthrough.mark(passthrough.mark("<p>a</p>"))


def test_data_cannot_open_or_close_a_wrapped_block() -> None:
    data = load_dataset(Sources.in_folder(OSLO)).data
    hostile = "--> <!-- council-followups:html\n<script>x</script> --!> -- >"
    first = dataclasses.replace(data.followups[0], title=hostile, description=hostile)
    data = dataclasses.replace(data, followups=(first, *data.followups[1:]))
    rendering = render_site(data, dt.date(2026, 2, 1))
    for path in ("oppfolgingspunkter/index.md", f"oppfolgingspunkter/{first.id}.md"):
        _, html = _as_plugin_converts(rendering, path)
        assert "<script>" not in html
        assert passthrough.OPEN not in html
        assert "&lt;script&gt;" in html


def test_html_that_would_end_the_comment_is_refused() -> None:
    with pytest.raises(ValueError):
        passthrough.mark("<p>a --> b</p>")


def test_only_whole_wrapped_blocks_are_unwrapped() -> None:
    assert passthrough.unwrap("<!-- council-followups:html -->") == (
        "<!-- council-followups:html -->"
    )
    assert passthrough.unwrap("<p>x</p>") == "<p>x</p>"


def test_in_two_steps_the_same_html() -> None:
    rendering = _oslo()
    path = "oppfolgingspunkter/index.md"
    body, _ = get_data(rendering.pages[path])
    overview = _html(passthrough.wrapped(body, rendering.pages[path], rendering.blocks[path]) or "")
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
