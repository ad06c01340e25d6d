"""axe-core for the browser tests: the site check's own (sitecheck.axe), which
fails in CI and skips elsewhere when axe-core is not installed."""

from __future__ import annotations

import os

import pytest

from sitecheck.axe import TAGS as AXE_TAGS
from sitecheck.axe import axe_source as _axe_source
from sitecheck.axe import describe, run_axe
from sitecheck.problems import SiteCheckError
from tests.conftest import ROOT

__all__ = ["AXE_TAGS", "axe_source", "describe", "run_axe"]


def axe_source() -> str:
    try:
        return _axe_source(ROOT)
    except SiteCheckError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(str(exc))
        pytest.skip(str(exc))
