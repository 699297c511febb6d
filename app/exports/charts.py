"""The rationale's charts, drawn once on the server with matplotlib: SVG for HTML and PDF, PNG
for Word. No network, no browser, one drawing for every format.

Matplotlib is used through its object API (no pyplot, so no global figure state between
requests). Typed labels are plain text: math parsing is off, so a '$' in a name stays a '$'.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from dataclasses import dataclass
from typing import Any

import matplotlib
from matplotlib.figure import Figure

from app.domain.record import Record
from app.exports.content import Rationale
from app.exports.i18n import _
from app.exports.text import clean_line

matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "text.parse_math": False,
        "svg.fonttype": "none",  # text stays text: selectable in the PDF, small files
        "svg.hashsalt": "backbone-select",  # stable element ids, so output is reproducible
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#8a94a3",
        "axes.labelcolor": "#2b3442",
        "xtick.color": "#2b3442",
        "ytick.color": "#2b3442",
    }
)

INK = "#1f3b5c"
ACCENT = "#c0662b"
MUTED = "#9fb3c8"
WIDTH_IN = 6.3
ANNOTATED_CELLS = 60  # the text width of an A4 page with 2 cm margins


@dataclass(frozen=True)
class Chart:
    name: str
    alt: str
    figure: Figure

    def svg(self) -> bytes:
        return self._save(format="svg", metadata={"Date": None, "Creator": None})

    def png(self, dpi: int = 150) -> bytes:
        return self._save(format="png", dpi=dpi, metadata={"Software": None})

    def _save(self, **options: object) -> bytes:
        buffer = io.BytesIO()
        with warnings.catch_warnings():
            # A script DejaVu lacks (CJK, for one) shows as boxes in a chart: no cause to warn.
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
            self.figure.savefig(buffer, **options)  # type: ignore[arg-type]
        return buffer.getvalue()


def _label(text: str, width: int = 28) -> str:
    short = textwrap.shorten(clean_line(text), width=2 * width, placeholder="…")
    return "\n".join(textwrap.wrap(short, width=width)[:2]) or "–"


def _axes(fig: Figure, labels: list[str], bottom_in: float, right_in: float = 0.3) -> Any:
    """Axes placed by hand: room on the left for the longest label line, none wasted.

    Matplotlib's constrained layout would measure every label with an extra full draw; the
    labels here are short and in one known font, so an estimate from their length is enough.
    """
    width_in, height_in = fig.get_size_inches()
    longest = max((len(line) for text in labels for line in text.split("\n")), default=4)
    left_in = min(width_in * 0.45, 0.15 + longest * 9 * 0.58 / 72)
    return fig.add_axes(
        (
            left_in / width_in,
            bottom_in / height_in,
            1 - (left_in + right_in) / width_in,
            1 - (bottom_in + 0.12) / height_in,
        )
    )


def _bar_height(count: int) -> float:
    return min(6.0, max(1.6, 0.3 * count + 0.7))


def weights_chart(record: Record) -> Chart:
    w, r = record.workshop, record.results
    criteria = list(reversed(w.criteria))
    names = [_label(c.name) for c in criteria]
    fig = Figure(figsize=(WIDTH_IN, _bar_height(len(criteria))))
    ax = _axes(fig, names, bottom_in=0.5)
    ys = range(len(criteria))
    values = [100 * r.weights[c.key] for c in criteria]
    ax.barh(ys, values, color=INK, height=0.6, zorder=2)
    for y, c in zip(ys, criteria, strict=True):
        s = r.weight_spread.get(c.key)
        if s is not None and s.count > 1:
            ax.plot([100 * s.minimum, 100 * s.maximum], [y, y], color=ACCENT, lw=1.2, zorder=3)
            ax.plot([100 * s.minimum, 100 * s.maximum], [y, y], "|", color=ACCENT, ms=8, zorder=3)
    for y, v in zip(ys, values, strict=True):
        ax.text(v + 0.6, y + 0.22, f"{v:.1f}%", va="center", fontsize=8, color="#2b3442")
    ax.set_yticks(list(ys), names)
    top = max(
        [100 * (r.weight_spread[c.key].maximum) for c in criteria if c.key in r.weight_spread]
        + values
        + [1.0]
    )
    ax.set_xlim(0, min(100.0, top * 1.15 + 2))
    ax.set_xlabel(_("Group weight (%); orange line: lowest to highest member"))
    ax.grid(axis="x", color="#e3e8ef", zorder=0)
    return Chart("weights", _("Group weight of each criterion, with the range among members"), fig)


def heat_map(record: Record, labels: dict[str, str]) -> Chart:
    w, r = record.workshop, record.results
    rows, cols = len(w.options), len(w.criteria)
    names = [_label(o.name, 26) for o in w.options]
    heads = [_label(labels[c.key], 12) for c in w.criteria]
    bottom = 0.2 + 0.13 * max(h.count("\n") + 1 for h in heads)
    fig = Figure(figsize=(WIDTH_IN, min(5.5, max(1.8, 0.4 * rows + 1.1))))
    ax = _axes(fig, names, bottom_in=bottom, right_in=0.95)
    grid = [[r.values[o.key].get(c.key, float("nan")) for c in w.criteria] for o in w.options]
    image = ax.imshow(grid, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    # Past about sixty cells the numbers crowd the colours out; the table above has them.
    annotate = rows * cols <= ANNOTATED_CELLS
    for i, o in enumerate(w.options if annotate else ()):
        for j, c in enumerate(w.criteria):
            mean = r.scores[o.key].get(c.key)
            if mean is None:
                continue
            dark = r.values[o.key][c.key] > 0.6
            ax.text(
                j,
                i,
                f"{mean:.1f}",
                ha="center",
                va="center",
                fontsize=7.5 if cols > 8 else 8.5,
                color="white" if dark else "#1b2533",
            )
    ax.set_xticks(range(cols), heads, fontsize=7.5 if cols > 8 else 8.5)
    ax.set_yticks(range(rows), names)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    box = ax.get_position()
    scale = fig.add_axes((box.x1 + 0.1 / WIDTH_IN, box.y0, 0.12 / WIDTH_IN, box.height))
    bar = fig.colorbar(image, cax=scale)
    bar.set_label("Value (cost criteria reversed)", fontsize=8)
    bar.ax.tick_params(labelsize=7)
    return Chart("heat-map", _("Heat map of the group's mean ratings, option by criterion"), fig)


def ranking_chart(record: Record) -> Chart:
    r, d = record.results, record.workshop.decision
    ranking = list(reversed(r.ranking))
    names = [_label(f"{x.rank}. {x.name}") for x in ranking]
    fig = Figure(figsize=(WIDTH_IN, _bar_height(len(ranking))))
    ax = _axes(fig, names, bottom_in=0.5)
    ys = range(len(ranking))
    chosen = d.option if d else None
    colors = [ACCENT if x.option == chosen else INK for x in ranking]
    ax.barh(ys, [x.score for x in ranking], color=colors, height=0.6, zorder=2)
    for y, x in zip(ys, ranking, strict=True):
        ax.text(x.score + 1, y, f"{x.score:.1f}", va="center", fontsize=8, color="#2b3442")
    ax.set_yticks(list(ys), names)
    ax.set_xlim(0, 105)
    ax.set_xlabel(_("Score (0-100)") + (_("; orange: the option chosen") if chosen else ""))
    ax.grid(axis="x", color="#e3e8ef", zorder=0)
    return Chart("ranking", _("Score of each option, best first"), fig)


def draw(doc: Rationale) -> dict[str, Chart]:
    record = doc.record
    if not record.workshop.criteria or not record.workshop.options:
        return {}
    return {
        "weights": weights_chart(record),
        "heat_map": heat_map(record, doc.criterion_labels),
        "ranking": ranking_chart(record),
    }
