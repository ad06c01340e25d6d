"""``init``: a new site for another council, valid and buildable from the first minute.

Everything is written into a temporary folder next to the target, checked
with the same validator as ``validate``, and renamed into place only when it
passes, so a refused ``init`` leaves nothing behind. The templates live in
``templates/init/`` and take every name from the command's options: nothing
from the shipped council is copied.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import words
from generator.commands.edit_followups import default_title
from generator.data import json_schema, privacy, schema
from generator.data.problems import DataError
from generator.data.suggest import quoted_series
from generator.errors import Refused
from generator.site import addresses, escape
from generator.site.build import Sources, load_dataset
from generator.site.write import default_mode

_ID = re.compile(schema.ID_PATTERN)
# Text that YAML reads back unchanged without quotes, in block and flow context.
_PLAIN = re.compile(r"^[^\W\d_][\w .\-–()/'’]*(?<! )$")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}

VSCODE_EXTENSIONS = {"recommendations": ["redhat.vscode-yaml"]}
"""``.vscode/extensions.json``: VS Code offers the YAML extension on opening the folder."""

VSCODE_SETTINGS = {
    "yaml.schemas": {
        "./schemas/followups.schema.json": ["followups.yaml"],
        "./schemas/ipo_areas.schema.json": ["ipo_areas.yaml"],
        "./schemas/privacy_exceptions.schema.json": ["privacy_exceptions.yaml"],
    },
    "yaml.validate": True,
    "yaml.hover": True,
    "yaml.completion": True,
    "[yaml]": {
        "editor.insertSpaces": True,
        "editor.tabSize": 2,
        "editor.autoIndent": "keep",
        "editor.quickSuggestions": {"other": True, "comments": False, "strings": True},
    },
    "files.encoding": "utf8",
    "files.insertFinalNewline": True,
}
"""``.vscode/settings.json``: each data file gets its JSON Schema for completion and hover help."""

PRE_COMMIT_CONFIG = """\
# Kontrollerer datafilene før hver commit: pip install pre-commit, så pre-commit install.
# Kroken bruker prosjektets miljø (.venv) når det finnes, også når commit-knappen i
# VS Code brukes uten at miljøet er aktivert; ellers sier verktøyet hva som mangler.
repos:
  - repo: local
    hooks:
      - id: validate-data
        name: Kontroller datafilene
        entry: >-
          sh -c 'for python in .venv/bin/python .venv/Scripts/python.exe python3 python;
          do if [ -x "$python" ] || command -v "$python" >/dev/null 2>&1; then
          if "$python" -c "import generator" 2>/dev/null;
          then exec "$python" -m generator validate; fi;
          echo "$python finner ikke verktøyet (generator). Aktiver miljøet det er installert i,
          for eksempel med «source .venv/bin/activate», og lag commiten på nytt." >&2; exit 1; fi;
          done; echo "Fant ikke Python. Installer Python 3.11 eller nyere og kjør «make site»." >&2;
          exit 1'
        language: system
        files: ^(followups|ipo_areas)\\.yaml$
        pass_filenames: false
"""
"""``.pre-commit-config.yaml``: the validator runs whenever a data file is committed."""


ABOUT_PAGE = "om.md"
"""The hand-written page about the council that ``init`` writes into content/."""


@dataclass(frozen=True)
class SiteConfig:
    """What a council's mkdocs.yml says that is its own; every other line is the
    same for every council, so the shipped mkdocs.yml and the one ``init``
    writes come from one template (``mkdocs_config``)."""

    name: str
    about_title: str | None = None
    """The navigation's name for the page about the council (``ABOUT_PAGE``);
    None for the catalogue's («Om rådet»)."""
    language: str = words.DEFAULT
    """The site's language (``council.language``): its words and addresses."""
    seminar_pages: tuple[tuple[str, str], ...] = ()
    """(title, file in content/) of hand-written pages listed under «Seminarer»."""
    redirect_template: str = "templates/redirect.html.j2"
    """mike's redirect page, relative to mkdocs.yml; ``init`` copies it there."""


def mkdocs_config(site: SiteConfig) -> str:
    """A council's mkdocs.yml; the navigation's addresses come from ``addresses``,
    its labels from the catalogue of the site's language."""
    w = words.of(site.language)
    return (
        _environment()
        .get_template("mkdocs.yml.j2")
        .render(
            name=site.name,
            about_title=site.about_title or w("site.about_title"),
            about_page=ABOUT_PAGE,
            seminar_pages=site.seminar_pages,
            redirect_template=site.redirect_template,
            addresses=addresses.for_words(w),
            w=w,
        )
    )


InitRefused = Refused
"""No folder was made; ``message`` says why and ``problems`` what to fix first."""


@dataclass(frozen=True)
class NewCouncil:
    """What ``init`` needs to know about the new council."""

    name: str
    members: tuple[str, ...]
    units: tuple[tuple[str, str], ...]
    """(id, name) of each unit in the police district."""
    edition_id: str
    edition_title: str
    edition_date: dt.date
    seminar_id: str
    seminar_title: str
    language: str = words.DEFAULT
    """The reader's language (``council.language``), a catalogue in generator/words."""


def yaml_text(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if _PLAIN.match(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def yaml_id(value: str) -> str:
    """Ids are always quoted, so ``2026-01`` or ``2025`` never look like dates or numbers."""
    return json.dumps(value, ensure_ascii=False)


def parse_unit(option: str) -> tuple[str, str]:
    """``vest=Enhet vest`` -> (``vest``, ``Enhet vest``)."""
    unit_id, sep, unit_name = option.partition("=")
    unit_id, unit_name = unit_id.strip(), unit_name.strip()
    if not sep or not unit_id or not unit_name:
        raise InitRefused(
            f'--unit «{option}» skal ha formen id=Navn, for eksempel --unit vest="Enhet vest".'
        )
    return unit_id, unit_name


def council_from_options(
    name: str,
    members: list[str],
    units: list[str],
    edition: str | None,
    edition_title: str | None,
    edition_date: dt.date,
    seminar: str | None,
    seminar_title: str | None,
    language: str | None = None,
) -> NewCouncil:
    """Check the options and fill in defaults from the date; raise InitRefused on bad input."""
    language = language or words.DEFAULT
    known = words.languages()
    if language not in known:
        raise InitRefused(
            f"«{language}» er ikke et språk verktøyet har ord for. Velg et av disse med "
            f"--language: {quoted_series(f'{code} ({own})' for code, own in known.items())}."
        )
    name = name.strip()
    if not name:
        raise InitRefused(
            'Oppgi rådets navn med --name, for eksempel --name "Politirådet i Eksempelby".'
        )
    clean_members = tuple(m.strip() for m in members if m.strip())
    if not clean_members:
        raise InitRefused("Oppgi partene i rådet med --member, én gang per part.")
    parsed_units = tuple(parse_unit(u) for u in units)
    if not parsed_units:
        raise InitRefused(
            'Oppgi minst én enhet i politidistriktet med --unit id=Navn, for eksempel --unit vest="Enhet vest".'
        )
    edition_id = edition or f"{edition_date.year}-{edition_date.month:02d}"
    title = (edition_title or "").strip() or default_title(edition_id)
    if not title:
        raise InitRefused(
            f'Runden «{edition_id}» trenger en tittel: oppgi den med --edition-title "...".'
        )
    seminar_id = seminar or str(edition_date.year)
    for label, value in [
        ("--edition", edition_id),
        ("--seminar", seminar_id),
        *(("--unit", u) for u, _ in parsed_units),
    ]:
        if not _ID.match(value):
            raise InitRefused(
                f"«{value}» kan ikke brukes som id i {label}: bruk bare små bokstaver a–z, "
                "tall og bindestrek."
            )
    council = NewCouncil(
        name=name,
        members=clean_members,
        units=parsed_units,
        edition_id=edition_id,
        edition_title=title,
        edition_date=edition_date,
        seminar_id=seminar_id,
        seminar_title=(seminar_title or "").strip()
        or words.of(language)("site.first_seminar", id=seminar_id),
        language=language,
    )
    check_texts(council)
    return council


def _texts(council: NewCouncil) -> list[tuple[str, str]]:
    """(option, value) for every name ``init`` writes into the new site."""
    return [
        ("--name", council.name),
        *(("--member", member) for member in council.members),
        *(("--unit", unit_name) for _, unit_name in council.units),
        ("--edition-title", council.edition_title),
        ("--seminar-title", council.seminar_title),
    ]


def check_texts(council: NewCouncil) -> None:
    """Names are one line of visible text (a line break or another control
    character would end the YAML comment or value it is written into) with no
    personal data in them: they are published on every page."""
    for option, value in _texts(council):
        if any(unicodedata.category(char) == "Cc" for char in value):
            raise InitRefused(
                f"{option} «{_visible(value)}» har et linjeskift eller et annet styretegn. "
                "Skriv verdien på én linje, uten slike tegn."
            )
        for finding in privacy.scan(value):
            raise InitRefused(
                f"{option} «{value}»: {privacy.describe(finding)} Personopplysninger skal ikke "
                "publiseres: skriv verdien uten det."
            )


def _visible(value: str) -> str:
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cc" else c for c in value)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates/init"),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_text
    env.filters["yaml_id"] = yaml_id
    env.filters["md"] = escape.inline
    return env


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def files_for(council: NewCouncil) -> dict[str, str]:
    """Every file ``init`` writes: path relative to the new folder -> text."""
    env = _environment()
    w = words.of(council.language)
    context = {
        "name": council.name,
        "members": council.members,
        "units": council.units,
        "edition_id": council.edition_id,
        "edition_title": council.edition_title,
        "edition_date": council.edition_date.isoformat(),
        "seminar_id": council.seminar_id,
        "seminar_title": council.seminar_title,
        "language": None if council.language == words.DEFAULT else council.language,
        "addresses": addresses.for_words(w),
        "w": w,
    }
    rendered = {
        target: env.get_template(template).render(**context)
        for target, template in (
            ("followups.yaml", "followups.yaml.j2"),
            ("ipo_areas.yaml", "ipo_areas.yaml.j2"),
            (f"content/{ABOUT_PAGE}", "om.md.j2"),
            (".gitignore", "gitignore.j2"),
        )
    }
    rendered["mkdocs.yml"] = mkdocs_config(SiteConfig(council.name, language=council.language))
    # Copied as it is: it holds template syntax for mike, not for us.
    package = resources.files("generator") / "templates"
    rendered["templates/redirect.html.j2"] = (package / "redirect.html.j2").read_text("utf-8")
    for filename in json_schema.SCHEMA_FILES:
        rendered[f"schemas/{filename}"] = json_schema.render(filename)
    rendered[".vscode/extensions.json"] = _json(VSCODE_EXTENSIONS)
    rendered[".vscode/settings.json"] = _json(VSCODE_SETTINGS)
    rendered[".pre-commit-config.yaml"] = PRE_COMMIT_CONFIG
    return rendered


def init(target: Path, council: NewCouncil) -> list[str]:
    """Create the site in ``target``, which must not exist or be empty; returns the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitRefused(
            f"{target} finnes allerede og er ikke en tom mappe. Velg en ny mappe, så lages den."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    staging.chmod(default_mode(directory=True))
    try:
        files = files_for(council)
        for rel, text in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        try:
            load_dataset(Sources.in_folder(staging))
        except DataError as exc:
            raise InitRefused(
                "Verdiene gir ugyldige datafiler, så ingen mappe er laget:", exc.problems
            ) from None
        if target.exists():
            target.rmdir()
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(files)
