"""Every page has one address, the same whatever order the data is written in,
and no two pages (made or hand-written) share one."""

from __future__ import annotations

from pathlib import Path

from generator import listings
from generator.pipeline import load_dataset

from .datafiles import FOLLOWUPS, replace_once, write_files


def _party_pages(folder: Path, followups: str) -> dict[str, str]:
    data = load_dataset(write_files(folder, followups)).data
    return {p.name: listings.responsible_page(p) for p in listings.responsible_parties(data)}


def test_reordering_points_never_moves_a_partys_page(tmp_path: Path) -> None:
    """«Oslo kommune» and «Oslo/kommune» make the same slug; which one was
    mentioned first must not decide which page is whose."""
    text = replace_once(FOLLOWUPS, "responsible: [Kommunen]", "responsible: [Oslo kommune]")
    text = replace_once(text, "responsible: [Politiet]", "responsible: [Oslo/kommune]")
    first = _party_pages(tmp_path, text)
    swapped = text.replace("[Oslo kommune]", "[X]").replace("[Oslo/kommune]", "[Oslo kommune]")
    second = _party_pages(tmp_path, swapped.replace("[X]", "[Oslo/kommune]"))
    assert list(first) == ["Oslo kommune", "Oslo/kommune"]
    assert list(second) == ["Oslo/kommune", "Oslo kommune"]
    assert first == second
    assert first["Oslo kommune"] != first["Oslo/kommune"]
    for page in first.values():
        assert page.startswith(f"{listings.FOLDER}/ansvarlig-oslo-kommune-"), page


def test_a_name_no_other_shares_keeps_its_plain_slug() -> None:
    assert listings.party_slugs(["Oslo kommune", "Oslo politidistrikt"]) == {
        "Oslo kommune": "oslo-kommune",
        "Oslo politidistrikt": "oslo-politidistrikt",
    }


def test_a_plain_slug_never_equals_a_hashed_one() -> None:
    names = ["A", "a"]
    hashed = listings.party_slugs(names)
    lookalike = next(iter(v for v in hashed.values())).upper().replace("-", " ")
    slugs = listings.party_slugs([*names, lookalike])
    assert len(set(slugs.values())) == 3
    assert listings.party_slugs([lookalike, *reversed(names)]) == slugs
