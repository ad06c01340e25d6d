"""Typesetting the report's PDFs with Typst, and the process that does it.

``python -m generator.site.typesetting < documents.json > pdfs`` typesets
the documents it is given (``pdf_process.start`` runs it): a module of its
own, importing Typst and nothing of the data model, so the process starts in
a few hundredths of a second. ``pdf`` makes the documents from the data.

The data reaches the template only as JSON (``Document.source``, read there
from ``sys.inputs``): every text is a string the template places, never Typst
markup, so nothing an editor types can run as code. The compile's root is a
folder holding the template alone, so no other file can be read either, and
system fonts are ignored: the bytes depend only on the data, the template and
Typst's version.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import os
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

STANDARD: Final = "ua-1"
"""PDF/UA-1: tagged, so a screen reader follows the headings and the list."""

FAILED = 4
"""The PDF process's exit code when Typst refused a document; its last line
on stderr then says why, in Norwegian."""
PARENT_ENV = "COUNCIL_PDF_PARENT"
"""The build's process id, given to the PDF process: read at its start, a
parent that was killed meanwhile would already be replaced by init."""


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


FRAME_HEADER = struct.Struct(">Q")
"""What comes before each piece of the process's output: its length."""


def frame(content: bytes) -> bytes:
    return FRAME_HEADER.pack(len(content)) + content


def _peak_rss() -> int | None:
    """This process's peak resident memory (``VmHWM``), without what the
    process it was forked from had (see ``Usage.max_rss_bytes``)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024  # in kB
    return None


def _exit_with_parent(parent: int) -> None:
    """End this process when the build that started it is gone (killed)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(3)


def main() -> int:
    parent = int(os.environ.get(PARENT_ENV) or os.getppid())
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    import typst

    items = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    with typesetter() as typeset:
        for item in items:
            document = Document(item["path"], item["title"], item["source"], item["timestamp"])
            try:
                content = typeset(document)
            except typst.TypstError as exc:
                # One sentence for the build's message; Typst's own words inside it.
                detail = " ".join(str(exc.message).split())
                sys.stderr.write(
                    f"PDF-en «{document.title}» kunne ikke lages: Typst meldte «{detail}».\n"
                )
                return FAILED
            sys.stdout.buffer.write(frame(content))
    sys.stdout.buffer.write(frame(json.dumps({"peak_rss_bytes": _peak_rss()}).encode()))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
