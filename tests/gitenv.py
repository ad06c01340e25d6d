"""The environment the tests run git in: a fixed identity and nothing of the caller's git.

Run from a git hook, the suite inherits GIT_DIR, GIT_INDEX_FILE and the like,
which would make a test's git act on this repository instead of its own
temporary one; user and system config could change git's defaults. No pytest
here: the benchmark uses it too.
"""

from __future__ import annotations

import os

IDENTITY = {
    "GIT_AUTHOR_NAME": "Sekretariatet",
    "GIT_AUTHOR_EMAIL": "sekretariat@example.org",
    "GIT_COMMITTER_NAME": "Sekretariatet",
    "GIT_COMMITTER_EMAIL": "sekretariat@example.org",
}


def git_env(identity: dict[str, str] = IDENTITY) -> dict[str, str]:
    """``os.environ`` without any GIT_ variable or git config, with ``identity``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", **identity}
