"""axe-core in a Playwright page: the accessibility check every browser test shares."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core is missing: run `npm ci` in the project folder (make test does)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any, source: str) -> list[dict[str, Any]]:
    # Evaluated over the DevTools protocol rather than added as a <script>,
    # so the site's Content-Security-Policy cannot block it.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return list(result["violations"])


def describe(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{url}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(
                f"      {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}"
            )
    return "\n".join(lines)
