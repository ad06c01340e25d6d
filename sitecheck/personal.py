"""No personal data in what a reader sees: the validator's scanner run over the
visible text of every built page.

The validator scans the data files before anything is built; this catches
what reaches a page some other way, above all the hand-written pages in
content/. Values listed in privacy_exceptions.yaml are allowed here too.
"""

from __future__ import annotations

from generator.data import privacy

from .html import Page
from .problems import SiteProblem, address
from .site import Site
from .source import locate

CHECK = "Personopplysning på nettstedet"
# Attribute text a reader meets too: screen readers read alt and aria-label.
_READ_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder"})


def texts(content: Page) -> list[str]:
    """Each piece of text a reader sees or hears, whitespace collapsed as a browser shows it.

    The pieces are scanned one by one, so numbers in neighbouring table cells
    never run together into something that looks like a phone number.
    """
    pieces = [" ".join(chunk.split()) for chunk in content.text]
    pieces += [
        " ".join(value.split())
        for _tag, name, value in content.attributes
        if name in _READ_ATTRIBUTES
    ]
    pieces.append(" ".join(content.title.split()))
    return [piece for piece in pieces if piece]


def allowed_values(site: Site) -> set[str]:
    """The normalised values privacy_exceptions.yaml allows (its own problems are the
    validator's to report)."""
    path = site.root / privacy.EXCEPTIONS_FILE
    exceptions, _ = privacy.load_exceptions(path, privacy.EXCEPTIONS_FILE)
    return set(exceptions.values)


def check(site: Site) -> list[SiteProblem]:
    allowed = allowed_values(site)
    problems = []
    for page, content in site.pages.items():
        seen: set[str] = set()
        for piece in texts(content):
            for finding in privacy.scan(piece):
                key = privacy.normalise(finding.value)
                if key in allowed or key in seen:
                    continue
                seen.add(key)
                place = locate(site.root, site.content, page, finding.value)
                fix = (
                    f"fjern det fra {place.file}"
                    if place
                    else "fjern det fra datafilene eller siden det står på"
                )
                problems.append(
                    SiteProblem(
                        page,
                        f"Siden «{address(page)}» viser «{finding.value}», som ser ut som "
                        f"{privacy.ARTICLES[finding.kind]} {finding.kind}. "
                        f"{privacy.REASONS[finding.kind]} Personopplysninger skal ikke "
                        f"publiseres: {fix}. Er det offentlig og skal stå, før det opp i "
                        f"{privacy.EXCEPTIONS_FILE} med «value» (verdien) og «reason» "
                        "(begrunnelsen).",
                        CHECK,
                        place.file if place else None,
                        place.line if place else None,
                        place.column if place else None,
                    )
                )
    return problems
