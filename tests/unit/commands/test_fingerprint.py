"""generator/commands/fingerprint.py: one digest per edition, changed by any of its inputs."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.commands import fingerprint

BASE: dict[str, Any] = {
    "shared_digest": "0" * 64,
    "pages": {"index.md": "# Forside\n", "oppfolgingspunkter/index.md": "# Punkter\n"},
    "files": {"data/oppfolgingspunkter.json": b"[]", "endringer.xml": b"<feed/>"},
    "report_pdfs": "rapport/a.pdf 1",
    "site_url": "https://example.org/oppfolging/",
    "title": "Juni 2026",
}


def _edition(**changes: Any) -> str:
    return fingerprint.edition(**{**BASE, **changes})


def test_the_same_inputs_give_the_same_digest() -> None:
    first = _edition()
    assert first == _edition()
    assert len(first) == 64 and int(first, 16) >= 0  # a SHA-256 in hex


def test_the_order_pages_and_files_were_made_in_does_not_matter() -> None:
    pages = dict(reversed(list(BASE["pages"].items())))
    files = dict(reversed(list(BASE["files"].items())))
    assert _edition(pages=pages, files=files) == _edition()


@pytest.mark.parametrize(
    "change",
    [
        {"shared_digest": "1" + "0" * 63},
        {"pages": {**BASE["pages"], "index.md": "# Forside!\n"}},
        {"pages": {**BASE["pages"], "ny/index.md": ""}},  # a new, empty page
        {"pages": {"index.md": "# Forside\n"}},  # a page removed
        {"pages": {"forside.md": "# Forside\n", "oppfolgingspunkter/index.md": "# Punkter\n"}},
        {"files": {**BASE["files"], "endringer.xml": b"<feed />"}},
        {"files": {**BASE["files"], "data/tom.csv": b""}},
        {"report_pdfs": "rapport/a.pdf 2"},
        {"site_url": "https://example.org/annet/"},
        {"title": "Juni 2026 (rettet)"},
    ],
)
def test_a_change_in_any_input_changes_the_digest(change: dict[str, Any]) -> None:
    assert _edition(**change) != _edition()


def test_a_page_and_a_file_of_the_same_name_and_content_differ() -> None:
    as_page = _edition(pages={"x": "a"}, files={})
    as_file = _edition(pages={}, files={"x": b"a"})
    assert as_page != as_file


def test_names_and_contents_are_framed_so_their_boundary_cannot_move() -> None:
    # Without name and length in front, ("ab", "c") and ("a", "bc") would hash alike.
    assert _edition(pages={"ab": "c"}) != _edition(pages={"a": "bc"})
    assert _edition(pages={"a": "b", "c": "d"}) != _edition(pages={"a": "bc", "": "d"})
    assert _edition(title="ab", site_url="c") != _edition(title="a", site_url="bc")
    assert _edition(report_pdfs="", title="x") != _edition(report_pdfs="x", title="")


def test_add_writes_name_and_data_each_after_its_length() -> None:
    digest = hashlib.sha256()
    fingerprint._add(digest, "ab", b"c")
    expected = hashlib.sha256(
        (2).to_bytes(8, "big") + b"ab" + (1).to_bytes(8, "big") + b"c"
    ).hexdigest()
    assert digest.hexdigest() == expected


def _project(tmp_path: Path) -> tuple[Path, Path, Path]:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    content = tmp_path / "content"
    (content / "om").mkdir(parents=True)
    (content / "index.md").write_text("# Hei\n", encoding="utf-8")
    (content / "om" / "index.md").write_text("# Om\n", encoding="utf-8")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("mkdocs==1.6.1\n", encoding="utf-8")
    return config, content, requirements


def test_shared_is_stable_and_changes_with_config_pages_and_pins(tmp_path: Path) -> None:
    config, content, requirements = _project(tmp_path)
    first = fingerprint.shared(config, content, requirements)
    assert first == fingerprint.shared(config, content, requirements)

    changes: list[Callable[[], object]] = [
        lambda: config.write_text("site_name: y\n", encoding="utf-8"),
        lambda: (content / "om" / "index.md").write_text("# Om oss\n", encoding="utf-8"),
        lambda: (content / "ny.md").write_text("", encoding="utf-8"),
        lambda: (content / "ny.md").rename(content / "om" / "ny.md"),  # moved, same bytes
        lambda: requirements.write_text("mkdocs==1.6.2\n", encoding="utf-8"),
        lambda: requirements.unlink(),
    ]
    seen = {first}
    for change in changes:
        change()
        digest = fingerprint.shared(config, content, requirements)
        assert digest not in seen
        seen.add(digest)


def test_shared_ignores_bytecode_and_a_missing_content_folder(tmp_path: Path) -> None:
    config, content, requirements = _project(tmp_path)
    before = fingerprint.shared(config, content, requirements)
    (content / "__pycache__").mkdir()
    (content / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (content / "y.pyc").write_bytes(b"\0")
    assert fingerprint.shared(config, content, requirements) == before
    missing = fingerprint.shared(config, tmp_path / "finnes-ikke", requirements)
    assert missing != before


def test_shared_covers_the_generator_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, content, requirements = _project(tmp_path)
    package = tmp_path / "generator"
    package.mkdir()
    (package / "render.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "_PACKAGE", package)
    before = fingerprint.shared(config, content, requirements)
    (package / "render.py").write_text("x = 2\n", encoding="utf-8")
    assert fingerprint.shared(config, content, requirements) != before


def test_the_real_package_is_the_whole_generator() -> None:
    assert (fingerprint._PACKAGE / "cli.py").is_file()
    assert (fingerprint._PACKAGE / "commands" / "fingerprint.py").is_file()
