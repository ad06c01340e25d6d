"""Where the published site lives, and what publishing tells a build through the environment.

``SITE_URL`` is the site's address (in CI, the repository's GitHub Pages
address). mkdocs.yml reads it as ``site_url`` and mike adds the version, so
each version's sitemap lists its pages under ``SITE_URL/<version>/`` and
Material's version selector can keep a reader on the same page. Without it
everything still builds; sitemaps are then empty and feed links relative.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from generator.errors import EnvironmentFailure

SITE_URL = "SITE_URL"
STABLE_FILES = "SITE_STABLE_FILES"
"""Set to «1» by ``publish`` for a published edition: the newest edition's
feed and open data lie at the site's root, and the pages point there."""
PREVIEW = "SITE_PREVIEW"
"""Set to «1» by ``publish`` for a pull request's preview version."""


class AddressError(EnvironmentFailure):
    """SITE_URL is not an address; the message says what to write."""


def site_url(env: Mapping[str, str]) -> str:
    """``SITE_URL`` ending in «/», or «» when it is not set."""
    value = env.get(SITE_URL, "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise AddressError(
            f"Miljøvariabelen SITE_URL er «{value}», som ikke er en nettadresse. Skriv hele "
            "adressen til nettstedet, for eksempel https://politiradet.github.io/oppfolging/, "
            "eller fjern variabelen."
        )
    return value if value.endswith("/") else value + "/"
