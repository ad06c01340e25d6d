"""The page_references cache returns what pydyf would, and leaves the PDF as it was."""

from __future__ import annotations

import io
import threading

import pydyf
from pypdf import PdfReader

from generator.site import page_references, pdf

DOCUMENT = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Prøve</title>
<style>section { break-after: page; }</style></head>
<body>{sections}</body></html>"""


def _document(pages: int) -> str:
    sections = "".join(
        f'<section><h2 id="p{i}">Punkt {i}</h2><p>Tekst {i}.</p>'
        f'<ul><li><a href="#p{(i + 1) % pages}">Neste</a></li></ul></section>'
        for i in range(pages)
    )
    return DOCUMENT.replace("{sections}", sections)


def _page(pdf_: pydyf.PDF) -> None:
    pdf_.add_page(pydyf.Dictionary({"Type": "/Page", "Parent": pdf_.pages.reference}))


def test_the_cached_property_follows_pages_as_they_are_added() -> None:
    document = pydyf.PDF()
    with page_references.cached():
        assert document.page_references == ()
        for count in range(1, 6):
            _page(document)
            _page(pydyf.PDF())  # another document's pages are its own
            cached = document.page_references
            assert cached is document.page_references, "read twice, built once"
            with page_references.cached():  # nested: still the same cache
                assert document.page_references is cached
            assert len(cached) == count
    # pydyf's own again after the block, and the same references
    assert pydyf.PDF.__dict__["page_references"] is page_references._ORIGINAL
    assert document.page_references == cached
    assert document.page_references is not document.page_references


def test_other_threads_get_pydyfs_own_while_we_write() -> None:
    document = pydyf.PDF()
    _page(document)
    seen: list[bool] = []
    with page_references.cached():
        thread = threading.Thread(
            target=lambda: seen.append(document.page_references is document.page_references)
        )
        thread.start()
        thread.join()
    assert seen == [False]


def test_the_pdf_is_the_same_bytes_with_and_without_the_cache() -> None:
    from weasyprint import HTML

    document = _document(12)
    without = HTML(string=document).write_pdf(pdf_variant="pdf/ua-1")
    with_cache = pdf.html_to_pdf(document)
    assert with_cache == without
    assert len(PdfReader(io.BytesIO(with_cache)).pages) == 12
