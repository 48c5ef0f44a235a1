"""A user's layer as a figure per buurt: count, sum or mean of a column, or the share of the area it covers.

A point counts in the buurt it lies in; a line or an area in every buurt it crosses or overlaps
(sharing an edge is not overlapping); a row joined by buurt code counts in that buurt. Areas are
measured in RD New (EPSG:28992). A buurt without features gets a count and a sum of 0 and no
mean (missing, never zero).

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import Point, box
>>> buurten = gpd.GeoDataFrame({"buurt_code": ["A", "B"]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
...                            crs="EPSG:28992").to_crs("EPSG:4326")
>>> pts = gpd.GeoDataFrame({"n": [1.0, 3.0, 5.0]}, geometry=[Point(.5, .5), Point(.2, .2), Point(1.5, .5)],
...                        crs="EPSG:28992").to_crs("EPSG:4326")
>>> per_buurt(pts, buurten, "count").tolist(), per_buurt(pts, buurten, "mean", "n").tolist()
([2.0, 1.0], [2.0, 5.0])
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo import config
from geo.errors import DataError
from geo.i18n import N_, _

# How a layer becomes a figure per buurt: key -> name (a message id, translated where shown).
AGGREGATIONS = {
    "count": N_("Number of features"),
    "sum": N_("Sum of a column"),
    "mean": N_("Mean of a column"),
    "area_share": N_("Share of the buurt's area covered (%)"),
}
NEEDS_COLUMN = ("sum", "mean")
CODE = "_code"
_AREA = ("Polygon", "MultiPolygon")


def aggregation_name(key: str) -> str:
    """The name of an aggregation (a key of :data:`AGGREGATIONS`) in the language in force."""
    return _(AGGREGATIONS[key])


def _pairs(frame: gpd.GeoDataFrame, buurten: gpd.GeoDataFrame) -> pd.DataFrame:
    """(feature index, buurt_code) for every feature and the buurten it lies in, crosses or overlaps."""
    if CODE in frame and frame[CODE].astype(str).str.startswith("BU").all():
        return pd.DataFrame({"feature": frame.index, "buurt_code": frame[CODE].to_numpy()})
    rd = frame[["geometry"]].to_crs(config.CRS_METRIC)
    areas = buurten[["buurt_code", "geometry"]].to_crs(config.CRS_METRIC)
    hits = gpd.sjoin(rd, areas, how="inner", predicate="intersects")
    pairs = pd.DataFrame({"feature": hits.index, "buurt_code": hits["buurt_code"].to_numpy()})
    is_area = rd.geom_type.isin(_AREA)
    if is_area.any():  # an area counts where it overlaps with a positive area, not where it only touches
        geoms = rd.geometry.reindex(pairs["feature"]).to_numpy()
        shapes = areas.set_index("buurt_code").geometry.reindex(pairs["buurt_code"]).to_numpy()
        overlap = gpd.GeoSeries(geoms).intersection(gpd.GeoSeries(shapes)).area.to_numpy()
        keep = ~is_area.reindex(pairs["feature"]).to_numpy() | (overlap > 1.0)
        pairs = pairs[keep]
    return pairs.drop_duplicates()


def per_buurt(frame: gpd.GeoDataFrame, buurten: gpd.GeoDataFrame, how: str, column: str | None = None) -> pd.Series:
    """A figure per buurt from a layer.

    Parameters
    ----------
    frame : GeoDataFrame
        The layer (EPSG:4326), e.g. :attr:`geo.io.layers.layer.Layer.frame`.
    buurten : GeoDataFrame
        ``buurt_code`` and polygons (EPSG:4326).
    how : str
        A key of :data:`AGGREGATIONS`.
    column : str, optional
        The numeric column a sum or a mean reads.

    Returns
    -------
    Series
        One value per buurt (index ``buurt_code``, in the order of ``buurten``).

    Raises
    ------
    DataError
        For an unknown aggregation, a missing or non-numeric column, or an area share of points or lines.
    """
    if how not in AGGREGATIONS:
        raise DataError(_("Unknown way to count per buurt: {how}.").format(how=str(how)[:30]))
    codes = pd.Index(buurten["buurt_code"], name="buurt_code")
    if how == "area_share":
        polys = frame[frame.geom_type.isin(_AREA)]
        if polys.empty:
            raise DataError(_("An area share needs areas (polygons); this layer has points or lines."))
        rd = buurten[["buurt_code", "geometry"]].to_crs(config.CRS_METRIC).set_index("buurt_code").geometry
        covered = polys.to_crs(config.CRS_METRIC).geometry.union_all()
        share = 100.0 * rd.intersection(covered).area / rd.area
        return share.reindex(codes).clip(upper=100.0).rename(None)
    if how in NEEDS_COLUMN:
        if column not in frame or not pd.api.types.is_numeric_dtype(frame[column]):
            raise DataError(_("A sum or a mean needs a column of numbers."))
    pairs = _pairs(frame, buurten)
    if how == "count":
        return pairs.groupby("buurt_code").size().astype(float).reindex(codes, fill_value=0.0).rename(None)
    values = pairs.assign(value=frame[column].reindex(pairs["feature"]).to_numpy())
    grouped = values.groupby("buurt_code")["value"]
    if how == "sum":
        sums = grouped.sum(min_count=1)  # a buurt whose features all lack the value has no sum
        return sums.reindex(codes).where(codes.isin(sums.index), 0.0).rename(None)
    return grouped.mean().reindex(codes).rename(None)


def unit_of(how: str, column: str | None) -> str:
    """The unit of the figure, in the language in force."""
    if how == "count":
        return _("features")
    if how == "area_share":
        return "%"
    return str(column)


def score_parts(codes: pd.Index, user: tuple) -> pd.DataFrame:
    """Each user indicator (:class:`geo.params.UserIndicator`) as a part of a score on 0-1 by buurt.

    Min-max over the buurten: 1 for the highest value when ``higher_is_worse`` (here: a higher value
    makes the buurt a better place for the work), else for the lowest; a buurt without a value, or an
    indicator without spread, scores 0 on it. Columns are named ``score_`` + the indicator's column.

    Examples
    --------
    >>> from geo.params import UserIndicator
    >>> u = UserIndicator("k", "Congestion", (("a", 0.0), ("b", 4.0), ("c", 2.0)), higher_is_worse=False)
    >>> score_parts(pd.Index(["a", "b", "c", "d"]), (u,))["score_user.k"].tolist()
    [1.0, 0.0, 0.5, 0.0]
    """
    out = pd.DataFrame(index=codes)
    for u in user:
        values = u.series().reindex(codes)
        lo, hi = values.min(), values.max()
        if pd.isna(lo) or hi <= lo:
            part = pd.Series(0.0, index=codes)
        else:
            part = (values - lo) / (hi - lo)
            part = (part if u.higher_is_worse else 1.0 - part).fillna(0.0)
        out["score_" + u.column] = part
    return out
