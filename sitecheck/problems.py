"""One problem found on a built site, and where a person fixes it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SiteProblem:
    """Something wrong on one page, worded for the person who edits the data."""

    page: str
    """The page's file in the built site, for example «om/index.html»."""
    message: str
    """The whole message; it names the page itself."""
    check: str
    """Which check found it: the title of its annotation."""
    file: str | None = None
    """The file in the repository to fix, when it is known (a page in content/)."""
    line: int | None = None
    column: int | None = None

    @property
    def where(self) -> str:
        """``file:line:column`` in the repository when known, else the page in the site."""
        if self.file is None:
            return f"site/{self.page}"
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


def address(page: str) -> str:
    """The address a reader types for a page file: «om/index.html» -> «om/», root -> «/»."""
    if page == "index.html":
        return "/"
    return page.removesuffix("index.html")


class SiteCheckError(Exception):
    """The check could not run (no site, no browser); the message says what to do."""
