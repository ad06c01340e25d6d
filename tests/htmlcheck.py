"""The HTML reading the tests share; it lives in ``sitecheck.html``, which the
site checks use too, so tests and CI read pages the same way."""

from html.parser import HTMLParser
from pathlib import Path

from sitecheck.html import URL_ATTRIBUTES, Page, article, pages, parse, read

__all__ = ["URL_ATTRIBUTES", "Page", "article", "duplicate_ids", "pages", "parse", "read"]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value is not None]


def duplicate_ids(site: Path) -> dict[str, list[str]]:
    """Pages of a built site on which two elements share an id: path -> those ids."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        reader = _Ids()
        reader.feed(path.read_text(encoding="utf-8"))
        seen: set[str] = set()
        repeated = {i for i in reader.ids if i in seen or seen.add(i)}  # type: ignore[func-returns-value]
        if repeated:
            found[path.relative_to(site).as_posix()] = sorted(repeated)
    return found
