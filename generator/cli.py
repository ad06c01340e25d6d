"""Command line: the only place that prints and chooses exit codes."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import report, swap
from .pipeline import Sources, generate, load_dataset
from .problems import DataError

EXIT_OK = 0
EXIT_DATA = 1


def _sources(args: argparse.Namespace) -> Sources:
    root = Path(args.root)
    return Sources(root / args.followups, root / args.ipo_areas, root)


def _print_problems(exc_problems: list, fmt: str) -> None:
    if fmt == "github":
        print(report.as_github(exc_problems))
    else:
        print(report.as_text(exc_problems), file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        loaded = load_dataset(_sources(args))
    except DataError as exc:
        _print_problems(exc.problems, args.format)
        return EXIT_DATA
    if loaded.warnings:
        _print_problems(loaded.warnings, args.format)
    elif args.format == "text":
        data = loaded.data
        print(
            f"Datafilene er i orden: {len(data.followups)} oppfølgingspunkter, "
            f"{len(data.editions)} rapporteringsrunder og {len(data.areas)} IPO-områder."
        )
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    try:
        _, written = generate(_sources(args), Path(args.root) / args.out)
    except DataError as exc:
        _print_problems(exc.problems, "text")
        return EXIT_DATA
    print(
        f"Sider: {len(written.written)} skrevet, {written.unchanged} uendret, "
        f"{len(written.removed)} fjernet."
    )
    return EXIT_OK


def cmd_site(args: argparse.Namespace) -> int:
    """Build the whole site into a fresh folder, then swap it in.

    ``site/`` is replaced only after MkDocs succeeded, so a failed or
    interrupted build leaves the previous site as it was.
    """
    if cmd_validate(argparse.Namespace(**{**vars(args), "format": "text"})) != EXIT_OK:
        return EXIT_DATA
    root = Path(args.root).resolve()
    target = root / args.site_dir
    swap.recover(target)  # what an interrupted build may have left
    staging = swap.staging(target)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    command += ["--config-file", str(root / args.config)]
    try:
        result = subprocess.run(command, cwd=root, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        if result.returncode != 0:
            print("Bygget feilet; den forrige versjonen av nettstedet er beholdt.", file=sys.stderr)
            return result.returncode
        swap.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when the swap succeeded
    print(f"Nettstedet er bygget i {target}.")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m generator",
        description="Kontroller datafilene og bygg nettstedet for oppfølgingspunkter.",
    )
    p.add_argument("--root", default=".", help="mappen med datafilene og mkdocs.yml")
    p.add_argument("--followups", default="followups.yaml")
    p.add_argument("--ipo-areas", default="ipo_areas.yaml")
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="kontroller datafilene og vis alle feil")
    v.add_argument("--format", choices=["text", "github"], default="text")
    v.set_defaults(func=cmd_validate)

    b = sub.add_parser("build", help="lag Markdown-sidene fra datafilene")
    b.add_argument("--out", default="build/generated")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("site", help="kontroller, lag sidene og bygg hele nettstedet")
    s.add_argument("--site-dir", default="site")
    s.add_argument("--config", default="mkdocs.yml")
    s.set_defaults(func=cmd_site)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))
