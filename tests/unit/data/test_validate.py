"""Every validation rule, with the exact message a secretariat member reads."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from generator.data import schema as s
from generator.data import suggest, validate
from generator.data.problems import DataError
from generator.site.build import Sources, load_dataset
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
        "followups.yaml:29:18: feil: Oppfølgingspunkt «2025-2»: listen «responsible» er tom, men må ha minst én verdi. Skriv verdiene i klammer, for eksempel [A, B], eller én per linje med «- » foran.",
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
        "followups.yaml:30:1: feil: filen er delt i to av en linje med ---, og det som står etter den, leses ikke. Slett linjen med --- og flytt det som står etter den, opp dit det hører hjemme, eller slett det.",
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
    from generator.data.load import parse

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


# --- Issue 12: text that YAML reads as a comment, wherever the writer meant text

CUT_TEXT = (
    "Bruk | etter «description:» og skriv teksten på linjene under, så kommer # med som tekst."
)
CUT_SYNTAX = (
    "YAML-syntaksfeil: linjen begynner med #, så YAML leser den som en kommentar og teksten over "
    "stopper her; linjene under kan da ikke leses. Bruk | etter feltnavnet og skriv teksten på "
    "linjene under (da kommer # med som tekst), eller flytt kommentaren ut til samme innrykk som "
    "feltnavnet."
)
FLOW_CUT = (
    "leser YAML alt fra # til slutten av linjen som en kommentar, så resten av listen faller "
    'bort. Sett verdien med # i anførselstegn (for eksempel "Bydel #1"), eller skriv listen med '
    "én «- » per linje."
)
DESCRIPTION = "    description: Vedtak to.\n"
RESPONSIBLE = "    responsible: [Politiet]\n"

COMMENT_CASES = {
    "a continuation line starting with #": (
        r(
            F,
            DESCRIPTION,
            "    description: Det skal arbeides videre, jf. sak\n      #2025/123 i bystyret\n",
        ),
        f"followups.yaml:29:7: feil: Oppfølgingspunkt «2025-2»: teksten i «description» stopper før linje 29, fordi YAML leser en linje som begynner med # som en kommentar (bare «Det skal arbeides videre, jf. sak» kommer med). {CUT_TEXT} Er linjen ment som en kommentar, flytt den ut til samme innrykk som «description».",
    ),
    "a comment line after two lines of plain text": (
        r(
            F,
            DESCRIPTION,
            "    description: Første linje\n      andre linje\n      # tredje linje\n",
        ),
        f"followups.yaml:30:7: feil: Oppfølgingspunkt «2025-2»: teksten i «description» stopper før linje 30, fordi YAML leser en linje som begynner med # som en kommentar (bare «Første linje andre linje» kommer med). {CUT_TEXT} Er linjen ment som en kommentar, flytt den ut til samme innrykk som «description».",
    ),
    "a comment line between continuation lines": (
        r(
            F,
            DESCRIPTION,
            "    description: Første linje\n      andre linje\n      # tredje\n      fjerde linje\n",
        ),
        f"followups.yaml:30:7: feil: {CUT_SYNTAX}",
    ),
    "a #-line right under a value that has more lines below": (
        r(
            F,
            DESCRIPTION,
            "    description: Første linje\n      #2 andre linje\n      tredje linje\n",
        ),
        f"followups.yaml:29:7: feil: {CUT_SYNTAX}",
    ),
    "the whole text on the line under the key starts with #": (
        r(F, DESCRIPTION, "    description:\n      #2025/123 er hele vedtaket\n"),
        f"followups.yaml:29:7: feil: Oppfølgingspunkt «2025-2»: feltet «description» er tomt, fordi linjen under begynner med # og YAML leser den som en kommentar. {CUT_TEXT}",
    ),
    "the whole text after the colon starts with #": (
        r(F, DESCRIPTION, "    description: #2025/123 er hele vedtaket\n"),
        'followups.yaml:28:18: feil: Oppfølgingspunkt «2025-2»: feltet «description» er tomt, fordi YAML leser alt fra # som en kommentar. Sett teksten i anførselstegn ("#...") eller bruk | og skriv teksten på linjen under. Er det ment som en kommentar, sett et mellomrom etter #.',
    ),
    "# after a closing quote": (
        r(F, DESCRIPTION, '    description: "Sak 12" #er lukket\n'),
        "followups.yaml:28:18: feil: Oppfølgingspunkt «2025-2»: teksten i «description» slutter ved det avsluttende anførselstegnet, og YAML leser resten av linjen fra # som en kommentar (bare «Sak 12» kommer med). Flytt anførselstegnet til slutten av teksten. Er det ment som en kommentar, sett et mellomrom etter #.",
    ),
    "# inside a list in brackets": (
        r(F, RESPONSIBLE, "    responsible: [Politiet, Bydel #1, Kommunen]\n"),
        'followups.yaml:29:35: feil: YAML-syntaksfeil: YAML leser alt fra # til slutten av linjen som en kommentar, også ] eller } som skulle lukke listen, så resten av filen kan ikke leses. Sett verdien med # i anførselstegn (for eksempel "Bydel #1"), eller skriv listen med én «- » per linje.',
    ),
    "a comment inside a list in brackets over two lines": (
        r(F, RESPONSIBLE, "    responsible: [Politiet, # Bydel 1\n      Kommunen]\n"),
        f"followups.yaml:29:29: feil: Oppfølgingspunkt «2025-2»: i listen i «responsible» {FLOW_CUT}",
    ),
    "a #-line under an item of a list": (
        r(F, RESPONSIBLE, "    responsible:\n      - Politiet\n        #1 i Bydel Frogner\n"),
        "followups.yaml:31:9: feil: Oppfølgingspunkt «2025-2»: teksten i «responsible» stopper før linje 31, fordi YAML leser en linje som begynner med # som en kommentar (bare «Politiet» kommer med). Bruk | etter «responsible:» og skriv teksten på linjene under, så kommer # med som tekst. Er linjen ment som en kommentar, flytt den ut til samme innrykk som «responsible».",
    ),
    "a #-line less indented than the rest of a | text": (
        r(F, "          Statusen.\n", "            Statusen.\n          #2 ble vedtatt i juni.\n"),
        "followups.yaml:24:11: feil: Oppfølgingspunkt «2025-1», status «2026-01»: teksten i «text» stopper før linje 24: linjen begynner med # og har mindre innrykk enn teksten over, så YAML leser den som en kommentar. Rykk linjen inn like langt som resten av teksten.",
    ),
    "# glued to the text on a line of its own, under a one-line title": (
        r(F, "    title: Andre punkt\n", "    title: Andre punkt\n      #2 fortsetter\n"),
        "followups.yaml:28:7: feil: Oppfølgingspunkt «2025-2»: teksten i «title» stopper før linje 28, fordi YAML leser en linje som begynner med # som en kommentar (bare «Andre punkt» kommer med). Bruk | etter «title:» og skriv teksten på linjene under, så kommer # med som tekst. Er linjen ment som en kommentar, flytt den ut til samme innrykk som «title».",
    ),
}


@pytest.mark.parametrize("followups,expected", COMMENT_CASES.values(), ids=COMMENT_CASES.keys())
def test_text_read_as_a_comment_is_reported_at_the_hash(
    tmp_path: Path, followups: str, expected: str
) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups))
    assert [str(p) for p in caught.value.problems] == [expected]


@pytest.mark.parametrize(
    "old,new",
    [
        (DESCRIPTION, "    description: Vedtak to.\n    # En kommentar om feltet under.\n"),
        (DESCRIPTION, "    description: Vedtak to.\n      # en kommentar med mellomrom\n"),
        (DESCRIPTION, '    description: "Vedtak to." # kommentar\n'),
        (DESCRIPTION, "    description: |\n      Vedtak to.\n      #2 står i teksten\n"),
        (RESPONSIBLE, "    responsible: [Politiet] # kommentar\n"),
        (RESPONSIBLE, "    responsible:\n      - Politiet\n      # neste kommer senere\n"),
    ],
)
def test_ordinary_comments_are_fine(tmp_path: Path, old: str, new: str) -> None:
    loaded = load_dataset(write_files(tmp_path, r(F, old, new)))
    assert loaded.warnings == []


# --- Issue 12: characters that cannot be published, and text that only looks filled in

TITLE = "    title: Andre punkt\n"
FORMAT_HOW = (
    "Det synes ikke, men gjør at navn som ser like ut, blir ulike, og at søk ikke finner "
    "teksten. Slett tegnet (gå til stedet meldingen viser og trykk Delete, eller skriv ordet på "
    "nytt); slike tegn kommer ofte med ved innliming fra Word eller en nettside."
)
NOT_A_CHARACTER = (
    "som ikke er et tegn, og som verken nettsiden eller nyhetsstrømmen (endringer.xml) kan vise. "
    "Slett den (eller \\-koden som lager den)."
)
INVISIBLE_ONLY = (
    "followups.yaml:27:12: feil: Oppfølgingspunkt «2025-2»: feltet «title» er tomt: det står "
    "bare usynlige tegn der. Slett dem og skriv inn en verdi."
)

CHARACTER_CASES = {
    "zero-width space inside a name": (
        r(F, "[Kommunen, Politiet]", '["Oslo\\u200bkommune", Politiet]'),
        f"followups.yaml:3:18: feil: teksten inneholder et usynlig formateringstegn (U+200B, mellomrom med null bredde). {FORMAT_HOW}",
    ),
    "soft hyphens typed into a title": (
        r(F, TITLE, "    title: An\u00addre pun\u00adkt\n"),
        f"followups.yaml:27:14: feil: teksten inneholder et usynlig formateringstegn (U+00AD, myk bindestrek, og 1 til i samme tekst). {FORMAT_HOW}",
    ),
    "word joiner": (
        r(F, TITLE, '    title: "Andre\\u2060punkt"\n'),
        f"followups.yaml:27:18: feil: teksten inneholder et usynlig formateringstegn (U+2060, ordbinder). {FORMAT_HOW}",
    ),
    "byte order mark inside a text": (
        r(F, TITLE, "    title: Andre \ufeffpunkt\n"),
        f"followups.yaml:27:18: feil: teksten inneholder et usynlig formateringstegn (U+FEFF, byte order mark (BOM)). {FORMAT_HOW}",
    ),
    "zero-width joiner in a key": (
        r(F, TITLE, "    ti\u200dtle: Andre punkt\n"),
        [
            f"followups.yaml:27:7: feil: teksten inneholder et usynlig formateringstegn (U+200D, binder med null bredde). {FORMAT_HOW}",
        ],
    ),
    "noncharacter U+FFFE": (
        r(F, TITLE, '    title: "Andre\\uFFFE punkt"\n'),
        f"followups.yaml:27:18: feil: teksten inneholder koden U+FFFE, {NOT_A_CHARACTER}",
    ),
    "noncharacter U+FFFF": (
        r(F, TITLE, '    title: "Andre punkt\\uffff"\n'),
        f"followups.yaml:27:24: feil: teksten inneholder koden U+FFFF, {NOT_A_CHARACTER}",
    ),
    "noncharacter U+FDD0": (
        r(F, TITLE, '    title: "\\uFDD0Andre punkt"\n'),
        f"followups.yaml:27:13: feil: teksten inneholder koden U+FDD0, {NOT_A_CHARACTER}",
    ),
    "noncharacter at the end of a plane": (
        r(F, TITLE, '    title: "Andre \\U0010FFFF"\n'),
        f"followups.yaml:27:19: feil: teksten inneholder koden U+10FFFF, {NOT_A_CHARACTER}",
    ),
    "lone surrogate": (
        r(F, TITLE, '    title: "Andre \\ud800 punkt"\n'),
        "followups.yaml:27:19: feil: YAML-syntaksfeil: «\\ud800» er bare den ene halvdelen av en tegnkode (et surrogat) og ikke et tegn. Slett koden, eller skriv tegnet selv; et tegn utenfor det vanlige området skrives med \\U og åtte sifre, for eksempel \\U0001F600.",
    ),
    "surrogate pair written the JSON way": (
        r(F, TITLE, '    title: "Andre \\uD83D\\uDE00"\n'),
        "followups.yaml:27:19: feil: YAML-syntaksfeil: «\\uD83D\\uDE00» er ett tegn skrevet som to halve koder (et surrogatpar, slik JSON gjør det), men YAML godtar bare hele koder. Skriv tegnet selv (😀), eller bruk én kode med åtte sifre: \\U0001F600.",
    ),
    "code beyond Unicode": (
        r(F, TITLE, '    title: "Andre \\U00110000"\n'),
        "followups.yaml:27:19: feil: YAML-syntaksfeil: «\\U00110000» er ikke en tegnkode som finnes (den høyeste er \\U0010FFFF). Skriv tegnet selv, eller rett koden.",
    ),
    "only a zero-width space": (r(F, TITLE, '    title: "\\u200b"\n'), INVISIBLE_ONLY),
    "only a braille blank": (r(F, TITLE, "    title: \u2800\n"), INVISIBLE_ONLY),
    "only a Hangul filler and spaces": (r(F, TITLE, '    title: " \\u3164 "\n'), INVISIBLE_ONLY),
    "only Hangul choseong filler": (r(F, TITLE, '    title: "\\u115F\\u1160"\n'), INVISIBLE_ONLY),
    "only format characters and a space in a list": (
        r(F, "[Kommunen, Politiet]", '[Kommunen, "\\u00ad \\u2060"]'),
        "followups.yaml:3:23: feil: feltet «members» er tomt: det står bare usynlige tegn der. Slett dem og skriv inn en verdi.",
    ),
}


@pytest.mark.parametrize("followups,expected", CHARACTER_CASES.values(), ids=CHARACTER_CASES.keys())
def test_characters_that_cannot_be_published(
    tmp_path: Path, followups: str, expected: str | list[str]
) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups))
    assert [str(p) for p in caught.value.problems] == (
        expected if isinstance(expected, list) else [expected]
    )


def test_text_is_composed_on_loading(tmp_path: Path) -> None:
    """NFD «pågår» is the state pågår; NFD and NFC «Grünerløkka» are one party."""
    nfd = unicodedata.normalize("NFD", "Grünerløkka")
    followups = r(
        r(F, "state: pågår", "state: " + unicodedata.normalize("NFD", "pågår")),
        "[Kommunen]",
        f"[{nfd}]",
    )
    followups = r(followups, "[Politiet]\n", "[Grünerløkka]\n")
    data = load_dataset(write_files(tmp_path, followups)).data
    assert data.followups[0].statuses[0].state == "pågår"
    assert data.followups[0].responsible == data.followups[1].responsible == ("Grünerløkka",)


# --- Issue 12: ids that publishing or Windows cannot use, pages outside content/,
# numbers and dates that cannot be meant, and dates that contradict each other

EDITION_ID = 'id: "2026-01"'
WINDOWS = (
    "id-en blir et fil- eller mappenavn, og Windows godtar ikke navnene con, prn, aux, nul, "
    "com0–com9 og lpt0–lpt9. Velg en annen id, for eksempel"
)
SEMINAR_PAGE = "    title: Seminar 2025\n"
PAGE_HOW = "for eksempel seminar-2026.md"


def _edition_id(new: str) -> str:
    """Every mention of the edition renamed, so only the id's own rule speaks."""
    return F.replace('"2026-01"', f'"{new}"')


def _page(value: str) -> str:
    return r(F, SEMINAR_PAGE, f"{SEMINAR_PAGE}    page: {value}\n")


RULE_CASES = {
    "edition id latest": (
        _edition_id("latest"),
        I.replace('"2026-01"', '"latest"'),
        'followups.yaml:5:9: feil: Rapporteringsrunde «latest»: «latest» kan ikke brukes i «id»: navnet brukes til lenken til den nyeste utgaven (latest) når nettstedet publiseres. Velg en annen id, for eksempel "2026-06".',
    ),
    "edition id of a pull-request preview": (
        _edition_id("pr-42"),
        I.replace('"2026-01"', '"pr-42"'),
        'followups.yaml:5:9: feil: Rapporteringsrunde «pr-42»: «pr-42» kan ikke brukes i «id»: navnet brukes til forhåndsvisninger av endringsforslag (pull requests) når nettstedet publiseres. Velg en annen id, for eksempel "2026-06".',
    ),
    "edition id of a folder of the site": (
        _edition_id("assets"),
        I.replace('"2026-01"', '"assets"'),
        'followups.yaml:5:9: feil: Rapporteringsrunde «assets»: «assets» kan ikke brukes i «id»: navnet brukes til en mappe eller side på nettstedet når nettstedet publiseres. Velg en annen id, for eksempel "2026-06".',
    ),
    "point id con": (
        r(F, 'id: "2025-2"', 'id: "con"'),
        I,
        f'followups.yaml:24:9: feil: Oppfølgingspunkt «con»: «con» kan ikke brukes i «id»: {WINDOWS} "2025-1".',
    ),
    "point id lpt9": (
        r(F, 'id: "2025-2"', 'id: "lpt9"'),
        I,
        f'followups.yaml:24:9: feil: Oppfølgingspunkt «lpt9»: «lpt9» kan ikke brukes i «id»: {WINDOWS} "2025-1".',
    ),
    "edition id nul": (
        _edition_id("nul"),
        I.replace('"2026-01"', '"nul"'),
        f'followups.yaml:5:9: feil: Rapporteringsrunde «nul»: «nul» kan ikke brukes i «id»: {WINDOWS} "2026-06".',
    ),
    "id with a line break and a workflow command": (
        r(F, 'id: "2025-2"', 'id: "2025-2\\n::error::x"'),
        I,
        'followups.yaml:24:9: feil: Oppfølgingspunkt «2025-2\\n::error::x»: «2025-2\\n::error::x» kan ikke brukes i «id»: bruk bare små bokstaver a–z, tall og bindestrek, for eksempel "2025-1".',
    ),
    "page outside content": (
        _page("../followups.yaml"),
        I,
        f"followups.yaml:11:11: feil: Seminar «2025»: «../followups.yaml» i «page» peker ut av mappen content/ med «..». Siden må ligge i content/ eller en mappe under den; skriv stien inne i content/, {PAGE_HOW}.",
    ),
    "page as an absolute path": (
        _page("/etc/passwd"),
        I,
        f"followups.yaml:11:11: feil: Seminar «2025»: «/etc/passwd» i «page» er en sti fra roten av disken. Skriv bare stien inne i content/, {PAGE_HOW}.",
    ),
    "page on a Windows drive": (
        _page("C:/referat.md"),
        I,
        f"followups.yaml:11:11: feil: Seminar «2025»: «C:/referat.md» i «page» er en sti fra roten av disken. Skriv bare stien inne i content/, {PAGE_HOW}.",
    ),
    "page with a backslash": (
        _page("referater\\seminar.md"),
        I,
        f"followups.yaml:11:11: feil: Seminar «2025»: «referater\\seminar.md» i «page» inneholder \\. Skriv stien med /, {PAGE_HOW} eller referater/seminar-2026.md.",
    ),
    "page as an address": (
        _page("https://example.org/referat.md"),
        I,
        f"followups.yaml:11:11: feil: Seminar «2025»: «https://example.org/referat.md» i «page» er en nettadresse, men «page» skal være en side i mappen content/, {PAGE_HOW}. Lenker til andre nettsteder kan stå i teksten på siden.",
    ),
    "page that is a hidden file": (
        _page("utkast/.referat.md"),
        I,
        f"followups.yaml:11:11: feil: Seminar «2025»: «utkast/.referat.md» i «page» er en skjult fil (navnet begynner med punktum), og den publiseres ikke. Gi filen et vanlig navn, {PAGE_HOW}.",
    ),
    "page that is not Markdown": (
        _page("referat.txt"),
        I,
        f"followups.yaml:11:11: feil: Seminar «2025»: «referat.txt» i «page» er ikke en Markdown-side. «page» skal være en .md-fil i content/, {PAGE_HOW}.",
    ),
    "number with 5,000 digits": (
        r(F, "    number: 2", "    number: " + "9" * 5000),
        I,
        f"followups.yaml:26:13: feil: Oppfølgingspunkt «2025-2»: «number» må være mellom 1 og 1000000, ikke {'9' * 60}… (5 000 tegn).",
    ),
    "number written as a float": (
        r(F, "    number: 2", "    number: 2e400"),
        I,
        "followups.yaml:26:13: feil: Oppfølgingspunkt «2025-2»: «2e400» er ikke et gyldig tall i «number». Skriv et helt tall, for eksempel 1.",
    ),
    "year written with decimals": (
        F,
        r(I, "since: 2026", "since: 2026.0"),
        "ipo_areas.yaml:9:12: feil: Område «Sentrum»: «2026.0» er ikke et gyldig tall i «since». Skriv et helt tall, for eksempel 1900.",
    ),
    "date in full-width digits": (
        r(F, "    date: 2026-01-30", "    date: ２０２６-01-30"),
        I,
        f"followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «２０２６-01-30» i «date» er ikke en gyldig dato. {DATE_HINT}",
    ),
    "date with a five-digit year": (
        r(F, "    date: 2026-01-30", "    date: 20260-01-30"),
        I,
        f"followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «20260-01-30» i «date» er ikke en gyldig dato. {DATE_HINT}",
    ),
    "edition dated 9999-12-31": (
        r(F, "    date: 2026-01-30", "    date: 9999-12-31"),
        I,
        "followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: «9999-12-31» i «date» har året 9999, som ikke kan stemme: datoene her ligger mellom år 1900 og 2200. Sjekk årstallet.",
    ),
    "deadline in year 1": (
        r(F, "    number: 2\n", "    number: 2\n    deadline: 0001-01-01\n"),
        I,
        "followups.yaml:27:15: feil: Oppfølgingspunkt «2025-2»: «0001-01-01» i «deadline» har året 1, som ikke kan stemme: datoene her ligger mellom år 1900 og 2200. Sjekk årstallet.",
    ),
    "edition more than a year ahead": (
        r(F, "    date: 2026-01-30", "    date: 2028-01-30"),
        I,
        "followups.yaml:7:11: feil: Rapporteringsrunde «2026-01»: datoen 2028-01-30 ligger mer enn ett år fram i tid (i dag er 2026-12-02). En runde dateres med dagen statusene gjelder fra; sjekk årstallet.",
    ),
    "seminar after the round that reports on it": (
        r(F, SEMINAR_PAGE, f"{SEMINAR_PAGE}    date: 2026-03-01\n"),
        I,
        "followups.yaml:11:11: feil: Seminar «2025»: datoen 2026-03-01 er etter rapporteringsrunden «2026-01» (2026-01-30), som har en status for punkt «2025-1» fra dette seminaret. Et punkt kan ikke få status før det er vedtatt: rett datoen på seminaret eller runden, eller flytt statusen til en senere runde.",
    ),
    "deadline before the seminar that set it": (
        r(
            r(F, SEMINAR_PAGE, f"{SEMINAR_PAGE}    date: 2025-03-01\n"),
            "    number: 2\n",
            "    number: 2\n    deadline: 2024-12-31\n",
        ),
        I,
        "followups.yaml:28:15: feil: Oppfølgingspunkt «2025-2»: fristen 2024-12-31 er før seminaret «2025» (2025-03-01) der punktet ble vedtatt. Rett fristen, eller datoen på seminaret.",
    ),
}


@pytest.mark.parametrize("followups,ipo,expected", RULE_CASES.values(), ids=RULE_CASES.keys())
def test_issue_12_rule_message(
    tmp_path: Path, followups: str, ipo: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, dt.date(2026, 12, 2))
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups, ipo))
    assert [str(p) for p in caught.value.problems] == [expected]


def _today(monkeypatch: pytest.MonkeyPatch, today: dt.date) -> None:
    """Fix «today» for the rules that look ahead from it."""

    class Date(dt.date):
        @classmethod
        def today(cls) -> Date:
            return cls(today.year, today.month, today.day)

    monkeypatch.setattr(validate.dt, "date", Date)


def test_a_round_a_year_ahead_and_a_page_in_a_folder_are_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, dt.date(2026, 1, 30))
    followups = r(
        _page("referater/seminar-2025.md"), "    date: 2026-01-30", "    date: 2027-01-31"
    )
    sources = write_files(tmp_path, followups)
    (tmp_path / "content" / "referater").mkdir(parents=True)
    (tmp_path / "content" / "referater" / "seminar-2025.md").write_text("# Referat\n")
    sources = Sources(sources.followups, sources.ipo_areas, tmp_path, tmp_path / "content")
    assert load_dataset(sources).data.seminars[0].page == "referater/seminar-2025.md"


PLACEHOLDER_HOW = (
    "Skriv den nye statusen i «text» i stedet for plassholderteksten, og sjekk at «state» stemmer."
)
FILLED_IN = "          Statusen.\n"
INSTRUCTION = (
    "skriv status for «Status pr januar 2026» her, i stedet for denne linjen, og sjekk at "
    "tilstanden over fortsatt stemmer."
)


@pytest.mark.parametrize(
    "text,found",
    [
        (f"FYLL INN: {INSTRUCTION}", "FYLL INN"),
        (f"fyll inn: {INSTRUCTION}", "fyll inn"),
        (f"Fyll  inn: {INSTRUCTION}", "Fyll  inn"),
        (f"FYLL-INN {INSTRUCTION}", "FYLL-INN"),
        (f": {INSTRUCTION}", "skriv status for"),
        (INSTRUCTION.capitalize(), "Skriv status for"),
        ("Tiltaket er i gang. I stedet for denne linjen, og sjekk", "stedet for denne linjen"),
        (
            "Planen er vedtatt. Sjekk at tilstanden over fortsatt stemmer.",
            "sjekk at tilstanden over",
        ),
    ],
)
def test_what_is_left_of_the_placeholder_is_refused(tmp_path: Path, text: str, found: str) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, r(F, FILLED_IN, f"          {text}\n")))
    assert [str(p) for p in caught.value.problems] == [
        f"followups.yaml:22:15: feil: Oppfølgingspunkt «2025-1»: statusen for «2026-01» er ikke "
        f"fylt ut (teksten inneholder «{found}»). {PLACEHOLDER_HOW}"
    ]


def test_ordinary_words_of_the_placeholder_are_fine(tmp_path: Path) -> None:
    text = "Ny ordning i stedet for denne. Status for arbeidet: skriv til oss. Fyller inn skjema."
    load_dataset(write_files(tmp_path, r(F, FILLED_IN, f"          {text}\n")))


@pytest.mark.parametrize(
    "nesting",
    ["[" * 100 + "]" * 100, "\n" + "".join("  " * i + "-\n" for i in range(1, 100))],
    ids=["brackets", "indented lists"],
)
def test_deep_nesting_is_refused_where_it_gets_too_deep(tmp_path: Path, nesting: str) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, F + "ekstra: " + nesting + "\n"))
    (problem,) = caught.value.problems
    line = 30 if nesting.startswith("[") else 94
    column = 72 if nesting.startswith("[") else 129
    assert str(problem) == (
        f"followups.yaml:{line}:{column}: feil: her ligger lister og felt mer enn 64 nivåer "
        "inni hverandre. Datafilene trenger bare noen få nivåer: sjekk at hver [ og { er lukket "
        "med ] og }, og at innrykket stemmer med linjene over."
    )


def test_a_file_of_more_values_than_data_needs_is_refused_where_it_passes_the_limit(
    tmp_path: Path,
) -> None:
    from generator.data import load

    extra = "".join(f"  - {n}\n" for n in range(load.MAX_VALUES))
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, F + "ekstra:\n" + extra))
    (problem,) = caught.value.problems
    # The small file holds 64 values, «ekstra» and its list two more: the
    # million-and-first is item 999 935, on line 31 + 999 934.
    assert str(problem) == (
        "followups.yaml:999965:5: feil: filen inneholder mer enn "
        "1 000 000 verdier, langt flere enn en datafil trenger (5 000 oppfølgingspunkter er om "
        "lag 260 000), så resten av filen er ikke lest. Sjekk at det er riktig fil, og at ikke "
        "noe stort er limt inn ved en feil."
    )


# --- Issue 11: the checks people need

SECOND_ROUND = r(
    F,
    "    date: 2026-01-30\n",
    '    date: 2026-01-30\n  - id: "2026-06"\n    title: Status pr juni 2026\n    date: 2026-06-15\n',
)
JANUARY_STATUS = (
    '      - edition: "2026-01"\n        state: pågår\n        text: |\n          Statusen.\n'
)


def _june(state: str = "pågår", extra: str = "") -> str:
    """The first point's status for June, after its January status."""
    return (
        f'      - edition: "2026-06"\n        state: {state}\n{extra}'
        "        text: |\n          Ny status.\n"
    )


def _with_statuses(*statuses: str) -> str:
    return r(SECOND_ROUND, JANUARY_STATUS, "".join(statuses))


def _closed_in_january(state: str) -> str:
    return JANUARY_STATUS.replace("state: pågår", f"state: {state}")


REOPEN = "Er det meningen, skriv «reopened: true» i denne statusen; hvis ikke, slett statusen."
NAMES = (
    "bare store og små bokstaver, mellomrom eller tegnsetting skiller dem, så nettstedet ville "
    "vist to ansvarlige."
)

CHECK_CASES = {
    "the newest status deleted": (
        _with_statuses(JANUARY_STATUS),
        I,
        "followups.yaml:23:9: feil: Oppfølgingspunkt «2025-1»: mangler status for den nyeste "
        "runden «2026-06». Punktet hadde status «pågår» i «2026-01» og er verken fullført eller "
        "avsluttet, så det skal ha en ny status i hver runde. Legg til en status for «2026-06» "
        "etter denne (er den slettet ved en feil?).",
    ),
    "a status after fullført": (
        _with_statuses(_closed_in_january("fullført"), _june()),
        I,
        f"followups.yaml:27:9: feil: Oppfølgingspunkt «2025-1», status «2026-06»: punktet ble "
        f"fullført i «2026-01», så en ny status etter det åpner punktet igjen. {REOPEN}",
    ),
    "a status after avsluttet": (
        _with_statuses(_closed_in_january("avsluttet"), _june("avsluttet")),
        I,
        f"followups.yaml:27:9: feil: Oppfølgingspunkt «2025-1», status «2026-06»: punktet ble "
        f"avsluttet i «2026-01», så en ny status etter det åpner punktet igjen. {REOPEN}",
    ),
    "reopened written yes": (
        _with_statuses(_closed_in_january("fullført"), _june(extra="        reopened: ja\n")),
        I,
        [
            f"followups.yaml:27:9: feil: Oppfølgingspunkt «2025-1», status «2026-06»: punktet "
            f"ble fullført i «2026-01», så en ny status etter det åpner punktet igjen. {REOPEN}",
            "followups.yaml:29:19: feil: Oppfølgingspunkt «2025-1», status «2026-06»: "
            "«reopened» skal være true eller false, ikke «ja».",
        ],
    ),
    "a party in another case than a council member": (
        r(F, "responsible: [Kommunen]", "responsible: [kommunen]"),
        I,
        "followups.yaml:18:19: feil: Oppfølgingspunkt «2025-1»: «kommunen» i «responsible» er "
        "skrevet nesten som «Kommunen», slik navnet står blant rådets parter i «members»; "
        f"{NAMES} Mente du «Kommunen»? Skriv navnet likt overalt.",
    ),
    "Oslo Kommune beside Oslo kommune": (
        r(
            r(F, "responsible: [Kommunen]", "responsible: [Oslo kommune, Kommunen]"),
            "responsible: [Politiet]",
            "responsible: [Oslo  Kommune]",
        ),
        I,
        "followups.yaml:29:19: feil: Oppfølgingspunkt «2025-2»: «Oslo  Kommune» i «responsible» "
        "er skrevet nesten som «Oslo kommune», som er brukt én gang i «responsible»; "
        f"{NAMES} Mente du «Oslo kommune»? Skriv navnet likt overalt.",
    ),
    "punctuation in a party's name": (
        r(F, "responsible: [Politiet]", "responsible: [Politiet.]"),
        I,
        "followups.yaml:29:19: feil: Oppfølgingspunkt «2025-2»: «Politiet.» i «responsible» er "
        "skrevet nesten som «Politiet», slik navnet står blant rådets parter i «members»; "
        f"{NAMES} Mente du «Politiet»? Skriv navnet likt overalt.",
    ),
    "two council members written alike": (
        r(F, "members: [Kommunen, Politiet]", "members: [Kommunen, Politiet, politiet]"),
        I,
        "followups.yaml:3:33: feil: «politiet» i «members» er skrevet nesten som «Politiet», "
        f"slik navnet står blant rådets parter i «members»; {NAMES} Mente du «Politiet»? Skriv "
        "navnet likt overalt.",
    ),
    "two areas of a unit with the same name in other case": (
        F,
        I + "  - name: sentrum\n    unit: vest\n    status: ny\n",
        "ipo_areas.yaml:10:11: feil: Område «sentrum»: området står allerede under enheten "
        "«vest» som «Sentrum» (linje 6); navnene skiller seg bare i store og små bokstaver, "
        "mellomrom eller tegnsetting. Mente du det samme området? Slett det ene, eller gi dem "
        "navn som skiller seg tydelig.",
    ),
    "two areas of a unit with the same name": (
        F,
        I + "  - name: Sentrum\n    unit: vest\n    status: ny\n",
        "ipo_areas.yaml:10:11: feil: Område «Sentrum»: området står allerede under enheten "
        "«vest» (linje 6). Slett det ene.",
    ),
}


@pytest.mark.parametrize("followups,ipo,expected", CHECK_CASES.values(), ids=CHECK_CASES.keys())
def test_issue_11_check(
    tmp_path: Path, followups: str, ipo: str, expected: str | list[str]
) -> None:
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, followups, ipo))
    assert [str(p) for p in caught.value.problems] == (
        expected if isinstance(expected, list) else [expected]
    )


def test_a_deliberate_reopening_and_a_full_round_are_fine(tmp_path: Path) -> None:
    followups = _with_statuses(
        _closed_in_january("fullført"), _june(extra="        reopened: true\n")
    )
    loaded = load_dataset(write_files(tmp_path, followups))
    assert loaded.warnings == []
    assert [s.state for s in loaded.data.followups[0].statuses] == ["fullført", "pågår"]
    # A closed point needs no new status; one with none at all is just new.
    loaded = load_dataset(write_files(tmp_path, _with_statuses(_closed_in_january("avsluttet"))))
    assert loaded.warnings == []


def test_reopened_where_nothing_was_closed_is_a_warning(tmp_path: Path) -> None:
    loaded = load_dataset(
        write_files(
            tmp_path, _with_statuses(JANUARY_STATUS, _june(extra="        reopened: true\n"))
        )
    )
    assert [str(p) for p in loaded.warnings] == [
        "followups.yaml:29:19: advarsel: Oppfølgingspunkt «2025-1», status «2026-06»: "
        "«reopened: true» trengs bare når punktet var fullført eller avsluttet i statusen før, "
        "men her var det «pågår». Slett linjen med «reopened»."
    ]


def test_no_message_speaks_a_programmers_words() -> None:
    """Every message above, and every syntax hint: no elements, nodes, scalars, keys or tables."""
    from generator.data import syntax

    messages: list[str] = [*syntax._HINTS.values()]
    for table in (CASES, RULE_CASES, CHECK_CASES):
        for *_, expected in table.values():
            messages += expected if isinstance(expected, list) else [expected]
    for table in (COMMENT_CASES, CHARACTER_CASES):
        for _, expected in table.values():
            messages += expected if isinstance(expected, list) else [expected]
    jargon = re.compile(
        r"\b(element\w*|node\w*|skalar\w*|scalar\w*|mapping\w*|nøkkel\w*|key|tabell\w*|"
        r"streng\w*|token\w*|dokument\w*)\b",
        re.IGNORECASE,
    )
    assert [m for m in messages if jargon.search(m.split(": feil: ")[-1])] == []


@pytest.mark.parametrize(
    "title",
    ['"Andre\\n::add-mask::hemmelig"', "|\n      Andre\n      punkt", '"Andre\\u2028punkt"'],
    ids=["escaped line break", "two lines after |", "line separator"],
)
def test_a_title_is_one_line(tmp_path: Path, title: str) -> None:
    """Titles and names are shown on one line everywhere, logs included."""
    with pytest.raises(DataError) as caught:
        load_dataset(write_files(tmp_path, r(F, "    title: Andre punkt", f"    title: {title}")))
    assert [str(p) for p in caught.value.problems] == [
        "followups.yaml:27:12: feil: Oppfølgingspunkt «2025-2»: «title» skal stå på én linje, "
        "men teksten har et linjeskift. Skriv hele teksten på én linje, uten \\n og uten | foran."
    ]


def test_a_long_value_is_shortened_with_its_own_commas_kept() -> None:
    value = "Oslo, Bergen, " * 20
    assert suggest.shown(value) == f"{value[:60]}… (280 tegn)"
    assert suggest.shown("x" * 1234) == f"{'x' * 60}… (1 234 tegn)"


def test_checked_records_give_typed_values() -> None:
    """The model reads checked values through typed accessors; a value of
    another type is a bug and stops, instead of reaching a page."""
    from generator.data import schema
    from generator.data.load import parse

    record, problems = validate.check_file(parse(F, "followups.yaml"), schema.FOLLOWUPS_FILE)
    assert not [p for p in problems if p.severity == "error"]
    assert isinstance(record, validate.Record)
    point = record.records("followups")[0]
    assert isinstance(point.text("id"), str)
    assert isinstance(point.number("number"), int)
    assert point.texts("responsible") and all(
        isinstance(n, str) for n in point.texts("responsible")
    )
    assert point.optional_text("nothing-here") is None
    assert record.records("editions")[0].date("date") > dt.date(2000, 1, 1)
    assert point.records("statuses")[0].flag("reopened") is False
    with pytest.raises(TypeError, match="is not a checked int"):
        point.number("title")
    with pytest.raises(TypeError, match="is not a checked str"):
        point.text("number")


def test_the_placeholder_pre_check_never_hides_what_the_full_check_finds() -> None:
    """``placeholder_left`` skips texts without any of its words; the skip must not
    change an answer, in any case or with the letters IGNORECASE treats as «i»."""
    texts = [
        s.PLACEHOLDER_TEXT.format(title="Tittel"),
        "fyll inn",
        "FyLL\u00a0-INN her",
        "ſkriv status for «X»",
        "SKRİV status for «X»",
        "skrıv status for «X»",
        "Stedet for denne linjen ble endret.",
        "Sjekk at tilstanden over fortsatt stemmer",
        "Arbeidet pågår som planlagt.",
        "TILSTANDEN OVER FORTSATT STEMMER!",
        "",
    ]
    for text in texts:
        full = validate._MARKER.search(text) or validate._INSTRUCTION.search(text)
        words = f" {validate.suggest_normalised(text)} "
        runs = any(f" {run} " in words for run in validate._PLACEHOLDER_RUNS)
        assert validate._may_hold_placeholder(text) or not (full or runs), text
    assert validate.placeholder_left("Arbeidet pågår som planlagt.") is None
    assert validate.placeholder_left("SKRİV status for «X»") == "SKRİV status for"
