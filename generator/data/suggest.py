"""'Did you mean ...?' for misspelt words, and quoting values in messages, in one place."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from generator.data.characters import visible

_PUNCTUATION = re.compile(r"[\W_]+")

SHOWN_LENGTH = 80
"""Longer values are shortened when quoted in a message: a pasted 16 MB key
would otherwise make a 16 MB line."""


def normalised(name: str) -> str:
    """``name`` compared the tolerant way: case, spacing and punctuation ignored.

    «Oslo Kommune», «oslo  kommune» and «Oslo-kommune» are all «oslo kommune».
    """
    return " ".join(_PUNCTUATION.sub(" ", name.casefold()).split())


class Index:
    """Candidates prepared once, so each lookup of a near miss costs little."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.lowered: dict[str, str] = {}
        self.tolerant: dict[str, str] = {}
        for candidate in candidates:
            self.lowered.setdefault(candidate.lower(), candidate)
            self.tolerant.setdefault(normalised(candidate), candidate)


class Budget:
    """How many fuzzy comparisons one run may still make.

    difflib compares a word with every candidate: a file with a hundred
    thousand misspelt keys, or references to one of twenty thousand ids,
    would take minutes. Past the budget only the cheap suggestions (the same
    word in other case, spacing or punctuation) are offered; a file that
    size has more to fix than spelling.
    """

    def __init__(self, comparisons: int = 50_000) -> None:
        self.left = comparisons

    def spend(self, comparisons: int) -> bool:
        if comparisons > self.left:
            self.left = 0
            return False
        self.left -= comparisons
        return True


def closest(
    word: str, candidates: Iterable[str] | Index, budget: Budget | None = None
) -> str | None:
    """The candidate most like ``word``, if any is close enough to be a typo."""
    index = candidates if isinstance(candidates, Index) else Index(candidates)
    lowered = word.lower()
    exact = index.lowered.get(lowered) or index.tolerant.get(normalised(word))
    if exact is not None:
        return exact
    if budget is not None and not budget.spend(len(index.lowered)):
        return None
    match = difflib.get_close_matches(lowered, list(index.lowered), n=1, cutoff=0.6)
    return index.lowered[match[0]] if match else None


def did_you_mean(word: str, candidates: Iterable[str] | Index, budget: Budget | None = None) -> str:
    """A sentence suggesting the closest candidate, or an empty string."""
    guess = closest(word, candidates, budget)
    return f" Mente du «{guess}»?" if guess else ""


def shown(value: str) -> str:
    """``value`` as a message quotes it: every character visible, and not too long."""
    if len(value) > SHOWN_LENGTH:
        count = f"{len(value):,}".replace(",", " ")
        value = f"{value[: SHOWN_LENGTH - 20]}… ({count} tegn)"
    return visible(value)


def count(n: int, one: str, many: str) -> str:
    """A number with its noun in the right form: «1 punkt», «2 punkter»."""
    return f"{n} {one if n == 1 else many}"


def quoted_series(values: Iterable[str], last: str = "og") -> str:
    """Values joined the Norwegian way: «a», «b» og «c» (or «eller» for ``last``)."""
    quoted = [f"«{v}»" for v in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" {last} " + quoted[-1]
