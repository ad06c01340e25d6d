"""Raw HTML that Python-Markdown carries through untouched, as one comment.

A generated page that is mostly HTML (the overview's table, repeated on
every order and selection) spent most of its build in Python-Markdown's HTML
parser, which reads raw HTML tag by tag only to write it out unchanged. An
HTML comment it passes through as one piece: ``wrap`` puts a block of HTML in
one, and the plugin's ``on_page_content`` takes it out again (``unwrap``), so
the page gets exactly the HTML Markdown would have written.

Nothing from the data can open or close such a comment: every value in a
generated page is escaped (``escape``), so no «<» or «>» of the data reaches
it, and the plugin unwraps only generated pages, never hand-written ones. The
marker is fixed rather than a per-build secret so that a page whose data did
not change keeps its Markdown byte for byte (``write.sync`` then leaves it,
and ``--dirty`` builds skip it).
"""

from __future__ import annotations

import re

from markupsafe import Markup

OPEN = "<!-- council-followups:html\n"
CLOSE = "\n-->"

# Python's HTML parser ends a comment at «--», optional spaces and «>», or at «--!>».
_ENDS_COMMENT = re.compile(r"--!?\s*>")
_WRAPPED = re.compile(re.escape(OPEN) + r"(.*?)" + re.escape(CLOSE), re.DOTALL)


def wrap(html: str) -> Markup:
    """``html`` (one or more HTML blocks) as a comment, on lines of its own."""
    body = html.strip("\n")
    if _ENDS_COMMENT.search(body):
        # Escaped data cannot get here; a template change could.
        raise ValueError("HTML that would end the comment around it")
    return Markup(f"{OPEN}{body}{CLOSE}\n")


def unwrap(html: str) -> str:
    """A page's HTML from Markdown with every wrapped block back in its place."""
    if OPEN not in html:
        return html
    return _WRAPPED.sub(lambda match: match.group(1), html)
