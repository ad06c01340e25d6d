"""`python -m generator publish` against real git: a bare repository plays the remote.

One published repository is shared by the tests in this module (every
publish is a full MkDocs build), with a year of rounds as a secretariat
makes it: October 2025 is committed and published; January 2026 (with
October's statuses) is committed and published; the whole June round is
committed and published; January is published again with ``--edition``
and must come out byte for byte as it first did; a typo in a January
status is fixed and a plain publish must republish exactly January and
June; a publish with nothing changed publishes nothing; ``--all``
republishes every edition. ``SITE_URL`` is set throughout.

The refusal tests then change the maintainer's clone, check that the
remote did not move, and put the clone back.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.axe import axe_source, describe, run_axe
from tests.conftest import OSLO, ROOT, copy_project
from tests.gitenv import IDENTITY, git_env
from tests.june_edition import (
    JANUARY_TEXT,
    JUNE_TEXT,
    NEW_2026_POINT,
    NEW_AREA,
    SPRING_POINT,
    complete_june_round,
)
from tests.october_edition import OCTOBER_TEXT, january_after_october, october_2025

pytestmark = pytest.mark.slow

SITE = "https://politiradet.example.org/oppfolging/"
TYPO, FIXED = "frist 1.mars", "frist 1. mars"


def _environment(identity: bool) -> dict[str, str]:
    """No git config, and nothing the caller set for publishing: identity only if asked."""
    env = {
        k: v
        for k, v in git_env(IDENTITY if identity else {}).items()
        if not k.startswith(("PUBLISH_", "SITE_", "MIKE_", "GITHUB_"))
    }
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=_environment(True)
    )
    assert result.returncode == 0, f"git {args}: {result.stderr}"
    return result.stdout


def run_generator(
    *args: str, cwd: Path, identity: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` as a maintainer would, from their clone."""
    full = {**_environment(identity), "PYTHONPATH": str(ROOT), "SITE_URL": SITE, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=full,
        capture_output=True,
        text=True,
        timeout=900,
    )


def run_publish(*args: str, cwd: Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return run_generator("publish", *args, cwd=cwd, **kwargs)


def remote_refs(remote: Path) -> str:
    return git("ls-remote", str(remote), cwd=remote)


def remote_pages(remote: Path) -> str:
    """The remote's gh-pages head."""
    return git("rev-parse", "refs/heads/gh-pages", cwd=remote).strip()


def files_of(repo: Path, rev: str, folder: str) -> dict[str, bytes]:
    """Every file under ``folder`` at ``rev``: path -> content."""
    listing = git("ls-tree", "-r", "--name-only", rev, "--", folder, cwd=repo).splitlines()
    return {
        path: subprocess.run(
            ["git", "cat-file", "blob", f"{rev}:{path}"], cwd=repo, capture_output=True, check=True
        ).stdout
        for path in listing
    }


def tree(repo: Path, rev: str, folder: str) -> str:
    return git("rev-parse", f"{rev}:{folder}", cwd=repo).strip()


@dataclass(frozen=True)
class Published:
    work: Path
    """The maintainer's clone."""
    remote: Path
    """The bare repository playing GitHub."""
    pages: Path
    """A checkout of gh-pages at the end."""
    runs: dict[str, subprocess.CompletedProcess[str]]
    heads: dict[str, str]
    """gh-pages after each run."""
    january_first: dict[str, bytes]
    """2026-01/ as first published, when it was the newest."""
    january_again: dict[str, bytes]
    """2026-01/ after June was published and January published again."""


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    base = tmp_path_factory.mktemp("publish")
    remote, work, pages = base / "remote.git", base / "work", base / "pages"
    git("init", "--quiet", "--bare", str(remote), cwd=base)
    work.mkdir()
    copy_project(work)
    october_2025(work)
    (work / ".gitignore").write_text("/site/\n/build/\n", encoding="utf-8")
    git("init", "--quiet", "-b", "main", cwd=work)
    git("add", "-A", cwd=work)
    git("commit", "--quiet", "-m", "Status pr oktober 2025", cwd=work)
    git("tag", "oktober", cwd=work)
    git("remote", "add", "origin", str(remote), cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    runs: dict[str, subprocess.CompletedProcess[str]] = {}
    heads: dict[str, str] = {}

    def publish(name: str, *args: str) -> None:
        runs[name] = run_publish(*args, cwd=work)
        assert runs[name].returncode == 0, runs[name].stdout + runs[name].stderr
        heads[name] = git("rev-parse", "gh-pages", cwd=work).strip()

    publish("october")
    for name in ("followups.yaml", "ipo_areas.yaml"):
        (work / name).write_bytes((OSLO / name).read_bytes())
    january_after_october(work)
    git("commit", "--quiet", "-am", "Status pr januar 2026", cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    git("tag", "januar", cwd=work)
    publish("january")
    january_first = files_of(work, "gh-pages", "2026-01")
    complete_june_round(work)
    git("commit", "--quiet", "-am", "Status pr juni 2026", cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    publish("june")
    publish("january again", "--edition", "2026-01")
    january_again = files_of(work, "gh-pages", "2026-01")
    followups = work / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    assert text.count(TYPO) == 1
    followups.write_text(text.replace(TYPO, FIXED), encoding="utf-8")
    git("commit", "--quiet", "-am", "Skrivefeil i status for januar", cwd=work)
    git("push", "--quiet", "origin", "main", cwd=work)
    publish("typo")
    publish("nothing")
    publish("all", "--all")
    git("clone", "--quiet", "--branch", "gh-pages", str(remote), str(pages), cwd=base)
    return Published(work, remote, pages, runs, heads, january_first, january_again)


def _lines(run: subprocess.CompletedProcess[str]) -> list[str]:
    return run.stdout.splitlines()


def test_each_publish_says_what_it_did(published: Published) -> None:
    runs = published.runs
    commit = r"\([0-9a-f]{10}\)"
    first = _lines(runs["october"])
    assert re.fullmatch(
        rf"Publiserte Status pr oktober 2025 \(2025-10\) til origin/gh-pages {commit}\. "
        r"«latest» peker nå på 2025-10\.",
        first[0],
    )
    assert first[1:] == [
        "De faste adressene (endringer.xml og data/ ved siden av versions.json) viser nå 2025-10."
    ]
    january = _lines(runs["january"])
    assert "Publiserte Status pr januar 2026 (2026-01)" in january[0]
    assert january[0].endswith("«latest» peker nå på 2026-01.")
    assert january[1] == "Uendret siden forrige publisering: Status pr oktober 2025 (2025-10)."
    june = _lines(runs["june"])
    assert "Publiserte Status pr juni 2026 (2026-06)" in june[0]
    assert june[0].endswith("«latest» peker nå på 2026-06.")
    assert june[1] == (
        "Uendret siden forrige publisering: Status pr januar 2026 (2026-01) og "
        "Status pr oktober 2025 (2025-10)."
    )
    again = _lines(runs["january again"])
    assert again == [again[0]]
    assert "Publiserte Status pr januar 2026 (2026-01)" in again[0]
    assert again[0].endswith("«latest» er ikke flyttet: det finnes en nyere rapporteringsrunde.")
    typo = _lines(runs["typo"])
    assert re.fullmatch(
        r"Publiserte Status pr juni 2026 \(2026-06\) og Status pr januar 2026 \(2026-01\) "
        rf"til origin/gh-pages {commit}\. «latest» peker fortsatt på 2026-06\.",
        typo[0],
    )
    assert typo[1:] == [
        "Uendret siden forrige publisering: Status pr oktober 2025 (2025-10).",
        "De faste adressene (endringer.xml og data/ ved siden av versions.json) viser nå 2026-06.",
    ]
    assert _lines(runs["nothing"]) == [
        "Ingenting å publisere: origin/gh-pages er allerede oppdatert.",
        "Uendret siden forrige publisering: Status pr juni 2026 (2026-06), "
        "Status pr januar 2026 (2026-01) og Status pr oktober 2025 (2025-10).",
    ]
    assert "Publiserte Status pr juni 2026 (2026-06), Status pr januar 2026 (2026-01) og " in (
        runs["all"].stdout
    )


def test_versions_json_lists_the_editions_with_fingerprints(published: Published) -> None:
    versions = json.loads((published.pages / "versions.json").read_text(encoding="utf-8"))
    assert [(v["version"], v["title"], v["aliases"]) for v in versions] == [
        ("2026-06", "Status pr juni 2026", ["latest"]),
        ("2026-01", "Status pr januar 2026", []),
        ("2025-10", "Status pr oktober 2025", []),
    ]
    for version in versions:
        assert set(version["properties"]) == {"fingerprint"}
        assert re.fullmatch(r"[0-9a-f]{64}", version["properties"]["fingerprint"])


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


def _page(pages: Path, version: str, path: str) -> str:
    return (pages / version / path / "index.html").read_text(encoding="utf-8")


def test_january_is_january_after_june_is_published(published: Published) -> None:
    pages = published.pages
    point = _page(pages, "2026-01", "oppfolgingspunkter/2025-3")
    assert JANUARY_TEXT in point and OCTOBER_TEXT in point
    assert JUNE_TEXT not in point
    points = pages / "2026-01" / "oppfolgingspunkter"
    assert not (points / "var-2026-1").exists()
    assert not (points / "2026-1").exists()  # added in June to a seminar held before January
    overview = _page(pages, "2026-01", "oppfolgingspunkter")
    assert SPRING_POINT not in overview and NEW_2026_POINT not in overview
    assert "Politirådets seminar 2026" in _page(pages, "2026-01", "seminarer")
    assert "Frist 30. juni 2035" in _page(pages, "2026-01", "oppfolgingspunkter/2025-2")
    ipo = _page(pages, "2026-01", "ipo")
    assert "Hovseter" in ipo and NEW_AREA not in ipo
    areas_csv = (pages / "2026-01" / "data" / "ipo-omrader.csv").read_text(encoding="utf-8-sig")
    january_areas = (OSLO / "ipo_areas.yaml").read_text(encoding="utf-8").count("  - name: ")
    assert len(areas_csv.splitlines()) == 1 + january_areas

    june = _page(pages, "2026-06", "oppfolgingspunkter/2025-3")
    assert JUNE_TEXT in june and JANUARY_TEXT in june  # June's status, January's as history
    assert (pages / "2026-06" / "oppfolgingspunkter" / "2026-1" / "index.html").exists()
    assert "Frist 1. september 2026" in _page(pages, "2026-06", "oppfolgingspunkter/2025-2")
    assert NEW_AREA in _page(pages, "2026-06", "ipo")

    october = pages / "2025-10"
    assert "Politirådets seminar 2026" not in _page(pages, "2025-10", "seminarer")
    assert JANUARY_TEXT not in _page(pages, "2025-10", "oppfolgingspunkter/2025-3")
    assert "Hovseter" not in (october / "ipo" / "index.html").read_text(encoding="utf-8")


_LASTMOD = re.compile(rb"<lastmod>[0-9-]+</lastmod>")


def _without_dates(path: str, content: bytes) -> bytes:
    if path.endswith(".gz"):
        content = gzip.decompress(content)
    return _LASTMOD.sub(b"<lastmod/>", content) if "sitemap.xml" in path else content


def test_january_republished_is_byte_identical(published: Published) -> None:
    first, again = published.january_first, published.january_again
    assert sorted(first) == sorted(again)
    for kind in (".html", ".csv", ".json", ".xml", ".pdf", "search_index.json"):
        assert any(path.endswith(kind) for path in first), kind
    different = [
        path
        for path in first
        if _without_dates(path, first[path]) != _without_dates(path, again[path])
    ]
    assert different == []
    # Nothing in January changed, so mike made no commit at all.
    assert published.heads["january again"] == published.heads["june"]


def test_a_correction_reaches_every_edition_that_shows_it_and_no_other(
    published: Published,
) -> None:
    work, heads = published.work, published.heads
    for version in ("2026-01", "2026-06"):
        page = files_of(work, heads["typo"], f"{version}/oppfolgingspunkter/2025-4/index.html")
        text = next(iter(page.values())).decode("utf-8")
        assert FIXED in text and TYPO not in text, version
    before, after = heads["january again"], heads["typo"]
    assert tree(work, before, "2025-10") == tree(work, after, "2025-10")
    changed = git("diff", "--name-only", before, after, cwd=work).splitlines()
    assert {path.split("/")[0] for path in changed} == {
        "2026-01",
        "2026-06",
        "versions.json",
        "endringer.xml",
        "data",
    }


def test_nothing_changed_nothing_published(published: Published) -> None:
    assert published.heads["nothing"] == published.heads["typo"]
    assert published.heads["all"] == published.heads["typo"]  # --all: the same files again


def test_root_feed_and_data_serve_the_newest_edition(published: Published) -> None:
    pages = published.pages
    for name in ("oppfolgingspunkter.json", "statuser.csv", "ipo-omrader.csv"):
        assert (pages / "data" / name).read_bytes() == (
            pages / "2026-06" / "data" / name
        ).read_bytes()
    schemas = sorted(p.name for p in (pages / "2026-06" / "data" / "schema").iterdir())
    assert schemas and sorted(p.name for p in (pages / "data" / "schema").iterdir()) == schemas
    assert not (pages / "data" / "index.html").exists()  # the open data page stays in its version
    feed = ET.parse(pages / "endringer.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")] == [
        "Status pr juni 2026",
        "Status pr januar 2026",
        "Status pr oktober 2025",
    ]
    links = [link.get("href") for link in feed.iter(f"{atom}link")]
    assert links[0] == f"{SITE}2026-06/endringer/"
    assert f"{SITE}2026-06/endringer/#utgave-2026-01" in links
    content = feed.find(f"{atom}entry/{atom}content")
    assert content is not None and f'href="{SITE}2026-06/oppfolgingspunkter/' in (
        content.text or ""
    )
    # Each edition's own feed and the root's are the same feed to a reader.
    version_feed = ET.parse(pages / "2026-01" / "endringer.xml").getroot()
    assert version_feed.findtext(f"{atom}id") == feed.findtext(f"{atom}id")
    index = (pages / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE}2026-06/sitemap.xml</loc>" in index


def test_every_version_lists_every_page_under_site_url(published: Published) -> None:
    pages = published.pages
    for version in ("2025-10", "2026-01", "2026-06"):
        folder = pages / version
        expected = {
            SITE + version + "/" + path.relative_to(folder).parent.as_posix() + "/"
            for path in folder.rglob("index.html")
        }
        expected = {url.replace("/./", "/") for url in expected}
        sitemap = ET.parse(folder / "sitemap.xml").getroot()
        locs = {e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
        assert locs == expected, version
        feed = (folder / "endringer.xml").read_text(encoding="utf-8")
        assert f'xml:base="{SITE}{version}/"' in feed
        assert f'href="{SITE}{version}/endringer/"' in feed


def test_pages_point_readers_at_the_stable_addresses(published: Published) -> None:
    pages = published.pages
    front = _page(pages, "2026-01", ".")
    assert '<link rel="alternate" type="application/atom+xml" title="Endringer i ' in front
    assert 'href="./../endringer.xml"' in front
    point = _page(pages, "2026-01", "oppfolgingspunkter/2025-3")
    assert 'href="../../../endringer.xml"' in point
    data = _page(pages, "2026-01", "data")
    assert 'href="../../endringer.xml" download' in data
    changes = _page(pages, "2026-01", "endringer")
    assert 'href="../../endringer.xml" type="application/atom+xml"' in changes
    assert 'href="../../data/oppfolgingspunkter.json"' in data
    assert "Faste adresser" in data
    assert 'href="../data/oppfolgingspunkter.json" download' in data  # January's own files too


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
    git("checkout", "--quiet", "main", cwd=work)
    git("reset", "--quiet", "--hard", "main", cwd=work)
    git("clean", "--quiet", "-fd", cwd=work)
    assert remote_refs(published.remote) == before
    assert git("rev-parse", "main", "gh-pages", cwd=work) == local


@pytest.fixture
def restored(published: Published) -> Iterator[Path]:
    """The maintainer's clone, for a test that publishes: remote and clone are put back."""
    work = published.work
    gh_pages = git("rev-parse", "gh-pages", cwd=work).strip()
    main = git("rev-parse", "main", cwd=work).strip()
    yield work
    for hook in (published.remote / "hooks").glob("pre-receive"):
        hook.unlink()
    git("checkout", "--quiet", "main", cwd=work)
    git("reset", "--quiet", "--hard", main, cwd=work)
    git("clean", "--quiet", "-fd", cwd=work)
    git("push", "--quiet", "--force", "origin", f"{gh_pages}:refs/heads/gh-pages", cwd=work)
    git("update-ref", "refs/heads/gh-pages", gh_pages, cwd=work)
    git("fetch", "--quiet", "origin", "+gh-pages:refs/remotes/origin/gh-pages", cwd=work)


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


def test_refuses_a_round_with_placeholders(clone: Path) -> None:
    """The preview shows a round in progress; publishing (and its previews) never do."""
    started = run_generator("new-round", "2026-09", "--date", "2026-09-15", cwd=clone)
    assert started.returncode == 0, started.stderr
    for command in (("publish",), ("preview", "5")):
        result = run_generator(*command, cwd=clone)
        assert result.returncode == 1
        assert "statusen for «2026-09» er ikke fylt ut (teksten inneholder «FYLL INN»)" in (
            result.stderr
        )
        assert "Ingenting er publisert: rett feilene over først." in result.stderr


def test_refuses_a_dirty_tree(clone: Path) -> None:
    om = clone / "content" / "om.md"
    om.write_text(om.read_text(encoding="utf-8") + "\nEn setning til.\n", encoding="utf-8")
    (clone / "utkast.md").write_text("Ikke lagt til\n", encoding="utf-8")
    result = run_publish(cwd=clone)
    assert result.returncode == 3
    assert result.stderr == (
        "Kontrollerer og bygger …\n"
        "Ingenting er publisert. Arbeidsmappen har endringer som ikke er committet:\n"
        "   M content/om.md\n"
        "  ?? utkast.md\n"
        "Commit endringene (eller legg dem bort med «git stash») og publiser på nytt, "
        "så nettstedet svarer til en commit.\n"
    )


def test_refuses_a_site_url_that_is_not_an_address(clone: Path) -> None:
    result = run_publish(cwd=clone, env={"SITE_URL": "politiradet.example.org"})
    assert result.returncode == 3
    assert result.stderr == (
        "Kontrollerer og bygger …\n"
        "Ingenting er publisert. Miljøvariabelen SITE_URL er «politiradet.example.org», som "
        "ikke er en nettadresse. Skriv hele adressen til nettstedet, for eksempel "
        "https://politiradet.github.io/oppfolging/, eller fjern variabelen.\n"
    )


def _commit_on_pages(published: Published, where: Path, name: str, text: str, message: str) -> None:
    """Another maintainer's clone of gh-pages at ``where``, with ``name`` written and committed."""
    git("clone", "-q", "--branch", "gh-pages", str(published.remote), str(where), cwd=where.parent)
    (where / name).write_text(text, encoding="utf-8")
    git("add", name, cwd=where)
    git("commit", "--quiet", "-m", message, cwd=where)


def test_refuses_when_gh_pages_is_behind_the_remote(published: Published, restored: Path) -> None:
    other = restored.parent / "other"
    _commit_on_pages(published, other, "CNAME", "politiradet.example.org\n", "Custom domain")
    git("push", "--quiet", "origin", "gh-pages", cwd=other)
    pushed = remote_refs(published.remote)
    local = git("rev-parse", "gh-pages", cwd=restored)
    result = run_publish(cwd=restored)
    assert result.returncode == 3
    assert result.stderr.endswith(
        "Ingenting er publisert. Den lokale grenen gh-pages er bak origin/gh-pages: noen har "
        "publisert siden sist. Hent den nyeste versjonen med\n"
        "  git fetch origin gh-pages:gh-pages\n"
        "og publiser på nytt.\n"
    )
    assert remote_refs(published.remote) == pushed
    assert git("rev-parse", "gh-pages", cwd=restored) == local
    git("fetch", "--quiet", "origin", "gh-pages:gh-pages", cwd=restored)  # the advice works


def test_refuses_a_broken_versions_json(published: Published, restored: Path) -> None:
    other = restored.parent / "broken"
    broken_json = '[{"version": "2026-06",\n'
    _commit_on_pages(published, other, "versions.json", broken_json, "A hand edit gone wrong")
    git("push", "--quiet", "origin", "gh-pages", cwd=other)
    git("fetch", "--quiet", "origin", "gh-pages:gh-pages", cwd=restored)
    broken = git("rev-parse", "gh-pages", cwd=restored)
    result = run_publish("--edition", "2026-06", cwd=restored)
    assert result.returncode == 3
    assert result.stderr == (
        "Kontrollerer og bygger …\n"
        "Ingenting er publisert. Filen versions.json på grenen gh-pages kan ikke leses: linje 2, "
        "kolonne 1 er ikke gyldig JSON. Den lister versjonene som er publisert, og må være i "
        "orden før noe publiseres. Se hvordan den så ut før med «git log -p gh-pages -- "
        "versions.json», og rett den på grenen gh-pages: hent grenen i en egen mappe med «git "
        "worktree add ../gh-pages gh-pages», rett filen der, commit og push, og publiser på nytt.\n"
    )
    assert git("rev-parse", "gh-pages", cwd=restored) == broken


def test_refuses_to_rebuild_old_editions_from_a_shallow_clone(
    published: Published, tmp_path: Path
) -> None:
    shallow = tmp_path / "shallow"
    url = f"file://{published.remote}"
    git("clone", "--quiet", "--depth", "1", "--branch", "main", url, str(shallow), cwd=tmp_path)
    before = remote_refs(published.remote)
    result = run_publish(cwd=shallow)
    assert result.returncode == 3
    assert result.stderr == (
        "Kontrollerer og bygger …\n"
        "Ingenting er publisert. Rapporteringsrunden «2025-10» kan ikke bygges på nytt slik den "
        "var: git-historikken trengs for å bygge en eldre rapporteringsrunde slik den var, men "
        "dette er en grunn kopi (shallow clone) som ikke har med commiten der runden var den "
        "nyeste. Hent hele historikken med «git fetch --unshallow» og prøv igjen (i GitHub "
        "Actions: «fetch-depth: 0» i actions/checkout).\n"
    )
    assert remote_refs(published.remote) == before
    # The newest edition needs no history.
    git("fetch", "--quiet", "--depth", "1", "origin", "gh-pages:gh-pages", cwd=shallow)
    newest = run_publish("--edition", "2026-06", cwd=shallow)
    assert newest.returncode == 0, newest.stderr
    assert remote_refs(published.remote) == before  # the same files: nothing new to push


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
    assert result.returncode == 3
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
    assert result.returncode == 3
    assert "Fant ikke git-fjernlageret «upstream» (kjente fjernlagre: «origin»)." in result.stderr


def test_refuses_an_unknown_edition(clone: Path) -> None:
    result = run_publish("--edition", "2027-01", cwd=clone)
    assert result.returncode == 1
    assert (
        "Rapporteringsrunden «2027-01» finnes ikke i editions. Velg en av disse: «2025-10», "
        "«2026-01», «2026-06»." in result.stderr
    )


def test_a_title_that_looks_like_an_option(restored: Path) -> None:
    followups = restored / "followups.yaml"
    followups.write_text(
        followups.read_text(encoding="utf-8").replace(
            "title: Status pr juni 2026", "title: --Status pr juni 2026"
        ),
        encoding="utf-8",
    )
    git("commit", "--quiet", "-am", "A title starting with two dashes", cwd=restored)
    result = run_publish(cwd=restored)
    assert result.returncode == 0, result.stderr
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=restored))
    assert versions[0]["title"] == "--Status pr juni 2026"


@pytest.mark.browser
def test_version_selector_lists_editions_and_keeps_the_page(
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
    # Named by what it shows, in the catalogue's words (version-label.js).
    page.wait_for_function(
        "() => document.querySelector('.md-version__current').getAttribute('aria-label')"
        " === 'Velg rapporteringsrunde: Status pr januar 2026'"
    )
    outdated.wait_for(state="visible")
    assert "Du ser en eldre rapporteringsrunde." in outdated.inner_text()

    page.locator(".md-version").hover()
    links = page.locator(".md-version__link")
    assert links.all_inner_texts() == [
        "Status pr juni 2026",
        "Status pr januar 2026",
        "Status pr oktober 2025",
    ]
    links.filter(has_text="Status pr juni 2026").click()
    page.wait_for_url(f"{base}2026-06/")
    assert page.locator(".md-version__current").inner_text() == "Status pr juni 2026"

    # From a point's page, another edition opens on the same point (the sitemaps know it).
    page.goto(f"{base}2026-01/oppfolgingspunkter/2025-3/")
    page.locator(".md-version__current").wait_for()
    page.locator(".md-version").hover()
    page.locator(".md-version__link").filter(has_text="Status pr juni 2026").click()
    page.wait_for_url(f"{base}2026-06/oppfolgingspunkter/2025-3/")

    page.goto(f"{base}2026-01/")
    outdated.get_by_role("link", name="Gå til den nyeste rapporteringsrunden.").click()
    page.wait_for_url(f"{base}2026-06/")


@pytest.mark.browser
def test_published_editions_have_no_axe_violations(
    published: Published, page: Any, serve: functools.partial[str]
) -> None:
    """The version selector and the outdated banner exist only on the published site."""
    base = serve(published.pages)
    source = axe_source()
    failures = []
    for path in ("2026-01/", "2026-06/", "2026-01/oppfolgingspunkter/", "2026-01/data/"):
        page.goto(base + path)
        page.locator(".md-version__current").wait_for()
        violations = run_axe(page, source)
        if violations:
            failures.append(describe(base + path, violations))
    assert not failures, "axe-core found violations:\n" + "\n".join(failures)


def test_rejected_push_puts_local_gh_pages_back(published: Published, clone: Path) -> None:
    om = clone / "content" / "om.md"
    om.write_text(om.read_text(encoding="utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    git("commit", "--quiet", "-am", "A change to publish", cwd=clone)
    hook = published.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'gh-pages er låst' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    try:
        result = run_publish("--edition", "2026-06", cwd=clone)
    finally:
        hook.unlink()
        git("reset", "--quiet", "--hard", "HEAD~1", cwd=clone)
    assert result.returncode == 3
    assert "Ingenting er publisert. git push --quiet origin" in result.stderr
    assert "gh-pages er låst" in result.stderr
    # The clone fixture checks that local gh-pages is back where it was.


def test_publishing_from_an_old_commit_keeps_latest(restored: Path) -> None:
    # January's commit knows October and January only; June is already published.
    git("checkout", "--quiet", "januar", cwd=restored)
    result = run_publish(cwd=restored)
    assert result.returncode == 0, result.stderr
    assert (
        "«latest» er ikke flyttet: den peker på 2026-06, som er nyere enn datafilene her."
        in result.stdout
    )
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=restored))
    assert [v["aliases"] for v in versions] == [["latest"], [], []]
    root_feed = git("show", "gh-pages:endringer.xml", cwd=restored)
    assert "Status pr juni 2026" in root_feed  # the stable addresses stay on the newest


PREVIEW_TITLE = "Forhåndsvisning av endring #7"


@dataclass(frozen=True)
class Previewed:
    shown: subprocess.CompletedProcess[str]
    summary: str
    versions: list[dict[str, Any]]
    """versions.json while the preview was published."""
    site: Path
    """A checkout of gh-pages while the preview was published."""
    publish: subprocess.CompletedProcess[str]
    """`publish` run while the preview was published."""
    removed: subprocess.CompletedProcess[str]
    again: subprocess.CompletedProcess[str]
    heads: dict[str, str]


@pytest.fixture(scope="module")
def previewed(published: Published, tmp_path_factory: pytest.TempPathFactory) -> Previewed:
    """Pull request 7 previewed against the bare remote, then removed twice."""
    base = tmp_path_factory.mktemp("preview")
    work = published.work
    summary = base / "summary.md"
    summary.write_text("## Sammendrag\n", encoding="utf-8")
    heads = {"before": git("rev-parse", "gh-pages", cwd=work).strip()}
    shown = run_generator("preview", "7", cwd=work, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert shown.returncode == 0, shown.stdout + shown.stderr
    heads["shown"] = git("rev-parse", "gh-pages", cwd=work).strip()
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=work))
    site = base / "site"
    git("clone", "--quiet", "--branch", "gh-pages", str(published.remote), str(site), cwd=base)
    publish = run_publish(cwd=work)
    heads["published"] = git("rev-parse", "gh-pages", cwd=work).strip()
    removed = run_generator("preview", "--remove", "7", cwd=work)
    heads["removed"] = git("rev-parse", "gh-pages", cwd=work).strip()
    again = run_generator("preview", "--remove", "7", cwd=work)
    heads["again"] = git("rev-parse", "gh-pages", cwd=work).strip()
    return Previewed(
        shown, summary.read_text(encoding="utf-8"), versions, site, publish, removed, again, heads
    )


def test_a_preview_is_a_hidden_version_with_its_address(
    published: Published, previewed: Previewed
) -> None:
    assert previewed.shown.stdout.splitlines() == [
        "Publiserte forhåndsvisningen av endring #7 (Status pr juni 2026) som den skjulte "
        "versjonen pr-7 på origin/gh-pages. Den vises ikke i versjonsvelgeren. Adresse:",
        f"{SITE}pr-7/",
    ]
    assert previewed.summary == (
        f"## Sammendrag\nForhåndsvisning av endringen: [{SITE}pr-7/]({SITE}pr-7/)\n"
    )
    assert previewed.versions[0] == {
        "version": "pr-7",
        "title": PREVIEW_TITLE,
        "aliases": [],
        "properties": {"hidden": True},
    }
    assert [v["aliases"] for v in previewed.versions if v["version"] == "2026-06"] == [["latest"]]
    site, work = previewed.site, published.work
    assert (site / "pr-7" / "oppfolgingspunkter" / "2026-1" / "index.html").exists()
    # No stable addresses for a preview: its pages link their own feed, the root stays June's.
    front = (site / "pr-7" / "index.html").read_text(encoding="utf-8")
    assert 'href="endringer.xml"' in front
    for path in ("endringer.xml", "data", "sitemap.xml", "index.html"):
        assert tree(work, previewed.heads["before"], path) == tree(
            work, previewed.heads["shown"], path
        )


def test_publish_does_not_count_a_preview(previewed: Previewed) -> None:
    assert previewed.publish.returncode == 0, previewed.publish.stderr
    assert previewed.publish.stdout.startswith(
        "Ingenting å publisere: origin/gh-pages er allerede oppdatert.\n"
    )
    assert previewed.heads["published"] == previewed.heads["shown"]


def test_a_preview_is_removed_and_removing_it_again_is_no_error(
    published: Published, previewed: Previewed
) -> None:
    assert previewed.removed.returncode == 0, previewed.removed.stderr
    assert previewed.removed.stdout == "Fjernet forhåndsvisningen pr-7 fra origin/gh-pages.\n"
    work = published.work
    assert "pr-7" not in git("ls-tree", "--name-only", previewed.heads["removed"], cwd=work)
    versions = json.loads(git("show", f"{previewed.heads['removed']}:versions.json", cwd=work))
    assert [v["version"] for v in versions] == ["2026-06", "2026-01", "2025-10"]
    assert previewed.again.returncode == 0, previewed.again.stderr
    assert previewed.again.stdout == (
        "Det finnes ingen forhåndsvisning pr-7 på origin/gh-pages; ingenting å fjerne.\n"
    )
    assert previewed.heads["again"] == previewed.heads["removed"]
    assert remote_pages(published.remote) == previewed.heads["removed"]


@pytest.mark.browser
def test_a_preview_is_never_in_the_version_selector(
    previewed: Previewed, page: Any, serve: functools.partial[str]
) -> None:
    base = serve(previewed.site)
    page.goto(f"{base}2026-01/")
    page.locator(".md-version__current").wait_for()
    page.locator(".md-version").hover()
    assert page.locator(".md-version__link").all_inner_texts() == [
        "Status pr juni 2026",
        "Status pr januar 2026",
        "Status pr oktober 2025",
    ]
    page.goto(f"{base}pr-7/")
    current = page.locator(".md-version__current")
    current.wait_for()
    assert current.inner_text() == PREVIEW_TITLE
    page.locator(".md-version").hover()
    assert PREVIEW_TITLE not in page.locator(".md-version__link").all_inner_texts()
    assert page.locator("[data-md-component=outdated]").is_hidden()  # not an old edition


def test_preview_refuses_a_number_that_is_not_one(clone: Path) -> None:
    for number in ("7a", "-7", "７", "7; rm -rf ."):
        result = run_generator("preview", number, cwd=clone)
        assert result.returncode == 2, number
        assert result.stderr == (
            "Kontrollerer og bygger …\n"
            f"Ingenting er publisert. «{number}» er ikke nummeret på en endring (pull request). "
            "Oppgi bare sifre, for eksempel «make preview PR=12».\n"
        )
    removed = run_generator("preview", "--remove", "x", cwd=clone)
    assert removed.returncode == 2
    assert removed.stderr.startswith("Ingenting er fjernet. «x» er ikke nummeret på en endring")


def test_preview_refuses_invalid_data(clone: Path) -> None:
    followups = clone / "followups.yaml"
    followups.write_text(
        followups.read_text(encoding="utf-8").replace("state: pågår", "state: ferdig", 1),
        encoding="utf-8",
    )
    shown = run_generator("preview", "7", cwd=clone)
    assert shown.returncode == 1
    assert re.search(r"followups\.yaml:\d+:\d+: feil: .*«ferdig»", shown.stderr)
    assert shown.stderr.endswith("Ingenting er publisert: rett feilene over først.\n")


def test_a_preview_is_removed_even_when_the_data_has_mistakes(restored: Path) -> None:
    """Removing builds nothing: a pull request closed with mistakes loses its preview."""
    shown = run_generator("preview", "8", cwd=restored)
    assert shown.returncode == 0, shown.stderr
    followups = restored / "followups.yaml"
    followups.write_text(
        followups.read_text(encoding="utf-8").replace("state: pågår", "state: ferdig", 1),
        encoding="utf-8",
    )
    removed = run_generator("preview", "--remove", "8", cwd=restored)
    assert removed.returncode == 0, removed.stderr
    assert "Fjernet forhåndsvisningen pr-8" in removed.stdout
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=restored))
    assert "pr-8" not in [v["version"] for v in versions]


def _hook(remote: Path, script: str) -> None:
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    hook.chmod(0o755)


# Leaves the quarantine a pre-receive hook runs in, so the hook can play
# another publication that reaches the remote just before ours.
_OUTSIDE_QUARANTINE = (
    "unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES\n"
    "export GIT_AUTHOR_NAME=Rival GIT_AUTHOR_EMAIL=rival@example.org\n"
    "export GIT_COMMITTER_NAME=Rival GIT_COMMITTER_EMAIL=rival@example.org\n"
)


def test_a_publication_that_loses_a_race_is_done_again_on_top(
    published: Published, restored: Path
) -> None:
    other = restored.parent / "rival"
    _commit_on_pages(
        published, other, "CNAME", "politiradet.example.org\n", "Custom domain, published meanwhile"
    )
    git("push", "--quiet", "origin", "HEAD:refs/heads/rival", cwd=other)
    rival = git("rev-parse", "HEAD", cwd=other).strip()
    _hook(
        published.remote,
        _OUTSIDE_QUARANTINE
        + 'if [ ! -e "$GIT_DIR/raced" ]; then\n'
        + '  touch "$GIT_DIR/raced"\n'
        + f"  git update-ref refs/heads/gh-pages {rival}\n"
        + "  echo 'avvist: gh-pages har flyttet seg' >&2\n"
        + "  exit 1\n"
        + "fi\n",
    )
    try:
        result = run_generator("preview", "8", cwd=restored)
    finally:
        (published.remote / "hooks" / "pre-receive").unlink()
        (published.remote / "raced").unlink(missing_ok=True)
        git("push", "--quiet", "origin", ":refs/heads/rival", cwd=other)
    assert result.returncode == 0, result.stderr
    head = remote_pages(published.remote)
    names = git("ls-tree", "--name-only", head, cwd=restored).split()
    assert "CNAME" in names and "pr-8" in names
    assert git("rev-parse", f"{head}~1", cwd=restored).strip() == rival


def test_publishing_gives_up_after_losing_three_races(published: Published, restored: Path) -> None:
    local = git("rev-parse", "gh-pages", cwd=restored).strip()
    _hook(
        published.remote,
        _OUTSIDE_QUARANTINE
        + "new=$(git commit-tree 'refs/heads/gh-pages^{tree}' -p refs/heads/gh-pages -m rival)\n"
        + 'git update-ref refs/heads/gh-pages "$new"\n'
        + "exit 1\n",
    )
    result = run_generator("preview", "9", cwd=restored)
    assert result.returncode == 3
    assert result.stderr == (
        "Kontrollerer og bygger …\n"
        "Ingenting er publisert. Noen andre publiserte til origin/gh-pages samtidig, 3 ganger på "
        "rad. Vent til de andre publiseringene er ferdige, og publiser på nytt.\n"
    )
    assert git("rev-parse", "gh-pages", cwd=restored).strip() == local
    rivals = git("log", "--format=%an", "-3", "refs/heads/gh-pages", cwd=published.remote)
    assert rivals.split() == ["Rival"] * 3
