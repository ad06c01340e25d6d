"""generator/site/rawhtml.py: what a hand-written page may not contain, and where it is.

tests/test_content_html.py checks the same rules through whole builds.
"""

from __future__ import annotations

import pytest

from generator.data.problems import Position
from generator.site import rawhtml

SCRIPT = "Siden har et skript («<script>»). Håndskrevne sider kan ikke kjøre skript; fjern det."


def _findings(html: str) -> list[tuple[str, str]]:
    return [(f.snippet, f.message) for f in rawhtml.findings(html)]


def _fetched(url: str, host: str) -> str:
    return (
        f"«{url}» hentes fra et annet nettsted ({host}), og nettstedet skal ikke hente noe fra "
        "andre. Last ned filen, legg den i content/ og bruk den derfra."
    )


@pytest.mark.parametrize(
    "html",
    [
        "<p>Hei <strong>alle</strong></p>",
        '<a href="https://lovdata.no/x">lenke ut</a>',  # the reader chooses to follow it
        '<a href="mailto:post@example.org">e-post</a> <a href="tel:22669000">ring</a>',
        '<img src="/bilder/x.png" srcset="x.png 1x, x@2.png 2x"><a href="#top">opp</a>',
        '<img src="data:image/png;base64,AAAA">',  # fetched from the page itself
        "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",  # a code block
        '<div style="color: red; background: url(bilder/bg.png)"></div>',
    ],
)
def test_ordinary_html_has_no_findings(html: str) -> None:
    assert rawhtml.findings(html) == []


@pytest.mark.parametrize(
    "html,snippet,message",
    [
        ("<script>x()</script>", "<script", SCRIPT),
        ("<SCRIPT src=/a.js></SCRIPT>", "<script", SCRIPT),
        (
            '<iframe src="/a"></iframe>',
            "<iframe",
            "«<iframe>» viser innhold fra et annet sted inne i siden, og det er ikke tillatt på "
            "håndskrevne sider. Lenk heller til innholdet.",
        ),
        ("<base href=/>", "<base", "«<base>» endrer hvor alle lenkene på siden peker. Fjern den."),
        (
            '<meta http-equiv="Refresh" content="0; url=https://x.example">',
            "http-equiv",
            '«<meta http-equiv="refresh">» sender leseren videre til en annen side av seg selv. '
            "Fjern den, og lag heller en vanlig lenke.",
        ),
        (
            '<meta http-equiv="X-UA-Compatible">',
            "http-equiv",
            '«<meta http-equiv="X-UA-Compatible">» endrer hvordan nettleseren behandler siden. '
            "Fjern den.",
        ),
        (
            '<div onclick="x()">',
            "onclick",
            "«onclick» får nettleseren til å kjøre kode (på «<div>»). Slike egenskaper er ikke "
            "tillatt på håndskrevne sider; fjern «onclick=…».",
        ),
        (
            '<a href=" java\tscript:alert(1)">x</a>',
            "java\tscript:alert(1)",
            "«java script:alert(1)» er en adresse som kjører kode. Bruk en vanlig lenke "
            "(https://… eller en side på nettstedet).",
        ),
        (
            '<img src="https://cdn.example/x.png">',
            "https://cdn.example/x.png",
            _fetched("https://cdn.example/x.png", "cdn.example"),
        ),
        (
            '<link rel="stylesheet" href="//cdn.example/x.css">',
            "//cdn.example/x.css",
            _fetched("//cdn.example/x.css", "cdn.example"),
        ),
        (
            '<img srcset="/a.png 1x, https://cdn.example/b.png 2x">',
            "https://cdn.example/b.png",
            _fetched("https://cdn.example/b.png", "cdn.example"),
        ),
        (
            '<svg><use xlink:href="https://cdn.example/s.svg#a"/></svg>',
            "https://cdn.example/s.svg#a",
            _fetched("https://cdn.example/s.svg#a", "cdn.example"),
        ),
        (
            '<form action="https://evil.example/post"></form>',
            "https://evil.example/post",
            "Skjemaet sender det leseren skriver til «https://evil.example/post», et annet "
            "nettsted. Fjern skjemaet, eller lenk til skjemaet der det hører hjemme.",
        ),
        (
            '<a href="data:text/html,<script>">x</a>',
            "data:text/html,<script>",
            "«data:text/html,<script>» er en data:-adresse, som kan inneholde en hel side med "
            "kode. Lenk til en vanlig side i stedet.",
        ),
        (
            "<div style=\"background: url('https://evil.example/a.png')\">",
            "https://evil.example/a.png",
            "Stilen henter «https://evil.example/a.png» fra et annet nettsted, og nettstedet "
            "skal ikke hente noe fra andre. Legg filen i content/ og bruk den derfra.",
        ),
        (
            '<style>@import "https://evil.example/x.css";</style>',
            "https://evil.example/x.css",
            "Stilen henter «https://evil.example/x.css» fra et annet nettsted, og nettstedet "
            "skal ikke hente noe fra andre. Legg filen i content/ og bruk den derfra.",
        ),
    ],
)
def test_each_kind_of_forbidden_html_is_one_finding(html: str, snippet: str, message: str) -> None:
    assert _findings(html) == [(snippet, message)]


def test_an_embed_with_srcdoc_is_two_findings_in_order() -> None:
    assert [s for s, _ in _findings('<iframe srcdoc="<p>x</p>"></iframe>')] == [
        "<iframe",
        "srcdoc",
    ]


def test_a_long_data_address_is_shortened_in_the_message() -> None:
    url = "data:text/html;base64," + "A" * 100
    ((snippet, message),) = _findings(f'<a href="{url}">x</a>')
    assert snippet == url[:40]
    assert message.startswith(f"«{url[:40]}…» er en data:-adresse")


@pytest.mark.parametrize(
    "value,host",
    [
        ("https://x.example/a", "x.example"),
        ("HTTPS://X.example", "X.example"),
        ("//x.example/a", "x.example"),
        ("\\\\x.example\\a", "x.example"),  # browsers read backslashes as slashes
        (" http://x.example ", "x.example"),
        ("/a", None),
        ("a.png", None),
        ("#top", None),
        ("?q=1", None),
        ("data:image/png;base64,AAAA", None),
        ("blob:x", None),
        ("about:blank", None),
        ("mailto:a@b.no", None),
        ("tel:22669000", None),
    ],
)
def test_other_host_is_the_host_of_another_site_only(value: str, host: str | None) -> None:
    assert rawhtml.other_host(value) == host


def test_a_problem_is_placed_where_the_source_has_it() -> None:
    source = "# Tittel\n\nTekst.\n\n  <script>a()</script>\n"
    html = "<h1>Tittel</h1>\n<p>Tekst.</p>\n<script>a()</script>"
    assert rawhtml.check(html, source, "content/om.md") == [
        (Position("content/om.md", 5, 3), SCRIPT, "error")
    ]


def test_the_same_snippet_twice_is_placed_at_each_in_turn() -> None:
    url = "https://a.example/1.png"
    html = f'<img src="{url}"><img src="{url}">'
    source = f'a\n<IMG SRC="{url}">\nb <img src="{url}">'
    problems = rawhtml.check(html, source, "p.md")
    assert [p.position for p in problems] == [Position("p.md", 2, 11), Position("p.md", 3, 13)]
    assert [p.message for p in problems] == [_fetched(url, "a.example")] * 2


def test_a_snippet_the_source_does_not_have_is_placed_at_the_start() -> None:
    assert rawhtml.check("<script></script>", "written otherwise", "p.md") == [
        (Position("p.md", 1, 1), SCRIPT, "error")
    ]


def test_a_page_without_findings_has_no_problems() -> None:
    assert rawhtml.check("<p>hei</p>", "hei", "p.md") == []
