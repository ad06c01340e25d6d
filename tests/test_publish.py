"""`python -m generator publish` against real git: a bare repository plays the remote.

One published repository is shared by the tests in this module (every
publish is a full MkDocs build): edition 2026-01 is published, edition
2026-06 is added with new statuses and published, and 2026-01 is published
again. The refusal tests then change the maintainer's clone, check that the
remote did not move, and put the clone back.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, copy_project
from tests.june_edition import JANUARY_TEXT, JUNE_TEXT, SPRING_POINT, add_june_edition

pytestmark = pytest.mark.slow

IDENTITY = {
    "GIT_AUTHOR_NAME": "Sekretariatet",
    "GIT_AUTHOR_EMAIL": "sekretariat@example.org",
    "GIT_COMMITTER_NAME": "Sekretariatet",
    "GIT_COMMITTER_EMAIL": "sekretariat@example.org",
}
# No user or system git config: identity comes only from what a test passes.
ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}


def _environment(identity: bool) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "PUBLISH_", "SITE_", "MIKE_"))
    }
    return {**env, **ISOLATED, **(IDENTITY if identity else {})}


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=_environment(True)
    )
    assert result.returncode == 0, f"git {args}: {result.stderr}"
    return result.stdout


def run_publish(*args: str, cwd: Path, identity: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the publish command as a maintainer would, from their clone."""
    env = {**_environment(identity), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", "publish", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def remote_refs(remote: Path) -> str:
    return git("ls-remote", str(remote), cwd=remote)


@dataclass(frozen=True)
class Published:
    work: Path
    """The maintainer's clone."""
    remote: Path
    """The bare repository playing GitHub."""
    pages: Path
    """A checkout of gh-pages after the three publishes."""
    runs: tuple[subprocess.CompletedProcess[str], ...]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    base = tmp_path_factory.mktemp("publish")
    remote, work, pages = base / "remote.git", base / "work", base / "pages"
    git("init", "--quiet", "--bare", str(remote), cwd=base)
    work.mkdir()
    copy_project(work)
    (work / ".gitignore").write_text("/site/\n/build/\n", encoding="utf-8")
    git("init", "--quiet", "-b", "main", cwd=work)
    git("add", "-A", cwd=work)
    git("commit", "--quiet", "-m", "Status pr januar 2026", cwd=work)
    git("remote", "add", "origin", str(remote), cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)

    runs = [run_publish(cwd=work)]
    add_june_edition(work)
    git("commit", "--quiet", "-am", "Status pr juni 2026", cwd=work)
    runs.append(run_publish(cwd=work))
    runs.append(run_publish("--edition", "2026-01", cwd=work))
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
    git("clone", "--quiet", "--branch", "gh-pages", str(remote), str(pages), cwd=base)
    return Published(work, remote, pages, tuple(runs))


def test_each_publish_says_what_it_did(published: Published) -> None:
    first, second, again = (run.stdout for run in published.runs)
    assert re.fullmatch(
        r"Publiserte Status pr januar 2026 \(2026-01\) til origin/gh-pages \([0-9a-f]{10}\)\. "
        r"«latest» peker nå på 2026-01\.\n",
        first,
    )
    assert "Publiserte Status pr juni 2026 (2026-06)" in second
    assert "«latest» peker nå på 2026-06." in second
    assert "Publiserte Status pr januar 2026 (2026-01)" in again
    assert "«latest» er ikke flyttet: det finnes en nyere rapporteringsrunde." in again


def test_versions_json_lists_both_and_latest_stays_on_june(published: Published) -> None:
    versions = json.loads((published.pages / "versions.json").read_text(encoding="utf-8"))
    assert versions == [
        {"version": "2026-06", "title": "Status pr juni 2026", "aliases": ["latest"]},
        {"version": "2026-01", "title": "Status pr januar 2026", "aliases": []},
    ]


def test_latest_is_a_norwegian_redirect_to_june(published: Published) -> None:
    pages = published.pages
    assert not (pages / "latest").is_symlink()
    latest = (pages / "latest" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb">' in latest
    assert 'url=../2026-06/"' in latest
    assert "Videresender" in latest
    point = (pages / "latest" / "oppfolgingspunkter" / "2025-3" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'url=../../../2026-06/oppfolgingspunkter/2025-3/"' in point
    root = (pages / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb">' in root and 'url=latest/"' in root


def test_january_edition_shows_its_own_statuses(published: Published) -> None:
    january = published.pages / "2026-01"
    point = (january / "oppfolgingspunkter" / "2025-3" / "index.html").read_text(encoding="utf-8")
    assert JANUARY_TEXT in point
    assert JUNE_TEXT not in point
    assert not (january / "oppfolgingspunkter" / "var-2026-1").exists()
    assert SPRING_POINT not in (january / "oppfolgingspunkter" / "index.html").read_text(
        encoding="utf-8"
    )

    june = published.pages / "2026-06"
    point = (june / "oppfolgingspunkter" / "2025-3" / "index.html").read_text(encoding="utf-8")
    assert JUNE_TEXT in point and JANUARY_TEXT in point  # June's status, January's as history
    assert (june / "oppfolgingspunkter" / "var-2026-1" / "index.html").exists()


def test_commits_carry_the_given_identity(published: Published) -> None:
    log = git("log", "--format=%an <%ae>|%cn <%ce>", "gh-pages", cwd=published.pages)
    assert set(log.splitlines()) == {
        "Sekretariatet <sekretariat@example.org>|Sekretariatet <sekretariat@example.org>"
    }


@pytest.fixture
def clone(published: Published) -> Iterator[Path]:
    """The maintainer's clone, put back afterwards; the remote must not have moved."""
    work = published.work
    before = remote_refs(published.remote)
    local = git("rev-parse", "main", "gh-pages", cwd=work)
    yield work
    git("reset", "--quiet", "--hard", "main", cwd=work)
    git("clean", "--quiet", "-fd", cwd=work)
    assert remote_refs(published.remote) == before
    assert git("rev-parse", "main", "gh-pages", cwd=work) == local


def test_refuses_invalid_data(clone: Path) -> None:
    followups = clone / "followups.yaml"
    followups.write_text(
        followups.read_text(encoding="utf-8").replace("state: pågår", "state: ferdig", 1),
        encoding="utf-8",
    )
    result = run_publish(cwd=clone)
    assert result.returncode == 1
    assert re.search(r"followups\.yaml:\d+:\d+: feil: .*«ferdig»", result.stderr)
    assert result.stderr.rstrip().endswith("Ingenting er publisert: rett feilene over først.")


def test_refuses_a_dirty_tree(clone: Path) -> None:
    om = clone / "content" / "om.md"
    om.write_text(om.read_text(encoding="utf-8") + "\nEn setning til.\n", encoding="utf-8")
    (clone / "utkast.md").write_text("Ikke lagt til\n", encoding="utf-8")
    result = run_publish(cwd=clone)
    assert result.returncode == 1
    assert result.stderr == (
        "Kontrollerer og bygger …\n"
        "Ingenting er publisert. Arbeidsmappen har endringer som ikke er committet:\n"
        "   M content/om.md\n"
        "  ?? utkast.md\n"
        "Commit endringene (eller legg dem bort med «git stash») og publiser på nytt, "
        "så nettstedet svarer til en commit.\n"
    )


def test_refuses_when_gh_pages_is_behind_the_remote(published: Published, clone: Path) -> None:
    other = clone.parent / "other"
    git(
        "clone",
        "--quiet",
        "--branch",
        "gh-pages",
        str(published.remote),
        str(other),
        cwd=clone.parent,
    )
    (other / "CNAME").write_text("politiradet.example.org\n", encoding="utf-8")
    git("add", "CNAME", cwd=other)
    git("commit", "--quiet", "-m", "Custom domain", cwd=other)
    git("push", "--quiet", "origin", "gh-pages", cwd=other)
    pushed = remote_refs(published.remote)
    local = git("rev-parse", "gh-pages", cwd=clone)
    try:
        result = run_publish(cwd=clone)
        assert result.returncode == 1
        assert result.stderr.endswith(
            "Ingenting er publisert. Den lokale grenen gh-pages er bak origin/gh-pages: noen har "
            "publisert siden sist. Hent den nyeste versjonen med\n"
            "  git fetch origin gh-pages:gh-pages\n"
            "og publiser på nytt.\n"
        )
        assert remote_refs(published.remote) == pushed
        assert git("rev-parse", "gh-pages", cwd=clone) == local
        git("fetch", "--quiet", "origin", "gh-pages:gh-pages", cwd=clone)  # the advice works
    finally:
        # Undo the other maintainer's push so later tests see the module's state.
        git(
            "push",
            "--quiet",
            "--force",
            "origin",
            f"{local.strip()}:refs/heads/gh-pages",
            cwd=clone,
        )
        git("update-ref", "refs/heads/gh-pages", local.strip(), cwd=clone)
        git("fetch", "--quiet", "origin", "+gh-pages:refs/remotes/origin/gh-pages", cwd=clone)


def test_failed_build_leaves_gh_pages_untouched(clone: Path) -> None:
    om = clone / "content" / "om.md"
    om.write_text(
        om.read_text(encoding="utf-8") + "\n[Vedtektene](vedtekter.md)\n", encoding="utf-8"
    )
    git("commit", "--quiet", "-am", "Link to a page that does not exist", cwd=clone)
    try:
        result = run_publish(cwd=clone)
        assert result.returncode == 1
        assert (
            "Ingenting er publisert. Byggingen eller publiseringen med mike feilet:"
            in result.stderr
        )
        assert "vedtekter.md" in result.stderr
    finally:
        git("reset", "--quiet", "--hard", "HEAD~1", cwd=clone)


def test_refuses_without_identity(clone: Path) -> None:
    result = run_publish(cwd=clone, identity=False)
    assert result.returncode == 1
    assert (
        "Ingenting er publisert. Mangler navn og e-postadresse for git-committene som publiseres. "
        "Oppgi dem med --name og --email, med miljøvariablene GIT_AUTHOR_NAME og GIT_AUTHOR_EMAIL, "
        "eller med «git config user.name» og «git config user.email»."
    ) in result.stderr


def test_identity_from_options(clone: Path) -> None:
    # With --name and --email it gets past the identity check to the next one.
    result = run_publish(
        "--name", "A", "--email", "a@example.org", "--remote", "upstream", cwd=clone, identity=False
    )
    assert result.returncode == 1
    assert "Fant ikke git-fjernlageret «upstream» (kjente fjernlagre: «origin»)." in result.stderr


def test_refuses_an_unknown_edition(clone: Path) -> None:
    result = run_publish("--edition", "2027-01", cwd=clone)
    assert result.returncode == 1
    assert (
        "Rapporteringsrunden «2027-01» finnes ikke i editions. Velg en av disse: «2026-01», «2026-06»."
        in result.stderr
    )


@pytest.mark.browser
def test_version_selector_lists_both_and_switches(
    published: Published, page: Any, serve: functools.partial[str]
) -> None:
    base = serve(published.pages)
    page.goto(base)
    page.wait_for_url(f"{base}2026-06/")
    outdated = page.locator("[data-md-component=outdated]")
    assert page.locator(".md-version__current").inner_text() == "Status pr juni 2026"
    assert outdated.is_hidden()

    page.goto(f"{base}2026-01/")
    current = page.locator(".md-version__current")
    current.wait_for()
    assert current.inner_text() == "Status pr januar 2026"
    outdated.wait_for(state="visible")
    assert "Du ser en eldre rapporteringsrunde." in outdated.inner_text()

    page.locator(".md-version").hover()
    links = page.locator(".md-version__link")
    assert links.all_inner_texts() == ["Status pr juni 2026", "Status pr januar 2026"]
    links.filter(has_text="Status pr juni 2026").click()
    page.wait_for_url(f"{base}2026-06/")
    assert page.locator(".md-version__current").inner_text() == "Status pr juni 2026"

    page.goto(f"{base}2026-01/")
    outdated.get_by_role("link", name="Gå til den nyeste rapporteringsrunden.").click()
    page.wait_for_url(f"{base}2026-06/")


def test_rejected_push_puts_local_gh_pages_back(published: Published, clone: Path) -> None:
    om = clone / "content" / "om.md"
    om.write_text(om.read_text(encoding="utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    git("commit", "--quiet", "-am", "A change to publish", cwd=clone)
    hook = published.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'gh-pages er låst' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    try:
        result = run_publish(cwd=clone)
    finally:
        hook.unlink()
        git("reset", "--quiet", "--hard", "HEAD~1", cwd=clone)
    assert result.returncode == 1
    assert "Ingenting er publisert. git push --quiet origin" in result.stderr
    assert "gh-pages er låst" in result.stderr
    # The clone fixture checks that local gh-pages is back where it was.


def test_publishing_from_an_old_commit_keeps_latest(published: Published, clone: Path) -> None:
    # The first commit's data knows only January; June is already published.
    git("checkout", "--quiet", "main~1", cwd=clone)
    try:
        result = run_publish(cwd=clone)
        assert result.returncode == 0, result.stderr
        assert (
            "«latest» er ikke flyttet: den peker på 2026-06, som er nyere enn datafilene her."
            in result.stdout
        )
        versions = json.loads(git("show", "gh-pages:versions.json", cwd=clone))
        assert [v["aliases"] for v in versions] == [["latest"], []]
    finally:
        git("checkout", "--quiet", "main", cwd=clone)
