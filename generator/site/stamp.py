"""Whether ``site/`` already holds what a build of the current inputs would make.

After a successful ``python -m generator site`` a stamp is written beside the
generated pages' folder (``build/``): a fingerprint of every input (framed as
``commands.fingerprint`` frames an edition's) and a cheap one of what the
build left in ``site/`` (every file's name, size and modification time). The
next ``site`` with the same inputs and an untouched ``site/`` has nothing to
do. The inputs are those of ``fingerprint.shared`` (mkdocs.yml, content/,
the generator package, requirements.txt), the data files and their JSON
Schemas, the command's options, what ``publish`` and the environment tell a
build, and today's date, since it decides which points are overdue.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.commands import fingerprint
from generator.site import publish_env
from generator.site.build import FOLLOWUPS_ENV, IPO_AREAS_ENV, Sources
from generator.site.write import write_atomic

STAMP = "site-stamp.json"
"""In ``build/`` beside ``mkdocs.yml``."""
_FORMAT = 1
# What a build reads from its environment (publish_env, the data files' options, mike).
_ENVIRONMENT = (
    publish_env.SITE_URL,
    publish_env.STABLE_FILES,
    publish_env.PREVIEW,
    FOLLOWUPS_ENV,
    IPO_AREAS_ENV,
    "MIKE_DOCS_VERSION",
)


def path(root: Path) -> Path:
    return root / "build" / STAMP


def inputs(
    sources: Sources,
    config: Path,
    options: Iterable[str],
    today: dt.date,
    environ: Mapping[str, str],
) -> str:
    """The fingerprint of everything a build of the site is made from."""
    root = sources.root or sources.followups.parent
    files = [
        ("followups", sources.followups),
        ("ipo_areas", sources.ipo_areas),
        ("privacy_exceptions", sources.privacy_exceptions()),
        *fingerprint.folder_files(root / "schemas", "schemas"),
    ]
    content = sources.content if sources.content is not None else root / "content"
    parts = [
        f"format {_FORMAT}",
        f"python {sys.version}",
        f"today {today.isoformat()}",
        fingerprint.shared(config, content, root / "requirements.txt"),
        fingerprint.files_digest(files),
        *(f"option {value}" for value in options),
        *(f"env {name}={environ.get(name, '')}" for name in _ENVIRONMENT),
    ]
    return _digest(parts)


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
    return digest.hexdigest()


def output(site: Path) -> str | None:
    """A cheap fingerprint of what ``site`` holds: names, sizes, modification times."""
    if not site.is_dir():
        return None
    entries: list[str] = []
    for folder, subfolders, names in os.walk(site):
        subfolders.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            info = os.lstat(full)
            rel = os.path.relpath(full, site)
            entries.append(f"{rel}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}")
    return _digest(entries)


def unchanged(root: Path, site: Path, inputs_digest: str) -> bool:
    """Whether the last build into ``site`` had these inputs and left ``site`` as it is."""
    try:
        stamp = json.loads(path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict):
        return False
    return (
        stamp.get("site") == str(site.resolve())
        and stamp.get("inputs") == inputs_digest
        and stamp.get("output") == output(site)
    )


def write(root: Path, site: Path, inputs_digest: str) -> None:
    """Stamp a finished build; a stamp that cannot be written only costs a rebuild."""
    stamp = {"site": str(site.resolve()), "inputs": inputs_digest, "output": output(site)}
    with contextlib.suppress(OSError):
        write_atomic(path(root), json.dumps(stamp, indent=1).encode("utf-8"))


def forget(root: Path) -> None:
    """A build has started: until it succeeds, no stamp says ``site`` is current."""
    with contextlib.suppress(OSError):
        path(root).unlink(missing_ok=True)
