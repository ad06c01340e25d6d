"""In a real build, Python-Markdown gets a generated page's raw HTML in comments.

The built site is the same either way (``tests/unit/site/test_passthrough.py``
proves that), so only what reaches Python-Markdown shows whether the plugin
still hands the HTML past its parser: a MkDocs hook, which runs after the
plugins, records each page's Markdown as Markdown gets it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from generator.site import passthrough
from tests.conftest import ROOT, copy_project

pytestmark = pytest.mark.slow

CONTENT = ROOT / "tests" / "fixtures" / "oslo" / "content"
SPY = """
import json
from pathlib import Path

SEEN = {}


def on_page_markdown(markdown, page, config, files):
    SEEN[page.file.src_uri] = markdown
    return markdown


def on_post_build(config):
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(SEEN))
"""

# A comment as the plugin writes one, to take out what went past the parser.
WRAPPED = re.compile(re.escape(passthrough.OPEN) + ".*?" + re.escape(passthrough.CLOSE), re.S)
# Raw HTML that Python-Markdown would parse tag by tag: a tag at the start of
# a line, unless it holds Markdown (``markdown``: the pager, the front page's cards).
RAW_BLOCK = re.compile(r"^<[a-z]+\b(?![^>]*\bmarkdown\b)[^>]*>", re.M)


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    project = copy_project(tmp_path_factory.mktemp("passthrough"))
    (project / "spy.py").write_text(SPY, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - spy.py\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    pages: dict[str, str] = json.loads((project / "seen.json").read_text(encoding="utf-8"))
    return pages


MOSTLY_HTML = [
    "oppfolgingspunkter/2025-1.md",
    "oppfolgingspunkter/index.md",
    "oppfolgingspunkter/utvalg/sortert-etter-tittel.md",
    "rapport/index.md",
    "endringer/index.md",
    "seminarer/index.md",
]


def test_generated_pages_reach_markdown_with_their_raw_html_in_comments(
    seen: dict[str, str],
) -> None:
    for page in MOSTLY_HTML:
        assert passthrough.OPEN in seen[page], page
    generated = [page for page in seen if not (CONTENT / page).exists()]
    assert set(MOSTLY_HTML) < set(generated)
    for page in generated:
        assert RAW_BLOCK.findall(WRAPPED.sub("", seen[page])) == [], page


def test_hand_written_pages_reach_markdown_as_they_are(seen: dict[str, str]) -> None:
    hand_written = [p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.md")]
    assert hand_written
    for page in hand_written:
        assert passthrough.OPEN not in seen[page], page
