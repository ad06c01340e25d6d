"""The fast escaping (chains of str.replace) equals escaping each character alone."""

from __future__ import annotations

import random

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
        "&lt;b&gt;\\*x\\*&lt;/b&gt; &amp; \\[y\\]\\(z\\)"
    )
    assert escape.html("'\"<&>") == "&#39;&quot;&lt;&amp;&gt;"
