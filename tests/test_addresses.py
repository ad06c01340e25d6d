"""Every page has one address, the same whatever order the data is written in,
and no two pages (made or hand-written) share one."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data.problems import DataError
from generator.site import selections
from generator.site.addresses import BOKMAL
from generator.site.build import load_dataset

from .conftest import copy_project, run_generator
from .datafiles import FOLLOWUPS, replace_once, write_files


def _party_pages(folder: Path, followups: str) -> dict[str, str]:
    data = load_dataset(write_files(folder, followups)).data
    return {p.name: selections.responsible_page(p) for p in selections.responsible_parties(data)}


def test_reordering_points_never_moves_a_partys_page(tmp_path: Path) -> None:
    """«Oslo kommune» and «Oslo kommunë» make the same slug; which one was
    mentioned first must not decide which page is whose. (Names that differ
    only in case, spacing or punctuation are refused by the validator.)"""
    text = replace_once(FOLLOWUPS, "responsible: [Kommunen]", "responsible: [Oslo kommune]")
    text = replace_once(text, "responsible: [Politiet]", "responsible: [Oslo kommunë]")
    first = _party_pages(tmp_path, text)
    swapped = text.replace("[Oslo kommune]", "[X]").replace("[Oslo kommunë]", "[Oslo kommune]")
    second = _party_pages(tmp_path, swapped.replace("[X]", "[Oslo kommunë]"))
    assert list(first) == ["Oslo kommune", "Oslo kommunë"]
    assert list(second) == ["Oslo kommunë", "Oslo kommune"]
    assert first == second
    assert first["Oslo kommune"] != first["Oslo kommunë"]
    for page in first.values():
        assert page.startswith(f"{BOKMAL.selections_folder}/ansvarlig-oslo-kommune-"), page


def test_a_name_no_other_shares_keeps_its_plain_slug() -> None:
    assert selections.party_slugs(["Oslo kommune", "Oslo politidistrikt"]) == {
        "Oslo kommune": "oslo-kommune",
        "Oslo politidistrikt": "oslo-politidistrikt",
    }


def test_a_plain_slug_never_equals_a_hashed_one() -> None:
    names = ["A", "a"]
    hashed = selections.party_slugs(names)
    lookalike = next(iter(v for v in hashed.values())).upper().replace("-", " ")
    slugs = selections.party_slugs([*names, lookalike])
    assert len(set(slugs.values())) == 3
    assert selections.party_slugs([lookalike, *reversed(names)]) == slugs


def _point_id_problem(tmp_path: Path, point_id: str) -> list[str]:
    text = replace_once(FOLLOWUPS, 'id: "2025-2"', f'id: "{point_id}"')
    sources = write_files(tmp_path, text)
    with pytest.raises(DataError) as refused:
        load_dataset(sources)
    return [str(p) for p in refused.value.problems]


def test_a_point_id_that_is_the_overviews_address_is_refused(tmp_path: Path) -> None:
    assert _point_id_problem(tmp_path, "index") == [
        "followups.yaml:24:9: feil: Oppfølgingspunkt «index»: id-en gir "
        "punktets side adressen «oppfolgingspunkter/», som oversikten over alle "
        "oppfølgingspunktene har. Velg en annen id, for eksempel et løpenummer som «2026-3»."
    ]


def test_a_point_id_that_is_the_selections_folder_is_refused(tmp_path: Path) -> None:
    assert _point_id_problem(tmp_path, "utvalg") == [
        "followups.yaml:24:9: feil: Oppfølgingspunkt «utvalg»: id-en gir "
        "punktets side adressen «oppfolgingspunkter/utvalg/», som utvalgene og sorteringene "
        "av oppfølgingspunktene har. Velg en annen id, for eksempel et løpenummer som «2026-3»."
    ]


SAME = "og ville skjult den eller blitt skjult selv. Gi filen et annet navn."


@pytest.mark.slow
@pytest.mark.parametrize(
    "files,messages",
    [
        (
            ["oppfolgingspunkter.md"],
            [
                "content/oppfolgingspunkter.md får samme adresse på nettstedet "
                "(«oppfolgingspunkter/») som oversikten over alle oppfølgingspunktene, som lages "
                f"fra datafilene, {SAME}"
            ],
        ),
        (
            ["rapport.md", "endringer/index.md"],
            [
                "content/endringer/index.md får samme adresse på nettstedet («endringer/») som "
                f"siden «Endringer», som lages fra datafilene, {SAME}",
                "content/rapport.md får samme adresse på nettstedet («rapport/») som rapporten, "
                f"som lages fra datafilene, {SAME}",
            ],
        ),
        (
            ["oppfolgingspunkter/2025-3.md"],
            [
                "content/oppfolgingspunkter/2025-3.md får samme adresse på nettstedet "
                "(«oppfolgingspunkter/2025-3/») som siden for oppfølgingspunkt «2025-3», som "
                f"lages fra datafilene, {SAME}"
            ],
        ),
        (
            ["endringer.xml"],
            [
                "content/endringer.xml får samme adresse på nettstedet («endringer.xml») som "
                f"nedlastingsfilen som lages fra datafilene, {SAME}"
            ],
        ),
        (
            ["data/ekstra.csv"],
            [
                "content/data/ekstra.csv ligger i mappen «data/», som er satt av til "
                "nedlastingsfilene (åpne data). Flytt filen til en annen mappe i content/."
            ],
        ),
        (
            ["rapport/vedlegg.pdf"],
            [
                "content/rapport/vedlegg.pdf ligger i mappen «rapport/», som er satt av til "
                "rapporten og PDF-en av den. Flytt filen til en annen mappe i content/."
            ],
        ),
        (
            ["javascripts/point-filter.js"],
            [
                "content/javascripts/point-filter.js får samme adresse på nettstedet "
                "(«javascripts/point-filter.js») som en fil som følger med utseendet til "
                f"nettstedet, {SAME}"
            ],
        ),
        (
            ["sitemap.xml"],
            [
                "content/sitemap.xml får samme adresse på nettstedet («sitemap.xml») som "
                f"oversikten over sidene som MkDocs lager for søkemotorer, {SAME}"
            ],
        ),
        (
            ["om.md", "om/index.md"],
            [
                "content/om.md og content/om/index.md får samme adresse på nettstedet («om/»), "
                "så bare den ene kan vises. Gi den ene et annet navn, eller slett den."
            ],
        ),
    ],
)
def test_a_hand_written_file_at_an_address_in_use_stops_the_build(
    tmp_path: Path, files: list[str], messages: list[str]
) -> None:
    project = copy_project(tmp_path)
    for name in files:
        path = project / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text("# Håndskrevet\n", encoding="utf-8")
    result = run_generator("site", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert (
        "Noen filer i content/ har samme adresse som noe annet på nettstedet:\n"
        + "".join(f"  {m}\n" for m in messages)
    ) in output
    assert not (project / "site").exists()
