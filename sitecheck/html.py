"""Read built HTML the way a browser would: its structure, addresses and visible text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}
)
# Elements whose content a browser does not show as page text.
_HIDDEN = frozenset({"script", "style", "template", "noscript", "title"})


@dataclass(frozen=True)
class Script:
    """A ``<script>`` element: its attributes, its text and its place among the elements."""

    attributes: dict[str, str]
    body: str
    index: int


@dataclass
class Page:
    """What a page is made of: its elements in order and what a reader sees."""

    elements: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """(tag, sorted attribute names) for every start tag, in document order."""
    urls: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, value) for every attribute that holds an address."""
    attributes: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, value) for every attribute."""
    text: list[str] = field(default_factory=list)
    """Visible text chunks (entities decoded)."""
    comments: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    title: str = ""
    """The text of ``<title>``, as a browser tab shows it."""
    scripts: list[Script] = field(default_factory=list)
    """Every script element in document order, with its text exactly as written."""
    policies: list[tuple[int, str]] = field(default_factory=list)
    """(element index, policy) for every ``<meta http-equiv="Content-Security-Policy">``."""

    @property
    def visible(self) -> str:
        """All visible text with whitespace collapsed, as a reader would copy it."""
        return " ".join(" ".join(self.text).split())


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._hidden = 0
        self._in_title = False
        self._script: tuple[dict[str, str], int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        for name, value in attrs:
            self.page.attributes.append((tag, name, value or ""))
            if name in URL_ATTRIBUTES:
                self.page.urls.append((tag, name, value or ""))
            if name in ("id", "name") and value:
                self.page.ids.add(value)
        if tag == "script":
            values = {name: value or "" for name, value in attrs}
            self._script = (values, len(self.page.elements) - 1, [])
        if tag == "meta":
            values = {name: value or "" for name, value in attrs}
            if values.get("http-equiv", "").lower() == "content-security-policy":
                self.page.policies.append((len(self.page.elements) - 1, values.get("content", "")))
        if tag in _HIDDEN:
            self._hidden += 1
        self._in_title = tag == "title"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self._hidden -= 1
        if tag == "script":
            self._end_script()

    def _end_script(self) -> None:
        if self._script is not None:
            attributes, index, body = self._script
            self.page.scripts.append(Script(attributes, "".join(body), index))
            self._script = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._end_script()
        if tag in _HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[2].append(data)
        if self._in_title:
            self.page.title += data
        if not self._hidden:
            self.page.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.page.comments.append(data)


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def read(path: Path) -> Page:
    return parse(path.read_text(encoding="utf-8"))


def pages(site: Path) -> dict[str, Page]:
    """Every HTML file of a built site, by path relative to the site."""
    return {p.relative_to(site).as_posix(): read(p) for p in sorted(site.rglob("*.html"))}


def article(path: Path) -> Page:
    """The main content of a Material page, without header, navigation and footer."""
    html = path.read_text(encoding="utf-8")
    start = html.index("<article")
    end = html.index("</article>", start)
    return parse(html[start : end + len("</article>")])
