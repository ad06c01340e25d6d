import sys

# Before anything else: a Python that is too old, or one without the tool's
# packages, gets one sentence saying what to do (see environment.py).
from generator.environment import check, package_problem

check()

from generator.cli import main  # noqa: E402

try:
    code = main()
except ModuleNotFoundError as exc:
    # A package a command loads only when it needs it (WeasyPrint for the PDF).
    package = (exc.name or "generator").split(".")[0]
    if package == "generator":
        raise
    sys.stderr.write(f"{package_problem([package])}\n")
    code = 1
sys.exit(code)
