"""Shared fixtures: tiny synthetic buurten built in code, and the real processed data."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import config
from geo.io import processed as processed_data


@pytest.fixture
def three_buurten() -> gpd.GeoDataFrame:
    """Three adjacent 1 km squares in RD New (EPSG:28992) near Heerlen, returned in WGS84."""
    x0, y0 = 196000, 321000
    shapes = [box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000) for i in range(3)]
    gdf = gpd.GeoDataFrame(
        {"buurt_code": ["BU09170001", "BU09170002", "BU09170003"], "buurt_name": ["Noord", "Midden", "Zuid"]},
        geometry=shapes,
        crs=config.CRS_METRIC,
    )
    return gdf.to_crs(config.CRS_WGS84)


@pytest.fixture
def indicator_table() -> pd.DataFrame:
    """Four buurten with hand-picked values; D has suppressed (missing) income figures."""
    return pd.DataFrame(
        {
            "gas_m3": [1000.0, 1500.0, 2000.0, 1200.0],
            "electricity_kwh": [2000.0, 2500.0, 3000.0, 2200.0],
            "income_per_inhabitant_keur": [20.0, 15.0, 30.0, float("nan")],
            "household_size": [2.0, 2.0, 2.5, 2.0],
            "pct_low_income": [10.0, 20.0, 5.0, float("nan")],
            "pct_built_before_2000": [90.0, 95.0, 50.0, 99.0],
            "pct_label_efg_all": [30.0, 35.0, 10.0, 25.0],
            "pct_rent": [40.0, 70.0, 20.0, 60.0],
            "pct_social_assistance": [5.0, 10.0, 2.0, 8.0],
        },
        index=pd.Index(["A", "B", "C", "D"], name="buurt_code"),
    )


@pytest.fixture(scope="session")
def processed():
    """The real processed data (built by `make data`)."""
    if not processed_data.processed_ready():
        pytest.fail("data/processed is missing: run `make data` (make test does this first)")
    return {
        "buurten": processed_data.read_buurten(),
        "shapes": processed_data.read_map_shapes(config.BUURTEN_MAP),
        "wijken": processed_data.read_map_shapes(config.WIJKEN_MAP),
        "metadata": processed_data.read_metadata(),
    }


@pytest.fixture(scope="session")
def other_municipalities(tmp_path_factory):
    """A processed root with two more municipalities, built once per session (tests/support/municipalities.py).

    A buurt-level one from a replayed refresh (GM9917 Proefstad) and a wijk-level one (GM9928 Wijkdorp).
    """
    from tests.support import municipalities

    root = tmp_path_factory.mktemp("municipalities") / "processed"
    municipalities.wijk_level(root)
    municipalities.buurt_level(root, tmp_path_factory.mktemp("municipality_build"))
    return root


@pytest.fixture
def with_other_municipalities(other_municipalities, monkeypatch):
    """The registry also scans the root of :func:`other_municipalities` (as BUURTKOMPAS_PROCESSED_ROOTS would)."""
    monkeypatch.setattr(config, "EXTRA_PROCESSED_ROOTS", (other_municipalities,))
    return other_municipalities


# ---- browser tests (one app and one chromium for all of them; a fresh page, so a fresh session, per test) --------


@pytest.fixture(scope="session")
def app_url():
    """The app started as `make run` starts it, on a free localhost port.

    One server for every browser test, as users share one: each test opens its own page (its own Streamlit
    session); only the server's caches are shared, as in production.
    """
    from tests.support.browser import running_app

    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser page whose requests off this machine are aborted (and listed in ``page.blocked``)."""
    from tests.support.browser import new_page

    with new_page(browser) as fresh:
        yield fresh
