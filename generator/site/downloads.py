"""The files the open data page lists, in its order, with what each holds."""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Dataset
from generator.site import addresses, report
from generator.site.addresses import Addresses
from generator.words import Words


@dataclass(frozen=True)
class Download:
    path: str
    """Relative to the site's root."""
    title: str
    format: str
    description: str


def _open_data(at: Addresses, w: Words) -> list[Download]:
    return [
        Download(at.followups_json, w("downloads.followups_json"), "JSON", w("downloads.followups_json_text")),
        Download(at.followups_csv, w("downloads.followups_csv"), "CSV", w("downloads.followups_csv_text")),
        Download(at.statuses_csv, w("downloads.statuses_csv"), "CSV", w("downloads.statuses_csv_text")),
        Download(at.areas_json, w("downloads.areas_json"), "JSON", w("downloads.areas_json_text")),
        Download(at.areas_csv, w("downloads.areas_csv"), "CSV", w("downloads.areas_csv_text")),
        Download(at.feed, w("downloads.feed"), "Atom", w("downloads.feed_text")),
    ]  # fmt: skip


def _schemas(schema_names: tuple[str, ...], at: Addresses, w: Words) -> list[Download]:
    return [
        Download(at.schema(name), name, "JSON Schema", w("downloads.schema_text"))
        for name in schema_names
    ]


def every_file(
    data: Dataset, schema_names: tuple[str, ...], at: Addresses | None = None
) -> tuple[Download, ...]:
    """Every downloadable file, in the order the open data page lists them;
    ``at`` defaults to the addresses of the council's language."""
    w = addresses.words_of(data)
    at = at or addresses.for_words(w)
    return (*_open_data(at, w), *report_pdfs(data, at), *_schemas(schema_names, at, w))


def report_pdfs(data: Dataset, at: Addresses | None = None) -> tuple[Download, ...]:
    """The report's PDFs, one per seminar, each titled as the PDF itself is."""
    w = addresses.words_of(data)
    return tuple(
        Download(pdf.path, pdf.title, "PDF", w("downloads.report_text"))
        for pdf in report.pdfs(data, at)
    )


def stable_downloads(
    data: Dataset, schema_names: tuple[str, ...], at: Addresses | None = None
) -> tuple[Download, ...]:
    """The files a published site also keeps at its root for the newest edition,
    at addresses that never change (``publish``): the feed and the open data."""
    w = addresses.words_of(data)
    at = at or addresses.for_words(w)
    return (*_open_data(at, w), *_schemas(schema_names, at, w))
