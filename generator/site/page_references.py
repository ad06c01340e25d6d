"""A cache for pydyf's ``PDF.page_references`` while WeasyPrint writes our PDF.

pydyf builds the tuple of every page's reference anew each time the property
is read, and WeasyPrint's PDF/UA tagging (``weasyprint/pdf/tags.py``) and
links (``anchors.py``) read it once per tagged element: the time grows with
pages x elements, quadratic in the points (see
docs/upstream/pydyf-page-references.md). The cached tuple is the same tuple
pydyf would build, so the PDF is byte for byte the same.

The patch is scoped: installed on ``pydyf.PDF`` while at least one of our
writes runs, and it caches only in the threads doing those writes; any other
reader of the property gets pydyf's own, uncached.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

import pydyf

_ORIGINAL: Any = pydyf.PDF.__dict__["page_references"]
"""pydyf's own property, restored when the last of our writes ends."""

_CACHE_ATTRIBUTE = "_council_page_references"
_install_lock = threading.Lock()
_writers = 0
_here = threading.local()


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    if not getattr(_here, "active", False):
        references: tuple[bytes, ...] = _ORIGINAL.fget(pdf)
        return references
    # Pages are only ever appended (add_page), so the number of kids tells
    # whether the cached tuple is still whole.
    kids = len(pdf.pages["Kids"])
    cached: tuple[int, tuple[bytes, ...]] | None = pdf.__dict__.get(_CACHE_ATTRIBUTE)
    if cached is None or cached[0] != kids:
        cached = (kids, _ORIGINAL.fget(pdf))
        pdf.__dict__[_CACHE_ATTRIBUTE] = cached
    return cached[1]


_CACHED = property(_page_references, doc=_ORIGINAL.__doc__)


@contextlib.contextmanager
def cached() -> Iterator[None]:
    """Within the block, this thread reads ``page_references`` from a cache
    per PDF object, kept until a page is added."""
    global _writers
    with _install_lock:
        if _writers == 0:
            pydyf.PDF.page_references = _CACHED  # type: ignore[method-assign,assignment]
        _writers += 1
    outer = getattr(_here, "active", False)
    _here.active = True
    try:
        yield
    finally:
        _here.active = outer
        with _install_lock:
            _writers -= 1
            if _writers == 0:
                pydyf.PDF.page_references = _ORIGINAL  # type: ignore[method-assign]
