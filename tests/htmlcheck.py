"""The HTML reading the tests share; it lives in ``sitecheck.html``, which the
site checks use too, so tests and CI read pages the same way."""

from sitecheck.html import URL_ATTRIBUTES, Page, article, pages, parse, read

__all__ = ["URL_ATTRIBUTES", "Page", "article", "pages", "parse", "read"]
