"""Synthetic data of the shipped files' shape, at any number of follow-up points.

The texts are Norwegian-looking sentences with lengths drawn around those of
Politirådet i Oslo's own data (descriptions ~350 characters, status texts
~300), so file sizes, parse times and page sizes scale like real data. Every
point has 3 to 6 statuses over the last editions, a few are closed, some have
deadlines, and some texts carry characters that the escaping must handle.
Generation is deterministic (seeded), so two runs measure the same bytes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

EDITIONS = 8
"""Reporting rounds, two a year: enough for 6 statuses per point and history."""
POINTS_PER_SEMINAR = 20
"""A seminar adopts about this many points, so seminars grow with N."""
UNITS = 6


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_WORDS = _words(
    "arbeidet samarbeidet kommunen politiet bydelene ungdom tiltak oppfølging "
    "forebygging kriminalitet trygghet beredskap rapport handlingsplan nettverket "
    "etaten samhandling kunnskapsgrunnlag innsats område situasjonsforståelse "
    "tiltakene budsjett midler møte politirådet seminaret dialog rutiner "
    "informasjonsdeling helhetlig strategisk operasjonelt nivå lokalt sentralt "
    "familier skole barnevern helsetjenesten frivillige organisasjoner "
    "nærmiljø uro vold rus hatkriminalitet radikalisering oppdrag frist vurdering "
    "evaluering erfaringer modellen standard prosjekt gjennomgang videreutvikling "
    "kartlegging ansvar kontaktpunkt tydelig felles bedre videre godt viktig "
    "nødvendige særskilt kontinuerlig nasjonal årlige første siste nye øvrige"
)
_GLUE = _words("og i for med til på av om som er skal vil har blir det den de en et at fra")
_ODD = (
    "(se § 13)",
    "«Trygg by»",
    "5 * 3 = 15",
    "snake_case",
    "<b>ikke fet</b>",
    "A & B",
    "[lenke](http://example.invalid)",
    "# ikke overskrift",
    "kr 40 mill.",
)
_STATES_OPEN = ("planlagt", "pågår", "løpende")
_STATES_CLOSED = ("fullført", "avsluttet")
_RESPONSIBLE = ("Kommunen", "Politidistriktet", "Bydelene", "Velferdsetaten", "Utdanningsetaten")


@dataclass(frozen=True)
class Shape:
    """What was generated: counts the benchmark reports next to its figures."""

    points: int
    seminars: int
    editions: int
    statuses: int
    areas: int
    followups_bytes: int
    marker_point: str
    """The id of a point whose current status text holds ``MARKER``."""


MARKER = "Status-ENDRINGSMERKE-0"
"""A word in one status text that the incremental checks replace."""
TITLE_MARKER = "Tittel-ENDRINGSMERKE-0"
"""A word in the same point's title, for the title-change check."""


def _sentence(rng: random.Random, words: int) -> str:
    out = []
    for i in range(words):
        pool = _GLUE if i % 3 == 1 else _WORDS
        out.append(rng.choice(pool))
    if rng.random() < 0.08:
        out.insert(rng.randrange(len(out)), rng.choice(_ODD))
    return " ".join(out).capitalize() + "."


def _text(rng: random.Random, mean_chars: int) -> str:
    """Sentences totalling about ``mean_chars`` characters, in paragraphs."""
    target = max(60, int(rng.gauss(mean_chars, mean_chars / 3)))
    paragraphs: list[list[str]] = [[]]
    length = 0
    while length < target:
        if len(paragraphs[-1]) >= rng.randint(2, 4):
            paragraphs.append([])
        sentence = _sentence(rng, rng.randint(6, 14))
        paragraphs[-1].append(sentence)
        length += len(sentence) + 1
    return "\n\n".join(" ".join(p) for p in paragraphs)


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _block(value: str, indent: int) -> str:
    pad = " " * indent
    lines = [pad + line if line else "" for line in value.split("\n")]
    return "|\n" + "\n".join(lines) + "\n"


def followups_yaml(n: int, seed: int = 7) -> tuple[str, Shape]:
    """The text of a followups.yaml with ``n`` points."""
    rng = random.Random(seed)
    seminars = max(2, -(-n // POINTS_PER_SEMINAR))
    out = [
        "# Syntetiske data for ytelsesmålinger.\n",
        "council:\n",
        "  name: Politirådet i Målestad\n",
        "  members: [Målestad kommune, Målestad politidistrikt]\n",
        "editions:\n",
    ]
    for e in range(EDITIONS):
        year, half = 2022 + e // 2, e % 2
        out.append(f'  - id: "{year}-{half + 1:02d}"\n')
        out.append(f"    title: Status pr {'januar' if half == 0 else 'juni'} {year}\n")
        out.append(f"    date: {year}-{1 + 5 * half:02d}-15\n")
    edition_ids = [f"{2022 + e // 2}-{e % 2 + 1:02d}" for e in range(EDITIONS)]
    out.append("seminars:\n")
    for s in range(seminars):
        out.append(f'  - id: "s{s + 1}"\n')
        out.append(f"    title: Seminar nr. {s + 1}\n")
        out.append(f"    date: {2010 + s % 12}-{1 + s % 12:02d}-{1 + s % 28:02d}\n")
    out.append("followups:\n")
    statuses = 0
    marker_index = n // 2
    marker_point = ""
    for i in range(n):
        seminar, number = i // POINTS_PER_SEMINAR + 1, i % POINTS_PER_SEMINAR + 1
        point_id = f"s{seminar}-{number}"
        title = _sentence(rng, rng.randint(4, 9)).rstrip(".")
        if i == marker_index:
            title = f"{TITLE_MARKER} {title}"
        out.append(f'  - id: "{point_id}"\n')
        out.append(f'    seminar: "s{seminar}"\n')
        out.append(f"    number: {number}\n")
        out.append(f"    title: {_q(title)}\n")
        out.append(f"    description: {_block(_text(rng, 350), 6)}")
        responsible = rng.sample(_RESPONSIBLE, rng.randint(1, 2))
        out.append(f"    responsible: [{', '.join(responsible)}]\n")
        if rng.random() < 0.7:
            tags = rng.sample(_WORDS, rng.randint(1, 4))
            out.append(f"    tags: [{', '.join(tags)}]\n")
        if rng.random() < 0.3:
            out.append(f"    deadline: {rng.randint(2023, 2027)}-{rng.randint(1, 12):02d}-28\n")
        count = rng.randint(3, 6)
        closed_early = rng.random() < 0.15
        last = EDITIONS - (rng.randint(1, 2) if closed_early else 0)
        rounds = edition_ids[max(0, last - count) : last]
        out.append("    statuses:\n")
        for k, edition in enumerate(rounds):
            final = k == len(rounds) - 1
            state = rng.choice(_STATES_CLOSED if final and closed_early else _STATES_OPEN)
            text = _text(rng, 300)
            if i == marker_index and final:
                text = f"{MARKER} {text}"
                marker_point = point_id
            out.append(f'      - edition: "{edition}"\n')
            out.append(f"        state: {state}\n")
            out.append(f"        text: {_block(text, 10)}")
            statuses += 1
    text = "".join(out)
    shape = Shape(
        points=n,
        seminars=seminars,
        editions=EDITIONS,
        statuses=statuses,
        areas=0,
        followups_bytes=len(text.encode("utf-8")),
        marker_point=marker_point,
    )
    return text, shape


def ipo_yaml(n: int, seed: int = 11) -> tuple[str, int]:
    """The text of an ipo_areas.yaml with areas growing slowly with ``n``."""
    rng = random.Random(seed)
    areas = max(10, n // 20)
    out = [f'edition: "{2022 + (EDITIONS - 1) // 2}-{(EDITIONS - 1) % 2 + 1:02d}"\n', "units:\n"]
    for u in range(UNITS):
        out.append(f"  - id: enhet{u + 1}\n    name: Enhet {u + 1}\n")
    out.append("areas:\n")
    for a in range(areas):
        out.append(f"  - name: {_q(rng.choice(_WORDS).capitalize() + f' {a + 1}')}\n")
        out.append(f"    unit: enhet{rng.randint(1, UNITS)}\n")
        out.append(f"    status: {rng.choice(('ny', 'videreført'))}\n")
        if rng.random() < 0.5:
            out.append(f"    since: {rng.randint(2015, 2026)}\n")
    return "".join(out), areas


def write_project(dest: Path, n: int, root: Path) -> Shape:
    """A copy of the project at ``root`` (config, content) with synthetic data."""
    import shutil

    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("content", "overrides", "schemas"):
        if (root / folder).is_dir():
            shutil.copytree(root / folder, dest / folder, dirs_exist_ok=True)
    followups, shape = followups_yaml(n)
    ipo, areas = ipo_yaml(n)
    (dest / "followups.yaml").write_text(followups, encoding="utf-8")
    (dest / "ipo_areas.yaml").write_text(ipo, encoding="utf-8")
    return Shape(**{**shape.__dict__, "areas": areas})
