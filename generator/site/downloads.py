"""Where the site's non-page files live, so pages and the build agree on it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Dataset

DATA_DIR = "data"
SCHEMA_DIR = f"{DATA_DIR}/schema"
FOLLOWUPS_JSON = f"{DATA_DIR}/oppfolgingspunkter.json"
FOLLOWUPS_CSV = f"{DATA_DIR}/oppfolgingspunkter.csv"
STATUSES_CSV = f"{DATA_DIR}/statuser.csv"
AREAS_JSON = f"{DATA_DIR}/ipo-omrader.json"
AREAS_CSV = f"{DATA_DIR}/ipo-omrader.csv"
FEED = "endringer.xml"
"""At the root: Material fetches «sitemap.xml» beside every <link rel=alternate>
(for its language switch), so the feed must sit where the sitemap is."""
SITEMAP = "sitemap.xml"


def report_pdf(data: Dataset) -> str:
    """The edition report's PDF; named after the edition so versions never mix."""
    return f"rapport/oppfolgingspunkter-{data.latest_edition.id}.pdf"


@dataclass(frozen=True)
class Download:
    path: str
    """Relative to the site's root."""
    title: str
    format: str
    description: str


def _open_data() -> list[Download]:
    return [
        Download(FOLLOWUPS_JSON, "Oppfølgingspunkter med all status", "JSON",
                 "Alle punktene med hele statushistorikken, i samme form som datafilen."),
        Download(FOLLOWUPS_CSV, "Oppfølgingspunkter med siste status", "CSV",
                 "Én rad per punkt med gjeldende tilstand og statustekst."),
        Download(STATUSES_CSV, "Alle statuser", "CSV",
                 "Én rad per status per rapporteringsrunde, eldste først."),
        Download(AREAS_JSON, "IPO-områder", "JSON", "Enhetene og områdene, i samme form som datafilen."),
        Download(AREAS_CSV, "IPO-områder", "CSV", "Én rad per område."),
        Download(FEED, "Endringer per rapporteringsrunde", "Atom",
                 "Nyhetsstrøm med statusene fra hver rapporteringsrunde."),
    ]  # fmt: skip


def _schemas(schema_names: tuple[str, ...]) -> list[Download]:
    return [
        Download(f"{SCHEMA_DIR}/{name}", name, "JSON Schema", "Beskriver feltene i JSON-filene.")
        for name in schema_names
    ]


def listing(data: Dataset, schema_names: tuple[str, ...]) -> tuple[Download, ...]:
    """Every downloadable file, in the order the open data page lists them."""
    report = Download(
        report_pdf(data), data.latest_edition.title, "PDF", "Statusrapporten for utskrift."
    )
    return (*_open_data(), report, *_schemas(schema_names))


def stable_listing(schema_names: tuple[str, ...]) -> tuple[Download, ...]:
    """The files a published site also keeps at its root for the newest edition,
    at addresses that never change (``publish``): the feed and the open data."""
    return (*_open_data(), *_schemas(schema_names))
