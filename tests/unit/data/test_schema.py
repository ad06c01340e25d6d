"""A new field or state is a line in the schema (plus the template or a colour), nothing more.

Each test copies the generator package, edits only the schema and the point
template or the stylesheet, and renders the fixture's site and open data
with the copy in a fresh interpreter: what reaches the pages and files came
from those edits alone.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, copy_project
from tests.datafiles import edit_file

RENDER = """
import datetime as dt, json, sys
from pathlib import Path
from generator.site.build import Sources, load_dataset
from generator.site import open_data, render

root, out = Path(sys.argv[1]), Path(sys.argv[2])
data = load_dataset(Sources.in_folder(root)).data
pages = render.render_site(data, dt.date(2026, 2, 1)).pages
pages["followups.json"] = open_data.as_json(open_data.followups_document(data)).decode()
pages["followups.csv"] = open_data.followups_csv(data).decode("utf-8-sig")
for name, text in pages.items():
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(text, encoding="utf-8")
print(render.__file__)
"""


def _edit(path: Path, anchor: str, insert: str, *, before: bool = True) -> None:
    """Insert ``insert`` before (or after) ``anchor``, which must be in the file once."""
    edit_file(path, anchor, insert + anchor if before else anchor + insert)


def _copy_package(tmp_path: Path) -> Path:
    package = tmp_path / "package"
    shutil.copytree(
        ROOT / "generator", package / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    return package / "generator"


def _render(package: Path, project: Path, out: Path) -> None:
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    result = subprocess.run(
        [sys.executable, "-c", RENDER, str(project), str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert str(package) in result.stdout, "the copy ran, not the repository's package"


def test_a_new_field_takes_the_schema_and_the_template_only(tmp_path: Path) -> None:
    generator = _copy_package(tmp_path)
    _edit(
        generator / "data" / "schema.py",
        '        Field(\n            "statuses", ListOf(STATUS)',
        '        Field("contact", Text(), "Kontakt for punktet (valgfritt).", label="kontakt"),\n',
    )
    _edit(
        generator / "templates" / "followup.md.j2",
        '- [{{ w.md("point.all_changes") }}]',
        "{% if point.more.contact %}\n- Kontakt: {{ point.more.contact }}\n{% endif %}\n",
    )
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    _edit(
        project / "followups.yaml",
        "    title: Felles situasjonsforståelse i beredskapsarbeidet\n",
        "    contact: Seksjon for beredskap\n",
        before=False,
    )
    out = tmp_path / "out"
    _render(generator, project, out)

    page = (out / "oppfolgingspunkter" / "2025-1.md").read_text(encoding="utf-8")
    assert "- Kontakt: Seksjon for beredskap\n" in page
    assert "Kontakt" not in (out / "oppfolgingspunkter" / "2025-2.md").read_text(encoding="utf-8")
    document = json.loads((out / "followups.json").read_text(encoding="utf-8"))
    first, second = document["followups"][:2]
    assert first["contact"] == "Seksjon for beredskap"
    assert list(first)[-2:] == ["contact", "statuses"], "in the schema's order"
    assert "contact" not in second, "unset optional fields are left out, as in the YAML"
    rows = list(csv.reader(io.StringIO((out / "followups.csv").read_text("utf-8")), delimiter=";"))
    assert rows[0][rows[0].index("frist") + 1] == "kontakt"
    assert rows[1][rows[0].index("kontakt")] == "Seksjon for beredskap"
    assert rows[2][rows[0].index("kontakt")] == ""


def test_a_new_state_takes_the_schema_and_a_colour_only(tmp_path: Path) -> None:
    generator = _copy_package(tmp_path)
    _edit(
        generator / "data" / "schema.py",
        '    "fullført": Option(',
        '    "pause": Option("Pause", "arbeidet står stille en stund", "pause"),\n',
    )
    _edit(
        generator / "theme" / "stylesheets" / "reader.css",
        ".overdue {",
        ".state--pause { background: #fde7f3; color: #6a1b4d; }\n"
        ".bar--pause { fill: #ad1457; }\n\n",
    )
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    edit_file(
        project / "followups.yaml",
        "        state: løpende\n        text: |\n          Dette er et langsiktig",
        "        state: pause\n        text: |\n          Dette er et langsiktig",
    )
    out = tmp_path / "out"
    _render(generator, project, out)

    page = (out / "oppfolgingspunkter" / "2025-1.md").read_text(encoding="utf-8")
    assert '<span class="state state--pause">Pause</span>' in page
    front = (out / "index.md").read_text(encoding="utf-8")
    assert 'class="bar--pause"' in front and ">Pause<" in front
    assert "| [Pause](" in front
    overview = (out / "oppfolgingspunkter" / "index.md").read_text(encoding="utf-8")
    assert '<option value="pause">Pause</option>' in overview
    assert (out / "oppfolgingspunkter" / "utvalg" / "tilstand-pause.md").exists()
    data_page = (out / "data" / "index.md").read_text(encoding="utf-8")
    assert "- **pause**: arbeidet står stille en stund.\n" in data_page
    document = json.loads((out / "followups.json").read_text(encoding="utf-8"))
    assert document["followups"][0]["statuses"][-1]["state"] == "pause"
