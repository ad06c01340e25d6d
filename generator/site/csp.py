"""A Content-Security-Policy for every page, written into the page itself.

The site is static and may be served from anywhere, so the policy travels
as a ``<meta http-equiv>`` tag rather than a server header. Scripts run only
from the site's own files or when their exact text is hashed here.

Only scripts the theme ships are hashed: Material writes a few small inline
scripts from its templates, and ``known_scripts`` reads those templates and
turns each script into a pattern (the template's text, with each ``{{ }}``
standing for a value that cannot leave a JavaScript string). A page's inline
script is hashed only if it is one of those. Anything else (a script in a
hand-written page or a name in mkdocs.yml, an ``onclick`` attribute) is
blocked by the browser even if every other check failed.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Inline <script> elements, in templates and in pages. Only those that match a
# template's script are trusted, so a pattern is enough to find them.
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


# In a template: an expression, a statement or a comment.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# What a ``{{ }}`` in a known script may stand for: no quote, backslash, angle
# bracket or line break, so it cannot end the string it sits in.
_VALUE = r"[^\"'`\\<>\n\r]*"


@dataclass(frozen=True)
class KnownScripts:
    """The inline scripts the theme's templates write, as patterns."""

    patterns: tuple[re.Pattern[str], ...]

    def allows(self, body: str) -> bool:
        return any(pattern.fullmatch(body) for pattern in self.patterns)

    @classmethod
    def exactly(cls, *bodies: str) -> KnownScripts:
        """Scripts known by their exact text (for pages made outside a theme)."""
        return cls(tuple(re.compile(re.escape(body), re.DOTALL) for body in bodies))


def _pattern(body: str) -> re.Pattern[str] | None:
    """A template's script as a pattern of the scripts it renders; None when it
    holds statements (a loop or a condition), whose output no pattern pins down."""
    parts: list[str] = []
    position = 0
    for match in _JINJA.finditer(body):
        if not match[0].startswith("{{"):
            return None
        parts += [re.escape(body[position : match.start()]), _VALUE]
        position = match.end()
    parts.append(re.escape(body[position:]))
    return re.compile("".join(parts), re.DOTALL)


def _runs(attributes: str) -> bool:
    """Whether a ``<script>`` with these attributes runs its inline text."""
    kind = _TYPE.search(attributes)
    return not _SRC.search(attributes) and (kind is None or kind[1].lower() in _JS_TYPES)


@functools.cache
def _known(dirs: tuple[str, ...]) -> KnownScripts:
    patterns: dict[str, re.Pattern[str]] = {}
    for folder in dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in _SCRIPT.finditer(text):
                if _runs(match[1]) and match[2].strip():
                    pattern = _pattern(match[2])
                    if pattern is not None:
                        patterns.setdefault(pattern.pattern, pattern)
    return KnownScripts(tuple(patterns.values()))


def known_scripts(template_dirs: Iterable[str | Path]) -> KnownScripts:
    """Every inline script the templates in ``template_dirs`` (the theme's
    folders: a site's overrides, ours, Material's) can write."""
    return _known(tuple(str(d) for d in template_dirs))


def script_hashes(html: str, known: KnownScripts) -> list[str]:
    """CSP hash sources for the inline scripts of ``html`` that are ``known``, in page order."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        if not _runs(match[1]) or not known.allows(match[2]):
            continue  # from a file ('self'), data such as Material's JSON config, or unknown
        digest = hashlib.sha256(match[2].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str]) -> str:
    """The policy text for a page whose inline scripts have ``hashes``."""
    directives = dict(_FIXED)
    directives["script-src"] = " ".join(["'self'", *hashes])
    return "; ".join(f"{name} {value}" for name, value in sorted(directives.items()))


def add_policy(html: str, known: KnownScripts) -> str:
    """``html`` with its policy as the first thing in ``<head>`` (after the
    charset), so it covers every script that follows. Pages without a head
    (fragments) are returned unchanged."""
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html, known))}">'
    return html[: head.end()] + meta + html[head.end() :]
