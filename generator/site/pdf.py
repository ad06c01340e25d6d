"""The edition report as PDF, printed by WeasyPrint from the report's HTML document."""

from __future__ import annotations


def html_to_pdf(document: str) -> bytes:
    """A tagged PDF (PDF/UA-1) of a complete HTML document with its own styles.

    Tagged so a screen reader can follow the headings and lists in the PDF too.
    """
    # Imported here: WeasyPrint is slow to import and only the build needs it.
    from weasyprint import HTML

    from generator.site import page_references

    with page_references.cached():
        pdf: bytes = HTML(string=document).write_pdf(pdf_variant="pdf/ua-1")
    return pdf
