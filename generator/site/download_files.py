"""The site's non-page files: open data, the Atom feed, the JSON Schemas and the report's PDFs.

Produced after MkDocs has written the pages, straight into the site folder.
Everything is built in memory first, so a failure leaves no half-written set.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from generator.data.model import Dataset
from generator.site import addresses, feed, open_data, pdf, pdf_process
from generator.site.addresses import Addresses
from generator.site.edition_changes import edition_changes
from generator.site.write import write_atomic


def as_directory(url: str) -> str:
    """``url`` ending in «/», so paths can be appended; empty stays empty.

    mike gives each version «SITE_URL» joined with the version and no
    trailing slash (``urljoin(site_url, version)``).
    """
    return url if not url or url.endswith("/") else url + "/"


def start_report_pdfs(
    data: Dataset, cache_dir: Path | None, at: Addresses | None = None
) -> pdf_process.Job:
    """The report's PDFs, one per seminar: each from ``cache_dir`` when its
    document is unchanged, the others started in their own process
    (``pdf_process``); ``Job.result`` waits for them.

    A seminar's document only changes when one of its decisions or statuses
    does, so a rebuild after an edit makes one PDF again, and builds of
    several editions reuse what they share.
    """
    return pdf_process.start(pdf.documents(data, at), cache_dir)


def files(
    data: Dataset,
    schemas: tuple[Path, ...],
    site_url: str = "",
    *,
    pages_url: str | None = None,
    with_pdf: bool = True,
    cache_dir: Path | None = None,
    report: pdf_process.Job | None = None,
    at: Addresses | None = None,
) -> dict[str, bytes]:
    """Relative path in the site -> content, for every non-page file.

    Links in the feed lead to the pages under ``pages_url`` (by default the
    site's own address, ``site_url``). They are absolute when the address is
    known, else relative to the feed's own address, which is the site's root.
    ``with_pdf=False`` leaves out the report's PDFs (the live preview does, to
    stay quick). ``report``: the PDFs started earlier (``start_report_pdfs``).
    """
    base = as_directory(site_url)
    pages = base if pages_url is None else pages_url
    w = addresses.words_of(data)
    at = at or addresses.for_words(w)
    changes = pages + str(addresses.link(at.changes))
    result = {
        at.followups_json: open_data.as_json(open_data.followups_document(data)),
        at.areas_json: open_data.as_json(open_data.areas_document(data)),
        at.followups_csv: open_data.followups_csv(data),
        at.statuses_csv: open_data.statuses_csv(data),
        at.areas_csv: open_data.areas_csv(data),
        at.feed: feed.atom(
            data,
            edition_changes(data),
            base,
            lambda edition_id: (
                changes + (f"#{at.edition_anchor(edition_id)}" if edition_id else "")
            ),
            lambda point_id: pages + str(addresses.link(at.point(point_id))),
        ),
    }
    if with_pdf:
        job = report or start_report_pdfs(data, cache_dir, at)
        result.update(job.result())
    for schema in schemas:
        result[at.schema(schema.name)] = schema.read_bytes()
    return result


def stable_files(
    data: Dataset,
    schemas: tuple[Path, ...],
    site_url: str,
    version: str,
    at: Addresses | None = None,
) -> dict[str, bytes]:
    """The newest edition's feed and open data for the root of the published
    site, beside versions.json, at addresses that never change.

    The feed's links lead into the edition's own version (``version/``), which
    stays where it is when a newer edition takes over the root. A sitemap
    index lies beside the feed: Material fetches the sitemap next to every
    ``<link rel=alternate>``, and search engines find the newest edition's
    sitemap through it.
    """
    base = as_directory(site_url)
    content = files(data, schemas, base, pages_url=f"{base}{version}/", with_pdf=False, at=at)
    content[addresses.SITEMAP] = sitemap_index(base, version)
    return content


def sitemap_index(site_url: str, version: str) -> bytes:
    """A sitemap index naming ``version``'s sitemap; empty without an absolute address,
    since sitemaps may only list absolute ones."""
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    ET.register_namespace("", ns)
    index = ET.Element(f"{{{ns}}}sitemapindex")
    if site_url:
        entry = ET.SubElement(index, f"{{{ns}}}sitemap")
        ET.SubElement(entry, f"{{{ns}}}loc").text = f"{site_url}{version}/{addresses.SITEMAP}"
    ET.indent(index)
    document: bytes = ET.tostring(index, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def write_files(site_dir: Path, content: dict[str, bytes]) -> None:
    """Write ``content`` into the site, leaving a file that already holds the
    same bytes alone: a dirty build or a preview rebuild otherwise rewrote
    every seminar's PDF and every open data file after any edit."""
    for rel, data in sorted(content.items()):
        target = site_dir / rel
        try:
            if not target.is_symlink() and target.read_bytes() == data:
                continue
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        write_atomic(target, data)
