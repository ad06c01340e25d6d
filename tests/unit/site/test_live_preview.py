"""generator/site/live_preview.py: the work a preview does after its pages are served."""

from __future__ import annotations

import logging
import threading

import pytest

from generator.site import live_preview


def test_the_first_run_is_done_before_it_returns_and_later_ones_on_a_thread() -> None:
    after = live_preview.AfterBuild()
    where: list[str] = []
    after.run(lambda: where.append(threading.current_thread().name))
    assert where == [threading.main_thread().name]
    release = threading.Event()
    after.run(lambda: (release.wait(10), where.append(threading.current_thread().name)))
    assert len(where) == 1  # still running on its thread
    release.set()
    after.wait()
    assert where[1] == "preview-files"


def test_a_run_waits_for_the_last_so_two_never_write_at_once() -> None:
    after = live_preview.AfterBuild()
    after.run(lambda: None)
    order: list[int] = []
    release = threading.Event()
    after.run(lambda: (release.wait(10), order.append(1)))
    threading.Timer(0.05, release.set).start()
    after.run(lambda: order.append(2))
    after.wait()
    assert order == [1, 2]


def test_a_failure_on_the_thread_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    after = live_preview.AfterBuild()
    after.run(lambda: None)

    def fail() -> None:
        raise OSError("disken er full")

    with caplog.at_level(logging.ERROR):
        after.run(fail)
        after.wait()
    assert "kunne ikke skrive åpne data og nyhetsstrømmen: disken er full" in caplog.text


def test_the_data_files_are_watched_often_and_the_rest_as_mkdocs_does() -> None:
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    usual = server.observer.timeout
    live_preview.watch_often(server, [__file__])
    assert server.observer.timeout == usual  # later watches poll as MkDocs chose
    (emitter,) = server.observer.emitters
    assert emitter.timeout == live_preview.DATA_POLL_SECONDS < usual
    # A save half written at one look is whole at the next, before the build.
    assert server.build_delay == live_preview.QUIET_SECONDS > live_preview.DATA_POLL_SECONDS
