"""Property-based tests: no input produces a traceback or markup that the templates did not write.

Documents are random text, random YAML built from random structures, and
documents shaped like the real files with random values; each goes through
the real loader, validator, privacy scan, model and renderer. Strings go
into every text field of a dataset; the pages are turned into HTML with
the Markdown extensions mkdocs.yml lists (a full MkDocs build per example
would be far too slow) and compared with a harmless twin of the same shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.data import characters, kinds, model, privacy, schema, validate
from generator.data.load import Scalar
from generator.data.problems import DataError, Position
from generator.site import escape, passthrough, render, selections
from generator.site.addresses import BOKMAL
from generator.site.build import Sources, load_dataset

from . import hostile_data, htmlcheck
from .conftest import OSLO, ROOT
from .datafiles import FOLLOWUPS as FOLLOWUPS_TEXT
from .datafiles import write_files

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- Random documents never produce a traceback


def _check_files(folder: Path, followups: bytes | str, ipo: bytes | str | None = None) -> None:
    """Load, validate and (when valid) render; only DataError may come out."""
    for name, content in (("followups.yaml", followups), ("ipo_areas.yaml", ipo)):
        path = folder / name
        if content is None:
            path.write_bytes((OSLO / name).read_bytes())
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
    sources = Sources.in_folder(folder)
    lines = {
        name: _lines((folder / name).read_bytes()) for name in ("followups.yaml", "ipo_areas.yaml")
    }
    try:
        loaded = load_dataset(sources)
    except DataError as exc:
        assert exc.problems, "a DataError must carry at least one problem"
        for problem in exc.problems:
            assert problem.position.line >= 1 and problem.position.column >= 1
            # Never past the end: the editor must be able to go to the line.
            assert problem.position.line <= lines[problem.position.file], problem
            assert problem.message.strip()
        return
    render.render_site(loaded.data, dt.date(2026, 1, 30))


def _lines(raw: bytes) -> int:
    """The number of lines as YAML counts them (NEL, LS and PS break lines too)."""
    text = raw.decode("utf-8", errors="replace").rstrip("\r\n\x85\u2028\u2029")
    return 1 + len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text))


YAML_BITS = st.sampled_from(
    [
        "\n",
        "  ",
        "- ",
        ": ",
        "#",
        " #",
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "---\n",
        "...\n",
        "|\n",
        ">\n",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        ",",
        "?",
        "%YAML 1.2\n",
        "\t",
        "\\",
        "\ufeff",
        "council",
        "editions",
        "followups",
        "id",
        "title",
        "2026-01-30",
        "2025-1",
        "pågår",
        "1",
    ]
)


@SETTINGS
@given(st.lists(st.one_of(YAML_BITS, st.text(max_size=8)), max_size=60).map("".join))
def test_random_text_gives_only_messages(tmp_path: Path, text: str) -> None:
    _check_files(tmp_path, text)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_give_only_messages(tmp_path: Path, raw: bytes) -> None:
    _check_files(tmp_path, b"council:\n  name: " + raw)


SCALARS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "~", "no", "2026-01-30", "2026-02-30", "2025-1", "1", "0", "pågår", "ny"]),
    st.integers(-5, 3000),
    st.booleans(),
    st.none(),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(["id", "title", "text", "x", "number"]), children, max_size=4
        ),
    ),
    max_leaves=20,
)


@SETTINGS
@given(TREES, st.booleans())
def test_random_yaml_structures_give_only_messages(tmp_path: Path, tree: Any, flow: bool) -> None:
    _check_files(tmp_path, yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow))


IDS = st.sampled_from(
    ["2025-1", "2025-2", "2026-01", "2026-02", "2025", "2026", "vest", "x", "Ugyldig id"]
)
DATES = st.sampled_from(
    ["2026-01-30", "2025-06-01", "2026-02-30", "2026-1-5", "15.01.2026", "2026-01", ""]
)
TEXTS = st.one_of(st.text(max_size=15), st.sampled_from(hostile_data.HOSTILE))
VALUES = st.one_of(IDS, DATES, TEXTS, st.integers(0, 9), st.lists(TEXTS, max_size=2), st.none())


def _maybe(fields: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Each field present with a fitting value, a random value, or missing."""
    return st.fixed_dictionaries(
        {},
        optional={name: st.one_of(strategy, VALUES) for name, strategy in fields.items()},
    )


STATUS = _maybe(
    {"edition": IDS, "state": st.sampled_from(["pågår", "fullført", "no"]), "text": TEXTS}
)
POINT = _maybe(
    {
        "id": IDS,
        "seminar": IDS,
        "number": st.integers(0, 3),
        "title": TEXTS,
        "description": TEXTS,
        "responsible": st.lists(TEXTS, max_size=2),
        "tags": st.lists(TEXTS, max_size=2),
        "deadline": DATES,
        "statuses": st.lists(STATUS, max_size=3),
    }
)
FOLLOWUPS = _maybe(
    {
        "council": _maybe({"name": TEXTS, "members": st.lists(TEXTS, max_size=2)}),
        "editions": st.lists(_maybe({"id": IDS, "title": TEXTS, "date": DATES}), max_size=3),
        "seminars": st.lists(
            _maybe({"id": IDS, "title": TEXTS, "date": DATES, "end_date": DATES}), max_size=3
        ),
        "followups": st.lists(POINT, max_size=4),
    }
)
IPO = _maybe(
    {
        "edition": IDS,
        "units": st.lists(_maybe({"id": IDS, "name": TEXTS}), max_size=3),
        "areas": st.lists(
            _maybe(
                {
                    "name": TEXTS,
                    "unit": IDS,
                    "status": st.sampled_from(["ny", "videreført", "gammel"]),
                    "since": st.integers(1890, 2300),
                }
            ),
            max_size=4,
        ),
    }
)


def _id(item: Any) -> Any:
    return item["id"]


# Documents valid in form, whose references may or may not match: these get
# past the field checks, so the cross-reference checks and the model are hit.
TEXT_OK = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=10).filter(
        lambda t: (
            t.strip()
            and not any(
                0x202A <= ord(c) <= 0x202E
                or 0x2066 <= ord(c) <= 0x2069
                or c in "\u200e\u200f\u061c"
                for c in t
            )
        )
    ),
    st.sampled_from(hostile_data.HOSTILE),
)
DATE_OK = st.sampled_from(["2025-12-01", "2026-01-30", "2026-06-30"])
STATUS_OK = st.fixed_dictionaries(
    {
        "edition": st.sampled_from(["2026-01", "2026-02", "2025-12"]),
        "state": st.sampled_from(["planlagt", "pågår", "løpende", "fullført", "avsluttet"]),
        "text": TEXT_OK,
    }
)
POINT_OK = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["2025-1", "2025-2", "2026-1"]),
        "seminar": st.sampled_from(["2025", "2026", "2024"]),
        "number": st.integers(1, 3),
        "title": TEXT_OK,
        "description": TEXT_OK,
        "responsible": st.lists(TEXT_OK, min_size=1, max_size=2),
    },
    optional={
        "tags": st.lists(TEXT_OK, max_size=2),
        "deadline": DATE_OK,
        "statuses": st.lists(STATUS_OK, max_size=2),
    },
)
FOLLOWUPS_OK = st.fixed_dictionaries(
    {
        "council": st.fixed_dictionaries(
            {"name": TEXT_OK, "members": st.lists(TEXT_OK, min_size=1, max_size=2)}
        ),
        "editions": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(["2026-01", "2026-02"]), "title": TEXT_OK, "date": DATE_OK}
            ),
            min_size=1,
            max_size=2,
            unique_by=_id,
        ),
        "seminars": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(["2025", "2026"]), "title": TEXT_OK},
                optional={"date": DATE_OK, "end_date": DATE_OK},
            ),
            min_size=1,
            max_size=2,
            unique_by=_id,
        ),
        "followups": st.lists(POINT_OK, max_size=3, unique_by=_id),
    }
)
IPO_OK = st.fixed_dictionaries(
    {
        "edition": st.sampled_from(["2026-01", "2026-02"]),
        "units": st.lists(
            st.fixed_dictionaries({"id": st.sampled_from(["vest", "ost"]), "name": TEXT_OK}),
            min_size=1,
            max_size=2,
            unique_by=_id,
        ),
        "areas": st.lists(
            st.fixed_dictionaries(
                {
                    "name": TEXT_OK,
                    "unit": st.sampled_from(["vest", "ost", "nord"]),
                    "status": st.sampled_from(["ny", "videreført"]),
                },
                optional={"since": st.integers(1900, 2200)},
            ),
            max_size=3,
        ),
    }
)


@settings(SETTINGS, max_examples=150)
@given(FOLLOWUPS_OK, IPO_OK)
def test_references_that_may_not_match_give_only_messages(
    tmp_path: Path, followups: dict[str, Any], ipo: dict[str, Any]
) -> None:
    """A reference the validator let through would fail in the model with a KeyError."""
    _check_files(tmp_path, _dump(followups), _dump(ipo))


def _dump(document: Any) -> str:
    # Plain strings, the way editors write them; ids like 2025-1 stay text anyway.
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@settings(SETTINGS, max_examples=150)
@given(FOLLOWUPS, IPO)
def test_documents_shaped_like_the_data_give_only_messages(
    tmp_path: Path, followups: dict[str, Any], ipo: dict[str, Any]
) -> None:
    """Reaches the cross-reference checks and the model: a reference the
    validator missed would show up here as a KeyError."""
    _check_files(tmp_path, _dump(followups), _dump(ipo))


# --- Random text in every field never becomes markup


def _extensions() -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions and their settings, as mkdocs.yml lists them."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may name Python objects with tags; their settings are not
    # needed to decide what markup text becomes.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names: list[str] = []
    settings_: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, str):
            names.append(entry)
        else:
            for name, options in entry.items():
                names.append(name)
                settings_[name] = {k: v for k, v in (options or {}).items() if v is not None}
    return names, settings_


EXTENSIONS, EXTENSION_CONFIGS = _extensions()


def to_html(page: str) -> str:
    body, _ = get_data(page)
    html: str = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    # As the plugin does after Markdown: the raw HTML carried past it in comments.
    return passthrough.unwrap(html)


# What an editor can type: anything but the invisible characters the loader refuses.
TYPED = st.characters(
    blacklist_categories=("Cs", "Cc"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
)
NEWLINES = st.sampled_from(["\n", "\n\n", "\n  "])
FRAGMENTS = st.sampled_from(
    [
        *hostile_data.HOSTILE,
        "<",
        ">",
        "&",
        "&amp;",
        "&#x3C;",
        "\\",
        "`",
        "*",
        "_",
        "[",
        "]",
        "(",
        ")",
        "{",
        "}",
        "#",
        "|",
        "!",
        ":",
        "-",
        "+",
        ".",
        "=",
        "'",
        '"',
        "~",
        "^",
        "</",
        "<!",
        "<?",
        "]]>",
        "  ",
        "1. ",
        "> ",
        "- ",
        "    ",
        "::",
        "!!! ",
        "javascript:",
        "data:",
        "http://",
        "www.",
        "@",
    ]
)
STRINGS = (
    st.lists(
        st.one_of(st.text(TYPED, min_size=1, max_size=6), FRAGMENTS, NEWLINES),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


def _dataset(text: list[str]) -> model.Dataset:
    """Every text field of a small dataset filled from ``text``, in order."""
    one = [hostile_data.one_line(t) or "x" for t in text]
    edition = model.Edition("2026-01", one[0], dt.date(2026, 1, 30))
    seminar = model.Seminar("2026", one[1], dt.date(2026, 1, 29), dt.date(2026, 1, 30))
    statuses = (model.Status(edition, "pågår", text[2]),)
    points = tuple(
        model.Followup(
            id=f"2026-{n}",
            seminar=seminar,
            number=n,
            title=one[3 + n],
            description=text[5 + n],
            responsible=(one[7], one[8]),
            tags=(one[9],),
            deadline=dt.date(2025, 1, 1),
            statuses=statuses,
        )
        for n in (1, 2)
    )
    unit = model.Unit("vest", one[10])
    return model.Dataset(
        council=model.Council(one[11], (one[12], one[13])),
        editions=(edition,),
        seminars=(seminar,),
        followups=points,
        units=(unit,),
        areas=(model.Area(one[14], unit, "ny", 2026),),
        ipo_edition=edition,
    )


# Rows the data puts in order (sorted by title): the same links as the twin's,
# in another order.
ORDERED_BY_DATA = {f"{BOKMAL.selections_folder}/sortert-etter-tittel.md"}
# Attributes the templates fill with slugs of responsible parties.
SLUG_ATTRIBUTES = {("tr", "data-responsible"), ("option", "value")}


def _structure(data: model.Dataset, pages: dict[str, str] | None = None) -> dict[str, Any]:
    """Per page: elements, link targets, slug attributes and comments, with the
    slugs of responsible parties numbered, since those page names come from
    the data. ``pages`` are ``data`` rendered, unless given."""
    number = hostile_data.slug_placeholders([p.slug for p in selections.responsible_parties(data)])
    if pages is None:
        pages = render.render_site(data, dt.date(2026, 1, 30)).pages
    result = {}
    for path, page in pages.items():
        parsed = htmlcheck.parse(to_html(page))
        urls = [number(re.sub("#.*", "", u[2])) for u in parsed.urls]
        slugs = [
            [number("ansvarlig-" + v) for v in value.split()]
            for tag, name, value in parsed.attributes
            if (tag, name) in SLUG_ATTRIBUTES
        ]
        if path in ORDERED_BY_DATA:
            urls, slugs = sorted(urls), sorted(slugs)
        result[number(path)] = (parsed.elements, urls, slugs, parsed.comments)
    return result


@SETTINGS
@given(st.lists(STRINGS, min_size=15, max_size=15))
def test_text_in_any_field_never_becomes_markup(text: list[str]) -> None:
    hostile = _structure(_dataset(text))
    twin = _structure(_dataset(hostile_data.twins(text)))
    assert hostile.keys() == twin.keys()
    for path in hostile:
        elements, urls, slugs, comments = hostile[path]
        assert elements == twin[path][0], path
        assert urls == twin[path][1], path
        assert slugs == twin[path][2], path
        assert comments == twin[path][3] == [], path


def test_the_structure_shows_other_parties_and_markup_let_through() -> None:
    """The comparison above can fail."""
    text = [hostile_data.HOSTILE[0]] * 15
    data = _dataset(text)
    twin = _structure(_dataset(hostile_data.twins(text)))
    assert _structure(data) == twin
    # Two responsible parties where the twin has one: other pages.
    assert _structure(_dataset([*text[:8], "b", *text[9:]])).keys() != twin.keys()
    # A template that let the name through on one page: other elements.
    pages = render.render_site(data, dt.date(2026, 1, 30)).pages
    listing = next(p for p in pages if "/ansvarlig-" in p)
    escaped = escape.inline(text[0])
    assert escaped in pages[listing]
    leaked = _structure(data, {**pages, listing: pages[listing].replace(escaped, text[0], 1)})
    assert [p for p in leaked if leaked[p][0] != twin[p][0]] == [
        f"{BOKMAL.selections_folder}/ansvarlig-#0.md"
    ]


@SETTINGS
@given(st.text())
def test_a_slug_is_only_letters_digits_and_hyphens(text: str) -> None:
    """Names of pages made from data can hold no markup and no path."""
    assert hostile_data.SLUG.fullmatch(selections.slug(text)), selections.slug(text)
    assert len(selections.slug(text)) <= selections.SLUG_LENGTH


@SETTINGS
@given(st.lists(STRINGS.map(hostile_data.one_line), min_size=1, max_size=8))
def test_every_party_gets_its_own_pure_slug(names: list[str]) -> None:
    data = _dataset(["x"] * 15)
    point = dataclasses.replace(data.followups[0], responsible=tuple(names))
    data = dataclasses.replace(data, followups=(point,))
    parties = selections.responsible_parties(data)
    assert [p.name for p in parties] == list(dict.fromkeys(names))
    assert len({p.slug for p in parties}) == len(parties)
    for party in parties:
        assert hostile_data.SLUG.fullmatch(party.slug), party


# Names whose slugs are the same: the pages of the parties must still differ.
ALIKE = st.sampled_from(
    [
        "Oslo kommune",
        "Oslo/kommune",
        "oslo-kommune",
        "OSLO KOMMUNE",
        "Oslo  kommune",
        "Oslo kommune.",
    ]
)


@SETTINGS
@given(
    st.lists(st.one_of(ALIKE, STRINGS.map(hostile_data.one_line)), min_size=1, max_size=8),
    st.randoms(),
)
def test_a_partys_address_depends_only_on_its_name(names: list[str], order: Any) -> None:
    """Reordering the points (so the parties are first mentioned in another
    order) never moves a party's page, and no two parties share one."""
    shuffled = list(names)
    order.shuffle(shuffled)
    slugs = selections.party_slugs(names)
    assert selections.party_slugs(shuffled) == slugs
    assert len(set(slugs.values())) == len(slugs)
    for value in slugs.values():
        assert hostile_data.SLUG.fullmatch(value), value


@SETTINGS
@given(STRINGS)
def test_text_shows_literally(text: str) -> None:
    """What the editor typed is what the reader sees, up to spaces and line breaks."""
    data = _dataset([text] * 15)
    pages = render.render_site(data, dt.date(2026, 1, 30)).pages
    (party,) = selections.responsible_parties(data)
    shown = [
        "oppfolgingspunkter/2026-1.md",
        "oppfolgingspunkter/index.md",
        selections.responsible_page(party),
        "ipo/index.md",
        "endringer/index.md",
        "rapport/index.md",
    ]
    for path in shown:
        visible = htmlcheck.parse(to_html(pages[path])).visible
        assert hostile_data.one_line(text) in visible, path


# --- Issue 12: no text is silently lost or changed on loading


PLAIN_WORDS = st.sampled_from(
    [
        "sak",
        "jf.",
        "#2025/123",
        "#1",
        "a#b",
        "bystyret",
        "«sitat»",
        "-",
        "–",
        "x:y",
        "'",
        '"',
        "kr",
        "40",
        "&",
        "*",
        "!",
        "%",
        "@",
        "[",
        "]",
        "{",
        "}",
        ",",
        "?",
        "|",
        ">",
        "æøå",
    ]
)
PLAIN_LINES = st.lists(st.lists(PLAIN_WORDS, min_size=1, max_size=6), min_size=1, max_size=4)


@SETTINGS
@given(PLAIN_LINES, st.sampled_from(["     ", "      ", "          "]))
def test_plain_text_is_kept_whole_or_refused(
    tmp_path: Path, lines: list[list[str]], indent: str
) -> None:
    """A decision typed without quotes or | is published word for word, or not at all.

    YAML reads «#» after a space, or at the start of a line, as the start of a
    comment: the validator must refuse every such cut (a «#» followed by a
    space is a comment the editor meant, so the words here never have one).
    """
    typed = [" ".join(words) for words in lines]
    followups = FOLLOWUPS_TEXT.replace(
        "    description: Vedtak to.\n",
        "    description: Vedtaket" + "".join(f"\n{indent}{line}" for line in typed) + "\n",
    )
    try:
        data = load_dataset(_write(tmp_path, followups)).data
    except DataError:
        return
    written = " ".join(["Vedtaket", *typed])
    assert data.followups[1].description.split() == written.split()


_FORMAT_SAMPLES = st.sampled_from(["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d", "\u202e"])


@SETTINGS
@given(st.text(TYPED, min_size=1, max_size=12), _FORMAT_SAMPLES, st.integers(0, 12))
def test_what_loads_is_composed_and_has_no_invisible_characters(
    tmp_path: Path, name: str, invisible: str, where: int
) -> None:
    """A party typed NFD, NFC or with a format character inside is one party, or refused."""
    decomposed = unicodedata.normalize("NFD", name)
    spliced = name[:where] + invisible + name[where:]
    followups = FOLLOWUPS_TEXT.replace(
        "responsible: [Kommunen]", f"responsible: [{json.dumps(decomposed)}]"
    ).replace("responsible: [Politiet]", f"responsible: [{json.dumps(spliced)}]")
    try:
        data = load_dataset(_write(tmp_path, followups)).data
    except DataError as exc:
        assert all(p.position.line >= 1 for p in exc.problems)
        return
    for point in data.followups:
        for party in point.responsible:
            assert unicodedata.is_normalized("NFC", party)
            assert not characters.FORMAT.search(party)
            assert not characters.is_blank(party)
    assert data.followups[0].responsible[0] == unicodedata.normalize("NFC", name).strip()


@SETTINGS
@given(st.text(max_size=70))
def test_the_edit_commands_and_the_validator_agree_on_ids(text: str) -> None:
    """An id the commands accept is one the validator accepts, and the other way round."""
    for kind in (
        schema.Id(),
        schema.Id(file_name=True),
        schema.Id(file_name=True, publishing=True),
    ):
        problem = kinds.id_problem(text, "id", kind)
        checker = validate.Checker()
        value = checker.check_scalar(
            Scalar(text, Position("f.yaml", 1, 1), plain=False), kind, "", "id"
        )
        if problem is None:
            assert value == text and not checker.problems
        else:
            # Format characters are refused by the loader, where they stand, and
            # left out of the value checked here.
            assert (
                value is validate.INVALID
                or text != text.strip()
                or characters.without_format(text) != text
            )


def _write(folder: Path, followups: str) -> Sources:
    return write_files(folder, followups)


# --- Personal data is found however it is written

FORMAT_CHARACTERS = st.sampled_from(["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200c", "\u200d"])
SEPARATORS = st.sampled_from(
    [" ", "  ", "\u00a0", "\u202f", "\u2009", "-", "\u2011", "\u2013", "\u2212", ".", " - "]
)
CONTEXT = st.sampled_from(["", "Kontakt", "Ring", "Skriv til", "Se", "Saken gjelder", "Hei,"])
ENDING = st.sampled_from(["", ".", ",", " i dag.", " eller her", "!"])
PHONE_SHAPES = st.sampled_from([(8,), (2, 2, 2, 2), (3, 2, 3), (4, 4), (2, 2, 4), (4, 2, 2)])


@st.composite
def _phone(draw: Any) -> list[str]:
    """A Norwegian phone number in one of the groupings people use, as its groups."""
    digits = draw(st.sampled_from("23456789")) + "".join(
        draw(st.lists(st.sampled_from("0123456789"), min_size=7, max_size=7))
    )
    shape = draw(PHONE_SHAPES)
    groups, at = [], 0
    for size in shape:
        groups.append(digits[at : at + size])
        at += size
    return groups


@st.composite
def _identity_number(draw: Any) -> list[str]:
    from .test_privacy import valid_numbers

    number = draw(st.sampled_from(valid_numbers(30) + valid_numbers(10, d_number=True)))
    shape = draw(st.sampled_from([(11,), (6, 5), (2, 2, 2, 5)]))
    groups, at = [], 0
    for size in shape:
        groups.append(number[at : at + size])
        at += size
    return groups


def _with_marks(text: str, marks: list[tuple[int, str]]) -> str:
    """``text`` with invisible format characters put in at the given places."""
    for place, mark in sorted(marks, reverse=True):
        at = place % (len(text) + 1)
        text = text[:at] + mark + text[at:]
    return text


@SETTINGS
@given(
    st.one_of(_phone(), _identity_number()),
    SEPARATORS,
    SEPARATORS,
    st.lists(st.tuples(st.integers(0, 40), FORMAT_CHARACTERS), max_size=4),
    CONTEXT,
    ENDING,
)
def test_a_number_found_is_found_with_other_separators_and_invisible_characters(
    groups: list[str],
    first: str,
    second: str,
    marks: list[tuple[int, str]],
    before: str,
    after: str,
) -> None:
    written = " ".join(groups)
    found = list(privacy.scan(f"{before} {written}{after}"))
    assume(len(found) == 1)
    (original,) = found
    assert original.value == written
    # Any one common separator between the groups (an identity number may mix them).
    mixed = second if len("".join(groups)) == 11 else first
    separated = first.join(groups[:2]) + "".join(mixed + g for g in groups[2:])
    variant = _with_marks(separated, marks)
    again = list(privacy.scan(f"{before} {variant}{after}"))
    assert [(f.kind, privacy.normalise(f.value)) for f in again] == [
        (original.kind, privacy.normalise(original.value))
    ], variant
    edges = " \u200b\u00ad\u2060\ufeff\u200c\u200d"
    assert again[0].value.strip(edges) == variant.strip(edges), "the value as written is named"


EMAIL_AT = st.sampled_from(["@", " @ ", " (at) ", "[at]", " at ", "(a)", "＠", "{at}", " [ at ] "])
EMAIL_DOT = st.sampled_from([".", " (dot) ", "[dot]", "．", " [punktum] "])


@SETTINGS
@given(
    st.sampled_from(["ola", "ola.nordmann", "kari_n", "per-olav", "o.nordmann2"]),
    st.sampled_from(["politiet.no", "oslo.kommune.no", "example.org"]),
    EMAIL_AT,
    EMAIL_DOT,
    st.lists(st.tuples(st.integers(0, 40), FORMAT_CHARACTERS), max_size=3),
    CONTEXT,
    ENDING,
)
def test_an_address_is_found_however_its_at_and_dots_are_written(
    local: str,
    domain: str,
    at: str,
    dot: str,
    marks: list[tuple[int, str]],
    before: str,
    after: str,
) -> None:
    written = _with_marks(local + at + domain.replace(".", dot), marks)
    found = list(privacy.scan(f"{before} {written}{after}"))
    assert [(f.kind, privacy.normalise(f.value)) for f in found] == [
        ("e-postadresse", f"{local}@{domain}")
    ], written
