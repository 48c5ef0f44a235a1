"""The market's pipeline: planned projects uploaded by a market party, per buurt and against the housing target.

A project has a location (a point, an area or a buurt code), a number of homes, and where
given a type, a year of completion and a label or energy standard. Columns are found by their
usual names in Dutch or English. A project without a usable number of homes is left out and
listed; one without a year counts towards neither target year and is listed as undated.

Examples
--------
>>> import pandas as pd
>>> p = pd.DataFrame({"buurt_code": ["A", "A", "B"], "homes": [10, 5, 20], "year": [2028, 2031, None]})
>>> against_target(p, 100, 200)
{'by_2030': 10, 'by_2032': 15, 'undated': 20, 'after_2032': 0, 'share_2030_pct': 10.0, 'share_2032_pct': 7.5}
"""

from __future__ import annotations

import html
import re

import geopandas as gpd
import pandas as pd

from geo.errors import DataError
from geo.i18n import N_, _, ngettext, number
from geo.io.layers.layer import CODE, Layer
from geo.io.layers.values import to_number

# Column names (reduced to lower-case letters and digits) per field, most specific first.
FIELDS = {
    "homes": ("aantalwoningen", "woningen", "homes", "numberofhomes", "dwellings", "units", "aantal", "wooneenheden"),
    "year": ("opleverjaar", "jaaroplevering", "oplevering", "year", "jaar", "completion", "completionyear",
             "gereed", "startbouw"),
    "dwelling_type": ("woningtype", "type", "dwellingtype", "typology", "soort", "segment"),
    "standard": ("energielabel", "label", "energylabel", "energiestandaard", "standard", "beng", "energy"),
    "project": ("projectnaam", "project", "naam", "name", "omschrijving", "description"),
}
FIRST_YEAR, LAST_YEAR = 2000, 2100
# What a project's tooltip on the map shows: property -> title (message ids, translated where shown).
TOOLTIP = {"project": N_("Project"), "buurt": N_("Buurt"), "homes": N_("Homes"), "year": N_("Year of completion"),
           "standard": N_("Label or energy standard")}


def _reduced(name) -> str:
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def field_columns(columns) -> dict[str, str]:
    """The column that holds each field (:data:`FIELDS`), by its name; fields without one are left out.

    Examples
    --------
    >>> field_columns(["Projectnaam", "Aantal woningen", "Opleverjaar", "Energielabel"])
    {'homes': 'Aantal woningen', 'year': 'Opleverjaar', 'standard': 'Energielabel', 'project': 'Projectnaam'}
    """
    by_reduced = {}
    for c in columns:
        by_reduced.setdefault(_reduced(c), c)
    found, used = {}, set()
    for name, words in FIELDS.items():
        for word in words:
            col = by_reduced.get(word)
            if col is not None and col not in used:
                found[name] = col
                used.add(col)
                break
    return found


def _location(layer: Layer) -> gpd.GeoSeries:
    """Where each project is drawn (EPSG:4326): its point, or a point inside its area or its buurt."""
    return layer.frame.geometry.representative_point()


def _buurt_of(layer: Layer, buurten: gpd.GeoDataFrame) -> pd.Series:
    """The buurt each project lies in (a point's buurt, an area's by its representative point)."""
    gdf = layer.frame
    if CODE in gdf and layer.joined_by == "buurt_code":
        return gdf[CODE]
    points = gpd.GeoDataFrame(geometry=gdf.geometry.representative_point(), index=gdf.index, crs=gdf.crs)
    hits = gpd.sjoin(points, buurten[["buurt_code", "geometry"]], how="left", predicate="within")
    return hits[~hits.index.duplicated()]["buurt_code"].reindex(gdf.index)


def projects(layer: Layer, buurten: gpd.GeoDataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The planned projects of an uploaded layer, one row each, and notes on what was left out.

    Returns
    -------
    (DataFrame, list of str)
        ``project``, ``buurt_code``, ``homes`` (whole, above 0), ``year`` (or missing),
        ``dwelling_type`` and ``standard`` (text as given, or missing), ``lon`` and ``lat`` (where it is drawn:
        its point, or a point inside its area or, placed by buurt code, inside its buurt); notes for the user.

    Raises
    ------
    DataError
        When the file has no column of homes or no project lies in a buurt.
    """
    gdf = layer.frame
    cols = field_columns([c for c in gdf.columns if c not in ("geometry", CODE)])
    if "homes" not in cols:
        raise DataError(_("The pipeline needs a column with the number of homes per project (e.g. 'woningen', "
                          "'aantal woningen' or 'homes')."))
    out = pd.DataFrame(index=gdf.index)
    out["project"] = gdf[cols["project"]] if "project" in cols else [str(i + 1) for i in range(len(gdf))]
    out["buurt_code"] = _buurt_of(layer, buurten)
    homes = pd.Series([to_number(v) for v in gdf[cols["homes"]]], index=gdf.index, dtype=float)
    out["homes"] = homes
    years = pd.Series([to_number(v) for v in gdf[cols["year"]]], index=gdf.index, dtype=float) if "year" in cols \
        else pd.Series(float("nan"), index=gdf.index)
    out["year"] = years.where((years >= FIRST_YEAR) & (years <= LAST_YEAR) & (years == years.round()))
    for name in ("dwelling_type", "standard"):
        out[name] = gdf[cols[name]] if name in cols else None
    where = _location(layer)
    out["lon"], out["lat"] = where.x, where.y
    notes = []
    bad_homes = homes.isna() | (homes <= 0) | (homes != homes.round())
    if bad_homes.any():
        listed = ", ".join(str(p)[:30] for p in out.loc[bad_homes, "project"].head(10))
        notes.append(ngettext("{n} project without a whole, positive number of homes was left out: {projects}.",
                              "{n} projects without a whole, positive number of homes were left out: {projects}.",
                              int(bad_homes.sum())).format(n=number(int(bad_homes.sum())), projects=listed))
    outside = out["buurt_code"].isna() & ~bad_homes
    if outside.any():
        listed = ", ".join(str(p)[:30] for p in out.loc[outside, "project"].head(10))
        notes.append(ngettext("{n} project lies in no buurt of the municipality and was left out: {projects}.",
                              "{n} projects lie in no buurt of the municipality and were left out: {projects}.",
                              int(outside.sum())).format(n=number(int(outside.sum())), projects=listed))
    bad_year = out["year"].isna() & years.notna()
    if bad_year.any():
        notes.append(ngettext("{n} project has a year that is not a year between {first} and {last}; it counts as "
                              "undated.", "{n} projects have a year that is not a year between {first} and {last}; "
                              "they count as undated.", int(bad_year.sum())).format(
            n=number(int(bad_year.sum())), first=FIRST_YEAR, last=LAST_YEAR))
    kept = out[~bad_homes & ~outside].reset_index(drop=True)
    if kept.empty:
        raise DataError(_("No project with homes lies in a buurt of the municipality."))
    kept["homes"] = kept["homes"].astype(int)
    return kept, notes


def against_target(projects: pd.DataFrame, target_2030: int, target_2032: int) -> dict:
    """The market's homes completed by 2030 and by 2032, undated and later, and their share of each target."""
    homes, year = projects["homes"], projects["year"]
    by_2030 = int(homes[year <= 2030].sum())
    by_2032 = int(homes[year <= 2032].sum())
    return {"by_2030": by_2030, "by_2032": by_2032, "undated": int(homes[year.isna()].sum()),
            "after_2032": int(homes[year > 2032].sum()),
            "share_2030_pct": 100.0 * by_2030 / target_2030 if target_2030 > 0 else float("nan"),
            "share_2032_pct": 100.0 * by_2032 / target_2032 if target_2032 > 0 else float("nan")}


def beside_plan(projects: pd.DataFrame, plan: dict, names: dict) -> pd.DataFrame:
    """Per buurt: the homes in the municipality's plan beside the market's planned homes and projects.

    Parameters
    ----------
    projects : DataFrame
        :func:`projects`.
    plan : dict
        ``{buurt_code: homes}`` of the municipality's allocation.
    names : dict
        ``{buurt_code: name}``.

    Returns
    -------
    DataFrame
        ``buurt_code``, ``buurt_name``, ``plan_homes``, ``market_homes``, ``market_projects`` and
        ``market_by_2032`` for every buurt in either, most homes first.

    Examples
    --------
    >>> p = pd.DataFrame({"buurt_code": ["A", "A"], "homes": [10, 5], "year": [2028, 2035]})
    >>> beside_plan(p, {"B": 40}, {"A": "Aa", "B": "Bee"})[["buurt_name", "plan_homes", "market_homes"]].values.tolist()
    [['Bee', 40, 0], ['Aa', 0, 15]]
    """
    g = projects.groupby("buurt_code")
    market = pd.DataFrame({"market_homes": g["homes"].sum(), "market_projects": g.size(),
                           "market_by_2032": projects[projects["year"] <= 2032].groupby("buurt_code")["homes"].sum()})
    plan_series = pd.Series({k: int(v) for k, v in plan.items() if v}, dtype=int, name="plan_homes")
    out = market.join(plan_series, how="outer").fillna(0).astype(int)
    out = out.reset_index().rename(columns={"index": "buurt_code"})
    out.insert(1, "buurt_name", out["buurt_code"].map(names))
    out["total"] = out["plan_homes"] + out["market_homes"]
    out = out.sort_values(["total", "buurt_code"], ascending=[False, True]).drop(columns="total")
    return out[["buurt_code", "buurt_name", "plan_homes", "market_homes", "market_projects", "market_by_2032"]
               ].reset_index(drop=True)


def map_features(projects: pd.DataFrame, names: dict) -> dict:
    """The projects as GeoJSON points for the map, every property HTML-escaped text (a tooltip shows it as text).

    Parameters
    ----------
    projects : DataFrame
        :func:`projects` (with ``lon`` and ``lat``).
    names : dict
        ``{buurt_code: name}``.

    Returns
    -------
    dict
        A FeatureCollection; properties :data:`TOOLTIP`'s keys (homes in the locale's numbers, a missing year or
        standard as "–") and ``size`` (homes, for the marker).

    Examples
    --------
    >>> p = pd.DataFrame({"project": ["<b>Hof</b>"], "buurt_code": ["A"], "homes": [120], "year": [2028.0],
    ...                   "standard": [None], "lon": [5.98], "lat": [50.88]})
    >>> f = map_features(p, {"A": "Aa"})["features"][0]
    >>> f["properties"]["project"], f["properties"]["homes"], f["properties"]["year"], f["geometry"]["coordinates"]
    ('&lt;b&gt;Hof&lt;/b&gt;', '120', '2028', [5.98, 50.88])
    """
    def text(value) -> str:
        return "–" if value is None or (isinstance(value, float) and pd.isna(value)) else html.escape(str(value)[:200])

    features = []
    for row in projects.itertuples(index=False):
        if pd.isna(row.lon) or pd.isna(row.lat):
            continue
        year = None if pd.isna(row.year) else str(int(row.year))
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(row.lon),
                                                                                          float(row.lat)]},
                         "properties": {"project": text(row.project), "buurt": text(names.get(row.buurt_code)),
                                        "homes": html.escape(number(int(row.homes))), "year": text(year),
                                        "standard": text(row.standard), "size": int(row.homes)}})
    return {"type": "FeatureCollection", "features": features}
