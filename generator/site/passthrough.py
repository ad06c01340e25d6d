"""Raw HTML that Python-Markdown carries through untouched, as one comment.

A generated page that is mostly HTML (the overview's table, repeated on
every order and selection) spent most of its build in Python-Markdown's HTML
parser, which reads raw HTML tag by tag only to write it out unchanged. An
HTML comment it passes through as one piece: ``wrap`` puts a block of HTML in
one, and the plugin takes it out again (``unwrap``), so the page gets exactly
the HTML Markdown would have written.

It does so in two steps. Material's search parses every tag of a page's
content, even inside an element it does not index (``data-search-exclude``):
at 1,000 points the overview's table was about 600 KB of such tags. A block
that is one such element stays a comment until the page is written
(``on_post_page``, ``unwrap``); every other block comes out before the search
reads the page (``on_page_content``, ``unwrap_searched``), so the index is the
same as if everything had come out at once. A page the search leaves out
(``search: exclude`` in its front matter) comes out whole at once.

Nothing from the data can open or close such a comment: every value in a
generated page is escaped (``escape``), so no «<» or «>» of the data reaches
it, and the plugin unwraps only generated pages, never hand-written ones. The
marker is fixed rather than a per-build secret so that a page whose data did
not change keeps its Markdown byte for byte (``write.sync`` then leaves it,
and ``--dirty`` builds skip it).
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


def wrap(html: str) -> Markup:
    """``html`` (one or more HTML blocks) as a comment, on lines of its own."""
    body = html.strip("\n")
    if _ENDS_COMMENT.search(body):
        # Escaped data cannot get here; a template change could.
        raise ValueError("HTML that would end the comment around it")
    return Markup(f"{OPEN}{body}{CLOSE}\n")


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
