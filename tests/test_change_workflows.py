"""The workflows the secretariat starts from GitHub's web pages (new-round.yml,
new-followup.yml, ipo-area-add.yml, ipo-area-retire.yml): each one's steps run
on a fresh clone (tests/workflow_runner.py) with a bare repository playing
GitHub, and ``gh`` replaced by the recorder. What reaches GitHub is checked: the
branch, the YAML committed on it and the pull request's title and description."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_generator
from tests.datafiles import PLACEHOLDER_LINE, fill_placeholders, start_round
from tests.test_edit import added_lines
from tests.workflow_project import Origin, git, make_origin, python_environment
from tests.workflow_runner import JobResult, Runner, workflow_dispatch_event

WORKFLOWS = ROOT / ".github" / "workflows"
REPOSITORY = "politiraad/oppfolging"
PULL_REQUEST = "https://github.com/politiraad/oppfolging/pull/42"
BLOB = "https://github.com/politiraad/oppfolging/blob"
BOT = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Origin:
    """The project with the frozen Oslo data, on a bare repository playing GitHub."""
    return make_origin(tmp_path_factory.mktemp("github"))


def dispatch(
    workflow: str,
    origin: Origin,
    work: Path,
    inputs: dict[str, Any],
    *,
    token: str = "",
    sha: str | None = None,
    branch: str = "main",
) -> JobResult:
    """Start ``workflow`` by hand with ``inputs``, as the Actions tab would."""
    runner = Runner(
        WORKFLOWS / workflow,
        origin.bare,
        work,
        prepare=python_environment,
        secrets={"PULL_REQUEST_TOKEN": token, "GITHUB_TOKEN": "github-token"},
        gh_responses={"pr create": PULL_REQUEST + "\n"},
    )
    event = workflow_dispatch_event(
        sha or origin.main, inputs, branch=branch, repository=REPOSITORY
    )
    return runner.run_job("change", event)


def remote_branches(origin: Origin) -> list[str]:
    heads = git("for-each-ref", "--format=%(refname:short)", "refs/heads", cwd=origin.bare)
    return heads.splitlines()


def show(origin: Origin, ref: str, path: str) -> str:
    return git("show", f"{ref}:{path}", cwd=origin.bare) + "\n"


def the_pull_request(result: JobResult) -> dict[str, Any]:
    [call] = result.gh_calls
    args = call["args"]
    assert args[:2] == ["pr", "create"], args
    options = dict(zip(args[2::2], args[3::2], strict=True))
    return {**options, "body": call["stdin"], "token": call["token"]}


def validate_branch(origin: Origin, branch: str, tmp_path: Path) -> list[str]:
    """The problems ``validate`` finds on the branch, as «file:line: message» lines."""
    checkout = tmp_path / "branch"
    git("clone", "--quiet", "--branch", branch, str(origin.bare), str(checkout), cwd=tmp_path)
    result = run_generator("validate", cwd=checkout)
    return [
        re.sub(r"^\s+(\S+?):(\d+):\d+: feil: ", r"\1:\2: ", line)
        for line in result.stderr.splitlines()
        if ": feil: " in line
    ]


def assert_lists_what_is_left(body: str, branch: str, left: list[str]) -> None:
    """Each problem on the branch is in the description, linked to its line there."""
    assert left
    for problem in left:
        place, message = problem.split(": ", 1)
        file, line = place.split(":")
        link = f"[{file} linje {line}]({BLOB}/{branch}/{file}#L{line})"
        assert f"- {link}: " in body, (link, body)
        assert re.sub(r"[\\]", "", body).count(message) == 1, (message, body)


CHANGE_WORKFLOWS = {
    "new-round.yml": ("pull-request new-round", ["id", "tittel", "dato"]),
    "new-followup.yml": ("pull-request new-followup", ["seminar", "tittel"]),
    "ipo-area-add.yml": ("pull-request ipo-area add", ["enhet", "navn", "status", "oppstart"]),
    "ipo-area-retire.yml": ("pull-request ipo-area retire", ["enhet", "navn"]),
}


def test_the_workflows_take_norwegian_inputs_and_run_the_documented_commands() -> None:
    for name, (command, names) in CHANGE_WORKFLOWS.items():
        runner = Runner(WORKFLOWS / name, ROOT, ROOT)
        assert set(runner.triggers) == {"workflow_dispatch"}, name
        inputs = runner.triggers["workflow_dispatch"]["inputs"]
        assert list(inputs) == names
        assert all(len(spec["description"]) > 20 for spec in inputs.values())
        step = [s for s in runner.document["jobs"]["change"]["steps"] if "run" in s][-1]
        assert f"-m generator {command} " in step["run"], step["run"]
        assert "${{" not in step["run"], "inputs go through env, never into the script"


# --- a new round ------------------------------------------------------------------------


def test_a_new_round_is_proposed_as_a_pull_request(origin: Origin, tmp_path: Path) -> None:
    result = dispatch(
        "new-round.yml", origin, tmp_path, {"id": "2026-06", "tittel": "", "dato": "2026-06-15"}
    )
    assert result.result == "success", result.log()
    branch = "ny-runde/2026-06-kjoring-1"
    assert branch in remote_branches(origin)

    # Only additions: the round, and a placeholder status for each of the seven open points.
    before = show(origin, "main", "followups.yaml")
    after = show(origin, branch, "followups.yaml")
    added = added_lines(before, after)
    assert added[:3] == [
        '  - id: "2026-06"',
        "    title: Status pr juni 2026",
        "    date: 2026-06-15",
    ]
    assert added.count(f"          {PLACEHOLDER_LINE}") == 7
    assert len(added) == 3 + 7 * 4
    assert show(origin, branch, "ipo_areas.yaml") == show(origin, "main", "ipo_areas.yaml")
    log = git("log", "-1", "--format=%an <%ae>%n%s%n%b", branch, cwd=origin.bare).splitlines()
    assert log[0] == BOT
    assert log[1] == "Ny rapporteringsrunde: Status pr juni 2026 (2026-06)"
    assert log[2].startswith("La til runden «2026-06» (Status pr juni 2026, 2026-06-15)")

    pull = the_pull_request(result)
    assert {k: v for k, v in pull.items() if k not in ("body", "token")} == {
        "--repo": REPOSITORY,
        "--base": "main",
        "--head": branch,
        "--title": "Ny rapporteringsrunde: Status pr juni 2026 (2026-06)",
        "--body-file": "-",
    }
    body = pull["body"]
    assert body.startswith(
        "Laget av arbeidsflyten «Ny rapporteringsrunde», startet av @sekretariatet, "
        f"på grenen `{branch}`.\n\n## Dette er gjort\n\n- La til runden «2026-06»"
    ), body
    assert_lists_what_is_left(body, branch, validate_branch(origin, branch, tmp_path))
    assert (
        f"[followups.yaml på denne grenen](https://github.com/{REPOSITORY}/edit/{branch}/followups.yaml)"
        in body
    )
    assert (
        f"[denne endringen](https://github.com/{REPOSITORY}/blob/main/docs/veiledning.md"
        "#starte-en-ny-rapporteringsrunde)" in body
    )
    # Opened with the workflow's own token: the check waits for the first push.
    assert pull["token"] == "github-token"
    assert "**Kontrollen starter når du lagrer din første endring på grenen.**" in body
    assert f"Pull request: {PULL_REQUEST}" in result.summary
    assert result.annotations == []


def test_with_a_token_of_its_own_the_check_starts_at_once(origin: Origin, tmp_path: Path) -> None:
    result = dispatch(
        "new-round.yml",
        origin,
        tmp_path,
        {"id": "2026-07", "tittel": "Sommerstatus", "dato": "2026-07-01"},
        token="a-token-that-starts-workflows",
    )
    assert result.result == "success", result.log()
    pull = the_pull_request(result)
    assert pull["token"] == "a-token-that-starts-workflows"
    assert pull["--title"] == "Ny rapporteringsrunde: Sommerstatus (2026-07)"
    assert "Kontrollen starter når" not in pull["body"]


def test_a_refused_round_fails_with_the_message_and_pushes_nothing(
    origin: Origin, tmp_path: Path
) -> None:
    branches = remote_branches(origin)
    result = dispatch(
        "new-round.yml", origin, tmp_path, {"id": "2026-01", "tittel": "", "dato": "2026-06-15"}
    )
    assert result.result == "failure"
    message = (
        "followups.yaml: runden «2026-01» finnes allerede (linje 15). Velg en annen id, eller "
        "fyll ut statusene i den runden som finnes."
    )
    assert [(a.severity, a.message) for a in result.annotations] == [("error", message)]
    assert result.summary.startswith("### Ingen endring er laget\n\n")
    assert "runden «2026-01» finnes allerede (linje 15)" in result.summary
    assert "Ingenting er lagt ut." in result.summary
    assert result.gh_calls == []
    assert remote_branches(origin) == branches


# --- a new point --------------------------------------------------------------------------


def test_a_new_point_is_proposed_with_its_empty_fields_listed(
    origin: Origin, tmp_path: Path
) -> None:
    result = dispatch(
        "new-followup.yml", origin, tmp_path, {"seminar": "2025", "tittel": "Trygghet i sentrum"}
    )
    assert result.result == "success", result.log()
    branch = "nytt-punkt/2025-8-kjoring-1"
    added = added_lines(
        show(origin, "main", "followups.yaml"), show(origin, branch, "followups.yaml")
    )
    assert added == [
        '  - id: "2025-8"',
        '    seminar: "2025"',
        "    number: 8",
        "    title: Trygghet i sentrum",
        "    description:",
        "    responsible: []",
        "    tags: []",
        "    deadline:",
    ]
    pull = the_pull_request(result)
    assert pull["--title"] == "Nytt oppfølgingspunkt 2025-8: Trygghet i sentrum"
    left = validate_branch(origin, branch, tmp_path)
    assert [line.split(": ")[0] for line in left] == ["followups.yaml:124", "followups.yaml:125"]
    assert_lists_what_is_left(pull["body"], branch, left)
    assert "#legge-til-et-oppfølgingspunkt)" in pull["body"]


def test_a_point_for_a_seminar_that_does_not_exist_is_refused(
    origin: Origin, tmp_path: Path
) -> None:
    result = dispatch("new-followup.yml", origin, tmp_path, {"seminar": "2052", "tittel": ""})
    assert result.result == "failure"
    assert [a.message for a in result.annotations] == [
        "followups.yaml: seminaret «2052» finnes ikke under seminars. Mente du «2026»? "
        "Seminarene som finnes: «2025» og «2026». Legg til seminaret under seminars først "
        "hvis det er nytt."
    ]
    assert result.gh_calls == []
    assert not [b for b in remote_branches(origin) if b.startswith("nytt-punkt/2052")]


# --- IPO areas ------------------------------------------------------------------------------


def removed_lines(before: str, after: str) -> list[tuple[int, str]]:
    """(line number, text) of each line ``after`` drops; fails if any line was added."""
    old, new = before.splitlines(), after.splitlines()
    gone = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        assert tag in ("equal", "delete"), f"changed {old[i1:i2]} -> {new[j1:j2]}"
        if tag == "delete":
            gone += [(n + 1, old[n]) for n in range(i1, i2)]
    return gone


def test_an_area_is_added_after_the_units_last_area(origin: Origin, tmp_path: Path) -> None:
    result = dispatch(
        "ipo-area-add.yml",
        origin,
        tmp_path,
        {"enhet": "Enhet vest", "navn": "Ullern", "status": "ny", "oppstart": "2026"},
    )
    assert result.result == "success", result.log()
    branch = "ipo/nytt-ullern-kjoring-1"
    before, after = show(origin, "main", "ipo_areas.yaml"), show(origin, branch, "ipo_areas.yaml")
    assert added_lines(before, after) == [
        "  - name: Ullern",
        "    unit: vest",
        "    status: ny",
        "    since: 2026",
    ]
    assert after.index("Ullern") < after.index("Grønland")  # with the other areas of vest
    assert show(origin, branch, "followups.yaml") == show(origin, "main", "followups.yaml")
    pull = the_pull_request(result)
    assert pull["--title"] == "Nytt IPO-område: Ullern (enhet Enhet vest)"
    body = pull["body"]
    assert "La til området «Ullern» under enheten «vest» (Enhet vest) med status «ny»" in body
    assert "Sjekk at listen stemmer for «2026-01»" in body
    assert "Ingen felt står tomme." in body
    assert f"(https://github.com/{REPOSITORY}/edit/{branch}/ipo_areas.yaml)" in body
    assert "#endre-ipo-områdene)" in body


def test_retiring_an_area_removes_exactly_its_lines(origin: Origin, tmp_path: Path) -> None:
    result = dispatch("ipo-area-retire.yml", origin, tmp_path, {"enhet": "ost", "navn": "Furuset"})
    assert result.result == "success", result.log()
    branch = "ipo/ta-ut-furuset-kjoring-1"
    before, after = show(origin, "main", "ipo_areas.yaml"), show(origin, branch, "ipo_areas.yaml")
    assert removed_lines(before, after) == [
        (32, "  - name: Furuset"),
        (33, "    unit: ost"),
        (34, "    status: videreført"),
        (35, "    since: 2025"),
    ]
    pull = the_pull_request(result)
    assert pull["--title"] == "IPO-område tatt ut: Furuset (enhet ost)"
    assert "Tok ut området «Furuset» under enheten «ost» (linje 32–35 i ipo_areas.yaml)" in (
        pull["body"].replace("\\", "")
    )


def test_an_area_change_after_a_new_round_moves_the_list_to_that_round(
    origin: Origin, tmp_path: Path
) -> None:
    """ipo_areas.yaml still belongs to January when June has started: the change
    must not alter January's list, so the file moves to June first."""

    def june(project: Path) -> None:
        start_round(project)
        fill_placeholders(project)

    head = origin.branch("juni", june)
    result = dispatch(
        "ipo-area-retire.yml",
        origin,
        tmp_path,
        {"enhet": "vest", "navn": "Hovseter"},
        sha=head,
        branch="juni",
    )
    assert result.result == "success", result.log()
    branch = "ipo/ta-ut-hovseter-kjoring-1"
    before, after = show(origin, "juni", "ipo_areas.yaml"), show(origin, branch, "ipo_areas.yaml")
    old, new = before.splitlines(), after.splitlines()
    changes = [
        (tag, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes()
        if tag != "equal"
    ]
    assert changes[0] == ("replace", ['edition: "2026-01"'], ['edition: "2026-06"'])
    assert changes[1] == (
        "delete",
        ["  - name: Hovseter", "    unit: vest", "    status: ny", "    since: 2026"],
        [],
    )
    assert all(
        c == ("replace", ["    status: ny"], ["    status: videreført"]) for c in changes[2:]
    )
    assert len(changes) == 2 + 7
    pull = the_pull_request(result)
    assert pull["--base"] == "juni"
    body = pull["body"].replace("\\", "")
    assert (
        "ipo_areas.yaml gjaldt rapporteringsrunden «2026-01»; nå gjelder den «2026-06» "
        "(Status pr juni 2026), den nyeste, slik at listen for «2026-01» står som før." in body
    )
    assert "7 områder som var «ny» i «2026-01», er nå «videreført»: «Vestli»" in body
    assert "Sjekk at hele listen stemmer for «2026-06»" in body


def test_an_unknown_area_is_refused_with_the_areas_of_the_unit(
    origin: Origin, tmp_path: Path
) -> None:
    result = dispatch("ipo-area-retire.yml", origin, tmp_path, {"enhet": "vest", "navn": "Ulleren"})
    assert result.result == "failure"
    assert [a.message for a in result.annotations] == [
        "ipo_areas.yaml: fant ikke området «Ulleren» under enheten «vest». "
        "Områdene under «vest»: «Hovseter» og «Majorstua». Ingenting er endret."
    ]
    assert result.gh_calls == []
