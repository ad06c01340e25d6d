import sys

# Before anything else: a Python that is too old, or one without the tool's
# packages, gets one sentence saying what to do (see environment.py).
from generator.environment import check

check()

from generator.cli import main  # noqa: E402

sys.exit(main())
