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

from generator.data.model import Dataset, Followup, Status
from generator.data.schema import AREA_STATUSES, STATES
from generator.site import addresses, chart, downloads, escape, selections
from generator.site.addresses import BOKMAL, Addresses
from generator.site.edition_changes import edition_changes

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
    """A CSS-safe name for a state, as the schema declares it: «pågår» -> «pagar»."""
    return STATES[state].slug


def state_badge(state: str) -> Markup:
    """A state as a badge: the name is always written, the colour only helps."""
    return Markup('<span class="state state--{}">{}</span>').format(
        state_slug(state), STATES[state].label
    )


def overdue_mark(point: Followup, today: dt.date) -> Markup:
    """«Forfalt» when the deadline has passed and the point is still open."""
    return (
        Markup('<strong class="overdue">Forfalt</strong>')
        if point.is_overdue(today)
        else Markup("")
    )


UNFILLED_LABEL = "Ikke fylt ut"


def status_text(status: Status) -> Markup:
    """A status's text as paragraphs; in a preview of a round in progress, a
    placeholder says in words that it is not filled in (not by colour alone)."""
    text = escape.paragraphs(status.text)
    if not status.unfilled:
        return text
    label = Markup(
        '<p class="unfilled__label"><strong>{}:</strong> statusen for denne runden er ikke '
        "skrevet ennå. Teksten under er plassholderen, og nettstedet kan ikke publiseres før "
        "den er byttet ut.</p>"
    ).format(UNFILLED_LABEL)
    return Markup('<div class="unfilled">\n{}\n\n{}\n</div>').format(label, text)


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
    env.filters["status_text"] = status_text
    env.filters["html"] = escape.html
    env.filters["inline"] = escape.inline
    env.filters["path"] = lambda p: Markup(quote(str(p), safe="/"))
    env.filters["state_slug"] = state_slug
    env.filters["html_date"] = lambda d: escape.html(norwegian_date(d))
    env.globals["listings"] = selections
    env.globals["badge"] = state_badge
    env.globals["overdue"] = overdue_mark
    env.filters["page_url"] = addresses.link
    env.globals["STATES"] = STATES
    env.globals["AREA_STATUSES"] = AREA_STATUSES
    return env


def _reported_seminars(data: Dataset) -> int:
    return sum(1 for s in data.seminars if any(p.current for p in data.followups_of(s)))


def state_chart(data: Dataset, counts: Counter[str]) -> Markup:
    """The front page's bar chart of points per state."""
    bars = [
        chart.Bar(state.label, counts[name], f"bar--{state.slug}") for name, state in STATES.items()
    ]
    title = f"Oppfølgingspunkter etter tilstand, {data.latest_edition.title.lower()}"
    return chart.bar_chart(bars, "state-chart", title)


def report_title(data: Dataset) -> str:
    """«Oppfølgingspunkter Politirådet i Oslo 2025 – status pr januar 2026»."""
    labels = [
        str(s.date.year) if s.date else s.id
        for s in data.seminars
        if any(p.current for p in data.followups_of(s))
    ]
    edition = data.latest_edition.title
    return f"Oppfølgingspunkter {data.council.name} {' og '.join(labels)} – {edition[:1].lower()}{edition[1:]}".replace(
        "  ", " "
    )


def report_document(data: Dataset) -> str:
    """The edition report as one HTML document with its own styles, for the PDF."""
    env = environment()
    return env.get_template("report.html.j2").render(
        data=data, title=report_title(data), report_seminar_headings=_reported_seminars(data) > 1
    )


def render_site(
    data: Dataset,
    today: dt.date,
    schema_names: tuple[str, ...] = (),
    *,
    stable_files: bool = False,
    at: Addresses = BOKMAL,
) -> dict[str, str]:
    """All generated pages: path relative to the docs folder -> Markdown.

    ``today`` decides which points are overdue; ``schema_names`` are the JSON
    Schema files the open data page links to. ``stable_files``: the site is a
    published version with the newest edition's feed and open data beside
    it, one level up (``publish``); the open data page points readers there.
    ``at`` gives every page its address and every link its target.
    """
    env = environment()
    # Computed once: the selection pages would otherwise each scan every point.
    parties = selections.responsible_parties(data)
    common = {
        "data": data,
        "council": data.council,
        "today": today,
        "parties": parties,
        "party_slugs": {p.name: p.slug for p in parties},
        # On a published edition the feed to subscribe to is the one beside
        # versions.json, which always serves the newest edition.
        "feed": (addresses.STABLE_ROOT if stable_files else "") + at.feed,
        "addresses": at,
        "stable_root": Markup(addresses.STABLE_ROOT),
    }
    latest = data.latest_edition
    counts = Counter(p.current.state for p in data.followups if p.current)
    positions = {p.id: index for index, p in enumerate(data.followups)}
    pages: dict[str, str] = {}

    def add(path: str, template: str, **context: object) -> None:
        # The data is checked for ids that give two pages one address
        # (collisions.point_problems); this is the last guard.
        if path in pages:
            raise ValueError(f"two generated pages at {path}")
        # root leads to the site root in raw HTML links (by address); docs_root
        # does the same for Markdown links, which MkDocs resolves by source file.
        pages[path] = env.get_template(template).render(
            **common,
            root=Markup(addresses.page_root(path)),
            docs_root=Markup(addresses.docs_root(path)),
            positions=positions,
            **context,
        )

    history = edition_changes(data)
    add(
        at.front,
        "index.md.j2",
        latest=latest,
        counts=counts,
        chart=state_chart(data, counts),
        latest_changes=history[0],
    )
    for listing in selections.listings(data, at):
        add(listing.path, "overview.md.j2", listing=listing)
    add(at.ipo, "ipo.md.j2")
    add(at.seminars, "seminars.md.j2")
    add(at.changes, "changes.md.j2", history=history)
    add(
        at.report,
        "report.md.j2",
        title=report_title(data),
        report_seminar_headings=_reported_seminars(data) > 1,
    )
    add(
        at.data,
        "data.md.j2",
        files=downloads.listing(data, schema_names, at),
        stable=downloads.stable_listing(schema_names, at) if stable_files else (),
    )
    add(at.accessibility, "accessibility.md.j2")
    points = data.followups
    for index, point in enumerate(points):
        add(
            at.point(point.id),
            "followup.md.j2",
            point=point,
            previous=points[index - 1] if index > 0 else None,
            next=points[index + 1] if index + 1 < len(points) else None,
        )
    return pages
