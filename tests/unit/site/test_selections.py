"""generator/site/selections.py: the overview's other orders and selections."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest

from generator import words
from generator.data.schema import STATES
from generator.site import selections
from generator.site.addresses import BOKMAL
from generator.site.build import Sources, load_dataset
from tests.conftest import OSLO


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Oslo politidistrikt", "oslo-politidistrikt"),
        ("Bydel Grünerløkka/Sagene", "bydel-grunerlokka-sagene"),
        ("Æøå ÆØÅ", "aeoa-aeoa"),
        ("  -Kommune (Oslo)- ", "kommune-oslo"),
        ("!!!", "x"),  # nothing readable is left: still a file name
        ("", "x"),
    ],
)
def test_slug_is_a_readable_ascii_file_name_part(text: str, expected: str) -> None:
    assert selections.slug(text) == expected


def test_a_long_slug_is_cut_at_a_word_boundary() -> None:
    assert selections.slug("ord " * 30) == "-".join(["ord"] * 20)  # 79 characters
    assert selections.slug("a" * 100) == "a" * selections.SLUG_LENGTH  # no boundary to cut at


def _hash(name: str, length: int = selections.HASH_LENGTH) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:length]


def test_a_name_whose_slug_no_other_shares_gets_the_plain_slug() -> None:
    assert selections.party_slugs(["Oslo kommune", "Oslo politidistrikt"]) == {
        "Oslo kommune": "oslo-kommune",
        "Oslo politidistrikt": "oslo-politidistrikt",
    }


def test_names_that_share_a_slug_each_get_a_hash_of_their_text() -> None:
    slugs = selections.party_slugs(["A/B", "A B", "C"])
    assert slugs == {"A/B": f"a-b-{_hash('A/B')}", "A B": f"a-b-{_hash('A B')}", "C": "c"}


def test_the_slugs_depend_on_the_set_of_names_not_their_order() -> None:
    forward = selections.party_slugs(["A/B", "A B", "C"])
    backward = selections.party_slugs(["C", "A B", "A/B", "C"])
    assert backward == forward
    assert list(backward) == ["C", "A B", "A/B"]  # in order of first mention, once each


def test_a_plain_slug_that_looks_like_a_hashed_one_gets_a_longer_hash() -> None:
    lookalike = f"A B {_hash('A/B')}"
    slugs = selections.party_slugs(["A/B", "A B", lookalike])
    assert slugs[lookalike] == f"a-b-{_hash('A/B')}-{_hash(lookalike, 8)}"
    assert len(set(slugs.values())) == 3


@dataclass(frozen=True)
class _Point:
    """What sorting reads from a follow-up point."""

    title: str
    current: Any


def _point(title: str, state: str | None = None, date: str = "2026-01-30") -> _Point:
    if state is None:
        return _Point(title, None)
    edition = SimpleNamespace(date=dt.date.fromisoformat(date))
    return _Point(title, SimpleNamespace(state=state, edition=edition))


POINTS = (
    _point("beta", "fullført", "2025-06-01"),
    _point("Alfa", "pågår", "2026-01-30"),
    _point("gamma"),  # no status yet
    _point("Delta", "planlagt", "2026-01-30"),
    _point("alfa", "pågår", "2025-01-01"),
)


def _titles(key: str) -> list[str]:
    return [p.title for p in selections.sort_points(POINTS, key)]  # type: ignore[arg-type]


def test_the_overviews_own_order_is_kept() -> None:
    assert _titles("number") == ["beta", "Alfa", "gamma", "Delta", "alfa"]


def test_by_title_ignores_case_and_keeps_ties_in_overview_order() -> None:
    assert _titles("title") == ["Alfa", "alfa", "beta", "Delta", "gamma"]


def test_by_state_follows_the_schemas_order_with_no_status_last() -> None:
    assert list(STATES)[:3] == ["planlagt", "pågår", "løpende"]
    assert _titles("state") == ["Delta", "Alfa", "alfa", "beta", "gamma"]


def test_by_date_is_newest_first_with_no_status_last() -> None:
    assert _titles("date") == ["Alfa", "Delta", "beta", "alfa", "gamma"]


def test_every_sort_key_is_named_and_the_overview_is_number_order() -> None:
    assert list(selections.SORT_KEYS) == ["number", "title", "state", "date"]
    assert selections.sort_page("number") == BOKMAL.overview
    assert [selections.sort_page(key) for key in selections.SORT_KEYS[1:]] == [
        BOKMAL.sorted_page(name) for name in ("tittel", "tilstand", "dato")
    ]


@pytest.fixture(scope="module")
def oslo() -> Any:
    return load_dataset(Sources.in_folder(OSLO)).data


def test_listings_start_with_the_overview_then_orders_states_seminars_parties(
    oslo: Any,
) -> None:
    pages = selections.listings(oslo)
    parties = selections.responsible_parties(oslo)
    expected = (
        [(selections.sort_page(key), key, None) for key in selections.SORT_KEYS]
        + [(selections.state_page(s), "number", f"tilstand «{s}»") for s in STATES]
        + [(selections.seminar_page(s.id), "number", f"seminar «{s.title}»") for s in oslo.seminars]
        + [(selections.responsible_page(p), "number", f"ansvarlig «{p.name}»") for p in parties]
    )
    assert [(page.path, page.sort, page.selection) for page in pages] == expected
    assert pages[0].path == BOKMAL.overview
    assert pages[0].points == oslo.followups
    assert len({page.path for page in pages}) == len(pages)


def test_a_selection_holds_exactly_its_points_in_overview_order(oslo: Any) -> None:
    for page in selections.listings(oslo):
        if page.selection is None:
            assert sorted(p.id for p in page.points) == sorted(p.id for p in oslo.followups)
            continue
        what, _, value = page.selection.partition(" ")
        name = value.strip("«»")
        expected = tuple(
            p
            for p in oslo.followups
            if (what == "tilstand" and p.current is not None and p.current.state == name)
            or (what == "ansvarlig" and name in p.responsible)
            or (what == "seminar" and p in oslo.followups_of(_seminar(oslo, name)))
        )
        assert page.points == expected, page.path
        assert page.title == f"Oppfølgingspunkter: {name}"


def _seminar(data: Any, title: str) -> Any:
    (seminar,) = [s for s in data.seminars if s.title == title]
    return seminar


def test_responsible_parties_are_in_order_of_first_mention(oslo: Any) -> None:
    names = list(dict.fromkeys(n for p in oslo.followups for n in p.responsible))
    parties = selections.responsible_parties(oslo)
    assert [party.name for party in parties] == names
    assert [party.slug for party in parties] == [selections.slug(n) for n in names]


def _navigation(data: Any, listing: selections.Listing) -> dict[str, selections.Facet]:
    parties = selections.responsible_parties(data)
    facets = selections.navigation(listing, data, parties, BOKMAL, words.of())
    return {facet.name: facet for facet in facets}


def test_only_the_overview_lists_every_seminar_and_responsible_party(oslo: Any) -> None:
    pages = selections.listings(oslo)
    overview = _navigation(oslo, pages[0])
    assert [c.page for c in overview["seminar"].choices] == [
        selections.seminar_page(s.id) for s in oslo.seminars
    ]
    assert [c.text for c in overview["responsible"].choices] == [
        p.name for p in selections.responsible_parties(oslo)
    ]
    assert overview["seminar"].anchor == "velg-seminar"
    assert overview["responsible"].anchor == "velg-ansvarlig"
    for page in pages[1:]:
        nav = _navigation(oslo, page)
        for name in selections.LONG_FACETS:
            *own, back = nav[name].choices
            assert (back.page, back.fragment) == (BOKMAL.overview, overview[name].anchor)
            assert not back.current and nav[name].anchor == ""
            assert [c.page for c in own] == ([page.path] if page.facet == name else [])


def test_every_listing_links_each_order_and_state_and_marks_its_own(oslo: Any) -> None:
    for page in selections.listings(oslo):
        nav = _navigation(oslo, page)
        assert list(nav) == ["sort", *selections.FACETS]
        assert [c.page for c in nav["sort"].choices] == [
            selections.sort_page(key) for key in selections.SORT_KEYS
        ]
        assert [c.page for c in nav["state"].choices] == [selections.state_page(s) for s in STATES]
        current = [c.page for facet in nav.values() for c in facet.choices if c.current]
        assert current == [page.path], page.path


def test_a_listings_links_do_not_grow_with_the_seminars_and_parties(oslo: Any) -> None:
    """What repeated every seminar on every selection page grew as seminars x pages."""
    fixed = len(selections.SORT_KEYS) + len(STATES) + len(selections.LONG_FACETS)
    for page in selections.listings(oslo)[1:]:
        links = sum(len(f.choices) for f in _navigation(oslo, page).values())
        assert links == fixed + (page.facet in selections.LONG_FACETS), page.path
