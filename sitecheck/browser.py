"""Which Chromium to drive: the same choice for the site check and the tests."""

from __future__ import annotations

import os
import shutil

# Without the background-networking flags Chromium calls home, which a closed
# network refuses; a check must see only the site's own requests.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Debian's and Ubuntu's names first, then Google's build (GitHub's runners have it).
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium() -> str | None:
    """``$CHROMIUM`` when set, else the first Chromium or Chrome on PATH."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        return chosen
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None
