"""The report PDFs' own process and its cache of one PDF per seminar document."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site import folders, pdf_process, typesetting


def _document(points: int = 2, seminar: str = "2025", text: str = "Æ ø å.") -> typesetting.Document:
    title = f"Oppfølgingspunkter Rådet {seminar} – status pr januar 2026"
    source = {
        "title": title,
        "author": "Rådet",
        "lang": "nb",
        "words": {"status": "Status:", "page_of": " av "},
        "points": [
            {
                "number": n,
                "description": [[f"Vedtak {n}. {text}"]],
                "status": [[f"Status {n}. {text}"]],
                "unfilled": None,
                "note": None,
            }
            for n in range(1, points + 1)
        ],
    }
    return typesetting.Document(
        f"rapport/oppfolgingspunkter-seminar-{seminar}-2026-01.pdf",
        title,
        json.dumps(source, ensure_ascii=False),
        1769731200,
    )


DOCUMENT = _document()


def _report(cache: Path, name: str, age: float) -> Path:
    path = cache / f"{pdf_process.PREFIX}{name}.pdf"
    path.write_bytes(b"%PDF-" + name.encode())
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def test_the_cache_keeps_the_most_recently_used_reports(tmp_path: Path) -> None:
    old, used, middle = (_report(tmp_path, n, a) for n, a in (("a", 300), ("b", 200), ("c", 100)))
    other = tmp_path / "not-a-report.txt"
    other.write_text("x")
    assert pdf_process.cached(tmp_path, "b") == b"%PDF-b"  # used now: the newest
    assert pdf_process.cached(tmp_path, "missing") is None
    pdf_process.store(tmp_path, {"d": b"%PDF-d"}, keep=3)
    assert not old.exists()
    assert used.exists() and middle.exists() and other.exists()
    pdf_process.store(tmp_path, {"e": b"%PDF-e"}, keep=3)
    assert not middle.exists()
    assert sorted(p.name for p in tmp_path.glob("rapport-*.pdf")) == [
        "rapport-b.pdf",
        "rapport-d.pdf",
        "rapport-e.pdf",
    ]


def test_a_build_never_prunes_the_pdfs_it_uses(tmp_path: Path) -> None:
    _report(tmp_path, "old", 300)
    _report(tmp_path, "used", 200)
    pdf_process.store(tmp_path, {"new1": b"%PDF-1", "new2": b"%PDF-2"}, keep=1, in_use=["used"])
    assert sorted(p.name for p in tmp_path.glob("rapport-*.pdf")) == [
        "rapport-new1.pdf",
        "rapport-new2.pdf",
        "rapport-used.pdf",
    ]


def test_editions_built_one_after_another_each_find_their_pdfs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    documents = [DOCUMENT, _document(3, "2026")]
    first = pdf_process.start(documents, cache)
    assert not first.from_cache and first.made == tuple(d.path for d in documents)
    made = first.result()
    assert list(made) == [d.path for d in documents]
    assert all(content.startswith(b"%PDF") for content in made.values())
    assert made[DOCUMENT.path] == typesetting.typeset(DOCUMENT), "the process typesets as pdf does"
    assert first.usage is not None and first.usage.cpu > 0 and first.usage.max_rss_bytes > 0
    assert (cache / folders.MARKER).exists(), "the cache folder is claimed"
    other = [_document(text="Forrige utgave."), documents[1]]
    second = pdf_process.start(other, cache)
    assert second.made == (DOCUMENT.path,), "only the changed seminar is made again"
    assert second.result()[DOCUMENT.path] != made[DOCUMENT.path]
    for docs in (documents, other):
        again = pdf_process.start(docs, cache)
        assert again.from_cache and again.usage is None
        assert again.result() == {d.path: pdf_process.cached(cache, d.key) for d in docs}


def test_a_document_typst_refuses_is_one_sentence(tmp_path: Path) -> None:
    broken = dataclasses.replace(DOCUMENT, source="{}")  # no title: the template fails
    job = pdf_process.start([broken], tmp_path / "cache")
    with pytest.raises(pdf_process.PdfFailed) as failed:
        job.result()
    message = failed.value.message
    assert message.startswith(
        "PDF-en «Oppfølgingspunkter Rådet 2025 – status pr januar 2026» kunne ikke lages: "
        "Typst meldte «"
    ), message
    assert "\n" not in message and "Traceback" not in message
    assert not list((tmp_path / "cache").glob("rapport-*"))


def _fake_python(tmp_path: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "fake-python"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(fake))


def test_a_failed_pdf_process_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_python(
        tmp_path, "echo 'Traceback ...' >&2; echo 'OSError: ingen fonter' >&2; exit 2", monkeypatch
    )
    job = pdf_process.start([DOCUMENT], tmp_path / "cache")
    with pytest.raises(pdf_process.PdfFailed) as failed:
        job.result()
    assert failed.value.message == (
        "PDF-ene av rapporten kunne ikke lages: prosessen som lager dem avsluttet med kode 2 "
        "(OSError: ingen fonter)."
    )
    assert not list((tmp_path / "cache").glob("rapport-*"))


def test_a_cancelled_pdf_process_is_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_python(tmp_path, "exec sleep 60", monkeypatch)
    job = pdf_process.start([DOCUMENT], None)
    process = job._process
    assert process is not None and process.poll() is None
    job.cancel()
    assert process.returncode is not None
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)
    with pytest.raises(pdf_process.PdfFailed):
        job.result()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_killed_build_leaves_no_pdf_process() -> None:
    """SIGKILL gives the build no chance to stop its PDF: the PDF process
    notices its parent is gone and ends by itself."""
    build = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from generator.site import pdf_process\n"
            "from tests.unit.site.test_pdf_process import _document\n"
            "job = pdf_process.start([_document(4000, str(n)) for n in range(20)], None)\n"
            "print(job._process.pid, flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert build.stdout is not None
    pid = int(build.stdout.readline())
    assert _alive(pid)
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid), "the PDF process outlived the build"


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads /proc")
def test_the_usage_is_the_pdf_process_own_memory() -> None:
    """Linux's ru_maxrss of a child counts the build it was forked from; the
    process says its own peak instead, so the bench measures the PDF alone."""
    ballast = bytearray(400 * 2**20)
    ballast[:: 2**12] = b"\1" * len(ballast[:: 2**12])  # touched: resident
    job = pdf_process.start([DOCUMENT], None)
    job.result()
    del ballast
    assert job.usage is not None
    assert 0 < job.usage.max_rss_bytes < 300 * 2**20
