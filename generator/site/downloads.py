"""The files the open data page lists, in its order, with what each holds."""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Dataset
from generator.site.addresses import BOKMAL, Addresses


@dataclass(frozen=True)
class Download:
    path: str
    """Relative to the site's root."""
    title: str
    format: str
    description: str


def _open_data(at: Addresses) -> list[Download]:
    return [
        Download(at.followups_json, "Oppfølgingspunkter med all status", "JSON",
                 "Alle punktene med hele statushistorikken, i samme form som datafilen."),
        Download(at.followups_csv, "Oppfølgingspunkter med siste status", "CSV",
                 "Én rad per punkt med gjeldende tilstand og statustekst."),
        Download(at.statuses_csv, "Alle statuser", "CSV",
                 "Én rad per status per rapporteringsrunde, eldste først."),
        Download(at.areas_json, "IPO-områder", "JSON", "Enhetene og områdene, i samme form som datafilen."),
        Download(at.areas_csv, "IPO-områder", "CSV", "Én rad per område."),
        Download(at.feed, "Endringer per rapporteringsrunde", "Atom",
                 "Nyhetsstrøm med statusene fra hver rapporteringsrunde."),
    ]  # fmt: skip


def _schemas(schema_names: tuple[str, ...], at: Addresses) -> list[Download]:
    return [
        Download(at.schema(name), name, "JSON Schema", "Beskriver feltene i JSON-filene.")
        for name in schema_names
    ]


def listing(
    data: Dataset, schema_names: tuple[str, ...], at: Addresses = BOKMAL
) -> tuple[Download, ...]:
    """Every downloadable file, in the order the open data page lists them."""
    report = Download(
        at.report_pdf(data.latest_edition.id),
        data.latest_edition.title,
        "PDF",
        "Statusrapporten for utskrift.",
    )
    return (*_open_data(at), report, *_schemas(schema_names, at))


def stable_listing(schema_names: tuple[str, ...], at: Addresses = BOKMAL) -> tuple[Download, ...]:
    """The files a published site also keeps at its root for the newest edition,
    at addresses that never change (``publish``): the feed and the open data."""
    return (*_open_data(at), *_schemas(schema_names, at))
