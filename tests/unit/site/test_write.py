"""generator/site/write.py: the generated pages' folder holds exactly the pages, and
only what changed is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.site import folders, write


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != folders.MARKER
    }


def test_sync_writes_the_pages_into_a_new_marked_folder(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    report = write.sync({"index.md": "# Hei\n", "a/b/index.md": "æøå"}, out)
    assert _tree(out) == {"a/b/index.md": "æøå", "index.md": "# Hei\n"}
    assert folders.owned(out, folders.GENERATED)
    assert report == write.WriteReport(written=["a/b/index.md", "index.md"], removed=[])


def test_an_unchanged_page_is_not_written_again(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write.sync({"index.md": "x", "om.md": "y"}, out)
    os.utime(out / "index.md", (1_000_000, 1_000_000))
    report = write.sync({"index.md": "x", "om.md": "z"}, out)
    assert report.written == ["om.md"]
    assert report.unchanged == 1
    assert (out / "index.md").stat().st_mtime == 1_000_000
    assert (out / "om.md").read_text(encoding="utf-8") == "z"


def test_stale_pages_and_emptied_folders_go_deepest_first(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write.sync({"index.md": "i", "a/b/index.md": "b", "a/c.md": "c", "d/e.md": "e"}, out)
    report = write.sync({"index.md": "i", "a/c.md": "c"}, out)
    assert _tree(out) == {"a/c.md": "c", "index.md": "i"}
    assert sorted(os.listdir(out)) == [folders.MARKER, "a", "index.md"]
    assert report.removed == ["d/e.md", "a/b/index.md"]
    assert report.written == [] and report.unchanged == 2


def test_a_folder_where_a_page_now_goes_is_replaced_by_the_page(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write.sync({"a/index.md": "x"}, out)
    report = write.sync({"a": "now a page"}, out)
    assert (out / "a").read_text(encoding="utf-8") == "now a page"
    assert report.written == ["a"]


def test_a_file_where_a_folder_now_goes_is_replaced_by_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write.sync({"a": "a page"}, out)
    write.sync({"a/index.md": "x"}, out)
    assert _tree(out) == {"a/index.md": "x"}


def test_the_pages_folder_is_emptied_without_following_links(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write.sync({"a/index.md": "a", "index.md": "i"}, out)
    pages = tmp_path / "content"
    pages.mkdir()
    (pages / "om.md").write_text("# Om\n", encoding="utf-8")
    (out / "b").symlink_to(pages, target_is_directory=True)
    (out / "a").rename(out / "a-old")
    (out / "a").symlink_to(pages, target_is_directory=True)
    report = write.sync({"a/index.md": "a", "index.md": "i"}, out)
    assert (pages / "om.md").read_text(encoding="utf-8") == "# Om\n"
    assert sorted(os.listdir(pages)) == ["om.md"]
    assert (out / "a").is_dir() and not (out / "a").is_symlink()
    assert not os.path.lexists(out / "b")
    assert "b" in report.removed


def test_a_page_that_is_a_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write.sync({"index.md": "i"}, out)
    outside = tmp_path / "outside.md"
    outside.write_text("i", encoding="utf-8")
    (out / "index.md").unlink()
    (out / "index.md").symlink_to(outside)
    report = write.sync({"index.md": "i"}, out)
    assert report.written == ["index.md"]
    assert not (out / "index.md").is_symlink()
    assert outside.read_text(encoding="utf-8") == "i"


def test_sync_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    out.mkdir()
    (out / "min-fil.txt").write_text("behold", encoding="utf-8")
    with pytest.raises(folders.FolderRefused) as refused:
        write.sync({"index.md": "x"}, out, shown="pages")
    assert refused.value.message.startswith("generated_dir: mappen «pages» finnes allerede")
    assert (out / "min-fil.txt").read_text(encoding="utf-8") == "behold"


def test_a_refusal_names_the_setting_it_was_given(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("", encoding="utf-8")
    with pytest.raises(folders.FolderRefused) as refused:
        write.sync({}, tmp_path, option="cache_dir")
    assert refused.value.message.startswith(f"cache_dir: mappen «{tmp_path}» finnes allerede")


def test_sync_takes_over_what_an_older_version_left(tmp_path: Path) -> None:
    older = tmp_path / "older"
    (older / "endringer").mkdir(parents=True)
    (older / "index.md").write_text("x", encoding="utf-8")
    (older / "endringer" / "index.md").write_text("x", encoding="utf-8")
    write.sync({"index.md": "ny"}, older)
    assert sorted(p.name for p in older.iterdir()) == [folders.MARKER, "index.md"]


def test_write_atomic_creates_folders_and_a_readable_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.txt"
    write.write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert target.stat().st_mode & 0o777 == write.default_mode() == 0o644
    assert os.listdir(target.parent) == ["b.txt"]  # no temporary file left


def test_write_atomic_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "b.txt"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_write_atomic_leaves_nothing_behind_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.txt"
    target.write_bytes(b"old")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("generator.site.write.os.replace", fail)
    with pytest.raises(OSError):
        write.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["b.txt"]


def test_default_modes_are_readable_by_a_web_server() -> None:
    assert write.default_mode() == 0o644
    assert write.default_mode(directory=True) == 0o755
