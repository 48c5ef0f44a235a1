"""The targeting inputs the build derives from raw files: label factors from VIVET and the municipality's households."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo import config
from geo.build import targeting_inputs as ti
from geo.io import processed


def vivet_rows(rows: list[tuple], gemeente: str = config.GEMEENTE_CODE) -> pd.DataFrame:
    """VIVET-format dwellings from (n, wt, bp, eg, lb, gas_gj) rows."""
    out = [{"gemeentecode": gemeente, "rv": gas * 0.8, "tw": gas * 0.1, "gas": gas, "op": 100.0, "wt": wt, "bp": bp,
            "bj": 1950, "eg": eg, "lb": lb, "ic": "aaa"}
           for n, wt, bp, eg, lb, gas in rows for _ in range(n)]
    df = pd.DataFrame(out)
    df.insert(0, "vbo_id", [f"0917010000{i:06d}" for i in range(len(df))])
    return df


def test_vivet_labelled_keeps_labelled_gas_heated_dwellings_of_the_municipality():
    v = pd.concat([
        vivet_rows([(2, 4, 0, 2, "G", 60.0), (1, 4, 0, 2, "x", 60.0), (1, 5, 10, 0, "A", 0.5)]),
        vivet_rows([(3, 1, 0, 0, "C", 50.0)], gemeente="GM0928"),
    ])
    d = ti.vivet_labelled(v)
    assert len(d) == 2  # no label, no gas (district heat) and the other municipality are left out
    assert d.iloc[0][["dwelling_type", "build_period", "tenure", "label"]].tolist() == [
        "mid-terrace", "before 1930", "social rent", "G"]


def test_label_coefficients_hold_floor_area_fixed():
    # Gas grows with the square root of floor area; at the same area, A uses 0.75 of G.
    d = pd.DataFrame({"label": ["A", "A", "G", "G"], "gas_gj": [30.0, 30.0 * 2**0.5, 40.0, 40.0 * 2**0.5],
                      "floor_area_m2": [50.0, 100.0, 50.0, 100.0]})
    f = ti.label_coefficients(d, by_type=False)
    assert f["A"] == pytest.approx(0.75) and f["G"] == pytest.approx(1.0)


def test_label_factors_do_not_control_for_build_period():
    # A is found in the new period, G in the old one (as in VIVET); same type and floor area.
    # Within type x period there is no label contrast at all; the new factors keep the full gap of 40 %.
    d = pd.DataFrame({
        "dwelling_type": ["mid-terrace"] * 6 + ["apartment"] * 6,
        "build_period": (["before 1930"] * 3 + ["1992-2005"] * 3) * 2,
        "label": (["G"] * 3 + ["A"] * 3) * 2,
        "gas_gj": [50.0] * 3 + [30.0] * 3 + [25.0] * 3 + [15.0] * 3,
        "floor_area_m2": [100.0] * 12,
    })
    f = ti.label_factors(d, min_n=3).set_index(["dwelling_type", "label"])
    assert f.loc[(ti.ALL, "A"), "factor"] == pytest.approx(0.6)
    assert f.loc[("apartment", "A"), "factor_own_type"] == pytest.approx(0.6)
    assert (f["build_period"] == ti.ALL).all()
    # labels without dwellings stay missing in the own-type fit; the model factor is monotone A -> G
    assert np.isnan(f.loc[("apartment", "C"), "factor_own_type"])
    pooled = f.loc[ti.ALL, "factor"].dropna()
    assert np.all(np.diff(pooled.to_numpy()) >= 0)


def test_monotone_by_label_pools_violators():
    out = ti.monotone_by_label(np.array([0.9, 1.1, 1.0, 1.2]), np.array([1.0, 1.0, 3.0, 1.0]))
    assert out.tolist() == pytest.approx([0.9, 1.025, 1.025, 1.2])
    assert np.all(np.diff(out) >= 0)


def kwb_fixture() -> pd.DataFrame:
    gm = config.GEMEENTE_CODE
    return pd.DataFrame({
        "jaar": [2018, 2016, 2017, 2016],
        "regio_code": [gm, gm, gm, "BU09170001"],
        "regio_type": ["Gemeente", "Gemeente", "Gemeente", "Buurt"],
        "regio_naam": ["Heerlen", "Heerlen", "Heerlen", "Centrum"],
        "Bevolking_Particuliere_huishoudens_Huishoudens_totaal": [120.0, 100.0, 110.0, 5.0],
        "Wonen_Woningvoorraad": [130.0, 110.0, 120.0, 6.0],
        "Wonen_Woningen_naar_bewoning_Percentage_onbewoond": [None, 4.0, 5.0, 1.0],
    })


def test_gemeente_households_are_the_municipality_per_year_with_gaps_kept():
    g = ti.gemeente_households(kwb_fixture())
    assert g["year"].tolist() == [2016, 2017, 2018]
    assert g["households"].tolist() == [100.0, 110.0, 120.0]
    assert g["dwellings"].tolist() == [110.0, 120.0, 130.0]
    assert g["pct_unoccupied"].iloc[:2].tolist() == [4.0, 5.0] and np.isnan(g["pct_unoccupied"].iloc[2])


def test_written_inputs_read_back_through_the_app_loaders(tmp_path):
    kwb_path, vivet_path = tmp_path / "kwb.csv", tmp_path / "vivet.csv"
    kwb_fixture().to_csv(kwb_path, index=False)
    vivet_rows([(3, 4, 0, 2, "G", 60.0), (3, 4, 0, 0, "A", 45.0)]).to_csv(vivet_path, index=False)
    ti.write_targeting_inputs(tmp_path, kwb_path, vivet_path)
    factors = processed.read_label_factors(tmp_path / config.LABEL_FACTORS.name)
    pooled = factors[factors["dwelling_type"] == ti.ALL].set_index("label")["factor"]
    assert pooled["A"] == pytest.approx(0.75) and pooled["G"] == pytest.approx(1.0)
    households = processed.read_gemeente_households(tmp_path / config.GEMEENTE_HOUSEHOLDS.name)
    assert households["households"].tolist() == [100.0, 110.0, 120.0]
