"""A council that writes nynorsk: its site has no bokmål of the tool's own.

Built from tests/fixtures/oslo with ``language: nn`` under ``council:``; the
data stays as the council wrote it (in bokmål here), everything else a reader
sees, hears or downloads is nynorsk, and axe-core finds nothing.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from generator import words
from generator.data import schema
from generator.site import addresses, selections
from generator.site.build import Sources, load_dataset
from tests.conftest import OSLO, copy_project, run_generator
from tests.unit.test_words import schema_words

NN = words.of("nn")
NB = words.of("nb")

NN_CONTENT = {
    "om.md": "# Om politirådet\n\nPolitirådet er ein møtestad for kommunen og politiet.\n",
    "seminar-2026.md": "# Seminaret 2026\n\nReferat frå seminaret.\n",
}
"""The council's own pages, as a nynorsk council writes them."""


def _nn_project(dest: Path) -> Path:
    copy_project(dest)
    for page in (dest / "content").rglob("*.md"):
        page.unlink()
    for name, text in NN_CONTENT.items():
        (dest / "content" / name).write_text(text, encoding="utf-8")
    followups = dest / "followups.yaml"
    text = followups.read_text(encoding="utf-8")
    assert "\ncouncil:\n" in text
    followups.write_text(text.replace("\ncouncil:\n", "\ncouncil:\n  language: nn\n", 1), "utf-8")
    config = yaml.safe_load(
        re.sub(r"!ENV \[[^\]]*\]", '""', (dest / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    nav = addresses.nav(NN)
    nav.insert(-1, {"Om politirådet": "om.md"})
    nav.insert(6, {"Seminaret 2026": "seminar-2026.md"})
    text = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    start, end = text.index("\nnav:\n"), text.index("\n# Point pages")
    text = text[:start] + "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True) + text[end:]
    text = text.replace(
        "/oppfolgingspunkter/*.md", f"/{addresses.for_words(NN).points_folder}/*.md"
    )
    text = re.sub(r"(?m)^site_name: .*$", "site_name: Politirådet i Oslo – oppfølgingspunkt", text)
    text = re.sub(
        r"(?m)^site_description: .*$",
        "site_description: Oppfølgingspunkta frå Politirådet i Oslo og status for kvart av dei.",
        text,
    )
    assert config["plugins"], "mkdocs.yml has no plugins"
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def nn_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _nn_project(tmp_path_factory.mktemp("nynorsk"))
    result = run_generator("site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def _data_texts() -> list[str]:
    """Every text the council wrote in the data: it stays as written (in bokmål)."""
    data = load_dataset(Sources(OSLO / "followups.yaml", OSLO / "ipo_areas.yaml", OSLO)).data
    texts = [data.council.name, *data.council.members]
    texts += [e.title for e in data.editions] + [s.title for s in data.seminars]
    for point in data.followups:
        texts += [point.title, point.description, *point.responsible, *point.tags]
        texts += [s.text for s in point.statuses]
    texts += [u.name for u in data.units] + [a.name for a in data.areas]
    return sorted({line.strip() for text in texts for line in text.splitlines() if line.strip()},
                  key=len, reverse=True)  # fmt: skip


def _fragments(text: str) -> list[str]:
    """The fixed parts of a catalogue text, without its {fields} or markup."""
    plain = re.sub(r"\{+[a-z_]*\}+", "\n", text)
    plain = re.sub(r"\]\([^)]*\)|[*\[\]#()«»:;.,]|^- ", "\n", plain, flags=re.M)
    return [part.strip() for part in plain.splitlines() if len(part.strip().split()) >= 2]


def _bokmal_only() -> list[str]:
    """Bokmål that a nynorsk site must not show: the fixed parts of every
    catalogue text that nynorsk words differently, longest first."""
    found: set[str] = set()
    for key, text in {**NB.entries, **schema_words()}.items():
        other = NN.entries[key]
        if key.startswith(("meta.", "slugs.")) or text == other:
            continue
        found.update(f for f in _fragments(text) if f not in other)
        if len(text.split()) == 1:
            found.add(text.strip(" :"))
    return sorted(found, key=len, reverse=True)


BOKMAL_ONLY = _bokmal_only()


def _shows(text: str, fragment: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text) is not None


def _reader_text(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix in (".html", ".xml"):
        # What a reader hears or sees in attributes counts too (aria-label, title ...).
        attributes = re.findall(
            r'\s(?:aria-label|title|alt|content|placeholder|data-label|data-count-template)="([^"]*)"',
            text,
        )
        text = html.unescape(re.sub(r"<[^>]+>", "\n", html.unescape(text)))
        text += "\n" + "\n".join(html.unescape(value) for value in attributes)
    return text


def _without_data(text: str, data: list[str]) -> str:
    text = " ".join(text.split())
    for value in data:
        # Whole words only: «IPO» in the data leaves «IPO-områder» alone.
        text = re.sub(rf"(?<![\w-]){re.escape(' '.join(value.split()))}(?![\w-])", " ", text)
    return text


@pytest.mark.slow
def test_nynorsk_site_has_no_bokmal_of_its_own(nn_site: Path) -> None:
    n = addresses.for_words(NN)
    # Every page and file at its nynorsk address; none at a bokmål one.
    for page_path in (n.overview, n.changes, n.report, n.ipo, n.seminars, n.data):
        assert (nn_site / page_path.replace(".md", ".html")).is_file(), page_path
    assert (nn_site / n.accessibility.removesuffix(".md") / "index.html").is_file()
    for file_path in (n.followups_json, n.followups_csv, n.statuses_csv, n.areas_csv, n.feed):
        assert (nn_site / file_path).is_file(), file_path
    pdfs = list((nn_site / "rapport").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["oppfolgingspunkt-seminar-2025-2026-01.pdf"]
    nb_names = {value for key, value in NB.entries.items() if key.startswith("slugs.")} - set(
        NN.entries.values()
    )
    nb_names |= {selections.slug(schema.STATES[s].label) for s in ("løpende", "avsluttet")}
    for found in nn_site.rglob("*"):
        rel = found.relative_to(nn_site)
        for part in rel.with_suffix("").parts:
            assert not any(f"-{name}-" in f"-{part}-" for name in nb_names), rel

    # Every page says it is nynorsk.
    pages = sorted(nn_site.rglob("*.html"))
    for page in pages:
        assert '<html lang="nn"' in page.read_text(encoding="utf-8"), page

    # The CSV headers are the catalogue's.
    header = (nn_site / n.statuses_csv).read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "id;nummer;tittel;rapporteringsrunde;dato;tilstand;status"
    header = (nn_site / n.areas_csv).read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "område;eining;status;startår;rapporteringsrunde"

    # No bokmål of the tool's own anywhere a reader looks; the data stays as written.
    data = _data_texts()
    readable = [*pages, *nn_site.glob("*.xml"), *(nn_site / "data").glob("*.csv"), *pdfs]
    readable = [p for p in readable if p.name != "sitemap.xml"]
    left = {
        f"{path.relative_to(nn_site)}: «{fragment}»"
        for path in readable
        for text in [_without_data(_reader_text(path), data)]
        for fragment in BOKMAL_ONLY
        if _shows(text, fragment)
    }
    assert not left, "bokmål left on the nynorsk site:\n" + "\n".join(sorted(left))

    # And the nynorsk is there.
    front = _reader_text(nn_site / "index.html")
    assert "Endringar sidan førre rapport" in front
    assert "Tilgjengeerklæring" in front
    pdf = _reader_text(pdfs[0])
    assert "Oppfølgingspunkt Politirådet i Oslo" in " ".join(pdf.split())
    feed = (nn_site / n.feed).read_text(encoding="utf-8")
    assert "<title>Politirådet i Oslo: endringar i oppfølgingspunkta</title>" in feed


@pytest.mark.browser
@pytest.mark.slow
def test_nynorsk_site_is_axe_clean(nn_site: Path, browser: object) -> None:
    from sitecheck import axe
    from sitecheck.site import read_site
    from tests.browser.axe import axe_source

    axe_source()  # skips outside CI when axe-core is not installed
    site = read_site(nn_site, nn_site.parent)
    problems = axe.check(site, browser=browser)
    assert not problems, "axe-core found violations:\n" + "\n".join(p.message for p in problems)
