"""Shapes for the browser as packed bytes: quantised, delta-encoded, variable-length integers in base64.

GeoJSON writes every coordinate as decimal text (``[5.9812,50.8876],``: about 17
bytes a vertex at 4 decimals). Here each coordinate is a whole number of steps on a
grid a little finer than the simplification (quantised), each point is stored as
the step from the point before (delta-encoded: neighbouring vertices are close, so
the numbers are small), and each number takes one byte when below 64 steps, two
below 8,192 (zigzag LEB128 varints), the whole as base64 text: about 3-4 bytes a
vertex. For the 3,475 Dutch wijken at the national view that is a fifth of the
GeoJSON at the same detail (``make bench``, scale table).

Layout of the integers (before varint coding), for each shape in order::

    polygons, then per polygon: rings, then per ring: points, dx0, dy0, dx1, dy1, ...

where the first delta of a ring is taken from the previous ring's last point (the
grid origin for the first ring), and a ring's closing point is not stored. A shape
with no polygon (empty, or collapsed on the grid) has ``0`` polygons, so shapes keep
their positions: the browser finds a shape's colour and tooltip by its index.
:data:`DECODER_JS` decodes it in the browser into Leaflet latitude/longitude arrays.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

METRES_PER_DEGREE_LAT = 110_574.0
METRES_PER_DEGREE_LON_EQUATOR = 111_320.0

# function bkDecode(p) -> array (one per shape) of arrays of polygons of rings of [lat, lng] (Leaflet's order).
DECODER_JS = """
function bkDecode(p) {
  const bin = atob(p.data), n = bin.length, b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = bin.charCodeAt(i);
  let pos = 0;
  function next() {
    let r = 0, shift = 0, c;
    do { c = b[pos++]; r += (c & 127) * Math.pow(2, shift); shift += 7; } while (c & 128);
    return (r % 2) ? -(r + 1) / 2 : r / 2;
  }
  const sx = p.scale[0], sy = p.scale[1], tx = p.translate[0], ty = p.translate[1];
  let x = 0, y = 0;
  const shapes = new Array(p.count);
  for (let s = 0; s < p.count; s++) {
    const polys = [], np = next();
    for (let i = 0; i < np; i++) {
      const rings = [], nr = next();
      for (let j = 0; j < nr; j++) {
        const k = next(), ring = new Array(k);
        for (let m = 0; m < k; m++) { x += next(); y += next(); ring[m] = [ty + y * sy, tx + x * sx]; }
        rings.push(ring);
      }
      polys.push(rings);
    }
    shapes[s] = polys;
  }
  return shapes;
}
"""


@dataclass(frozen=True)
class Packed:
    """Shapes packed for the browser (see the module docstring); :meth:`as_json` is what a page embeds.

    Attributes
    ----------
    data : str
        Base64 of the varint bytes.
    count : int
        Number of shapes (their order is the input's).
    scale, translate : tuple of float
        Degrees longitude/latitude per grid step, and the grid's south-west origin.
    vertices : int
        Points stored (rings' closing points not counted).
    """

    data: str
    count: int
    scale: tuple[float, float]
    translate: tuple[float, float]
    vertices: int

    def as_json(self) -> dict:
        """The fields :data:`DECODER_JS` reads, for ``json.dumps``."""
        return {"data": self.data, "count": self.count, "scale": list(self.scale), "translate": list(self.translate)}


def grid(geoms: Sequence, quantum_m: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """(scale, translate) of a grid with steps of about ``quantum_m`` metres over WGS84 ``geoms``."""
    if not quantum_m > 0:
        raise ValueError(f"the grid step must be > 0 m, got {quantum_m}")
    minx, miny, maxx, maxy = shapely.total_bounds(np.asarray(geoms, dtype=object))
    if not np.isfinite([minx, miny, maxx, maxy]).all():
        minx = miny = maxx = maxy = 0.0
    lon_m = METRES_PER_DEGREE_LON_EQUATOR * max(0.01, math.cos(math.radians((miny + maxy) / 2)))
    return (quantum_m / lon_m, quantum_m / METRES_PER_DEGREE_LAT), (float(minx), float(miny))


def _polygons(geom) -> list:
    if geom is None or shapely.is_empty(geom):
        return []
    if shapely.get_type_id(geom) == 3:
        return [geom]
    return [p for p in shapely.get_parts(geom) if shapely.get_type_id(p) == 3 and not p.is_empty]


def _ring_steps(coords: np.ndarray, scale, translate) -> np.ndarray | None:
    """A ring's grid points without repeats or closing point; None when fewer than 3 are left."""
    q = np.rint((coords[:, :2] - translate) / scale).astype(np.int64)
    keep = np.ones(len(q), dtype=bool)
    keep[1:] = np.any(q[1:] != q[:-1], axis=1)
    q = q[keep]
    while len(q) > 1 and (q[0] == q[-1]).all():
        q = q[:-1]
    return q if len(q) >= 3 else None


def varints(values: np.ndarray) -> bytes:
    """Signed integers as zigzag LEB128 varints (7 bits a byte, high bit = more bytes follow)."""
    v = np.asarray(values, dtype=np.int64)
    z = ((v << 1) ^ (v >> 63)).astype(np.uint64)
    nbytes = np.ones(len(z), dtype=np.int64)
    for k in range(1, 10):
        nbytes += z >= np.uint64(1) << np.uint64(7 * k)
    starts = np.cumsum(nbytes) - nbytes
    out = np.zeros(int(nbytes.sum()), dtype=np.uint8)
    for k in range(int(nbytes.max(initial=0))):
        has = nbytes > k
        chunk = (z[has] >> np.uint64(7 * k)) & np.uint64(127)
        more = (nbytes[has] - 1 > k).astype(np.uint64) << np.uint64(7)
        out[starts[has] + k] = (chunk | more).astype(np.uint8)
    return out.tobytes()


def read_varints(data: bytes) -> list[int]:
    """The integers back from :func:`varints` (for tests; the browser uses :data:`DECODER_JS`)."""
    out, value, shift = [], 0, 0
    for byte in data:
        value |= (byte & 127) << shift
        shift += 7
        if not byte & 128:
            out.append(-((value + 1) >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    return out


def pack(geoms: Sequence, quantum_m: float) -> Packed:
    """Pack polygonal WGS84 shapes (see the module docstring).

    Parameters
    ----------
    geoms : sequence of shapely geometries
        Polygons/MultiPolygons in longitude/latitude, in drawing order (other
        types, and parts that collapse on the grid, are left out).
    quantum_m : float
        Grid step in metres; keep it at most half the simplification tolerance so
        the grid cannot be seen next to the simplification.

    Returns
    -------
    Packed
    """
    geoms = list(geoms)
    scale, translate = grid(geoms, quantum_m)
    scale_a, translate_a = np.asarray(scale), np.asarray(translate)
    parts: list[np.ndarray] = []
    header: list[int] = []
    last = np.zeros(2, dtype=np.int64)
    vertices = 0

    def flush() -> None:
        if header:
            parts.append(np.asarray(header, dtype=np.int64))
            header.clear()

    for geom in geoms:
        polygons = []
        for polygon in _polygons(geom):
            rings = [_ring_steps(np.asarray(r.coords), scale_a, translate_a) for r in (polygon.exterior,
                                                                                          *polygon.interiors)]
            if rings[0] is not None:
                polygons.append([r for r in rings if r is not None])
        header.append(len(polygons))
        for rings in polygons:
            header.append(len(rings))
            for ring in rings:
                header.append(len(ring))
                flush()
                steps = np.diff(np.vstack([last, ring]), axis=0)
                parts.append(steps.ravel())
                last = ring[-1]
                vertices += len(ring)
    flush()
    ints = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return Packed(base64.b64encode(varints(ints)).decode("ascii"), len(geoms), scale, translate, vertices)


def unpack(packed: Packed) -> list:
    """The shapes back from :func:`pack`, on the grid (shapely; an empty Polygon for a shape without one)."""
    ints = read_varints(base64.b64decode(packed.data))
    pos, x, y = 0, 0, 0
    (sx, sy), (tx, ty) = packed.scale, packed.translate
    out = []
    for _shape in range(packed.count):
        polygons = []
        n_polygons, pos = ints[pos], pos + 1
        for _polygon in range(n_polygons):
            rings = []
            n_rings, pos = ints[pos], pos + 1
            for _ring in range(n_rings):
                n_points, pos = ints[pos], pos + 1
                ring = []
                for _point in range(n_points):
                    x, y, pos = x + ints[pos], y + ints[pos + 1], pos + 2
                    ring.append((tx + x * sx, ty + y * sy))
                rings.append(ring)
            polygons.append(shapely.Polygon(rings[0], rings[1:]))
        if not polygons:
            out.append(shapely.Polygon())
        else:
            out.append(polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons))
    return out
