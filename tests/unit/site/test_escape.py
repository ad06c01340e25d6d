"""generator/site/escape.py: data text made safe for Markdown and HTML.

The fast escaping (chains of str.replace) equals escaping each character alone.
"""

from __future__ import annotations

import random

import markdown
import pytest
from markupsafe import Markup

from generator.site import escape

# Every special character, the characters the replacements insert, and text.
ALPHABET = "\\`*_{}[]()#+-.!|&<>\"';æøå aZ1\n\t"


def _reference_inline(text: str) -> str:
    return "".join(escape._escape_char(c) for c in " ".join(text.split()))


def _reference_html(text: str) -> str:
    return "".join(escape._HTML_SPECIAL.get(c, c) for c in text)


def test_inline_and_html_escape_every_character_exactly_once() -> None:
    rng = random.Random(1)
    samples = ["", "&amp;", "\\*", "&#39;", "a\\#b", "<&>"]
    samples += [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 40))) for _ in range(5000)
    ]
    for text in samples:
        assert escape.inline(text) == _reference_inline(text), text
        assert escape.html(text) == _reference_html(text), text


def test_escaped_text_keeps_markup_out() -> None:
    assert escape.inline("<b>*x*</b> & [y](z)") == (
        "&lt;b&gt;\\*x\\*&lt;/b&gt; &amp; &#91;y&#93;\\(z\\)"
    )
    assert escape.html("'\"<&>") == "&#39;&quot;&lt;&amp;&gt;"


@pytest.mark.parametrize(
    "title", ["nil0]:0 slutt", "a]: http://x.no", "[x]: y", "[^1]: fotnote", "*[HTML]: forkortelse"]
)
def test_a_title_cannot_end_link_text_and_start_a_definition(title: str) -> None:
    # Python-Markdown reads reference definitions before escapes: a "\\]:"
    # in a list item's link text once swallowed the link (found by
    # tests/test_properties.py on the seminars page).
    page = f"- [1. {escape.inline(title)}](../punkt.md)\n- [2. b](../b.md)\n"
    html = markdown.markdown(page, extensions=["abbr", "footnotes"])
    assert html.count('<a href="../punkt.md">') == 1, html
    assert html.count("<a ") == 2, html


def test_inline_text_is_one_line() -> None:
    assert escape.inline("a\n  b\tc ") == "a b c"
    assert escape.inline(3) == "3"


def test_markup_is_already_safe_and_passes_unchanged() -> None:
    assert escape.inline(Markup("<b>*x*</b>")) == "<b>*x*</b>"
    assert escape.html(Markup("<b>x</b>")) == "<b>x</b>"
    assert isinstance(escape.inline("x"), Markup)
    assert isinstance(escape.html("x"), Markup)


def test_only_markdowns_escapable_characters_get_a_backslash() -> None:
    # A backslash is escaped itself, so it cannot escape what follows it.
    assert escape.inline("a\\b \\*") == "a\\\\b \\\\\\*"
    # Python-Markdown would show a backslash before any other character as written.
    assert escape.inline("æ/ø:å") == "æ/ø:å"


def test_paragraphs_split_at_blank_lines_and_keep_single_line_breaks() -> None:
    assert escape.paragraphs("a\nb <c>\n\n\n  d & e  \n") == (
        "<p>a<br>\nb &lt;c&gt;</p>\n\n<p>d &amp; e</p>"
    )


def test_paragraphs_of_nothing_is_nothing() -> None:
    assert escape.paragraphs("") == ""
    assert escape.paragraphs("\n \n\t\n") == ""


def test_paragraphs_leave_markdown_as_text_and_escape_the_class() -> None:
    assert escape.paragraphs("*ikke kursiv*", "note") == '<p class="note">*ikke kursiv*</p>'
    assert escape.paragraphs("x", 'a" onclick="b') == ('<p class="a&quot; onclick=&quot;b">x</p>')
