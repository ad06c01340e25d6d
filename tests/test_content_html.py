"""Hand-written pages may hold raw HTML, but nothing that runs code, sends the
reader away by itself or fetches from another host: each is a build error at
its file, line and column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.site import rawhtml

from . import htmlcheck
from .conftest import copy_project, run_generator

pytestmark = pytest.mark.slow

HOSTILE_PAGE = """\
# Om oss

<script>alert(1)</script>

Tekst <img src="https://evil.example/x.png" onerror="alert(1)"> og [lenke](javascript:alert(1)).

<meta http-equiv="refresh" content="0; url=https://evil.example">

<iframe src="/om/"></iframe>

<div style="background: url('//evil.example/bg.png')">x</div>

<form action="https://evil.example/post"><input name="x"></form>

![bilde](https://evil.example/y.png)

Avsnitt
{: onclick="alert(1)" }

<a href="  java\tscript:alert(1)">x</a> <a href="data:text/html,<b>x</b>">y</a>

<object data="x.swf"></object> <embed src="x.swf"> <base href="https://evil.example/">

<video poster="https://evil.example/p.png"></video> <img srcset="a.png 1x, http://evil.example/b.png 2x">

<style>@import "https://evil.example/a.css";</style>
"""

E = "feil: "
RUNS = "Slike egenskaper er ikke tillatt på håndskrevne sider; fjern"
FETCHED = (
    "og nettstedet skal ikke hente noe fra andre. Last ned filen, legg den i content/ og bruk "
    "den derfra."
)
EXPECTED = [
    "content/om.md:3:1: feil: Siden har et skript («<script>»). Håndskrevne sider kan ikke "
    "kjøre skript; fjern det.",
    "content/om.md:5:17: feil: «https://evil.example/x.png» hentes fra et annet nettsted "
    f"(evil.example), {FETCHED}",
    f"content/om.md:5:45: feil: «onerror» får nettleseren til å kjøre kode (på «<img>»). {RUNS} "
    "«onerror=…».",
    "content/om.md:5:76: feil: «javascript:alert(1)» er en adresse som kjører kode. Bruk en "
    "vanlig lenke (https://… eller en side på nettstedet).",
    'content/om.md:7:7: feil: «<meta http-equiv="refresh">» sender leseren videre til en annen '
    "side av seg selv. Fjern den, og lag heller en vanlig lenke.",
    "content/om.md:9:1: feil: «<iframe>» viser innhold fra et annet sted inne i siden, og det er "
    "ikke tillatt på håndskrevne sider. Lenk heller til innholdet.",
    "content/om.md:11:30: feil: Stilen henter «//evil.example/bg.png» fra et annet nettsted, og "
    "nettstedet skal ikke hente noe fra andre. Legg filen i content/ og bruk den derfra.",
    "content/om.md:13:15: feil: Skjemaet sender det leseren skriver til "
    "«https://evil.example/post», et annet nettsted. Fjern skjemaet, eller lenk til skjemaet "
    "der det hører hjemme.",
    "content/om.md:15:10: feil: «https://evil.example/y.png» hentes fra et annet nettsted "
    f"(evil.example), {FETCHED}",
    f"content/om.md:18:4: feil: «onclick» får nettleseren til å kjøre kode (på «<p>»). {RUNS} "
    "«onclick=…».",
    "content/om.md:20:12: feil: «java script:alert(1)» er en adresse som kjører kode. Bruk en "
    "vanlig lenke (https://… eller en side på nettstedet).",
    "content/om.md:20:49: feil: «data:text/html,<b>x</b>» er en data:-adresse, som kan "
    "inneholde en hel side med kode. Lenk til en vanlig side i stedet.",
    "content/om.md:22:1: feil: «<object>» viser innhold fra et annet sted inne i siden, og det "
    "er ikke tillatt på håndskrevne sider. Lenk heller til innholdet.",
    "content/om.md:22:32: feil: «<embed>» viser innhold fra et annet sted inne i siden, og det er "
    "ikke tillatt på håndskrevne sider. Lenk heller til innholdet.",
    "content/om.md:22:52: feil: «<base>» endrer hvor alle lenkene på siden peker. Fjern den.",
    "content/om.md:24:16: feil: «https://evil.example/p.png» hentes fra et annet nettsted "
    f"(evil.example), {FETCHED}",
    "content/om.md:24:76: feil: «http://evil.example/b.png» hentes fra et annet nettsted "
    f"(evil.example), {FETCHED}",
    "content/om.md:26:17: feil: Stilen henter «https://evil.example/a.css» fra et annet "
    "nettsted, og nettstedet skal ikke hente noe fra andre. Legg filen i content/ og bruk den "
    "derfra.",
]


def test_every_kind_of_html_that_is_not_allowed_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content" / "om.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    result = run_generator("site", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    start = output.index("Håndskrevne sider har innhold som ikke er tillatt:\ncontent/om.md:\n")
    listed = output[start:].splitlines()[2 : 2 + len(EXPECTED)]
    assert [line.strip() for line in listed] == EXPECTED
    assert f"{len(EXPECTED)} feil." in output
    assert not (project / "site").exists()


def test_a_static_svg_or_html_file_is_checked_as_it_is(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "content" / "kart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<circle onload="alert(1)"/>\n</svg>\n',
        encoding="utf-8",
    )
    (project / "content" / "gammel.html").write_text(
        "<p>Gammel side</p>\n<script src=https://evil.example/a.js></script>\n", encoding="utf-8"
    )
    result = run_generator("site", cwd=project)
    assert result.returncode == 1
    assert (
        "  content/gammel.html:2:1: feil: Siden har et skript («<script>»). Håndskrevne sider "
        "kan ikke kjøre skript; fjern det.\n"
    ) in result.stderr + result.stdout
    assert (
        "  content/kart.svg:2:9: feil: «onload» får nettleseren til å kjøre kode (på «<circle>»)."
    ) in result.stderr + result.stdout


def test_ordinary_html_links_and_code_are_allowed(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "content" / "om.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n<details><summary>Mer</summary>\n\nTekst med <b>fet</b> skrift.\n\n</details>\n\n"
        "Les [regjeringen.no](https://www.regjeringen.no/) eller skriv til "
        "[postmottak](mailto:postmottak@example.org).\n\n"
        '<a href="https://www.politiet.no/" title="javascript-kurs">Politiet</a>\n\n'
        "```html\n<script>alert(1)</script>\n```\n\n"
        'Kode: `<img src="https://evil.example/x.png" onerror="x">`\n',
        encoding="utf-8",
    )
    (project / "privacy_exceptions.yaml").write_text(
        "exceptions:\n  - value: postmottak@example.org\n    reason: Et felles postmottak.\n",
        encoding="utf-8",
    )
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    article = htmlcheck.article(project / "site" / "om" / "index.html")
    assert "<script>alert(1)</script>" in article.visible


def test_what_counts_as_another_host() -> None:
    assert rawhtml.other_host("//evil.example/x") == "evil.example"
    assert rawhtml.other_host("\\\\evil.example\\x") == "evil.example"
    assert rawhtml.other_host("bilder/x.png") is None
    assert rawhtml.other_host("/bilder/x.png") is None
    assert rawhtml.other_host("data:image/png;base64,AAAA") is None


def test_front_matter_and_names_in_mkdocs_yml_are_text(tmp_path: Path) -> None:
    """Material writes a page's front matter title and description, and the
    site's name, description and navigation titles, into the page unescaped."""
    project = copy_project(tmp_path)
    hostile = "</title><script>alert(1)</script> & <b>fet</b>"
    page = project / "content" / "om.md"
    page.write_text(
        f'---\ntitle: "{hostile}"\ndescription: \'" onmouseover="alert(1)\'\n---\n\n'
        + page.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "site_name: Politirådet i Oslo – oppfølgingspunkter", f'site_name: "{hostile}"'
    )
    text = text.replace("  - Om politirådet: om.md", f'  - "{hostile}": om.md')
    text = re.sub(r"(?m)^site_description: .*$", lambda _: 'site_description: "\\" x=\\""', text)
    config.write_text(text + 'copyright: "<img src=x onerror=alert(1)>"\n', encoding="utf-8")
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in ("om/index.html", "index.html", "endringer/index.html", "404.html"):
        html = (project / "site" / path).read_text(encoding="utf-8")
        parsed = htmlcheck.parse(html)
        assert html.count("<script>alert") == 0, path
        assert not [a for a in parsed.attributes if a[1].startswith("on")], path
        assert ("meta", "x", "") not in parsed.attributes, path
        assert hostile in parsed.title or path != "om/index.html", parsed.title
    front = htmlcheck.read(project / "site" / "index.html")
    head = (project / "site" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert htmlcheck.parse(head).title == hostile
    assert "<img src=x onerror=alert(1)>" in front.visible
