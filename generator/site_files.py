"""The site's non-page files: open data, the Atom feed, the JSON Schemas and the report PDF.

Produced after MkDocs has written the pages, straight into the site folder.
Everything is built in memory first, so a failure leaves no half-written set.
"""

from __future__ import annotations

from pathlib import Path

from . import downloads, export, feed, pdf, render
from .changes import edition_changes
from .model import Dataset
from .write import write_atomic


def _link(base: str, path: str) -> str:
    return base + path


def files(data: Dataset, schemas: tuple[Path, ...], site_url: str = "") -> dict[str, bytes]:
    """Relative path in the site -> content, for every non-page file.

    Links in the feed are absolute when ``site_url`` is known, else relative
    to the feed's own address, which is the site's root.
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
        downloads.report_pdf(data): pdf.html_to_pdf(render.report_document(data)),
    }
    for schema in schemas:
        result[f"{downloads.SCHEMA_DIR}/{schema.name}"] = schema.read_bytes()
    return result


def write_files(site_dir: Path, content: dict[str, bytes]) -> None:
    for rel, data in sorted(content.items()):
        write_atomic(site_dir / rel, data)
