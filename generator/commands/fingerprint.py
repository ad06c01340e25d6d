"""A fingerprint per edition: one digest of everything its published files are made from.

``make publish`` runs on every push to main and must republish each edition
whose pages changed, and only those. Building every edition with MkDocs to
compare the results would take minutes; rendering the generator's part in
memory takes a fraction of that, and the rest of what a version is made of
is files in the repository. So the fingerprint covers:

- what the generator renders for the edition: every page's Markdown, the
  open data, the feed and what the report's PDFs are typeset from (each
  seminar's address and cache key: its data, template and Typst's version);
- the hand-written pages in ``content/`` and ``mkdocs.yml``;
- the generator package itself (code, templates, theme) and
  ``requirements.txt``, which pins MkDocs, Material and mike;
- the address the version is published at, and its title.

It is stored with the version in mike's versions.json (the version property
``fingerprint``) and compared on the next publish. A version published
before fingerprints existed has none, so it is published once more. Files
the build reads from elsewhere (a theme ``custom_dir`` named in mkdocs.yml,
say) are not covered: after changing one, publish with ``--all``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

PROPERTY = "fingerprint"
# The whole package, not this folder: a change anywhere in the code changes the pages.
_PACKAGE = Path(__file__).resolve().parent.parent


def _add(digest: hashlib._Hash, name: str, data: bytes) -> None:
    # Name and length first, so no two different sets of files hash alike.
    encoded = name.encode("utf-8")
    digest.update(len(encoded).to_bytes(8, "big") + encoded)
    digest.update(len(data).to_bytes(8, "big") + data)


def _files(folder: Path) -> Iterable[tuple[str, Path]]:
    if not folder.is_dir():
        return ()
    return sorted(
        (path.relative_to(folder).as_posix(), path)
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def files_digest(files: Iterable[tuple[str, Path]]) -> str:
    """One digest of named files; a missing file counts as its own value, not as empty."""
    digest = hashlib.sha256()
    for name, path in files:
        try:
            data = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            _add(digest, f"missing/{name}", b"")
            continue
        _add(digest, name, data)
    return digest.hexdigest()


def folder_files(folder: Path, prefix: str) -> list[tuple[str, Path]]:
    """Every file in ``folder`` (none if it is missing), named under ``prefix``."""
    return [(f"{prefix}/{name}", path) for name, path in _files(folder)]


def shared(config_file: Path, content: Path, requirements: Path) -> str:
    """The digest of what every edition shares: configuration, pages, code, pins."""
    digest = hashlib.sha256()
    _add(digest, "mkdocs.yml", config_file.read_bytes())
    if requirements.is_file():
        _add(digest, "requirements.txt", requirements.read_bytes())
    for name, path in _files(_PACKAGE):
        _add(digest, f"generator/{name}", path.read_bytes())
    for name, path in _files(content):
        _add(digest, f"content/{name}", path.read_bytes())
    return digest.hexdigest()


def edition(
    shared_digest: str,
    pages: Mapping[str, str],
    files: Mapping[str, bytes],
    report_pdfs: str,
    site_url: str,
    title: str,
) -> str:
    """The fingerprint of one edition's version."""
    digest = hashlib.sha256()
    _add(digest, "shared", shared_digest.encode("ascii"))
    _add(digest, "site_url", site_url.encode("utf-8"))
    _add(digest, "title", title.encode("utf-8"))
    for name in sorted(pages):
        _add(digest, f"page/{name}", pages[name].encode("utf-8"))
    for name in sorted(files):
        _add(digest, f"file/{name}", files[name])
    _add(digest, "report.pdf", report_pdfs.encode("utf-8"))
    return digest.hexdigest()
