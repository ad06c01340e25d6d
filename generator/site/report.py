"""What the edition report holds: the seminars with a status in this edition,
each with those points, its title, and the address of each seminar's PDF.

Shared by the report page (``render``), the open data page (``downloads``)
and the PDFs (``pdf``), so all three list the same seminars under the same
titles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.data.model import Dataset, Followup, Seminar
from generator.site import addresses
from generator.site.addresses import Addresses


@dataclass(frozen=True)
class Section:
    """One seminar's part of the report: its points that have a status."""

    seminar: Seminar
    points: tuple[Followup, ...]


@dataclass(frozen=True)
class SeminarPdf:
    """One seminar's PDF of the report."""

    section: Section
    path: str
    """Relative to the site's root."""
    title: str
    """The PDF's title and heading, and its link text."""


def sections(data: Dataset) -> list[Section]:
    """The seminars with at least one point that has a status, oldest first."""
    result = []
    for seminar in data.seminars:
        points = tuple(p for p in data.followups_of(seminar) if p.current)
        if points:
            result.append(Section(seminar, points))
    return result


def title(data: Dataset, seminars: Sequence[Seminar] | None = None) -> str:
    """«Oppfølgingspunkter Politirådet i Oslo 2025 – status pr januar 2026»:
    the council's own attachment's title, for ``seminars`` (by default every
    seminar in the report)."""
    w = addresses.words_of(data)
    chosen = [s.seminar for s in sections(data)] if seminars is None else seminars
    labels = [_label(data, s) for s in chosen]
    return w(
        "report.title",
        council=data.council.name,
        seminars=f" {w('common.and')} ".join(labels),
        edition=w.in_sentence(data.latest_edition.title),
    ).replace("  ", " ")


def _label(data: Dataset, seminar: Seminar) -> str:
    """The seminar's year, as the council writes it; with its own title too
    when another seminar was held the same year, so that no two PDFs share a
    title and their links are told apart by their text alone."""
    if seminar.date is None:
        return seminar.id
    year = seminar.date.year
    if sum(1 for s in data.seminars if s.date and s.date.year == year) > 1:
        return f"{year} ({seminar.title})"
    return str(year)


def pdfs(data: Dataset, at: Addresses | None = None) -> list[SeminarPdf]:
    """One PDF per seminar in the report, in the report's order; ``at``
    defaults to the addresses of the council's language."""
    at = at or addresses.of(data)
    edition = data.latest_edition.id
    return [
        SeminarPdf(
            section,
            at.report_pdf(edition, section.seminar.id),
            title(data, [section.seminar]),
        )
        for section in sections(data)
    ]
