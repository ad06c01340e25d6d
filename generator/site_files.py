"""The site's non-page files: open data, the Atom feed, the JSON Schemas and the report PDF.

Produced after MkDocs has written the pages, straight into the site folder.
Everything is built in memory first, so a failure leaves no half-written set.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import downloads, export, feed, folders, pdf, render
from .changes import edition_changes
from .model import Dataset
from .write import write_atomic


def _link(base: str, path: str) -> str:
    return base + path


def report_pdf(data: Dataset, cache_dir: Path | None) -> bytes:
    """The report as PDF, reused from ``cache_dir`` when its HTML is unchanged.

    WeasyPrint is by far the slowest step of a build (about 10 s at 1,000
    points), and the report's HTML only changes when a decision or status
    does, so rebuilds and mike's builds of several editions reuse it.
    """
    document = render.report_document(data)
    if cache_dir is None:
        return pdf.html_to_pdf(document)
    folders.claim(cache_dir, folders.CACHE, "cache_dir", str(cache_dir), folders.older_cache)
    key = hashlib.sha256(document.encode("utf-8")).hexdigest()
    cached = cache_dir / f"rapport-{key}.pdf"
    try:
        return cached.read_bytes()
    except FileNotFoundError:
        pass  # not made yet, or another build of the project just replaced it
    content = pdf.html_to_pdf(document)
    # Only the reports: the folder is ours (claimed above), its other files are not.
    for old in cache_dir.glob("rapport-*.pdf"):
        if old != cached:
            old.unlink(missing_ok=True)
    write_atomic(cached, content)
    return content


def files(
    data: Dataset,
    schemas: tuple[Path, ...],
    site_url: str = "",
    *,
    with_pdf: bool = True,
    cache_dir: Path | None = None,
) -> dict[str, bytes]:
    """Relative path in the site -> content, for every non-page file.

    Links in the feed are absolute when ``site_url`` is known, else relative
    to the feed's own address, which is the site's root. ``with_pdf=False``
    leaves out the report PDF (the live preview does, to stay quick).
    """
    result = {
        downloads.FOLLOWUPS_JSON: export.as_json(export.followups_document(data)),
        downloads.AREAS_JSON: export.as_json(export.areas_document(data)),
        downloads.FOLLOWUPS_CSV: export.followups_csv(data),
        downloads.STATUSES_CSV: export.statuses_csv(data),
        downloads.AREAS_CSV: export.areas_csv(data),
        downloads.FEED: feed.atom(
            data,
            edition_changes(data),
            f"{data.council.name}: endringer i oppfølgingspunktene",
            site_url,
            lambda edition_id: (
                _link(site_url, "endringer/") + (f"#utgave-{edition_id}" if edition_id else "")
            ),
            lambda point_id: _link(site_url, render.page_url(f"oppfolgingspunkter/{point_id}.md")),
        ),
    }
    if with_pdf:
        result[downloads.report_pdf(data)] = report_pdf(data, cache_dir)
    for schema in schemas:
        result[f"{downloads.SCHEMA_DIR}/{schema.name}"] = schema.read_bytes()
    return result


def write_files(site_dir: Path, content: dict[str, bytes]) -> None:
    for rel, data in sorted(content.items()):
        write_atomic(site_dir / rel, data)
