"""generator/site/folders.py: the folders the generator empties are only its own.

tests/test_folders.py checks the same rules through the command line.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from generator.site import folders

ADVICE = "Velg en egen mappe som bare generatoren bruker, for eksempel «build/generated»."
DELETES = "Generatoren sletter filer den ikke har laget selv i denne mappen"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "content" / "seminarer").mkdir(parents=True)
    (root / "followups.yaml").write_text("", encoding="utf-8")
    return root


def _guards(root: Path) -> list[folders.Guard]:
    return folders.project_guards(
        root, root / "content", [root / "followups.yaml"], root / "mkdocs.yml"
    )


def _refusal(root: Path, folder: Path, **options: object) -> str:
    with pytest.raises(folders.FolderRefused) as refused:
        folders.check_place("generated_dir", folder, root, _guards(root), **options)  # type: ignore[arg-type]
    assert str(refused.value) == refused.value.message
    return refused.value.message


def test_the_project_guards_name_every_place_not_to_touch(project: Path) -> None:
    assert [(g.path, g.label) for g in _guards(project)] == [
        (project / ".git", "git-mappen med prosjektets historikk"),
        (project / "content", "mappen med de håndskrevne sidene"),
        (project / "followups.yaml", "en av datafilene"),
        (project / "mkdocs.yml", "innstillingsfilen for nettstedet"),
        (project / "schemas", "mappen med JSON-skjemaene"),
    ]
    assert [g.label for g in folders.project_guards(project, None, [], None)] == [
        "git-mappen med prosjektets historikk",
        "mappen med JSON-skjemaene",
    ]


def test_a_folder_of_its_own_inside_the_project_is_a_safe_place(project: Path) -> None:
    folders.check_place("generated_dir", project / "build" / "generated", project, _guards(project))


def test_the_project_itself_is_refused(project: Path) -> None:
    assert _refusal(project, project, shown=".") == (
        f"generated_dir: «.» er selve prosjektmappen. {DELETES}, og ville slettet prosjektet. "
        f"{ADVICE}"
    )


def test_a_folder_holding_the_project_is_refused(project: Path) -> None:
    assert _refusal(project, project / "..") == (
        f"generated_dir: «{project.parent}» inneholder hele prosjektmappen. {DELETES}, og ville "
        f"slettet prosjektet. {ADVICE}"
    )


def test_a_folder_outside_the_project_is_refused_unless_allowed(
    project: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    assert _refusal(project, elsewhere) == (
        f"generated_dir: «{elsewhere}» ligger utenfor prosjektmappen ({project}). {DELETES}, så "
        f"den må ligge i prosjektet. {ADVICE}"
    )
    folders.check_place("--site-dir", elsewhere, project, _guards(project), outside_allowed=True)


@pytest.mark.parametrize(
    "name,relation,label,place",
    [
        ("content", "er", "mappen med de håndskrevne sidene", "content"),
        ("content/seminarer", "ligger i", "mappen med de håndskrevne sidene", "content"),
        (".git", "er", "git-mappen med prosjektets historikk", ".git"),
        (".git/objects", "ligger i", "git-mappen med prosjektets historikk", ".git"),
        ("followups.yaml", "er", "en av datafilene", "followups.yaml"),
        ("schemas", "er", "mappen med JSON-skjemaene", "schemas"),
    ],
)
def test_a_folder_overlapping_a_guard_is_refused_with_how(
    project: Path, name: str, relation: str, label: str, place: str
) -> None:
    assert _refusal(project, project / name) == (
        f"generated_dir: «{name}» {relation} {label} («{place}»). {DELETES}. {ADVICE}"
    )


def test_a_folder_holding_a_guard_is_refused(project: Path) -> None:
    guards = [folders.Guard(project / "build" / "cache", "mappen for mellomlagring (cache_dir)")]
    with pytest.raises(folders.FolderRefused) as refused:
        folders.check_place("generated_dir", project / "build", project, guards, example="site")
    assert refused.value.message == (
        "generated_dir: «build» inneholder mappen for mellomlagring (cache_dir) "
        f"(«build/cache»). {DELETES}. Velg en egen mappe som bare generatoren bruker, for "
        "eksempel «site»."
    )


def test_a_link_to_a_guard_is_refused_where_it_leads(project: Path) -> None:
    (project / "sider").symlink_to(project / "content", target_is_directory=True)
    assert _refusal(project, project / "sider", shown="sider").startswith(
        "generated_dir: «sider» er mappen med de håndskrevne sidene («content»)."
    )


def test_relative_name_is_relative_inside_the_root_only(tmp_path: Path) -> None:
    assert folders.relative_name(tmp_path / "a" / "b", tmp_path) == "a/b"
    assert folders.relative_name(tmp_path, tmp_path) == "."
    assert folders.relative_name(Path("/ellers"), tmp_path) == "/ellers"


def test_a_mark_says_what_the_folder_is_for(tmp_path: Path) -> None:
    assert not folders.owned(tmp_path, folders.GENERATED)
    folders.mark(tmp_path, folders.GENERATED)
    assert folders.owned(tmp_path, folders.GENERATED)
    assert not folders.owned(tmp_path, folders.SITE)
    marker = tmp_path / folders.MARKER
    assert marker.read_text(encoding="utf-8").startswith("council-followups: genererte sider\n")
    assert marker.stat().st_mode & 0o777 == 0o644


def test_a_mark_that_is_a_link_or_a_folder_does_not_count(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    folders.mark(real, folders.SITE)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / folders.MARKER).symlink_to(real / folders.MARKER)
    assert not folders.owned(linked, folders.SITE)
    (tmp_path / "dir" / folders.MARKER).mkdir(parents=True)
    assert not folders.owned(tmp_path / "dir", folders.SITE)


def test_claim_creates_and_marks_a_missing_or_empty_folder(tmp_path: Path) -> None:
    missing = tmp_path / "a" / "b"
    folders.claim(missing, folders.CACHE, "cache_dir", "a/b")
    assert folders.owned(missing, folders.CACHE)
    empty = tmp_path / "empty"
    empty.mkdir()
    folders.claim(empty, folders.CACHE, "cache_dir", "empty")
    assert sorted(os.listdir(empty)) == [folders.MARKER]
    folders.claim(empty, folders.CACHE, "cache_dir", "empty")  # its own: nothing to do


def test_claim_refuses_a_folder_with_someone_elses_files(tmp_path: Path) -> None:
    folder = tmp_path / "notater"
    folder.mkdir()
    (folder / "liste.txt").write_text("viktig", encoding="utf-8")
    with pytest.raises(folders.FolderRefused) as refused:
        folders.claim(folder, folders.GENERATED, "generated_dir", "notater")
    assert refused.value.message == (
        "generated_dir: mappen «notater» finnes allerede og er ikke laget av generatoren, så den "
        "blir ikke tømt. Velg en mappe som ikke finnes, så lages den; eller se over innholdet og "
        "slett mappen selv hvis det ikke trengs."
    )
    assert not (folder / folders.MARKER).exists()


def test_claim_refuses_a_folder_marked_for_something_else(tmp_path: Path) -> None:
    folders.mark(tmp_path, folders.SITE)
    with pytest.raises(folders.FolderRefused) as refused:
        folders.claim(tmp_path, folders.GENERATED, "generated_dir", "site")
    assert refused.value.message.startswith(
        "generated_dir: mappen «site» brukes allerede til noe annet av generatoren, så den blir "
        "ikke tømt."
    )


def test_claim_refuses_a_file_or_a_link(tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    (tmp_path / "lenke").symlink_to(tmp_path, target_is_directory=True)
    for name in ("fil", "lenke"):
        with pytest.raises(folders.FolderRefused) as refused:
            folders.claim(tmp_path / name, folders.CACHE, "cache_dir", name)
        assert refused.value.message.startswith(
            f"cache_dir: «{name}» er ikke en vanlig mappe (men en fil eller en lenke)."
        )


def test_claim_takes_what_an_older_version_left(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "x.md").write_text("", encoding="utf-8")
    folders.claim(folder, folders.GENERATED, "generated_dir", "old", lambda f: f == folder)
    assert folders.owned(folder, folders.GENERATED)


def _older_pages(folder: Path, *extra: str) -> Path:
    (folder / "endringer").mkdir(parents=True)
    for name in ("index.md", "endringer/index.md", *extra):
        (folder / name).write_text("", encoding="utf-8")
    return folder


def test_older_generated_pages_are_markdown_with_the_overview(tmp_path: Path) -> None:
    assert folders.older_generated_pages(_older_pages(tmp_path / "a"))
    assert folders.older_generated_pages(_older_pages(tmp_path / "b", ".index.md.x1.tmp"))
    assert not folders.older_generated_pages(_older_pages(tmp_path / "c", "notater.txt"))
    no_changes = _older_pages(tmp_path / "d")
    (no_changes / "endringer" / "index.md").unlink()
    assert not folders.older_generated_pages(no_changes)
    marked = _older_pages(tmp_path / "e")
    folders.mark(marked, folders.SITE)
    assert not folders.older_generated_pages(marked)


def test_an_older_cache_holds_report_pdfs_only(tmp_path: Path) -> None:
    (tmp_path / "rapport-2026-06.pdf").write_bytes(b"%PDF")
    (tmp_path / ".rapport-2026-06.pdf.x.tmp").write_bytes(b"")
    assert folders.older_cache(tmp_path)
    (tmp_path / "annet.pdf").write_bytes(b"%PDF")
    assert not folders.older_cache(tmp_path)


def test_an_older_site_has_the_sitemap_feed_and_open_data(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for name in ("sitemap.xml", "endringer.xml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert not folders.older_site(tmp_path)
    (tmp_path / "data" / "oppfolgingspunkter.json").write_text("[]", encoding="utf-8")
    assert folders.older_site(tmp_path)


@pytest.mark.parametrize(
    "code,reason",
    [
        (errno.EROFS, "filsystemet er skrivebeskyttet"),
        (errno.EACCES, "du har ikke lov til å skrive der"),
        (errno.EPERM, "du har ikke lov til å skrive der"),
        (errno.ENOSPC, "disken er full"),
        (errno.EDQUOT, "du har brukt opp plassen din på disken"),
        (errno.EIO, "Input/output error"),  # no Norwegian words: the system's
    ],
)
def test_why_writing_failed_in_norwegian(code: int, reason: str) -> None:
    assert folders.reason(OSError(code, os.strerror(code))) == reason


def test_cannot_write_is_one_line_with_what_why_and_the_fix() -> None:
    error = OSError(errno.ENOSPC, "No space left on device")
    assert folders.cannot_write("mappen «site»", error, "Rydd plass.") == (
        "Kan ikke skrive i mappen «site»: disken er full. Rydd plass."
    )


def test_a_second_lock_waits_for_the_first(tmp_path: Path) -> None:
    folders.mark(tmp_path, folders.GENERATED)
    first, second = folders.Lock(), folders.Lock()
    first.acquire(tmp_path, waiting=lambda: pytest.fail("nobody held the lock"))
    first.acquire(tmp_path, waiting=lambda: pytest.fail("a held lock is taken again"))
    waited = threading.Event()
    taken = threading.Event()

    def take() -> None:
        second.acquire(tmp_path, waiting=waited.set)
        taken.set()

    thread = threading.Thread(target=take)
    thread.start()
    assert waited.wait(5)
    assert not taken.is_set()
    first.release()
    assert taken.wait(5)
    thread.join()
    second.release()
    second.release()  # releasing twice is harmless
