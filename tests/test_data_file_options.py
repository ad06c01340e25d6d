"""``--followups`` and ``--ipo-areas`` decide what is built, not only what is checked."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import cli
from generator.commands import publish
from generator.site.build import FOLLOWUPS_ENV, IPO_AREAS_ENV

from . import htmlcheck
from .conftest import copy_project, run_generator

pytestmark = pytest.mark.slow

TITLE = "Felles situasjonsforståelse i beredskapsarbeidet"
AREA = "Hovseter"


def _other_files(project: Path) -> None:
    """Copies of the data files, under other names, with one title and one area renamed."""
    (project / "andre").mkdir()
    text = (project / "followups.yaml").read_text(encoding="utf-8")
    assert TITLE in text
    (project / "andre" / "punkter.yaml").write_text(
        text.replace(TITLE, "Tittel fra den andre filen", 1), encoding="utf-8"
    )
    ipo = (project / "ipo_areas.yaml").read_text(encoding="utf-8")
    assert AREA in ipo
    (project / "andre" / "omrader.yaml").write_text(
        ipo.replace(AREA, "Område fra den andre filen", 1), encoding="utf-8"
    )


def test_the_site_is_built_from_the_files_the_command_was_given(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    _other_files(project)
    result = run_generator(
        "--followups",
        "andre/punkter.yaml",
        "--ipo-areas",
        "andre/omrader.yaml",
        "site",
        cwd=project,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    overview = htmlcheck.article(site / "oppfolgingspunkter" / "index.html").visible
    assert "Tittel fra den andre filen" in overview and TITLE not in overview
    ipo = htmlcheck.article(site / "ipo" / "index.html").visible
    assert "Område fra den andre filen" in ipo and AREA not in ipo
    data = (site / "data" / "oppfolgingspunkter.json").read_text(encoding="utf-8")
    assert "Tittel fra den andre filen" in data


def test_publish_hands_the_files_to_mike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """mike runs MkDocs with publish's environment: the files must be in it."""
    project = copy_project(tmp_path)
    _other_files(project)
    seen: dict[str, str | None] = {}

    def fake_publish(options: publish.Options, env: object = None) -> publish.Published:
        seen.update({name: os.environ.get(name) for name in (FOLLOWUPS_ENV, IPO_AREAS_ENV)})
        raise publish.PublishError("stoppet av testen")

    monkeypatch.setattr(publish, "publish", fake_publish)
    monkeypatch.delenv(FOLLOWUPS_ENV, raising=False)
    args = ["--root", str(project), "--followups", "andre/punkter.yaml"]
    assert cli.main([*args, "--ipo-areas", "andre/omrader.yaml", "publish"]) == 3
    assert seen == {
        FOLLOWUPS_ENV: str((project / "andre" / "punkter.yaml").resolve()),
        IPO_AREAS_ENV: str((project / "andre" / "omrader.yaml").resolve()),
    }
    assert FOLLOWUPS_ENV not in os.environ, "the setting stays with the one command"
    assert "stoppet av testen" in capsys.readouterr().err
    shutil.rmtree(project / "andre")


def test_the_preview_builds_from_the_files_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """make serve runs MkDocs in its own process, with the files in its environment."""
    import mkdocs.__main__

    from tests.preview_server import free_port

    project = copy_project(tmp_path)
    _other_files(project)
    seen: dict[str, str | None] = {}

    def fake_main(**kwargs: object) -> None:
        seen.update({name: os.environ.get(name) for name in (FOLLOWUPS_ENV, IPO_AREAS_ENV)})
        seen["args"] = " ".join(kwargs["args"])  # type: ignore[arg-type]

    monkeypatch.setattr(mkdocs.__main__.cli, "main", fake_main)
    monkeypatch.delenv(FOLLOWUPS_ENV, raising=False)
    address = f"127.0.0.1:{free_port()}"
    args = ["--root", str(project), "--followups", "andre/punkter.yaml"]
    assert cli.main([*args, "--ipo-areas", "andre/omrader.yaml", "serve", "--addr", address]) == 0
    assert seen == {
        FOLLOWUPS_ENV: str((project / "andre" / "punkter.yaml").resolve()),
        IPO_AREAS_ENV: str((project / "andre" / "omrader.yaml").resolve()),
        "args": f"serve --dirty --no-strict --dev-addr {address} "
        f"--config-file {project / 'mkdocs.yml'}",
    }
    assert FOLLOWUPS_ENV not in os.environ
