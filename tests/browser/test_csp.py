"""The Content-Security-Policy holds in a real browser: nothing the site does is blocked,
and a script that is not the site's own does not run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitecheck import csp
from sitecheck.site import read_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Collects CSP violations from the moment the document starts, before any page script.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def _watch(page) -> list[str]:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def on_worker(worker) -> None:  # type: ignore[no-untyped-def]
        worker.on(
            "console",
            lambda m: problems.append(f"worker {m.type}: {m.text}") if m.type == "error" else None,
        )

    page.on("worker", on_worker)
    return problems


def _violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    return list(page.evaluate("window.__violations"))


def test_every_page_has_a_policy_without_unsafe_inline_scripts(built_site: Path) -> None:
    """The site check's reading of the policies (sitecheck.csp) finds nothing."""
    site = read_site(built_site, built_site.parent)
    assert all(page.policies for page in site.pages.values())
    assert csp.check(site) == []


def test_searching_and_navigating_break_no_rule(page, site_url: str, built_site: Path) -> None:  # type: ignore[no-untyped-def]
    problems = _watch(page)
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    # The index loads in the worker after the page; a query typed before it
    # is ready is dropped, so type again until results come (as a user would).
    for _ in range(10):
        search.click()
        search.fill("")
        search.press_sequentially("KOSS", delay=30)
        try:
            results.first.wait_for(timeout=2000)
            break
        except Exception:  # playwright's TimeoutError
            continue
    assert results.count() >= 1
    problems += _violations(page)
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    assert "/oppfolgingspunkter/" in page.url
    problems += _violations(page)

    # Every visible entry of the main navigation (the front page hides it).
    start = site_url + "oppfolgingspunkter/"
    page.goto(start)
    nav = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    visible = [i for i in range(nav.count()) if nav.nth(i).is_visible()]
    targets = [nav.nth(i).evaluate("a => a.href") for i in visible]
    assert len(targets) >= 4, targets
    for index, target in zip(visible, targets, strict=True):
        page.goto(start)
        nav.nth(index).click()
        page.wait_for_load_state()
        assert page.url.split("#")[0] == target.split("#")[0]
        problems += _violations(page)
    page.goto(site_url)
    page.get_by_role("link", name="Alle oppfølgingspunkter med status").click()
    page.get_by_role("link", name=re.compile("Handlingsplan mot radikalisering")).click()
    page.wait_for_load_state()
    problems += _violations(page)
    assert page.url.endswith("/oppfolgingspunkter/2025-3/")
    # And every other page, each with its own hashes, opened directly.
    for path in sorted(built_site.rglob("*.html")):
        page.goto(site_url + path.relative_to(built_site).as_posix())
        problems += [f"{path.name}: {v}" for v in _violations(page)]
    assert problems == []


def test_a_script_that_is_not_the_sites_own_is_blocked(  # type: ignore[no-untyped-def]
    page, built_site: Path, serve, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Proves the policy is enforced, so the test above can fail."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "om" / "index.html"
    html = target.read_text(encoding="utf-8")
    injected = '<script>window.__ran = true</script><img src="x" onerror="window.__ran = true">'
    target.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    base = serve(copy)
    page.bad_requests.clear()
    _watch(page)
    page.goto(base + "om/")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__ran === undefined")
    violations = _violations(page)
    assert any(v.startswith("script-src") for v in violations), violations
    # The broken <img src="x"> is the one request allowed to fail here.
    page.bad_requests[:] = [r for r in page.bad_requests if not r.endswith("/om/x")]


def test_a_script_in_the_councils_name_does_not_run(  # type: ignore[no-untyped-def]
    page, serve, tmp_path: Path
) -> None:
    """``init --name`` goes into site_name, which Material writes into <title>
    and the header: it is shown as text and nothing in it runs."""
    from tests.conftest import run_generator

    name = "</title><script>window.__ran = true</script><img src=x onerror=window.__ran=1>"
    created = run_generator(
        "init", "rad", "--name", name, "--member", "Kommunen", "--unit", "vest=Vest", cwd=tmp_path
    )
    assert created.returncode == 0, created.stderr
    built = run_generator("site", cwd=tmp_path / "rad")
    assert built.returncode == 0, built.stdout + built.stderr
    base = serve(tmp_path / "rad" / "site")
    _watch(page)
    for path in ("", "om/", "oppfolgingspunkter/"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__ran === undefined"), path
        assert name in page.title(), page.title()
    assert name in page.locator("header").inner_text()


def test_a_script_the_theme_did_not_write_gets_no_hash(  # type: ignore[no-untyped-def]
    page, built_site: Path, serve, tmp_path: Path
) -> None:
    """The policy is made for a page whose body holds a script (as if a check
    upstream had let it through): the browser must not run it, while the
    theme's own scripts, hashed in the same policy, still break no rule."""
    from generator.site import csp, theme

    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "om" / "index.html"
    html = re.sub(
        r'\n    <meta http-equiv="Content-Security-Policy" content="[^"]*">',
        "",
        target.read_text(encoding="utf-8"),
    )
    html = html.replace("</article>", "<script>window.__ran = true</script></article>", 1)
    import material

    known = csp.known_scripts([theme.THEME_DIR, Path(material.__file__).parent / "templates"])
    target.write_text(csp.add_policy(html, known), encoding="utf-8")
    base = serve(copy)
    _watch(page)
    page.goto(base + "om/")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__ran === undefined")
    violations = _violations(page)
    assert len(violations) == 1 and violations[0].startswith("script-src"), violations


def test_the_redirect_page_works_under_its_policy(  # type: ignore[no-untyped-def]
    page, built_site: Path, serve, tmp_path: Path
) -> None:
    import jinja2

    from tests.conftest import ROOT

    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    template = (ROOT / "generator" / "templates" / "redirect.html.j2").read_text(encoding="utf-8")
    (copy / "latest").mkdir()
    (copy / "latest" / "index.html").write_text(
        jinja2.Template(template).render(href="../endringer/"), encoding="utf-8"
    )
    base = serve(copy)
    problems = _watch(page)
    page.goto(base + "latest/?q=1#utgave-2026-01")
    page.wait_for_function("location.pathname.endsWith('/endringer/')")
    # Material drops the query once the page has loaded; the redirect kept it.
    assert page.url.startswith(base + "endringer/") and page.url.endswith("#utgave-2026-01")
    problems += _violations(page)
    assert problems == []
