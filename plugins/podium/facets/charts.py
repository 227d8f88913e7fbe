"""Static bar charts as inline SVG, made at build time: no JavaScript, no network, readable without sight.

Plain Python, no MkDocs. A chart is a `<figure>` with an SVG (`role="group"`, not "img", as its bars may be
links; a `<title>` and a `<desc>` that says what it shows in words) and the same numbers as a table in a
`<details>` below it, for screen readers, text browsers and anyone who wants the figures. Each bar carries its
own `<title>` (a tooltip) and may link to the page that lists what it counts.

The SVG names no colour: bars, labels and axis take their colours from podium-facets.css (the bars as the
chart's `rect`s, the axis, scale and labels by class), which uses Material's palette variables, so the chart
follows the light and the dark scheme. Without that stylesheet the bars fall back to `currentColor`, the text
colour.

    chart = BarChart("Speeches per year", "Speeches by Kassym-Jomart Tokayev in each year.",
                     [Bar("2024", 2, "page/2/#y2024"), Bar("2025", 3, "#y2025")], unit="speeches")
    html = render(chart)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 180
TOP, BOTTOM, LEFT, RIGHT = 14, 26, 34, 8  # room for the value labels, the x labels and the y scale
MAX_LABELS = 12  # at most this many x labels: with more bars, every n-th bar is labelled


@dataclass
class Bar:
    label: str
    value: int
    href: str | None = None


@dataclass
class BarChart:
    title: str
    description: str
    bars: list[Bar]
    unit: str = "speeches"
    category: str = "Year"  # what one bar is: the table's first column
    ident: str = "chart"  # unique within the page: the SVG's title and desc are referenced by id
    geometry: list[dict] = field(default_factory=list)


def nice_max(value: int) -> int:
    """The top of the y scale: the smallest 1, 2 or 5 times a power of ten at or above `value`.

    >>> [nice_max(n) for n in (0, 1, 3, 7, 12, 180)]
    [1, 1, 5, 10, 20, 200]
    """
    if value <= 1:
        return 1
    scale = 1
    while True:
        for step in (1, 2, 5):
            if step * scale >= value:
                return step * scale
        scale *= 10


def layout(chart: BarChart) -> dict:
    """Positions of every bar and label in the SVG's own coordinates (the SVG scales to its box)."""
    count = max(1, len(chart.bars))
    top = nice_max(max((bar.value for bar in chart.bars), default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / count
    width = max(1.0, min(slot * 0.72, 48.0))
    every = -(-count // MAX_LABELS)  # ceiling division
    bars = []
    for index, bar in enumerate(chart.bars):
        height = plot_height * bar.value / top
        x = LEFT + slot * index + (slot - width) / 2
        bars.append(
            {
                "bar": bar,
                "x": round(x, 1),
                "y": round(TOP + plot_height - height, 1),
                "width": round(width, 1),
                "height": round(height, 1),
                "center": round(x + width / 2, 1),
                "labelled": index % every == 0 or index == count - 1 and count <= MAX_LABELS,
                # A value over its bar when there is room to print it
                "show_value": bar.value > 0 and slot >= 18,
            }
        )
    return {
        "bars": bars,
        "top": top,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": TOP + plot_height,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_y": HEIGHT - 8,
        "top_y": TOP,
    }


def _number(value: float) -> str:
    """A coordinate as short as it reads: `126.0` is `126`, `38.7` stays.

    >>> _number(126.0), _number(38.66), _number(0)
    ('126', '38.7', '0')
    """
    return f"{round(value, 1):g}"


def render(chart: BarChart) -> Markup:
    """The chart's `<figure>`: the SVG, a caption, and the figures as a table.

    Built with plain string formatting and `escape` rather than a template: a 1,000-speech archive draws
    hundreds of charts, and a Jinja loop over every bar's six elements was most of a term page's time.
    A speaker's page holds one, so every bar is kept short: what all bars share (the fill, the anchor of
    their text) is said once on a group, CSS finds the bars as `rect` and their values as unclassed `text`.
    """
    from podium.render.i18n import translate as t

    g = layout(chart)
    e = escape
    n = _number
    ident = e(chart.ident)
    total = sum(bar.value for bar in chart.bars)
    most = max((bar.value for bar in chart.bars), default=0)
    left, right = g["left"], g["right"]
    out = [
        f'<figure class="podium-chart" id="{ident}">',
        # `fill` is inherited: the bars and the figures take the text colour when no stylesheet names one.
        f'<svg class="podium-chart__svg" viewBox="0 0 {g["width"]} {g["height"]}" role="group" '
        f'aria-labelledby="{ident}-title {ident}-desc" fill="currentColor">',
        f'<title id="{ident}-title">{e(chart.title)}</title>',
        f'<desc id="{ident}-desc">{e(chart.description)} '
        f"{e(t('{total} in all; the most in one bar: {most}.', total=t(chart.unit, n=total), most=most))}</desc>",
        f'<path class="podium-chart__axis" d="M{left} {g["baseline"]}H{right}" stroke="currentColor"/>',
        f'<path class="podium-chart__grid" d="M{left} {g["top_y"]}H{right}" stroke="currentColor"/>',
        f'<g class="podium-chart__scale" text-anchor="end"><text x="{left - 6}" y="{g["top_y"] + 4}">{g["top"]}</text>'
        f'<text x="{left - 6}" y="{g["baseline"]}">0</text></g>',
        '<g text-anchor="middle">',
    ]
    for b in g["bars"]:
        bar = b["bar"]
        label: str = e(bar.label)  # a Markup here, a plain str of HTML in the table below
        item = [
            f"<g><title>{label}: {e(t(chart.unit, n=bar.value))}</title>",
            f'<rect x="{n(b["x"])}" y="{n(b["y"])}" width="{n(b["width"])}" height="{n(b["height"])}"/>',
        ]
        if b["show_value"]:
            item.append(f'<text x="{n(b["center"])}" y="{n(b["y"] - 3)}">{bar.value}</text>')
        if b["labelled"]:
            item.append(f'<text class="podium-chart__label" x="{n(b["center"])}" y="{g["label_y"]}">{label}</text>')
        item.append("</g>")
        if bar.href:  # a pointer's shortcut, not a tab stop per bar: the table below has the same links
            item = [f'<a href="{e(bar.href)}" tabindex="-1">', *item, "</a>"]
        out.append("".join(item))
    out += [
        "</g>",
        "</svg>",
        f"<figcaption>{e(chart.title)}</figcaption>",
        '<details class="podium-chart__data">',
        f"<summary>{e(t('The figures as a table'))}</summary>",
        f'<table><thead><tr><th scope="col">{e(t(chart.category))}</th>'
        f'<th scope="col">{e(t(chart.unit.capitalize()))}</th></tr></thead><tbody>',
    ]
    for bar in chart.bars:
        label = f'<a href="{e(bar.href)}">{e(bar.label)}</a>' if bar.href else e(bar.label)
        out.append(f'<tr><th scope="row">{label}</th><td>{bar.value}</td></tr>')
    out += ["</tbody></table>", "</details>", "</figure>"]
    return Markup("\n".join(out))
