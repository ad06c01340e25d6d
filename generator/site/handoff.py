"""What ``python -m generator site`` checked, handed to the MkDocs process it starts.

The command validates the data before starting MkDocs, so that problems are
listed in its own words and with its own exit code; the plugin in that
MkDocs process would then read and check the same files again (about half a
second at 1,000 points). Instead the command writes what it loaded to a
private file and names it in the environment. The plugin uses it only if it
would have checked the very same files and every one of them still holds
the same bytes; otherwise it checks them itself, as always.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.commands import fingerprint
from generator.data import privacy
from generator.site.build import Loaded, Sources

CHECKED_ENV = "SITE_CHECKED"
"""The file holding what ``site`` checked (``write``)."""


def _source_key(sources: Sources) -> tuple[str, ...]:
    """The paths a check reads from, so a plugin configured otherwise does not trust it."""
    paths = [
        sources.followups,
        sources.ipo_areas,
        sources.privacy_exceptions(),
        sources.content,
        sources.config_file,
    ]
    return tuple("" if p is None else str(Path(p).resolve()) for p in paths)


def inputs_digest(sources: Sources) -> str:
    """Every file the data's check reads: the data files, the privacy exceptions,
    the hand-written pages (pages referred to, personal data) and mkdocs.yml."""
    files: list[tuple[str, Path]] = [
        ("followups", sources.followups),
        ("ipo_areas", sources.ipo_areas),
        (privacy.EXCEPTIONS_FILE, sources.privacy_exceptions()),
    ]
    if sources.config_file is not None:
        files.append(("config", sources.config_file))
    if sources.content is not None:
        files += fingerprint.folder_files(sources.content, "content")
    return fingerprint.files_digest(files)


@dataclass(frozen=True)
class Checked:
    key: tuple[str, ...]
    digest: str
    loaded: Loaded
    """As ``build.load_dataset`` returned it."""


def write(sources: Sources, loaded: Loaded, folder: Path | None = None) -> Path:
    """Save what was checked to a new private file; its path goes in ``CHECKED_ENV``.

    The digest is taken after the check: a file changed in between makes the
    plugin check again rather than trust a check of other bytes (a race that
    costs a second check, never a wrong one, since the plugin compares too).
    """
    checked = Checked(_source_key(sources), inputs_digest(sources), loaded)
    fd, name = tempfile.mkstemp(prefix="council-checked-", suffix=".pickle", dir=folder)
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(checked, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return Path(name)


def read(sources: Sources, environ: Mapping[str, str] | None = None) -> Loaded | None:
    """What ``site`` checked, if it checked exactly these files as they are now; else None."""
    env = environ if environ is not None else os.environ
    name = env.get(CHECKED_ENV)
    if not name:
        return None
    try:
        with open(name, "rb") as handle:
            # Written by the command that started this process, into a file only
            # its user can read (mkstemp): as trusted as the code itself.
            checked = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(checked, Checked) or checked.key != _source_key(sources):
        return None
    if checked.digest != inputs_digest(sources):
        return None
    loaded: Loaded = checked.loaded
    return loaded
