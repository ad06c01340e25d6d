"""``python -m generator serve`` (what ``make serve`` runs) on a free port, for the tests.

Every request has a timeout, and waiting is by polling: a preview that hangs
fails the test instead of stalling it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

REQUEST_TIMEOUT = 5.0
"""No request to the preview may take longer: MkDocs' server used to hold them for good."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Answer:
    status: int
    body: str


def get(url: str) -> Answer:
    """One request; raises TimeoutError when the preview does not answer in time."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return Answer(response.status, response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.read().decode("utf-8"))


def wait_for(check: Callable[[], bool], what: str, deadline: float = 120.0) -> float:
    """Poll ``check`` until it holds; the seconds that took."""
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        try:
            if check():
                return time.monotonic() - start
        except (ConnectionError, urllib.error.URLError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"the preview never {what} ({deadline:.0f} s)")


@dataclass
class Preview:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def serving(project: Path, *extra: str) -> Iterator[Preview]:
    """The preview of ``project`` until the block ends, then Ctrl-C (and a kill if need be)."""
    port = free_port()
    log = project.parent / f"serve-{port}.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--addr", f"127.0.0.1:{port}", *extra],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=_default_sigint,
        )
    preview = Preview(f"http://127.0.0.1:{port}/", process, log)
    try:
        wait_for(
            lambda: process.poll() is None and get(preview.url).status in (200, 404),
            f"started; its output:\n{log}",
        )
        yield preview
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
