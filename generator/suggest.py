"""'Did you mean ...?' for misspelt words, in one place."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word``, if any is close enough to be a typo."""
    options = list(candidates)
    lowered = {c.lower(): c for c in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A sentence suggesting the closest candidate, or an empty string."""
    guess = closest(word, candidates)
    return f" Mente du «{guess}»?" if guess else ""


def listing(values: Iterable[str], last: str = "og") -> str:
    """Values joined the Norwegian way: «a», «b» og «c» (or «eller» for ``last``)."""
    quoted = [f"«{v}»" for v in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" {last} " + quoted[-1]
