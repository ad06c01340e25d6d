"""A routine change started from GitHub's web pages: the editing command runs on
a new branch, the result is committed and pushed, and a pull request opens
whose description says what the command did and what is left to fill in.

Run by the manually started workflows in ``.github/workflows/`` (Ny
rapporteringsrunde, Nytt oppfølgingspunkt, Nytt IPO-område, Ta ut IPO-område)
in their checkout, with GitHub's variables (``GITHUB_REPOSITORY``,
``GITHUB_STEP_SUMMARY`` …) and ``gh`` on PATH. A refused edit fails the run
with the command's message in the job summary, and nothing is pushed.

Pull requests and pushes made with the workflow's own ``GITHUB_TOKEN`` start
no other workflow, so the pull-request check does not run until somebody
pushes to the branch. A repository can give the workflows a token that does
(the secret ``PULL_REQUEST_TOKEN``); the workflow says which it used in
``PULL_REQUEST_TOKEN_GIVEN``, and the description tells the secretariat when
the check starts.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.commands.edit_followups import Edited
from generator.data import problem_text
from generator.data.problems import Problem
from generator.errors import EnvironmentFailure, Failure
from generator.site.build import Sources, check_sources

GUIDE = "docs/veiledning.md"
"""The secretariat's guide, linked from every description."""

LISTED = 100
"""At most this many lines to fill in are listed one by one: GitHub refuses a
description longer than 65,536 characters."""

GUIDE_ANCHORS = {
    "github": "endringer-fra-github",
    "edit": "redigere-en-fil-på-github",
    "check": "kontrollen-og-forhåndsvisningen",
    "new-round": "starte-en-ny-rapporteringsrunde",
    "new-followup": "legge-til-et-oppfølgingspunkt",
    "ipo-area": "endre-ipo-områdene",
}
"""Sections of the guide the descriptions link to (GitHub's heading anchors);
tests/test_guide.py checks that each exists."""


@dataclass(frozen=True)
class Proposal:
    """One change: how its branch, commit and pull request are named."""

    kind: str
    """The editing command: new-round, new-followup or ipo-area (its guide section)."""
    branch: str
    """The readable part of the branch name, e.g. «ny-runde/2026-06»."""
    title: str
    """The pull request's title and the commit's first line."""


class ChangeFailed(EnvironmentFailure):
    """The change could not be proposed; the message says why and what to do."""


_NORWEGIAN: dict[str, str | int | None] = {"æ": "ae", "ø": "o", "å": "a"}


def slug(text: str) -> str:
    """Text as part of a branch name: «Holmlia Syd» -> «holmlia-syd»."""
    text = text.lower().translate(str.maketrans(_NORWEGIAN))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-") or "endring"


def branch_name(proposal: Proposal, env: Mapping[str, str]) -> str:
    """Readable, and unique per run: the workflow's run number (and attempt)."""
    number = env.get("GITHUB_RUN_NUMBER") or time.strftime("%Y%m%d%H%M%S")
    attempt = env.get("GITHUB_RUN_ATTEMPT", "1")
    suffix = f"{number}-{attempt}" if attempt not in ("", "1") else number
    return f"{proposal.branch}-kjoring-{suffix}"


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~#@!"})


def _short(line: str, limit: int = 1000) -> str:
    """A line of the command's output, cut after a whole «…» when it is very long
    (a new round lists every open point)."""
    if len(line) <= limit:
        return line
    cut = line.rfind("»", 0, limit)
    return line[: cut + 1 if cut > 0 else limit] + " …"


def _text(value: object) -> str:
    """Text from the data or a command's output as literal Markdown: no link,
    mention, tag or emphasis can come of it."""
    return " ".join(str(value).split()).translate(_MARKDOWN)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def _repository_url(env: Mapping[str, str]) -> str:
    server = env.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    return f"{server}/{env.get('GITHUB_REPOSITORY', '')}"


def guide_link(env: Mapping[str, str], base: str, section: str, text: str) -> str:
    """A Markdown link to a section of the guide (``GUIDE_ANCHORS``) on ``base``."""
    return f"[{text}]({_repository_url(env)}/blob/{base}/{GUIDE}#{GUIDE_ANCHORS[section]})"


def remaining(sources: Sources) -> list[Problem]:
    """What the data still lacks after the edit: placeholders, empty fields (errors only)."""
    _, _, problems = check_sources(sources)
    return sorted(p for p in problems if p.severity == "error")


def body(
    proposal: Proposal,
    done: Edited,
    left: list[Problem],
    *,
    branch: str,
    base: str,
    env: Mapping[str, str],
) -> str:
    """The pull request's description, in Markdown; text from the data is escaped."""
    url = _repository_url(env)
    workflow = env.get("GITHUB_WORKFLOW", "")
    actor = env.get("GITHUB_ACTOR", "")
    started = f"«{_text(workflow)}»" if workflow else "en arbeidsflyt"
    who = f", startet av @{actor}" if re.fullmatch(r"[A-Za-z0-9-]+(\[bot\])?", actor) else ""
    lines = [
        f"Laget av arbeidsflyten {started}{who}, på grenen `{branch}`.",
        "",
        "## Dette er gjort",
        "",
        *(f"- {_text(_short(line))}" for line in done.done or done.lines),
        "",
        "## Dette gjenstår",
        "",
    ]
    files = sorted({p.position.file for p in left})
    if left:
        lines.append(
            "Fyll inn dette før endringen kan slås sammen; kontrollen av endringen viser "
            "det samme på linjene i «Files changed»:"
        )
        lines.append("")
        for problem in left[:LISTED]:
            where = problem.position
            link = f"{url}/blob/{branch}/{where.file}#L{where.line}"
            lines.append(
                f"- [{_text(where.file)} linje {where.line}]({link}): {_text(problem.message)}"
            )
        if len(left) > LISTED:
            lines.append(
                f"- … og {len(left) - LISTED} til; kontrollen av endringen viser alle, og "
                "«python -m generator validate» likeså."
            )
    else:
        lines.append("Ingen felt står tomme. Les gjennom endringen under «Files changed».")
    if done.todo:
        lines += ["", *(f"- {_text(line)}" for line in done.todo)]
    edit_files = files or [done.file]
    lines += [
        "",
        "## Slik fyller du inn",
        "",
        *(
            f"1. Åpne [{_text(name)} på denne grenen]({url}/edit/{branch}/{name}) "
            "i GitHubs redigeringsvindu."
            for name in edit_files
        ),
        "1. Skriv inn det som mangler, og lagre med «Commit changes» på grenen "
        f"`{branch}` (ikke på main).",
        "1. Vent til kontrollen «Kontroll av endring» er grønn, og be en annen om å "
        "godkjenne endringen.",
        "",
        "Veiledningen: "
        + ", ".join(
            [
                guide_link(env, base, proposal.kind, "denne endringen"),
                guide_link(env, base, "edit", "redigere på GitHub"),
                guide_link(env, base, "check", "kontrollen og forhåndsvisningen"),
            ]
        )
        + ".",
    ]
    if env.get("PULL_REQUEST_TOKEN_GIVEN") != "true":
        lines += [
            "",
            "> **Kontrollen starter når du lagrer din første endring på grenen.** "
            "En pull request som en arbeidsflyt lager med GitHubs egen nøkkel, starter ikke "
            "kontrollen av seg selv. Den som administrerer repositoriet kan endre det med en "
            "egen nøkkel (se README, «PULL_REQUEST_TOKEN»).",
        ]
    return "\n".join(lines) + "\n"


def _summary(env: Mapping[str, str], text: str) -> None:
    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(text)


def annotation(message: str) -> str:
    """The message as a GitHub error annotation (its first line), for stdout."""
    first = message.splitlines()[0] if message else ""
    return f"::error title=Endringen ble ikke laget::{problem_text.escape_data(first)}"


def refused(exc: Failure, env: Mapping[str, str]) -> str:
    """Write the job summary for a refused edit; the text to print (with ``annotation``)."""
    problems = problem_text.as_text(exc.problems) if exc.problems else ""
    _summary(
        env,
        "### Ingen endring er laget\n\n"
        + _text(exc.message)
        + "\n"
        + (f"\n```\n{problems}\n```\n" if problems else "")
        + "\nIngenting er lagt ut. Rett det meldingen sier, og start arbeidsflyten på nytt.\n",
    )
    # Printed in the workflow's log: never a workflow command.
    lines = [problem_text.safe_text(exc.message)]
    if problems:
        lines.append(problems)
    return "\n".join(lines)


def propose(
    sources: Sources,
    edit: Callable[[], Edited],
    describe: Callable[[Edited], Proposal],
    env: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """Make the change on a new branch, push it and open the pull request.

    Returns (the text to print, the pull request's address). Raises EditRefused
    when the command refuses (nothing is committed) and ChangeFailed when git or
    gh fails.
    """
    env = dict(os.environ if env is None else env)
    root = (sources.root or sources.followups.parent).resolve()
    base = _git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip() or "main"
    if base == "HEAD":
        base = env.get("GITHUB_REF_NAME") or "main"
    done = edit()
    proposal = describe(done)
    left = remaining(sources)
    branch = branch_name(proposal, env)
    files = [sources.followups, sources.ipo_areas]
    steps = [
        ("switch", "--quiet", "--create", branch),
        ("add", "--", *(str(p) for p in files if p.exists())),
        (
            "commit",
            "--quiet",
            "--message",
            proposal.title,
            "--message",
            "\n".join(done.done or done.lines),
        ),
        ("push", "--quiet", "--set-upstream", "origin", branch),
    ]
    for step in steps:
        result = _git(root, *step)
        if result.returncode != 0:
            raise ChangeFailed(
                f"git {step[0]} feilet, så ingen pull request er laget: "
                f"{result.stderr.strip() or result.stdout.strip()}"
            )
    text = body(proposal, done, left, branch=branch, base=base, env=env)
    created = subprocess.run(
        [
            "gh",
            "pr",
            "create",
            "--repo",
            env.get("GITHUB_REPOSITORY", ""),
            "--base",
            base,
            "--head",
            branch,
            "--title",
            proposal.title,
            "--body-file",
            "-",
        ],
        cwd=root,
        input=text,
        capture_output=True,
        text=True,
        env=env,
    )
    if created.returncode != 0:
        compare = f"{_repository_url(env)}/compare/{base}...{branch}?expand=1"
        raise ChangeFailed(
            f"Endringen ligger på grenen «{branch}», men pull requesten kunne ikke lages: "
            f"{created.stderr.strip() or created.stdout.strip()} Åpne den selv her: {compare} "
            "Får arbeidsflytene ikke lage pull requester, må den som administrerer "
            "repositoriet slå på «Allow GitHub Actions to create and approve pull requests» "
            "(Settings > Actions > General)."
        )
    address = created.stdout.strip().splitlines()[-1] if created.stdout.strip() else ""
    _summary(
        env,
        f"### Endringen er klar til utfylling\n\nPull request: {address or branch}\n\n" + text,
    )
    lines = [done.printed(), f"Pull request: {address or '(ingen adresse fra gh)'}"]
    return "\n".join(lines), address


def failed(exc: Failure, env: Mapping[str, str]) -> str:
    """Write the job summary when git or gh failed; the text to print (with ``annotation``)."""
    message = exc.message
    _summary(env, "### Endringen ble ikke ferdig\n\n" + _text(message) + "\n")
    return "\n".join(problem_text.safe_text(line) for line in message.splitlines())
