"""The reader's words, one catalogue per language: ``nb.yaml``, ``nn.yaml``, ...

Everything a reader of the site sees that does not come from the data lives
in a catalogue: page text, navigation labels, file and page names (under
``slugs``), CSV headers, the feed, the chart, the PDF and the theme's banners.
A council picks its language with ``council.language`` in followups.yaml;
a new language is one more catalogue file here, with the same keys as
``nb.yaml``. Messages to the secretariat (validation, the command line) are
not reader's words and stay in the code, in bokmål.

A catalogue is nested YAML whose leaves are strings. ``{name}`` marks a value
filled in when the text is used (``str.format``); a literal brace is doubled.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from babel.dates import format_date
from markupsafe import Markup

from generator.site import escape

DIRECTORY = Path(str(resources.files("generator") / "words"))
"""Where the catalogues live; a catalogue's file name is its language code."""

SCHEMA_WORDS = ("states.", "area_statuses.", "csv.followup.", "csv.area.")
"""Keys for what the schema names in bokmål (generator/data/schema.py): the
states, the area statuses and the CSV columns of its fields. The default
catalogue leaves them to the schema, so a new state or field is one line
there; every other catalogue words each of them (a test checks it)."""

DEFAULT = "nb"
"""The language of a council that names none, and the catalogue every other
catalogue is checked against: it must have exactly its keys."""


class CatalogueError(ValueError):
    """A catalogue that is not usable: a missing or unknown key, or a leaf that is not text."""


def languages(directory: Path | None = None) -> dict[str, str]:
    """Every language with a catalogue: code -> its own name for itself (``meta.name``)."""
    folder = directory or DIRECTORY
    return {
        path.stem: str(_flatten(_read(path)).get("meta.name", path.stem))
        for path in sorted(folder.glob("*.yaml"))
    }


SITE_FOLDERS = ("points", "changes", "report", "ipo", "seminars", "data", "accessibility")
"""The slugs that name a page or folder at the root of a site."""


def site_folders() -> tuple[str, ...]:
    """Every name a site in any language has at its root (``SITE_FOLDERS``):
    an edition's folder beside them must not take one of them."""
    found: dict[str, None] = {}
    for language in languages():
        entries = of(language).entries
        found.update(dict.fromkeys(entries[f"slugs.{key}"] for key in SITE_FOLDERS))
    return tuple(found)


def _read(path: Path) -> object:
    stat = path.stat()
    return _read_once(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _read_once(path: Path, mtime_ns: int, size: int) -> object:
    """A catalogue read once while the file is unchanged: every build asked for
    each catalogue several times (``languages``, ``site_folders``, ``of``), and
    libyaml's parser where PyYAML has it, about ten times faster than its own
    (the same constructor, so the same values). Callers do not change the tree."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _flatten(tree: object, prefix: str = "") -> dict[str, str]:
    if not isinstance(tree, dict):
        raise CatalogueError(f"{prefix or 'the catalogue'} is not a mapping")
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        elif isinstance(value, str):
            flat[name] = value
        else:
            raise CatalogueError(f"{name} is not text")
    return flat


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@functools.lru_cache(maxsize=4096)
def _long_date(value: dt.date, locale: str) -> str:
    """Cached: the same few dates are written thousands of times (each status on
    the overview and selections), and Babel's formatting was a fifth of rendering them."""
    return format_date(value, format="long", locale=locale)


@dataclass(frozen=True, eq=False)
class Words:
    """One language's catalogue, read once (``of``); keys are dotted paths, «index.title».

    Compared by identity: ``of`` reads each catalogue once, and a catalogue
    keys caches (``functools.cache``)."""

    language: str
    entries: Mapping[str, str]

    def __call__(self, key: str, /, **fields: object) -> str:
        """The text at ``key`` with its ``{fields}`` filled in, as plain text."""
        return self.entries[key].format(**fields)

    def md(self, key: str, /, **fields: object) -> Markup:
        """The text at ``key`` for a Markdown page: the catalogue's own text is
        trusted, the values filled in are data and escaped for Markdown."""
        return Markup(self.entries[key]).format(
            **{name: self._value(value, escape.inline) for name, value in fields.items()}
        )

    def html(self, key: str, /, **fields: object) -> Markup:
        """The text at ``key`` inside raw HTML, where Markdown is inactive."""
        return Markup(self.entries[key]).format(
            **{name: self._value(value, escape.html) for name, value in fields.items()}
        )

    def _value(self, value: object, escape_text: Callable[[object], Markup]) -> Markup:
        """A value filled into the text: dates in words, data escaped."""
        if isinstance(value, Markup):
            return value
        if isinstance(value, bool):
            raise TypeError("a boolean reached the reader's words unformatted")
        if isinstance(value, int):
            return Markup(str(value))
        if isinstance(value, dt.date):
            value = self.date(value)
        return escape_text(value)

    def get(self, key: str, default: str) -> str:
        """The text at ``key``, or ``default`` where the catalogue has none: the
        schema's own words (``SCHEMA_WORDS``), which bokmål takes from the schema."""
        return self.entries.get(key, default)

    def slug(self, name: str) -> str:
        """A part of a file name or address, from the catalogue's ``slugs``."""
        return self.entries[f"slugs.{name}"]

    def date(self, value: dt.date) -> str:
        """A date in words: «30. januar 2026»; month names come from Babel."""
        return _long_date(value, self.entries["meta.locale"])

    def in_sentence(self, title: str) -> str:
        """A title inside a sentence: «Status pr januar 2026» -> «status pr januar 2026»."""
        return title[:1].lower() + title[1:]


def of(language: str | None = DEFAULT, directory: Path | None = None) -> Words:
    """The catalogue of ``language`` (None: the default), checked against the
    default one's keys; read once."""
    return _of(language or DEFAULT, directory or DIRECTORY)


@functools.cache
def _of(language: str, folder: Path) -> Words:
    path = folder / f"{language}.yaml"
    if not path.is_file():
        raise CatalogueError(f"no catalogue for the language {language!r} in {folder}")
    entries = _flatten(_read(path))
    if language != DEFAULT:
        reference = _of(DEFAULT, folder)
        missing = sorted(reference.entries.keys() - entries.keys())
        unknown = sorted(
            key
            for key in entries.keys() - reference.entries.keys()
            if not key.startswith(SCHEMA_WORDS)
        )
        if missing or unknown:
            raise CatalogueError(
                f"{path.name}: missing keys {missing}, unknown keys {unknown}"
                f" (compare {DEFAULT}.yaml)"
            )
        for key, text in entries.items():
            if key in reference.entries and _fields(text) != _fields(reference.entries[key]):
                raise CatalogueError(
                    f"{path.name}: {key} fills in {sorted(_fields(text))}, "
                    f"{DEFAULT}.yaml {sorted(_fields(reference.entries[key]))}"
                )
    return Words(language, entries)
