"""``python -m bench``: the benchmark (see bench/README.md); ``python -m bench profile [N]``."""

from __future__ import annotations

import sys

from . import run

if __name__ == "__main__":
    if sys.argv[1:2] == ["profile"]:
        from . import profile

        raise SystemExit(profile.main(sys.argv[2:]))
    raise SystemExit(run.main())
