"""The edition report as PDF, one per seminar, typeset by Typst from
``templates/report.typ``.

Typst replaced WeasyPrint (issue 14): at 1,000 points WeasyPrint took about
18 CPU seconds for the report, Typst 1.6 s for its 50 seminars' PDFs; and
one document per seminar keeps Typst's memory near 100 MB at any size,
where one for the whole edition took 913 MB at 5,000 points (bench/README.md).

The data reaches the template only as JSON (``Document.source``, read there
from ``sys.inputs``): every text is a string the template places, never Typst
markup, so nothing an editor types can run as code. The compile's root is a
folder holding the template alone, so no other file can be read either, and
system fonts are ignored: the bytes depend only on the data, the template and
Typst's version.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from generator.data.model import Dataset, Followup
from generator.site import addresses, escape, report
from generator.site.addresses import Addresses

STANDARD: Final = "ua-1"
"""PDF/UA-1: tagged, so a screen reader follows the headings and the list."""


@dataclass(frozen=True)
class Document:
    """One seminar's PDF, before it is typeset."""

    path: str
    """Where it goes in the site, relative to its root."""
    title: str
    source: str
    """The JSON the template reads (``sys.inputs.report``)."""
    timestamp: int
    """The PDF's creation date (UNIX seconds): the edition's date, so the same
    data gives the same bytes on any day."""

    @property
    def key(self) -> str:
        """The cache key: everything the PDF's bytes depend on."""
        digest = hashlib.sha256()
        for part in (engine(), template().decode("utf-8"), str(self.timestamp), self.source):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


@functools.cache
def template() -> bytes:
    return importlib.resources.files("generator").joinpath("templates/report.typ").read_bytes()


@functools.cache
def engine() -> str:
    """Typst's version: a newer one may set the same document differently."""
    return "typst " + importlib.metadata.version("typst")


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


@contextlib.contextmanager
def typesetter() -> Iterator[Callable[[Document], bytes]]:
    """A function that typesets documents one after another, each into its
    tagged PDF; it raises ``typst.TypstError`` on failure. One Typst compiler
    for them all: its fonts and the parsed template are reused, a sixth of the
    CPU time at 250 seminars (bench/README.md)."""
    # Imported here: only the PDF process loads Typst (about 40 MB).
    import typst

    # A root that holds the template alone: it can read no other file,
    # whatever it were asked to.
    with tempfile.TemporaryDirectory(prefix="council-report-") as root:
        main = Path(root) / "report.typ"
        main.write_bytes(template())
        compiler = typst.Compiler(str(main), root=root, ignore_system_fonts=True)

        def typeset(document: Document) -> bytes:
            content = compiler.compile(
                format="pdf",
                sys_inputs={"report": document.source},
                pdf_standards=[STANDARD],
                timestamp=document.timestamp,
            )
            assert isinstance(content, bytes)
            return content

        yield typeset


def typeset(document: Document) -> bytes:
    """The tagged PDF of one document; raises ``typst.TypstError`` on failure."""
    with typesetter() as typeset_one:
        return typeset_one(document)
