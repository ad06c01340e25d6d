"""Write generated pages to disk, touching only what changed.

Unchanged files keep their modification time, so ``mkdocs build --dirty`` and
``mkdocs serve`` rebuild only the pages whose content moved. Each file is
written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


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


def sync(pages: dict[str, str], out_dir: Path) -> WriteReport:
    """Make ``out_dir`` hold exactly ``pages`` (relative path -> text)."""
    report = WriteReport()
    out_dir.mkdir(parents=True, exist_ok=True)
    for rel, text in sorted(pages.items()):
        target = out_dir / rel
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                report.unchanged += 1
                continue
        except FileNotFoundError:
            pass
        write_atomic(target, data)
        report.written.append(rel)
    # Stale files and emptied folders go, deepest first. Plain strings and
    # os.walk: pathlib objects per file were most of an unchanged sync.
    wanted = {Path(rel).as_posix() for rel in pages}
    for folder, _subfolders, names in os.walk(out_dir, topdown=False):
        rel_folder = Path(folder).relative_to(out_dir).as_posix()
        prefix = "" if rel_folder == "." else rel_folder + "/"
        for name in names:
            if prefix + name not in wanted:
                os.unlink(os.path.join(folder, name))
                report.removed.append(prefix + name)
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    report.removed.sort(reverse=True)
    return report
