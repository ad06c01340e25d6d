"""generator/site/download_files.py: writing the downloads into the site."""

from __future__ import annotations

import os
from pathlib import Path

from generator.site import download_files


def test_a_file_with_the_same_bytes_is_left_alone_and_others_are_written(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    same, changed = tmp_path / "data" / "same.json", tmp_path / "data" / "changed.json"
    same.write_bytes(b"[1]")
    changed.write_bytes(b"[1]")
    before = {p: os.stat(p).st_ino for p in (same, changed)}
    download_files.write_files(
        tmp_path, {"data/same.json": b"[1]", "data/changed.json": b"[2]", "new/file.pdf": b"%PDF"}
    )
    assert os.stat(same).st_ino == before[same]  # not replaced
    assert changed.read_bytes() == b"[2]"
    assert (tmp_path / "new" / "file.pdf").read_bytes() == b"%PDF"


def test_a_link_in_the_site_is_replaced_even_when_it_leads_to_the_same_bytes(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside.json"
    outside.write_bytes(b"[1]")
    site = tmp_path / "site"
    site.mkdir()
    (site / "data.json").symlink_to(outside)
    download_files.write_files(site, {"data.json": b"[1]"})
    assert not (site / "data.json").is_symlink()
    assert outside.read_bytes() == b"[1]"
