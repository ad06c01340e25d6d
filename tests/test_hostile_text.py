"""Text from a pull request is shown literally: no tag, attribute or link comes of it.

The site is built twice with ``--strict``: once with every hostile string
from issue 6 in every text field, once with a harmless twin of the same
shape (each visible character replaced by «x»). The built HTML of the two
must have exactly the same elements, attributes and link targets, and the
hostile text must be readable, character for character, on the pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from . import hostile_data, htmlcheck
from .conftest import copy_project, run_generator
from .test_links import broken_links

pytestmark = pytest.mark.slow

PAYLOADS = hostile_data.HOSTILE
SITE_NAME = "Politirådet i Oslo – oppfølgingspunkter"


def _build(folder: Path, payloads: tuple[str, ...]) -> Path:
    project = copy_project(folder)
    hostile_data.write(project, payloads)
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("hostile"), PAYLOADS)


@pytest.fixture(scope="module")
def twin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("twin"), tuple(hostile_data.twin(p) for p in PAYLOADS))


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def test_every_page_has_the_elements_the_templates_wrote_and_no_more(
    hostile_site: Path, twin_site: Path
) -> None:
    hostile = htmlcheck.pages(hostile_site)
    twin = htmlcheck.pages(twin_site)
    assert hostile.keys() == twin.keys()
    for path, page in hostile.items():
        expected = twin[path]
        assert page.elements == expected.elements, f"{path}: the data changed the page's elements"
        assert [(t, a, _without_fragment(u)) for t, a, u in page.urls] == [
            (t, a, _without_fragment(u)) for t, a, u in expected.urls
        ], f"{path}: the data changed a link target"
        assert page.comments == expected.comments, f"{path}: a comment came from the data"
        assert not [a for a in page.attributes if a[1].startswith("on")], path
        for _, _, url in page.urls:
            assert not url.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (
                path,
                url,
            )


def _point_page(site: Path, number: int) -> Path:
    return site / "oppfolgingspunkter" / f"p{number}" / "index.html"


@pytest.mark.parametrize("number", range(1, len(PAYLOADS) + 1))
def test_hostile_text_is_shown_literally_in_every_field(hostile_site: Path, number: int) -> None:
    payload = hostile_data.one_line(PAYLOADS[number - 1])
    page = htmlcheck.read(_point_page(hostile_site, number))
    article = htmlcheck.article(_point_page(hostile_site, number))
    # Heading, decision text, status text, responsible and tags.
    assert article.visible.count(payload) >= 5, article.visible
    assert article.visible.startswith(f"{number}. {payload} ")
    assert page.title == f"{number}. {payload} - {SITE_NAME}"


def test_names_and_titles_are_shown_literally(hostile_site: Path) -> None:
    every = hostile_data.one_line(" ¦ ".join(PAYLOADS))
    front = htmlcheck.article(hostile_site / "index.html")
    assert front.visible.startswith(f"{every} {every} er samarbeidsrådet mellom ")
    seminars = htmlcheck.article(hostile_site / "seminarer" / "index.html").visible
    ipo = htmlcheck.article(hostile_site / "ipo" / "index.html").visible
    overview = htmlcheck.article(hostile_site / "oppfolgingspunkter" / "index.html").visible
    assert every in seminars and every in overview and every in ipo
    for payload in map(hostile_data.one_line, PAYLOADS):
        assert f"{payload} " in overview
        assert (
            f"{payload} 1 områder: 1 nye og 0 videreførte. Område Status Startår {payload} Ny"
            in ipo
        )


def test_a_table_cell_keeps_its_pipes(hostile_site: Path) -> None:
    html = (hostile_site / "oppfolgingspunkter" / "index.html").read_text(encoding="utf-8")
    number = PAYLOADS.index("a | b | c") + 1
    row = html[html.index(f'<td style="text-align: right;">{number}</td>') :]
    row = row[: row.index("</tr>")]
    cells = [htmlcheck.parse(c).visible for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[1:3] == ["a | b | c", "a | b | c"]
    assert len(cells) == 5


def test_jinja_syntax_in_data_is_never_evaluated(hostile_site: Path) -> None:
    number = PAYLOADS.index("{{ 7*7 }} og {% if true %}ja{% endif %}") + 1
    article = htmlcheck.article(_point_page(hostile_site, number)).visible
    assert "{{ 7*7 }} og {% if true %}ja{% endif %}" in article
    assert "49 og" not in article


def test_the_search_index_holds_no_markup_from_the_data(
    hostile_site: Path, twin_site: Path
) -> None:
    """Material's search shows titles and text from the index as HTML."""

    def shapes(site: Path) -> list[tuple[str, list[tuple[str, tuple[str, ...]]]]]:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        return [
            (
                _without_fragment(doc["location"]),
                htmlcheck.parse(doc["title"] + doc["text"]).elements,
            )
            for doc in index["docs"]
        ]

    assert shapes(hostile_site) == shapes(twin_site)


def test_every_link_and_anchor_resolves_with_hostile_titles(hostile_site: Path) -> None:
    """Headings made from hostile text still get anchors that the links find."""
    assert broken_links(hostile_site) == []
