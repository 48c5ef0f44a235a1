"""The buurt stock table and the long cells table, counted by hand on a tiny group table."""

import numpy as np
import pytest

from geo.build.stock.tables import cells_table, stock_table
from geo.build.stock.vivet import N_CELLS, N_PERIODS, N_TENURES

# Imputation cell of a mid-terrace house (type 4) built 1965-1974 (period 3), owner-occupied (tenure 0).
MID_TERRACE_1970_OWNED = (4 - 1) * N_PERIODS * N_TENURES + 3 * N_TENURES + 0
APARTMENT_2010_SOCIAL = (5 - 1) * N_PERIODS * N_TENURES + 8 * N_TENURES + 1


def _groups(n_buurten: int = 2):
    """Group table (B, cells, district heating, 8 labels incl. unlabelled, [count, gas GJ, floor m2, heat GJ])."""
    g = np.zeros((n_buurten, N_CELLS, 2, 8, 4))
    # buurt 0: 6 mid-terrace houses labelled E, 2 labelled B, 2 unlabelled; 4 social-rent flats labelled C.
    g[0, MID_TERRACE_1970_OWNED, 0, 4] = [6, 6 * 40.0, 6 * 120.0, 6 * 50.0]
    g[0, MID_TERRACE_1970_OWNED, 0, 1] = [2, 2 * 20.0, 2 * 120.0, 2 * 30.0]
    g[0, MID_TERRACE_1970_OWNED, 0, 7] = [2, 2 * 30.0, 2 * 120.0, 2 * 40.0]
    g[0, APARTMENT_2010_SOCIAL, 1, 2] = [4, 0.0, 4 * 70.0, 4 * 20.0]
    return g


def _mix():
    """Unlabelled dwellings of every cell become half B, half E."""
    mix = np.zeros((N_CELLS, 7))
    mix[:, 1] = mix[:, 4] = 0.5
    return mix


def test_label_counts_and_efg_share_by_hand():
    table = stock_table(_groups(), _mix(), ["BU1", "BU2"]).set_index("buurt_code")
    b = table.loc["BU1"]
    assert b["stock_dwellings"] == 14
    assert (b["dwellings_label_b"], b["dwellings_label_c"], b["dwellings_label_e"]) == (3, 4, 7)
    assert b["dwellings_unlabelled_registered"] == 2
    assert b["pct_label_efg_all"] == pytest.approx(100 * 7 / 14)
    assert b["pct_label_efg_registered"] == pytest.approx(100 * 6 / 12)
    assert b["pct_built_before_1975"] == pytest.approx(100 * 10 / 14)
    assert b["pct_district_heating_vivet"] == pytest.approx(100 * 4 / 14)
    assert b["dwellings_owner_occupied"] == 10 and b["dwellings_social_rent"] == 4


def test_gas_is_converted_to_m3_and_heat_demand_per_m2_to_kwh():
    b = stock_table(_groups(), _mix(), ["BU1", "BU2"]).set_index("buurt_code").loc["BU1"]
    assert b["gas_m3_vivet"] == pytest.approx((240 + 40 + 60) * 31.6 / 14)
    assert b["heat_demand_kwh_m2"] == pytest.approx((300 + 60 + 80 + 80) * 277.777 / (10 * 120 + 4 * 70), rel=1e-4)


def test_a_buurt_without_dwellings_gets_no_figures_rather_than_zero():
    g = _groups()
    g[1] = np.nan  # no dwelling count: unknown
    b2 = stock_table(g, _mix(), ["BU1", "BU2"]).set_index("buurt_code").loc["BU2"]
    assert b2.drop("stock_dwellings").isna().all()


def test_cells_table_lists_only_cells_with_dwellings_in_user_words():
    cells = cells_table(_groups(), _mix(), ["BU1", "BU2"])
    assert set(cells["buurt_code"]) == {"BU1"}
    flats = cells[cells["dwelling_type"] == "apartment"]
    assert flats[["build_period", "tenure", "label_class"]].iloc[0].tolist() == ["2006-2010", "social rent", "C"]
    houses = cells[cells["dwelling_type"] == "mid-terrace"].set_index("label_class")
    assert houses.loc["E", "dwellings"] == 7 and houses.loc["E", "dwellings_registered"] == 6
    assert cells["dwellings"].sum() == pytest.approx(14)
