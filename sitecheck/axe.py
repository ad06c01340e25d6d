"""axe-core in Chromium on every page, at a phone's and a desktop's width.

The site is served on 127.0.0.1 and opened with Playwright, driving the
system's Chromium (see ``browser``). axe-core comes from node_modules (``npm ci``)
and reports in Norwegian (its ``nb`` locale). A request to any other host is
refused and reported: the site must not load anything from elsewhere.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .browser import CHROMIUM_ARGS, chromium
from .problems import SiteCheckError, SiteProblem, address
from .site import Site
from .source import source_of

CHECK = "Tilgjengelighet (axe)"
EXTERNAL = "Innhold fra en annen vert"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""WCAG 2.0, 2.1 and 2.2, levels A and AA: what the accessibility statement promises."""


@dataclass(frozen=True)
class Viewport:
    width: int
    height: int


PHONE = Viewport(375, 812)
DESKTOP = Viewport(1280, 900)
WIDTHS = (PHONE, DESKTOP)

PageHook = Callable[[Any, str, Viewport], None]
"""Called with (Playwright page, page path, viewport) after each page is checked."""


# The repository this package lives in, where `npm ci` installs axe-core.
_HOME = Path(__file__).resolve().parent.parent


def axe_files(root: Path) -> tuple[Path, Path]:
    """axe-core's script and its Norwegian locale: from the project's node_modules,
    else from the node_modules beside this package."""
    for folder in (root, _HOME):
        base = folder / "node_modules" / "axe-core"
        if (base / "axe.min.js").is_file():
            break
    return base / "axe.min.js", base / "locales" / "nb.json"


def axe_source(root: Path) -> str:
    """axe-core set up to answer in Norwegian, as one script to evaluate in a page."""
    script, locale = axe_files(root)
    if not script.is_file() or not locale.is_file():
        raise SiteCheckError(
            f"Fant ikke axe-core i {script.parent}. Kjør «npm ci» i prosjektmappen "
            "(«make check-site» gjør det)."
        )
    nb = json.loads(locale.read_text(encoding="utf-8"))
    return script.read_text(encoding="utf-8") + f"\n;axe.configure({{locale: {json.dumps(nb)}}});"


def run_axe(page: Any, source: str) -> list[dict[str, Any]]:
    """axe's WCAG violations on the page as it is now."""
    # Evaluated over the DevTools protocol rather than added as a <script>,
    # so the site's Content-Security-Policy cannot block it.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})",
        TAGS,
    )
    return list(result["violations"])


def describe(where: str, violations: list[dict[str, Any]]) -> str:
    """Violations as lines for a person reading a test failure."""
    lines = [f"{where}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            summary = (node.get("failureSummary") or "").strip().splitlines()
            lines.append(
                f"      {' '.join(map(str, node['target']))}: {summary[-1] if summary else ''}"
            )
    return "\n".join(lines)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder on http://127.0.0.1:<free port>/ for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _launch(playwright: Any) -> Any:
    executable = chromium()
    if executable is None or not Path(executable).exists():
        raise SiteCheckError(
            "Fant ikke Chromium for tilgjengelighetskontrollen. Installer den med "
            "«scripts/ensure-browser.sh» (eller «apt-get install chromium»), eller pek "
            "miljøvariabelen CHROMIUM på nettleseren."
        )
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def _visit(
    site: Site,
    browser: Any,
    source: str,
    widths: tuple[Viewport, ...],
    on_page: PageHook | None,
    found: dict[tuple[str, str], tuple[list[int], dict[str, Any]]],
    external: dict[tuple[str, str], None],
) -> None:
    """Open every page at each width and collect axe's violations and foreign requests."""
    with serve(site.folder) as base:
        context = browser.new_context(locale="nb-NO")
        current = {"page": ""}

        def route(request_route: Any) -> None:
            url = request_route.request.url
            if url.startswith(base) or url.startswith(("data:", "blob:", "about:")):
                request_route.continue_()
            else:
                external[(current["page"], url)] = None
                request_route.abort()

        try:
            context.route("**/*", route)
            tab = context.new_page()
            for rel in sorted(site.pages):
                current["page"] = rel
                for viewport in widths:
                    tab.set_viewport_size({"width": viewport.width, "height": viewport.height})
                    tab.goto(base + rel.removesuffix("index.html"))
                    for violation in run_axe(tab, source):
                        entry = found.setdefault((rel, violation["id"]), ([], violation))
                        entry[0].append(viewport.width)
                    if on_page is not None:
                        on_page(tab, rel, viewport)
        finally:
            context.close()


def _message(page: str, widths: list[int], violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    first = nodes[0] if nodes else {}
    target = " ".join(map(str, first.get("target", [])))
    at = " og ".join(f"{w} px" for w in sorted(widths))
    places = "ett sted" if len(nodes) == 1 else f"{len(nodes)} steder"
    return (
        f"Siden «{address(page)}» (bredde {at}): {violation['help']} "
        f"(axe-regel «{violation['id']}», {places}, for eksempel «{target}»). "
        f"Mer om regelen: {violation['helpUrl']}"
    )


def check(
    site: Site,
    widths: tuple[Viewport, ...] = WIDTHS,
    on_page: PageHook | None = None,
    browser: Any = None,
) -> list[SiteProblem]:
    """axe-core on every page at each width; one problem per page and rule.

    ``browser`` is a Playwright browser to use (the tests share theirs);
    without it, one is started for the check and closed after.
    """
    source = axe_source(site.root)
    found: dict[tuple[str, str], tuple[list[int], dict[str, Any]]] = {}
    external: dict[tuple[str, str], None] = {}
    if browser is None:
        from playwright.sync_api import sync_playwright  # only this check needs a browser

        with sync_playwright() as playwright:
            own = _launch(playwright)
            try:
                _visit(site, own, source, widths, on_page, found, external)
            finally:
                own.close()
    else:
        _visit(site, browser, source, widths, on_page, found, external)
    problems = [
        SiteProblem(
            rel, _message(rel, widths_, violation), CHECK, source_of(site.root, site.content, rel)
        )
        for (rel, _rule), (widths_, violation) in found.items()
    ]
    problems += [
        SiteProblem(
            rel,
            f"Siden «{address(rel)}» henter «{url}» fra en annen vert. Nettstedet skal ikke "
            "hente noe fra andre steder: legg filen i content/ og lenk til den der, eller fjern "
            "den.",
            EXTERNAL,
            source_of(site.root, site.content, rel),
        )
        for rel, url in external
    ]
    return problems
