"""Raw HTML that Python-Markdown carries through untouched, as one comment.

A generated page is mostly HTML: the overview's table (repeated on every
order and selection), a point's status history, the report. Python-Markdown
reads raw HTML tag by tag with Python's HTML parser only to write it out
unchanged; an HTML comment it passes through as one piece. So the plugin
hands Markdown each such block in a comment and takes it out again
(``unwrap``): the page gets exactly the HTML Markdown would have written.

The pages on disk stay plain Markdown with raw HTML, which any MkDocs-like
builder shows as it is, with or without the plugin. The templates mark each
block (``mark``, the ``passthrough`` filter) with two control characters
that no data file may hold (the loader refuses them); ``split`` takes the
marks out and says where the blocks are, and ``wrapped`` puts those blocks
in comments for Python-Markdown when MkDocs reads the very page that was
written (anything else, such as a page edited by hand, is converted as it is).

It unwraps in two steps. Material's search parses every tag of a page's
content, even inside an element it does not index (``data-search-exclude``):
at 1,000 points the overview's table was about 600 KB of such tags. A block
that is one such element stays a comment until the page is written
(``on_post_page``, ``unwrap``); every other block comes out before the search
reads the page (``on_page_content``, ``unwrap_searched``), so the index is the
same as if everything had come out at once. A page the search leaves out
(``search: exclude`` in its front matter) comes out whole at once.

Nothing from the data can open or close such a comment: every value in a
generated page is escaped (``escape``), so no «<» or «>» of the data reaches
it, and the plugin wraps only generated pages, never hand-written ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

OPEN = "<!-- council-followups:html\n"
CLOSE = "\n-->"

# Python's HTML parser ends a comment at «--», optional spaces and «>», or at «--!>».
_ENDS_COMMENT = re.compile(r"--!?\s*>")
# A start tag at the very beginning (name, attributes); one attribute (name, value).
_FIRST_TAG = re.compile(
    r"<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
)
_ATTRIBUTE_NAME = re.compile(r"\s+([^\s=/>]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")


START = "\x02"
END = "\x03"
"""The marks around a block in a rendered page (``mark``): control characters,
which the loader refuses in the data (``characters``), so none is the data's."""

Blocks = tuple[int, ...]
"""Where a page's marked blocks start and end in its text: start, end, start, ..."""


def mark(html: str) -> Markup:
    """``html`` (one or more whole HTML blocks) marked as one block, on lines of its own."""
    body = html.strip("\n")
    if START in body or END in body:
        raise ValueError("a block marked inside another")
    if _ENDS_COMMENT.search(body):
        # Escaped data cannot get here; a template change could.
        raise ValueError("HTML that would end the comment around it")
    return Markup(f"{START}{body}{END}\n")


def split(rendered: str) -> tuple[str, Blocks]:
    """A rendered page as it is written (without its marks), and where its
    marked blocks are in that text."""
    if START not in rendered:
        return rendered, ()
    parts: list[str] = []
    blocks: list[int] = []
    done = length = 0
    while (start := rendered.find(START, done)) != -1:
        end = rendered.find(END, start + 1)
        if end == -1:
            raise ValueError("a block marked without its end")
        before, body = rendered[done:start], rendered[start + 1 : end]
        parts += [before, body]
        length += len(before)
        blocks.append(length)
        length += len(body)
        blocks.append(length)
        done = end + 1
    parts.append(rendered[done:])
    return "".join(parts), tuple(blocks)


def wrapped(markdown: str, written: str, blocks: Blocks) -> str | None:
    """``markdown`` with each of the ``blocks`` of ``written`` in a comment, when
    ``markdown`` is ``written`` less its front matter (as MkDocs reads the
    page); None when it is some other text."""
    skip = len(written) - len(markdown)
    if skip < 0 or (blocks and blocks[0] < skip) or not written.endswith(markdown):
        return None
    parts: list[str] = []
    done = skip
    for index in range(0, len(blocks), 2):
        start, end = blocks[index], blocks[index + 1]
        parts += [written[done:start], OPEN, written[start:end], CLOSE]
        done = end
    parts.append(written[done:])
    return "".join(parts)


def unwrap(html: str) -> str:
    """A page's HTML from Markdown with every wrapped block back in its place."""
    return _unwrap(html, keep=None)


def unwrap_searched(html: str) -> str:
    """``html`` with every wrapped block back in its place except those the
    search skips whole (``skipped_by_search``); ``unwrap`` takes those out later."""
    return _unwrap(html, keep=skipped_by_search)


def _unwrap(html: str, keep: Callable[[str], bool] | None) -> str:
    # As «OPEN(.*?)CLOSE» replaced would, by str.find: that lazy «.*?» stepped through
    # each of the listings' tables (up to 600 KB) character by character.
    if OPEN not in html:
        return html
    parts: list[str] = []
    done = 0
    while (start := html.find(OPEN, done)) != -1:
        end = html.find(CLOSE, start + len(OPEN))
        if end == -1:
            break
        body = html[start + len(OPEN) : end]
        parts += [html[done:start], html[start : end + len(CLOSE)] if keep and keep(body) else body]
        done = end + len(CLOSE)
    parts.append(html[done:])
    return "".join(parts)


def skipped_by_search(body: str) -> bool:
    """Whether ``body`` is one element marked ``data-search-exclude`` and nothing
    after it: Material's search indexes none of it, comment or not."""
    first = _FIRST_TAG.match(body)
    if first is None:
        return False
    names = {name.lower() for name in _ATTRIBUTE_NAME.findall(first.group(2))}
    if "data-search-exclude" not in names:
        return False
    # Where the element ends: the tag opened and closed, counted. Every value
    # from the data is escaped, so each «<» here is a tag of the template's.
    tag = re.escape(first.group(1))
    depth = 0
    for mark in re.finditer(rf"<(/?){tag}(?=[\s/>])", body, re.IGNORECASE):
        depth += -1 if mark.group(1) else 1
        if depth == 0:
            end = body.find(">", mark.end())
            return end != -1 and not body[end + 1 :].strip()
    return False
