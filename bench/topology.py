"""The benchmark's TopoJSON alternative: shapes as a quantised, delta-encoded topology (shared borders once).

Measured in the scale table against :mod:`geo.map.packed` (which the strategy picks): on the Dutch wijken the
shared borders are few, because the published wijk shapes are not an exact coverage (about a third of their
border length does not match the neighbour's), so the topology is barely smaller than per-shape encoding and
its JSON integers cost more than packed bytes.

A coverage of areas (buurten, wijken: neighbours share their borders exactly, as
:func:`geo.build.shapes.simplify_coverage` leaves them) repeats every inner border
twice in GeoJSON, with every coordinate as decimal text. A topology stores each
border once as an *arc* of integer steps on a grid (quantised) whose points after
the first are differences from the previous one (delta-encoded), and each area as
the list of arcs around it. The browser turns it back
into GeoJSON with ``topojson.feature`` (topojson-client, served from
``static/vendor`` by ``make assets`` if the app adopted it), so Leaflet draws it as before.

Format: https://github.com/topojson/topojson-specification (version 1.0). Only
polygonal geometries are encoded; an area whose rings all collapse on the grid
gets a null geometry (drawn as nothing), keeping the areas' order and ids.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely

from geo.map import packed


def grid(geoms: Sequence, quantum_m: float) -> tuple[list[float], list[float]]:
    """``scale`` and ``translate`` of TopoJSON's ``transform``: the packed encoding's grid (geo.map.packed.grid)."""
    scale, translate = packed.grid(geoms, quantum_m)
    return list(scale), list(translate)


def _rings(geom) -> list[list[np.ndarray]]:
    """Polygons of ``geom`` as lists of rings (exterior first), each an (n, 2) array, closing point dropped."""
    if geom is None or shapely.is_empty(geom):
        return []
    polygons = [geom] if shapely.get_type_id(geom) == 3 else [
        p for p in shapely.get_parts(geom) if shapely.get_type_id(p) == 3
    ]
    return [[np.asarray(r.coords)[:-1, :2] for r in (p.exterior, *p.interiors)] for p in polygons]


def _quantise(ring: np.ndarray, scale, translate) -> list[tuple[int, int]] | None:
    """Grid points of a ring without repeats (also across its closing point); None when it collapses."""
    q = np.rint((ring - np.asarray(translate)) / np.asarray(scale)).astype(np.int64)
    keep = np.ones(len(q), dtype=bool)
    keep[1:] = np.any(q[1:] != q[:-1], axis=1)
    q = q[keep]
    while len(q) > 1 and (q[0] == q[-1]).all():
        q = q[:-1]
    if len(q) < 3:
        return None
    return [tuple(p) for p in q.tolist()]


def _junctions(rings: list[list[tuple[int, int]]]) -> set[tuple[int, int]]:
    """Points where a border meets another: their neighbours differ between the rings passing through them."""
    seen: dict[tuple[int, int], tuple] = {}
    junctions: set[tuple[int, int]] = set()
    for ring in rings:
        n = len(ring)
        for i, p in enumerate(ring):
            a, b = ring[i - 1], ring[(i + 1) % n]
            pair = (a, b) if a <= b else (b, a)
            first = seen.setdefault(p, pair)
            if first != pair:
                junctions.add(p)
    return junctions


class _Arcs:
    """Arcs by their points; a border seen from its other side is the same arc reversed (``~index``)."""

    def __init__(self):
        self.index: dict[tuple, int] = {}
        self.arcs: list[tuple] = []

    def add(self, points: tuple) -> int:
        found = self.index.get(points)
        if found is not None:
            return found
        found = self.index.get(points[::-1])
        if found is not None:
            return ~found
        self.index[points] = len(self.arcs)
        self.arcs.append(points)
        return len(self.arcs) - 1


def _ring_arcs(ring: list[tuple[int, int]], junctions: set, arcs: _Arcs) -> list[int]:
    cuts = [i for i, p in enumerate(ring) if p in junctions]
    if not cuts:
        # A ring meeting no other border (an island, or an enclave's border): one closed arc, started at its
        # smallest point so the enclave and its host find the same arc.
        start = ring.index(min(ring))
        rotated = ring[start:] + ring[:start]
        return [arcs.add((*rotated, rotated[0]))]
    start = cuts[0]
    rotated = ring[start:] + ring[:start]
    cuts = [i - start for i in cuts] + [len(ring)]
    closed = rotated + [rotated[0]]
    return [arcs.add(tuple(closed[a:b + 1])) for a, b in zip(cuts[:-1], cuts[1:], strict=True)]


def _delta(arc: tuple) -> list[list[int]]:
    out = [list(arc[0])]
    for (x0, y0), (x1, y1) in zip(arc[:-1], arc[1:], strict=True):
        out.append([x1 - x0, y1 - y0])
    return out


def topology(geoms: Sequence, quantum_m: float, ids: Sequence | None = None, object_name: str = "areas") -> dict:
    """Encode polygonal WGS84 shapes as one TopoJSON topology.

    Parameters
    ----------
    geoms : sequence of shapely geometries
        Polygons/MultiPolygons in longitude/latitude, in drawing order; a valid
        coverage shares the most borders (others are encoded all the same).
    quantum_m : float
        Grid step in metres: keep it at most half the simplification tolerance,
        so the grid cannot be seen next to the simplification.
    ids : sequence, optional
        An id per shape, as ``feature.id`` in the browser; by default none is sent (the browser finds a shape's
        values by its position, which saves a few bytes per shape).
    object_name : str
        Name of the geometry collection in ``objects``.

    Returns
    -------
    dict
        ``{"type": "Topology", "transform": ..., "objects": {object_name: GeometryCollection}, "arcs": [...]}``
        with delta-encoded integer arcs; ready for ``json.dumps``.
    """
    geoms = list(geoms)
    if ids is not None and len(ids) != len(geoms):
        raise ValueError(f"{len(ids)} ids for {len(geoms)} shapes")
    scale, translate = grid(geoms, quantum_m)
    shapes = []
    for geom in geoms:
        polygons = []
        for polygon in _rings(geom):
            rings = [_quantise(r, scale, translate) for r in polygon]
            if rings[0] is None:  # the exterior collapsed: so did the polygon
                continue
            polygons.append([r for r in rings if r is not None])
        shapes.append(polygons)
    junctions = _junctions([r for polygons in shapes for polygon in polygons for r in polygon])
    arcs = _Arcs()
    geometries = []
    for i, polygons in enumerate(shapes):
        encoded = [[_ring_arcs(r, junctions, arcs) for r in polygon] for polygon in polygons]
        if not encoded:
            geometry = {"type": None}
        elif len(encoded) == 1:
            geometry = {"type": "Polygon", "arcs": encoded[0]}
        else:
            geometry = {"type": "MultiPolygon", "arcs": encoded}
        if ids is not None:
            geometry["id"] = ids[i]
        geometries.append(geometry)
    return {
        "type": "Topology",
        "transform": {"scale": scale, "translate": translate},
        "objects": {object_name: {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": [_delta(a) for a in arcs.arcs],
    }


def decode(topo: dict, object_name: str = "areas") -> list:
    """The shapes back from :func:`topology` (shapely, on the grid; None for a null geometry): for tests and checks.

    The browser does the same with ``topojson.feature``.
    """
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    points = []
    for arc in topo["arcs"]:
        a = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        points.append(np.column_stack([a[:, 0] * sx + tx, a[:, 1] * sy + ty]))

    def ring(indices: list[int]) -> np.ndarray:
        parts = []
        for i in indices:
            part = points[i] if i >= 0 else points[~i][::-1]
            parts.append(part if not parts else part[1:])
        return np.vstack(parts)

    out = []
    for g in topo["objects"][object_name]["geometries"]:
        if g["type"] is None:
            out.append(None)
            continue
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        made = [shapely.Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polygons]
        out.append(made[0] if len(made) == 1 else shapely.MultiPolygon(made))
    return out
