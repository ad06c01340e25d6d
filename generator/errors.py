"""What can stop a command, sorted by what the user must fix.

Every module raises one of the three kinds below; ``cli.main`` alone turns
them into output and an exit code, so a workflow can tell "your data" from
"your command line" from "not yours" (the machine, git, or the tool itself,
which the message tells apart):

====  ==========================================================
code  meaning
====  ==========================================================
0     done
1     the data files, or the secretariat's input, are wrong
2     the command line is wrong (argparse exits 2 as well)
3     the environment (git, folders, settings) failed, or the tool
      itself did: the message says which
====  ==========================================================

A kind is chosen by who must act, not by where the error is found: a bad
``--date`` is the command line's (2) even though the validator's rules
judge it, an unwritable folder is the machine's (3) whichever command meets it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from generator.data.problems import Problem

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_CRASH = EXIT_ENVIRONMENT
"""A fault in the tool: not the user's data nor their command line, so not 1 or 2."""


class Failure(Exception):
    """A command could not do its job; ``message`` says why, ``problems`` what to fix.

    Either may be empty: a data file's problems speak for themselves, and a
    refused option is one sentence.
    """

    exit_code: ClassVar[int] = EXIT_DATA

    def __init__(self, message: str = "", problems: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))


class DataFailure(Failure):
    """The data files or the secretariat's input are wrong (exit 1)."""

    exit_code = EXIT_DATA


class Refused(DataFailure):
    """A command refused its input and changed nothing; ``problems`` are what to fix first."""


class UsageFailure(Failure):
    """The command line is wrong: a value no option takes (exit 2)."""

    exit_code = EXIT_USAGE


class EnvironmentFailure(Failure):
    """The machine, git or a setting failed the command: a missing or failing git,
    a folder that cannot be written, a publication that raced another (exit 3)."""

    exit_code = EXIT_ENVIRONMENT


def crashed(exc: BaseException) -> str:
    """What ``cli.main`` says for an exception that is none of the kinds above: a bug."""
    return (
        f"Verktøyet selv feilet ({type(exc).__name__}), ikke datafilene: meld fra til den som "
        "vedlikeholder det, og legg ved det kommandoen skriver med --debug "
        "(python -m generator --debug …)."
    )
