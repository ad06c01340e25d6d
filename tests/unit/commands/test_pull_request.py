"""The pull requests the manual workflows open: names, and a description that is
literal text, fits GitHub's limit and says when the check starts."""

from __future__ import annotations

from pathlib import Path

from generator.commands.edit_followups import Edited, EditRefused
from generator.commands.pull_request import (
    ChangeFailed,
    Proposal,
    annotation,
    body,
    branch_name,
    failed,
    refused,
    slug,
)
from generator.data.problems import Position, Problem

ENV = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "rad/oppfolging",
    "GITHUB_WORKFLOW": "Nytt IPO-område",
    "GITHUB_ACTOR": "sekretær",
}
PROPOSAL = Proposal("ipo-area", "ipo/nytt-x", "Nytt IPO-område: X")


def test_branch_names_are_readable_and_unique_per_run() -> None:
    assert slug("Holmlia Syd / Ø") == "holmlia-syd-o"
    assert slug("«»") == "endring"
    proposal = Proposal("new-round", f"ny-runde/{slug('2026-06')}", "t")
    env = {"GITHUB_RUN_NUMBER": "12", "GITHUB_RUN_ATTEMPT": "1"}
    assert branch_name(proposal, env) == "ny-runde/2026-06-kjoring-12"
    assert branch_name(proposal, {**env, "GITHUB_RUN_ATTEMPT": "2"}) == (
        "ny-runde/2026-06-kjoring-12-2"
    )


def test_text_from_the_data_is_literal_in_the_description() -> None:
    done = Edited("ipo_areas.yaml", ["La til området «[Lenke](https://x) @alle <b>»."])
    text = body(PROPOSAL, done, [], branch="ipo/nytt-x-kjoring-1", base="main", env=ENV)
    assert "- La til området «\\[Lenke\\](https://x) \\@alle \\<b\\>»." in text
    # An actor name GitHub would not have is not written as a mention.
    assert "startet av" not in text
    assert "**Kontrollen starter når du lagrer din første endring på grenen.**" in text
    given = body(
        PROPOSAL,
        done,
        [],
        branch="b",
        base="main",
        env={**ENV, "PULL_REQUEST_TOKEN_GIVEN": "true", "GITHUB_ACTOR": "ola-n"},
    )
    assert "Kontrollen starter når" not in given
    assert "startet av @ola-n" in given


def test_a_long_list_of_what_is_left_fits_githubs_limit() -> None:
    left = [
        Problem(
            Position("followups.yaml", 10 * n, 11),
            f"Oppfølgingspunkt «2025-{n}»: statusen for «2026-06» er ikke fylt ut (teksten "
            "inneholder «FYLL INN»). Skriv den nye statusen i «text» i stedet for "
            "plassholderteksten, og sjekk at «state» stemmer.",
        )
        for n in range(1, 5001)
    ]
    opened = ", ".join(f"«2025-{n}»" for n in range(1, 5001))
    done = Edited("followups.yaml", [f"Ny status med plassholdertekst for 5000 punkter: {opened}."])
    text = body(PROPOSAL, done, left, branch="ny-runde/x-kjoring-1", base="main", env=ENV)
    assert len(text) < 65_536
    assert "- … og 4900 til; kontrollen av endringen viser alle" in text
    assert "«2025-5000»" not in text.split("## Dette gjenstår")[0]


def test_what_the_workflow_log_shows_is_never_a_workflow_command(tmp_path: Path) -> None:
    env = {"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    refused_text = refused(EditRefused("::add-mask::hemmelig\nneste linje"), env)
    assert not any(line.startswith("::") for line in refused_text.splitlines())
    assert (
        annotation("50% ferdig\r\n::error::x")
        == "::error title=Endringen ble ikke laget::50%25 ferdig"
    )
    failed_text = failed(ChangeFailed("git push feilet:\n::error::fra fjernlageret"), env)
    assert failed_text == "git push feilet:\n\\::error::fra fjernlageret"
