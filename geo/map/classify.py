"""Class breaks and colours for choropleths (mapclassify does the breaks)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd
from branca.colormap import linear

from geo import i18n
from geo.i18n import N_, _

# Marked for the catalogue here, translated where shown: _(SCHEMES[key]), _(NO_DATA_LABEL). Short names that fit
# a select box; SCHEMES_HELP says what each does.
SCHEMES = {
    "quantiles": N_("Quantiles"),
    "equal_interval": N_("Equal interval"),
    "natural_breaks": N_("Natural breaks"),
}
SCHEMES_HELP = N_(
    "Quantiles: the same number of buurten in each class. Equal interval: classes of equal width. "
    "Natural breaks (Fisher-Jenks): class limits where the values leave the largest gaps."
)
NO_DATA_COLOUR = "#bdbdbd"
NO_DATA_LABEL = N_("no data")


@dataclass(frozen=True)
class Classification:
    """Upper bounds of each class and the class of every value (-1 = no data)."""

    bins: tuple[float, ...]
    classes: tuple[int, ...]
    lower: float

    @property
    def k(self) -> int:
        """The number of classes."""
        return len(self.bins)


def classify(values: pd.Series, scheme: str = "quantiles", k: int = 5) -> Classification:
    """Classify values into at most ``k`` classes with a mapclassify scheme.

    Missing values get class -1 and never take part in the breaks. When there are
    fewer distinct values than ``k``, fewer classes are made.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; choose one of {sorted(SCHEMES)}")
    x = pd.to_numeric(values, errors="coerce").astype(float)
    present = x.dropna()
    classes = np.full(len(x), -1, dtype=int)
    if present.empty:
        return Classification((), tuple(classes.tolist()), np.nan)
    k = int(max(1, min(k, present.nunique())))
    if k == 1:
        bins = np.array([present.max()])
    elif scheme == "quantiles":
        bins = mapclassify.Quantiles(present.to_numpy(), k=k).bins
    elif scheme == "equal_interval":
        bins = mapclassify.EqualInterval(present.to_numpy(), k=k).bins
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Numba not installed": pure Python is fast enough for buurten
            bins = mapclassify.FisherJenks(present.to_numpy(), k=k).bins
    bins = np.unique(bins)
    ok = x.notna().to_numpy()
    classes[ok] = np.searchsorted(bins, x.to_numpy()[ok], side="left").clip(0, len(bins) - 1)
    return Classification(tuple(float(b) for b in bins), tuple(classes.tolist()), float(present.min()))


def palette(k: int, reverse: bool = False) -> list[str]:
    """``k`` sequential colours, light to dark (ColorBrewer YlOrRd via branca)."""
    if k <= 0:
        return []
    cmap = linear.YlOrRd_09
    stops = [0.12 + 0.83 * i / max(k - 1, 1) for i in range(k)]
    colours = [cmap.rgb_hex_str(cmap.vmin + s * (cmap.vmax - cmap.vmin)) for s in stops]
    return colours[::-1] if reverse else colours


def class_colours(classification: Classification, reverse: bool = False) -> list[str]:
    """Fill colour per value (grey for no data)."""
    colours = palette(classification.k, reverse)
    return [colours[c] if c >= 0 else NO_DATA_COLOUR for c in classification.classes]


def format_value(value: float, decimals: int = 0) -> str:
    """A number in the locale of the language in force (``1.234,5`` in Dutch), or 'no data' in its words.

    Examples
    --------
    >>> with i18n.language("nl"):
    ...     format_value(1234.5, 1), format_value(None)
    ('1.234,5', 'geen gegevens')
    """
    if value is None or pd.isna(value):
        return _(NO_DATA_LABEL)
    return i18n.number(value, decimals)


def legend(classification: Classification, decimals: int = 0, reverse: bool = False) -> list[tuple[str, str]]:
    """(colour, label) rows: one per class, then the no-data row when any value is missing.

    The labels are in the language in force (numbers in its locale), so a cache of
    legends must key on :func:`geo.i18n.current`.
    """
    colours = palette(classification.k, reverse)
    rows = []
    lower = classification.lower
    for colour, upper in zip(colours, classification.bins, strict=True):  # one colour per class
        rows.append((colour, f"{format_value(lower, decimals)} - {format_value(upper, decimals)}"))
        lower = upper
    if -1 in classification.classes:
        rows.append((NO_DATA_COLOUR, _(NO_DATA_LABEL)))
    return rows
