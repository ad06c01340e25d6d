"""Every validation rule, with the exact message a secretariat member reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import Sources, load_dataset
from generator.problems import DataError
from tests.datafiles import FOLLOWUPS as F
from tests.datafiles import IPO as I
from tests.datafiles import replace_once as r
from tests.datafiles import write_files

STATES = "Gyldige verdier: «planlagt», «pågår», «løpende», «fullført» og «avsluttet»."
DATE_HINT = "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-30."

CASES = {
    "state misspelt": (
        r(F, "state: pågår", "state: pågar"),
        I,
        f"followups.yaml:21:16: feil: Oppfølgingspunkt «2025-1», status «2026-01»: «pågar» er ikke en gyldig tilstand. Mente du «pågår»? {STATES}",
    ),
    "state no stays a word": (
        r(F, "state: pågår", "state: no"),
        I,
        f"followups.yaml:21:16: feil: Oppfølgingspunkt «2025-1», status «2026-01»: «no» er ikke en gyldig tilstand. {STATES}",
    ),
    "unknown key": (
        r(F, "    title: Andre punkt", "    titel: Andre punkt"),
        I,
        "followups.yaml:27:5: feil: Oppfølgingspunkt «2025-2»: ukjent felt «titel». Mente du «title»? Felt som er lov her: «id», «seminar», «number», «title», «description», «responsible», «tags», «deadline» og «statuses».",
    ),
    "missing required field": (
        r(F, "    responsible: [Politiet]\n", ""),
        I,
        "followups.yaml:24:5: feil: Oppfølgingspunkt «2025-2»: mangler feltet «responsible». Hvem som har ansvaret for å følge opp punktet, for eksempel kommunen og politidistriktet, som en liste: [A, B].",
    ),
    "empty required field": (
        r(F, "    title: Andre punkt", "    title:"),
        I,
        "followups.yaml:27:11: feil: Oppfølgingspunkt «2025-2»: feltet «title» er tomt. Skriv inn en verdi: kort tittel som vises i lister og oversikter.",
    ),
    "blank text": (
        r(F, "    title: Andre punkt", '    title: "  "'),
        I,
        "followups.yaml:27:12: feil: Oppfølgingspunkt «2025-2»: feltet «title» er tomt. Skriv inn en verdi.",
    ),
    "list where text belongs": (
        r(F, "    title: Andre punkt", "    title: [a, b]"),
        I,
        'followups.yaml:27:12: feil: Oppfølgingspunkt «2025-2»: «title» skal være en tekst, ikke en liste. Skriv verdien rett etter kolonet på samme linje; begynner den med [ eller {, eller inneholder den «: », sett hele verdien i anførselstegn ("...").',
    ),
    "text where list belongs": (
        r(F, "    responsible: [Politiet]", "    responsible: Politiet"),
        I,
        "followups.yaml:29:18: feil: Oppfølgingspunkt «2025-2»: «responsible» skal være en liste (linjer som starter med «- », eller [a, b]), ikke en enkel verdi.",
    ),
    "empty list that needs an item": (
        r(F, "    responsible: [Politiet]", "    responsible: []"),
        I,
        "followups.yaml:29:18: feil: Oppfølgingspunkt «2025-2»: «responsible» må ha minst 1 element.",
    ),
    "impossible date": (
        r(F, "    date: 2026-01-30", "    date: 2026-02-30"),
        I,
        f"followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «2026-02-30» i «date» er ikke en dato som finnes: februar 2026 har bare 28 dager. {DATE_HINT}",
    ),
    "month 13": (
        r(F, "    date: 2026-01-30", "    date: 2026-13-01"),
        I,
        f"followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «2026-13-01» i «date» er ikke en dato som finnes: måned 13 finnes ikke (måneden står i midten og går fra 01 til 12). {DATE_HINT}",
    ),
    "Norwegian date order": (
        r(F, "    date: 2026-01-30", "    date: 15.01.2026"),
        I,
        f"followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «15.01.2026» i «date» er ikke en gyldig dato. Mente du 2026-01-15? {DATE_HINT}",
    ),
    "date without leading zeros": (
        r(F, "    date: 2026-01-30", "    date: 2026-1-5"),
        I,
        f"followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «2026-1-5» i «date» er ikke en gyldig dato. Mente du 2026-01-05? {DATE_HINT}",
    ),
    "month only": (
        r(F, "    date: 2026-01-30", "    date: 2026-01"),
        I,
        f"followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «2026-01» i «date» mangler dag. {DATE_HINT}",
    ),
    "number that is not a number": (
        r(F, "    number: 2", "    number: to"),
        I,
        "followups.yaml:26:13: feil: Oppfølgingspunkt «2025-2»: «to» er ikke et gyldig tall i «number». Skriv et helt tall, for eksempel 1.",
    ),
    "number zero": (
        r(F, "    number: 2", "    number: 0"),
        I,
        "followups.yaml:26:13: feil: Oppfølgingspunkt «2025-2»: «number» må være mellom 1 og 1000000, ikke 0.",
    ),
    "year out of range": (
        F,
        r(I, "since: 2026", "since: 26"),
        "ipo_areas.yaml:9:12: feil: Område «Sentrum»: «since» må være mellom 1900 og 2200, ikke 26.",
    ),
    "id with a space": (
        r(F, 'id: "2025-2"', 'id: "2025 2"'),
        I,
        'followups.yaml:24:9: feil: Oppfølgingspunkt «2025 2»: «2025 2» kan ikke brukes i «id»: bruk bare små bokstaver a–z, tall og bindestrek, for eksempel "2025-1".',
    ),
    "id too long for a page address": (
        r(F, 'id: "2025-2"', 'id: "' + "a" * 65 + '"'),
        I,
        f'followups.yaml:24:9: feil: Oppfølgingspunkt «{"a" * 65}»: «id» er 65 tegn lang; en id kan være høyst 64 tegn, fordi den blir en del av sidens adresse. Bruk en kort id, for eksempel "2025-1".',
    ),
    "duplicate id": (
        r(F, 'id: "2025-2"', 'id: "2025-1"'),
        I,
        "followups.yaml:24:9: feil: Et oppfølgingspunkt med id «2025-1» finnes allerede (linje 12). Hver id skal være unik: gi dette en ny id.",
    ),
    "duplicate number in a seminar": (
        r(F, "    number: 2", "    number: 1"),
        I,
        "followups.yaml:26:13: feil: Oppfølgingspunkt «2025-2»: nummer 1 er allerede brukt i seminar «2025» (linje 14). Første ledige nummer er 2.",
    ),
    "unknown seminar": (
        r(F, '    seminar: "2025"\n    number: 2', '    seminar: "2052"\n    number: 2'),
        I,
        "followups.yaml:25:14: feil: Oppfølgingspunkt «2025-2»: «2052» i «seminar» finnes ikke under seminars. Mente du «2025»? Rett id-en, eller legg til «2052» under seminars.",
    ),
    "status for an unknown edition": (
        r(F, '      - edition: "2026-01"', '      - edition: "2026-02"'),
        I,
        "followups.yaml:20:18: feil: Oppfølgingspunkt «2025-1»: «2026-02» i «edition» finnes ikke under editions. Mente du «2026-01»? Rett id-en, eller legg til «2026-02» under editions.",
    ),
    "two statuses for one edition": (
        r(
            F,
            "          Statusen.\n",
            '          Statusen.\n      - edition: "2026-01"\n        state: pågår\n        text: x\n',
        ),
        I,
        "followups.yaml:24:18: feil: Oppfølgingspunkt «2025-1»: det finnes allerede en status for «2026-01» (linje 20). Hvert punkt skal ha én status per rapporteringsrunde: slå dem sammen.",
    ),
    "unknown unit": (
        F,
        r(I, "unit: vest", "unit: vets"),
        "ipo_areas.yaml:7:11: feil: Område «Sentrum»: «vets» i «unit» finnes ikke under units. Mente du «vest»? Rett id-en, eller legg til «vets» under units.",
    ),
    "IPO edition missing": (
        F,
        r(I, 'edition: "2026-01"', 'edition: "2025-12"'),
        "ipo_areas.yaml:1:10: feil: «2025-12» i «edition» finnes ikke under editions i followups.yaml. Mente du «2026-01»? Rett id-en, eller legg til «2025-12» under editions i followups.yaml.",
    ),
    "area status misspelt": (
        F,
        r(I, "status: ny", "status: nytt"),
        "ipo_areas.yaml:8:13: feil: Område «Sentrum»: «nytt» er ikke en gyldig områdestatus. Mente du «ny»? Gyldige verdier: «ny» og «videreført».",
    ),
    "top level is a list": (
        "- a\n",
        I,
        "followups.yaml:1:1: feil: filen skal bestå av feltene «council», «editions», «seminars» og «followups» øverst (uten innrykk), men den er en liste.",
    ),
    "duplicate key": (
        r(F, "    title: Andre punkt", "    title: Andre punkt\n    title: Igjen"),
        I,
        "followups.yaml:28:5: feil: feltet «title» står to ganger på samme nivå, på linje 27 og linje 28. YAML ville bare beholdt den siste; slett den ene, eller slå verdiene sammen.",
    ),
    "anchor and alias": (
        r(F, "  members: [Kommunen, Politiet]", "  members: [&m Kommunen, *m]"),
        I,
        "followups.yaml:3:13: feil: ankeret «&m» er ikke tillatt, og det brukes med «*m» én gang (første gang på linje 3). Ankre og referanser gjenbruker verdier; skriv hver verdi helt ut der den skal stå, og slett «&m» og hver «*m».",
    ),
    "explicit tag": (
        r(F, "    title: Andre punkt", "    title: !!python/object/apply:os.system ls"),
        I,
        "followups.yaml:27:12: feil: typemerket «!!python/object/apply:os.system» er ikke tillatt. Fjern merket (ordet som starter med !) og skriv bare verdien; alle verdier leses som tekst.",
    ),
    "tab indentation": (
        r(F, "    title: Andre punkt", "\ttitle: Andre punkt"),
        I,
        "followups.yaml:27:1: feil: YAML-syntaksfeil: tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom i stedet.",
    ),
    "second document": (
        F + "---\nmore: 1\n",
        I,
        "followups.yaml:30:1: feil: filen inneholder mer enn ett YAML-dokument (en linje med ---). Slett linjen med --- og alt som hører til det andre dokumentet, eller slå dokumentene sammen.",
    ),
    "empty file": (
        "",
        I,
        "followups.yaml:1:1: feil: filen er tom. Den skal inneholde feltene som er beskrevet i README.md.",
    ),
    "only a comment": (
        "# ingenting her\n",
        I,
        "followups.yaml:1:1: feil: filen er tom. Den skal inneholde feltene som er beskrevet i README.md.",
    ),
    "control character": (
        r(F, "    title: Andre punkt", "    title: Andre\x07punkt"),
        I,
        "followups.yaml:27:17: feil: teksten inneholder et usynlig kontrolltegn (U+0007) som ikke kan vises på nettsiden. Slett tegnet (eller \\-koden som lager det) og skriv teksten på nytt; slike tegn kommer ofte med ved innliming fra et annet program.",
    ),
    "colon in plain text": (
        r(F, "    title: Andre punkt", "    title: Merk: dette"),
        I,
        'followups.yaml:27:16: feil: YAML-syntaksfeil: et kolon (:) står et sted der YAML ikke venter det. Sett teksten i anførselstegn ("...") eller bruk | og skriv teksten på linjene under.',
    ),
}


@pytest.mark.parametrize("followups,ipo,expected", CASES.values(), ids=CASES.keys())
def test_rule_message(tmp_path: Path, followups: str, ipo: str, expected: str | list[str]) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups, ipo))
    assert [str(p) for p in caught.value.problems] == (
        expected if isinstance(expected, list) else [expected]
    )


def test_seminar_page_must_exist_in_content(tmp_path: Path) -> None:
    sources = write_files(
        tmp_path,
        r(F, "    title: Seminar 2025\n", "    title: Seminar 2025\n    page: referat.md\n"),
    )
    (tmp_path / "content").mkdir()
    sources = Sources(sources.followups, sources.ipo_areas, tmp_path, tmp_path / "content")
    with pytest.raises(DataError) as caught:
        load_dataset(sources)
    assert [str(p) for p in caught.value.problems] == [
        "followups.yaml:11:11: feil: Seminar «2025»: siden «referat.md» finnes ikke i mappen med håndskrevne sider (content/). Sjekk navnet, eller fjern feltet «page»."
    ]
    (tmp_path / "content" / "referat.md").write_text("# Referat\n", encoding="utf-8")
    assert load_dataset(sources).data.seminars[0].page == "referat.md"


def test_the_small_files_are_valid(tmp_path: Path) -> None:
    loaded = load_dataset(write_files(tmp_path))
    assert [p.id for p in loaded.data.followups] == ["2025-1", "2025-2"]
    assert loaded.warnings == []


def test_duplicate_key_does_not_hide_the_other_problems(tmp_path: Path) -> None:
    followups = r(
        r(F, "    title: Andre punkt", "    title: Andre punkt\n    title: Igjen"),
        "state: pågår",
        "state: pågar",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups))
    assert [(p.position.line, p.message[:40]) for p in caught.value.problems] == [
        (21, "Oppfølgingspunkt «2025-1», status «2026-"),
        (28, "feltet «title» står to ganger på samme n"),
    ]


def test_the_first_of_two_repeated_keys_is_kept(tmp_path: Path) -> None:
    """Checking the second value too would report the same mistake twice."""
    followups = r(F, "    number: 2", "    number: 2\n    number: 1")
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups))
    assert [p.position.line for p in caught.value.problems] == [27]


def test_many_repeated_keys_never_drop_another_key(tmp_path: Path) -> None:
    """A repeated key's node is let go; a later key given its memory (and so its id)
    must not be taken for it and dropped."""
    from generator.load import parse

    text = "m:\n" + "".join(f"  a{i}: 1\n  a{i}: 2\n  b{i}: 3\n" for i in range(300))
    with pytest.raises(DataError) as caught:
        parse(text, "x.yaml")
    assert len(caught.value.problems) == 300
    tree = caught.value.partial
    [(_, mapping)] = tree.items  # type: ignore[union-attr]
    keys = [key.value for key, _ in mapping.items]
    assert keys == [name for i in range(300) for name in (f"a{i}", f"b{i}")]


def test_every_problem_in_both_files_in_one_run(tmp_path: Path) -> None:
    followups = r(r(F, "state: pågår", "state: ferdig"), "    number: 2", "    number: x")
    ipo = r(I, "unit: vest", "unit: nord")
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups, ipo))
    places = [(p.position.file, p.position.line) for p in caught.value.problems]
    assert places == [("followups.yaml", 21), ("followups.yaml", 26), ("ipo_areas.yaml", 7)]


def test_syntax_error_in_one_file_still_checks_the_other(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, "a: [1\n", r(I, "status: ny", "status: gammel")))
    files = [p.position.file for p in caught.value.problems]
    assert files == ["followups.yaml", "ipo_areas.yaml"]


def test_text_cut_by_a_comment_is_an_error(tmp_path: Path) -> None:
    """Publishing «Sak» for «Sak #12 er lukket» would lose the rest silently."""
    with pytest.raises(DataError) as caught:
        load_dataset(
            write_files(tmp_path, r(F, "    title: Andre punkt", "    title: Sak #12 er lukket"))
        )
    assert [str(p) for p in caught.value.problems] == [
        'followups.yaml:27:12: feil: Oppfølgingspunkt «2025-2»: teksten i «title» stopper ved #, fordi YAML leser resten av linjen som en kommentar (bare «Sak» kommer med). Sett hele teksten i anførselstegn ("...") eller bruk | og skriv teksten på linjen under. Er det ment som en kommentar, sett et mellomrom etter #.'
    ]


def test_an_ordinary_comment_after_a_value_is_fine(tmp_path: Path) -> None:
    loaded = load_dataset(
        write_files(tmp_path, r(F, "    title: Andre punkt", "    title: Andre punkt  # kort"))
    )
    assert loaded.warnings == []
    assert loaded.data.followups[1].title == "Andre punkt"


def test_yaml_11_surprises_do_not_happen(tmp_path: Path) -> None:
    followups = r(F, "    title: Andre punkt", "    title: no").replace("Testrådet", "10:30")
    ipo = r(I, "name: Sentrum", "name: 0150")
    data = load_dataset(write_files(tmp_path, followups, ipo)).data
    assert data.followups[1].title == "no"
    assert data.council.name == "10:30"
    assert data.areas[0].name == "0150"
    assert (
        load_dataset(write_files(tmp_path, r(F, "    number: 2", "    number: 0150")))
        .data.followups[1]
        .number
        == 150
    )


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    sources = write_files(tmp_path)
    sources.followups.write_bytes(b"\xef\xbb\xbf" + F.encode("utf-8"))
    assert load_dataset(sources).data.council.name == "Testrådet"


def test_latin_1_file_is_named_with_its_first_bad_byte(tmp_path: Path) -> None:
    sources = write_files(tmp_path)
    sources.followups.write_bytes(F.replace("Testrådet", "Testrådet").encode("latin-1"))
    with pytest.raises(DataError) as caught:
        load_dataset(sources)
    assert [str(p) for p in caught.value.problems] == [
        "followups.yaml:2:14: feil: filen er ikke lagret som UTF-8 (æ, ø og å blir feil). Lagre filen på nytt med tegnkoding UTF-8."
    ]


def test_missing_file(tmp_path: Path) -> None:
    sources = write_files(tmp_path)
    sources.ipo_areas.unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(sources)
    assert [str(p) for p in caught.value.problems] == [
        "ipo_areas.yaml:1:1: feil: filen finnes ikke. Sjekk navnet og mappen."
    ]
