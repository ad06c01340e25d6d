"""Shared fixtures: the shipped data, a built site, a local web server and Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitecheck.browser import CHROMIUM_ARGS, chromium

ROOT = Path(__file__).resolve().parent.parent
# $CHROMIUM, else the first Chromium or Chrome on PATH: the site check's choice.
CHROMIUM = chromium() or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _no_mkdocs_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


FIXTURES = ROOT / "tests" / "fixtures"
OSLO = FIXTURES / "oslo"
"""Oslo's project as of January 2026, frozen: the tests' own data (see its README)."""
SEED = FIXTURES / "seed" / "minutes-2026-01.txt"
"""The seminar minutes every fact in the Oslo data comes from."""

_SITE_KEYS = ("site_name", "site_description", "nav")


def _top_level_blocks(text: str) -> dict[str, str]:
    """mkdocs.yml's top-level keys -> their whole block of lines (key line included)."""
    blocks: dict[str, str] = {}
    key = None
    for line in text.splitlines(keepends=True):
        if line[:1] not in ("", " ", "#", "\n") and ":" in line:
            key = line.split(":", 1)[0]
            blocks[key] = ""
        if key is not None:
            blocks[key] += line
    return blocks


def project_config(site: Path = OSLO / "site.yml") -> str:
    """The project's real mkdocs.yml with the council's names and navigation from ``site``.

    The configuration is code and is tested as it is today; the names and the
    navigation to hand-written pages are data, so they come with the fixture.
    """
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    ours = _top_level_blocks(site.read_text(encoding="utf-8"))
    blocks = _top_level_blocks(config)
    missing = [key for key in _SITE_KEYS if key not in blocks]
    assert not missing, f"mkdocs.yml has no top-level {missing}"
    head = config[: len(config) - len("".join(blocks.values()))]
    return head + "".join(
        _with_trailer(ours[key], block) if key in _SITE_KEYS else block
        for key, block in blocks.items()
    )


def _with_trailer(replacement: str, original: str) -> str:
    """``replacement`` followed by the blank and comment lines that ended ``original``."""
    kept = original.splitlines(keepends=True)
    trailer: list[str] = []
    while kept and (not kept[-1].strip() or kept[-1].startswith("#")):
        trailer.insert(0, kept.pop())
    return replacement.rstrip("\n") + "\n" + "".join(trailer)


def copy_project(dest: Path, source: Path = OSLO) -> Path:
    """A project to build in isolation: the fixture's data and pages, today's config.

    The JSON Schemas are generated from the code, so they come from the repository.
    """
    for name in ("followups.yaml", "ipo_areas.yaml", "privacy_exceptions.yaml"):
        shutil.copy2(source / name, dest / name)
    shutil.copytree(source / "content", dest / "content")
    (dest / "mkdocs.yml").write_text(project_config(source / "site.yml"), encoding="utf-8")
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    return dest


def run_generator(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` as a user would, capturing its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator`` in this process: the same command line, output and
    exit code as ``run_generator``, without starting Python again.

    For tests of what a command says; each exit path keeps a test that runs the
    real subprocess (``run_generator``).
    """
    from generator import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["generator", *args], code, out.getvalue(), err.getvalue())


def copy_fixture_project(dest: Path, name: str, today: str | None = None) -> Path:
    """The project with the data files of ``tests/fixtures/<name>/`` instead of the shipped ones.

    ``today`` (ÅÅÅÅ-MM-DD) fixes the date that decides which points are overdue.
    """
    copy_project(dest)
    for data_file in ("followups.yaml", "ipo_areas.yaml"):
        shutil.copy2(FIXTURES / name / data_file, dest / data_file)
    if today is not None:
        config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
        marker = "  - council-followups:\n"
        assert marker in config, "mkdocs.yml no longer configures the council-followups plugin"
        config = config.replace(marker, f"{marker}      today: '{today}'\n")
        (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def two_editions_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-edition fixture built as a whole site, with today = 2026-06-01."""
    project = copy_fixture_project(
        tmp_path_factory.mktemp("two-editions"), "two-editions", "2026-06-01"
    )
    # Whatever JSON Schemas lie in schemas/ are published; this one stands in for them.
    (project / "schemas").mkdir(exist_ok=True)
    (project / "schemas" / "eksempel.schema.json").write_text(
        '{"type": "object"}\n', encoding="utf-8"
    )
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built into a site with ``--strict``, once per test run."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[functools.partial[str]]:
    """Serve folders on 127.0.0.1; returns a function folder -> base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield functools.partial(start)
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path, serve: functools.partial[str]) -> str:
    return serve(built_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skipped only outside CI."""
    if not Path(CHROMIUM).exists():
        message = (
            f"Chromium not found at {CHROMIUM}. Install it with "
            "'apt-get install chromium chromium-driver' (make test does this as root)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, site_url: str) -> Iterator[object]:
    """A fresh page that fails the test on any request leaving 127.0.0.1 or failing."""
    context = browser.new_context(locale="nb-NO")  # type: ignore[attr-defined]
    tab = context.new_page()
    bad: list[str] = []
    tab.on(
        "request",
        lambda r: (
            bad.append(f"external: {r.url}")
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
            else None
        ),
    )
    # A navigation cancels what the old page was still loading; that is not a failure.
    tab.on(
        "requestfailed",
        lambda r: (
            bad.append(f"failed: {r.url} {r.failure}")
            if "ERR_ABORTED" not in (r.failure or "")
            else None
        ),
    )
    tab.on(
        "response", lambda r: bad.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None
    )
    tab.bad_requests = bad
    yield tab
    context.close()
    assert not bad, "requests that must not happen:\n" + "\n".join(bad)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/expected and mkdocs.yml from the current templates",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Run from a git hook, the suite inherits GIT_DIR, GIT_INDEX_FILE and the
    # like: the git a test or the generator starts in a temporary repository
    # would then act on this one.
    for name in [n for n in os.environ if n.startswith("GIT_")]:
        del os.environ[name]
