"""``init`` gives another council a site that validates and builds at once."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import words
from generator.commands import init
from tests.conftest import ROOT, run_generator

COUNCIL = [
    "--name",
    "Politirådet i Fjordby",
    "--member",
    "Fjordby kommune",
    "--member",
    "Vestland politidistrikt, Fjordby",
    "--unit",
    "nord=Enhet nord",
    "--unit",
    "sor=Enhet sør: sentrum",
    "--edition-date",
    "2026-03-02",
]


@pytest.mark.slow
def test_init_builds_a_site_with_nothing_from_oslo(tmp_path: Path) -> None:
    result = run_generator("init", "fjordby", *COUNCIL, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "fjordby"
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert written == [
        ".gitignore",
        ".pre-commit-config.yaml",
        ".vscode/extensions.json",
        ".vscode/settings.json",
        "content/om.md",
        "followups.yaml",
        "ipo_areas.yaml",
        "mkdocs.yml",
        "schemas/followups.schema.json",
        "schemas/ipo_areas.schema.json",
        "schemas/privacy_exceptions.schema.json",
        "templates/redirect.html.j2",
    ]
    for rel in written:
        assert "oslo" not in (site / rel).read_text(encoding="utf-8").lower(), rel
    assert [p.name for p in tmp_path.iterdir()] == ["fjordby"]  # no staging folder left

    build = run_generator("site", cwd=site)  # mkdocs build --strict
    assert build.returncode == 0, build.stdout + build.stderr
    front = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert (
        "Politirådet i Fjordby er samarbeidsrådet mellom Fjordby kommune og Vestland politidistrikt, Fjordby."
        in front
    )
    assert "Status pr mars 2026" in front
    ipo = (site / "site" / "ipo" / "index.html").read_text(encoding="utf-8")
    assert "Områdene for status pr mars 2026 er ikke registrert." in ipo
    about = (site / "site" / "om" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="om-politiradet-i-fjordby">Om Politirådet i Fjordby</h1>' in about

    # The new site works with the other commands straight away.
    added = run_generator("new-followup", "--seminar", "2026", "--title", "Første punkt", cwd=site)
    assert added.returncode == 0, added.stderr
    assert "id «2026-1»" in added.stdout


@pytest.mark.slow
def test_init_in_nynorsk_builds_a_nynorsk_site(tmp_path: Path) -> None:
    """--language nn: the navigation, the page about the council, the addresses
    and council.language are nynorsk from the start, and the site builds."""
    result = run_generator("init", "fjordby", *COUNCIL, "--language", "nn", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "fjordby"
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    nn = words.of("nn")
    assert config["theme"]["language"] == "nn"
    assert [next(iter(entry)) for entry in config["nav"]][:3] == [
        nn("nav.front"),
        nn("nav.overview"),
        nn("nav.changes"),
    ]
    assert "language: nn\n" in (site / "followups.yaml").read_text(encoding="utf-8")
    assert "Desse sidene viser:" in (site / "content" / "om.md").read_text(encoding="utf-8")

    build = run_generator("site", cwd=site)  # mkdocs build --strict: every nav link resolves
    assert build.returncode == 0, build.stdout + build.stderr
    front = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nn"' in front
    assert (site / "site" / nn.slug("changes") / "index.html").is_file()
    nav_labels = re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', front)
    assert nn("nav.front") in nav_labels and words.of("nb")("nav.front") not in nav_labels


def test_init_defaults_come_from_the_date() -> None:
    council = init.council_from_options(
        "Rådet", ["A"], ["x=X"], None, None, dt.date(2027, 11, 5), None, None
    )
    assert (
        council.edition_id,
        council.edition_title,
        council.seminar_id,
        council.seminar_title,
    ) == (
        "2027-11",
        "Status pr november 2027",
        "2027",
        "Seminar 2027",
    )


def test_yaml_text_quotes_only_when_needed() -> None:
    assert init.yaml_text("Politirådet i Fjordby") == "Politirådet i Fjordby"
    assert (
        init.yaml_text("Vestland politidistrikt, Fjordby") == '"Vestland politidistrikt, Fjordby"'
    )
    assert init.yaml_text("no") == '"no"'
    assert init.yaml_text('Si "hei": #1') == '"Si \\"hei\\": #1"'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--name", "Rådet", "--member", "A"],
            'Oppgi minst én enhet i politidistriktet med --unit id=Navn, for eksempel --unit vest="Enhet vest".\n',
        ),
        (
            ["--name", "Rådet", "--member", "A", "--unit", "Enhet vest"],
            '--unit «Enhet vest» skal ha formen id=Navn, for eksempel --unit vest="Enhet vest".\n',
        ),
        (
            ["--name", "Rådet", "--member", "A", "--unit", "Vest=Enhet vest"],
            "«Vest» kan ikke brukes som id i --unit: bruk bare små bokstaver a–z, tall og bindestrek.\n",
        ),
        (
            ["--name", " ", "--member", "A", "--unit", "v=V"],
            'Oppgi rådets navn med --name, for eksempel --name "Politirådet i Eksempelby".\n',
        ),
        (
            ["--name", "Rådet", "--unit", "v=V"],
            "Oppgi partene i rådet med --member, én gang per part.\n",
        ),
        (
            ["--name", "Rådet", "--member", "A", "--unit", "v=V", "--language", "se"],
            "«se» er ikke et språk verktøyet har ord for. Velg et av disse med --language: "
            "«nb (bokmål)» og «nn (nynorsk)».\n",
        ),
    ],
)
def test_init_refuses_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_generator("init", "ny", *args, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "ny").mkdir()
    (tmp_path / "ny" / "notater.txt").write_text("mine", encoding="utf-8")
    result = run_generator("init", "ny", *COUNCIL, cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr
        == "ny finnes allerede og er ikke en tom mappe. Velg en ny mappe, så lages den.\n"
    )
    assert [p.name for p in (tmp_path / "ny").iterdir()] == ["notater.txt"]


def test_repository_editor_files_match_what_init_writes() -> None:
    """The shipped .vscode/ and pre-commit files are the ones init gives a new council."""
    assert json.loads((ROOT / ".vscode" / "extensions.json").read_text()) == init.VSCODE_EXTENSIONS
    assert json.loads((ROOT / ".vscode" / "settings.json").read_text()) == init.VSCODE_SETTINGS
    assert (ROOT / ".pre-commit-config.yaml").read_text() == init.PRE_COMMIT_CONFIG


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping ``!ENV [...]`` as its list of names."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: ["!ENV", *loader.construct_sequence(node)]
)


def _config(text: str) -> dict[str, Any]:
    config = yaml.load(text, Loader=_ConfigLoader)
    assert isinstance(config, dict)
    for council_specific in ("site_name", "site_description", "nav"):
        config.pop(council_specific)
    return config


def _pop_redirect_template(config: dict[str, Any]) -> str:
    mike = next(p["mike"] for p in config["plugins"] if isinstance(p, dict) and "mike" in p)
    return str(mike.pop("redirect_template"))


def test_init_config_matches_the_shipped_one_but_for_the_council() -> None:
    """A setting added to mkdocs.yml must reach new councils too, or be left out on purpose here."""
    files = init.files_for(
        init.council_from_options(
            "Rådet", ["A"], ["a=A"], None, None, dt.date(2026, 1, 1), None, None
        )
    )
    shipped = _config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    created = _config(files["mkdocs.yml"])
    # mike's redirect page is in the package here; a new site gets its own copy.
    assert _pop_redirect_template(shipped) == "generator/templates/redirect.html.j2"
    assert _pop_redirect_template(created) == "templates/redirect.html.j2"
    assert created == shipped
    package = ROOT / "generator" / "templates"
    assert files["templates/redirect.html.j2"] == (package / "redirect.html.j2").read_text("utf-8")


OSLO_SITE = init.SiteConfig(
    "Politirådet i Oslo",
    about_title="Om politirådet",
    seminar_pages=(("Seminaret 2026", "seminar-2026.md"),),
    redirect_template="generator/templates/redirect.html.j2",
)
"""This repository's own council, as its mkdocs.yml names it."""


def test_shipped_config_is_the_one_init_writes_for_oslo(request: pytest.FixtureRequest) -> None:
    """One template makes both, so a setting cannot reach one site and miss the
    other; the navigation's addresses come from ``addresses``."""
    expected = init.mkdocs_config(OSLO_SITE)
    shipped = ROOT / "mkdocs.yml"
    if request.config.getoption("--update-goldens"):
        shipped.write_text(expected, encoding="utf-8")
    assert shipped.read_text(encoding="utf-8") == expected, (
        "mkdocs.yml is generator/templates/init/mkdocs.yml.j2 rendered for Oslo: change the "
        "template (or OSLO_SITE), then run pytest tests/test_init.py --update-goldens"
    )


@pytest.mark.parametrize(
    "option,value,shown",
    [
        ("--name", "Rådet\ncouncil:\n  name: Annet", "Rådet\\u000acouncil:\\u000a  name: Annet"),
        ("--member", "Kommu\rnen", "Kommu\\u000dnen"),
        ("--edition-title", "Status\tjuni", "Status\\u0009juni"),
    ],
)
def test_a_name_that_is_not_one_line_is_refused(
    tmp_path: Path, option: str, value: str, shown: str
) -> None:
    """A line break would end the YAML comment or value the name is written into."""
    options = {"--name": "Rådet", "--member": "Kommunen", "--edition-title": "Status"}
    options[option] = value
    args = [arg for pair in options.items() for arg in pair]
    result = run_generator("init", "rad", *args, "--unit", "vest=Vest", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"{option} «{shown}» har et linjeskift eller et annet styretegn. Skriv verdien på én "
        "linje, uten slike tegn.\n"
    )
    assert list(tmp_path.iterdir()) == []
