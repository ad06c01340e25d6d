"""Make text from the data files safe to place in generated Markdown.

Text from YAML is data, not markup: whatever an editor types is shown
literally, and no tag, attribute, link or Markdown structure can come of it.
"""

from __future__ import annotations

from markupsafe import Markup

# Python-Markdown's backslash-escapable characters, plus "|" which the tables
# extension adds. Only these may be escaped: a backslash before any other
# character is shown as a backslash.
_MARKDOWN_SPECIAL = set("\\`*_{}()#+-.!|")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
# Brackets become entities, not backslash escapes: Python-Markdown finds
# reference definitions ("[x]: url", also footnotes and abbreviations) in a
# block's raw text before it reads any escape, so in a template's
# "- [{{ title }}](...)" a title holding "\]:" closed the link text and
# turned the rest of the line into a definition (the link vanished).
_BRACKETS = {"[": "&#91;", "]": "&#93;"}


def _escape_char(char: str) -> str:
    if char in _HTML_SPECIAL:
        return _HTML_SPECIAL[char]
    if char in _BRACKETS:
        return _BRACKETS[char]
    if char in _MARKDOWN_SPECIAL:
        return "\\" + char
    return char


# The same mappings as chains of str.replace, which scan in C: a per-character
# loop in Python was most of the render time at 5,000 points. Backslash goes
# first, "&" before the other entities and the brackets last, so no
# replacement is replaced again; the result equals mapping every character on
# its own.
_MARKDOWN_ORDER = ("\\", *sorted(_MARKDOWN_SPECIAL - {"\\"}))


def _replace_html(text: str) -> str:
    for char, entity in _HTML_SPECIAL.items():
        if char in text:
            text = text.replace(char, entity)
    return text


def _replace_inline(text: str) -> str:
    for char in _MARKDOWN_ORDER:
        if char in text:
            text = text.replace(char, "\\" + char)
    text = _replace_html(text)
    for char, entity in _BRACKETS.items():
        if char in text:
            text = text.replace(char, entity)
    return text


def inline(text: object) -> Markup:
    """Text for a Markdown context (heading, table cell, list item): one line,
    every Markdown and HTML special character neutralised."""
    if isinstance(text, Markup):
        return text
    flat = " ".join(str(text).split())
    return Markup(_replace_inline(flat))


def html(text: object) -> Markup:
    """Text for the inside of a raw HTML element, where Markdown is inactive."""
    if isinstance(text, Markup):
        return text
    return Markup(_replace_html(str(text)))


def paragraphs(text: str, css_class: str | None = None) -> Markup:
    """Multi-line text as raw HTML paragraphs: a blank line starts a new
    paragraph and a single line break is kept. Python-Markdown leaves
    block-level HTML alone, so nothing inside is read as Markdown."""
    attr = f' class="{html(css_class)}"' if css_class else ""
    rendered = [
        f"<p{attr}>" + "<br>\n".join(html(line) for line in block) + "</p>"
        for block in blocks(text)
    ]
    return Markup("\n\n".join(rendered))


def blocks(text: str) -> list[list[str]]:
    """Multi-line text as paragraphs of lines, as ``paragraphs`` shows it: a
    blank line starts a new paragraph, each line is stripped. For the PDF,
    which joins them itself."""
    return [[line.strip() for line in block] for block in _split_paragraphs(text) if block]


def _split_paragraphs(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return blocks
