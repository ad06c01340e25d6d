"""The generator deletes only inside folders it made and marked as its own.

A setting that names the project, the hand-written pages, ``.git``, the
data files or a folder outside the project is refused with a message that
names the setting, before anything is written; a folder that exists and is
not the generator's is never emptied. The same holds for the PDF cache and
for the built site (``--site-dir``), whose old contents a build replaces.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from generator.site import folders

from .conftest import copy_project, run_generator

pytestmark = pytest.mark.slow


def _set_option(project: Path, name: str, value: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "  - council-followups:\n"
    assert marker in text
    config.write_text(text.replace(marker, f"{marker}      {name}: {value}\n"), encoding="utf-8")


def _snapshot(project: Path) -> dict[str, str]:
    """Every file outside build/ and site/, with a hash of its content."""
    return {
        p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(project.rglob("*"))
        if p.is_file() and p.relative_to(project).parts[0] not in ("build", "site")
    }


def _refused(project: Path, *args: str) -> str:
    before = _snapshot(project)
    result = run_generator(*args, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    after = _snapshot(project)
    assert after.keys() >= before.keys(), sorted(before.keys() - after.keys())
    assert {k: after[k] for k in before} == before
    return output


ADVICE = (
    "Generatoren sletter filer den ikke har laget selv i denne mappen. Velg en egen mappe som "
    "bare generatoren bruker, for eksempel «build/generated»."
)
PROJECT_ADVICE = (
    "Generatoren sletter filer den ikke har laget selv i denne mappen, og ville slettet "
    "prosjektet. Velg en egen mappe som bare generatoren bruker, for eksempel «build/generated»."
)


@pytest.mark.parametrize(
    "value,message",
    [
        (".", f"generated_dir: «.» er selve prosjektmappen. {PROJECT_ADVICE}"),
        ('"./"', f"generated_dir: «./» er selve prosjektmappen. {PROJECT_ADVICE}"),
        ("..", f"generated_dir: «..» inneholder hele prosjektmappen. {PROJECT_ADVICE}"),
        (
            "content",
            f"generated_dir: «content» er mappen med de håndskrevne sidene («content»). {ADVICE}",
        ),
        (
            "content/seminarer",
            "generated_dir: «content/seminarer» ligger i mappen med de håndskrevne sidene "
            f"(«content»). {ADVICE}",
        ),
        (
            ".git",
            f"generated_dir: «.git» er git-mappen med prosjektets historikk («.git»). {ADVICE}",
        ),
        (
            "schemas",
            f"generated_dir: «schemas» er mappen med JSON-skjemaene («schemas»). {ADVICE}",
        ),
        (
            "build",
            "generated_dir: «build» inneholder mappen for mellomlagring (cache_dir) "
            f"(«build/cache»). {ADVICE}",
        ),
    ],
)
def test_a_generated_dir_that_would_delete_what_is_not_ours_is_refused(
    tmp_path: Path, value: str, message: str
) -> None:
    project = copy_project(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    _set_option(project, "generated_dir", value)
    output = _refused(project, "site")
    assert message + "\n" in output
    assert not (project / "site").exists()


def test_a_generated_dir_outside_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "viktig.txt").write_text("behold meg", encoding="utf-8")
    _set_option(project, "generated_dir", str(elsewhere))
    output = _refused(project, "site")
    assert (
        f"generated_dir: «{elsewhere}» ligger utenfor prosjektmappen ({project}). Generatoren "
        "sletter filer den ikke har laget selv i denne mappen, så den må ligge i prosjektet. "
        "Velg en egen mappe som bare generatoren bruker, for eksempel «build/generated».\n"
    ) in output
    assert (elsewhere / "viktig.txt").read_text(encoding="utf-8") == "behold meg"


def test_a_cache_dir_in_the_pages_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content" / "rapport-gammel.pdf").write_bytes(b"%PDF")
    _set_option(project, "cache_dir", "content")
    output = _refused(project, "site")
    assert (
        "cache_dir: «content» er mappen med de håndskrevne sidene («content»). Generatoren "
        "sletter filer den ikke har laget selv i denne mappen. Velg en egen mappe som bare "
        "generatoren bruker, for eksempel «build/cache».\n"
    ) in output


def test_a_folder_that_exists_and_is_not_ours_is_never_emptied(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    notes = project / "notater"
    notes.mkdir()
    (notes / "index.md").write_text("# Mine notater\n", encoding="utf-8")
    (notes / "liste.txt").write_text("viktig\n", encoding="utf-8")
    _set_option(project, "generated_dir", "notater")
    output = _refused(project, "site")
    assert (
        "generated_dir: mappen «notater» finnes allerede og er ikke laget av generatoren, så den "
        "blir ikke tømt. Velg en mappe som ikke finnes, så lages den; eller se over innholdet og "
        "slett mappen selv hvis det ikke trengs.\n"
    ) in output


def test_the_site_folder_is_never_taken_for_the_pages(tmp_path: Path) -> None:
    """Every owned folder is marked with what it is for."""
    project = copy_project(tmp_path)
    assert run_generator("site", cwd=project).returncode == 0
    _set_option(project, "generated_dir", "site")
    output = _refused(project, "site")
    assert "generated_dir: mappen «site» brukes allerede til noe annet av generatoren" in output
    assert (project / "site" / "index.html").is_file()


def test_an_empty_folder_and_the_builds_own_folders_are_taken_and_marked(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "sider").mkdir()
    _set_option(project, "generated_dir", "sider")
    assert run_generator("site", cwd=project).returncode == 0
    assert folders.owned(project / "sider", folders.GENERATED)
    assert folders.owned(project / "build" / "cache", folders.CACHE)
    assert folders.owned(project / "site", folders.SITE)


SITE_ADVICE = "Velg en egen mappe som bare generatoren bruker, for eksempel «site»."


@pytest.mark.parametrize(
    "site_dir,message",
    [
        (
            ".",
            "--site-dir: «.» er selve prosjektmappen. Generatoren sletter filer den ikke har "
            f"laget selv i denne mappen, og ville slettet prosjektet. {SITE_ADVICE}",
        ),
        (
            "content",
            "--site-dir: «content» er mappen med de håndskrevne sidene («content»). Generatoren "
            f"sletter filer den ikke har laget selv i denne mappen. {SITE_ADVICE}",
        ),
        (
            "notater",
            "--site-dir: mappen «notater» finnes allerede og er ikke laget av generatoren, så den "
            "blir ikke tømt. Velg en mappe som ikke finnes, så lages den; eller se over "
            "innholdet og slett mappen selv hvis det ikke trengs.",
        ),
        (
            "fil.txt",
            "--site-dir: «fil.txt» er en fil, ikke en mappe. Nettstedet bygges i en mappe: flytt "
            "eller slett filen, så lages mappen ved neste bygging.",
        ),
    ],
)
def test_a_site_dir_that_is_not_a_site_we_built_is_refused(
    tmp_path: Path, site_dir: str, message: str
) -> None:
    project = copy_project(tmp_path)
    (project / "notater").mkdir()
    (project / "notater" / "liste.txt").write_text("viktig\n", encoding="utf-8")
    (project / "fil.txt").write_text("tekst\n", encoding="utf-8")
    output = _refused(project, "site", "--site-dir", site_dir)
    assert message + "\n" in output


def test_a_site_link_to_a_missing_folder_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "site").symlink_to(tmp_path / "finnes-ikke", target_is_directory=True)
    output = _refused(project, "site")
    assert (
        f"--site-dir: «site» er en lenke til «{tmp_path / 'finnes-ikke'}», som ikke finnes. Lag "
        "mappen lenken peker på, eller slett lenken, så lages mappen ved neste bygging.\n"
    ) in output


def _git_status(project: Path) -> list[str]:
    result = subprocess.run(
        ["git", "status", "--porcelain", "--ignored=no"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def test_a_site_that_is_a_link_is_filled_where_it_points_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    """A link to a web server's folder stays; its contents are replaced, and no
    ``.site.*`` is left for git to see (publish refuses a changed checkout)."""
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    (project / ".gitignore").write_text(
        (Path(__file__).parents[1] / ".gitignore").read_text(encoding="utf-8"), encoding="utf-8"
    )
    www = tmp_path / "www"
    www.mkdir()
    (project / "site").symlink_to(www, target_is_directory=True)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "x"],
        cwd=project,
        check=True,
    )
    for _ in range(2):
        result = run_generator("site", cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (project / "site").is_symlink()
        assert (www / "index.html").is_file() and folders.owned(www, folders.SITE)
        assert sorted(p.name for p in project.glob(".site*")) == []
        assert [p.name for p in www.glob(".*.old")] == []
        assert _git_status(project) == []


def test_leftovers_of_an_interrupted_build_are_ignored_by_git(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text(
        (Path(__file__).parents[1] / ".gitignore").read_text(encoding="utf-8"), encoding="utf-8"
    )
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".site.123.abc").symlink_to(tmp_path)
    (tmp_path / ".site.123.old").write_text("x", encoding="utf-8")
    (tmp_path / ".followups.yaml.x1y2.tmp").write_text("x", encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / ".a.json.x1y2.tmp").write_text("x", encoding="utf-8")
    assert _git_status(tmp_path) == ["?? .gitignore"]
