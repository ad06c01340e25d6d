"""The edition report as PDF, one per seminar: the documents Typst typesets
(``typesetting``) with ``templates/report.typ``, made from the data.

Typst replaced WeasyPrint (issue 14): at 1,000 points WeasyPrint took about
18 CPU seconds for the report, Typst 1.6 s for its 50 seminars' PDFs; and
one document per seminar keeps Typst's memory near 100 MB at any size,
where one for the whole edition took 913 MB at 5,000 points (bench/README.md).

Every text goes into the document's JSON as a string (``Document.source``),
which the template places, never as Typst markup.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from generator.data.model import Dataset, Followup
from generator.site import addresses, escape, report
from generator.site.addresses import Addresses
from generator.site.typesetting import Document


def _point(data: Dataset, point: Followup) -> dict[str, Any]:
    w = addresses.words_of(data)
    status = point.current
    assert status is not None  # the report holds only points with a status
    return {
        "number": point.number,
        "description": escape.blocks(point.description),
        "status": escape.blocks(status.text),
        "unfilled": (
            f"{w('point.unfilled_label')}: {w('point.unfilled_text')}" if status.unfilled else None
        ),
        "note": (
            w("report.status_from", edition=w.in_sentence(status.edition.title))
            if status.edition != data.latest_edition
            else None
        ),
    }


def documents(data: Dataset, at: Addresses | None = None) -> list[Document]:
    """One document per seminar in the report (``report.pdfs``)."""
    w = addresses.words_of(data)
    date = data.latest_edition.date
    timestamp = int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp())
    result = []
    for pdf in report.pdfs(data, at):
        source = {
            "title": pdf.title,
            "author": data.council.name,
            "lang": w("meta.html_lang"),
            "words": {"status": w("report.status"), "page_of": w("report.page_of")},
            "points": [_point(data, p) for p in pdf.section.points],
        }
        result.append(
            Document(pdf.path, pdf.title, json.dumps(source, ensure_ascii=False), timestamp)
        )
    return result
