"""The whole flow in one place: load -> validate -> model -> render -> write."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import model, privacy, render, schema, snapshot, validate, write
from .load import Mapping, Node, Scalar, Sequence, parse, read
from .problems import DataError, Problem


@dataclass(frozen=True)
class Sources:
    """Where the two data files are, and how messages should name them."""

    followups: Path
    ipo_areas: Path
    root: Path | None = None
    content: Path | None = None
    """The folder of hand-written pages, when pages referred to must be checked."""

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


def _check(
    path: Path,
    name: str,
    kind: schema.Obj,
    texts: list[tuple[Node, str]],
    repaired: dict[str, frozenset[int]],
) -> tuple[Any, list[Problem]]:
    """Check one file; what could be read is added to ``texts`` for the privacy scan, and
    the lines the loader repaired to read past syntax errors to ``repaired``."""
    try:
        text = read(path, name)
    except DataError as exc:
        return validate.INVALID, exc.problems
    try:
        node = parse(text, name)
    except DataError as exc:
        if not isinstance(exc.partial, Mapping | Sequence | Scalar):
            return validate.INVALID, exc.problems
        texts.append((exc.partial, text))
        repaired[name] = exc.repaired
        record, problems = validate.check_file(exc.partial, kind)
        return record, exc.problems + _not_repaired(problems, repaired)
    texts.append((node, text))
    return validate.check_file(node, kind)


def _not_repaired(problems: list[Problem], repaired: dict[str, frozenset[int]]) -> list[Problem]:
    """Problems on lines the loader changed follow from its repair: the syntax error there
    is the one to report."""
    return [p for p in problems if p.position.line not in repaired.get(p.position.file, ())]


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


def check_sources(sources: Sources) -> tuple[Any, Any, list[Problem]]:
    """Both files' checked records (or INVALID) and every problem found in them."""
    texts: list[tuple[Node, str]] = []
    repaired: dict[str, frozenset[int]] = {}
    followups, problems = _check(
        sources.followups, sources.name(sources.followups), schema.FOLLOWUPS_FILE, texts, repaired
    )
    ipo, ipo_problems = _check(
        sources.ipo_areas, sources.name(sources.ipo_areas), schema.IPO_FILE, texts, repaired
    )
    problems += ipo_problems
    later = validate.cross_check(followups, ipo)
    content = sources.content
    if content is not None:
        later += validate.check_pages(followups, lambda page: (content / page).is_file())
    later += privacy.check_documents(
        texts,
        sources.privacy_exceptions(),
        sources.name(sources.privacy_exceptions()),
    )
    return followups, ipo, problems + _not_repaired(later, repaired)


def load_dataset(sources: Sources) -> Loaded:
    """Read and check both files; raise DataError with every problem in both."""
    with _gc_paused():
        followups, ipo, problems = check_sources(sources)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise DataError(problems)
        return Loaded(model.build(followups, ipo), sorted(problems))


def schema_files(sources: Sources) -> tuple[Path, ...]:
    """The JSON Schemas in ``schemas/`` beside the data files, published with the data."""
    folder = (sources.root or sources.followups.parent) / "schemas"
    return tuple(sorted(folder.glob("*.json"))) if folder.is_dir() else ()


def generate(
    sources: Sources, out_dir: Path, today: dt.date | None = None, edition: str | None = None
) -> tuple[Loaded, write.WriteReport]:
    """Validate, render every page in memory, then sync them into ``out_dir``.

    Rendering finishes before the first write, so bad data never leaves a
    half-updated folder. The returned data is what the pages show. With ``edition``, the site shows the data as it
    stood at that reporting round (``snapshot.as_of``; raises
    ``snapshot.UnknownEdition``), dated that round's date if it is not the
    newest, so an old edition does not call points overdue that were not yet.
    """
    with _gc_paused():
        loaded = load_dataset(sources)
        data = loaded.data
        if edition:
            data = snapshot.as_of(data, edition)
            if data.latest_edition != loaded.data.latest_edition:
                today = data.latest_edition.date
        schema_names = tuple(p.name for p in schema_files(sources))
        pages = render.render_site(data, today or dt.date.today(), schema_names)
    # The caller publishes the same data as files (open data, feed, PDF).
    return Loaded(data, loaded.warnings), write.sync(pages, out_dir)
