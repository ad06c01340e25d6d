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

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import addresses, csp, report, site_files, theme
from .model import Dataset
from .pipeline import Sources, generate, schema_files
from .problems import DataError
from .snapshot import UnknownEdition

log = logging.getLogger("mkdocs.plugins.council_followups")


class FollowupsConfig(base.Config):
    followups = c.Type(str, default="followups.yaml")
    """The follow-up points file, relative to mkdocs.yml."""
    ipo_areas = c.Type(str, default="ipo_areas.yaml")
    """The priority areas file, relative to mkdocs.yml."""
    generated_dir = c.Type(str, default="build/generated")
    """Where generated Markdown is written, relative to mkdocs.yml."""
    cache_dir = c.Type(str, default="build/cache")
    """Where slow products (the report PDF) are kept between builds, relative to mkdocs.yml."""
    edition = c.Type((str, int), default="")
    """The reporting round (edition id) the site shows; empty for the newest.
    An int is accepted because ``!ENV`` reads a value like 2027 as a number."""
    today = c.Optional(c.Type((str, dt.date)))
    """The date that decides which points are overdue (ÅÅÅÅ-MM-DD); default: the build's day."""


class FollowupsPlugin(BasePlugin[FollowupsConfig]):
    _data: Dataset | None = None
    _serving = False
    _stable_files = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def _today(self) -> dt.date | None:
        value = self.config.today
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise Abort(f"today: «{value}» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD.") from None

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml")))

    def _sources(self, config: MkDocsConfig) -> Sources:
        root = self._root(config)
        return Sources(
            root / self.config.followups, root / self.config.ipo_areas, root, Path(config.docs_dir)
        )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme.add_to(config)
        # Material's version selector fetches ../versions.json, which only a
        # site published with mike has (mike sets MIKE_DOCS_VERSION while it
        # builds). Elsewhere the request would fail, so leave the selector out.
        version = os.environ.get("MIKE_DOCS_VERSION")
        if not version:
            config.extra.pop("version", None)
        elif os.environ.get(addresses.PREVIEW) == "1" and isinstance(
            config.extra.get("version"), dict
        ):
            # Material shows the outdated banner on every version that does not
            # match `default`; a pull request's preview is not an old edition.
            default = config.extra["version"].get("default") or "latest"
            defaults = default if isinstance(default, list) else [default]
            config.extra["version"]["default"] = [*defaults, f"^{re.escape(version)}$"]
        # Set by `publish` for a published edition (never for a preview or a
        # plain build): the root of the site has the newest feed and data.
        self._stable_files = bool(version) and os.environ.get(addresses.STABLE_FILES) == "1"
        return config

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.globals["council_stable_feed"] = self._stable_files
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        out_dir = self._root(config) / self.config.generated_dir
        try:
            loaded, written = generate(
                self._sources(config),
                out_dir,
                self._today(),
                edition=str(self.config.edition) or None,
                stable_files=self._stable_files,
            )
        except DataError as exc:
            raise Abort("Datafilene har feil:\n" + report.as_text(exc.problems)) from None
        except UnknownEdition as exc:
            raise Abort(str(exc)) from None
        for warning in loaded.warnings:
            log.info(str(warning))  # a warning would fail --strict; validate shows it too
        for note in loaded.notes:
            log.info(note)
        log.debug(
            "generated pages: %d written, %d removed", len(written.written), len(written.removed)
        )
        self._data = loaded.data
        for path in sorted(out_dir.rglob("*.md")):
            src_uri = path.relative_to(out_dir).as_posix()
            if files.get_file_from_path(src_uri) is not None:
                raise Abort(
                    f"content/{src_uri} har samme navn som en side som lages fra datafilene. "
                    "Gi den håndskrevne siden et annet navn."
                )
            files.append(File(src_uri, str(out_dir), config.site_dir, config.use_directory_urls))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Open data, feed, schemas and the report PDF, beside the pages."""
        if self._data is None:
            return
        if self._serving:
            # Rendering the PDF would make every preview rebuild wait for it
            # (about 10 s at 1,000 points); make site and publish include it.
            log.info("Forhåndsvisningen lager ikke PDF-en av rapporten; «make site» gjør det.")
        content = site_files.files(
            self._data,
            schema_files(self._sources(config)),
            config.site_url or "",
            with_pdf=not self._serving,
            cache_dir=self._root(config) / self.config.cache_dir,
        )
        site_files.write_files(Path(config.site_dir), content)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # MkDocs keeps a heading's title as HTML (entities escaped), but
        # Material writes it into <title> through «striptags», which unescapes
        # it: a title «</title><script>» would leave the element. As page
        # metadata it is written as it is, still escaped.
        if page.title and "title" not in page.meta and not page.is_homepage:
            page.meta["title"] = page.title
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return csp.add_policy(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # 404.html is rendered as a template, not a page.
        return csp.add_policy(output_content) if template_name.endswith(".html") else output_content

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        sources = self._sources(config)
        server.watch(str(sources.followups))
        server.watch(str(sources.ipo_areas))
        if sources.privacy_exceptions().exists():
            server.watch(str(sources.privacy_exceptions()))
        return server
