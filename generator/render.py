"""Render the model into Markdown pages with the Jinja2 templates in ``templates/``.

Every ``{{ value }}`` is escaped by default (``finalize``), so a template that
forgets a filter shows text literally instead of letting it become markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from urllib.parse import quote

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import escape
from .model import Dataset, Followup
from .schema import AREA_STATUSES, STATES

LOCALE = "nb_NO"


def norwegian_date(value: dt.date) -> str:
    """«30. januar 2026»."""
    return format_date(value, format="long", locale=LOCALE)


_URL_SAFE = re.compile(r"[a-z0-9-]+")


def url_part(value: str) -> Markup:
    """A path segment for a link target; ids are validated, this is a second guard."""
    text = str(value)
    if _URL_SAFE.fullmatch(text):  # every valid id: quote() would change nothing
        return Markup(text)
    return Markup(quote(text, safe=""))


def state_slug(state: str) -> str:
    """A CSS-safe name for a state: «pågår» -> «pagar»."""
    return state.translate(str.maketrans("åæøÅÆØ", "aaoAAO"))


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean reached a template unformatted")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return escape.inline(norwegian_date(value))
    return escape.inline(value)


@functools.cache
def environment() -> Environment:
    """The one Jinja environment; cached so that `mkdocs serve`, which runs the
    plugin again on every edit in the same process, compiles the templates once."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = lambda d: escape.inline(norwegian_date(d))
    env.filters["url"] = url_part
    env.filters["paragraphs"] = escape.paragraphs
    env.filters["html"] = escape.html
    env.filters["inline"] = escape.inline
    env.filters["path"] = lambda p: Markup(quote(str(p), safe="/"))
    env.filters["state_slug"] = state_slug
    env.globals["STATES"] = STATES
    env.globals["AREA_STATUSES"] = AREA_STATUSES
    return env


def point_page(point: Followup) -> str:
    """Where a point's page lives, relative to the docs folder."""
    return f"oppfolgingspunkter/{point.id}.md"


def render_site(data: Dataset, today: dt.date) -> dict[str, str]:
    """All generated pages: path relative to the docs folder -> Markdown."""
    env = environment()
    common = {"data": data, "council": data.council, "today": today}
    latest = data.latest_edition
    counts = Counter(p.current.state for p in data.followups if p.current)
    pages = {
        "index.md": env.get_template("index.md.j2").render(
            **common, latest=latest, counts=counts
        ),
        "oppfolgingspunkter/index.md": env.get_template("overview.md.j2").render(**common),
        "ipo/index.md": env.get_template("ipo.md.j2").render(**common),
        "seminarer/index.md": env.get_template("seminars.md.j2").render(**common),
    }
    point_template = env.get_template("followup.md.j2")
    points = data.followups
    for index, point in enumerate(points):
        pages[point_page(point)] = point_template.render(
            **common,
            point=point,
            previous=points[index - 1] if index > 0 else None,
            next=points[index + 1] if index + 1 < len(points) else None,
        )
    return pages
