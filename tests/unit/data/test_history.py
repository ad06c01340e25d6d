"""Reading an old edition's shape from git history, on small data written here."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from generator.data import history
from generator.data.history import EditionState, Missing, newest_edition
from tests.gitenv import git_env

ENV = git_env()

EDITIONS = {
    "a": '  - id: "a"\n    title: Runde A\n    date: 2025-01-31\n',
    "b": '  - id: "b"\n    title: Runde B\n    date: 2025-06-30\n',
    "c": '  - id: "c"\n    title: Runde C\n    date: 2025-12-31\n',
}


def followups(
    editions: list[str], points: dict[str, str | None], seminars: tuple[str, ...] = ("s1",)
) -> str:
    """A valid follow-ups file: ``points`` maps id -> deadline (or None), all in seminar s1."""
    text = "council:\n  name: Rådet\n  members: [Kommunen]\neditions:\n"
    text += "".join(EDITIONS[e] for e in editions)
    text += "seminars:\n" + "".join(f'  - id: "{s}"\n    title: Seminar {s}\n' for s in seminars)
    text += "followups:\n"
    for number, (point, deadline) in enumerate(points.items(), start=1):
        text += (
            f'  - id: "{point}"\n    seminar: "s1"\n    number: {number}\n'
            f"    title: Punkt {point}\n    description: |\n      Vedtak.\n"
            "    responsible: [Kommunen]\n"
        )
        if deadline:
            text += f"    deadline: {deadline}\n"
    return text


def areas(edition: str, names: list[str]) -> str:
    text = f'edition: "{edition}"\nunits:\n  - id: nord\n    name: Enhet nord\nareas:\n'
    return text + "".join(f"  - name: {n}\n    unit: nord\n    status: ny\n" for n in names)


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def commit(repo: Path, message: str, *, f: str | None = None, i: str | None = None) -> str:
    if f is not None:
        (repo / "followups.yaml").write_text(f, encoding="utf-8")
    if i is not None:
        (repo / "ipo_areas.yaml").write_text(i, encoding="utf-8")
    git("add", "-A", cwd=repo)
    git("commit", "--quiet", "--allow-empty", "-m", message, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo).strip()


def paths(project: Path) -> history.DataPaths:
    return history.DataPaths(project / "followups.yaml", project / "ipo_areas.yaml")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git("init", "--quiet", "-b", "main", cwd=tmp_path)
    return tmp_path


def test_the_last_commit_where_the_edition_was_newest(repo: Path) -> None:
    commit(repo, "A", f=followups(["a"], {"p1": "2026-01-01"}), i=areas("a", ["Vik"]))
    last_a = commit(repo, "A, one more point", f=followups(["a"], {"p1": "2026-03-01", "p2": None}))
    commit(
        repo,
        "B",
        f=followups(["a", "b"], {"p1": "2026-09-01", "p2": None, "p3": "2027-01-01"}, ("s1", "s2")),
        i=areas("b", ["Vik", "Nes"]),
    )
    found = history.read(repo, paths(repo), ["a"])
    state = found["a"]
    assert isinstance(state, EditionState)
    assert state.commit == last_a
    assert state.points == {"p1", "p2"}
    assert state.seminars == {"s1"}
    assert state.deadlines == {"p1": dt.date(2026, 3, 1)}
    assert state.ipo is not None and state.ipo.edition == "a"
    assert [area.name for area in state.ipo.areas] == ["Vik"]
    assert [unit.name for unit in state.ipo.units] == ["Enhet nord"]


def test_a_commit_to_the_areas_file_alone_counts(repo: Path) -> None:
    commit(repo, "A", f=followups(["a"], {"p1": None}), i=areas("a", ["Vik"]))
    areas_fixed = commit(repo, "A's areas corrected", i=areas("a", ["Vik", "Sand"]))
    commit(repo, "Unrelated", f=None)
    commit(repo, "B", f=followups(["a", "b"], {"p1": None}), i=areas("b", ["Nes"]))
    state = history.read(repo, paths(repo), ["a"])["a"]
    assert isinstance(state, EditionState)
    assert state.commit == areas_fixed
    assert state.ipo is not None and [a.name for a in state.ipo.areas] == ["Vik", "Sand"]


def test_a_commit_whose_file_cannot_be_read_is_passed_over(repo: Path) -> None:
    readable = commit(repo, "A", f=followups(["a"], {"p1": None}), i=areas("a", ["Vik"]))
    commit(repo, "A, half edited", f=followups(["a"], {"p1": None}) + "  - id: [\n")
    commit(repo, "B", f=followups(["a", "b"], {"p1": None}))
    state = history.read(repo, paths(repo), ["a"])["a"]
    assert isinstance(state, EditionState) and state.commit == readable


def test_several_editions_in_one_reading(repo: Path) -> None:
    commit(repo, "A", f=followups(["a"], {"p1": None}), i=areas("a", ["Vik"]))
    commit(repo, "B", f=followups(["a", "b"], {"p1": None, "p2": None}))
    commit(repo, "C", f=followups(["a", "b", "c"], {"p1": None, "p2": None, "p3": None}))
    found = history.read(repo, paths(repo), ["b", "a"])
    assert {key: sorted(s.points) for key, s in found.items() if isinstance(s, EditionState)} == {
        "a": ["p1"],
        "b": ["p1", "p2"],
    }


def test_git_is_read_by_a_fixed_number_of_processes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(repo, "A", f=followups(["a"], {f"p{n}": None for n in range(40)}), i=areas("a", ["Vik"]))
    for n in range(25):
        commit(repo, f"B {n}", f=followups(["a", "b"], {f"p{k}": None for k in range(40 + n)}))
    calls: list[object] = []
    real_popen = subprocess.Popen  # subprocess.run starts its process through it too

    class CountingPopen(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            calls.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", CountingPopen)
    state = history.read(repo, paths(repo), ["a"])["a"]
    assert isinstance(state, EditionState) and len(state.points) == 40
    assert len(calls) == 5, calls  # toplevel, shallow?, log, batch-check, batch


def test_not_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "followups.yaml").write_text(followups(["a", "b"], {}), encoding="utf-8")
    missing = history.read(tmp_path, paths(tmp_path), ["a"])["a"]
    assert missing == Missing(
        "a",
        "no-history",
        "git-historikken trengs for å bygge en eldre rapporteringsrunde slik den var, "
        "men mappen er ikke et git-lager.",
    )


def test_an_edition_that_was_never_the_newest(repo: Path) -> None:
    commit(repo, "A and B at once", f=followups(["a", "b"], {"p1": None}), i=areas("b", ["Vik"]))
    missing = history.read(repo, paths(repo), ["a"])["a"]
    assert missing == Missing(
        "a",
        "not-found",
        "ingen commit i git-historikken har «a» som den nyeste rapporteringsrunden i "
        "followups.yaml (den kom inn samtidig med eller etter en nyere runde), så det er ikke "
        "kjent hvilke punkter, frister og IPO-områder den hadde.",
    )


def test_a_shallow_clone_that_stops_too_early(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    commit(repo, "A", f=followups(["a"], {"p1": None}), i=areas("a", ["Vik"]))
    commit(repo, "B", f=followups(["a", "b"], {"p1": None}))
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    git("clone", "--quiet", "--depth", "1", f"file://{repo}", str(clone), cwd=repo)
    missing = history.read(clone, paths(clone), ["a"])["a"]
    assert missing == Missing(
        "a",
        "no-history",
        "git-historikken trengs for å bygge en eldre rapporteringsrunde slik den var, men dette "
        "er en grunn kopi (shallow clone) som ikke har med commiten der runden var den nyeste. "
        "Hent hele historikken med «git fetch --unshallow» og prøv igjen (i GitHub Actions: "
        "«fetch-depth: 0» i actions/checkout).",
    )
    git("fetch", "--quiet", "--unshallow", cwd=clone)  # the advice works
    assert isinstance(history.read(clone, paths(clone), ["a"])["a"], EditionState)


def test_areas_that_fail_todays_checks_are_not_published_again(repo: Path) -> None:
    broken = areas("a", ["Vik"]).replace("unit: nord", "unit: sor")
    first = commit(repo, "A", f=followups(["a"], {"p1": None}), i=broken)
    commit(repo, "B", f=followups(["a", "b"], {"p1": None}), i=areas("b", ["Vik"]))
    missing = history.read(repo, paths(repo), ["a"])["a"]
    assert isinstance(missing, Missing) and missing.reason == "unreadable"
    # The validator's own wording (tested with the validator) sits between these lines.
    head, problem, tail = missing.message.split("\n")
    assert head == "IPO-områdene slik de sto den gang har feil etter dagens regler:"
    assert problem.startswith(f"  ipo_areas.yaml (commit {first[:10]}):7:11: feil: Område «Vik»: ")
    assert tail == (
        "Er det en personopplysning som kan publiseres, før den opp i privacy_exceptions.yaml; "
        "ellers står den publiserte versjonen av runden som den er."
    )


def test_personal_data_in_old_areas_is_caught(repo: Path) -> None:
    commit(repo, "A", f=followups(["a"], {"p1": None}), i=areas("a", ["Ring 91234567"]))
    commit(repo, "B", f=followups(["a", "b"], {"p1": None}), i=areas("b", ["Vik"]))
    exceptions = repo / "privacy_exceptions.yaml"
    found = history.read(
        repo, history.DataPaths(repo / "followups.yaml", repo / "ipo_areas.yaml", exceptions), ["a"]
    )
    missing = found["a"]
    assert isinstance(missing, Missing) and missing.reason == "unreadable"
    assert "telefonnummer" in missing.message


def test_an_older_state_never_stands_in_for_an_edition_whose_last_state_fails(
    repo: Path,
) -> None:
    """Rebuilding from an earlier commit would drop what came late in the round."""
    commit(repo, "A early", f=followups(["a"], {"p1": None}), i=areas("a", ["Vik"]))
    commit(
        repo,
        "A late",
        f=followups(["a"], {"p1": None, "p2": None}),
        i=areas("a", ["Vik", "Ring 91234567"]),
    )
    commit(repo, "B", f=followups(["a", "b"], {"p1": None, "p2": None}), i=areas("b", ["Vik"]))
    exceptions = repo / "privacy_exceptions.yaml"
    found = history.read(
        repo, history.DataPaths(repo / "followups.yaml", repo / "ipo_areas.yaml", exceptions), ["a"]
    )
    missing = found["a"]
    assert isinstance(missing, Missing) and missing.reason == "unreadable"
    assert "telefonnummer" in missing.message


def test_data_files_in_a_folder_of_the_repository(repo: Path) -> None:
    project = repo / "nettsted"
    project.mkdir()
    (project / "followups.yaml").write_text(followups(["a"], {"p1": None}), encoding="utf-8")
    (project / "ipo_areas.yaml").write_text(areas("a", ["Vik"]), encoding="utf-8")
    commit(repo, "A")
    (project / "followups.yaml").write_text(
        followups(["a", "b"], {"p1": None, "p2": None}), encoding="utf-8"
    )
    commit(repo, "B")
    state = history.read(project, paths(project), ["a"])["a"]
    assert isinstance(state, EditionState) and state.points == {"p1"}


def test_newest_edition_reads_only_what_it_needs() -> None:
    text = followups(["a", "b"], {"p1": None})
    assert newest_edition(text) == "b"
    # Flow style, and a block the cut cannot isolate: the whole file is read.
    flow = text.replace(
        "editions:\n" + EDITIONS["a"] + EDITIONS["b"],
        'editions: [{id: "a", title: A, date: 2025-01-31}]\n',
    )
    assert newest_edition(flow) == "a"
    assert newest_edition("editions: [\n") is None
    assert newest_edition("council: x\n") is None


def test_a_file_that_fails_only_a_newer_rule_still_gives_the_shape(repo: Path) -> None:
    """A soft hyphen was accepted when A was published; refusing it now must not
    make A impossible to rebuild (the text itself comes from today's file)."""
    written_then = followups(["a"], {"p1": "2026-01-01"}).replace("Punkt p1", "Punkt\u00adp1")
    then = commit(repo, "A", f=written_then, i=areas("a", ["Vik"]))
    commit(repo, "B", f=followups(["a", "b"], {"p1": None, "p2": None}))
    state = history.read(repo, paths(repo), ["a"])["a"]
    assert isinstance(state, EditionState) and state.commit == then
    assert state.points == {"p1"} and state.deadlines == {"p1": dt.date(2026, 1, 1)}
