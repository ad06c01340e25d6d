"""bench/copies.py counts what the listing pages of a built site hold
(bench/README.md, "Issue 14: fewer copies of the table")."""

from __future__ import annotations

from pathlib import Path

from bench import copies
from generator.data.schema import STATES
from generator.site import selections
from generator.site.build import Sources, load_dataset


def test_copies_counts_pages_rows_and_links_of_a_built_site(built_site: Path) -> None:
    project = built_site.parent
    data = load_dataset(Sources.in_folder(project)).data
    parties = selections.responsible_parties(data)
    counted = copies.measure(project)
    kinds = counted.kinds
    assert counted.points == len(data.followups)
    assert {name: kind.pages for name, kind in kinds.items()} == {
        "overview": 1,
        "sort": len(selections.SORT_KEYS) - 1,
        "state": len(STATES),
        "seminar": len(data.seminars),
        "responsible": len(parties),
    }
    assert kinds["overview"].rows == kinds["sort"].rows / 3 == len(data.followups)
    with_status = sum(p.current is not None for p in data.followups)
    assert kinds["state"].rows == with_status
    assert kinds["responsible"].rows == sum(len(p.responsible) for p in data.followups)
    # Only the overview lists every seminar and party; its own order is not a link.
    assert kinds["overview"].nav_links == 3 + len(STATES) + len(data.seminars) + len(parties)
    assert max(k.most_nav_links for name, k in kinds.items() if name != "overview") <= 11
    assert copies.table(counted).startswith(f"{len(data.followups)} points")
