"""Publish one reporting round as a version of the site on the gh-pages branch, with mike.

Safe by default: the data must validate, the working tree must be clean, and
the local gh-pages branch must not be behind the remote's (fetched first).
Everything is committed locally first and pushed once at the end; if any step
fails, the local gh-pages branch is put back where it was and nothing is
pushed, so a failed build never changes what readers see.

``latest`` follows the newest edition in the data file: publishing an older
edition again (to fix a typo, say) never moves it back, and neither does
publishing from an old commit whose data does not know the edition that
``latest`` points to now.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .model import Dataset, Edition
from .pipeline import Sources, load_dataset
from .snapshot import UnknownEdition, find_edition

LATEST = "latest"
REDIRECT_TEMPLATE = Path(__file__).parent / "templates" / "redirect.html.j2"
# mike's own entry point; the package has no __main__.
MIKE = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())"]


class PublishError(Exception):
    """Publishing was refused or failed; the message says why and what to do."""


@dataclass(frozen=True)
class Options:
    root: Path
    sources: Sources
    config_file: Path
    edition: str | None = None
    """Edition id to publish; None for the newest in the data file."""
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
    edition: Edition
    remote: str
    branch: str
    moved_latest: bool
    commit: str
    latest_elsewhere: str | None = None
    """Where ``latest`` stays when it was not moved: a version the data does not know."""


def _git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"}
    )
    if check and result.returncode != 0:
        raise PublishError(
            f"git {' '.join(args)} feilet:\n{(result.stderr or result.stdout).strip()}"
        )
    return result


def _rev(root: Path, ref: str) -> str | None:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    return result.stdout.strip() or None


def identity(options: Options, env: Mapping[str, str], root: Path) -> Identity:
    """Who the gh-pages commits are by: options, then the environment, then git config."""

    def pick(option: str | None, kind: str) -> str | None:
        upper = kind.upper()
        for value in (option, env.get(f"GIT_COMMITTER_{upper}"), env.get(f"GIT_AUTHOR_{upper}")):
            if value:
                return value
        configured = _git(root, "config", f"user.{kind}", check=False).stdout.strip()
        return configured or None

    name, email = pick(options.name, "name"), pick(options.email, "email")
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


def sync_branch(root: Path, remote: str, branch: str) -> None:
    """Fetch the remote's branch; refuse if the local one is behind or has diverged."""
    heads = _git(root, "ls-remote", "--heads", remote, branch).stdout
    if not heads.strip():
        return  # first publish: nothing on the remote yet
    tracking = f"refs/remotes/{remote}/{branch}"
    _git(root, "fetch", "--quiet", remote, f"+refs/heads/{branch}:{tracking}")
    local, theirs = _rev(root, f"refs/heads/{branch}"), _rev(root, tracking)
    assert theirs is not None
    if local is None:
        _git(root, "branch", "--quiet", branch, tracking)
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


def latest_version(root: Path, branch: str) -> str | None:
    """The version mike's versions.json on the local branch aliases ``latest``, if any."""
    shown = _git(root, "show", f"refs/heads/{branch}:versions.json", check=False)
    if shown.returncode != 0:
        return None  # nothing published yet
    for entry in json.loads(shown.stdout):
        if LATEST in entry.get("aliases", ()):
            return str(entry["version"])
    return None


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
        raise PublishError(f"Byggingen eller publiseringen med mike feilet:\n{output}")


def publish(options: Options, env: Mapping[str, str] | None = None) -> Published:
    """Check everything, then deploy one edition and push gh-pages once.

    Raises ``DataError`` (from validation) or ``PublishError``.
    """
    env = dict(os.environ if env is None else env)
    root = options.root
    data = load_dataset(options.sources).data
    try:
        edition = find_edition(data, options.edition) if options.edition else data.latest_edition
    except UnknownEdition as exc:
        raise PublishError(str(exc)) from None
    who = identity(options, env, root)
    remote = remote_name(options, env, root)
    require_clean_tree(root)
    branch = options.branch
    sync_branch(root, remote, branch)

    current = latest_version(root, branch)
    moved_latest = moves_latest(data, edition, current)
    bin_dir = str(Path(sys.executable).parent)
    mike_env = {
        **env,
        "GIT_AUTHOR_NAME": who.name,
        "GIT_AUTHOR_EMAIL": who.email,
        "GIT_COMMITTER_NAME": who.name,
        "GIT_COMMITTER_EMAIL": who.email,
        "SITE_EDITION": edition.id,
        # mike runs `mkdocs` by name: use the one next to this Python.
        "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
    }
    common = ["--config-file", str(options.config_file), "--remote", remote, "--branch", branch]
    template = ["--template", str(REDIRECT_TEMPLATE)]
    before = _rev(root, f"refs/heads/{branch}")
    try:
        deploy = [
            "deploy",
            *common,
            *template,
            "--alias-type",
            "redirect",
            "--title",
            edition.title,
        ]
        if moved_latest:
            _mike(root, mike_env, *deploy, "--update-aliases", edition.id, LATEST)
            _mike(root, mike_env, "set-default", *common, *template, LATEST)
        else:
            _mike(root, mike_env, *deploy, edition.id)
        _git(root, "push", "--quiet", remote, f"refs/heads/{branch}:refs/heads/{branch}")
    except PublishError:
        if before is None:
            _git(root, "update-ref", "-d", f"refs/heads/{branch}", check=False)
        else:
            _git(root, "update-ref", f"refs/heads/{branch}", before, check=False)
        raise
    commit = _rev(root, f"refs/heads/{branch}") or ""
    known = {e.id for e in data.editions}
    elsewhere = current if current is not None and current not in known else None
    return Published(edition, remote, branch, moved_latest, commit, elsewhere)
