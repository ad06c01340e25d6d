"""Publish the site on the gh-pages branch with mike: one version per reporting round.

What is published:

- ``publish`` (``make publish``; CI runs it on every push to main) publishes
  every edition whose pages changed since it was last published, and only
  those: a typo fixed in a January status republishes January and every
  later edition that shows it, and leaves the others as they are. Each
  version carries a fingerprint of what its files are made from
  (``fingerprint``) in mike's versions.json; an edition published before
  fingerprints existed is published once more.
- ``--edition ID`` publishes that edition, ``--all`` every edition, whether
  or not they changed.
- ``preview`` publishes the working tree's newest edition as the hidden
  version ``pr-N`` (never in the version selector, never ``latest``), and
  ``preview --remove`` deletes it again.

An older edition is rebuilt as it was when it was the newest, with
corrections to its texts (``history``, ``snapshot``). When its git history
cannot be read, publishing refuses and says why and what to do, rather than
build something else under its name. Only in the default mode is an edition
left as it stands, with a note, when no git history could ever give it (no
commit where it was newest, or its old IPO areas file fails today's checks),
so that one such edition does not stop every later publication; a shallow
clone is refused in every mode, since fetching the history fixes it.

Safe by default: the data must validate, the working tree must be clean, and
the local gh-pages branch must not be behind the remote's (fetched first).
Everything is committed locally first and pushed once at the end; if any step
fails, the local gh-pages branch is put back where it was and nothing is
pushed, so a failed build never changes what readers see. If the push is
rejected because someone else published meanwhile (a publish and a preview
may race), the work is done again on top of theirs, up to three times.

``latest`` follows the newest edition in the data file: publishing an older
edition again never moves it back, and neither does publishing from an old
commit whose data does not know the edition that ``latest`` points to now.
Whenever ``latest`` ends on this data's newest edition, that edition's feed
and open data are also written at the root of gh-pages, beside versions.json
(the feed and the open data, see ``ROOT_PATHS``): addresses that never change and always
serve the newest edition. They are written with git plumbing on a temporary
index; the branch is never checked out.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from generator import words
from generator.commands import fingerprint
from generator.data import history
from generator.data.model import Dataset, Edition
from generator.data.snapshot import find_edition
from generator.errors import DataFailure, EnvironmentFailure, UsageFailure
from generator.site import addresses, download_files, pdf, publish_env, render
from generator.site.build import (
    Sources,
    at_edition,
    edition_today,
    history_paths,
    load_dataset,
    schema_files,
)

LATEST = "latest"
HIDDEN = "hidden"
ATTEMPTS = 3
"""Pushes tried when someone else publishes at the same time."""
REDIRECT_TEMPLATE = Path(__file__).parent.parent / "templates" / "redirect.html.j2"


def redirect_template(language: str | None, folder: Path) -> Path:
    """mike's redirect page in the council's language, written into ``folder``.

    mike fills in ``href`` alone; the words are filled in here first, and
    ``href`` is passed through as mike's own placeholder.
    """
    chosen = words.of(language)
    source = REDIRECT_TEMPLATE.read_text(encoding="utf-8")
    page = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(source)
    path = folder / "redirect.html"
    path.write_text(
        page.render(
            href=Markup("{{href}}"),
            lang=chosen("meta.html_lang"),
            title=chosen("redirect.title"),
            text=chosen("redirect.text"),
            link=chosen("redirect.link"),
        ),
        encoding="utf-8",
    )
    return path


# mike's own entry point; the package has no __main__.
MIKE = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())"]
ROOT_PATHS = (
    *dict.fromkeys(addresses.for_words(words.of(language)).feed for language in words.languages()),
    addresses.SITEMAP,
    addresses.BOKMAL.data_folder,
)
"""What publish owns at the root of gh-pages, replaced as a whole."""
TAKEN = frozenset({LATEST, addresses.BOKMAL.data_folder})
"""Names at the root of gh-pages that an edition's version folder would collide with."""
_PR_NUMBER = re.compile(r"[0-9]{1,9}")

T = TypeVar("T")


class PublishError(EnvironmentFailure):
    """Publishing failed or was refused for the state of git or gh-pages; the
    message says why and what to do."""


class PublishRefused(DataFailure):
    """Publishing was refused for what the data files hold."""


class _Raced(Exception):
    """The push was rejected because the remote branch moved meanwhile."""


@dataclass(frozen=True)
class Options:
    root: Path
    sources: Sources
    config_file: Path
    edition: str | None = None
    """Edition id to publish whether or not it changed; None for the default mode."""
    every: bool = False
    """Publish every edition, whether or not it changed (``--all``)."""
    remote: str | None = None
    name: str | None = None
    email: str | None = None
    branch: str = "gh-pages"


@dataclass(frozen=True)
class Identity:
    name: str
    email: str


@dataclass(frozen=True)
class Published:
    remote: str
    branch: str
    newest: str
    """The newest edition in the data."""
    published: tuple[Edition, ...]
    """Oldest first."""
    unchanged: tuple[Edition, ...] = ()
    skipped: tuple[history.Missing, ...] = ()
    """Editions left as they stand: no commit where they were newest (default mode)."""
    moved_latest: bool = False
    latest: str | None = None
    """The version ``latest`` points to afterwards."""
    latest_elsewhere: str | None = None
    """Where ``latest`` stays when it was not moved: a version the data does not know."""
    root_files: bool = False
    """Whether the files at the site's root were (re)written."""
    commit: str | None = None
    """The pushed head of the branch; None when nothing needed pushing."""


@dataclass(frozen=True)
class Preview:
    remote: str
    branch: str
    version: str
    edition: Edition
    address: str
    """Where the preview is: SITE_URL + «pr-N/», or «pr-N/» without SITE_URL."""
    commit: str | None


@dataclass(frozen=True)
class PreviewRemoved:
    remote: str
    branch: str
    version: str
    existed: bool
    commit: str | None


@dataclass(frozen=True)
class Version:
    """One entry of mike's versions.json."""

    version: str
    title: str
    aliases: tuple[str, ...]
    properties: Mapping[str, Any] = field(default_factory=dict)

    @property
    def hidden(self) -> bool:
        return self.properties.get(HIDDEN) is True


def _git(
    root: Path,
    *args: str,
    check: bool = True,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["git", *args],
        cwd=root,
        capture_output=True,
        text=True,
        input=input,
        env={**(os.environ if env is None else env), "LC_ALL": "C"},
    )
    if check and result.returncode != 0:
        raise PublishError(
            f"git {' '.join(args)} feilet:\n{(result.stderr or result.stdout).strip()}"
        )
    return result


def _rev(root: Path, ref: str) -> str | None:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    return result.stdout.strip() or None


def identity(options: Options | None, env: Mapping[str, str], root: Path) -> Identity:
    """Who the gh-pages commits are by: options, then the environment, then git config."""

    def pick(option: str | None, kind: str) -> str | None:
        upper = kind.upper()
        for value in (option, env.get(f"GIT_COMMITTER_{upper}"), env.get(f"GIT_AUTHOR_{upper}")):
            if value:
                return value
        configured = _git(root, "config", f"user.{kind}", check=False).stdout.strip()
        return configured or None

    name = pick(options.name if options else None, "name")
    email = pick(options.email if options else None, "email")
    missing = [label for label, value in (("navn", name), ("e-postadresse", email)) if not value]
    if name is None or email is None:
        raise PublishError(
            f"Mangler {' og '.join(missing)} for git-committene som publiseres. "
            "Oppgi dem med --name og --email, med miljøvariablene GIT_AUTHOR_NAME og "
            "GIT_AUTHOR_EMAIL, eller med «git config user.name» og «git config user.email»."
        )
    return Identity(name, email)


def remote_name(options: Options, env: Mapping[str, str], root: Path) -> str:
    """The git remote to publish to: --remote, then PUBLISH_REMOTE, then «origin»."""
    remote = options.remote or env.get("PUBLISH_REMOTE") or "origin"
    known = _git(root, "remote").stdout.split()
    if remote not in known:
        listed = ", ".join(f"«{r}»" for r in known) or "ingen"
        raise PublishError(
            f"Fant ikke git-fjernlageret «{remote}» (kjente fjernlagre: {listed}). "
            "Oppgi navnet med --remote NAVN eller miljøvariabelen PUBLISH_REMOTE, "
            "eller legg det til med «git remote add origin ADRESSE»."
        )
    return remote


def require_clean_tree(root: Path) -> None:
    """Refuse when files differ from the last commit: the site must match a commit."""
    changed = _git(root, "status", "--porcelain").stdout.splitlines()
    if changed:
        shown = "\n".join(f"  {line}" for line in changed[:10])
        more = f"\n  … og {len(changed) - 10} til" if len(changed) > 10 else ""
        raise PublishError(
            "Arbeidsmappen har endringer som ikke er committet:\n"
            f"{shown}{more}\n"
            "Commit endringene (eller legg dem bort med «git stash») og publiser på nytt, "
            "så nettstedet svarer til en commit."
        )


def _fetch(root: Path, remote: str, branch: str) -> str | None:
    """The remote's branch head, fetched into the tracking ref; None if it has none."""
    heads = _git(root, "ls-remote", "--heads", remote, branch).stdout
    if not heads.strip():
        return None  # first publish: nothing on the remote yet
    tracking = f"refs/remotes/{remote}/{branch}"
    _git(root, "fetch", "--quiet", remote, f"+refs/heads/{branch}:{tracking}")
    return _rev(root, tracking)


def sync_branch(root: Path, remote: str, branch: str) -> None:
    """Fetch the remote's branch; refuse if the local one is behind or has diverged."""
    theirs = _fetch(root, remote, branch)
    if theirs is None:
        return
    local = _rev(root, f"refs/heads/{branch}")
    if local is None:
        _git(root, "branch", "--quiet", branch, theirs)
        return
    if local == theirs or _is_ancestor(root, theirs, local):
        return  # even, or ahead: the push below brings the remote up to date
    if _is_ancestor(root, local, theirs):
        raise PublishError(
            f"Den lokale grenen {branch} er bak {remote}/{branch}: noen har publisert "
            "siden sist. Hent den nyeste versjonen med\n"
            f"  git fetch {remote} {branch}:{branch}\n"
            "og publiser på nytt."
        )
    raise PublishError(
        f"Den lokale grenen {branch} og {remote}/{branch} har gått hver sin vei. "
        f"Se over forskjellen med «git log {branch}...{remote}/{branch}». Vil du bruke "
        f"det som er publisert, kjør «git branch -f {branch} {remote}/{branch}» og publiser på nytt."
    )


def _is_ancestor(root: Path, ancestor: str, descendant: str) -> bool:
    return (
        _git(root, "merge-base", "--is-ancestor", ancestor, descendant, check=False).returncode == 0
    )


def _broken_versions(branch: str, detail: str) -> PublishError:
    return PublishError(
        f"Filen versions.json på grenen {branch} kan ikke leses: {detail}. Den lister versjonene "
        "som er publisert, og må være i orden før noe publiseres. Se hvordan den så ut før med "
        f"«git log -p {branch} -- versions.json», og rett den på grenen {branch}: hent grenen "
        f"i en egen mappe med «git worktree add ../{branch} {branch}», rett filen der, commit "
        "og push, og publiser på nytt."
    )


def read_versions(root: Path, branch: str) -> tuple[Version, ...]:
    """mike's versions.json on the local branch; empty before the first publish."""
    spec = f"refs/heads/{branch}:versions.json"
    kind = _git(root, "cat-file", "-t", spec, check=False)
    if kind.returncode != 0:
        return ()  # nothing published yet
    if kind.stdout.strip() != "blob":
        raise _broken_versions(branch, "det er en mappe, ikke en fil")
    raw = subprocess.run(
        ["git", "cat-file", "blob", spec], cwd=root, capture_output=True, check=False
    ).stdout
    try:
        entries = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _broken_versions(branch, "den er ikke lagret som UTF-8-tekst") from None
    except json.JSONDecodeError as exc:
        raise _broken_versions(
            branch, f"linje {exc.lineno}, kolonne {exc.colno} er ikke gyldig JSON"
        ) from None
    if not isinstance(entries, list):
        raise _broken_versions(branch, "den skal være en liste ([ … ])")
    versions = []
    for number, entry in enumerate(entries, start=1):
        ok = (
            isinstance(entry, dict)
            and isinstance(entry.get("version"), str)
            and isinstance(entry.get("title"), str)
            and isinstance(entry.get("aliases"), list)
            and all(isinstance(a, str) for a in entry["aliases"])
            and isinstance(entry.get("properties", {}), dict | None)
        )
        if not ok:
            raise _broken_versions(
                branch,
                f"oppføring nr. {number} mangler «version», «title» eller «aliases», "
                "eller har feil slags verdi i dem",
            )
        versions.append(
            Version(
                entry["version"],
                entry["title"],
                tuple(entry["aliases"]),
                entry.get("properties") or {},
            )
        )
    return tuple(versions)


def latest_version(root: Path, branch: str) -> str | None:
    """The version mike's versions.json on the local branch aliases ``latest``, if any."""
    return _latest_of(read_versions(root, branch))


def _latest_of(versions: tuple[Version, ...]) -> str | None:
    return next((v.version for v in versions if LATEST in v.aliases), None)


def moves_latest(data: Dataset, edition: Edition, current: str | None) -> bool:
    """Whether publishing ``edition`` should point ``latest`` at it.

    Only the newest edition in the data takes ``latest``, and only from a
    version the data knows (so an older one): a ``latest`` the data has never
    heard of was published from newer data, and stays.
    """
    known = {e.id for e in data.editions}
    return edition == data.latest_edition and (current is None or current in known)


def _mike(root: Path, env: Mapping[str, str], *args: str) -> None:
    result = subprocess.run([*MIKE, *args], cwd=root, capture_output=True, text=True, env=dict(env))
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        # Validation passed before mike ran, so what MkDocs refuses now is nearly
        # always a hand-written page (--strict): the secretariat's, as in `site`.
        raise PublishRefused(f"Byggingen eller publiseringen med mike feilet:\n{output}")


def _mike_env(env: Mapping[str, str], who: Identity) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **env,
        "GIT_AUTHOR_NAME": who.name,
        "GIT_AUTHOR_EMAIL": who.email,
        "GIT_COMMITTER_NAME": who.name,
        "GIT_COMMITTER_EMAIL": who.email,
        # mike runs `mkdocs` by name: use the one next to this Python.
        "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
    }


class _Branch:
    """The local gh-pages branch during one run: put back unless pushed."""

    def __init__(self, root: Path, remote: str, branch: str) -> None:
        self.root, self.remote, self.branch = root, remote, branch
        self.ref = f"refs/heads/{branch}"
        self.original = _rev(root, self.ref)

    def head(self) -> str | None:
        return _rev(self.root, self.ref)

    def reset(self, commit: str | None) -> None:
        if commit is None:
            _git(self.root, "update-ref", "-d", self.ref, check=False)
        else:
            _git(self.root, "update-ref", self.ref, commit, check=False)

    def push(self, remote_head: str | None) -> None:
        pushed = _git(
            self.root, "push", "--quiet", self.remote, f"{self.ref}:{self.ref}", check=False
        )
        if pushed.returncode == 0:
            return
        now = _git(self.root, "ls-remote", "--heads", self.remote, self.branch, check=False)
        head = now.stdout.split()[0] if now.returncode == 0 and now.stdout.strip() else None
        if now.returncode == 0 and head != remote_head:
            raise _Raced()
        message = (pushed.stderr or pushed.stdout).strip()
        raise PublishError(
            f"git push --quiet {self.remote} {self.ref}:{self.ref} feilet:\n{message}"
        )

    def run(self, work: Callable[[tuple[Version, ...]], T]) -> T:
        """Do ``work`` on the local branch and push once, again on top of a
        rival publication if the push loses a race; put the branch back on failure."""
        try:
            remote_head = _rev(self.root, f"refs/remotes/{self.remote}/{self.branch}")
            for attempt in range(1, ATTEMPTS + 1):
                start = self.head()
                result = work(read_versions(self.root, self.branch))
                if self.head() == start and (start is None or start == remote_head):
                    return result  # nothing to push
                try:
                    self.push(remote_head)
                    return result
                except _Raced:
                    if attempt == ATTEMPTS:
                        break
                    remote_head = _fetch(self.root, self.remote, self.branch)
                    self.reset(remote_head)
            raise PublishError(
                f"Noen andre publiserte til {self.remote}/{self.branch} samtidig, {ATTEMPTS} "
                "ganger på rad. Vent til de andre publiseringene er ferdige, og publiser på nytt."
            )
        except BaseException:
            self.reset(self.original)
            raise


def _write_root_files(
    root: Path,
    branch: str,
    files: Mapping[str, bytes],
    who: Identity,
    message: str,
    base_env: Mapping[str, str],
) -> bool:
    """Replace what publish owns at the root of ``branch`` with ``files``, in one
    commit made with plumbing on a temporary index; False when nothing changed."""
    ref = f"refs/heads/{branch}"
    parent = _rev(root, ref)
    assert parent is not None, "root files are written after a deploy"
    with tempfile.TemporaryDirectory(prefix="publish-") as tmp:
        folder = Path(tmp)
        env = {
            **base_env,
            "GIT_INDEX_FILE": str(folder / "index"),
            "GIT_AUTHOR_NAME": who.name,
            "GIT_AUTHOR_EMAIL": who.email,
            "GIT_COMMITTER_NAME": who.name,
            "GIT_COMMITTER_EMAIL": who.email,
        }
        _git(root, "read-tree", parent, env=env)
        owned = _git(root, "ls-files", "-z", "--", *ROOT_PATHS, env=env).stdout.split("\0")
        names = sorted(files)
        for index, name in enumerate(names):
            (folder / f"blob-{index}").write_bytes(files[name])
        paths = "".join(f"{folder / f'blob-{index}'}\n" for index in range(len(names)))
        oids = _git(root, "hash-object", "-w", "--stdin-paths", input=paths, env=env).stdout.split()
        entries = [f"0 {'0' * 40}\t{path}\n" for path in owned if path]
        entries += [f"100644 {oid}\t{name}\n" for oid, name in zip(oids, names, strict=True)]
        _git(root, "update-index", "--index-info", input="".join(entries), env=env)
        tree = _git(root, "write-tree", env=env).stdout.strip()
        if tree == _git(root, "rev-parse", f"{parent}^{{tree}}").stdout.strip():
            return False
        commit = _git(root, "commit-tree", tree, "-p", parent, "-m", message, env=env)
        _git(root, "update-ref", ref, commit.stdout.strip(), parent)
    return True


@dataclass(frozen=True)
class Plan:
    editions: tuple[Edition, ...]
    states: Mapping[str, history.EditionState]
    skipped: tuple[history.Missing, ...]


def _refusal(missing: history.Missing) -> PublishError:
    return PublishError(
        f"Rapporteringsrunden «{missing.edition}» kan ikke bygges på nytt slik den var: "
        f"{missing.message}"
    )


def plan(options: Options, data: Dataset) -> Plan:
    """The editions to consider, each older one with its state read from git."""
    if options.edition:
        editions: tuple[Edition, ...] = (find_edition(data, options.edition),)
    else:
        editions = data.editions
    for edition in editions:
        if edition.id in TAKEN:
            raise PublishRefused(
                f"Rapporteringsrunden «{edition.id}» kan ikke publiseres under det navnet: "
                f"«{edition.id}» er allerede i bruk på nettstedet ({', '.join(sorted(TAKEN))}). "
                "Gi runden en annen id i followups.yaml (for eksempel året og måneden, "
                "«2026-06»), også i statusene og i ipo_areas.yaml."
            )
    older = [e.id for e in editions if e != data.latest_edition]
    found = history.read(options.root, history_paths(options.sources), older)
    states: dict[str, history.EditionState] = {}
    skipped: list[history.Missing] = []
    for edition_id in older:
        state = found[edition_id]
        if isinstance(state, history.EditionState):
            states[edition_id] = state
        elif options.edition or options.every or state.reason == "no-history":
            raise _refusal(state)
        else:
            skipped.append(state)
    left_out = {m.edition for m in skipped}
    return Plan(tuple(e for e in editions if e.id not in left_out), states, tuple(skipped))


def fingerprints(
    options: Options,
    data: Dataset,
    editions: tuple[Edition, ...],
    states: Mapping[str, history.EditionState],
    site_url: str,
) -> dict[str, str]:
    """Each edition's fingerprint, from what its build will render (see ``fingerprint``)."""
    sources = options.sources
    content = sources.content or options.root / "content"
    shared = fingerprint.shared(options.config_file, content, options.root / "requirements.txt")
    schemas = schema_files(sources)
    schema_names = tuple(p.name for p in schemas)
    result = {}
    for edition in editions:
        shown, _ = at_edition(sources, data, edition.id, states.get(edition.id))
        pages = render.render_site(
            shown, edition_today(data, shown, None), schema_names, stable_files=True
        ).pages
        version_url = f"{site_url}{edition.id}/" if site_url else ""
        files = download_files.files(shown, schemas, version_url, with_pdf=False)
        result[edition.id] = fingerprint.edition(
            shared, pages, files, _report_pdfs(shown), version_url, edition.title
        )
    return result


def _report_pdfs(data: Dataset) -> str:
    """What the edition's PDFs are made from (each one's address and cache key),
    without making them: the fingerprint changes exactly when one would."""
    return "\n".join(f"{d.path} {d.key}" for d in pdf.documents(data))


def _prepare(options: Options, env: Mapping[str, str]) -> tuple[Identity, str]:
    return identity(options, env, options.root), remote_name(options, env, options.root)


def publish(options: Options, env: Mapping[str, str] | None = None) -> Published:
    """Check everything, then deploy the editions that need it and push gh-pages once.

    Raises ``DataError`` (from validation), ``UnknownEdition``, ``PublishRefused``
    or ``PublishError``.
    """
    env = dict(os.environ if env is None else env)
    root, branch = options.root, options.branch
    data = load_dataset(options.sources).data
    if options.edition:
        find_edition(data, options.edition)
    who, remote = _prepare(options, env)
    require_clean_tree(root)
    site_url = publish_env.site_url(env)
    chosen = plan(options, data)
    prints = fingerprints(options, data, chosen.editions, chosen.states, site_url)
    sync_branch(root, remote, branch)
    newest = data.latest_edition
    base_env = {**_mike_env(env, who), publish_env.STABLE_FILES: "1"}
    common = ["--config-file", str(options.config_file), "--remote", remote, "--branch", branch]
    with tempfile.TemporaryDirectory(prefix="publish-redirect-") as tmp:
        template = ["--template", str(redirect_template(data.council.language, Path(tmp)))]
        forced = bool(options.edition or options.every)

        def work(versions: tuple[Version, ...]) -> Published:
            by_id = {v.version: v for v in versions}
            current = _latest_of(versions)
            moved = moves_latest(data, newest, current) and current != newest.id
            changed = [
                e
                for e in chosen.editions
                if forced
                or by_id.get(e.id) is None
                or by_id[e.id].properties.get(fingerprint.PROPERTY) != prints[e.id]
                or (e == newest and moved)
            ]
            for edition in changed:
                takes_latest = edition == newest and moves_latest(data, edition, current)
                deploy = [
                    "deploy",
                    *common,
                    *template,
                    "--alias-type",
                    "redirect",
                    f"--title={edition.title}",
                    f"--prop-set-string={fingerprint.PROPERTY}={prints[edition.id]}",
                ]
                run_env = {**base_env, "SITE_EDITION": edition.id}
                if takes_latest:
                    _mike(root, run_env, *deploy, "--update-aliases", edition.id, LATEST)
                    if current != newest.id:
                        _mike(root, run_env, "set-default", *common, *template, LATEST)
                else:
                    _mike(root, run_env, *deploy, edition.id)
            latest_now = _latest_of(read_versions(root, branch))
            root_files = False
            if newest in changed and latest_now == newest.id:
                shown = download_files.stable_files(
                    data, schema_files(options.sources), site_url, newest.id
                )
                root_files = _write_root_files(
                    root,
                    branch,
                    shown,
                    who,
                    f"Serve {newest.id}'s feed and open data at the site's root",
                    env,
                )
            known = {e.id for e in data.editions}
            return Published(
                remote,
                branch,
                newest.id,
                tuple(changed),
                tuple(e for e in chosen.editions if e not in changed),
                chosen.skipped,
                moved_latest=latest_now == newest.id and current != newest.id,
                latest=latest_now,
                latest_elsewhere=(
                    latest_now if latest_now is not None and latest_now not in known else None
                ),
                root_files=root_files,
            )

        done = _Branch(root, remote, branch).run(work)
    pushed = bool(done.published) or done.root_files
    return dataclasses.replace(done, commit=_rev(root, f"refs/heads/{branch}") if pushed else None)


def preview_version(number: str) -> str:
    """``pr-N`` for a pull request number (digits only)."""
    if not _PR_NUMBER.fullmatch(number):
        raise UsageFailure(
            f"«{number}» er ikke nummeret på en endring (pull request). Oppgi bare sifre, "
            "for eksempel «make preview PR=12»."
        )
    return f"pr-{int(number)}"


def _not_a_preview(version: Version, branch: str) -> PublishError:
    return PublishError(
        f"Versjonen «{version.version}» på {branch} er ikke en skjult forhåndsvisning, men "
        f"«{version.title}». Den røres ikke. Gi rapporteringsrunden en annen id, eller "
        f"slett versjonen med mike hvis den er lagt der ved en feil."
    )


def preview(options: Options, number: str, env: Mapping[str, str] | None = None) -> Preview:
    """Publish the working tree's newest edition as the hidden version pr-N."""
    env = dict(os.environ if env is None else env)
    root, branch = options.root, options.branch
    version = preview_version(number)
    data = load_dataset(options.sources).data
    edition = data.latest_edition
    who, remote = _prepare(options, env)
    site_url = publish_env.site_url(env)
    sync_branch(root, remote, branch)
    run_env = {
        **_mike_env(env, who),
        "SITE_EDITION": edition.id,
        publish_env.PREVIEW: "1",
        publish_env.STABLE_FILES: "",
    }
    common = ["--config-file", str(options.config_file), "--remote", remote, "--branch", branch]

    def work(versions: tuple[Version, ...]) -> None:
        existing = next((v for v in versions if v.version == version), None)
        if existing is not None and not existing.hidden:
            raise _not_a_preview(existing, branch)
        _mike(
            root,
            run_env,
            "deploy",
            *common,
            f"--title=Forhåndsvisning av endring #{int(number)}",
            f"--prop-set={HIDDEN}=true",
            version,
        )

    _Branch(root, remote, branch).run(work)
    address = f"{site_url}{version}/" if site_url else f"{version}/"
    return Preview(remote, branch, version, edition, address, _rev(root, f"refs/heads/{branch}"))


def remove_preview(
    options: Options, number: str, env: Mapping[str, str] | None = None
) -> PreviewRemoved:
    """Delete the hidden version pr-N; nothing happens if it is already gone.

    The data is not checked: removing a preview builds nothing, and a pull
    request closed with mistakes in it must not leave its preview behind.
    """
    env = dict(os.environ if env is None else env)
    root, branch = options.root, options.branch
    version = preview_version(number)
    who, remote = _prepare(options, env)
    sync_branch(root, remote, branch)
    common = ["--config-file", str(options.config_file), "--remote", remote, "--branch", branch]

    def work(versions: tuple[Version, ...]) -> bool:
        existing = next((v for v in versions if v.version == version), None)
        if existing is None:
            return False
        if not existing.hidden:
            raise _not_a_preview(existing, branch)
        _mike(root, _mike_env(env, who), "delete", *common, version)
        return True

    existed = _Branch(root, remote, branch).run(work)
    commit = _rev(root, f"refs/heads/{branch}") if existed else None
    return PreviewRemoved(remote, branch, version, existed, commit)
