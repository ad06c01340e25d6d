"""Write generated pages to disk, touching only what changed.

Unchanged files keep their modification time, so ``mkdocs build --dirty`` and
``mkdocs serve`` rebuild only the pages whose content moved. Each file is
written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.site import folders


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def default_mode(directory: bool = False) -> int:
    """Readable by all, writable by the owner: what a published site needs.

    ``tempfile`` makes files 0600 and folders 0700, which a web server
    running as another user cannot read. (Reading the umask would mean
    changing it for a moment, which races with ``mkdocs serve``'s threads.)
    """
    return 0o755 if directory else 0o644


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename, keeping its permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = default_mode()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _plain_folders(out_dir: Path, pages: Iterable[str]) -> None:
    """Every folder on the way to a page is a real folder inside ``out_dir``: a
    link there (made by hand) would send the pages, and their clean-up, elsewhere.
    Removing a link leaves what it points to alone."""
    checked: set[Path] = set()
    for rel in pages:
        folder = out_dir
        for part in Path(rel).parts[:-1]:
            folder = folder / part
            if folder in checked:
                continue
            checked.add(folder)
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                folder.unlink()


def sync(
    pages: dict[str, str], out_dir: Path, *, option: str = "generated_dir", shown: str = ""
) -> WriteReport:
    """Make ``out_dir`` hold exactly ``pages`` (relative path -> text).

    ``out_dir`` must be the generator's own folder (``folders.claim``; created
    and marked if missing): nothing is deleted anywhere else. ``option`` and
    ``shown`` name the setting and the folder in a refusal.
    """
    folders.claim(
        out_dir, folders.GENERATED, option, shown or str(out_dir), folders.older_generated_pages
    )
    report = WriteReport()
    _plain_folders(out_dir, pages)
    for rel, text in sorted(pages.items()):
        target = out_dir / rel
        data = text.encode("utf-8")
        try:
            if not target.is_symlink() and target.read_bytes() == data:
                report.unchanged += 1
                continue
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)  # a folder by a page's name, inside our own folder
        write_atomic(target, data)
        report.written.append(rel)
    # Stale files and emptied folders go, deepest first. Plain strings and
    # os.walk: pathlib objects per file were most of an unchanged sync.
    # os.walk does not follow links, so nothing outside out_dir is touched.
    wanted = {Path(rel).as_posix() for rel in pages}
    wanted.add(folders.MARKER)
    for folder, subfolders, names in os.walk(out_dir, topdown=False):
        rel_folder = Path(folder).relative_to(out_dir).as_posix()
        prefix = "" if rel_folder == "." else rel_folder + "/"
        links = [n for n in subfolders if os.path.islink(os.path.join(folder, n))]
        for name in [*names, *links]:
            if prefix + name not in wanted:
                os.unlink(os.path.join(folder, name))
                report.removed.append(prefix + name)
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    report.removed.sort(reverse=True)
    return report


def update(
    pages: dict[str, str],
    changed: Iterable[str],
    out_dir: Path,
    *,
    option: str = "generated_dir",
    shown: str = "",
) -> WriteReport:
    """Write only ``changed`` of ``pages``, into a folder ``sync`` made hold the rest.

    For the preview, which knows which pages differ from the ones it wrote
    last (``incremental``). A page missing from the folder (deleted by hand)
    is written too; anything else falls back to ``sync``.
    """
    wanted = set(changed)
    if not (out_dir / folders.MARKER).is_file():
        return sync(pages, out_dir, option=option, shown=shown)
    report = WriteReport()
    for rel in sorted(pages):
        target = out_dir / rel
        if rel not in wanted and target.is_file() and not target.is_symlink():
            report.unchanged += 1
            continue
        if target.is_symlink() or target.is_dir():
            return sync(pages, out_dir, option=option, shown=shown)
        write_atomic(target, pages[rel].encode("utf-8"))
        report.written.append(rel)
    return report
