"""How to draw a choropleth so the map stays quick as the number of areas grows.

A pure function of the size of what would be drawn (feature and vertex count)
returns the renderer, the simplification tolerance, the coordinate precision and
the level to draw. Heerlen's 57 buurten get what the app always had (SVG, 8 m,
5 decimals, buurten); thousands of areas get Leaflet's canvas renderer and
coarser shapes; beyond ``DETAIL_MAX_FEATURES`` an aggregated level is drawn
instead (e.g. wijken or gemeenten), because no simplification keeps tens of
thousands of clickable polygons both small on the wire and quick to paint.
The thresholds come from ``make bench`` (see bench/PERFORMANCE.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

# Leaflet's SVG renderer adds one DOM <path> per polygon: fine for hundreds, slow to
# paint and to pan for thousands. Canvas draws them all into one element.
SVG_MAX_FEATURES = 1_000
SVG_MAX_VERTICES = 60_000
# Tolerance (m) by feature count: the more areas, the smaller each is on screen when
# the whole set fits the viewport, so coarser shapes cost nothing visible.
BASE_TOLERANCE_M = 8.0
TOLERANCE_STEPS = ((1_000, 8.0), (5_000, 25.0), (20_000, 60.0))
MAX_TOLERANCE_M = 120.0
# Above this many features the aggregated level is drawn (if one is given).
DETAIL_MAX_FEATURES = 5_000
METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class MapStrategy:
    """How to draw one map.

    Attributes
    ----------
    level : str
        Name of the level to draw (the input level or an aggregated one).
    features : int
        Number of features at that level.
    renderer : {"svg", "canvas"}
        Leaflet renderer (folium's ``prefer_canvas``).
    tolerance_m : float
        Coverage simplification tolerance in metres (EPSG:28992).
    decimals : int
        Decimal places kept of the WGS84 coordinates.
    """

    level: str
    features: int
    renderer: str
    tolerance_m: float
    decimals: int

    @property
    def prefer_canvas(self) -> bool:
        return self.renderer == "canvas"


def tolerance_for(features: int) -> float:
    """Simplification tolerance (m) for a map of ``features`` areas."""
    if features < 0:
        raise ValueError(f"feature count must be >= 0, got {features}")
    for limit, tolerance in TOLERANCE_STEPS:
        if features <= limit:
            return tolerance
    return MAX_TOLERANCE_M


def decimals_for(tolerance_m: float) -> int:
    """Fewest decimals whose rounding step (in metres) is at most half the tolerance.

    Rounding error below half the simplification tolerance cannot be seen next to
    the simplification itself; every decimal fewer saves a byte per coordinate.
    """
    if not tolerance_m > 0:
        raise ValueError(f"tolerance must be > 0, got {tolerance_m}")
    return min(6, max(3, math.ceil(math.log10(2 * METRES_PER_DEGREE / tolerance_m))))


def choose(features: int, vertices: int, level: str = "buurt", parents: Mapping[str, int] | None = None) -> MapStrategy:
    """Pick renderer, tolerance, precision and level for a choropleth.

    Parameters
    ----------
    features : int
        Number of areas at ``level``.
    vertices : int
        Their vertex count at full resolution.
    level : str
        Name of the input level.
    parents : mapping of str to int, optional
        Aggregated levels that could be drawn instead, finest first, with their
        feature counts (e.g. ``{"wijk": 3475, "gemeente": 346}``).

    Returns
    -------
    MapStrategy
    """
    if features < 0 or vertices < 0:
        raise ValueError("feature and vertex counts must be >= 0")
    if features > DETAIL_MAX_FEATURES and parents:
        for name, count in parents.items():
            if 0 < count <= DETAIL_MAX_FEATURES:
                # Vertices of the aggregate are unknown here; assume the same mean per area.
                per_area = vertices / features if features else 0
                return choose(count, int(per_area * count), name, None)
    canvas = features > SVG_MAX_FEATURES or vertices > SVG_MAX_VERTICES
    tolerance = tolerance_for(features)
    return MapStrategy(level, features, "canvas" if canvas else "svg", tolerance, decimals_for(tolerance))


# What the app drew before the strategy existed, for comparison in the benchmark.
FIXED = MapStrategy("buurt", 0, "svg", BASE_TOLERANCE_M, 5)


def fixed(features: int, level: str = "buurt") -> MapStrategy:
    """The strategy-free pipeline: every area, SVG, 8 m, 5 decimals (the 'before')."""
    return MapStrategy(level, features, FIXED.renderer, FIXED.tolerance_m, FIXED.decimals)
