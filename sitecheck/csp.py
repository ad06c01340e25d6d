"""Every page carries a Content-Security-Policy that lets only the site's own
scripts run: no ``'unsafe-inline'``, and every inline script hashed.

This reads the pages independently of ``generator.site.csp``, which writes the
policies: a script that reaches a page some other way (raw HTML in a page in
content/, a template) and is not hashed would be blocked in the reader's
browser, and an ``onclick`` or ``javascript:`` address always would be.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from .html import Page, Script
from .problems import SiteProblem, address
from .site import Site
from .source import locate, source_of

CHECK = "Innholdssikkerhet (CSP)"
# Script types a browser runs; anything else (application/json, ...) is data.
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_HASH = re.compile(r"^'sha(256|384|512)-[A-Za-z0-9+/=_-]+'$")
_ALLOWED = frozenset({"'self'", "'none'"})
_ALGORITHMS = {"256": hashlib.sha256, "384": hashlib.sha384, "512": hashlib.sha512}


def directives(policy: str) -> dict[str, list[str]]:
    """``script-src 'self' 'sha256-…'; …`` -> {"script-src": ["'self'", "'sha256-…'"]}."""
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed.setdefault(words[0].lower(), words[1:])
    return parsed


def runs(script: Script) -> bool:
    """Whether a browser executes this element's own text."""
    kind = script.attributes.get("type", "").strip().lower()
    return "src" not in script.attributes and kind in _JS_TYPES


def _digests(body: str) -> set[str]:
    data = body.encode("utf-8")
    return {
        f"'sha{bits}-{base64.b64encode(make(data).digest()).decode('ascii')}'"
        for bits, make in _ALGORITHMS.items()
    }


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "…"


def page_problems(page: str, content: Page) -> list[tuple[str, str]]:
    """(message, what to look for in the page's source) for one page."""
    where = f"Siden «{address(page)}»"
    if not content.policies:
        return [
            (
                f"{where} har ingen Content-Security-Policy, så nettleseren kjører ethvert skript "
                "på den. Bygg nettstedet med «make site»; står siden i content/, må den ha "
                "vanlig sideoppsett.",
                "",
            )
        ]
    found: list[tuple[str, str]] = []
    if len(content.policies) > 1:
        found.append(
            (
                f"{where} har {len(content.policies)} Content-Security-Policy-er; nettleseren "
                "bruker dem alle, og den strengeste stopper sidens egne skript. Fjern den som "
                "ikke kommer fra byggeverktøyet.",
                "Content-Security-Policy",
            )
        )
    index, policy = content.policies[0]
    parsed = directives(policy)
    sources = parsed.get("script-src", parsed.get("default-src"))
    if sources is None:
        found.append(
            (f"{where}: Content-Security-Policy sier ikke hvilke skript som får kjøre.", "")
        )
        sources = []
    loose = [s for s in sources if s.lower() not in _ALLOWED and not _HASH.match(s)]
    if loose:
        found.append(
            (
                f"{where}: Content-Security-Policy tillater skript fra "
                + ", ".join(f"«{s}»" for s in loose)
                + ". Bare nettstedets egne skriptfiler og skript med hash skal få kjøre.",
                "Content-Security-Policy",
            )
        )
    for script in content.scripts:
        if script.index < index:
            found.append(
                (
                    f"{where} har et skript før Content-Security-Policy, så policyen gjelder "
                    "ikke for det. Policyen må stå først i <head>.",
                    "<script",
                )
            )
            break
    allowed = set(sources)
    for script in content.scripts:
        if runs(script) and script.index > index and not _digests(script.body) & allowed:
            found.append(
                (
                    f"{where} har et innebygd skript som sidens Content-Security-Policy ikke "
                    f"godkjenner, så nettleseren stopper det: «{_excerpt(script.body)}». "
                    "Skript hører ikke hjemme i sidene; fjern <script> fra teksten.",
                    script.body.strip().splitlines()[0] if script.body.strip() else "<script",
                )
            )
    for tag, name, value in content.attributes:
        if name.lower().startswith("on"):
            found.append(
                (
                    f"{where} har skript i attributtet «{name}» på <{tag}>: «{_excerpt(value)}». "
                    "Nettleseren stopper slike skript; fjern attributtet.",
                    f"{name}=",
                )
            )
    for tag, _name, value in content.urls:
        if urlsplit(value.strip()).scheme.lower() == "javascript":
            found.append(
                (
                    f"{where} har en «javascript:»-adresse på <{tag}>: «{_excerpt(value)}». "
                    "Nettleseren stopper den; bruk en vanlig lenke.",
                    "javascript:",
                )
            )
    return found


def check(site: Site) -> list[SiteProblem]:
    problems = []
    for page, content in site.pages.items():
        for message, needle in page_problems(page, content):
            place = locate(site.root, site.content, page, needle) if needle else None
            file = place.file if place else source_of(site.root, site.content, page)
            problems.append(
                SiteProblem(
                    page,
                    message,
                    CHECK,
                    file,
                    place.line if place else None,
                    place.column if place else None,
                )
            )
    return problems
