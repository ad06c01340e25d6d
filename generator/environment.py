"""What ``python -m generator`` checks before anything else: the Python version
and the packages the tool needs. A wrong interpreter or an environment that is
not in use gives one Norwegian sentence that says what to do, not a traceback
(``ModuleNotFoundError: No module named 'babel'``) or a syntax error.

``__main__`` imports this module before any other, so it must run on every
Python 3 still in use: no syntax or library newer than Python 3.6 (f-strings),
no annotations that are evaluated, and nothing from the rest of the package.
"""

import os
import sys

MINIMUM = (3, 11)
"""pyproject.toml's requires-python."""

PACKAGES = (
    "babel", "jinja2", "markupsafe", "mkdocs", "material", "ruamel.yaml", "yaml", "mike", "typst",
)  # fmt: skip
"""Modules the commands import (requirements.txt installs them); ``typst`` only
in the build's PDF process, where a missing one would say less."""


def _venv_python(root):  # type: (str) -> str | None
    """The virtual environment's Python in ``root``, if there is one."""
    for parts in ((".venv", "bin", "python"), (".venv", "Scripts", "python.exe")):
        path = os.path.join(root, *parts)
        if os.path.exists(path):
            return path
    return None


def _shown(path):  # type: (str) -> str
    """``path`` relative to the working folder when it lies inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _roots():  # type: () -> list[str]
    """Where the project may be: the working folder, then the tool's own folder."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    roots = [os.getcwd()]
    if os.path.realpath(here) != os.path.realpath(roots[0]):
        roots.append(here)
    return roots


def _running(python):  # type: (str) -> bool
    try:
        return os.path.samefile(
            os.path.dirname(os.path.dirname(python)), os.path.realpath(sys.prefix)
        )
    except OSError:
        return False


def _in(root):  # type: (str) -> str
    """« i <root>» when ``root`` is not the working folder."""
    return "" if os.path.realpath(root) == os.path.realpath(os.getcwd()) else " i " + root


def _arguments():  # type: () -> str
    return " ".join(["-m", "generator", *sys.argv[1:]])


def _activate(python):  # type: (str) -> str
    folder = os.path.dirname(python)
    if folder.endswith("Scripts"):
        return _shown(os.path.join(folder, "activate"))
    return "source " + _shown(os.path.join(folder, "activate"))


def version_problem(version=None, executable=None):  # type: (tuple[int, ...] | None, str | None) -> str | None
    """A sentence when this Python is too old for the tool, else None."""
    version = tuple(version or sys.version_info[:3])
    if version[:2] >= MINIMUM:
        return None
    needed = ".".join(str(part) for part in MINIMUM)
    have = ".".join(str(part) for part in version[:3])
    message = f"Verktøyet trenger Python {needed} eller nyere, men dette er Python {have} ({executable or sys.executable})."
    for root in _roots():
        python = _venv_python(root)
        if python is not None and not _running(python):
            return message + f" Bruk prosjektets miljø: {_shown(python)} {_arguments()}"
    return message + (
        f" Installer Python {needed} eller nyere, og kjør «make site PYTHON=python{needed}» i mappen med "
        "verktøyet; da lages et miljø i .venv med riktig Python."
    )


def missing_packages():  # type: () -> list[str]
    """The needed modules this Python cannot find."""
    import importlib.util

    missing = []
    for name in PACKAGES:
        try:
            found = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            found = None
        if found is None:
            missing.append(name)
    return missing


def package_problem(missing):  # type: (list[str]) -> str | None
    """A sentence saying how to get the ``missing`` modules, else None."""
    if not missing:
        return None
    message = f"Python finner ikke pakken «{missing[0]}», som verktøyet trenger"
    for root in _roots():
        python = _venv_python(root)
        if python is None:
            continue
        if _running(python):
            return message + (
                f": miljøet i {_shown(os.path.join(root, '.venv'))} er ikke ferdig installert. "
                f"Kjør «make venv»{_in(root)}, så installeres det som mangler."
            )
        return message + (
            f": prosjektets miljø (.venv) er ikke i bruk. Aktiver det med «{_activate(python)}» "
            f"og prøv igjen, eller kjør «{_shown(python)} {_arguments()}»."
        )
    return message + (
        f". Kjør «make site» først{_in(_roots()[-1])}: den lager et miljø i .venv med alt verktøyet trenger. "
        "Aktiver det så med «source .venv/bin/activate» (på Windows: .venv\\Scripts\\activate), "
        f"eller kjør «.venv/bin/python {_arguments()}»."
    )


def check():  # type: () -> None
    """Stop with one sentence when this Python cannot run the tool."""
    problem = version_problem() or package_problem(missing_packages())
    if problem is not None:
        sys.stderr.write(problem + "\n")
        sys.exit(3)  # errors.EXIT_ENVIRONMENT, which this Python may not be able to import
