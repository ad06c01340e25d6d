"""generator/data/suggest.py: near misses, and values as messages quote them."""

from __future__ import annotations

import pytest

from generator.data import suggest

FIELDS = ["title", "state", "date", "responsible"]


@pytest.mark.parametrize(
    "name",
    ["Oslo Kommune", "oslo  kommune", "Oslo-kommune", " OSLO_kommune. ", "oslo/kommune"],
)
def test_normalised_ignores_case_spacing_and_punctuation(name: str) -> None:
    assert suggest.normalised(name) == "oslo kommune"


def test_normalised_keeps_letters_digits_and_word_order() -> None:
    assert suggest.normalised("Bydel 1 Øst") == "bydel 1 øst"
    assert suggest.normalised("kommune Oslo") != suggest.normalised("Oslo kommune")


@pytest.mark.parametrize(
    "word,expected",
    [
        ("titel", "title"),  # a typo
        ("TITLE", "title"),  # another case: the candidate as written
        ("respnsible", "responsible"),
        ("xyz", None),  # nothing close
        ("", None),
    ],
)
def test_closest_is_the_candidate_a_typo_was_meant_to_be(word: str, expected: str | None) -> None:
    assert suggest.closest(word, FIELDS) == expected


def test_closest_tolerates_punctuation_and_returns_the_candidate_as_written() -> None:
    assert suggest.closest("oslo-kommune", ["Oslo kommune", "Bergen kommune"]) == "Oslo kommune"


def test_the_first_of_two_candidates_alike_in_case_wins() -> None:
    assert suggest.closest("STATE", ["State", "state"]) == "State"


def test_an_index_answers_like_the_candidates_it_was_made_from() -> None:
    index = suggest.Index(FIELDS)
    for word in ("titel", "TITLE", "xyz", "dato"):
        assert suggest.closest(word, index) == suggest.closest(word, FIELDS)


def test_a_budget_counts_down_and_refuses_what_it_cannot_pay() -> None:
    budget = suggest.Budget(5)
    assert budget.spend(3) is True
    assert budget.left == 2
    assert budget.spend(3) is False
    assert budget.left == 0  # once spent past, nothing more is compared
    assert budget.spend(0) is True
    assert budget.spend(1) is False


def test_past_the_budget_only_the_cheap_suggestions_are_made() -> None:
    empty = suggest.Budget(0)
    assert suggest.closest("titel", FIELDS, empty) is None  # would need difflib
    assert suggest.closest("TITLE", FIELDS, empty) == "title"  # same word, other case
    assert suggest.closest("state.", FIELDS, empty) == "state"  # same word, punctuation


def test_a_fuzzy_lookup_spends_one_comparison_per_candidate() -> None:
    budget = suggest.Budget(10)
    assert suggest.closest("titel", FIELDS, budget) == "title"
    assert budget.left == 10 - len(FIELDS)


def test_did_you_mean_is_a_norwegian_sentence_or_nothing() -> None:
    assert suggest.did_you_mean("titel", FIELDS) == " Mente du «title»?"
    assert suggest.did_you_mean("xyz", FIELDS) == ""


def test_shown_leaves_a_short_value_as_it_is() -> None:
    assert suggest.shown("Oslo kommune") == "Oslo kommune"
    assert suggest.shown("a" * suggest.SHOWN_LENGTH) == "a" * suggest.SHOWN_LENGTH


def test_shown_shortens_a_long_value_and_says_how_long_it_was() -> None:
    assert suggest.shown("a" * 81) == "a" * 60 + "… (81 tegn)"
    # Thousands are grouped with a space, the Norwegian way.
    assert suggest.shown("x" * 16_000) == "x" * 60 + "… (16 000 tegn)"
    assert suggest.shown("x" * 1_234_567).endswith("… (1 234 567 tegn)")


def test_shown_makes_every_character_visible() -> None:
    assert suggest.shown("a\nb") == "a\\nb"
    assert suggest.shown("a\u200bb") == "a\\u200bb"
    assert suggest.shown("::error") == "::error"  # visible already; lines are problem_text's job


@pytest.mark.parametrize(
    "n,expected", [(0, "0 punkter"), (1, "1 punkt"), (2, "2 punkter"), (-1, "-1 punkter")]
)
def test_count_uses_the_singular_only_for_one(n: int, expected: str) -> None:
    assert suggest.count(n, "punkt", "punkter") == expected


@pytest.mark.parametrize(
    "values,last,expected",
    [
        ([], "og", ""),
        (["a"], "og", "«a»"),
        (["a", "b"], "og", "«a» og «b»"),
        (["a", "b", "c"], "og", "«a», «b» og «c»"),
        (["a", "b", "c"], "eller", "«a», «b» eller «c»"),
    ],
)
def test_listing_joins_the_norwegian_way(values: list[str], last: str, expected: str) -> None:
    assert suggest.quoted_series(values, last) == expected


def test_listing_accepts_any_iterable() -> None:
    assert suggest.quoted_series(v for v in ("x", "y")) == "«x» og «y»"
