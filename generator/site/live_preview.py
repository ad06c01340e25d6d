"""The local preview (``make serve``) always answers, and says what it shows.

MkDocs' server holds every request while a build runs, and after a failed
build until one succeeds ("The server will appear stuck until build errors are
resolved"). In serve mode the plugin therefore never fails a build because of
the data: a round in progress is built with its placeholders marked, and when
a saved file has errors the pages of the last good build stay as they are. What
the preview shows is said in a banner that the server adds to every HTML page
it sends (``attach``), so it is current on every page, also on those a dirty
build did not rewrite:

- a round with statuses left to fill in: «Utkast», how many, and which;
- data that could not be read: every problem with its file and line, and that
  the pages are the last ones without errors.

The server also lets its live-reload script through the pages' Content
Security Policy (``allow_live_reload``): that script is injected into each
response and never hashed at build time, so without it the browser would not
reload when a file is saved.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import ipaddress
import logging
import re
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from generator.data import schema
from generator.data.model import Dataset
from generator.data.problems import Problem
from generator.errors import UsageFailure
from generator.site.addresses import BOKMAL, link

log = logging.getLogger("mkdocs.plugins.council_followups")

DEFAULT_ADDRESS = "127.0.0.1:8000"


@dataclass(frozen=True)
class Unfilled:
    """A status the preview shows with its placeholder."""

    point: str
    label: str
    """«3. Handlingsplan mot …»."""


@dataclass
class State:
    """What the preview shows right now; written by builds, read by the server."""

    errors: tuple[Problem, ...] = ()
    """Why the data could not be read on the last build (then the pages are older)."""
    failure: str = ""
    """A build that failed for another reason (mkdocs.yml, a page), in words."""
    round_title: str = ""
    unfilled: tuple[Unfilled, ...] = ()
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def built(self, data: Dataset) -> None:
        """A build with good data: its placeholders, and no errors."""
        unfilled = tuple(
            Unfilled(point.id, f"{point.number}. {point.title}")
            for point in data.followups
            for status in point.statuses
            if status.unfilled
        )
        with self.lock:
            self.errors, self.failure = (), ""
            self.round_title = data.latest_edition.title
            self.unfilled = unfilled

    def failed(self, problems: Iterable[Problem]) -> None:
        """The data has errors: the last good pages stay, the banner lists the errors."""
        with self.lock:
            self.errors = tuple(sorted(p for p in problems if p.severity == "error"))

    def crashed(self, message: str) -> None:
        with self.lock:
            self.failure = message

    def banner(self, base: str) -> str:
        """The banner's HTML, or "" when the preview shows the data as it is."""
        with self.lock:
            errors, failure = self.errors, self.failure
            title, unfilled = self.round_title, self.unfilled
        parts = []
        if errors or failure:
            items = "".join(
                f"<li><code>{escape(p.position)}</code>: {escape(p.message)}</li>" for p in errors
            )
            if failure:
                items += f"<li>{escape(failure)}</li>"
            fix = "Rett feilen" if len(errors) + bool(failure) == 1 else "Rett feilene"
            parts.append(
                '<div class="council-preview council-preview--error" role="alert">'
                "<p><strong>Feil i datafilene: forhåndsvisningen viser den siste versjonen uten "
                f"feil.</strong> {fix} og lagre, så oppdateres siden av seg selv.</p>"
                f"<ul>{items}</ul></div>"
            )
        if unfilled:
            links = "".join(
                f'<li><a href="{escape(base)}{link(BOKMAL.point(u.point))}">'
                f"{escape(u.label)}</a></li>"
                for u in unfilled
            )
            statuses = "status" if len(unfilled) == 1 else "statuser"
            parts.append(
                '<div class="council-preview council-preview--draft" role="status">'
                f"<p><strong>Utkast:</strong> runden «{escape(title)}» er ikke ferdig utfylt. "
                f"{len(unfilled)} {statuses} står fortsatt med «{schema.PLACEHOLDER}», merket "
                "«Ikke fylt ut» på sidene. Nettstedet kan ikke publiseres før alle er fylt ut.</p>"
                f"<details><summary>Vis punktene</summary><ul>{links}</ul></details></div>"
            )
        return "".join(parts)


class AfterBuild:
    """Work the preview does after a rebuild, once its pages are served.

    MkDocs holds every request until a build returns, so the open data and the
    feed (a third of a rebuild at 1,000 points, and no page shows them) are
    written on a thread of their own once the pages are in place. The first
    build writes them before it returns, so every link to them resolves from
    the first page on; after an edit they follow the page by a fraction of a
    second. Each rebuild waits for the last one's files before it starts, so
    two never write at once.
    """

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._done_once = False

    def run(self, work: Callable[[], None]) -> None:
        """``work`` now (the first time) or on its own thread; its errors are logged."""
        self.wait()

        def guarded() -> None:
            try:
                work()
            except Exception as exc:  # a thread has no one to raise to
                log.error(f"Forhåndsvisningen kunne ikke skrive åpne data og nyhetsstrømmen: {exc}")

        if not self._done_once:
            self._done_once = True
            work()
            return
        self._thread = threading.Thread(target=guarded, name="preview-files", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Until the last ``run`` has finished."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None


DATA_POLL_SECONDS = 0.1
"""How often the preview looks at the data files for a save."""
QUIET_SECONDS = 2 * DATA_POLL_SECONDS
"""How long the data files must have been still before the preview rebuilds
(MkDocs' ``build_delay``, 0.1 s): more than one look. An editor that saves in
place empties the file, then fills it; a look that falls in between sees a
change, and the next one sees the whole file before the build reads it, so
the save makes one rebuild, not two (``make bench`` counted one too many in
about one run of five)."""


def watch_often(server: Any, paths: Iterable[str]) -> None:
    """Watch ``paths`` (the data files) every ``DATA_POLL_SECONDS``.

    MkDocs' server polls what it watches every 0.5 s, so a save waited a
    quarter of a second on average before the rebuild began. A data file is
    one ``stat`` per look. watchdog gives each watch the observer's interval
    when it is added and offers no public way to choose it, so it is set for
    these watches alone; a watchdog without it gets MkDocs' interval. The
    server then waits for ``QUIET_SECONDS`` of stillness before it rebuilds.
    """
    delay = getattr(server, "build_delay", None)
    if isinstance(delay, int | float) and not isinstance(delay, bool):
        server.build_delay = max(delay, QUIET_SECONDS)
    observer = getattr(server, "observer", None)
    usual = getattr(observer, "_timeout", None)
    if isinstance(usual, int | float) and not isinstance(usual, bool):
        observer._timeout = min(usual, DATA_POLL_SECONDS)  # type: ignore[union-attr]
    try:
        for path in paths:
            server.watch(path)
    finally:
        if isinstance(usual, int | float) and not isinstance(usual, bool):
            observer._timeout = usual  # type: ignore[union-attr]


_ARTICLE = re.compile(rb"<article\b[^>]*\bmd-content__inner\b[^>]*>")
_BODY = re.compile(rb"<body\b[^>]*>")
_CSP = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )')


def add_banner(html: bytes, banner: str) -> bytes:
    """``html`` with ``banner`` at the top of the page's content."""
    if not banner:
        return html
    found = _ARTICLE.search(html) or _BODY.search(html)
    if found is None:
        return banner.encode("utf-8") + html
    return html[: found.end()] + banner.encode("utf-8") + html[found.end() :]


def allow_live_reload(html: bytes) -> bytes:
    """Add the hash of MkDocs' live-reload script, the last one before ``</body>``,
    to the page's policy; no other script gets in.

    Found with searches from the end rather than a pattern over the page: the
    server does this for every page it sends, on the thread that competes with
    the rebuild for the interpreter.
    """
    body_end = html.rfind(b"</body>")
    close = html.rfind(b"</script>", 0, body_end)
    start = html.rfind(b"<script>", 0, close)
    if min(body_end, close, start) < 0 or html[close + len(b"</script>") : body_end].strip():
        return html
    script = html[start + len(b"<script>") : close]
    digest = base64.b64encode(hashlib.sha256(script).digest())
    return _CSP.sub(lambda m: m[1] + b"'sha256-" + digest + b"' ", html, count=1)


_App = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def attach(server: Any, state: State, on_build_error: Callable[[Exception], str]) -> None:
    """Make MkDocs' server add the banner to each page and never hang on a failed build.

    ``server`` is MkDocs' LiveReloadServer: a WSGI server (``get_app``/``set_app``)
    whose ``builder`` runs each rebuild. A rebuild that raises is caught here: the
    pages stay as they were and the banner says why (``on_build_error`` words it).
    """
    app: _App = server.get_app()
    base = getattr(server, "mount_path", "/")

    def with_banner(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        answer: dict[str, Any] = {}

        def hold(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            answer["status"], answer["headers"] = status, headers
            return lambda data: None

        body = app(environ, hold)
        headers: list[tuple[str, str]] = answer["headers"]
        html = any(k.lower() == "content-type" and "text/html" in v for k, v in headers)
        if not html:
            start_response(answer["status"], headers)
            return body
        try:
            data = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        data = allow_live_reload(add_banner(data, state.banner(base)))
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(answer["status"], [*headers, ("Content-Length", str(len(data)))])
        return [data]

    server.set_app(with_banner)
    build = server.builder

    def builder(*args: Any, **kwargs: Any) -> None:
        try:
            build(*args, **kwargs)
        except Exception as exc:
            message = on_build_error(exc)
            state.crashed(message)
            log.error(message)

    server.builder = builder


class AddressError(UsageFailure):
    """The preview's address is unusable; the message says what to do."""


def parse_address(value: str) -> tuple[str, int]:
    """«127.0.0.1:8123» -> ("127.0.0.1", 8123); the host as MkDocs takes it: an IP
    address or localhost."""
    host, sep, port = value.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise AddressError(
            f"«{value}» er ikke en adresse for forhåndsvisningen. Skriv IP-adresse:port, for "
            f"eksempel make serve ADDR={DEFAULT_ADDRESS}."
        )
    if host != "localhost":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise AddressError(
                f"«{host}» er ikke en IP-adresse. Skriv for eksempel make serve "
                f"ADDR={DEFAULT_ADDRESS} (eller localhost:{port})."
            ) from None
    return host, int(port)


def _free_port(host: str, port: int) -> int | None:
    for candidate in range(port + 1, min(port + 50, 65535)):
        if check_address(host, candidate) is None:
            return candidate
    return None


def check_address(host: str, port: int) -> OSError | None:
    """Bind and let go, as the server will: the error it would get, if any."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc
    return None


def address_message(host: str, port: int, error: OSError) -> str:
    """One line for an address the server cannot use, with the fix."""
    shown = f"[{host}]" if ":" in host else host
    if error.errno == errno.EADDRINUSE:
        free = _free_port(host, port)
        other = f"{shown}:{free}" if free is not None else f"{shown}:{port + 1}"
        return (
            f"Adressen {shown}:{port} er allerede i bruk, kanskje av en annen forhåndsvisning. "
            f"Stopp den (Ctrl+C der den kjører), eller bruk en annen port: make serve ADDR={other}"
        )
    if error.errno == errno.EACCES:
        return (
            f"Port {port} krever administratorrettigheter. Bruk en port over 1024: "
            f"make serve ADDR={shown}:8001"
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return (
            f"Adressen {shown} hører ikke til denne maskinen. Bruk for eksempel "
            f"make serve ADDR={DEFAULT_ADDRESS}"
        )
    return (
        f"Forhåndsvisningen kan ikke bruke adressen {shown}:{port} (feil {error.errno}). Bruk "
        f"for eksempel make serve ADDR={DEFAULT_ADDRESS}"
    )
