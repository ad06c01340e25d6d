"""The reader's words: one catalogue per language (generator/words).

A language is one catalogue file; tests/test_nynorsk_site.py builds a whole
site in nynorsk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator import words
from generator.data import schema
from generator.site import addresses, download_files, render
from generator.site.build import Sources, load_dataset
from tests.conftest import OSLO


def _clear_caches() -> None:
    words._of.cache_clear()
    addresses.for_words.cache_clear()
    render.environment.cache_clear()


def test_every_catalogue_has_the_default_ones_keys() -> None:
    assert set(words.languages()) >= {"nb", "nn"}
    reference = words.of(words.DEFAULT)
    for language in words.languages():
        own = {k for k in words.of(language).entries if not k.startswith(words.SCHEMA_WORDS)}
        assert own == reference.entries.keys()


def schema_words() -> dict[str, str]:
    """What the schema names for readers, in bokmål, under the catalogue's keys."""
    named = {}
    for group, values in (("states", schema.STATES), ("area_statuses", schema.AREA_STATUSES)):
        for name, option in values.items():
            named[f"{group}.{name}.label"] = option.label
            named[f"{group}.{name}.meaning"] = option.meaning
    for kind, obj in (("followup", schema.FOLLOWUP), ("area", schema.AREA)):
        for spec in schema.fields_of(obj, "csv"):
            named[f"csv.{kind}.{spec.name}"] = spec.label
    return named


def test_every_other_catalogue_words_what_the_schema_names() -> None:
    """Bokmål takes the states, area statuses and CSV columns from the schema, so
    a new one is a line there; every other language must word it too."""
    named = schema_words()
    assert not any(key in words.of(words.DEFAULT).entries for key in named)
    for language in set(words.languages()) - {words.DEFAULT}:
        entries = words.of(language).entries
        assert sorted(key for key in entries if key.startswith(words.SCHEMA_WORDS)) == sorted(
            named
        ), language


def test_a_catalogue_with_a_missing_key_is_refused(tmp_path: Path) -> None:
    shutil.copy(words.DIRECTORY / "nb.yaml", tmp_path / "nb.yaml")
    tree = yaml.safe_load((words.DIRECTORY / "nn.yaml").read_text(encoding="utf-8"))
    del tree["point"]["overdue"]
    (tmp_path / "nn.yaml").write_text(yaml.safe_dump(tree, allow_unicode=True), "utf-8")
    with pytest.raises(words.CatalogueError, match=r"missing keys \['point.overdue'\]"):
        words.of("nn", tmp_path)


@pytest.fixture
def catalogue_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped catalogues in a folder of the test's own, used in their place."""
    folder = tmp_path / "words"
    shutil.copytree(words.DIRECTORY, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(words, "DIRECTORY", folder)
    _clear_caches()
    yield folder
    _clear_caches()


def test_a_new_language_is_one_catalogue_file(catalogue_dir: Path) -> None:
    """A copy of nb.yaml with other words, as «xx», and nothing else: pages,
    addresses, open data and the feed all speak it."""
    tree = yaml.safe_load((catalogue_dir / "nb.yaml").read_text(encoding="utf-8"))
    tree["meta"]["name"] = "xx-språk"
    tree["slugs"]["changes"] = "xx-endringer"
    tree["slugs"]["points"] = "xx-punkter"
    tree["changes"]["title"] = "XX Endringer"
    tree["overview"]["title"] = "XX Oppfølgingspunkter"
    tree["csv"]["followup"] = {"title": "xx-tittel"}
    tree["feed"]["title"] = "XX {council}"
    (catalogue_dir / "xx.yaml").write_text(yaml.safe_dump(tree, allow_unicode=True), "utf-8")
    assert words.languages()["xx"] == "xx-språk"

    data = load_dataset(Sources(OSLO / "followups.yaml", OSLO / "ipo_areas.yaml", OSLO)).data
    data = dataclasses.replace(data, council=dataclasses.replace(data.council, language="xx"))
    pages = render.render_site(data, dt.date(2026, 2, 1)).pages
    assert pages["xx-endringer/index.md"].startswith("# XX Endringer\n")
    assert pages["xx-punkter/index.md"].count("# XX Oppfølgingspunkter {") == 1
    assert "xx-punkter/2025-1.md" in pages
    files = download_files.files(data, (), with_pdf=False)
    assert "xx-endringer.xml" in files
    assert b"<title>XX Politir\xc3\xa5det i Oslo</title>" in files["xx-endringer.xml"]
    header = files["data/xx-punkter.csv"].decode("utf-8-sig").splitlines()[0]
    assert header.split(";")[3] == "xx-tittel"
