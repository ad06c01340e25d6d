"""A Content-Security-Policy for every page, written into the page itself.

The site is static and may be served from anywhere, so the policy travels
as a ``<meta http-equiv>`` tag rather than a server header. Scripts run only
from the site's own files or when their exact text is hashed here: Material
writes a few small inline scripts, and each page gets the hashes of its own.
Anything else (a script smuggled into the text, an ``onclick`` attribute) is
blocked by the browser even if escaping ever failed.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline <script> elements. The HTML comes from our templates and Material,
# never raw from the data (that is escaped), so a pattern is enough here.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)

# Browsers ignore frame-ancestors, report-uri and sandbox in a meta tag, so
# they are left out rather than giving a false sense of protection.
_FIXED = {
    "default-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",  # Python-Markdown's tables write style="text-align"
    "img-src": "'self' data:",  # Material's icons are inline SVG data URLs
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index
    "worker-src": "'self'",  # the search runs in a web worker from assets/
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def script_hashes(html: str) -> list[str]:
    """CSP hash sources for every inline script the browser would run, in page order."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match[1], match[2]
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind is not None and kind[1].lower() not in _JS_TYPES):
            continue  # loaded from a file ('self'), or data such as Material's JSON config
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str]) -> str:
    """The policy text for a page whose inline scripts have ``hashes``."""
    directives = dict(_FIXED)
    directives["script-src"] = " ".join(["'self'", *hashes])
    return "; ".join(f"{name} {value}" for name, value in sorted(directives.items()))


def add_policy(html: str) -> str:
    """``html`` with its policy as the first thing in ``<head>`` (after the
    charset), so it covers every script that follows. Pages without a head
    (fragments) are returned unchanged."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = (
        f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html))}">'
    )
    return html[: head.end()] + meta + html[head.end() :]
