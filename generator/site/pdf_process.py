"""The report PDF, made in its own process while MkDocs renders the pages, and
kept in the cache folder for later builds.

WeasyPrint takes most of a build's time and memory at a thousand points and
more (issue 14). In its own process its memory is never added to MkDocs',
and on a machine with two cores its time overlaps MkDocs' page rendering:
the plugin starts it as soon as the data is loaded (``start``) and collects
it after the pages are written (``Job.result``).

The cache keeps one PDF per distinct report document (the SHA-256 of its
HTML), the ``KEEP`` most recently used, so building several editions one
after another (``publish --all``, mike) reuses each edition's report.

    python -m generator.site.pdf_process < report.html > report.pdf
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from generator.site import folders
from generator.site.write import write_atomic

KEEP = 16
"""Reports kept in the cache, the most recently used: more than the editions a
publish builds, few enough that the folder stays small (a PDF at 1,000
points is about 1 MB)."""

PREFIX = "rapport-"
PARENT_ENV = "COUNCIL_PDF_PARENT"
"""The build's process id, given to the PDF process: read at its start, a
parent that was killed meanwhile would already be replaced by init."""


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
    wall: float
    """From start to the end of the process."""


def cache_key(document: str) -> str:
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def cached(cache_dir: Path, key: str) -> bytes | None:
    """The cached report, marked as just used; None when there is none."""
    path = cache_dir / f"{PREFIX}{key}.pdf"
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None  # not made yet, or pruned by another build just now
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(path)
    return content


def store(cache_dir: Path, key: str, content: bytes, keep: int = KEEP) -> None:
    """Add a report to the cache; remove all but the ``keep`` most recently used."""
    path = cache_dir / f"{PREFIX}{key}.pdf"
    write_atomic(path, content)
    # Only the reports: the folder is ours (claimed), its other files are not.
    reports: list[tuple[float, Path]] = []
    for old in cache_dir.glob(f"{PREFIX}*.pdf"):
        try:
            reports.append((old.stat().st_mtime, old))
        except FileNotFoundError:
            continue  # pruned by another build at the same moment
    reports.sort(reverse=True)
    for _, old in reports[keep:]:
        if old != path:
            old.unlink(missing_ok=True)


_running: weakref.WeakSet[Job] = weakref.WeakSet()


class Job:
    """The report PDF: taken from the cache, or being made by a child process."""

    def __init__(
        self,
        key: str,
        cache_dir: Path | None,
        content: bytes | None = None,
        process: subprocess.Popen[bytes] | None = None,
        output: IO[bytes] | None = None,
        errors: IO[bytes] | None = None,
    ) -> None:
        self.key = key
        self.cache_dir = cache_dir
        self.from_cache = content is not None
        self.usage: Usage | None = None
        self._content = content
        self._process = process
        self._output = output
        self._errors = errors
        self._started = time.perf_counter()
        if process is not None:
            _running.add(self)

    def result(self) -> bytes:
        """The PDF, waiting for its process; stored in the cache when made."""
        if self._content is not None:
            return self._content
        if self._process is None or self._output is None or self._errors is None:
            raise PdfFailed("PDF-en av rapporten ble avbrutt før den var ferdig.")
        try:
            _, status, usage = os.wait4(self._process.pid, 0)
        except ChildProcessError:
            raise PdfFailed("PDF-en av rapporten ble avbrutt før den var ferdig.") from None
        self._process.returncode = code = os.waitstatus_to_exitcode(status)
        self.usage = Usage(
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss * 1024,  # Linux gives KiB
            time.perf_counter() - self._started,
        )
        _running.discard(self)
        self._output.seek(0)
        content = self._output.read()
        self._errors.seek(0)
        errors = self._errors.read().decode("utf-8", errors="replace")
        self._close()
        if code != 0 or not content.startswith(b"%PDF"):
            raise PdfFailed(_failure(code, errors))
        self._content = content
        if self.cache_dir is not None:
            store(self.cache_dir, self.key, content)
        return content

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


def _failure(code: int, errors: str) -> str:
    lines = [line for line in errors.strip().splitlines() if line.strip()]
    last = lines[-1].strip() if lines else "ingen melding"
    how = f"avsluttet med kode {code}" if code >= 0 else f"stoppet av signal {-code}"
    return f"PDF-en av rapporten kunne ikke lages: WeasyPrint {how} ({last})."


def start(document: str, cache_dir: Path | None) -> Job:
    """The report PDF of ``document``: from the cache, or started in a child process."""
    key = cache_key(document)
    if cache_dir is not None:
        folders.claim(cache_dir, folders.CACHE, "cache_dir", str(cache_dir), folders.older_cache)
        content = cached(cache_dir, key)
        if content is not None:
            return Job(key, cache_dir, content=content)
    # Files, not pipes: the document goes in without waiting for the child to
    # read it, and neither the PDF nor WeasyPrint's warnings can fill a pipe
    # and stall the child while the build does other work.
    source = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, the child has its own
    source.write(document.encode("utf-8"))
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
            [sys.executable, "-m", "generator.site.pdf_process"],
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
    return Job(key, cache_dir, process=process, output=output, errors=errors)


def make(document: str, cache_dir: Path | None) -> bytes:
    """The report PDF, waiting for it."""
    return start(document, cache_dir).result()


@atexit.register
def _stop_all() -> None:
    # A build that ends without collecting its PDF (an exception MkDocs does
    # not hand to on_build_error) leaves no process behind.
    for job in list(_running):
        job.cancel()


def _exit_with_parent(parent: int) -> None:
    """End this process when the build that started it is gone (killed)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(3)


def main() -> int:
    parent = int(os.environ.get(PARENT_ENV) or os.getppid())
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    from generator.site import pdf

    document = sys.stdin.buffer.read().decode("utf-8")
    content = pdf.html_to_pdf(document)
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
