"""A static choropleth drawn on the server (geopandas + matplotlib, no browser), readable in black and white.

Each class has its own colour *and* its own hatching, denser for higher classes, so a grey printout or a
colour-blind reader still tells the classes apart; the legend gives each class's value range. Used by the
Overview page and the printable briefing.
"""

from __future__ import annotations

import io
import math
import textwrap

import geopandas as gpd
import pandas as pd
from matplotlib.figure import Figure  # a Figure without pyplot: no GUI backend, safe in server threads
from matplotlib.patches import Patch

from geo import i18n
from geo.i18n import N_, _
from geo.map import classify

# One hatch per class, from none (lowest class) to dense (highest): the order reads without colour.
HATCHES = ("", "....", "////", "xxxx", "++++", "\\\\\\\\", "****")
NO_DATA_HATCH = "----"
EDGE = "#303030"
HATCH_WIDTH = 0.7
HIGHLIGHT = "#1f4e9c"
NO_DATA = N_("no data")


def class_labels(classification: classify.Classification, decimals: int, unit: str = "") -> list[str]:
    """The value range of each class in the language in force: "4,2 – 7,9%" (nl)."""
    labels, lower = [], classification.lower
    for upper in classification.bins:
        labels.append(f"{i18n.number(lower, decimals)} – {i18n.number(upper, decimals)}{unit}")
        lower = upper
    return labels


def figure(shapes: gpd.GeoDataFrame, values: pd.Series, title: str, decimals: int = 1, unit: str = "",
           reverse: bool = False, highlight: frozenset = frozenset(), wijken: gpd.GeoDataFrame | None = None,
           k: int = 5, size: tuple[float, float] = (5.6, 5.4)) -> Figure:
    """The choropleth of ``values`` (aligned with ``shapes``' rows) with a hatched legend to its right.

    Parameters
    ----------
    shapes : GeoDataFrame
        One polygon per area, with a ``buurt_code`` column when ``highlight`` is used.
    values : Series
        The indicator, one value per row of ``shapes`` (NaN = no data).
    title : str
        Legend title (already translated): indicator and unit.
    reverse : bool
        True when low values are the worse ones (dark = worse, as on the interactive map).
    highlight : frozenset
        Codes of buurten to outline (the briefing's chosen area).
    """
    values = pd.Series(pd.to_numeric(values, errors="coerce"), dtype=float).reset_index(drop=True)
    classes = classify.classify(values, "quantiles", k)
    colours = classify.palette(classes.k, reverse)
    hatches = HATCHES[: classes.k] if not reverse else HATCHES[: classes.k][::-1]
    cls = pd.Series(classes.classes)
    geo = shapes.reset_index(drop=True)
    fig = Figure(figsize=size, dpi=100)
    ax = fig.add_axes((0.0, 0.0, 0.62, 1.0))
    handles = []
    for c, (colour, hatch, label) in enumerate(zip(colours, hatches, class_labels(classes, decimals, unit),
                                                   strict=True)):
        part = geo[cls == c]
        lines = _hatch_colour(colour)
        if len(part):
            part.plot(ax=ax, color=colour, hatch=hatch, edgecolor=EDGE, hatchcolor=lines, linewidth=0.4,
                      hatch_linewidth=HATCH_WIDTH)
        handles.append(Patch(facecolor=colour, hatch=hatch, edgecolor=EDGE, hatchcolor=lines, linewidth=0.4,
                             hatch_linewidth=HATCH_WIDTH, label=label))
    missing = geo[cls == -1]
    if len(missing):
        missing.plot(ax=ax, color=classify.NO_DATA_COLOUR, hatch=NO_DATA_HATCH, edgecolor=EDGE, linewidth=0.4)
        handles.append(Patch(facecolor=classify.NO_DATA_COLOUR, hatch=NO_DATA_HATCH, edgecolor=EDGE, linewidth=0.4,
                             label=_(NO_DATA)))
    if wijken is not None and len(wijken):
        wijken.boundary.plot(ax=ax, color="black", linewidth=1.1)
    if highlight and "buurt_code" in geo:
        chosen = geo[geo["buurt_code"].isin(highlight)]
        if len(chosen):
            chosen.boundary.plot(ax=ax, color=HIGHLIGHT, linewidth=2.2)
            handles.append(Patch(facecolor="none", edgecolor=HIGHLIGHT, linewidth=2.2, label=_("chosen area")))
    ax.set_axis_off()
    ax.set_aspect("equal" if geo.crs is None or not geo.crs.is_geographic else _aspect(geo))
    legend = ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=10.5,
                       title=textwrap.fill(title, 24), title_fontsize=10.5, frameon=False, handlelength=2.6,
                       handleheight=1.6, alignment="left")
    legend.get_title().set_fontweight("bold")
    return fig


def _hatch_colour(fill: str) -> str:
    """Dark lines on a fill, grey ones on the darkest, so the hatching still shows in grey print."""
    r, g, b = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
    return EDGE if 0.299 * r + 0.587 * g + 0.114 * b > 70 else "#707070"


def _aspect(shapes: gpd.GeoDataFrame) -> float:
    """Aspect of a lon/lat map so that a kilometre is as long east-west as north-south."""
    miny, maxy = shapes.total_bounds[1], shapes.total_bounds[3]
    return 1.0 / math.cos(math.radians((miny + maxy) / 2))


def legend_hatches(fig: Figure) -> list[str]:
    """The hatch of every legend entry (tests: one distinct hatch per class)."""
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    return [h.get_hatch() or "" for legend in legends for h in legend.legend_handles]


def png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (white background, trimmed)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white", bbox_inches="tight", pad_inches=0.05)
    return buf.getvalue()
