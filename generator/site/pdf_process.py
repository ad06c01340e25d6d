"""The report's PDFs, one per seminar, made in their own process while MkDocs
renders the pages, and kept in the cache folder for later builds.

In its own process Typst's memory is never added to MkDocs', and on a
machine with two cores its time overlaps MkDocs' page rendering (issue 14):
the plugin starts it as soon as the data is loaded (``start``) and collects
it after the pages are written (``Job.result``). One process typesets every
seminar's document that the cache does not hold, one after another, so its
memory is that of the largest seminar, not of the whole edition.

The cache keeps one PDF per distinct seminar document (``typesetting.Document.key``),
the ``KEEP`` most recently used: an edit re-makes only its seminar's PDF, and
building several editions one after another (``publish --all``, mike) reuses
each edition's PDFs.

The process itself is ``typesetting.main``.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import weakref
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from generator.site import folders
from generator.site.typesetting import FAILED, FRAME_HEADER, PARENT_ENV, Document
from generator.site.write import write_atomic

KEEP = 1024
"""Seminar PDFs kept in the cache, the most recently used: every seminar of
several editions even at 5,000 points (250 seminars), few enough that the
folder stays small (a seminar of 20 points is about 60 KB)."""

PREFIX = "rapport-"


class PdfFailed(Exception):
    """The PDF process ended without a PDF; ``message`` says why, in Norwegian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Usage:
    """What the PDF process took, from ``os.wait4``."""

    cpu: float
    """User and system CPU seconds."""
    max_rss_bytes: int
    """The process's own peak memory, as it reports it (``VmHWM``). Linux's
    ``ru_maxrss`` of a child is at least the memory of the build it was forked
    from (the high-water mark survives ``exec``): at 5,000 points it said
    204 MB for a process that never held more than 105 MB. ``ru_maxrss`` only
    where the process could not say."""
    wall: float
    """From start to the end of the process."""


def cached(cache_dir: Path, key: str) -> bytes | None:
    """The cached PDF, marked as just used; None when there is none."""
    path = cache_dir / f"{PREFIX}{key}.pdf"
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None  # not made yet, or pruned by another build just now
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(path)
    return content


def store(
    cache_dir: Path,
    pdfs: Mapping[str, bytes],
    keep: int = KEEP,
    in_use: Collection[str] = (),
) -> None:
    """Add PDFs to the cache by key; remove all but the ``keep`` most recently
    used, never those just added nor those whose keys are ``in_use``."""
    for key, content in pdfs.items():
        write_atomic(cache_dir / f"{PREFIX}{key}.pdf", content)
    kept = {f"{PREFIX}{key}.pdf" for key in (*pdfs, *in_use)}
    # Only the reports: the folder is ours (claimed), its other files are not.
    reports: list[tuple[float, Path]] = []
    for old in cache_dir.glob(f"{PREFIX}*.pdf"):
        try:
            reports.append((old.stat().st_mtime, old))
        except FileNotFoundError:
            continue  # pruned by another build at the same moment
    reports.sort(reverse=True)
    for _, old in reports[keep:]:
        if old.name not in kept:
            old.unlink(missing_ok=True)


_running: weakref.WeakSet[Job] = weakref.WeakSet()

_INTERRUPTED = "PDF-ene av rapporten ble avbrutt før de var ferdige."


class Job:
    """The report's PDFs: taken from the cache, or being made by a child process."""

    def __init__(
        self,
        documents: Sequence[Document],
        cache_dir: Path | None,
        content: dict[str, bytes],
        process: subprocess.Popen[bytes] | None = None,
        output: IO[bytes] | None = None,
        errors: IO[bytes] | None = None,
    ) -> None:
        self.documents = tuple(documents)
        self.cache_dir = cache_dir
        self.made = tuple(d.path for d in documents if d.path not in content)
        """The PDFs the process makes (not found in the cache), by address."""
        self.usage: Usage | None = None
        self._content = content
        self._process = process
        self._output = output
        self._errors = errors
        self._started = time.perf_counter()
        if process is not None:
            _running.add(self)

    @property
    def from_cache(self) -> bool:
        """Every PDF came from the cache: no process was started."""
        return not self.made

    def result(self) -> dict[str, bytes]:
        """Each seminar's PDF by its address, waiting for the process; those
        it made are stored in the cache."""
        if self.from_cache:
            return self._ordered()
        if self._process is None or self._output is None or self._errors is None:
            raise PdfFailed(_INTERRUPTED)
        try:
            _, status, usage = os.wait4(self._process.pid, 0)
        except ChildProcessError:
            raise PdfFailed(_INTERRUPTED) from None
        self._process.returncode = code = os.waitstatus_to_exitcode(status)
        _running.discard(self)
        self._output.seek(0)
        output = read_output(self._output.read()) if code == 0 else None
        self._errors.seek(0)
        errors = self._errors.read().decode("utf-8", errors="replace")
        self._close()
        self.usage = Usage(
            usage.ru_utime + usage.ru_stime,
            (output and output.peak_rss_bytes) or usage.ru_maxrss * 1024,  # Linux gives KiB
            time.perf_counter() - self._started,
        )
        if output is None or len(output.pdfs) != len(self.made):
            raise PdfFailed(_failure(code, errors))
        pdfs = output.pdfs
        made = dict(zip(self.made, pdfs, strict=True))
        if self.cache_dir is not None:
            keys = {d.path: d.key for d in self.documents}
            store(
                self.cache_dir,
                {keys[path]: content for path, content in made.items()},
                in_use=keys.values(),
            )
        self._content.update(made)
        self.made = ()
        return self._ordered()

    def _ordered(self) -> dict[str, bytes]:
        return {d.path: self._content[d.path] for d in self.documents}

    def cancel(self) -> None:
        """Stop the process if it still runs (a failed or interrupted build)."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        _running.discard(self)
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._close()

    def _close(self) -> None:
        for handle in (self._output, self._errors):
            if handle is not None:
                handle.close()
        self._process = self._output = self._errors = None


@dataclass(frozen=True)
class Output:
    """What the process wrote: its PDFs, then its own peak memory."""

    pdfs: list[bytes]
    peak_rss_bytes: int | None


def read_output(output: bytes) -> Output | None:
    """The process's output: frames (each a length, then its bytes) of the
    PDFs, then one of JSON with its peak memory; None when the output is not
    that (cut short, or not PDFs)."""
    frames, at = [], 0
    while at < len(output):
        if at + FRAME_HEADER.size > len(output):
            return None
        (size,) = FRAME_HEADER.unpack_from(output, at)
        at += FRAME_HEADER.size
        frame = output[at : at + size]
        if len(frame) != size:
            return None
        frames.append(frame)
        at += size
    if not frames:
        return None
    *pdfs, last = frames
    if not all(p.startswith(b"%PDF") for p in pdfs):
        return None
    try:
        peak = json.loads(last)["peak_rss_bytes"]
    except (ValueError, TypeError, KeyError):
        return None
    return Output(pdfs, peak if isinstance(peak, int) else None)


def _failure(code: int, errors: str) -> str:
    lines = [line.strip() for line in errors.strip().splitlines() if line.strip()]
    if code == FAILED and lines:
        return lines[-1]  # the process's own sentence (``main``)
    last = lines[-1] if lines else "ingen melding"
    how = f"avsluttet med kode {code}" if code >= 0 else f"stoppet av signal {-code}"
    return f"PDF-ene av rapporten kunne ikke lages: prosessen som lager dem {how} ({last})."


def start(documents: Sequence[Document], cache_dir: Path | None) -> Job:
    """The PDFs of ``documents``: those in the cache from there, the others
    started in one child process."""
    content: dict[str, bytes] = {}
    if cache_dir is not None:
        folders.claim(cache_dir, folders.CACHE, "cache_dir", str(cache_dir), folders.older_cache)
        for document in documents:
            found = cached(cache_dir, document.key)
            if found is not None:
                content[document.path] = found
    missing = [d for d in documents if d.path not in content]
    if not missing:
        return Job(documents, cache_dir, content)
    # Files, not pipes: the documents go in without waiting for the child to
    # read them, and neither the PDFs nor Typst's warnings can fill a pipe
    # and stall the child while the build does other work.
    source = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, the child has its own
    source.write(json.dumps([as_json(d) for d in missing], ensure_ascii=False).encode("utf-8"))
    source.seek(0)
    # The job closes these when it has read them (or is cancelled).
    output = tempfile.TemporaryFile()  # noqa: SIM115
    errors = tempfile.TemporaryFile()  # noqa: SIM115
    package_root = str(Path(__file__).resolve().parents[2])
    env = {
        **os.environ,
        PARENT_ENV: str(os.getpid()),
        "PYTHONPATH": os.pathsep.join(
            p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator.site.typesetting"],
            stdin=source,
            stdout=output,
            stderr=errors,
            env=env,
        )
    except BaseException:
        output.close()
        errors.close()
        raise
    finally:
        source.close()  # the child has its own descriptor
    return Job(documents, cache_dir, content, process=process, output=output, errors=errors)


def as_json(document: Document) -> dict[str, object]:
    return {
        "path": document.path,
        "title": document.title,
        "source": document.source,
        "timestamp": document.timestamp,
    }


@atexit.register
def _stop_all() -> None:
    # A build that ends without collecting its PDFs (an exception MkDocs does
    # not hand to on_build_error) leaves no process behind.
    for job in list(_running):
        job.cancel()
