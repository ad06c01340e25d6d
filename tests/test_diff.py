"""`python -m generator diff BASE`: what a pull request changes for a reader, from real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import copy_project, run_generator
from tests.gitenv import git_env
from tests.june_edition import SPRING_POINT, add_june_edition


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=git_env())
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    copy_project(tmp_path)
    git("init", "--quiet", "-b", "main", cwd=tmp_path)
    git("add", "-A", cwd=tmp_path)
    git("commit", "--quiet", "-m", "Data", cwd=tmp_path)
    return tmp_path


def test_new_edition_point_state_and_text(repo: Path) -> None:
    add_june_edition(repo)
    followups = repo / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    text = text.replace(
        "title: Samhandling i byutviklingssaker",
        "title: Samhandling i byutviklingssaker og plansaker",
    )
    followups.write_text(text, encoding="utf-8")
    result = run_generator("diff", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "## Endringer for leserne\n"
        "\n"
        "Sammenlignet med `HEAD`.\n"
        "\n"
        "### Nye rapporteringsrunder\n"
        "\n"
        "- Status pr juni 2026 (30\\. juni 2026)\n"
        "\n"
        "### Nye oppfølgingspunkter\n"
        "\n"
        f"- {SPRING_POINT} (var\\-2026\\-1): Planlagt (Status pr juni 2026)\n"
        "\n"
        "### Endret tilstand\n"
        "\n"
        "| Oppfølgingspunkt | Fra | Til |\n"
        "| --- | --- | --- |\n"
        "| Handlingsplan mot radikalisering, hatkriminalitet og voldelig ekstremisme (2025\\-3) "
        "| Pågår (Status pr januar 2026) | Fullført (Status pr juni 2026) |\n"
        "\n"
        "### Endrede tekster\n"
        "\n"
        "- Felles situasjonsforståelse i beredskapsarbeidet (2025\\-1): ny status for Status pr "
        "juni 2026\n"
        "- Samhandling om ungdom det er knyttet bekymring til (2025\\-2): ny status for Status pr "
        "juni 2026\n"
        "- Handlingsplan mot radikalisering, hatkriminalitet og voldelig ekstremisme (2025\\-3): "
        "ny status for Status pr juni 2026\n"
        "- Oppfølging av politiets rapport om unge med mange registrerte forhold (2025\\-4): ny "
        "status for Status pr juni 2026\n"
        "- Tettere samarbeid om IPO\\-satsingene (2025\\-5): ny status for Status pr juni 2026\n"
        "- Samhandling i byutviklingssaker og plansaker (2025\\-6): tittel, ny status for Status "
        "pr juni 2026\n"
        "- Ressurssituasjonen for Oslopolitiet (2025\\-7): ny status for Status pr juni 2026\n"
    )


def test_removed_point_and_changed_status_text(repo: Path) -> None:
    followups = repo / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    start = text.index('  - id: "2025-7"')
    text = text[:start]
    text = text.replace(
        "Byutvikling og bydrift med fokus på trygghet vil være del av politirådsavtalen fra 2026.",
        "Byutvikling med <b>trygghet</b> er del av avtalen.",
    )
    followups.write_text(text, encoding="utf-8")
    result = run_generator("diff", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert (
        "### Fjernede oppfølgingspunkter\n\n- Ressurssituasjonen for Oslopolitiet (2025\\-7)\n"
        in result.stdout
    )
    assert (
        "- Samhandling i byutviklingssaker (2025\\-6): statustekst for Status pr januar 2026\n"
        in result.stdout
    )
    assert "Endret tilstand" not in result.stdout


def test_titles_from_the_data_are_escaped(repo: Path) -> None:
    followups = repo / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    followups.write_text(
        text.replace(
            "title: Ressurssituasjonen for Oslopolitiet",
            "title: Ressurser <script>x</script> | *fet*",
        ),
        encoding="utf-8",
    )
    result = run_generator("diff", "HEAD", cwd=repo)
    assert (
        "- Ressurser &lt;script&gt;x&lt;/script&gt; \\| \\*fet\\* (2025\\-7): tittel\n"
        in result.stdout
    )


def test_no_change(repo: Path) -> None:
    (repo / "content" / "om.md").write_text("# Om\n\nNy tekst.\n", encoding="utf-8")
    result = run_generator("diff", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        "Endringen påvirker ikke oppfølgingspunktene eller IPO-områdene på nettstedet.\n"
    )


def test_invalid_data_in_the_change(repo: Path) -> None:
    followups = repo / "followups.yaml"
    followups.write_text(
        followups.read_text(encoding="utf-8").replace("state: pågår", "state: ferdig", 1),
        encoding="utf-8",
    )
    result = run_generator("diff", "HEAD", cwd=repo)
    assert result.returncode == 1
    assert "Datafilene har feil, så endringen kan ikke vises." in result.stdout
    assert "followups.yaml:" in result.stderr and "ferdig" in result.stderr


def test_unknown_base_revision(repo: Path) -> None:
    result = run_generator("diff", "origin/main", cwd=repo)
    assert result.returncode == 3  # git cannot read it: not the data
    assert result.stderr.startswith("Fant ikke git-revisjonen «origin/main».")


def test_base_without_data_files(tmp_path: Path) -> None:
    git("init", "--quiet", "-b", "main", cwd=tmp_path)
    (tmp_path / "README.md").write_text("Tomt\n", encoding="utf-8")
    git("add", "-A", cwd=tmp_path)
    git("commit", "--quiet", "-m", "Start", cwd=tmp_path)
    copy_project(tmp_path)
    result = run_generator("diff", "HEAD", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "### Nye oppfølgingspunkter" in result.stdout
    assert "- Nytt: Hovseter (Enhet vest, ny)" in result.stdout
