"""Render the model into Markdown pages with the Jinja2 templates in ``templates/``.

Every ``{{ value }}`` is escaped by default (``finalize``), so a template that
forgets a filter shows text literally instead of letting it become markup.

Each template sees exactly the names its context declares (a ``TypedDict``
per page, as MkDocs' ``utils/templates.py`` does), built here: the counting,
sorting and wording happen in Python, the templates only place the results.
The reader's words come from the council's catalogue (``generator.words``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TypedDict
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import words
from generator.data.model import Area, Council, Dataset, Edition, Followup, Seminar, Status, Unit
from generator.data.schema import AREA_STATUSES, STATES
from generator.site import addresses, chart, downloads, escape, passthrough, report, selections
from generator.site.addresses import Addresses
from generator.site.downloads import Download
from generator.site.edition_changes import EditionChanges, edition_changes
from generator.site.selections import state_label
from generator.words import Words


def norwegian_date(value: dt.date) -> str:
    """«30. januar 2026» (bokmål: the secretariat's messages use it too)."""
    return words.of().date(value)


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


@functools.lru_cache(maxsize=256)
def state_badge(w: Words, state: str) -> Markup:
    """A state as a badge: the name is always written, the colour only helps.

    Cached (a catalogue is compared by identity): the same few badges are
    written once per status on every listing, some 14,000 times at 1,000 points."""
    # «state--closed» marks every closed state with a tick, so a new closed
    # state in the schema needs only its colour in reader.css.
    closed = " state--closed" if STATES[state].closed else ""
    return Markup('<span class="state state--{}{}">{}</span>').format(
        state_slug(state), closed, state_label(w, state)
    )


def overdue_mark(w: Words, point: Followup, today: dt.date) -> Markup:
    """«Forfalt» when the deadline has passed and the point is still open."""
    return (
        Markup('<strong class="overdue">{}</strong>').format(w("point.overdue"))
        if point.is_overdue(today)
        else Markup("")
    )


def status_text(w: Words, status: Status) -> Markup:
    """A status's text as paragraphs; in a preview of a round in progress, a
    placeholder says in words that it is not filled in (not by colour alone)."""
    text = escape.paragraphs(status.text)
    if not status.unfilled:
        return text
    label = Markup('<p class="unfilled__label"><strong>{}:</strong> {}</p>').format(
        w("point.unfilled_label"), w("point.unfilled_text")
    )
    return Markup('<div class="unfilled">\n{}\n\n{}\n</div>').format(label, text)


def _finalize(w: Words) -> Callable[[object], object]:
    def finalize(value: object) -> object:
        if isinstance(value, Markup):
            return value
        if isinstance(value, bool):
            raise TypeError("a boolean reached a template unformatted")
        if isinstance(value, int):
            return str(value)
        if isinstance(value, dt.date):
            return escape.inline(w.date(value))
        return escape.inline(value)

    return finalize


@functools.cache
def environment(w: Words | None = None) -> Environment:
    """The Jinja environment of one language; cached so that `mkdocs serve`,
    which runs the plugin again on every edit in the same process, compiles
    the templates once."""
    w = w or words.of()
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        finalize=_finalize(w),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Filters and functions only: what a page shows comes in its context.
    env.filters["date"] = lambda d: escape.inline(w.date(d))
    env.filters["url"] = url_part
    env.filters["paragraphs"] = escape.paragraphs
    env.filters["status_text"] = functools.partial(status_text, w)
    env.filters["html"] = escape.html
    env.filters["inline"] = escape.inline
    env.filters["path"] = lambda p: Markup(quote(str(p), safe="/"))
    env.filters["state_slug"] = state_slug
    env.filters["html_date"] = lambda d: escape.html(w.date(d))
    env.filters["page_url"] = addresses.link
    env.filters["in_sentence"] = w.in_sentence
    env.filters["passthrough"] = passthrough.mark
    env.globals["badge"] = functools.partial(state_badge, w)
    env.globals["overdue"] = functools.partial(overdue_mark, w)
    return env


def _reported_seminars(data: Dataset) -> int:
    return sum(1 for s in data.seminars if any(p.current for p in data.followups_of(s)))


def state_chart(data: Dataset, counts: Counter[str]) -> Markup:
    """The front page's bar chart of points per state."""
    w = addresses.words_of(data)
    bars = [chart.Bar(state_label(w, s), counts[s], f"bar--{state_slug(s)}") for s in STATES]
    title = w("chart.title", edition=w.in_sentence(data.latest_edition.title))
    return chart.bar_chart(bars, "state-chart", title)


def report_title(data: Dataset) -> str:
    """«Oppfølgingspunkter Politirådet i Oslo 2025 – status pr januar 2026»."""
    return report.title(data)


# The contexts: what each template may use.


class PageContext(TypedDict):
    """What every generated page sees."""

    w: Words
    """The council's catalogue: ``w.md("key", ...)`` in Markdown, ``w.html`` in raw HTML."""
    data: Dataset
    council: Council
    today: dt.date
    addresses: Addresses
    """Where the site's pages and files are, in the council's language."""
    slugs: dict[str, Markup]
    """Anchors and file name parts (the catalogue's ``slugs``)."""
    feed: str
    """The feed to subscribe to: on a published edition, the stable one beside versions.json."""
    root: Markup
    """From this page to the site root, for links in raw HTML (by address)."""
    docs_root: Markup
    """From this page to the docs folder, for Markdown links (by source file)."""


@dataclass(frozen=True)
class StateRow:
    label: str
    count: int
    page: str | None
    """The state's own listing; None when no point is in the state."""


class IndexContext(PageContext):
    latest: Edition
    point_count: int
    members: str
    chart: Markup
    state_rows: list[StateRow]
    latest_changes: EditionChanges
    latest_changes_link: Markup


@dataclass(frozen=True)
class Option:
    value: str
    text: str


@dataclass(frozen=True)
class OverviewRow:
    point: Followup
    position: int
    """The point's place in the overview's own order, for the script's sort."""
    seminar_position: int
    state_order: int
    state_slug: str
    responsible_slugs: str


class OverviewContext(PageContext):
    listing: selections.Listing
    overview_link: Markup
    """The whole overview, for a Markdown link from this page."""
    sort_name: str
    state_options: list[Option]
    seminar_options: list[Option]
    responsible_options: list[Option]
    facets: tuple[selections.Facet, ...]
    """The orders and selections this page links to (``selections.navigation``)."""
    rows_html: Markup
    """The table's rows, each rendered once per build (``overview_row.html.j2``)."""


class OverviewRowContext(TypedDict):
    """What one row of the overview's table sees: nothing of the page it is on
    but the way back to the site root, so a row renders once per build."""

    w: Words
    addresses: Addresses
    today: dt.date
    root: Markup
    row: OverviewRow
    for_script: bool
    """The overview's row carries what its script filters and sorts by; the
    other listings, which have no script, leave it out (a third of a row)."""


class ChangesContext(PageContext):
    history: tuple[EditionChanges, ...]


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    areas: tuple[Area, ...]
    by_status: list[int]
    """How many of the unit's areas have each area status, in AREA_STATUSES' order."""


class IpoContext(PageContext):
    unit_rows: list[UnitRow]
    totals: list[int]
    area_labels: dict[str, str]


@dataclass(frozen=True)
class SeminarSection:
    seminar: Seminar
    points: tuple[Followup, ...]


class SeminarsContext(PageContext):
    sections: list[SeminarSection]


class ReportContext(PageContext):
    title: str
    sections: list[report.Section]
    """Only the seminars with points that have a status, each with those points."""
    report_seminar_headings: bool
    pdfs: tuple[Download, ...]
    """The report as PDF, one file per seminar."""


@dataclass(frozen=True)
class Value:
    value: str
    meaning: str


class DataContext(PageContext):
    files: tuple[Download, ...]
    stable: tuple[Download, ...]
    state_values: list[Value]
    area_values: list[Value]


class FollowupContext(PageContext):
    point: Followup
    previous: Followup | None
    next: Followup | None


@dataclass(frozen=True)
class Rendering:
    """The generated pages and the raw HTML blocks in them."""

    pages: dict[str, str]
    """Path relative to the docs folder -> Markdown, as written to disk."""
    blocks: dict[str, passthrough.Blocks]
    """Path -> where its raw HTML blocks are, for ``passthrough.wrapped``."""


def render_site(
    data: Dataset,
    today: dt.date,
    schema_names: tuple[str, ...] = (),
    *,
    stable_files: bool = False,
    at: Addresses | None = None,
    skip: Collection[str] = (),
) -> Rendering:
    """All generated pages (``Rendering.pages``: path relative to the docs folder
    -> Markdown) and where their raw HTML blocks are.

    ``today`` decides which points are overdue; ``schema_names`` are the JSON
    Schema files the open data page links to. ``stable_files``: the site is a
    published version with the newest edition's feed and open data beside
    it, one level up (``publish``); the open data page points readers there.
    ``skip``: pages not to render, which the caller already has as they
    would come out (the preview's, for pages an edit did not touch: see
    ``incremental``); they are missing from the result.
    """
    w = addresses.words_of(data)
    n = at or addresses.for_words(w)
    env = environment(w)
    slugs = {
        key.removeprefix("slugs."): Markup(value)
        for key, value in w.entries.items()
        if key.startswith("slugs.")
    }
    pages: dict[str, str] = {}
    blocks: dict[str, passthrough.Blocks] = {}

    def common(path: str) -> PageContext:
        return PageContext(
            w=w,
            data=data,
            council=data.council,
            today=today,
            addresses=n,
            slugs=slugs,
            # On a published edition the feed to subscribe to is the one beside
            # versions.json, which always serves the newest edition.
            feed=(addresses.STABLE_ROOT if stable_files else "") + n.feed,
            root=Markup(addresses.page_root(path)),
            docs_root=Markup(addresses.docs_root(path)),
        )

    def add(path: str, template: str, context: PageContext) -> None:
        # The data is checked for ids that give two pages one address
        # (collisions.point_problems); this is the last guard.
        if path in pages:
            raise ValueError(f"two generated pages at {path}")
        if path in skip:
            return
        pages[path], found = passthrough.split(env.get_template(template).render(context))
        if found:
            blocks[path] = found

    latest = data.latest_edition
    counts = Counter(p.current.state for p in data.followups if p.current)
    history = edition_changes(data)
    path = "index.md"
    add(
        path,
        "index.md.j2",
        IndexContext(
            **common(path),
            latest=latest,
            point_count=sum(counts.values()),
            members=f" {w('common.and')} ".join(data.council.members),
            chart=state_chart(data, counts),
            state_rows=[
                StateRow(
                    state_label(w, s),
                    counts[s],
                    selections.state_page(s, n, w) if counts[s] else None,
                )
                for s in STATES
            ],
            latest_changes=history[0],
            latest_changes_link=Markup("{}#{}").format(
                Markup(quote(n.changes, safe="/")), url_part(n.edition_anchor(latest.id))
            ),
        ),
    )
    lookups = _lookups(data)
    row_template = env.get_template("overview_row.html.j2")
    row_cache: dict[tuple[str, str, bool], Markup] = {}

    def rows_html(points: tuple[Followup, ...], root: Markup, for_script: bool) -> Markup:
        # The sort orders and selections repeat the overview's rows: each row
        # is rendered once for each way back to the root and kind of row (two:
        # the overview's, for its script, and the selections' folder's) and joined.
        rendered = []
        for point in points:
            key = (point.id, str(root), for_script)
            html = row_cache.get(key)
            if html is None:
                row = _overview_row(point, lookups)
                context = OverviewRowContext(
                    w=w, addresses=n, today=today, root=root, row=row, for_script=for_script
                )
                html = Markup(row_template.render(context))
                row_cache[key] = html
            rendered.append(html)
        return Markup("").join(rendered)

    for listing in selections.listings(data, n):
        if listing.path in skip:
            continue  # its context alone is a table's worth of work
        context = common(listing.path)
        add(
            listing.path,
            "overview.md.j2",
            _overview(
                data,
                listing,
                context,
                w,
                lookups,
                rows_html(listing.points, context["root"], listing.is_overview),
            ),
        )
    add(n.ipo, "ipo.md.j2", _ipo(data, w, common(n.ipo)))
    add(
        n.seminars,
        "seminars.md.j2",
        SeminarsContext(
            **common(n.seminars),
            sections=[SeminarSection(s, data.followups_of(s)) for s in reversed(data.seminars)],
        ),
    )
    add(n.changes, "changes.md.j2", ChangesContext(**common(n.changes), history=history))
    sections = report.sections(data)
    add(
        n.report,
        "report.md.j2",
        ReportContext(
            **common(n.report),
            title=report_title(data),
            sections=sections,
            report_seminar_headings=len(sections) > 1,
            pdfs=downloads.report_pdfs(data, n),
        ),
    )
    add(
        n.data,
        "data.md.j2",
        DataContext(
            **common(n.data),
            files=downloads.every_file(data, schema_names, n),
            stable=downloads.stable_downloads(data, schema_names, n) if stable_files else (),
            state_values=[Value(s, selections.state_meaning(w, s)) for s in STATES],
            area_values=[Value(s, selections.area_status_meaning(w, s)) for s in AREA_STATUSES],
        ),
    )
    add(n.accessibility, "accessibility.md.j2", common(n.accessibility))
    points = data.followups
    for index, point in enumerate(points):
        path = n.point(point.id)
        if path in skip:
            continue
        add(
            path,
            "followup.md.j2",
            FollowupContext(
                **common(path),
                point=point,
                previous=points[index - 1] if index > 0 else None,
                next=points[index + 1] if index + 1 < len(points) else None,
            ),
        )
    return Rendering(pages, blocks)


def _overview(
    data: Dataset,
    listing: selections.Listing,
    common: PageContext,
    w: Words,
    lookups: _Lookups,
    rows_html: Markup,
) -> OverviewContext:
    parties = lookups.parties
    n = common["addresses"]
    return OverviewContext(
        **common,
        listing=listing,
        overview_link=common["docs_root"] + Markup(quote(n.overview, safe="/")),
        sort_name=w(f"overview.sort_{listing.sort}"),
        state_options=[Option(state_slug(s), state_label(w, s)) for s in STATES],
        seminar_options=[Option(s.id, s.title) for s in data.seminars if data.followups_of(s)],
        responsible_options=[Option(p.slug, p.name) for p in parties],
        facets=selections.navigation(listing, data, parties, n, w),
        rows_html=rows_html,
    )


def _overview_row(point: Followup, lookups: _Lookups) -> OverviewRow:
    return OverviewRow(
        point,
        lookups.positions[point.id],
        lookups.seminar_positions[point.seminar.id],
        selections.state_order(point),
        state_slug(point.current.state) if point.current else "",
        " ".join(lookups.party_slugs[name] for name in point.responsible),
    )


@dataclass(frozen=True)
class _Lookups:
    """What every overview page needs, computed once per build: the selection
    pages would otherwise each scan every point."""

    parties: tuple[selections.Party, ...]
    positions: dict[str, int]
    seminar_positions: dict[str, int]
    party_slugs: dict[str, str]


def _lookups(data: Dataset) -> _Lookups:
    parties = selections.responsible_parties(data)
    return _Lookups(
        parties,
        {p.id: index for index, p in enumerate(data.followups)},
        {s.id: index for index, s in enumerate(data.seminars)},
        {p.name: p.slug for p in parties},
    )


def _ipo(data: Dataset, w: Words, common: PageContext) -> IpoContext:
    statuses = list(AREA_STATUSES)
    rows = []
    for unit in data.units:
        areas = data.areas_of(unit)
        rows.append(UnitRow(unit, areas, [sum(a.status == s for a in areas) for s in statuses]))
    return IpoContext(
        **common,
        unit_rows=rows,
        # The counts per area status are taken here, not in the template, so
        # a new status needs no template change.
        totals=[sum(a.status == s for a in data.areas) for s in statuses],
        area_labels={s: selections.area_status_label(w, s) for s in statuses},
    )
