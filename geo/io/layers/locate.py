"""Placing data on the map: a table by code, coordinates or name; a geometry layer in the right CRS, repaired.

A table is joined by buurt or wijk code in any common form, else by coordinates (columns named
in any common way; RD New or WGS84 told from the values, swapped lat/lon noticed), else by
buurt or wijk name (what did not match is listed). A geometry layer is reprojected from the CRS
it declares; without one, the CRS is told from the coordinates when they leave no doubt.
Invalid geometry is repaired when that keeps its kind (a polygon stays an area), else dropped;
either is said.

Examples
--------
>>> coordinate_columns(["Naam", "RD_X", "RD_Y"]), coordinate_columns(["lat", "lng"])
(('RD_X', 'RD_Y'), ('lng', 'lat'))
>>> crs_of_coordinates([5.98], [50.89]), crs_of_coordinates([50.89], [5.98]), crs_of_coordinates([196000], [321000])
(('EPSG:4326', False), ('EPSG:4326', True), ('EPSG:28992', False))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from pyproj.exceptions import CRSError

from geo import config
from geo.errors import DataError
from geo.i18n import _, ngettext, number
from geo.io.layers.values import buurt_or_wijk, is_blank, name_key, to_numbers

# Bounding boxes of the Netherlands (with a margin): lon/lat and RD New metres.
NL_LONLAT = (3.0, 50.6, 7.4, 53.8)
NL_RD = (-10_000.0, 280_000.0, 300_000.0, 640_000.0)
# Column names (reduced to letters and digits, lower case) that hold x / y coordinates.
X_NAMES = ("x", "rdx", "xrd", "xcoord", "xcoordinaat", "xcoordinate", "coordx", "coordinaatx", "east", "easting",
           "lon", "lng", "long", "longitude", "lengtegraad", "oosterlengte", "geolon", "geolng")
Y_NAMES = ("y", "rdy", "yrd", "ycoord", "ycoordinaat", "ycoordinate", "coordy", "coordinaaty", "north", "northing",
           "lat", "latitude", "breedtegraad", "noorderbreedte", "geolat")
NAME_WORDS = ("buurt", "wijk", "naam", "name", "gebied", "area", "neighbourhood", "neighborhood")
MATCH_SHARE = 0.5  # a column is the join key when at least this share of its filled cells match
SAMPLE = 2_000  # the first cells of a column tell whether it can hold codes at all
MARGIN_DEG = 0.02  # features this far outside Heerlen's extent are left out (about 2 km)
DIMENSION = {"Point": 0, "MultiPoint": 0, "LineString": 1, "MultiLineString": 1, "LinearRing": 1,
             "Polygon": 2, "MultiPolygon": 2}


@dataclass
class Located:
    """A table or layer on the map: geometry in EPSG:4326, how it was joined, what did not match, notes."""

    frame: gpd.GeoDataFrame
    joined_by: str  # "geometry", "buurt_code", "wijk_code", "coordinates" or "name"
    key_column: str | None = None
    unmatched: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _reduced(name) -> str:
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def coordinate_columns(columns) -> tuple[str, str] | None:
    """The (x, y) columns among ``columns`` by their names (first match in :data:`X_NAMES` order), or None."""
    by_reduced = {}
    for c in columns:
        by_reduced.setdefault(_reduced(c), c)
    xs = [by_reduced[n] for n in X_NAMES if n in by_reduced]
    ys = [by_reduced[n] for n in Y_NAMES if n in by_reduced]
    return (xs[0], ys[0]) if xs and ys else None


def _inside(x: np.ndarray, y: np.ndarray, box: tuple) -> float:
    return float(np.mean((x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3]))) if len(x) else 0.0


def crs_of_coordinates(x, y) -> tuple[str, bool] | None:
    """The CRS the coordinates are in (WGS84 or RD New) and whether x and y are swapped; None when unclear.

    Decided by where most points fall: the Netherlands in lon/lat, in lat/lon, or in RD New metres.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    scores = {("EPSG:4326", False): _inside(x, y, NL_LONLAT), ("EPSG:4326", True): _inside(y, x, NL_LONLAT),
              ("EPSG:28992", False): _inside(x, y, NL_RD), ("EPSG:28992", True): _inside(y, x, NL_RD)}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.5 else None


def _code_column(df: pd.DataFrame, known: set[str]) -> tuple[str, pd.Series] | None:
    """The column of buurt or wijk codes (the one most of whose cells read as codes), with the codes read.

    A cell counts when it is written with its prefix (``BU``, ``WK``) or, as bare digits, is a code of
    the municipality: a column of RD coordinates (six digits, like a wijk code) is not taken for codes.
    """
    best = None
    for col in df.columns:
        if col == "geometry":
            continue
        cells = df[col]
        head = cells.iloc[:SAMPLE]
        filled = head[[not is_blank(v) for v in head]]
        if filled.empty:
            continue
        sample = pd.Series([buurt_or_wijk(v) for v in filled], index=filled.index, dtype=object)
        if sample.notna().mean() < MATCH_SHARE:  # most cells of a long column are no codes: not the key
            continue
        filled = cells[[not is_blank(v) for v in cells]]
        codes = pd.Series([buurt_or_wijk(v) for v in cells], index=cells.index, dtype=object)
        prefixed = pd.Series([str(v).strip().upper().startswith(("BU", "WK")) for v in cells], index=cells.index)
        counts = codes.notna() & (prefixed | codes.isin(known))
        share = counts[filled.index].mean()
        named = any(w in str(col).lower() for w in ("code", "buurt", "wijk", "gwb"))
        score = (share, named)
        if share >= MATCH_SHARE and (best is None or score > best[0]):
            best = (score, col, codes)
    return (best[1], best[2]) if best else None


def _name_column(df: pd.DataFrame, known: set[str]) -> tuple[str, pd.Series] | None:
    best = None
    for col in df.columns:
        if col == "geometry":
            continue
        keys = pd.Series([None if is_blank(v) else name_key(v) for v in df[col]], index=df.index, dtype=object)
        filled = keys.dropna()
        if filled.empty:
            continue
        share = filled.isin(known).mean()
        named = any(w in str(col).lower() for w in NAME_WORDS)
        if (share >= MATCH_SHARE or (named and share > 0)) and (best is None or (share, named) > best[0]):
            best = ((share, named), col, keys)
    return (best[1], best[2]) if best else None


def areas(buurten: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Buurt and wijk polygons (``code``, ``name``; EPSG:4326) of the municipality, wijken dissolved from buurten."""
    b = buurten[["buurt_code", "buurt_name", "wijk_code", "geometry"]].rename(
        columns={"buurt_code": "code", "buurt_name": "name"})
    wijk_names = buurten["wijk_name"] if "wijk_name" in buurten else buurten["wijk_code"]
    w = gpd.GeoDataFrame(buurten[["wijk_code"]].assign(name=wijk_names.values), geometry=buurten.geometry,
                         crs=buurten.crs).dissolve(by="wijk_code", as_index=False).rename(columns={"wijk_code": "code"})
    return b[["code", "name", "geometry"]], w[["code", "name", "geometry"]]


def _listed(values) -> list[str]:
    return sorted({str(v)[:40] for v in values})


def _by_codes(df: pd.DataFrame, col: str, codes: pd.Series, buurten: gpd.GeoDataFrame) -> Located:
    b, w = areas(buurten)
    shapes = pd.concat([b, w]).set_index("code").geometry
    known = codes.isin(shapes.index)
    unreadable = codes.isna() & pd.Series([not is_blank(v) for v in df[col]], index=df.index)
    unmatched = _listed(df.loc[~known & ~unreadable & codes.notna(), col]) + _listed(df.loc[unreadable, col])
    kept = df[known].copy()
    kept["geometry"] = shapes.reindex(codes[known]).to_numpy()
    level = "wijk_code" if codes[known].str.startswith("WK").mean() > 0.5 else "buurt_code"
    kept["_code"] = codes[known].to_numpy()
    notes = []
    dupes = int(codes[known].duplicated().sum())
    if dupes:
        notes.append(ngettext("{n} code appears more than once; each row is kept (a sum adds them, a mean "
                              "averages them).", "{n} codes appear more than once; each row is kept (a sum adds "
                              "them, a mean averages them).", dupes).format(n=number(dupes)))
    return Located(gpd.GeoDataFrame(kept, geometry="geometry", crs=config.CRS_WGS84), level, col, unmatched, notes)


def _by_names(df: pd.DataFrame, col: str, keys: pd.Series, buurten: gpd.GeoDataFrame) -> Located:
    b, w = areas(buurten)
    lookup = {name_key(n): g for n, g in zip(w["name"], w.geometry, strict=True)}
    lookup.update({name_key(n): g for n, g in zip(b["name"], b.geometry, strict=True)})  # a buurt wins a tie
    codes = {name_key(n): c for n, c in zip(w["name"], w["code"], strict=True)}
    codes.update({name_key(n): c for n, c in zip(b["name"], b["code"], strict=True)})
    known = keys.isin(lookup.keys())
    unmatched = _listed(df.loc[~known & keys.notna(), col])
    kept = df[known].copy()
    kept["geometry"] = [lookup[k] for k in keys[known]]
    kept["_code"] = [codes[k] for k in keys[known]]
    note = _("Joined by name in column '{column}': buurt or wijk names, spelled as CBS does (case and accents do "
             "not matter).").format(column=str(col)[:40])
    return Located(gpd.GeoDataFrame(kept, geometry="geometry", crs=config.CRS_WGS84), "name", col, unmatched, [note])


def _by_coordinates(df: pd.DataFrame, xcol: str, ycol: str, dutch: bool) -> Located:
    x, y = to_numbers(df[xcol], dutch), to_numbers(df[ycol], dutch)
    ok = x.notna() & y.notna()
    if not ok.any():
        raise DataError(_("The columns '{x}' and '{y}' hold no coordinates (numbers).").format(
            x=str(xcol)[:30], y=str(ycol)[:30]))
    found = crs_of_coordinates(x[ok], y[ok])
    if found is None:
        raise DataError(_("The coordinates in '{x}' and '{y}' lie neither in the Netherlands in RD New (EPSG:28992) "
                          "nor in longitude/latitude (WGS84).").format(x=str(xcol)[:30], y=str(ycol)[:30]))
    crs, swapped = found
    notes = [_("Placed by the coordinates in '{x}' and '{y}', read as {crs}.").format(
        x=str(xcol)[:30], y=str(ycol)[:30], crs=_("RD New (EPSG:28992)") if crs == "EPSG:28992" else _(
            "longitude/latitude (WGS84)"))]
    if swapped:
        x, y = y, x
        notes.append(_("The two coordinate columns were swapped (latitude given as x); they were read the other "
                       "way round."))
    dropped = int((~ok).sum())
    if dropped:
        notes.append(ngettext("{n} row has no coordinates and was left out.",
                              "{n} rows have no coordinates and were left out.", dropped).format(n=number(dropped)))
    gdf = gpd.GeoDataFrame(df[ok].copy(), geometry=gpd.points_from_xy(x[ok], y[ok]), crs=crs)
    return Located(gdf.to_crs(config.CRS_WGS84), "coordinates", None, [], notes)


def locate_table(df: pd.DataFrame, buurten: gpd.GeoDataFrame, dutch: bool = False) -> Located:
    """Put a table on the map: by buurt or wijk code, else by coordinates, else by name.

    Parameters
    ----------
    df : DataFrame
        The table as read (cells as text or numbers).
    buurten : GeoDataFrame
        The municipality's buurten (``buurt_code``, ``buurt_name``, ``wijk_code``, ``wijk_name``,
        polygons in EPSG:4326).
    dutch : bool
        Numbers may have a decimal comma (a file separated by ``;``).

    Returns
    -------
    Located
        Rows that could be placed (a code or name gives its buurt's or wijk's polygon, coordinates a
        point), what did not match and the notes.

    Raises
    ------
    DataError
        When no column holds codes, coordinates or names, or none of the rows matches.
    """
    found = _code_column(df, {*buurten["buurt_code"], *buurten["wijk_code"]})
    if found is not None:
        located = _by_codes(df, *found, buurten)
    elif (xy := coordinate_columns(df.columns)) is not None:
        located = _by_coordinates(df, *xy, dutch)
    elif (named := _name_column(df, {name_key(n) for n in (*buurten["buurt_name"], *buurten.get(
            "wijk_name", pd.Series(dtype=str)))})) is not None:
        located = _by_names(df, *named, buurten)
    else:
        raise DataError(_("No column holds buurt or wijk codes (e.g. {examples}), coordinates "
                          "(x/y, lon/lat, lat/lng, rd_x/rd_y) or buurt names.").format(
            examples=example_codes(buurten["buurt_code"])))
    if located.frame.empty:
        raise DataError(_("None of the rows matches a buurt or wijk of the municipality. Not found: {values}.").format(
            values=", ".join(located.unmatched[:10])))
    return located


def example_codes(buurt_codes) -> str:
    """The forms of a code the reader accepts, shown on one of the municipality's own buurten.

    Examples
    --------
    >>> example_codes(pd.Series(["BU09281234", "BU09280000"]))
    'BU09280000, 09280000, 0928 0000, WK092800'
    """
    codes = sorted(str(c) for c in buurt_codes if str(c).startswith("BU") and len(str(c)) == 10)
    if not codes:
        return "BU00001234, 00001234, 0000 1234, WK000012"
    digits = codes[0][2:]
    return f"{codes[0]}, {digits}, {digits[:4]} {digits[4:]}, WK{digits[:6]}"


def declared_crs(name: str | None) -> pyproj.CRS | None:
    """The CRS a file declares, or None when it declares none.

    Raises
    ------
    DataError
        When the declared CRS is not known.
    """
    if name is None:
        return None
    try:
        return pyproj.CRS.from_user_input(name)
    except CRSError:
        raise DataError(_("The coordinate reference system '{crs}' is not known.").format(crs=str(name)[:60])) from None


def _swap(geometry: gpd.GeoSeries) -> gpd.GeoSeries:
    return gpd.GeoSeries(shapely.transform(geometry.to_numpy(), lambda xy: xy[:, ::-1]), index=geometry.index,
                         crs=geometry.crs)


def to_wgs84(gdf: gpd.GeoDataFrame, declared: str | None, geojson: bool = False) -> tuple[gpd.GeoDataFrame, list]:
    """The layer in EPSG:4326 from the CRS it declares, or the one its coordinates show when it declares none.

    A GeoJSON declares WGS84 by default (RFC 7946); RD New coordinates in one without a ``crs`` member,
    or latitude and longitude swapped, are noticed and read as what they are, with a note.
    """
    notes: list[str] = []
    crs = declared_crs(declared)
    b = gdf.geometry.bounds.dropna()
    x, y = ((b["minx"] + b["maxx"]) / 2).to_numpy(), ((b["miny"] + b["maxy"]) / 2).to_numpy()
    seen = crs_of_coordinates(x, y)
    if crs is None:
        if seen is None:
            if geojson:
                seen = ("EPSG:4326", False)
            else:
                raise DataError(_("The file declares no coordinate reference system and its coordinates are neither "
                                  "RD New nor longitude/latitude in the Netherlands; save it with its CRS (e.g. a "
                                  ".prj file)."))
        elif geojson and seen[0] == "EPSG:28992":
            notes.append(_("The coordinates are RD New (EPSG:28992) metres although the file says WGS84; they were "
                           "read as RD New."))
        elif not geojson:
            notes.append(_("The file declares no coordinate reference system; its coordinates are read as {crs}.")
                         .format(crs=_("RD New (EPSG:28992)") if seen[0] == "EPSG:28992" else _(
                             "longitude/latitude (WGS84)")))
        crs = pyproj.CRS.from_user_input(seen[0])
    elif crs.equals(pyproj.CRS.from_user_input(config.CRS_WGS84)) and seen is not None and seen[0] == "EPSG:28992":
        notes.append(_("The coordinates are RD New (EPSG:28992) metres although the file says WGS84; they were read "
                       "as RD New."))
        crs = pyproj.CRS.from_user_input(seen[0])
    if seen is not None and seen[1] and crs.to_epsg() == int(seen[0].split(":")[1]):
        gdf = gdf.set_geometry(_swap(gdf.geometry.set_crs(None, allow_override=True)))
        notes.append(_("Latitude and longitude were swapped in the file; they were read the other way round."))
    gdf = gdf.set_crs(crs, allow_override=True)
    try:
        return gdf.to_crs(config.CRS_WGS84), notes
    except Exception:  # pyproj raises several kinds for a CRS it cannot transform
        raise DataError(_("The coordinates cannot be converted from {crs} to WGS84.").format(
            crs=str(crs.name)[:60])) from None


def repair(gdf: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Drop empty geometry and repair invalid geometry where the repair keeps its kind; notes say what happened.

    A self-intersecting polygon is made valid (its area kept as polygon parts); a geometry whose
    repair leaves no part of its own kind (a polygon that collapses to a line) is dropped.
    """
    notes: list[str] = []
    geometry = gdf.geometry
    empty = geometry.isna() | geometry.is_empty
    if empty.any():
        notes.append(ngettext("{n} feature has no geometry and was left out.",
                              "{n} features have no geometry and were left out.", int(empty.sum())).format(
            n=number(int(empty.sum()))))
    gdf = gdf[~empty]
    if gdf.empty:
        raise DataError(_("No feature of the file has a geometry."))
    invalid = ~gdf.geometry.is_valid
    if invalid.any():
        repaired, dropped = [], []
        for idx, geom in gdf.geometry[invalid].items():
            fixed = shapely.make_valid(geom)
            dim = DIMENSION.get(geom.geom_type, 2)
            parts = [p for p in getattr(fixed, "geoms", [fixed]) if DIMENSION.get(p.geom_type, -1) == dim]
            if parts:
                repaired.append((idx, shapely.union_all(parts) if len(parts) > 1 else parts[0]))
            else:
                dropped.append(idx)
        geometry = gdf.geometry.copy()
        for idx, geom in repaired:
            geometry[idx] = geom
        gdf = gdf.set_geometry(geometry).drop(index=dropped)
        if repaired:
            notes.append(ngettext("{n} invalid geometry (e.g. a self-intersecting polygon) was repaired; its area "
                                  "is kept.", "{n} invalid geometries (e.g. self-intersecting polygons) were "
                                  "repaired; their area is kept.", len(repaired)).format(n=number(len(repaired))))
        if dropped:
            notes.append(ngettext("{n} invalid geometry could not be repaired without changing its kind and was "
                                  "left out.", "{n} invalid geometries could not be repaired without changing their "
                                  "kind and were left out.", len(dropped)).format(n=number(len(dropped))))
        if gdf.empty:
            raise DataError(_("No feature of the file has a usable geometry."))
    return gdf, notes


def within_reach(gdf: gpd.GeoDataFrame, buurten: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Only the features that touch the municipality's extent (with a small margin), and a note on the rest."""
    minx, miny, maxx, maxy = buurten.total_bounds
    area = shapely.box(minx - MARGIN_DEG, miny - MARGIN_DEG, maxx + MARGIN_DEG, maxy + MARGIN_DEG)
    near = gdf.geometry.intersects(area)
    if not near.any():
        raise DataError(_("None of the features lies in or near the municipality. Are the coordinates right (and "
                          "not swapped)?"))
    notes = []
    if (~near).any():
        far = int((~near).sum())
        notes.append(ngettext("{n} feature lies outside the municipality and was left out.",
                              "{n} features lie outside the municipality and were left out.", far).format(
            n=number(far)))
    return gdf[near], notes
