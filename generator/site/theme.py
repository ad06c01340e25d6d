"""The project's additions to Material, shipped in the package and added by the plugin.

Templates, stylesheet and scripts live in ``generator/theme/`` rather than in
each site's folder, so every council's site gets the same accessible,
CSP-clean pages from one ``council-followups`` line in its mkdocs.yml, and
an upgrade of the package upgrades them all. A site's own ``custom_dir``
still wins over these.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(str(resources.files("generator") / "theme"))

STYLESHEETS = ("stylesheets/reader.css",)
# Progressive enhancement only, and no inline scripts: the site sends a CSP.
SCRIPTS = ("javascripts/point-filter.js", "javascripts/version-label.js")


def add_to(config: MkDocsConfig) -> None:
    """Put the package's theme folder after the site's own overrides and link its assets."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        # MkDocs puts a site's custom_dir first; ours goes right after it.
        custom = config.theme.custom_dir
        dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, str(THEME_DIR))
    for sheet in STYLESHEETS:
        if sheet not in config.extra_css:
            config.extra_css.append(sheet)
    present = {str(script) for script in config.extra_javascript}
    for script in SCRIPTS:
        if script not in present:
            config.extra_javascript.append(script)
