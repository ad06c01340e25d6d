"""The stock build of the same pages: what our build is measured against (issue 14).

The Markdown our generator wrote (``build/generated/``) and the hand-written
pages (``content/``), put in one folder and built by plain ``mkdocs build``
with mkdocs-material and the project's own theme, search and
markdown_extensions, but without the ``council-followups`` plugin: no open
data, feed, PDF, Content-Security-Policy, theme additions or passthrough
(the plugin hands the pages' raw HTML blocks past Python-Markdown's HTML
parser; a stock build parses them tag by tag, as it would any page), and
without mike. The difference between the two builds is what our plugin
costs, less what its passthrough saves.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

OURS = ("council-followups", "mike")
"""The plugins a stock build leaves out."""
KEPT = ("site_name", "theme", "markdown_extensions", "nav", "not_in_nav", "validation")
"""What the stock build's mkdocs.yml takes from the project's as it is."""


def _plugins(plugins: Any) -> list[Any]:
    """The project's plugins without ours, in the same form (names or one-key maps)."""
    kept = []
    for entry in plugins or []:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name not in OURS:
            kept.append(entry)
    return kept


def config(project: Path) -> dict[str, Any]:
    """The stock build's settings, from the project's mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load

    with (project / "mkdocs.yml").open(encoding="utf-8") as source:
        # MkDocs' own loader: the project's file has !ENV tags.
        theirs = yaml_load(source)
    out: dict[str, Any] = {key: theirs[key] for key in KEPT if key in theirs}
    out["docs_dir"] = "docs"
    out["site_dir"] = "site"
    out["plugins"] = _plugins(theirs.get("plugins"))
    # Links to the files only our plugin writes (open data, feed, PDF) are
    # missing here: warnings, which strict would turn into a failure.
    out["strict"] = False
    return out


def write_project(built: Path, dest: Path) -> Path:
    """A stock project in ``dest`` of the pages ``built`` (a project built by us) holds."""
    docs = dest / "docs"
    content = built / "content"
    if content.is_dir():
        shutil.copytree(content, docs)
    # The plugin refuses a hand-written page where a generated one goes
    # (site/collisions.py), so the two folders never share a file.
    shutil.copytree(built / "build" / "generated", docs, dirs_exist_ok=True)
    text = yaml.safe_dump(config(built), allow_unicode=True, sort_keys=False)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


def pages(project: Path) -> int:
    """The Markdown pages a stock project holds."""
    return sum(1 for _ in (project / "docs").rglob("*.md"))
