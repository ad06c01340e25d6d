"""generator/site/swap.py: site/ is replaced whole, and only if the generator built it.

tests/test_interrupted_build.py kills real builds halfway; these tests cut the
swap short by hand.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from generator.site import folders, swap

DEAD = 4_000_000
"""A process id taken for one that no longer runs (``_alive`` is patched to say so)."""


@pytest.fixture(autouse=True)
def _only_this_process_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(swap, "_alive", lambda pid: pid == os.getpid())


def _site(folder: Path, text: str) -> Path:
    folder.mkdir()
    folders.mark(folder, folders.SITE)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "gammel").mkdir()
    (folder / "gammel" / "side.html").write_text(text, encoding="utf-8")
    return folder


def _new(target: Path) -> Path:
    new = swap.staging(target)
    (new / "index.html").write_text("ny", encoding="utf-8")
    (new / "data").mkdir()
    (new / "data" / "a.json").write_text("{}", encoding="utf-8")
    return new


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


NEW_TREE = [folders.MARKER, "data", "data/a.json", "index.html"]


# --- prepare


def _prepare(target: Path, root: Path) -> None:
    swap.prepare(target, root, folders.project_guards(root, root / "content", [], None))


def test_a_missing_site_may_be_built(tmp_path: Path) -> None:
    _prepare(tmp_path / "site", tmp_path)
    assert not (tmp_path / "site").exists()


def test_an_empty_folder_or_an_older_site_is_taken_and_marked(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    _prepare(tmp_path / "site", tmp_path)
    assert folders.owned(tmp_path / "site", folders.SITE)
    older = tmp_path / "old"
    (older / "data").mkdir(parents=True)
    for name in ("sitemap.xml", "endringer.xml", "data/oppfolgingspunkter.json"):
        (older / name).write_text("", encoding="utf-8")
    _prepare(older, tmp_path)
    assert folders.owned(older, folders.SITE)


def test_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fil.txt").write_text("x", encoding="utf-8")
    with pytest.raises(swap.FolderRefused) as refused:
        _prepare(tmp_path / "fil.txt", tmp_path)
    assert refused.value.message == (
        "--site-dir: «fil.txt» er en fil, ikke en mappe. Nettstedet bygges i en mappe: flytt "
        "eller slett filen, så lages mappen ved neste bygging."
    )


def test_a_link_to_nothing_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site").symlink_to(tmp_path / "borte", target_is_directory=True)
    with pytest.raises(swap.FolderRefused) as refused:
        _prepare(tmp_path / "site", tmp_path)
    assert refused.value.message == (
        f"--site-dir: «site» er en lenke til «{tmp_path / 'borte'}», som ikke finnes. Lag "
        "mappen lenken peker på, eller slett lenken, så lages mappen ved neste bygging."
    )


def test_a_folder_that_is_not_ours_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notater").mkdir()
    (tmp_path / "notater" / "x.txt").write_text("behold", encoding="utf-8")
    with pytest.raises(swap.FolderRefused) as refused:
        _prepare(tmp_path / "notater", tmp_path)
    assert refused.value.message.startswith(
        "--site-dir: mappen «notater» finnes allerede og er ikke laget av generatoren"
    )
    assert _tree(tmp_path / "notater") == ["x.txt"]


def test_the_project_or_its_pages_are_refused_with_site_as_the_example(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    for name in ("content", "."):
        with pytest.raises(swap.FolderRefused) as refused:
            _prepare(tmp_path / name, tmp_path)
        assert refused.value.message.endswith(
            "Velg en egen mappe som bare generatoren bruker, for eksempel «site»."
        )


def test_a_link_may_lead_outside_the_project(tmp_path: Path) -> None:
    project, www = tmp_path / "project", tmp_path / "www"
    project.mkdir()
    www.mkdir()
    (project / "site").symlink_to(www, target_is_directory=True)
    _prepare(project / "site", project)
    assert folders.owned(www, folders.SITE)


# --- staging and replace


def test_staging_is_a_marked_readable_folder_beside_the_target_named_after_this_process(
    tmp_path: Path,
) -> None:
    new = swap.staging(tmp_path / "site")
    assert new.parent == tmp_path
    assert new.name.startswith(f".site.{os.getpid()}.")
    assert folders.owned(new, folders.SITE)
    assert new.stat().st_mode & 0o777 == 0o755


def test_a_new_site_takes_the_place_of_a_missing_one(tmp_path: Path) -> None:
    target = tmp_path / "site"
    swap.replace(_new(target), target)
    assert _tree(target) == NEW_TREE
    assert os.listdir(tmp_path) == ["site"]


@pytest.mark.parametrize("atomic", [True, False])
def test_a_new_site_replaces_ours_whole_and_leaves_nothing_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic: bool
) -> None:
    if not atomic:
        monkeypatch.setattr(swap, "_renameat2", None)
    target = _site(tmp_path / "site", "gammel")
    swap.replace(_new(target), target)
    assert _tree(target) == NEW_TREE
    assert os.listdir(tmp_path) == ["site"]


def test_a_site_we_did_not_build_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "viktig.txt").write_text("behold", encoding="utf-8")
    new = _new(target)
    with pytest.raises(swap.FolderRefused) as refused:
        swap.replace(new, target)
    assert refused.value.message == (
        f"«{target}» er ikke et nettsted som generatoren har bygget, så den blir ikke erstattet. "
        "Velg en annen mappe, eller slett den selv hvis innholdet ikke trengs."
    )
    assert _tree(target) == ["viktig.txt"]


def test_a_site_that_is_a_link_is_filled_where_it_points(tmp_path: Path) -> None:
    www = _site(tmp_path / "www", "gammel")
    (www / ".htaccess").write_text("behold", encoding="utf-8")
    target = tmp_path / "site"
    target.symlink_to(www, target_is_directory=True)
    swap.replace(_new(target), target)
    assert target.is_symlink()
    assert _tree(www) == [folders.MARKER, ".htaccess", "data", "data/a.json", "index.html"]
    assert sorted(os.listdir(tmp_path)) == ["site", "www"]


@pytest.mark.parametrize("code", [errno.EBUSY, errno.EXDEV])
def test_a_site_that_cannot_be_renamed_gets_its_contents_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    target = _site(tmp_path / "site", "gammel")
    (target / ".htaccess").write_text("behold", encoding="utf-8")
    inode = target.stat().st_ino
    new = _new(target)

    def cannot(*args: object) -> bool:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(swap, "exchange", cannot)
    swap.replace(new, target)
    assert target.stat().st_ino == inode, "the folder itself stays (it is a mount point)"
    assert _tree(target) == [folders.MARKER, ".htaccess", "data", "data/a.json", "index.html"]
    assert (target / "index.html").read_text(encoding="utf-8") == "ny"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_without_renameat2_a_busy_site_is_also_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _site(tmp_path / "site", "gammel")
    new = _new(target)
    monkeypatch.setattr(swap, "_renameat2", None)
    real_rename = Path.rename

    def rename(self: Path, other: object) -> Path:
        if self == target:
            raise OSError(errno.EBUSY, "Device or resource busy")
        return real_rename(self, other)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "rename", rename)
    swap.replace(new, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "ny"
    assert not (target / "gammel").exists()


def test_another_error_while_swapping_is_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _site(tmp_path / "site", "gammel")
    new = _new(target)

    def denied(*args: object) -> bool:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(swap, "exchange", denied)
    with pytest.raises(PermissionError):
        swap.replace(new, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "gammel"


def test_the_exchange_is_atomic_on_this_system(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "a").touch()
    (b / "b").touch()
    if not swap.exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here; the fallback is tested")
    assert [p.name for p in a.iterdir()] == ["b"]
    assert [p.name for p in b.iterdir()] == ["a"]


def test_without_renameat2_there_is_no_exchange(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(swap, "_renameat2", None)
    assert swap.exchange(tmp_path / "a", tmp_path / "b") is False


# --- recover


def test_a_site_moved_aside_by_a_dead_build_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where renameat2 is missing, the two-step swap can be cut between its steps."""
    monkeypatch.setattr(swap, "_renameat2", None)
    target = _site(tmp_path / "site", "gammel")
    new = _new(target)
    target.rename(tmp_path / f".site.{DEAD}.old")  # died right after the first rename
    assert swap.recover(target) == []
    assert (target / "index.html").read_text(encoding="utf-8") == "gammel"
    swap.replace(new, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "ny"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_dead_builds_staging_is_removed_and_a_running_ones_kept(tmp_path: Path) -> None:
    target = _site(tmp_path / "site", "gammel")
    running = swap.staging(target)
    dead = tmp_path / f".site.{DEAD}.abc123"
    dead.mkdir()
    (dead / "index.html").write_text("halv", encoding="utf-8")
    aside = tmp_path / f".site.{DEAD}.old"  # the site is there: this is the one to delete
    aside.mkdir()
    other = tmp_path / ".sitex.1.old"  # not ours: another name
    other.mkdir()
    assert swap.recover(target) == [dead, aside]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([other.name, running.name, "site"])


def test_a_contents_replacement_cut_short_is_cleaned_up(tmp_path: Path) -> None:
    target = _site(tmp_path / "site", "gammel")
    left = target / f".index.html.{DEAD}.old"
    left.write_text("halvveis", encoding="utf-8")
    mine = target / f".data.{os.getpid()}.old"
    mine.write_text("i arbeid", encoding="utf-8")
    assert swap.recover(target) == [left]
    assert not left.exists()
    assert mine.exists()
    assert (target / "index.html").is_file()


def test_recover_leaves_a_site_we_did_not_build_alone(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    left = target / f".index.html.{DEAD}.old"
    left.write_text("ikke vår", encoding="utf-8")
    assert swap.recover(target) == []
    assert left.exists()
