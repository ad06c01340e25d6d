"""What an older edition looked like, read from the git history of the data files.

Rebuilding edition E after later rounds were added must show E as it was
published, except for corrections to its texts. Today's files cannot say
that on their own: ``ipo_areas.yaml`` holds only the newest round's areas,
deadlines are moved, and a point added in June may belong to a seminar held
before January. So the shape of E is taken from E's last state in git:

- E's commit is the newest commit, following the history of both data files
  from HEAD, in which E is the last entry of ``editions`` in the follow-ups
  file. Commits whose follow-ups file cannot be read are passed over.
- From that commit come the ids of the points and seminars that existed, each
  point's deadline, and the IPO areas file as it stood (checked as today's
  file is, personal data included, since it is published again).

Texts and statuses come from today's files (``snapshot.as_of``), so a
correction made since reaches E. The newest edition needs no history.

When E's state cannot be found (not a git repository, a shallow clone that
stops before E's commit, no commit in which E was newest, or an IPO areas
file that no longer passes the checks), the answer is ``Missing`` with the
reason and what to do: publishing refuses, never building another edition.

All of git is read with three processes however long the history is: one
``git log`` for the commits that touched the data files, one
``git cat-file --batch-check`` for the file versions at each, and one
``git cat-file --batch`` that serves the distinct versions on demand. While
searching, only the ``editions`` block of each version is parsed; the whole
file only at the commit found.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from generator.data import privacy, schema, validate
from generator.data.load import Mapping as YamlMapping
from generator.data.load import Node, Scalar, Sequence, decode, parse
from generator.data.model import Area, Unit, build_areas
from generator.data.problems import DataError, Problem

Reason = Literal["no-history", "not-found", "unreadable"]


@dataclass(frozen=True)
class IpoState:
    """The IPO areas file as it stood at an edition's commit."""

    edition: str
    """The edition id the file was tagged with."""
    units: tuple[Unit, ...]
    areas: tuple[Area, ...]


@dataclass(frozen=True)
class EditionState:
    """What edition ``edition`` looked like when it was the newest."""

    edition: str
    points: frozenset[str]
    """Ids of the points that existed."""
    seminars: frozenset[str]
    """Ids of the seminars that existed."""
    deadlines: Mapping[str, dt.date]
    """Point id -> its deadline then; points without one are absent."""
    ipo: IpoState | None
    """The IPO areas file then; None when it is not known (a guessed state)."""
    commit: str | None = None
    """Where this was read; None when guessed from dates (``snapshot.estimate``)."""


@dataclass(frozen=True)
class Missing:
    """Why an edition's state could not be read, and what to do about it."""

    edition: str
    reason: Reason
    message: str
    """Norwegian: what is wrong and what to do."""


@dataclass(frozen=True)
class DataPaths:
    followups: Path
    ipo_areas: Path
    privacy_exceptions: Path | None = None


class _GitUnavailable(Exception):
    pass


def _git(root: Path, *args: str, input: str | None = None) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=root,
        input=input,
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    if result.returncode != 0:
        raise _GitUnavailable(result.stderr.strip())
    return result.stdout


_EDITIONS_KEY = re.compile(r"^editions[ \t]*:", re.MULTILINE)
# The next top-level key: a line that starts in the first column with
# something other than a space, a comment or a list dash.
_TOP_LEVEL_LINE = re.compile(r"^[^\s#-]", re.MULTILINE)


def _scalar(node: Node | None) -> str | None:
    return node.value if isinstance(node, Scalar) else None


def _last_edition_of(node: Node) -> str | None:
    if not isinstance(node, YamlMapping):
        return None
    editions = node.get("editions")
    if not isinstance(editions, Sequence) or not editions.items:
        return None
    last = editions.items[-1]
    return _scalar(last.get("id")) if isinstance(last, YamlMapping) else None


def newest_edition(text: str) -> str | None:
    """The id of the last edition in a follow-ups file's text; None if unreadable.

    Only the top-level ``editions`` block is parsed when it can be cut out,
    so that searching a long history costs little per version of a large file.
    """
    found = _EDITIONS_KEY.search(text)
    if found is not None:
        end = _TOP_LEVEL_LINE.search(text, found.end())
        block = text[found.start() : end.start() if end else len(text)]
        try:
            newest = _last_edition_of(parse(block, "followups.yaml"))
        except DataError:
            newest = None
        if newest is not None:
            return newest
    try:
        return _last_edition_of(parse(text, "followups.yaml"))
    except DataError:
        return None


class _Blobs:
    """One ``git cat-file --batch`` serving file versions by object id."""

    def __init__(self, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        self._in, self._out = stdin, stdout

    def read(self, oid: str) -> bytes:
        self._in.write(oid.encode("ascii") + b"\n")
        self._in.flush()
        header = self._out.readline().split()
        if len(header) != 3:
            raise _GitUnavailable(f"git cat-file: {b' '.join(header).decode(errors='replace')}")
        size = int(header[2])
        data = self._out.read(size)
        self._out.read(1)  # the newline after each object
        return data


@contextmanager
def _blob_reader(root: Path) -> Iterator[_Blobs]:
    process = subprocess.Popen(
        ["git", "cat-file", "--batch"],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        yield _Blobs(process.stdin, process.stdout)
    finally:
        process.stdin.close()
        process.stdout.close()
        process.wait()


def _relative(path: Path, top: Path) -> str | None:
    try:
        return path.resolve().relative_to(top).as_posix()
    except ValueError:
        return None


def _records(value: Any) -> list[validate.Record]:
    return [r for r in value if isinstance(r, validate.Record)] if isinstance(value, list) else []


def _shape(
    text: str, name: str
) -> tuple[frozenset[str], frozenset[str], dict[str, dt.date]] | None:
    """Point ids, seminar ids and deadlines of a follow-ups file, read leniently:
    today's rules may be stricter than the ones the file was written under,
    and only ids and deadlines are taken from it."""
    try:
        node: Node = parse(text, name)
    except DataError as exc:
        # A rule added since (an invisible character refused, say) still
        # leaves the tree as it was written; a file the loader had to repair
        # to read (a half-made edit) was never a published state.
        if exc.repaired or not isinstance(exc.partial, YamlMapping):
            return None
        node = exc.partial
    record, _ = validate.check_file(node, schema.FOLLOWUPS_FILE)
    if not isinstance(record, validate.Record):
        return None
    points: set[str] = set()
    deadlines: dict[str, dt.date] = {}
    for point in _records(record.get("followups")):
        point_id, deadline = point.get("id"), point.get("deadline")
        if isinstance(point_id, str):
            points.add(point_id)
            if isinstance(deadline, dt.date):
                deadlines[point_id] = deadline
    seminars = {s.get("id") for s in _records(record.get("seminars"))}
    return frozenset(points), frozenset(s for s in seminars if isinstance(s, str)), deadlines


def _ipo(text: str, name: str, exceptions: Path | None) -> IpoState | list[Problem]:
    """The IPO areas file at a commit, checked as today's is; its problems if it fails."""
    try:
        node = parse(text, name)
    except DataError as exc:
        return list(exc.problems)
    record, problems = validate.check_file(node, schema.IPO_FILE)
    problems += validate.cross_check(validate.INVALID, record)
    if exceptions is not None:
        allowed, _ = privacy.load_exceptions(exceptions, exceptions.name)
        problems += privacy.check(node, text, set(allowed.values))[0]
    errors = [p for p in problems if p.severity == "error"]
    if errors or not isinstance(record, validate.Record):
        return sorted(errors)
    units, areas = build_areas(record)
    return IpoState(record.text("edition"), units, areas)


def _no_history(edition: str, why: str) -> Missing:
    return Missing(
        edition,
        "no-history",
        f"git-historikken trengs for å bygge en eldre rapporteringsrunde slik den var, men {why}.",
    )


def read(
    root: Path, paths: DataPaths, editions: Iterable[str]
) -> dict[str, EditionState | Missing]:
    """Each edition's state at its last commit as newest, or why it is missing."""
    wanted = list(dict.fromkeys(editions))
    if not wanted:
        return {}
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip()).resolve()
    except (_GitUnavailable, OSError):
        return {e: _no_history(e, "mappen er ikke et git-lager") for e in wanted}
    followups, ipo = _relative(paths.followups, top), _relative(paths.ipo_areas, top)
    if followups is None or ipo is None:
        return {e: _no_history(e, "datafilene ligger utenfor git-lageret") for e in wanted}
    shallow = _git(top, "rev-parse", "--is-shallow-repository").strip() == "true"
    try:
        commits = _git(top, "log", "--format=%H", "HEAD", "--", followups, ipo).split()
    except _GitUnavailable:
        commits = []  # no commit yet
    try:
        found = _search(top, commits, followups, ipo, wanted, paths.privacy_exceptions)
    except (_GitUnavailable, OSError, ValueError) as exc:
        why = f"git kunne ikke lese historikken ({exc or 'ukjent feil'})"
        return {e: _no_history(e, why) for e in wanted}
    result: dict[str, EditionState | Missing] = {}
    for edition in wanted:
        state = found.get(edition)
        if state is not None:
            result[edition] = state
        elif shallow:
            result[edition] = _no_history(
                edition,
                "dette er en grunn kopi (shallow clone) som ikke har med commiten der runden "
                "var den nyeste. Hent hele historikken med «git fetch --unshallow» og prøv igjen "
                "(i GitHub Actions: «fetch-depth: 0» i actions/checkout)",
            )
        else:
            result[edition] = Missing(
                edition,
                "not-found",
                f"ingen commit i git-historikken har «{edition}» som den nyeste "
                f"rapporteringsrunden i {followups} (den kom inn samtidig med eller etter en "
                "nyere runde), så det er ikke kjent hvilke punkter, frister og IPO-områder den "
                "hadde.",
            )
    return result


def _search(
    top: Path,
    commits: list[str],
    followups: str,
    ipo: str,
    wanted: list[str],
    exceptions: Path | None,
) -> dict[str, EditionState | Missing]:
    if not commits:
        return {}
    specs = "".join(f"{c}:{path}\n" for c in commits for path in (followups, ipo))
    lines = _git(top, "cat-file", "--batch-check", input=specs).splitlines()
    oids = [line.split()[0] if not line.endswith(" missing") else None for line in lines]
    open_editions = set(wanted)
    newest_by_blob: dict[str, str | None] = {}
    found: dict[str, EditionState | Missing] = {}
    with _blob_reader(top) as blobs:
        for index, commit in enumerate(commits):
            if not open_editions:
                break
            followups_oid, ipo_oid = oids[2 * index], oids[2 * index + 1]
            if followups_oid is None:
                continue
            if followups_oid not in newest_by_blob:
                text = _text(blobs.read(followups_oid), followups)
                newest_by_blob[followups_oid] = newest_edition(text) if text else None
            edition = newest_by_blob[followups_oid]
            if edition not in open_editions:
                continue
            state = _state_at(blobs, commit, followups_oid, ipo_oid, followups, ipo, exceptions)
            assert edition is not None
            # The last commit where the edition was newest is its final state.
            # When its IPO file fails today's rules, an older commit would
            # rebuild the edition without its late changes: refuse instead.
            if state is not None:
                found[edition] = dataclasses.replace(state, edition=edition)
                open_editions.discard(edition)
    return found


def _text(raw: bytes, name: str) -> str | None:
    try:
        return decode(raw, name)
    except DataError:
        return None


def _state_at(
    blobs: _Blobs,
    commit: str,
    followups_oid: str,
    ipo_oid: str | None,
    followups: str,
    ipo: str,
    exceptions: Path | None,
) -> EditionState | Missing | None:
    short = commit[:10]
    text = _text(blobs.read(followups_oid), followups)
    shape = _shape(text, f"{followups} (commit {short})") if text is not None else None
    if shape is None:
        return None
    points, seminars, deadlines = shape
    ipo_name = f"{ipo} (commit {short})"
    if ipo_oid is None:
        return Missing("", "unreadable", f"{ipo_name} finnes ikke.")
    ipo_text = _text(blobs.read(ipo_oid), ipo_name)
    if ipo_text is None:
        return Missing("", "unreadable", f"{ipo_name} kan ikke leses som UTF-8-tekst.")
    areas = _ipo(ipo_text, ipo_name, exceptions)
    if isinstance(areas, list):
        listed = "\n".join(f"  {p}" for p in areas)
        return Missing(
            "",
            "unreadable",
            f"IPO-områdene slik de sto den gang har feil etter dagens regler:\n{listed}\n"
            "Er det en personopplysning som kan publiseres, før den opp i "
            f"{privacy.EXCEPTIONS_FILE}; ellers står den publiserte versjonen av runden som den er.",
        )
    return EditionState("", points, seminars, deadlines, areas, commit)
