"""What hand-written pages may not contain: anything that runs code, sends the
reader elsewhere by itself, or makes the site fetch from another host.

Markdown in ``content/`` may hold raw HTML, and the site promises to run only
its own scripts and to make no request to another host. So every hand-written
page is read as HTML after Markdown has been turned into it (code blocks are
text by then, not tags) and every static HTML or SVG file as it is; each
finding is an error with the file, line and column where it is written:

- ``<script>``; ``<iframe>``, ``<frame>``, ``<object>``, ``<embed>``,
  ``<applet>``, ``<portal>``; ``<base>``; ``<meta http-equiv>`` (a refresh
  sends the reader away);
- an event attribute (``onclick``, ``onerror``, …) or ``srcdoc``;
- a ``javascript:`` or ``vbscript:`` address anywhere, a ``data:`` address
  for a link or a form;
- an image, video, frame, stylesheet or style ``url()`` from another host,
  and a form that posts to one.

Links to other sites (``<a href="https://…">``) are fine: the reader
chooses to follow them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from generator.data.problems import Position, Problem

STATIC_TYPES = (".html", ".htm", ".xhtml", ".svg")
"""Files in content/ that are copied as they are and that a browser runs as a page."""

_EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal"}
# Attributes that make the browser fetch what they name as the page loads.
_FETCHED = {"src", "srcset", "poster", "data", "background", "ping", "manifest", "codebase"}
# Attributes whose address a reader follows, or where a form sends its data.
_FOLLOWED = {"href", "action", "formaction", "xlink:href", "cite", "longdesc"}
_FORM = {"action", "formaction"}
# Elements whose href is fetched, not followed.
_FETCHING_HREF = {"link", "image", "use", "feimage", "script"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20]+")


@dataclass(frozen=True)
class Finding:
    snippet: str
    """Written in the source, to find the place: a tag, an attribute, a value."""
    message: str


def _scheme(value: str) -> str:
    """The address's scheme as a browser reads it (spaces and tabs inside ignored)."""
    compact = _INVISIBLE.sub("", value).lower()
    return compact.split(":", 1)[0] if ":" in compact.split("/", 1)[0] else ""


def other_host(value: str) -> str | None:
    """The host of ``value`` if it leads to another site, else None."""
    text = value.strip().replace("\\", "/")
    scheme = _scheme(text)
    if scheme in ("", "data", "blob", "about") and not text.startswith("//"):
        return None
    if scheme in ("mailto", "tel"):
        return None
    return urlsplit(text if scheme else "https:" + text).netloc or text


def _srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _style_urls(css: str) -> Iterator[str]:
    for match in _CSS_URL.finditer(css):
        yield match[2] if match[2] is not None else match[4]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self._in_style = False

    def _add(self, snippet: str, message: str) -> None:
        self.findings.append(Finding(snippet, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        if tag == "script":
            self._add(
                "<script",
                "Siden har et skript («<script>»). Håndskrevne sider kan ikke kjøre skript; "
                "fjern det.",
            )
        elif tag in _EMBEDS:
            self._add(
                f"<{tag}",
                f"«<{tag}>» viser innhold fra et annet sted inne i siden, og det er ikke tillatt "
                "på håndskrevne sider. Lenk heller til innholdet.",
            )
        elif tag == "base":
            self._add(
                "<base",
                "«<base>» endrer hvor alle lenkene på siden peker. Fjern den.",
            )
        elif tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            value = next((v or "" for n, v in attrs if n == "http-equiv"), "")
            if value.strip().lower() == "refresh":
                self._add(
                    "http-equiv",
                    '«<meta http-equiv="refresh">» sender leseren videre til en annen side av '
                    "seg selv. Fjern den, og lag heller en vanlig lenke.",
                )
            else:
                self._add(
                    "http-equiv",
                    f'«<meta http-equiv="{value}">» endrer hvordan nettleseren behandler siden. '
                    "Fjern den.",
                )
        for name, raw in attrs:
            self._attribute(tag, name, raw or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        for url in _style_urls(css):
            host = other_host(url)
            if host is not None or _scheme(url) in ("javascript", "vbscript"):
                self._add(
                    url,
                    f"Stilen henter «{url}» fra et annet nettsted, og nettstedet skal ikke hente "
                    "noe fra andre. Legg filen i content/ og bruk den derfra.",
                )

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._add(
                name,
                f"«{name}» får nettleseren til å kjøre kode (på «<{tag}>»). Slike egenskaper er "
                f"ikke tillatt på håndskrevne sider; fjern «{name}=…».",
            )
            return
        if name == "srcdoc":
            self._add(name, f"«srcdoc» legger en hel side inn i «<{tag}>». Fjern den.")
            return
        if name == "style":
            self._css(value)
            return
        scheme = _scheme(value)
        if scheme in ("javascript", "vbscript"):
            self._add(
                value.strip(),
                f"«{' '.join(value.split())}» er en adresse som kjører kode. Bruk en vanlig lenke "
                "(https://… eller en side på nettstedet).",
            )
            return
        fetched = name in _FETCHED or (name in ("href", "xlink:href") and tag in _FETCHING_HREF)
        if fetched:
            for url in _srcset(value) if name == "srcset" else [value]:
                host = other_host(url)
                if host is not None:
                    self._add(
                        url,
                        f"«{url}» hentes fra et annet nettsted ({host}), og nettstedet skal ikke "
                        "hente noe fra andre. Last ned filen, legg den i content/ og bruk den "
                        "derfra.",
                    )
        elif name in _FORM and other_host(value) is not None:
            self._add(
                value.strip(),
                f"Skjemaet sender det leseren skriver til «{value.strip()}», et annet nettsted. "
                "Fjern skjemaet, eller lenk til skjemaet der det hører hjemme.",
            )
        elif name in _FOLLOWED and scheme == "data":
            shown = value.strip()[:40] + ("…" if len(value.strip()) > 40 else "")
            self._add(
                value.strip()[:40],
                f"«{shown}» er en data:-adresse, som kan inneholde en hel side med kode. Lenk "
                "til en vanlig side i stedet.",
            )


def findings(html: str) -> list[Finding]:
    """Everything in ``html`` that a hand-written page may not have."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.findings


def _place(source: str, snippet: str, start: int) -> tuple[int, int]:
    """Offset of ``snippet`` in ``source`` from ``start`` (case-insensitive);
    from the beginning if it is not after ``start``; -1 if nowhere."""
    lowered, wanted = source.lower(), snippet.lower()
    found = lowered.find(wanted, start)
    if found < 0:
        found = lowered.find(wanted)
    if found < 0 and "&" not in wanted:
        # Python-Markdown writes some characters as entities; try the first word.
        head = wanted.split()[0] if wanted.split() else wanted
        found = lowered.find(head, start)
    return found, (found + len(wanted) if found >= 0 else start)


def check(html: str, source: str, name: str) -> list[Problem]:
    """Problems for what ``html`` (rendered from ``source``, the file ``name``)
    may not contain, each at the line and column where the source has it."""
    problems = []
    offset = 0
    for finding in findings(html):
        found, offset = _place(source, finding.snippet, offset)
        if found < 0:
            line, column = 1, 1
        else:
            line = source.count("\n", 0, found) + 1
            column = found - (source.rfind("\n", 0, found) + 1) + 1
        problems.append(Problem(Position(name, line, column), finding.message))
    return problems
