"""The whole flow in one place: load -> validate -> model -> render -> write."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import model, render, schema, validate, write
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


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while the pipeline builds its trees.

    Loading, checking and rendering make hundreds of thousands of small,
    acyclic objects that all stay alive, so each collector pass walks an ever
    larger heap for nothing: at 5,000 points it was more than half the time
    spent in ``load_dataset``. Nothing here relies on collecting cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_dataset(sources: Sources) -> Loaded:
    """Read and check both files; raise DataError with every problem in both."""
    with _gc_paused():
        return _load_dataset(sources)


def _load_dataset(sources: Sources) -> Loaded:
    followups, problems = _check(sources.followups, sources.name(sources.followups), schema.FOLLOWUPS_FILE)
    ipo, ipo_problems = _check(sources.ipo_areas, sources.name(sources.ipo_areas), schema.IPO_FILE)
    problems += ipo_problems
    problems += validate.cross_check(followups, ipo)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems)
    return Loaded(model.build(followups, ipo), sorted(problems))


def generate(sources: Sources, out_dir: Path, today: dt.date | None = None) -> tuple[Loaded, write.WriteReport]:
    """Validate, render every page in memory, then sync them into ``out_dir``.

    Rendering finishes before the first write, so bad data never leaves a
    half-updated folder.
    """
    with _gc_paused():
        loaded = load_dataset(sources)
        pages = render.render_site(loaded.data, today or dt.date.today())
    return loaded, write.sync(pages, out_dir)
