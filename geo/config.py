"""Paths, codes and constants in one place (cookiecutter-data-science style).

Every other module asks this one where files live, so a move of the data is a
one-line change here.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
STATIC_DIR = ROOT / "static"
LOCALE_DIR = ROOT / "locale"  # one gettext catalogue per language (geo.i18n)

GEMEENTE_CODE = "GM0917"
GEMEENTE_NAME = "Heerlen"

# Raw inputs: copied unchanged from the shared open-data folder (see each SOURCE.md).
RAW_BUURTEN = RAW_DIR / "heerlen_buurten_2023" / "heerlen_buurten_2023.geojson"
RAW_KWB = RAW_DIR / "cbs_kwb_heerlen_2016_2020" / "kwb_heerlen_2016_2020.csv"
RAW_KWB_COLUMNS = RAW_DIR / "cbs_kwb_heerlen_2016_2020" / "kwb_columns.csv"
RAW_BENEFITS = RAW_DIR / "cbs_uitkeringen_heerlen_85586NED" / "uitkeringen_heerlen_2013Q1_2024Q1.csv"
RAW_VIVET = RAW_DIR / "vivet_referentieverbruik_parkstad" / "vivet_referentieverbruik_woningen_parkstad.csv"
RAW_GEMEENTEN = RAW_DIR / "geoinzicht_gemeenten_2022" / "gemeenten_2022_attributes.csv"
RAW_GEMEENTEN_SHAPES = RAW_DIR / "geoinzicht_gemeenten_2022" / "gemeenten_2022.geojson"
RAW_WIJKEN_NL = RAW_DIR / "geoinzicht_wijken_2024_nl" / "wijken_2024.geojson"
# Optional exact path: the PBL VIVET per-gemeente file with BU_CODE per dwelling.
# When a file matching this pattern is present in data/raw/, labels are aggregated per address.
RAW_VIVET_ADDRESS_GLOB = "vivet_adres*/*.csv"

# Processed outputs, rebuilt by `make data` (python -m geo.build).
BUURTEN = PROCESSED_DIR / "buurten.parquet"  # full-resolution polygons + indicators
BUURTEN_MAP = PROCESSED_DIR / "buurten_map.parquet"  # simplified polygons for the map
WIJKEN_MAP = PROCESSED_DIR / "wijken_map.parquet"  # simplified wijk outlines
WIJKEN = PROCESSED_DIR / "wijken.parquet"  # wijk indicators (no geometry)
GEMEENTE = PROCESSED_DIR / "gemeente.parquet"  # Heerlen and national comparison values
JOIN_REPORT = PROCESSED_DIR / "join_report.json"
STOCK = PROCESSED_DIR / "stock_buurt.parquet"  # estimated housing stock per buurt
STOCK_VALIDATION = PROCESSED_DIR / "stock_validation.parquet"
# buurt x type x period x tenure x label (retrofit targeting, export)
STOCK_CELLS = PROCESSED_DIR / "stock_cells.parquet"
STOCK_CHECKS = PROCESSED_DIR / "stock_checks.parquet"  # totals and gas-by-type/tenure checks of the stock estimate
LABEL_FACTORS = PROCESSED_DIR / "label_factors.parquet"  # relative gas use per label, same type and floor area (VIVET)
GEMEENTE_HOUSEHOLDS = PROCESSED_DIR / "gemeente_households.parquet"  # households, stock, vacancy per KWB year
TRENDS = PROCESSED_DIR / "trends.parquet"  # buurt x indicator x year described, over all editions (long)
GEMEENTEN = PROCESSED_DIR / "gemeenten.parquet"  # every municipality (KWB 2022 edition), no geometry
GEMEENTEN_MAP = PROCESSED_DIR / "gemeenten_map.parquet"  # their outlines (repaired) for the context map

# The Parkstad Limburg municipalities (CBS codes, classification 2022; Beekdaelen since 2019).
PARKSTAD = {"GM0917": "Heerlen", "GM0928": "Kerkrade", "GM0882": "Landgraaf", "GM0899": "Brunssum",
            "GM0965": "Simpelveld", "GM0986": "Voerendaal", "GM1954": "Beekdaelen"}

# Metric CRS for areas and simplification: Amersfoort / RD New.
CRS_METRIC = "EPSG:28992"
CRS_WGS84 = "EPSG:4326"
# Simplification tolerance (m) for map shapes and coordinate precision (decimal degrees).
# 8 m is below what a buurt map at zoom 12-15 can show; 5 decimals is ~1 m.
SIMPLIFY_TOLERANCE_M = 8.0
COORD_DECIMALS = 5

# Map assets served by Streamlit's static file server (see .streamlit/config.toml).
LEAFLET_VERSION = "1.9.4"
STATIC_URL = "/app/static"
