"""How to draw a choropleth so the map stays quick as the number of areas grows.

A pure function of the size of what would be drawn (feature and vertex count)
returns the renderer, the simplification tolerance, the coordinate precision and
the level to draw. Heerlen's 57 buurten get what the app always had (SVG, 8 m,
5 decimals, buurten); thousands of areas get Leaflet's canvas renderer and
coarser shapes; beyond ``DETAIL_MAX_FEATURES`` an aggregated level is drawn
instead (e.g. wijken or gemeenten), because no simplification keeps tens of
thousands of clickable polygons both small on the wire and quick to paint as
GeoJSON. A page that can decode packed shapes (:mod:`geo.map.packed`, a fifth of
the GeoJSON's bytes) asks with ``packed=True`` and gets its own areas drawn up to
``PACKED_MAX_FEATURES`` (the 3,475 Dutch wijken as wijken).
The thresholds come from ``make bench`` (see bench/PERFORMANCE.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from geo import config

# Leaflet's SVG renderer adds one DOM <path> per polygon: fine for hundreds, slow to
# paint and to pan for thousands. Canvas draws them all into one element.
SVG_MAX_FEATURES = 1_000
SVG_MAX_VERTICES = 60_000
# Tolerance (m) by feature count: areas of a kind have similar sizes, so more areas
# means a larger extent, more metres per pixel when the map fits it, and coarser
# shapes that cost nothing visible (Heerlen at fit: ~13 m/px; the Netherlands: ~300 m/px).
BASE_TOLERANCE_M = 8.0
TOLERANCE_STEPS = ((200, 8.0), (1_000, 25.0), (5_000, 60.0))
MAX_TOLERANCE_M = 120.0
# ... and by vertex count: above this many input vertices the tolerance grows with
# sqrt(vertices / budget), since finer input carries more vertices per kilometre.
VERTEX_BUDGET = 50_000
# ... and by extent, when known: a quarter of a pixel when a ~1,000 px wide map
# fits the whole extent (Heerlen ~12 km: 3 m, below the 8 m base; the Netherlands
# ~300 km: 75 m, which at the national view is still a quarter pixel).
PIXELS_ACROSS = 1_000
PIXEL_FRACTION = 0.25
# Above this many features the aggregated level is drawn (if one is given). Measured
# (make bench): the 3,475 Dutch wijken send ~3 MB and paint in ~1.5 s whatever the
# renderer, as their raw shapes are already coarse (~38 vertices each); the 346
# gemeenten send ~0.6 MB.
DETAIL_MAX_FEATURES = 2_000
# The same limit for packed shapes (geo.map.packed). Measured (make bench): the 3,475 wijken at 79 m send
# ~0.45 MB and paint in well under a second on canvas; 15,000 buurt-like areas would still be ~1 MB.
PACKED_MAX_FEATURES = 5_000
# Grid step of packed shapes as a share of the tolerance: at a quarter the grid moves a vertex by at most
# an eighth of the tolerance, and the deltas stay one byte for most vertices.
PACKED_QUANTUM_SHARE = 0.25
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
    encoding : {"geojson", "packed"}
        How the shapes go to the browser: GeoJSON text, or :mod:`geo.map.packed` bytes
        on a grid of :attr:`quantum_m`.
    """

    level: str
    features: int
    renderer: str
    tolerance_m: float
    decimals: int
    encoding: str = "geojson"

    @property
    def quantum_m(self) -> float:
        """Grid step (m) of packed shapes: a quarter of the tolerance."""
        return self.tolerance_m * PACKED_QUANTUM_SHARE

    @property
    def prefer_canvas(self) -> bool:
        """Whether Leaflet draws with its canvas renderer rather than one SVG path per shape."""
        return self.renderer == "canvas"


def tolerance_for(features: int, vertices: int = 0, extent_m: float | None = None) -> float:
    """Simplification tolerance (m) for ``features`` areas with ``vertices`` vertices spanning ``extent_m``."""
    if features < 0 or vertices < 0 or (extent_m is not None and extent_m < 0):
        raise ValueError(f"counts and extent must be >= 0, got {features}, {vertices}, {extent_m}")
    by_count = next((t for limit, t in TOLERANCE_STEPS if features <= limit), MAX_TOLERANCE_M)
    by_vertices = BASE_TOLERANCE_M * math.sqrt(vertices / VERTEX_BUDGET)
    by_extent = (extent_m or 0.0) / PIXELS_ACROSS * PIXEL_FRACTION
    return min(MAX_TOLERANCE_M, max(by_count, round(by_vertices), round(by_extent)))


def decimals_for(tolerance_m: float) -> int:
    """Fewest decimals whose rounding step (in metres) is at most half the tolerance.

    Rounding error below half the simplification tolerance cannot be seen next to
    the simplification itself; every decimal fewer saves a byte per coordinate.
    """
    if not tolerance_m > 0:
        raise ValueError(f"tolerance must be > 0, got {tolerance_m}")
    return min(6, max(3, math.ceil(math.log10(2 * METRES_PER_DEGREE / tolerance_m))))


def choose(features: int, vertices: int, level: str = "buurt", parents: Mapping[str, int] | None = None,
           extent_m: float | None = None, packed: bool = False) -> MapStrategy:
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
    extent_m : float, optional
        Larger side of the areas' bounding box in metres (EPSG:28992).
    packed : bool
        Whether the page can draw :mod:`geo.map.packed` shapes: then they are sent
        packed, and areas are drawn at their own level up to ``PACKED_MAX_FEATURES``.

    Returns
    -------
    MapStrategy
    """
    if features < 0 or vertices < 0:
        raise ValueError("feature and vertex counts must be >= 0")
    detail_max = PACKED_MAX_FEATURES if packed else DETAIL_MAX_FEATURES
    if features > detail_max and parents:
        for name, count in parents.items():
            if 0 < count <= detail_max:
                # The aggregate keeps the outer borders of its members: count all
                # input vertices (an overestimate, which errs on the coarse side).
                return choose(count, vertices, name, None, extent_m, packed)
    canvas = features > SVG_MAX_FEATURES or vertices > SVG_MAX_VERTICES
    tolerance = tolerance_for(features, vertices, extent_m)
    return MapStrategy(level, features, "canvas" if canvas else "svg", tolerance, decimals_for(tolerance),
                       "packed" if packed else "geojson")


def extent_of(gdf) -> float:
    """Larger side (m) of a layer's bounding box in EPSG:28992, for :func:`choose`."""
    minx, miny, maxx, maxy = gdf.to_crs(config.CRS_METRIC).total_bounds
    return float(max(maxx - minx, maxy - miny))
