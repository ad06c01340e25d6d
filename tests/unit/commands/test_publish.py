"""Publishing's parts that need no MkDocs build: versions.json, plans, addresses, root files."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jinja2
import pytest

from generator.commands import publish
from generator.errors import UsageFailure
from generator.site import download_files, publish_env
from generator.site.build import Sources, load_dataset
from tests.conftest import copy_project
from tests.gitenv import git_env
from tests.june_edition import complete_june_round

ENV = git_env()
ATOM = "{http://www.w3.org/2005/Atom}"


def git(*args: str, cwd: Path, input: bytes | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, input=input)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


def pages_branch(repo: Path, files: dict[str, bytes]) -> None:
    """A gh-pages branch holding ``files`` (folders as ``name/``), made without a checkout."""
    entries = []
    for name, content in files.items():
        if name.endswith("/"):
            blob = git("hash-object", "-w", "--stdin", cwd=repo, input=b"x").strip()
            inner = git("mktree", cwd=repo, input=f"100644 blob {blob}\tx\n".encode()).strip()
            entries.append(f"040000 tree {inner}\t{name.rstrip('/')}\n")
        else:
            blob = git("hash-object", "-w", "--stdin", cwd=repo, input=content).strip()
            entries.append(f"100644 blob {blob}\t{name}\n")
    tree = git("mktree", cwd=repo, input="".join(entries).encode()).strip()
    commit = git("commit-tree", tree, "-m", "pages", cwd=repo).strip()
    git("update-ref", "refs/heads/gh-pages", commit, cwd=repo)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git("init", "--quiet", "-b", "main", cwd=tmp_path)
    git("commit", "--quiet", "--allow-empty", "-m", "start", cwd=tmp_path)
    return tmp_path


def test_versions_json_is_read_with_its_properties(repo: Path) -> None:
    assert publish.read_versions(repo, "gh-pages") == ()  # nothing published yet
    entries = [
        {
            "version": "pr-3",
            "title": "Forhåndsvisning",
            "aliases": [],
            "properties": {"hidden": True},
        },
        {"version": "2026-01", "title": "Januar", "aliases": ["latest"]},
    ]
    pages_branch(repo, {"versions.json": json.dumps(entries).encode()})
    versions = publish.read_versions(repo, "gh-pages")
    assert [(v.version, v.aliases, v.hidden) for v in versions] == [
        ("pr-3", (), True),
        ("2026-01", ("latest",), False),
    ]
    assert publish.latest_version(repo, "gh-pages") == "2026-01"


ADVICE = (
    ". Den lister versjonene som er publisert, og må være i orden før noe publiseres. Se hvordan "
    "den så ut før med «git log -p gh-pages -- versions.json», og rett den på grenen gh-pages: "
    "hent grenen i en egen mappe med «git worktree add ../gh-pages gh-pages», rett filen der, "
    "commit og push, og publiser på nytt."
)


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b'[{"version": "2026-01",\n', "linje 2, kolonne 1 er ikke gyldig JSON"),
        (b"", "linje 1, kolonne 1 er ikke gyldig JSON"),
        ('[{"title": "Januar ø"}]'.encode("latin-1"), "den er ikke lagret som UTF-8-tekst"),
        (b'{"version": "2026-01"}', "den skal være en liste ([ … ])"),
        (
            b'[{"version": "2026-01", "title": "J", "aliases": []}, {"version": 2026}]',
            "oppføring nr. 2 mangler «version», «title» eller «aliases», eller har feil slags "
            "verdi i dem",
        ),
        (
            b'[{"version": "a", "title": "A", "aliases": [], "properties": []}]',
            "oppføring nr. 1 mangler «version», «title» eller «aliases», eller har feil slags "
            "verdi i dem",
        ),
    ],
)
def test_a_broken_versions_json_is_explained(repo: Path, content: bytes, detail: str) -> None:
    pages_branch(repo, {"versions.json": content})
    with pytest.raises(publish.PublishError) as caught:
        publish.read_versions(repo, "gh-pages")
    assert (
        str(caught.value)
        == f"Filen versions.json på grenen gh-pages kan ikke leses: {detail}{ADVICE}"
    )


def test_versions_json_that_is_a_folder(repo: Path) -> None:
    pages_branch(repo, {"versions.json/": b""})
    with pytest.raises(publish.PublishError) as caught:
        publish.read_versions(repo, "gh-pages")
    assert "kan ikke leses: det er en mappe, ikke en fil." in str(caught.value)


@pytest.mark.parametrize("number", ["12", "0012", "1"])
def test_preview_versions(number: str) -> None:
    assert publish.preview_version(number) == f"pr-{int(number)}"


@pytest.mark.parametrize("number", ["", "pr-12", "12\n", "1 2", "１２", "1e3", "-1", "1234567890"])
def test_preview_numbers_are_digits_only(number: str) -> None:
    with pytest.raises(UsageFailure) as caught:
        publish.preview_version(number)
    assert str(caught.value) == (
        f"«{number}» er ikke nummeret på en endring (pull request). Oppgi bare sifre, "
        "for eksempel «make preview PR=12»."
    )


def test_a_preview_never_replaces_an_edition(repo: Path) -> None:
    """A version named pr-N that is not a hidden preview is left alone, by both commands."""
    project = repo
    copy_project(project)
    git("add", "-A", cwd=project)
    git("commit", "--quiet", "-m", "data", cwd=project)
    remote = project.parent / f"{project.name}-remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    entries = [{"version": "pr-7", "title": "Status pr juli", "aliases": ["latest"]}]
    pages_branch(project, {"versions.json": json.dumps(entries).encode()})
    options = publish.Options(
        root=project,
        sources=Sources(
            project / "followups.yaml", project / "ipo_areas.yaml", project, project / "content"
        ),
        config_file=project / "mkdocs.yml",
    )
    for act in (publish.preview, publish.remove_preview):
        with pytest.raises(publish.PublishError) as caught:
            act(options, "7", ENV)
        assert str(caught.value) == (
            "Versjonen «pr-7» på gh-pages er ikke en skjult forhåndsvisning, men «Status pr "
            "juli». Den røres ikke. Gi rapporteringsrunden en annen id, eller slett versjonen "
            "med mike hvis den er lagt der ved en feil."
        )


def _two_editions_at_once(project: Path) -> publish.Options:
    """January and June committed together: January was never the newest."""
    copy_project(project)
    complete_june_round(project)
    git("add", "-A", cwd=project)
    git("commit", "--quiet", "-m", "data", cwd=project)
    return publish.Options(
        root=project,
        sources=Sources.in_folder(project),
        config_file=project / "mkdocs.yml",
    )


def test_the_default_mode_leaves_an_edition_without_history_as_it_stands(repo: Path) -> None:
    options = _two_editions_at_once(repo)
    data = load_dataset(options.sources).data
    plan = publish.plan(options, data)
    assert [e.id for e in plan.editions] == ["2026-06"]
    assert [m.edition for m in plan.skipped] == ["2026-01"]
    assert plan.skipped[0].reason == "not-found"


@pytest.mark.parametrize("asked", [{"edition": "2026-01"}, {"every": True}])
def test_asking_for_an_edition_without_history_is_refused(
    repo: Path, asked: dict[str, object]
) -> None:
    options = _two_editions_at_once(repo)
    data = load_dataset(options.sources).data
    with pytest.raises(publish.PublishError) as caught:
        publish.plan(publish.Options(**{**vars(options), **asked}), data)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "Rapporteringsrunden «2026-01» kan ikke bygges på nytt slik den var: ingen commit i "
        "git-historikken har «2026-01» som den nyeste rapporteringsrunden i followups.yaml (den "
        "kom inn samtidig med eller etter en nyere runde), så det er ikke kjent hvilke punkter, "
        "frister og IPO-områder den hadde."
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        ("  ", ""),
        ("https://x.github.io/repo", "https://x.github.io/repo/"),
        ("https://politiradet.example.org/", "https://politiradet.example.org/"),
        ("http://localhost:8000/site/", "http://localhost:8000/site/"),
    ],
)
def test_site_url(value: str, expected: str) -> None:
    assert publish_env.site_url({"SITE_URL": value}) == expected
    assert publish_env.site_url({}) == ""


@pytest.mark.parametrize(
    "value",
    ["x.github.io/repo", "ftp://x.org/", "https://", "https://x.org/?a=1", "https://x.org/#a"],
)
def test_site_url_must_be_an_address(value: str) -> None:
    with pytest.raises(publish_env.AddressError) as caught:
        publish_env.site_url({"SITE_URL": value})
    assert str(caught.value) == (
        f"Miljøvariabelen SITE_URL er «{value}», som ikke er en nettadresse. Skriv hele adressen "
        "til nettstedet, for eksempel https://politiradet.github.io/oppfolging/, eller fjern "
        "variabelen."
    )


@pytest.fixture(scope="module")
def june(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("june"))
    complete_june_round(project)
    return project


def _stable(project: Path, site_url: str) -> dict[str, bytes]:
    data = load_dataset(Sources.in_folder(project)).data
    schemas = tuple(sorted((project / "schemas").glob("*.json")))
    return download_files.stable_files(data, schemas, site_url, "2026-06")


def test_root_files_without_an_address_link_into_the_version(june: Path) -> None:
    files = _stable(june, "")
    assert sorted(files) == sorted(
        [
            "data/ipo-omrader.csv",
            "data/ipo-omrader.json",
            "data/oppfolgingspunkter.csv",
            "data/oppfolgingspunkter.json",
            "data/statuser.csv",
            "endringer.xml",
            "sitemap.xml",
            *(f"data/schema/{p.name}" for p in sorted((june / "schemas").glob("*.json"))),
        ]
    )
    feed = ET.fromstring(files["endringer.xml"])
    assert feed.get("{http://www.w3.org/XML/1998/namespace}base") is None
    assert feed.find(f"{ATOM}link").get("href") == "2026-06/endringer/"  # type: ignore[union-attr]
    content = feed.findtext(f"{ATOM}entry/{ATOM}content") or ""
    assert 'href="2026-06/oppfolgingspunkter/2025-3/"' in content
    assert files["sitemap.xml"] == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" />\n'
    )


def test_root_files_with_an_address_are_absolute(june: Path) -> None:
    files = _stable(june, "https://x.github.io/repo")
    feed = ET.fromstring(files["endringer.xml"])
    assert feed.get("{http://www.w3.org/XML/1998/namespace}base") == "https://x.github.io/repo/"
    assert feed.find(f"{ATOM}link").get("href") == "https://x.github.io/repo/2026-06/endringer/"  # type: ignore[union-attr]
    assert b"<loc>https://x.github.io/repo/2026-06/sitemap.xml</loc>" in files["sitemap.xml"]


def test_a_version_address_without_its_slash_still_makes_links(june: Path) -> None:
    """mike gives each version «SITE_URL» joined with the version, and no slash."""
    data = load_dataset(Sources.in_folder(june)).data
    feed = download_files.files(data, (), "https://x.github.io/repo/2026-06", with_pdf=False)
    assert b'href="https://x.github.io/repo/2026-06/endringer/"' in feed["endringer.xml"]


@pytest.mark.parametrize("name", ["latest", "data"])
def test_an_edition_named_like_the_sites_own_folders_is_refused(repo: Path, name: str) -> None:
    project = copy_project(repo)
    sources = Sources.in_folder(project)
    data = load_dataset(sources).data
    renamed = dataclasses.replace(data, editions=(dataclasses.replace(data.editions[0], id=name),))
    options = publish.Options(root=project, sources=sources, config_file=project / "mkdocs.yml")
    with pytest.raises(publish.PublishRefused) as caught:
        publish.plan(options, renamed)
    assert str(caught.value) == (
        f"Rapporteringsrunden «{name}» kan ikke publiseres under det navnet: «{name}» er allerede "
        "i bruk på nettstedet (data, latest). Gi runden en annen id i followups.yaml (for "
        "eksempel året og måneden, «2026-06»), også i statusene og i ipo_areas.yaml."
    )


@pytest.mark.parametrize(
    "language,expected",
    [
        ("nb", ['lang="nb"', "<title>Videresender</title>", "Videresender til", "den nyeste"]),
        ("nn", ['lang="nn"', "<title>Vidaresender</title>", "Vidaresender til", "den nyaste"]),
    ],
)
def test_the_redirect_page_speaks_the_councils_language(
    tmp_path: Path, language: str, expected: list[str]
) -> None:
    """publish hands mike a redirect page in the council's words; mike fills in href."""
    template = publish.redirect_template(language, tmp_path)
    page = jinja2.Template(template.read_text(encoding="utf-8")).render(href="../2026-01/")
    for text in expected:
        assert text in page
    assert 'href="../2026-01/"' in page
    if language == "nb":
        # The same page as mike makes from the template alone, with its defaults.
        direct = jinja2.Template(publish.REDIRECT_TEMPLATE.read_text(encoding="utf-8"))
        assert page == direct.render(href="../2026-01/")
