"""The whole flow in one place: load -> validate -> model -> render -> write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import model, privacy, render, schema, validate, write
from .load import load
from .problems import DataError, Problem


@dataclass(frozen=True)
class Sources:
    """Where the two data files are, and how messages should name them."""

    followups: Path
    ipo_areas: Path
    root: Path | None = None

    def name(self, path: Path) -> str:
        if self.root is not None:
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return str(path)

    def privacy_exceptions(self) -> Path:
        """The optional list of values that look personal but may be published."""
        return self.followups.parent / privacy.EXCEPTIONS_FILE


@dataclass(frozen=True)
class Loaded:
    data: model.Dataset
    warnings: list[Problem]


def _check(path: Path, name: str, kind: schema.Obj) -> tuple[Any, list[Problem]]:
    try:
        node = load(path, name)
    except DataError as exc:
        return validate.INVALID, exc.problems
    return validate.check_file(node, kind)


def load_dataset(sources: Sources) -> Loaded:
    """Read and check both files; raise DataError with every problem in both."""
    followups, problems = _check(sources.followups, sources.name(sources.followups), schema.FOLLOWUPS_FILE)
    ipo, ipo_problems = _check(sources.ipo_areas, sources.name(sources.ipo_areas), schema.IPO_FILE)
    problems += ipo_problems
    problems += validate.cross_check(followups, ipo)
    problems += privacy.check_files(
        [(path, sources.name(path)) for path in (sources.followups, sources.ipo_areas)],
        sources.privacy_exceptions(),
        sources.name(sources.privacy_exceptions()),
    )
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems)
    return Loaded(model.build(followups, ipo), sorted(problems))


def generate(sources: Sources, out_dir: Path, today: dt.date | None = None) -> tuple[Loaded, write.WriteReport]:
    """Validate, render every page in memory, then sync them into ``out_dir``.

    Rendering finishes before the first write, so bad data never leaves a
    half-updated folder.
    """
    loaded = load_dataset(sources)
    pages = render.render_site(loaded.data, today or dt.date.today())
    return loaded, write.sync(pages, out_dir)
