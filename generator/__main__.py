import sys

# Before anything else: a Python that is too old, or one without the tool's
# packages, gets one sentence saying what to do (see environment.py).
from .environment import check

check()

from .cli import main  # noqa: E402

sys.exit(main())
