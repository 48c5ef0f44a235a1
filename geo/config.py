"""Paths, codes and constants in one place (cookiecutter-data-science style).

Every other module asks this one where files live, so a move of the data is a
one-line change here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


@dataclass(frozen=True)
class RawPaths:
    """Where the build reads one municipality's raw files (see :func:`raw_paths`).

    Attributes
    ----------
    gemeente : str or None
        CBS municipality code, or None for the shipped Heerlen data.
    buurten, wijken : Path or None
        Buurt polygons (``CBS-buurtcode``, ``buurtnaam``) and wijk polygons of the newest boundaries year present
        (None when absent); ``boundaries_year`` is that year.
    kwb, kwb_columns, benefits : Path
        The KWB table (one row per region per edition), its column dictionary and the 85586NED benefits table.
    vivet : Path
        The shipped Parkstad VIVET file (the build uses it only when it lists dwellings of the municipality);
        like ``gemeenten`` taken from ``raw_dir`` when a copy is there, else from ``data/raw``.
    vivet_address_root : Path
        Folder searched for ``RAW_VIVET_ADDRESS_GLOB`` (the per-address VIVET file).
    gemeenten : Path
        The national municipality table of the comparison.
    """

    gemeente: str | None
    buurten: Path | None
    wijken: Path | None
    boundaries_year: int | None
    kwb: Path
    kwb_columns: Path
    benefits: Path
    vivet: Path
    vivet_address_root: Path
    gemeenten: Path

    @property
    def files(self) -> tuple[Path, ...]:
        """The raw files whose checksums the build records (the ones present)."""
        candidates = (self.buurten, self.kwb, self.benefits, self.gemeenten)
        return tuple(p for p in candidates if p is not None and p.exists())


def boundaries_years(folder: Path, layer: str = "buurten") -> list[int]:
    """Years of the refreshed PDOK boundaries in ``folder`` (``pdok_<layer>_<year>/<layer>_<year>.geojson``), sorted."""
    years = []
    for path in Path(folder).glob(f"pdok_{layer}_*/{layer}_*.geojson"):
        suffix = path.parent.name.removeprefix(f"pdok_{layer}_")
        if suffix.isdigit() and path.name == f"{layer}_{suffix}.geojson":
            years.append(int(suffix))
    return sorted(years)


def raw_paths(gemeente: str | None = None, raw_dir: Path = RAW_DIR) -> RawPaths:
    """The raw files of one municipality as ``python -m geo.refresh`` writes them, or the shipped Heerlen files.

    Parameters
    ----------
    gemeente : str, optional
        CBS code (``GM0928``): files under ``<raw_dir>/<gemeente>/`` (boundaries of the newest year present).
        None: the shipped Heerlen files (the constants above).
    raw_dir : Path
        The raw-data folder (``data/raw``).

    Examples
    --------
    >>> raw_paths("GM0928", Path("raw")).kwb.as_posix()
    'raw/GM0928/cbs_kwb/kwb_wijken_buurten.csv'
    >>> raw_paths().kwb == RAW_KWB
    True
    """
    if gemeente is None:
        return RawPaths(None, RAW_BUURTEN, None, 2023, RAW_KWB, RAW_KWB_COLUMNS, RAW_BENEFITS, RAW_VIVET, RAW_DIR,
                        RAW_GEMEENTEN)
    folder = Path(raw_dir) / gemeente
    years = boundaries_years(folder)
    year = years[-1] if years else None
    buurten = folder / f"pdok_buurten_{year}" / f"buurten_{year}.geojson" if year else None
    wijken = folder / f"pdok_wijken_{year}" / f"wijken_{year}.geojson" if year else None
    return RawPaths(
        gemeente=gemeente, buurten=buurten, wijken=wijken if wijken and wijken.exists() else None,
        boundaries_year=year, kwb=folder / "cbs_kwb" / "kwb_wijken_buurten.csv",
        kwb_columns=folder / "cbs_kwb" / "kwb_columns.csv",
        benefits=folder / "cbs_uitkeringen_85586NED" / "uitkeringen.csv",
        vivet=_shared(raw_dir, RAW_VIVET), vivet_address_root=folder, gemeenten=_shared(raw_dir, RAW_GEMEENTEN),
    )


def _shared(raw_dir: Path, shipped: Path) -> Path:
    """A shipped file shared by all municipalities: its copy under ``raw_dir`` if there is one, else the shipped one."""
    copy = Path(raw_dir) / shipped.parent.name / shipped.name
    return copy if copy.exists() else shipped


def processed_dir(gemeente: str | None = None, processed_root: Path = PROCESSED_DIR) -> Path:
    """Where the build writes a municipality's processed files: ``data/processed/<GM>/`` (default: ``data/processed``).

    Examples
    --------
    >>> processed_dir("GM0928", Path("p")).as_posix(), processed_dir(None, Path("p")).as_posix()
    ('p/GM0928', 'p')
    """
    return Path(processed_root) / gemeente if gemeente else Path(processed_root)


@dataclass(frozen=True)
class ProcessedPaths:
    """Where one municipality's processed files live (see :func:`processed_paths`); hashable, so it keys caches.

    Every attribute is a file in ``folder``; a wijk-level municipality has only ``wijken``, ``wijken_map`` and
    ``join_report`` (see :mod:`geo.io.municipalities`).
    """

    folder: Path

    def _file(self, name: str) -> Path:
        return Path(self.folder) / name

    buurten = property(lambda self: self._file("buurten.parquet"))  # full-resolution polygons + indicators
    buurten_map = property(lambda self: self._file("buurten_map.parquet"))  # simplified polygons for the map
    wijken_map = property(lambda self: self._file("wijken_map.parquet"))  # simplified wijk outlines
    wijken = property(lambda self: self._file("wijken.parquet"))  # wijk indicators (no geometry)
    gemeente = property(lambda self: self._file("gemeente.parquet"))  # the municipality and national values
    join_report = property(lambda self: self._file("join_report.json"))
    stock = property(lambda self: self._file("stock_buurt.parquet"))  # estimated housing stock per buurt
    stock_validation = property(lambda self: self._file("stock_validation.parquet"))
    # buurt x type x period x tenure x label (retrofit targeting, export)
    stock_cells = property(lambda self: self._file("stock_cells.parquet"))
    # totals and gas-by-type/tenure checks of the stock estimate
    stock_checks = property(lambda self: self._file("stock_checks.parquet"))
    # relative gas use per label, same type and floor area (VIVET)
    label_factors = property(lambda self: self._file("label_factors.parquet"))
    # households, stock, vacancy per KWB year
    gemeente_households = property(lambda self: self._file("gemeente_households.parquet"))
    trends = property(lambda self: self._file("trends.parquet"))  # buurt x indicator x year described (long)


def processed_paths(folder: Path | None = None) -> ProcessedPaths:
    """The processed files of the municipality in ``folder`` (default: the shipped data in ``data/processed``).

    Examples
    --------
    >>> processed_paths(Path("p") / "GM0928").buurten.as_posix()
    'p/GM0928/buurten.parquet'
    >>> processed_paths().join_report == JOIN_REPORT
    True
    """
    return ProcessedPaths(Path(folder) if folder is not None else PROCESSED_DIR)


# Processed outputs of the shipped default, rebuilt by `make data` (python -m geo.build). The app reads them
# through processed_paths(<the chosen municipality's folder>); the build and the tests use these names.
SHIPPED = ProcessedPaths(PROCESSED_DIR)
BUURTEN = SHIPPED.buurten
BUURTEN_MAP = SHIPPED.buurten_map
WIJKEN_MAP = SHIPPED.wijken_map
WIJKEN = SHIPPED.wijken
GEMEENTE = SHIPPED.gemeente
JOIN_REPORT = SHIPPED.join_report
STOCK = SHIPPED.stock
STOCK_VALIDATION = SHIPPED.stock_validation
STOCK_CELLS = SHIPPED.stock_cells
STOCK_CHECKS = SHIPPED.stock_checks
LABEL_FACTORS = SHIPPED.label_factors
GEMEENTE_HOUSEHOLDS = SHIPPED.gemeente_households
TRENDS = SHIPPED.trends
# National files: one set for every municipality, in data/processed (the shipped build writes them).
GEMEENTEN = PROCESSED_DIR / "gemeenten.parquet"  # every municipality (KWB 2022 edition), no geometry
GEMEENTEN_MAP = PROCESSED_DIR / "gemeenten_map.parquet"  # their outlines (repaired) for the context map
# More folders scanned for built municipalities (<root>/<GM>/join_report.json), separated by os.pathsep:
# for a build kept outside the project (and the tests' builds in a temporary folder).
EXTRA_PROCESSED_ROOTS = tuple(Path(p) for p in os.environ.get("BUURTKOMPAS_PROCESSED_ROOTS", "").split(os.pathsep)
                              if p)

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
