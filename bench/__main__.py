"""``python -m bench``: the benchmark (see bench/README.md); ``python -m bench profile [N]``;
``python -m bench publish`` (the time of ``make publish``, see bench/publish.py);
``python -m bench pdf`` the report PDF per edition and per seminar (bench/pdf.py);
``python -m bench validate`` times validation of 16 MB files of every shape (bench/validate.py);
``python -m bench phases [N]`` our build's CPU by phase beside the stock build's (bench/phases.py)."""

from __future__ import annotations

import sys

from . import run

if __name__ == "__main__":
    if sys.argv[1:2] == ["profile"]:
        from . import profile

        raise SystemExit(profile.main(sys.argv[2:]))
    if sys.argv[1:2] == ["publish"]:
        from . import publish

        raise SystemExit(publish.main())
    if sys.argv[1:2] == ["pdf"]:
        from . import pdf

        raise SystemExit(pdf.main(sys.argv[2:]))
    if sys.argv[1:2] == ["phases"]:
        from . import phases

        raise SystemExit(phases.main(sys.argv[2:]))
    if sys.argv[1:2] == ["validate"]:
        from . import validate

        raise SystemExit(validate.main(sys.argv[2:]))
    raise SystemExit(run.main())
