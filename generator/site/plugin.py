"""MkDocs plugin: runs the pipeline before every build and adds the generated pages.

Kept thin on purpose: the work lives in ``pipeline``. Generated pages are
written to their own folder (not into ``docs_dir``) and added as files whose
source is that folder, so hand-written content and generated output never mix
and unchanged pages keep their modification time for ``--dirty`` builds.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import yaml
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator import words
from generator.data import kinds, problem_text
from generator.data.model import Dataset
from generator.data.problems import DataError, Problem
from generator.data.schema import PLACEHOLDER
from generator.data.snapshot import UnknownEdition
from generator.data.suggest import count
from generator.site import (
    addresses,
    collisions,
    csp,
    download_files,
    downloads,
    folders,
    handoff,
    incremental,
    live_preview,
    passthrough,
    pdf_process,
    publish_env,
    rawhtml,
    theme,
)
from generator.site.build import FOLLOWUPS_ENV, IPO_AREAS_ENV, Sources, generate, schema_files
from generator.words import Words

if TYPE_CHECKING:
    # Only `mkdocs serve` has one; importing it cost every build about 10 ms.
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.council_followups")


class FollowupsConfig(base.Config):
    followups = c.Type(str, default="followups.yaml")
    """The follow-up points file, relative to mkdocs.yml."""
    ipo_areas = c.Type(str, default="ipo_areas.yaml")
    """The priority areas file, relative to mkdocs.yml."""
    generated_dir = c.Type(str, default="build/generated")
    """Where generated Markdown is written, relative to mkdocs.yml."""
    cache_dir = c.Type(str, default="build/cache")
    """Where slow products (the report's PDFs) are kept between builds, relative to mkdocs.yml."""
    edition = c.Type((str, int), default="")
    """The reporting round (edition id) the site shows; empty for the newest.
    An int is accepted because ``!ENV`` reads a value like 2027 as a number."""
    today = c.Optional(c.Type((str, dt.date)))
    """The date that decides which points are overdue (ÅÅÅÅ-MM-DD); default: the build's day."""


def as_text(value: object) -> object:
    """A name from mkdocs.yml or a page's front matter, shown as text.

    Material writes these into pages without escaping them (site_name into
    <title> and the header): as ``Markup`` the text is escaped once here and
    never again, whether a template escapes it (``| e``) or not.
    """
    return escape(value) if isinstance(value, str) else value


def _nav_as_text(items: object) -> object:
    if isinstance(items, list):
        return [_nav_as_text(item) for item in items]
    if isinstance(items, dict):
        return {as_text(title): _nav_as_text(target) for title, target in items.items()}
    return items


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process. ``mkdocs serve`` makes a
    new Jinja environment for every rebuild, which compiled Material's templates
    again each time (about 0.3 s of every edit's wait); keyed by Jinja on the
    template's name and source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # checks the source's checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class _Listed(jinja2.BaseLoader):
    """A loader that lists only the names it was given (``_theme_files``)."""

    def __init__(self, names: list[str]) -> None:
        self._names = names

    def list_templates(self) -> list[str]:
        return sorted(self._names)


def _theme_files(files: Files, config: MkDocsConfig) -> list[str]:
    """Where the theme's own files go in the site, hand-written ones aside.

    MkDocs has added the theme's files to ``files`` before ``on_files``,
    except where a hand-written file has the same path; those are found by
    MkDocs' own rule, asked about the hand-written files' paths alone. Listing
    the whole theme again (Material's thousands of icons) took about 0.15 s of
    every build."""
    theme_dirs = {os.path.abspath(folder) for folder in config.theme.dirs}
    docs_dir = os.path.abspath(config.docs_dir)
    found = [
        f.dest_uri
        for f in files
        if f.src_dir is not None and os.path.abspath(f.src_dir) in theme_dirs
    ]
    written = [
        f.src_uri for f in files if f.src_dir is not None and os.path.abspath(f.src_dir) == docs_dir
    ]
    shadowed = Files([])
    shadowed.add_files_from_theme(jinja2.Environment(loader=_Listed(written)), config)
    return found + [f.dest_uri for f in shadowed]


def _write_downloads(site_dir: Path, content: dict[str, bytes]) -> None:
    """The open data, feed and PDFs into the site; a folder that cannot be
    written is one message, as everywhere in a build."""
    try:
        download_files.write_files(site_dir, content)
    except OSError as exc:
        raise Abort(
            folders.cannot_write(
                f"mappen nettstedet bygges i («{site_dir}»)",
                exc,
                "Gjør mappen skrivbar, eller bygg nettstedet til en annen mappe.",
            )
        ) from None


def _council_language(text: str) -> str | None:
    """``council.language`` of a follow-ups file, read from libyaml's events up to
    the end of ``council``: loading the whole file with PyYAML's Python loader
    took 2 s of every preview rebuild at 1,000 points, for one value at the top."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # One frame per open collection: [is a mapping, the key whose value comes
    # next (None: a key comes next), the key this collection is the value of].
    frames: list[list[Any]] = []

    def in_council() -> bool:
        return len(frames) == 2 and frames[1][2] == "council"

    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            owner = None
            if frames and frames[-1][0]:
                owner = frames[-1][1] if frames[-1][1] is not None else ""
            frames.append([isinstance(event, yaml.MappingStartEvent), None, owner])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            if in_council():
                return None
            frames.pop()
            if frames and frames[-1][0]:
                # The collection was a key (rare) or a value: what comes next flips.
                frames[-1][1] = "" if frames[-1][1] is None else None
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) and frames and frames[-1][0]:
            frame = frames[-1]
            if frame[1] is None:
                frame[1] = event.value if isinstance(event, yaml.ScalarEvent) else ""
            else:
                if in_council() and frame[1] == "language":
                    return event.value if isinstance(event, yaml.ScalarEvent) else None
                frame[1] = None
    return None


class FollowupsPlugin(BasePlugin[FollowupsConfig]):
    _data: Dataset | None = None
    _serving = False
    _stable_files = False
    _lock: folders.Lock | None = None
    _known: csp.KnownScripts = csp.KnownScripts(())
    _not_allowed: list[Problem]
    _language: Words = words.of()
    _preview: live_preview.State | None = None
    """In ``mkdocs serve``: what the preview shows (see ``preview``)."""
    _rendered: incremental.Rendered | None = None
    """In ``mkdocs serve``: the last good build's pages, which the next one starts from."""
    _written: dict[str, tuple[str, passthrough.Blocks]]
    """The generated pages as written, with their raw HTML blocks, until MkDocs
    reads each (``on_page_markdown``)."""
    _after_build: live_preview.AfterBuild | None = None
    """In ``mkdocs serve``: the open data and feed, written once the pages are served."""
    _pdf: pdf_process.Job | None = None
    """The report's PDFs, started as soon as the data is loaded and collected in
    ``on_post_build``, so Typst works while MkDocs renders the pages."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        if self._serving:
            self._preview = live_preview.State()
            self._after_build = live_preview.AfterBuild()

    def _today(self) -> dt.date | None:
        value = self.config.today
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return kinds.parse_date(str(value), "today")
        except kinds.NotADate as exc:
            raise Abort(exc.message) from None

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml")))

    def _sources(self, config: MkDocsConfig) -> Sources:
        root = self._root(config)
        followups = os.environ.get(FOLLOWUPS_ENV) or self.config.followups
        ipo_areas = os.environ.get(IPO_AREAS_ENV) or self.config.ipo_areas
        return Sources(
            root / followups,
            root / ipo_areas,
            root,
            Path(config.docs_dir),
            Path(config.config_file_path) if config.config_file_path else None,
        )

    def _folder(self, config: MkDocsConfig, option: str) -> tuple[Path, str]:
        """An owned folder's path and how messages show it (as written in mkdocs.yml)."""
        value = str(getattr(self.config, option))
        return self._root(config) / value, value

    def _guards(self, config: MkDocsConfig) -> list[folders.Guard]:
        sources = self._sources(config)
        data_files = [sources.followups, sources.ipo_areas, sources.privacy_exceptions()]
        return [
            *folders.project_guards(
                self._root(config), sources.content, data_files, sources.config_file
            ),
            folders.Guard(self._root(config) / "content", "mappen med de håndskrevne sidene"),
            folders.Guard(Path(config.site_dir), "mappen nettstedet bygges i (site_dir)"),
        ]

    def _cannot_write(self, option: str, shown: str, exc: OSError) -> Abort:
        return Abort(
            folders.cannot_write(
                f"mappen «{shown}» ({option} i mkdocs.yml)",
                exc,
                f"Gjør mappen skrivbar, eller velg en annen mappe med {option} i mkdocs.yml.",
            )
        )

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Check the folders the build empties, then take the generated pages'
        folder for this build alone (see ``folders.Lock``)."""
        if self._after_build is not None:
            self._after_build.wait()  # the last preview build's files, still being written
        self._not_allowed = []
        self._written = {}
        generated, generated_shown = self._folder(config, "generated_dir")
        cache, cache_shown = self._folder(config, "cache_dir")
        guards = self._guards(config)
        try:
            folders.check_place(
                "generated_dir",
                generated,
                self._root(config),
                [*guards, folders.Guard(cache, "mappen for mellomlagring (cache_dir)")],
                shown=generated_shown,
            )
            folders.check_place(
                "cache_dir",
                cache,
                self._root(config),
                [*guards, folders.Guard(generated, "mappen for de genererte sidene")],
                shown=cache_shown,
                example="build/cache",
            )
            folders.claim(
                generated,
                folders.GENERATED,
                "generated_dir",
                generated_shown,
                folders.older_generated_pages,
            )
            if self._lock is None:
                self._lock = folders.Lock()
            self._lock.acquire(
                generated,
                lambda: log.info(
                    "Venter på at en annen bygging av nettstedet i denne mappen blir ferdig "
                    f"(den bruker «{generated_shown}») …"
                ),
            )
        except folders.FolderRefused as exc:
            raise Abort(exc.message) from None
        except OSError as exc:
            raise self._cannot_write("generated_dir", generated_shown, exc) from None

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def _stop_pdf(self) -> None:
        if self._pdf is not None:
            self._pdf.cancel()
            self._pdf = None

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_pdf()
        self._release()

    def on_shutdown(self) -> None:
        if self._after_build is not None:
            self._after_build.wait()
        self._stop_pdf()
        self._release()

    def _words(self, config: MkDocsConfig) -> Words:
        """The council's language, read before the data is loaded: Material's
        language and search are set up in ``on_config``, before the pages.
        A value that is not a language counts as the default here; the data's
        validation reports it."""
        try:
            language = _council_language(
                self._sources(config).followups.read_text(encoding="utf-8")
            )
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return words.of()
        if isinstance(language, str) and language in words.languages():
            return words.of(language)
        return words.of()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme.add_to(config)
        # The council's language decides Material's words, <html lang> and
        # the search's stemming, whatever mkdocs.yml says.
        self._language = self._words(config)
        config.theme["language"] = self._language("meta.material_language")
        for name in ("material/search", "search"):
            search = config.plugins.get(name)
            if search is not None and "lang" in search.config:
                search.config["lang"] = [self._language("meta.search_language")]
        self._known = csp.known_scripts(config.theme.dirs)
        for key in ("site_name", "site_description", "site_author", "copyright"):
            config[key] = as_text(config[key])
        config.nav = _nav_as_text(config.nav)  # type: ignore[assignment]
        # Material's version selector fetches ../versions.json, which only a
        # site published with mike has (mike sets MIKE_DOCS_VERSION while it
        # builds). Elsewhere the request would fail, so leave the selector out.
        version = os.environ.get("MIKE_DOCS_VERSION")
        if not version:
            config.extra.pop("version", None)
        elif os.environ.get(publish_env.PREVIEW) == "1" and isinstance(
            config.extra.get("version"), dict
        ):
            # Material shows the outdated banner on every version that does not
            # match `default`; a pull request's preview is not an old edition.
            default = config.extra["version"].get("default") or "latest"
            defaults = default if isinstance(default, list) else [default]
            config.extra["version"]["default"] = [*defaults, f"^{re.escape(version)}$"]
        # Set by `publish` for a published edition (never for a preview or a
        # plain build): the root of the site has the newest feed and data.
        self._stable_files = bool(version) and os.environ.get(publish_env.STABLE_FILES) == "1"
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        out_dir, shown = self._folder(config, "generated_dir")
        sources = self._sources(config)
        try:
            loaded, written = generate(
                sources,
                out_dir,
                self._today(),
                edition=str(self.config.edition) or None,
                stable_files=self._stable_files,
                shown=shown,
                drafts=self._serving,
                # `generator site` has checked these files already, if they are unchanged.
                checked=None if self._serving else handoff.read(sources),
                previous=self._rendered,
            )
        except DataError as exc:
            if self._preview is None:
                raise Abort("Datafilene har feil:\n" + problem_text.as_text(exc.problems)) from None
            # A failed build would hold every request of the preview: keep the
            # last good pages, and say why on them.
            self._preview.failed(exc.problems)
            log.warning(
                "Datafilene har feil; forhåndsvisningen viser den siste versjonen uten feil:\n"
                + problem_text.as_text(exc.problems)
            )
            return self._add_pages(files, config, out_dir)
        except UnknownEdition as exc:
            raise Abort(str(exc)) from None
        except folders.FolderRefused as exc:
            raise Abort(exc.message) from None
        except OSError as exc:
            raise self._cannot_write("generated_dir", shown, exc) from None
        for warning in loaded.warnings:
            log.info(str(warning))  # a warning would fail --strict; validate shows it too
        for note in loaded.notes:
            log.info(note)
        log.debug(
            "generated pages: %d written, %d removed", len(written.written), len(written.removed)
        )
        self._data = loaded.data
        rendered = loaded.rendered
        self._written = (
            {path: (rendered.pages[path], blocks) for path, blocks in rendered.blocks.items()}
            if rendered is not None
            else {}
        )
        if not self._serving:
            self._start_pdf(config, loaded.data)
        if self._preview is not None:
            self._rendered = loaded.rendered
            self._preview.built(loaded.data)
            if loaded.unfilled:
                log.info(
                    f"Utkast: {count(len(loaded.unfilled), 'status', 'statuser')} står fortsatt med "
                    f"«{PLACEHOLDER}»; "
                    "forhåndsvisningen viser dem merket «Ikke fylt ut»."
                )
        return self._add_pages(files, config, out_dir)

    def _start_pdf(self, config: MkDocsConfig, data: Dataset) -> None:
        self._stop_pdf()
        cache, cache_shown = self._folder(config, "cache_dir")
        try:
            self._pdf = download_files.start_report_pdfs(data, cache)
        except folders.FolderRefused as exc:
            raise Abort(exc.message) from None
        except OSError as exc:
            raise self._cannot_write("cache_dir", cache_shown, exc) from None

    def _add_pages(self, files: Files, config: MkDocsConfig, out_dir: Path) -> Files:
        """The generated pages, from their own folder, beside the hand-written ones
        (in a preview whose data has errors, those of the last good build)."""
        pages = [
            File(
                path.relative_to(out_dir).as_posix(),
                str(out_dir),
                config.site_dir,
                config.use_directory_urls,
            )
            for path in sorted(out_dir.rglob("*.md"))
        ]
        self._check_static_files(files, config)
        # Without any good data yet (a preview started on data with errors)
        # there is nothing generated to collide with.
        clashes = self._clashes(files, pages, config) if self._data is not None else []
        if clashes:
            raise Abort(
                "Noen filer i content/ har samme adresse som noe annet på nettstedet:\n"
                + "\n".join(f"  {message}" for message in clashes)
            )
        for page in pages:
            files.append(page)
        return files

    def _is_content(self, file: File, config: MkDocsConfig) -> bool:
        return file.src_dir is not None and os.path.abspath(file.src_dir) == os.path.abspath(
            config.docs_dir
        )

    def _shown(self, file: File, config: MkDocsConfig) -> str:
        return f"{Path(config.docs_dir).name}/{file.src_uri}"

    def _check_static_files(self, files: Files, config: MkDocsConfig) -> None:
        """Hand-written HTML and SVG files are copied as they are: checked as they are."""
        for file in files:
            if self._is_content(file, config) and file.src_uri.lower().endswith(
                rawhtml.STATIC_TYPES
            ):
                text = Path(file.abs_src_path or "").read_text(encoding="utf-8", errors="replace")
                self._not_allowed += rawhtml.check(text, text, self._shown(file, config))

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self._is_content(page.file, config):
            # Front matter is written into <head> by Material (title, description).
            for key, value in list(page.meta.items()):
                page.meta[key] = as_text(value)
            return markdown
        # A generated page's raw HTML goes past Python-Markdown's HTML parser
        # in comments (``passthrough``), which on_page_content takes out again.
        written = self._written.pop(page.file.src_uri, None)
        if written is None:
            return markdown
        return passthrough.wrapped(markdown, *written) or markdown

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Every page has been read: stop before any is written if a hand-written
        one has what it may not."""
        if self._not_allowed:
            raise Abort(
                "Håndskrevne sider har innhold som ikke er tillatt:\n"
                + problem_text.as_text(self._not_allowed)
            )
        if self._serving:
            env.bytecode_cache = _COMPILED
        env.globals["council_stable_feed"] = self._stable_files
        # The theme's own words and links, in the language of the data built
        # (of mkdocs.yml's data file while a preview has none yet); the
        # partials link to pages and files by these addresses, never by name.
        language = words.of(self._data.council.language) if self._data else self._language
        env.globals["council_words"] = language
        env.globals["council_addresses"] = addresses.for_words(language).theme()
        env.globals["council_version_label"] = language("theme.version_label")
        return env

    def _clashes(self, files: Files, pages: list[File], config: MkDocsConfig) -> list[str]:
        """Hand-written files at an address that something else uses (``collisions``)."""
        assert self._data is not None
        docs_dir = os.path.abspath(config.docs_dir)
        shown = Path(config.docs_dir).name
        content = [
            (f"{shown}/{f.src_uri}", f.dest_uri, f.url)
            for f in files
            if f.src_dir is not None and os.path.abspath(f.src_dir) == docs_dir
        ]
        schema_names = tuple(p.name for p in schema_files(self._sources(config)))
        made = [
            *(
                collisions.Taken(d.path, "nedlastingsfilen som lages fra datafilene")
                for d in downloads.every_file(self._data, schema_names)
            ),
            *(collisions.Taken(name, what) for name, what in collisions.MKDOCS_FILES.items()),
            *(
                collisions.Taken(address, "en fil som følger med utseendet til nettstedet")
                for address in _theme_files(files, config)
            ),
        ]
        generated = {page.dest_uri: page.src_uri for page in pages}
        return collisions.content_problems(content, generated, made)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Open data, feed, schemas and the report's PDFs, beside the pages."""
        try:
            self._write_site_files(config)
        finally:
            self._release()

    def _write_site_files(self, config: MkDocsConfig) -> None:
        if self._data is None:
            return
        if self._serving:
            # Typesetting the PDFs would make a preview rebuild wait for them
            # (about 2 s at 1,000 points); make site and publish include them.
            log.info("Forhåndsvisningen lager ikke PDF-ene av rapporten; «make site» gjør det.")
            if self._after_build is not None:
                self._write_preview_files(config, self._data, self._after_build)
                return
        cache, cache_shown = self._folder(config, "cache_dir")
        report, self._pdf = self._pdf, None
        try:
            content = download_files.files(
                self._data,
                schema_files(self._sources(config)),
                config.site_url or "",
                with_pdf=not self._serving,
                cache_dir=cache,
                report=report,
            )
        except pdf_process.PdfFailed as exc:
            raise Abort(exc.message) from None
        except folders.FolderRefused as exc:
            raise Abort(exc.message) from None
        except OSError as exc:
            raise self._cannot_write("cache_dir", cache_shown, exc) from None
        _write_downloads(Path(config.site_dir), content)

    def _write_preview_files(
        self, config: MkDocsConfig, data: Dataset, after: live_preview.AfterBuild
    ) -> None:
        """The preview's open data and feed, once its pages are served (``AfterBuild``)."""
        schemas = schema_files(self._sources(config))
        site_dir, site_url = Path(config.site_dir), config.site_url or ""

        def write() -> None:
            _write_downloads(
                site_dir, download_files.files(data, schemas, site_url, with_pdf=False)
            )

        after.run(write)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # MkDocs keeps a heading's title as HTML (entities escaped), but
        # Material writes it into <title> through «striptags», which unescapes
        # it: a title «</title><script>» would leave the element. As page
        # metadata it is written as it is, still escaped.
        if page.title and "title" not in page.meta and not page.is_homepage:
            page.meta["title"] = page.title
        if self._is_content(page.file, config):
            self._not_allowed += rawhtml.check(
                html, page.file.content_string, self._shown(page.file, config)
            )
            return html
        # Generated pages carry their raw HTML past Markdown in comments. What
        # the search indexes comes out here, before Material's search plugin
        # reads the page (on_page_context); what it skips, in on_post_page. A
        # page the search leaves out (Material's rule: «search: exclude» in its
        # front matter) is not parsed by it at all: all of it comes out here.
        if (page.meta.get("search") or {}).get("exclude"):
            return passthrough.unwrap(html)
        return passthrough.unwrap_searched(html)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not self._is_content(page.file, config):
            # Before the policy, which hashes what the final page holds.
            output = passthrough.unwrap(output)  # a quick «in» where nothing is left
        return csp.add_policy(output, self._known)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # 404.html is rendered as a template, not a page.
        if template_name.endswith(".html"):
            return csp.add_policy(output_content, self._known)
        return output_content

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        sources = self._sources(config)
        watched = [sources.followups, sources.ipo_areas]
        if sources.privacy_exceptions().exists():
            watched.append(sources.privacy_exceptions())
        live_preview.watch_often(server, [str(path) for path in watched])
        if self._preview is not None:
            live_preview.attach(server, self._preview, _build_error)
        return server


def _build_error(exc: Exception) -> str:
    """A rebuild of the preview that failed, in words for the banner and the log."""
    detail = exc.format_message() if isinstance(exc, Abort) else f"{type(exc).__name__}: {exc}"
    return f"Forhåndsvisningen kunne ikke bygges på nytt: {detail}"
