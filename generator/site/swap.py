"""Replace the published folder with a freshly built one, never leaving it half done.

The new site is built next to the old one (same file system) and the two
folders are swapped in one step: on Linux with ``renameat2(RENAME_EXCHANGE)``,
which is atomic, so at every instant ``site/`` is either the whole old site or
the whole new one. Where that call is missing the old folder is first moved
aside, and ``recover`` puts it back if the process died in between.

Two kinds of ``site/`` cannot be renamed: a mount point (``EBUSY``, or
``EXDEV`` across file systems) and a link to a folder elsewhere (a web
server's folder, say), whose link must stay. For those the folder's contents
are replaced instead, one top-level entry at a time.

Only a folder the generator built is ever replaced or emptied: every site it
builds carries ``folders.MARKER`` (MkDocs leaves hidden files alone), and
``prepare`` refuses a ``site/`` that is anything else.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from generator.site import folders
from generator.site.write import default_mode

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_CANNOT_RENAME = (errno.EBUSY, errno.EXDEV)
"""A mount point, or a folder on another file system: replace the contents."""

FolderRefused = folders.FolderRefused


def _libc_renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None  # not Linux, or a C library older than glibc 2.28
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


_renameat2 = _libc_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when this system or file system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _prefix(target: Path) -> str:
    return f".{target.name}."


def prepare(
    target: Path, root: Path, guards: Iterable[folders.Guard], option: str = "--site-dir"
) -> None:
    """Check that ``target`` may be replaced by a new site; raise FolderRefused if not.

    It must be missing, an empty folder, or a site the generator built; it must
    not overlap the project root or ``guards``. A link to a folder is followed
    (its contents will be replaced, the link kept), and may lead outside the
    project. A site an older version built is marked as the generator's.
    """
    shown = folders.relative_name(target.absolute(), root.resolve())
    if target.is_symlink() and not target.exists():
        raise FolderRefused(
            f"{option}: «{shown}» er en lenke til «{os.readlink(target)}», som ikke finnes. "
            "Lag mappen lenken peker på, eller slett lenken, så lages mappen ved neste bygging."
        )
    if target.exists() and not target.is_dir():
        raise FolderRefused(
            f"{option}: «{shown}» er en fil, ikke en mappe. Nettstedet bygges i en mappe: flytt "
            "eller slett filen, så lages mappen ved neste bygging."
        )
    folders.check_place(
        option,
        target,
        root,
        guards,
        outside_allowed=target.is_symlink(),
        shown=shown,
        example="site",
    )
    if target.exists():
        folders.claim(target.resolve(), folders.SITE, option, shown, folders.older_site)


def staging(target: Path) -> Path:
    """A new folder beside ``target`` with the generator's mark, named after
    this process so a later run can tell a dead build's leftovers from a
    running one's."""
    folder = Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{os.getpid()}.", dir=target.parent))
    # It becomes site/: readable by a web server, as a plain mkdir would be.
    folder.chmod(default_mode(directory=True))
    folders.mark(folder, folders.SITE)
    return folder


def _aside(target: Path) -> Path:
    return target.parent / f"{_prefix(target)}{os.getpid()}.old"


def _remove(path: Path) -> None:
    """Delete a file, a link (not what it points to) or a whole folder."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def replace(new: Path, target: Path) -> None:
    """Make ``new`` the ``target`` folder and delete the previous one."""
    if target.is_symlink() or (target.exists() and os.path.ismount(target)):
        replace_contents(new, target.resolve())
        return
    if not target.exists():
        new.rename(target)
        return
    _require_owned(target)
    try:
        if exchange(new, target):
            shutil.rmtree(new, ignore_errors=True)  # now holds the previous site
            return
        old = _aside(target)
        target.rename(old)
    except OSError as exc:
        if exc.errno not in _CANNOT_RENAME:
            raise
        replace_contents(new, target)
        return
    new.rename(target)  # if we die before this line, recover() moves `old` back
    shutil.rmtree(old, ignore_errors=True)


def _require_owned(folder: Path) -> None:
    if not folders.owned(folder, folders.SITE) and any(folder.iterdir()):
        raise FolderRefused(
            f"«{folder}» er ikke et nettsted som generatoren har bygget, så den blir ikke "
            "erstattet. Velg en annen mappe, eller slett den selv hvis innholdet ikke trengs."
        )


def _old_entry(target: Path, name: str) -> Path:
    return target / f".{name}.{os.getpid()}.old"


def replace_contents(new: Path, target: Path) -> None:
    """Give ``target`` the contents of ``new`` and remove ``new``, keeping ``target``
    itself (a mount point, or where a link points).

    Each top-level entry is moved in (copied across file systems) and only
    then is the entry it replaces deleted, so a reader meanwhile sees old or
    new files, never none. Hidden entries the new site lacks are kept, as
    MkDocs keeps them.
    """
    _require_owned(target)
    incoming = sorted(os.listdir(new))
    for name in incoming:
        destination = target / name
        previous = None
        if os.path.lexists(destination):
            previous = _old_entry(target, name)
            os.rename(destination, previous)
        shutil.move(str(new / name), str(destination))
        if previous is not None:
            _remove(previous)
    for name in os.listdir(target):
        if name not in incoming and not name.startswith("."):
            _remove(target / name)
    shutil.rmtree(new, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_of(name: str, prefix: str) -> int | None:
    text = name[len(prefix) :].split(".", 1)[0]
    return int(text) if text.isdigit() else None


def recover(target: Path) -> list[Path]:
    """Undo what an interrupted build left behind; returns what was removed.

    A previous site moved aside is put back if ``target`` is missing; staging
    folders of processes that no longer run are deleted, and so are entries
    that a contents replacement inside ``target`` left half done.
    """
    removed: list[Path] = []
    prefix = _prefix(target)
    for path in sorted(target.parent.glob(f"{prefix}*")):
        pid = _pid_of(path.name, prefix)
        if pid is None or _alive(pid):
            continue
        if path.name.endswith(".old") and not os.path.lexists(target):
            path.rename(target)
            continue
        _remove_quietly(path)
        removed.append(path)
    if target.is_dir() and folders.owned(target.resolve(), folders.SITE):
        for path in sorted(target.resolve().glob(".*.old")):
            pid_text = path.name.rsplit(".", 2)[-2] if path.name.count(".") >= 3 else ""
            if pid_text.isdigit() and not _alive(int(pid_text)):
                _remove_quietly(path)
                removed.append(path)
    return removed


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):  # tried again by the next build
        _remove(path)
