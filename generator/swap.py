"""Replace the published folder with a freshly built one, never leaving it half done.

The new site is built next to the old one (same file system) and the two
folders are swapped in one step: on Linux with ``renameat2(RENAME_EXCHANGE)``,
which is atomic, so at every instant ``site/`` is either the whole old site or
the whole new one. Where that call is missing the old folder is first moved
aside, and ``recover`` puts it back if the process died in between.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path

from .write import default_mode

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


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


def staging(target: Path) -> Path:
    """A new empty folder beside ``target``, named after this process so a
    later run can tell a dead build's leftovers from a running one's."""
    folder = Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{os.getpid()}.", dir=target.parent))
    # It becomes site/: readable by a web server, as a plain mkdir would be.
    folder.chmod(default_mode(directory=True))
    return folder


def _aside(target: Path) -> Path:
    return target.parent / f"{_prefix(target)}{os.getpid()}.old"


def replace(new: Path, target: Path) -> None:
    """Make ``new`` the ``target`` folder and delete the previous one."""
    if not target.exists():
        new.rename(target)
        return
    if exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now holds the previous site
        return
    old = _aside(target)
    target.rename(old)
    new.rename(target)  # if we die before this line, recover() moves `old` back
    shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(target: Path) -> list[Path]:
    """Undo what an interrupted build left behind; returns what was removed.

    A previous site moved aside is put back if ``target`` is missing; staging
    folders of processes that no longer run are deleted.
    """
    removed: list[Path] = []
    leftovers = sorted(target.parent.glob(f"{_prefix(target)}*"))
    for path in leftovers:
        pid_text = path.name[len(_prefix(target)) :].split(".", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        if path.name.endswith(".old") and not target.exists():
            path.rename(target)
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed
