"""The report's PDFs: one per seminar, tagged, in the council's language, the
same bytes for the same data, and every text from the data shown as typed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.data.model import Dataset
from generator.site import pdf, typesetting
from generator.site.build import Sources, load_dataset
from tests import hostile_data

TYPST_HOSTILE = (
    "# ikke en overskrift",
    "= heller ikke en overskrift",
    "$x^2$ og en løs $",
    "*ikke fet* og _ikke kursiv_",
    "@x og <x>",
    "[innhold] og ] og [",
    "bak\\strek og \\",
    "// ikke en kommentar",
    "/* heller ikke en kommentar */",
    '#import "@preview/cetz:0.4.0": *',
    '#read("/etc/passwd")',
    "#{ panic() } og #set text(fill: red)",
    "`kode` og - liste og + nummer",
    "linje én\n#linje to\n\nnytt avsnitt med #",
)
"""Everything that is markup or code to Typst."""


def _write(folder: Path, followups: str) -> Dataset:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "followups.yaml").write_text(followups, encoding="utf-8")
    (folder / "ipo_areas.yaml").write_text(hostile_data.ipo_yaml(["Enhet"]), encoding="utf-8")
    return load_dataset(Sources.in_folder(folder)).data


def _council(folder: Path, language: str = "nb") -> Dataset:
    """Two seminars; in the newer edition one point keeps its status from the older one."""
    return _write(
        folder,
        f"""council:
  name: Rådet i Byen
  members: [Kommunen, Politiet]
  language: {language}
editions:
  - id: "2026-01"
    title: Status pr januar 2026
    date: 2026-01-30
  - id: "2026-06"
    title: Status pr juni 2026
    date: 2026-06-30
seminars:
  - id: "2025"
    title: Seminaret 2025
    date: 2025-05-01
  - id: "2026"
    title: Seminaret 2026
    date: 2026-03-01
followups:
  - id: "2025-1"
    seminar: "2025"
    number: 1
    title: Første punkt
    description: "Vedtaket om det første punktet.\\nAndre linje av vedtaket."
    responsible: [Kommunen]
    statuses:
      - edition: "2026-01"
        state: pågår
        text: Gammel status for punkt én.
      - edition: "2026-06"
        state: pågår
        text: "Ny status for punkt én.\\n\\nEt avsnitt til."
  - id: "2025-2"
    seminar: "2025"
    number: 2
    title: Andre punkt
    description: Vedtaket om det andre punktet.
    responsible: [Politiet]
    statuses:
      - edition: "2026-01"
        state: fullført
        text: Fullført allerede i januar.
  - id: "2026-1"
    seminar: "2026"
    number: 7
    title: Nytt punkt
    description: Vedtaket fra seminaret i 2026.
    responsible: [Politiet]
    statuses:
      - edition: "2026-06"
        state: planlagt
        text: Planlagt fra høsten.
""",
    )


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_one_pdf_per_seminar_with_its_points_in_order(tmp_path: Path) -> None:
    data = _council(tmp_path)
    documents = pdf.documents(data)
    assert [d.path for d in documents] == [
        "rapport/oppfolgingspunkter-seminar-2025-2026-06.pdf",
        "rapport/oppfolgingspunkter-seminar-2026-2026-06.pdf",
    ]
    first, second = (_text(typesetting.typeset(d)) for d in documents)
    expected = [
        "Oppfølgingspunkter Rådet i Byen 2025 – status pr juni 2026",
        "1. Vedtaket om det første punktet. Andre linje av vedtaket.",
        "Status:",
        "Ny status for punkt én. Et avsnitt til.",
        "2. Vedtaket om det andre punktet.",
        "Status:",
        "Fullført allerede i januar.",
        "(Status fra status pr januar 2026.)",
        "1 av 1",
    ]
    position = 0
    for part in expected:  # each after the one before
        found = first.find(part, position)
        assert found >= 0, (part, first)
        position = found + len(part)
    assert "Gammel status" not in first
    assert "Seminaret 2026" not in first and "Nytt punkt" not in first
    assert second.startswith("Oppfølgingspunkter Rådet i Byen 2026 – status pr juni 2026")
    assert "7. Vedtaket fra seminaret i 2026. Status: Planlagt fra høsten." in second


def test_paragraphs_and_line_breaks_come_as_lists_from_python(tmp_path: Path) -> None:
    [first, _] = pdf.documents(_council(tmp_path))
    point = json.loads(first.source)["points"][0]
    assert point["description"] == [["Vedtaket om det første punktet.", "Andre linje av vedtaket."]]
    assert point["status"] == [["Ny status for punkt én."], ["Et avsnitt til."]]


def test_the_pdf_is_tagged_titled_and_in_the_councils_language(tmp_path: Path) -> None:
    [document, _] = pdf.documents(_council(tmp_path))
    reader = PdfReader(io.BytesIO(typesetting.typeset(document)))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "nb"
    assert reader.metadata is not None
    assert reader.metadata.title == "Oppfølgingspunkter Rådet i Byen 2025 – status pr juni 2026"
    assert reader.metadata.author == "Rådet i Byen"
    # PDF/UA asks the viewer to show the title, not the file name.
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_a_nynorsk_council_gets_nynorsk_words_and_names(tmp_path: Path) -> None:
    [document, _] = pdf.documents(_council(tmp_path, "nn"))
    assert document.path == "rapport/oppfolgingspunkt-seminar-2025-2026-06.pdf"
    content = typesetting.typeset(document)
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/Lang"] == "nn"
    text = _text(content)
    assert text.startswith("Oppfølgingspunkt Rådet i Byen 2025 – status pr juni 2026")
    assert "(Status frå status pr januar 2026.)" in text


def test_the_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    [document, _] = pdf.documents(_council(tmp_path / "a"))
    [again, _] = pdf.documents(_council(tmp_path / "b"))
    assert again == document
    content = typesetting.typeset(document)
    assert typesetting.typeset(again) == content
    # The creation date is the edition's, not the day of the build.
    assert b"D:20260630000000" in content


def test_the_cache_key_follows_the_data_the_template_and_the_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [document, other] = pdf.documents(_council(tmp_path))
    assert document.key != other.key
    key = document.key
    monkeypatch.setattr(typesetting, "template", lambda: b"// another template\n")
    assert document.key != key
    monkeypatch.undo()
    monkeypatch.setattr(typesetting, "engine", lambda: "typst 0.16.0")
    assert document.key != key


def test_typst_markup_in_the_data_is_shown_as_typed(tmp_path: Path) -> None:
    data = _write(tmp_path, hostile_data.followups_yaml(TYPST_HOSTILE))
    [document] = pdf.documents(data)
    text = _text(typesetting.typeset(document))
    for number, payload in enumerate(TYPST_HOSTILE, start=1):
        typed = hostile_data.one_line(payload)
        # The decision, then its status (rewritten in the newer edition as
        # the same text twice, for every third point).
        assert f"{number}. {typed} Status: {typed}" in text, payload
    assert "root:" not in text  # nothing was read from /etc/passwd
    # Title and author come from the data too.
    reader = PdfReader(io.BytesIO(typesetting.typeset(document)))
    assert reader.metadata is not None
    assert reader.metadata.author == hostile_data.one_line(" ¦ ".join(TYPST_HOSTILE))


def test_the_template_can_read_no_file_outside_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typst

    secret = tmp_path / "hemmelig.txt"
    secret.write_text("hemmelig", encoding="utf-8")
    [document, _] = pdf.documents(_council(tmp_path))
    for path in (str(secret), "/etc/passwd", "../../../../../../etc/passwd"):
        monkeypatch.setattr(typesetting, "template", lambda p=path: f'#read("{p}")'.encode())
        with pytest.raises(typst.TypstError, match=r"file not found|escape the project root"):
            typesetting.typeset(document)
