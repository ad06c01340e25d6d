"""``python -m sitecheck site/``: check a built site; exit 1 on any problem."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import axe, csp, links, output, personal
from .problems import SiteCheckError, SiteProblem
from .site import Site, read_site

CHECKS: dict[str, Callable[[Site], list[SiteProblem]]] = {
    "links": links.check,
    "personal": personal.check,
    "csp": csp.check,
    "axe": axe.check,
}
"""In the order they run: the quick ones first, the browser last."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m sitecheck",
        description=(
            "Kontroller et bygget nettsted: lenker og ankre, personopplysninger, "
            "Content-Security-Policy og tilgjengelighet (axe-core i Chromium)."
        ),
    )
    p.add_argument("site", nargs="?", default="site", help="mappen med nettstedet (standard: site)")
    p.add_argument(
        "--root",
        default=".",
        help="prosjektmappen med privacy_exceptions.yaml og content/ (standard: .)",
    )
    p.add_argument("--content", default="content", help="mappen med håndskrevne sider")
    p.add_argument("--format", choices=["text", "github"], default="text")
    p.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=sorted(CHECKS),
        help="hopp over en kontroll (kan gjentas)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        site = read_site(Path(args.site), Path(args.root), args.content)
        problems: list[SiteProblem] = []
        for name, run in CHECKS.items():
            if name not in args.skip:
                problems += run(site)
    except SiteCheckError as exc:
        print(str(exc), file=sys.stderr)
        if args.format == "github":
            print(f"::error title=Kontrollen av nettstedet kunne ikke kjøre::{exc}")
        return 1
    if problems:
        if args.format == "github":
            print(output.as_github(problems))
        else:
            print(output.as_text(problems), file=sys.stderr)
        return 1
    ran = [name for name in CHECKS if name not in args.skip]
    print(f"Nettstedet er i orden: {len(site.pages)} sider kontrollert ({', '.join(ran)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
