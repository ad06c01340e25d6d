"""A bar chart as an inline SVG, drawn at build time (the front page shows points per state).

No chart library and no request: the SVG is part of the page. Every bar has
its state's name and count written next to it, so the colour never carries
the meaning alone, and the SVG has a title and description for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.site.escape import html

BAR_HEIGHT = 28
GAP = 12
LABEL_WIDTH = 120
BAR_AREA = 360
COUNT_WIDTH = 40


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    css_class: str
    """Names the bar's colour in the stylesheet, so the theme decides colours."""


def bar_chart(bars: Sequence[Bar], chart_id: str, title: str) -> Markup:
    """Horizontal bars, one per row, each with its label and count as text."""
    highest = max([b.count for b in bars] + [1])
    width = LABEL_WIDTH + BAR_AREA + COUNT_WIDTH
    height = max(len(bars) * (BAR_HEIGHT + GAP) - GAP, BAR_HEIGHT)
    summary = ", ".join(f"{b.label}: {b.count}" for b in bars)
    parts = [
        f'<svg class="bar-chart" id="{chart_id}" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{html(title)}</title>',
        f'<desc id="{chart_id}-desc">{html(summary)}.</desc>',
    ]
    for row, item in enumerate(bars):
        y = row * (BAR_HEIGHT + GAP)
        count = item.count
        bar = round(BAR_AREA * count / highest)
        middle = y + BAR_HEIGHT / 2
        parts += [
            f'<text class="bar-chart__label" x="{LABEL_WIDTH - 8}" y="{middle}" '
            f'text-anchor="end" dominant-baseline="central">{html(item.label)}</text>',
            f'<rect class="bar-chart__track" x="{LABEL_WIDTH}" y="{y}" width="{BAR_AREA}" '
            f'height="{BAR_HEIGHT}" rx="3"/>',
        ]
        if bar:
            parts.append(
                f'<rect class="{html(item.css_class)}" x="{LABEL_WIDTH}" y="{y}" '
                f'width="{bar}" height="{BAR_HEIGHT}" rx="3"/>'
            )
        parts.append(
            f'<text class="bar-chart__count" x="{LABEL_WIDTH + BAR_AREA + 8}" y="{middle}" '
            f'dominant-baseline="central">{count}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
