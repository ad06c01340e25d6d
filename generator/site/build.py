"""The whole flow in one place: load -> validate -> model -> render -> write."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import words
from generator.data import history, json_schema, model, privacy, schema, snapshot, validate
from generator.data.load import Mapping, Scalar, Sequence, parse, read
from generator.data.problems import DataError, Problem
from generator.data.validate import Record
from generator.site import addresses, collisions, incremental, render, write

FOLLOWUPS_ENV = "SITE_FOLLOWUPS"
"""Set by ``python -m generator site`` and ``publish`` for MkDocs: the
follow-ups file the command was given (``--followups``), which the plugin
builds from instead of its ``followups`` option."""
IPO_AREAS_ENV = "SITE_IPO_AREAS"
"""The same for ``--ipo-areas``."""


@dataclass(frozen=True)
class Sources:
    """Where the two data files are, and how messages should name them."""

    followups: Path
    ipo_areas: Path
    root: Path | None = None
    content: Path | None = None
    """The folder of hand-written pages, when pages referred to must be checked."""
    config_file: Path | None = None
    """The site's mkdocs.yml, whose names are published too."""

    @classmethod
    def in_folder(cls, folder: Path) -> Sources:
        """The two data files as a project folder holds them, named relative to it."""
        return cls(folder / "followups.yaml", folder / "ipo_areas.yaml", folder)

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
    notes: tuple[str, ...] = ()
    """What a build should tell its user, such as an old edition built without its history."""
    unfilled: tuple[Problem, ...] = ()
    """Statuses still holding ``new-round``'s placeholder (only with ``drafts``)."""
    rendered: incremental.Rendered | None = None
    """What ``generate`` rendered, for the next render to start from (the preview)."""


def _check(
    path: Path,
    name: str,
    kind: schema.Obj,
    texts: list[privacy.Document],
    repaired: dict[str, frozenset[int]],
) -> tuple[Any, list[Problem]]:
    """Check one file; what could be read is added to ``texts`` for the privacy scan, and
    the lines the loader repaired to read past syntax errors to ``repaired``."""
    try:
        text = read(path, name)
    except DataError as exc:
        return validate.INVALID, list(exc.problems)
    values: dict[str, bool] = {}
    try:
        node = parse(text, name, values)
    except DataError as exc:
        if not isinstance(exc.partial, Mapping | Sequence | Scalar):
            return validate.INVALID, list(exc.problems)
        texts.append((exc.partial, text, values))
        repaired[name] = exc.repaired
        record, problems = validate.check_file(exc.partial, kind)
        return record, [*exc.problems, *_not_repaired(problems, repaired)]
    texts.append((node, text, values))
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
    texts: list[privacy.Document] = []
    repaired: dict[str, frozenset[int]] = {}
    followups, problems = _check(
        sources.followups, sources.name(sources.followups), schema.FOLLOWUPS_FILE, texts, repaired
    )
    ipo, ipo_problems = _check(
        sources.ipo_areas, sources.name(sources.ipo_areas), schema.IPO_FILE, texts, repaired
    )
    problems += ipo_problems
    later = validate.cross_check(followups, ipo)
    later += collisions.point_problems(followups, _addresses_of(followups))
    content = sources.content
    if content is not None:
        later += validate.check_pages(followups, lambda page: (content / page).is_file())
    config = sources.config_file
    found = privacy.check_documents(
        texts,
        sources.privacy_exceptions(),
        sources.name(sources.privacy_exceptions()),
        pages=privacy.published_pages(content, sources.name) if content is not None else (),
        config=(
            (sources.name(config), config.read_text(encoding="utf-8", errors="replace"))
            if config is not None and config.is_file()
            else None
        ),
    )
    # A value already refused where it stands (a date in year 9999, say) gets
    # one message; what the privacy scan sees in it shows once it is fixed.
    refused = {p.position for p in problems + later if p.severity == "error"}
    later += [p for p in found if p.position not in refused]
    return followups, ipo, problems + _not_repaired(later, repaired)


def load_dataset(sources: Sources, *, drafts: bool = False) -> Loaded:
    """Read and check both files; raise DataError with every problem in both.

    ``drafts`` (the preview only): placeholders that ``new-round`` wrote are no
    error; the statuses are built and marked as not filled in.
    """
    with _gc_paused():
        # The checked records die with _checked_model's frame, before the
        # collector resumes: its first pass then walks the model alone
        # (20,000 objects at 1,000 points), not the records it was built from
        # as well (84,000, a tenth of the load's time in that one pass).
        return _checked_model(sources, drafts)


def _checked_model(sources: Sources, drafts: bool) -> Loaded:
    followups, ipo, problems = check_sources(sources)
    unfilled = validate.unfilled_statuses(followups) if drafts else []
    problems = [p for p in problems if p not in unfilled]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems)
    places = {p.position for p in unfilled}
    data = model.build(followups, ipo, places)
    return Loaded(data, sorted(problems), unfilled=tuple(sorted(unfilled)))


def schema_files(sources: Sources) -> tuple[Path, ...]:
    """The JSON Schemas in ``schemas/`` beside the data files, published with the data."""
    folder = (sources.root or sources.followups.parent) / "schemas"
    if not folder.is_dir():
        return ()
    return tuple(
        path
        for path in sorted(folder.glob("*.json"))
        if path.name not in json_schema.SCHEMA_FILES or path.name in json_schema.OPEN_DATA_SCHEMAS
    )


def history_paths(sources: Sources) -> history.DataPaths:
    """Where ``history`` finds the data files in git, and the privacy exceptions."""
    return history.DataPaths(sources.followups, sources.ipo_areas, sources.privacy_exceptions())


def at_edition(
    sources: Sources,
    data: model.Dataset,
    edition: str,
    state: history.EditionState | history.Missing | None = None,
) -> tuple[model.Dataset, tuple[str, ...]]:
    """The data as it stood at ``edition`` (``snapshot.as_of``), and notes for the build.

    ``state`` is what ``history.read`` found for the edition; it is read here
    when not given. Without history the shape is guessed from dates
    (``snapshot.estimate``) and the note says what could not be reconstructed.
    Raises ``snapshot.UnknownEdition``.
    """
    if snapshot.find_edition(data, edition) == data.latest_edition:
        return data, ()
    if state is None:
        root = sources.root or sources.followups.parent
        state = history.read(root, history_paths(sources), [edition])[edition]
    if isinstance(state, history.Missing):
        note = (
            f"Merk: rapporteringsrunden «{edition}» er bygget uten sin git-historikk: "
            f"{state.message}\nHvilke punkter og seminarer som var med, fristene og "
            "IPO-områdene er derfor gjettet ut fra datoene, og kan avvike fra det som ble "
            "publisert den gang. «make publish» publiserer ikke en slik gjetning."
        )
        return snapshot.as_of(data, snapshot.estimate(data, edition)), (note,)
    return snapshot.as_of(data, state), ()


def edition_today(full: model.Dataset, shown: model.Dataset, today: dt.date | None) -> dt.date:
    """The date that decides which points are overdue: an old edition judges on its own date,
    so it does not call points overdue that were not yet; the newest on ``today``."""
    if shown.latest_edition != full.latest_edition:
        return shown.latest_edition.date
    return today or dt.date.today()


def generate(
    sources: Sources,
    out_dir: Path,
    today: dt.date | None = None,
    edition: str | None = None,
    *,
    stable_files: bool = False,
    drafts: bool = False,
    option: str = "generated_dir",
    shown: str = "",
    before_write: Callable[[], None] | None = None,
    checked: Loaded | None = None,
    previous: incremental.Rendered | None = None,
) -> tuple[Loaded, write.WriteReport]:
    """Validate, render every page in memory, then sync them into ``out_dir``.

    Rendering finishes before the first write, so bad data never leaves a
    half-updated folder. The returned data is what the pages show. With
    ``edition``, the site shows the data as it stood at that reporting round
    (``at_edition``; raises ``snapshot.UnknownEdition``). ``stable_files``:
    the published site has the newest edition's feed and open data at its
    root, and the pages point readers there (``render.render_site``).
    ``drafts``: the preview of a round in progress (``load_dataset``).
    ``out_dir`` must be the generator's own folder (see ``write.sync``);
    ``option`` and ``shown`` name its setting and path in a refusal;
    ``before_write`` runs once the pages are ready, before the first write.
    ``checked``: what ``load_dataset`` returned for these very files, when the
    caller has it (``handoff``); they are not read and checked again.
    ``previous``: the last build's pages (``Loaded.rendered``); only the pages
    an edit touched are rendered and written again (``incremental``).
    """
    with _gc_paused():
        loaded = checked if checked is not None else load_dataset(sources, drafts=drafts)
        data = loaded.data
        notes: tuple[str, ...] = ()
        if edition:
            data, notes = at_edition(sources, loaded.data, edition)
        schema_names = tuple(p.name for p in schema_files(sources))
        day = edition_today(loaded.data, data, today)
        now = incremental.settings(day, schema_names, stable_files)
        kept = incremental.pages_to_keep(previous, data, now)
        fresh = render.render_site(
            data, day, schema_names, stable_files=stable_files, skip=kept or ()
        )
        rendering = incremental.merge(previous, fresh, kept)
    pages = rendering.pages
    if before_write is not None:
        before_write()
    changed = incremental.changed_pages(previous, pages) if previous is not None else None
    if changed is None:
        synced = write.sync(pages, out_dir, option=option, shown=shown)
    else:
        synced = write.update(pages, changed, out_dir, option=option, shown=shown)
    # The caller publishes the same data as files (open data, feed, PDF), and
    # hands the pages' raw HTML past Markdown (``passthrough``).
    rendered = incremental.Rendered(data, now, pages, rendering.blocks)
    return Loaded(data, loaded.warnings, notes, loaded.unfilled, rendered), synced


def _addresses_of(followups: object) -> addresses.Addresses:
    """The addresses of the language the data names, before it has a model:
    the default when it names none or one that does not exist (the validator
    reports that)."""
    council = followups.get("council") if isinstance(followups, Record) else None
    language = council.get("language") if isinstance(council, Record) else None
    if isinstance(language, str) and language in words.languages():
        return addresses.for_words(words.of(language))
    return addresses.BOKMAL
