"""The local preview (``make serve``) always answers: a round in progress is shown as
a draft, a file with errors as a list of them over the last good pages, a busy port
as one line. Builds for publishing still refuse what the preview shows."""

from __future__ import annotations

import base64
import errno
import hashlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generator.data.problems import DataError, Position, Problem
from generator.site import live_preview
from generator.site.addresses import BOKMAL
from generator.site.build import Sources, load_dataset
from tests.conftest import ROOT, copy_project, run_generator
from tests.datafiles import fill_placeholders, start_round
from tests.preview_server import free_port, get, serving, wait_for


@pytest.fixture
def half_filled(tmp_path: Path) -> Path:
    """June started, every status filled in but the one of point 2025-3."""
    project = copy_project(tmp_path)
    start_round(project)
    fill_placeholders(project, "Arbeidet fortsetter i juni.", keep={"2025-3"})
    return project


def test_drafts_are_built_only_when_asked(half_filled: Path) -> None:
    sources = Sources.in_folder(half_filled)
    with pytest.raises(DataError) as refused:
        load_dataset(sources)
    assert [p.message for p in refused.value.problems] == [
        "Oppfølgingspunkt «2025-3»: statusen for «2026-06» er ikke fylt ut (teksten inneholder "
        "«FYLL INN»). Skriv den nye statusen i «text» i stedet for plassholderteksten, og sjekk "
        "at «state» stemmer."
    ]
    loaded = load_dataset(sources, drafts=True)
    assert [(p.id, [s.unfilled for s in p.statuses]) for p in loaded.data.followups][2] == (
        "2025-3",
        [False, True],
    )
    assert sum(s.unfilled for p in loaded.data.followups for s in p.statuses) == 1
    assert [p.position.line for p in loaded.unfilled] == [
        p.position.line for p in refused.value.problems
    ]


@pytest.mark.slow
def test_a_build_for_publishing_still_refuses_placeholders(half_filled: Path) -> None:
    """Only the preview is lenient: mkdocs build (what site and publish run) is not."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", "ut"],
        cwd=half_filled,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "statusen for «2026-06» er ikke fylt ut" in result.stdout + result.stderr
    assert run_generator("site", cwd=half_filled).returncode == 1
    assert not (half_filled / "site").exists()


def test_the_banner_lists_problems_and_drafts_as_text() -> None:
    state = live_preview.State()
    assert state.banner("/") == ""
    state.failed(
        [
            Problem(Position("followups.yaml", 12, 3), "Noe <b>galt</b>."),
            Problem(Position("followups.yaml", 2, 1), "En advarsel.", "warning"),
        ]
    )
    banner = state.banner("/")
    assert banner == (
        '<div class="council-preview council-preview--error" role="alert"><p><strong>Feil i '
        "datafilene: forhåndsvisningen viser den siste versjonen uten feil.</strong> Rett feilen "
        "og lagre, så oppdateres siden av seg selv.</p><ul><li><code>followups.yaml:12:3</code>: "
        "Noe &lt;b&gt;galt&lt;/b&gt;.</li></ul></div>"
    )
    html = b'<html><body class="x"><article class="md-content__inner md-typeset"><h1>T</h1>'
    assert live_preview.add_banner(html, banner) == (
        b'<html><body class="x"><article class="md-content__inner md-typeset">'
        + banner.encode()
        + b"<h1>T</h1>"
    )


def test_the_live_reload_script_and_no_other_gets_through_the_policy() -> None:
    page = (
        b'<head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        b"script-src 'self' 'sha256-abc'\"></head><body><script>evil()</script><p>x</p>"
        b"<script>livereload(1, 2);</script></body>"
    )
    allowed = live_preview.allow_live_reload(page)
    policy = allowed.split(b'content="')[1].split(b'"')[0].decode()
    sources = set(policy.split("script-src ")[1].split())
    digest = base64.b64encode(hashlib.sha256(b"livereload(1, 2);").digest()).decode()
    assert sources == {"'self'", "'sha256-abc'", f"'sha256-{digest}'"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "8000",
            "«8000» er ikke en adresse for forhåndsvisningen. Skriv IP-adresse:port, for eksempel "
            "make serve ADDR=127.0.0.1:8000.",
        ),
        (
            "127.0.0.1:99999",
            "«127.0.0.1:99999» er ikke en adresse for forhåndsvisningen. Skriv IP-adresse:port, "
            "for eksempel make serve ADDR=127.0.0.1:8000.",
        ),
        (
            "min-maskin:8000",
            "«min-maskin» er ikke en IP-adresse. Skriv for eksempel make serve "
            "ADDR=127.0.0.1:8000 (eller localhost:8000).",
        ),
        (
            "192.0.2.1:8000",
            "Adressen 192.0.2.1 hører ikke til denne maskinen. Bruk for eksempel make serve "
            "ADDR=127.0.0.1:8000",
        ),
    ],
)
def test_a_bad_address_is_one_line(tmp_path: Path, value: str, message: str) -> None:
    result = run_generator("serve", "--addr", value, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


def test_a_busy_port_is_one_line_with_the_fix(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        free = port + 1
        while live_preview.check_address("127.0.0.1", free) is not None:
            free += 1
        result = run_generator("serve", "--addr", f"127.0.0.1:{port}", cwd=copy_project(tmp_path))
    assert result.returncode == 3  # another program holds the port
    assert result.stdout == ""
    assert result.stderr == (
        f"Adressen 127.0.0.1:{port} er allerede i bruk, kanskje av en annen forhåndsvisning. "
        f"Stopp den (Ctrl+C der den kjører), eller bruk en annen port: "
        f"make serve ADDR=127.0.0.1:{free}\n"
    )


def test_a_port_that_needs_root_is_one_line() -> None:
    error = OSError(errno.EACCES, "Permission denied")
    assert live_preview.address_message("127.0.0.1", 80, error) == (
        "Port 80 krever administratorrettigheter. Bruk en port over 1024: "
        "make serve ADDR=127.0.0.1:8001"
    )


@pytest.mark.slow
def test_the_preview_starts_on_data_with_errors_and_says_what_they_are(tmp_path: Path) -> None:
    """No earlier good pages at all: every address still answers, with the problems."""
    project = copy_project(tmp_path)
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("state: pågår", "state: pågar", 1), encoding="utf-8")
    with serving(project) as served:
        front = get(served.url)
        assert front.status == 404
        assert "Feil i datafilene" in front.body
        assert (
            "<code>followups.yaml:50:16</code>: Oppfølgingspunkt «2025-2», status «2026-01»: "
            "«pågar» er ikke en gyldig tilstand. Mente du «pågår»?" in front.body
        )
        path.write_text(text, encoding="utf-8")
        wait_for(lambda: get(served.url).status == 200, "recovered")
        assert "Feil i datafilene" not in get(served.url).body


def test_the_open_data_and_feed_follow_an_edit_in_the_preview(tmp_path: Path) -> None:
    """They are written after the pages are served (``live_preview.AfterBuild``):
    there from the first page on, and current soon after an edit."""
    project = copy_project(tmp_path)
    path = project / "followups.yaml"
    text = path.read_text(encoding="utf-8")
    old = "Felles situasjonsforståelse i beredskapsarbeidet"
    with serving(project) as served:
        data = served.url + BOKMAL.followups_json
        feed = served.url + BOKMAL.feed
        assert old in get(data).body
        assert get(feed).status == 200
        path.write_text(text.replace(old, "Felles ENDRET-i-forhåndsvisningen", 1), encoding="utf-8")
        wait_for(lambda: "ENDRET-i-forhåndsvisningen" in get(data).body, "updated the open data")
        assert old not in get(data).body
        assert "ENDRET-i-forhåndsvisningen" in get(feed).body
    assert "kunne ikke skrive åpne data" not in served.output()


@pytest.mark.slow
def test_a_broken_config_on_a_rebuild_does_not_hang_the_preview(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    with serving(project) as served:
        page = served.url + "oppfolgingspunkter/2025-1/"
        assert get(page).status == 200
        config.write_text(good + "\nnav: [\n", encoding="utf-8")
        wait_for(
            lambda: "Forhåndsvisningen kunne ikke bygges på nytt" in get(page).body,
            "said that the rebuild failed",
        )
        assert "Felles situasjonsforståelse" in get(page).body
        config.write_text(good, encoding="utf-8")
        wait_for(lambda: "council-preview" not in get(page).body, "recovered")
    assert "The server will appear stuck" not in served.output()


def test_a_package_loaded_late_that_is_missing_is_one_sentence(tmp_path: Path) -> None:
    """Packages a command imports only when it needs them (here the preview's file
    watcher) get the same sentence as those checked at the start."""
    code = (
        "import runpy, sys; sys.modules['watchdog'] = None; "
        f"sys.argv = ['generator', 'serve', '--addr', '127.0.0.1:{free_port()}']; "
        "runpy.run_module('generator', run_name='__main__', alter_sys=True)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=copy_project(tmp_path),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3  # the environment's, not the data's
    assert result.stderr.startswith("Python finner ikke pakken «watchdog», som verktøyet trenger")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
