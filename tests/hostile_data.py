"""Write complete data files whose every text field holds chosen text.

Used by the hostile-text and property-based tests: one follow-up point per
payload, with the payload in each of its text fields, plus the council,
edition, seminar, unit and area names. Two reports, so that the changes
between them are listed too. Values are written as JSON strings,
which YAML reads as double-quoted text, so any string survives the trip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "før <!-- hidden --> etter",
    "et ulukket <b>fet",
    "[x](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<data:text/html,<script>alert(1)</script>>",
    "<https://evil.example/> og <ftp://evil.example/>",
    "{: onclick=alert(1) }",
    "Tittel {: #kapret .klasse onclick=alert(1) }",
    "a | b | c",
    "# Overskrift",
    "1. nummerert",
    "- kulepunkt",
    "> sitat",
    "---",
    "{{ 7*7 }} og {% if true %}ja{% endif %}",
    "![bilde](https://evil.example/x.png)",
    "[ref]: https://evil.example/\n[ref]",
    "*kursiv* __fet__ `kode` \\*stjerne\\*",
    "&lt;b&gt; &amp; &#60;i&#62; &copy;",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "!!! warning\n    advarsel",
    '<div markdown="1">**fet**</div>',
    "    innrykket kodeblokk",
    "```\nkodeblokk\n```",
    "linje én\n# overskrift\n1. nummer\n- punkt\n> sitat\n---\n\nnytt avsnitt",
    "<svg><style>x{}</style></svg>",
    "javascript:alert(1)",
    "x</p><script>alert(1)</script><p>",
    "\\<script\\>",
    "</title><script>alert(1)</script>",
    "</textarea></style></noscript><script>alert(1)</script>",
    # Issue 12: names whose page addresses would collide, and anchors that would
    # repeat an id the templates write. The names differ in a letter, not only
    # in case, spacing or punctuation, which the validator refuses («Mente du»).
    "Oslo kommune",
    "Oslo kommunë",
    "OSLÖ kommune",
    "Seksjon { #forside }",
    "__toc",
    "state-chart",
)
"""Text that would become markup if it were not escaped (every case from issue 6),
or names that would give two pages or two elements one address or id (issue 12)."""


def one_line(text: str) -> str:
    """How a single-line field shows text: whitespace runs become one space."""
    return " ".join(text.split())


def twin(text: str) -> str:
    """Harmless text with the same shape (words, lines, blank lines): every
    visible character becomes «x», so the page structure must come out the same."""
    return re.sub(r"\S", "x", text)


_LETTERS = "xabcdefghijklmnopqrstuvwyz"


def twins(texts: Sequence[str]) -> list[str]:
    """``twin`` of each text, except that texts which differ on one line get
    twins which differ on one line too («<b>» and «<i>» are two responsible
    parties, so their twins must not both be «xxx»). The k-th distinct text
    spells k in letters over its first visible characters; letters are as
    harmless as «x», so the shape is the same as ``twin``'s."""
    keys: dict[str, int] = {}
    result = []
    for text in texts:
        k = keys.setdefault(one_line(text), len(keys))
        digits = []
        while k:
            k, digit = divmod(k, len(_LETTERS))
            digits.append(_LETTERS[digit])
        visible = len(re.findall(r"\S", text))
        if len(digits) > visible:
            raise ValueError(f"too many texts shaped like {text!r} to give them distinct twins")
        letters = digits + ["x"] * (visible - len(digits))
        chars = [c if c.isspace() else letters.pop(0) for c in text]
        result.append("".join(chars))
    return result


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""What a name part made from data may look like: no markup can hide in it."""


def slug_placeholders(slugs: Sequence[str], prefix: str = "ansvarlig-") -> Callable[[str], str]:
    """A function that replaces each of ``slugs`` after ``prefix`` in a path or
    address by its position, so that pages and links named after data
    (responsible parties) can be paired with the twin's. Only whole slugs are
    replaced; anything else is left as it is, so a stray name still differs."""
    assert len(set(slugs)) == len(slugs), f"two parties share a slug: {slugs}"
    for value in slugs:
        assert SLUG.fullmatch(value), f"a slug that is not [a-z0-9-]: {value!r}"
    position = {value: f"#{index}" for index, value in enumerate(slugs)}
    pattern = re.compile(re.escape(prefix) + r"([a-z0-9-]+)")

    def replace(text: str) -> str:
        return pattern.sub(lambda m: prefix + position.get(m.group(1), m.group(1)), text)

    return replace


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def followups_yaml(payloads: Sequence[str], single: Callable[[str], str] = one_line) -> str:
    """A followups.yaml with one point per payload. ``single`` turns a payload
    into the value of a single-line field (titles and names)."""
    every = single(" ¦ ".join(payloads)) or "Rådet"
    lines = [
        "council:",
        f"  name: {_q(every)}",
        f"  members: [{', '.join(_q(single(p)) for p in payloads) or _q('Politiet')}]",
        "editions:",
        '  - id: "2026-01"',
        f"    title: {_q(every)}",
        "    date: 2026-01-30",
        '  - id: "2026-06"',
        f"    title: {_q(every)}",
        "    date: 2026-06-30",
        "seminars:",
        '  - id: "s1"',
        f"    title: {_q(every)}",
        "    date: 2026-01-29",
        "followups:",
    ]
    for number, payload in enumerate(payloads, start=1):
        lines += [
            f'  - id: "p{number}"',
            '    seminar: "s1"',
            f"    number: {number}",
            f"    title: {_q(single(payload))}",
            f"    description: {_q(payload)}",
            f"    responsible: [{_q(single(payload))}]",
            f"    tags: [{_q(single(payload))}]",
            "    statuses:",
            '      - edition: "2026-01"',
            "        state: pågår",
            f"        text: {_q(payload)}",
        ]
        # The second report changes the state of every third point, rewrites
        # the text of the next and repeats the third's status unchanged (an
        # open point has a status in every report), so every kind of change
        # is listed with the text in it.
        if number % 3 == 0:
            lines += ['      - edition: "2026-06"', "        state: fullført"]
            lines.append(f"        text: {_q(payload)}")
        elif number % 3 == 1:
            lines += ['      - edition: "2026-06"', "        state: pågår"]
            lines.append(f"        text: {_q(payload + chr(10) * 2 + payload)}")
        else:
            lines += ['      - edition: "2026-06"', "        state: pågår"]
            lines.append(f"        text: {_q(payload)}")
    return "\n".join(lines) + "\n"


def ipo_yaml(payloads: Sequence[str], single: Callable[[str], str] = one_line) -> str:
    """An ipo_areas.yaml with a unit and an area named after each payload."""
    lines = ['edition: "2026-01"', "units:"]
    for number, payload in enumerate(payloads or ["Enhet"], start=1):
        lines += [f'  - id: "u{number}"', f"    name: {_q(single(payload))}"]
    lines.append("areas:")
    for number, payload in enumerate(payloads, start=1):
        lines += [
            f"  - name: {_q(single(payload))}",
            f'    unit: "u{number}"',
            "    status: ny",
        ]
    return "\n".join(lines) + "\n"


def write(project: Path, payloads: Sequence[str]) -> None:
    """Replace the project's data files with ones built from ``payloads``."""
    (project / "followups.yaml").write_text(followups_yaml(payloads), encoding="utf-8")
    (project / "ipo_areas.yaml").write_text(ipo_yaml(payloads), encoding="utf-8")
