"""The folders the generator writes into and deletes from: only its own.

The generated pages, the PDF cache and the built site are folders the
generator empties of whatever it did not make this time. A setting that
names the wrong folder (``generated_dir: "."``, ``content``) would then
delete the project, so two rules hold before anything is removed:

- the folder is in a safe place: inside the project, and neither is, holds
  nor lies inside the project folder itself, ``.git``, the hand-written pages,
  the data files or another folder the build uses (``check_place``);
- the folder is marked as the generator's own: it carries the file
  ``MARKER``, written when the generator created it (``claim``). A folder
  that exists without the mark is left alone unless it is empty, or holds
  exactly what an older version of the generator left there.

The mark also serves as the lock that keeps two builds from sharing the
generated pages at the same time (``Lock``).
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.errors import EnvironmentFailure
from generator.site.addresses import BOKMAL, SITEMAP

MARKER = ".council-followups"
GENERATED, CACHE, SITE = "genererte sider", "mellomlager", "nettsted"
"""What an owned folder is for; the mark says which, so one kind of folder is
never taken for another (the site for the generated pages, say)."""


def marker_text(kind: str) -> str:
    return (
        f"council-followups: {kind}\n"
        "Denne mappen er laget av council-followups (python -m generator), som sletter\n"
        "filer i den som den ikke har laget selv. Legg ikke egne filer her.\n"
    )


class FolderRefused(EnvironmentFailure):
    """A folder setting that is unsafe, or a folder that is not the generator's."""


@dataclass(frozen=True)
class Guard:
    """A place that no folder the generator empties may overlap."""

    path: Path
    label: str
    """What it is, in Norwegian, as it reads after «er»: «mappen med de håndskrevne sidene»."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def relative_name(path: Path, root: Path) -> str:
    """``path`` as a message names it: relative to the project where it lies inside."""
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)


def check_place(
    option: str,
    folder: Path,
    root: Path,
    guards: Iterable[Guard],
    *,
    outside_allowed: bool = False,
    shown: str = "",
    example: str = "build/generated",
) -> None:
    """Raise FolderRefused, naming ``option``, when ``folder`` (resolved) is not a
    safe place to empty: the project root, outside the project (unless
    ``outside_allowed``), or overlapping one of ``guards``. ``shown`` is the
    folder as the user wrote it."""
    folder, root = folder.resolve(), root.resolve()
    shown = shown or relative_name(folder, root)
    advice = f"Velg en egen mappe som bare generatoren bruker, for eksempel «{example}»."
    if folder == root:
        raise FolderRefused(
            f"{option}: «{shown}» er selve prosjektmappen. Generatoren sletter filer den ikke "
            f"har laget selv i denne mappen, og ville slettet prosjektet. {advice}"
        )
    if _inside(root, folder):
        raise FolderRefused(
            f"{option}: «{shown}» inneholder hele prosjektmappen. Generatoren sletter filer "
            f"den ikke har laget selv i denne mappen, og ville slettet prosjektet. {advice}"
        )
    if not outside_allowed and not _inside(folder, root):
        raise FolderRefused(
            f"{option}: «{shown}» ligger utenfor prosjektmappen ({root}). Generatoren sletter "
            f"filer den ikke har laget selv i denne mappen, så den må ligge i prosjektet. {advice}"
        )
    for guard in guards:
        place = guard.path.resolve()
        if folder == place:
            relation = "er"
        elif _inside(place, folder):
            relation = "inneholder"
        elif _inside(folder, place):
            relation = "ligger i"
        else:
            continue
        raise FolderRefused(
            f"{option}: «{shown}» {relation} {guard.label} («{relative_name(place, root)}»). "
            f"Generatoren sletter filer den ikke har laget selv i denne mappen. {advice}"
        )


def owned(folder: Path, kind: str) -> bool:
    """Whether ``folder`` carries the generator's mark for ``kind``."""
    mark = folder / MARKER
    if mark.is_symlink() or not mark.is_file():
        return False
    try:
        with mark.open(encoding="utf-8", errors="replace") as handle:
            return handle.readline().rstrip("\n") == marker_text(kind).split("\n", 1)[0]
    except OSError:
        return False


def mark(folder: Path, kind: str) -> None:
    """Write the generator's mark for ``kind`` into ``folder``."""
    (folder / MARKER).write_text(marker_text(kind), encoding="utf-8")
    os.chmod(folder / MARKER, 0o644)


def _files(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if not path.is_dir() or path.is_symlink():
            yield path


def claim(
    folder: Path,
    kind: str,
    option: str,
    shown: str,
    left_by_older_version: Callable[[Path], bool] | None = None,
) -> None:
    """Make sure ``folder`` exists and is the generator's own, for ``kind``.

    A missing folder is created and marked; an empty one, or one that
    ``left_by_older_version`` recognises, is marked; anything else (a folder
    marked for another kind too) raises FolderRefused. OSError (a read-only
    disk, say) is the caller's to word.
    """
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise FolderRefused(
            f"{option}: «{shown}» er ikke en vanlig mappe (men en fil eller en lenke). "
            "Generatoren bruker bare mapper den lager selv; velg et annet navn, eller fjern det "
            "som ligger der."
        )
    if owned(folder, kind):
        return
    older = left_by_older_version
    if folder.is_dir() and any(folder.iterdir()) and (older is None or not older(folder)):
        elsewhere = (folder / MARKER).is_file()
        raise FolderRefused(
            f"{option}: mappen «{shown}» "
            + (
                "brukes allerede til noe annet av generatoren"
                if elsewhere
                else "finnes allerede og er ikke laget av generatoren"
            )
            + ", så den blir ikke tømt. Velg en mappe som ikke finnes, så lages den; eller se "
            "over innholdet og slett mappen selv hvis det ikke trengs."
        )
    folder.mkdir(parents=True, exist_ok=True)
    mark(folder, kind)


def older_generated_pages(folder: Path) -> bool:
    """What an older version left in the generated pages' folder: only Markdown
    (and temporary files of an interrupted write), with the overview among it."""
    if (
        (folder / MARKER).exists()
        or not (folder / "index.md").is_file()
        or not (folder / "endringer" / "index.md").is_file()
    ):
        return False
    return all(p.suffix == ".md" or p.name.endswith(".tmp") for p in _files(folder))


def older_cache(folder: Path) -> bool:
    """What an older version left in the PDF cache: report PDFs only."""
    return not (folder / MARKER).exists() and all(
        p.name.startswith(("rapport-", ".rapport-")) and p.suffix in (".pdf", ".tmp")
        for p in _files(folder)
    )


def older_site(folder: Path) -> bool:
    """A site an older version built: MkDocs' sitemap beside our feed and open data."""
    return not (folder / MARKER).exists() and all(
        (folder / name).is_file()
        # Older versions made bokmål sites only.
        for name in (SITEMAP, BOKMAL.feed, BOKMAL.followups_json)
    )


REASONS = {
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.EACCES: "du har ikke lov til å skrive der",
    errno.EPERM: "du har ikke lov til å skrive der",
    errno.ENOSPC: "disken er full",
    errno.EDQUOT: "du har brukt opp plassen din på disken",
}


def reason(exc: OSError) -> str:
    """Why writing failed, in Norwegian."""
    return REASONS.get(exc.errno or 0, exc.strerror or str(exc))


class Lock:
    """An exclusive lock on an owned folder, held across several build steps.

    Two builds in one project (say ``make serve`` and ``make publish``, or
    two editions at once) would otherwise write and read the same generated
    pages, and one would publish the other's edition. The lock is ``flock`` on
    the folder's mark: the system releases it if the process dies.
    """

    def __init__(self) -> None:
        self._fd: int | None = None

    def acquire(self, folder: Path, waiting: Callable[[], None]) -> None:
        """Take the lock, calling ``waiting`` once first if another build holds it."""
        if self._fd is not None:
            return
        fd = os.open(folder / MARKER, os.O_RDONLY | os.O_CLOEXEC)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                waiting()
                fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the only descriptor releases the flock


def project_guards(
    root: Path, content: Path | None, files: Iterable[Path], config_file: Path | None
) -> list[Guard]:
    """The places in a project that no folder the generator empties may overlap."""
    guards = [Guard(root / ".git", "git-mappen med prosjektets historikk")]
    if content is not None:
        guards.append(Guard(content, "mappen med de håndskrevne sidene"))
    guards += [Guard(path, "en av datafilene") for path in files]
    if config_file is not None:
        guards.append(Guard(config_file, "innstillingsfilen for nettstedet"))
    guards.append(Guard(root / "schemas", "mappen med JSON-skjemaene"))
    return guards


def cannot_write(what: str, exc: OSError, fix: str) -> str:
    """One line for a folder the build could not write: which, why, what to do."""
    return f"Kan ikke skrive i {what}: {reason(exc)}. {fix}"


@contextmanager
def writing(what: str, fix: str) -> Iterator[None]:
    """An OSError in the block becomes an EnvironmentFailure saying ``cannot_write``."""
    try:
        yield
    except OSError as exc:
        raise EnvironmentFailure(cannot_write(what, exc, fix)) from exc
