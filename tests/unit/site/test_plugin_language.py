"""The plugin reads council.language without loading the whole data file."""

from __future__ import annotations

import pytest
import yaml

from generator.site.plugin import _council_language
from tests.conftest import OSLO

DOCUMENTS = [
    "council:\n  name: Rådet\n  language: nn\nfollowups: []\n",
    "council:\n  name: Rådet\nfollowups: []\n",
    "editions: [{id: a, title: b}]\ncouncil: {name: R, members: [a, b], language: nb}\n",
    "council:\n  members:\n    - language: en\n  language: nn\n",
    "followups:\n  - council:\n      language: en\ncouncil:\n  name: x\n",
    "language: en\ncouncil:\n  name: x\n",
    "council: &c\n  language: nn\nother: *c\n",
    "- council:\n    language: nn\n",
    "council:\n  language:\n    - nn\n",
    "",
]


def _expected(text: str) -> object:
    tree = yaml.safe_load(text)
    council = tree.get("council") if isinstance(tree, dict) else None
    return council.get("language") if isinstance(council, dict) else None


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_same_as_loading_the_whole_file(text: str) -> None:
    expected = _expected(text)
    assert _council_language(text) == (expected if isinstance(expected, str) else None)


def test_the_oslo_fixture() -> None:
    text = (OSLO / "followups.yaml").read_text(encoding="utf-8")
    assert _council_language(text) == _expected(text)


def test_a_key_that_is_a_list_does_not_lose_the_place() -> None:
    # Not loadable as a whole (the validator reports the key); the language still is.
    assert _council_language("council:\n  ? [a, b]\n  : c\n  language: nn\n") == "nn"
