"""A built site as the checks read it: its folder, its pages and the project it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import html
from .problems import SiteCheckError


@dataclass(frozen=True)
class Site:
    folder: Path
    """The built site, e.g. ``site/``."""
    pages: dict[str, html.Page]
    """Every HTML page, by its path in the site («om/index.html»)."""
    root: Path
    """The project: privacy_exceptions.yaml and the hand-written pages are read from here."""
    content: str = "content"
    """The folder of hand-written pages, relative to ``root``."""


def read_site(folder: Path, root: Path, content: str = "content") -> Site:
    """Read every page, or say how to build the site when there is none."""
    if not (folder / "index.html").is_file():
        raise SiteCheckError(
            f"Fant ikke noe bygget nettsted i {folder}: mappen mangler index.html. "
            "Bygg nettstedet først med «make site» (eller «python -m generator site»)."
        )
    return Site(folder, html.pages(folder), root, content)
