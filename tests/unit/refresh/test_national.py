import pandas as pd

from geo.refresh import national


def _table():
    low = "Inkomen_Inkomen_van_huishoudens_Huishoudens_met_een_laag_inkomen"
    gas = "Energie_Gemiddeld_aardgasverbruik_Gemiddeld_aardgasverbruik_totaal"
    return pd.DataFrame({
        "jaar": [2022, 2022, 2023, 2023, 2024, 2024],
        "regio_code": ["GM0917", "GM0928"] * 3,
        "regio_naam": ["Heerlen", "Kerkrade"] * 3,
        "Bevolking_Aantal_inwoners": [86845, 45000, 87000, 45100, 87100, 45200],
        low: [12.0, 9.0, 11.5, None, None, None],  # income lags: 2023 half filled, 2024 empty
        gas: [980, 1100, 950, 1080, 930, 1050],
    })


def test_each_short_column_comes_from_its_newest_well_filled_edition():
    attrs, chosen = national.attributes(_table())
    heerlen = attrs.set_index("gemeentecode").loc["GM0917"]
    assert heerlen["aantal_inwoners"] == 87100 and heerlen["gem_aardgas"] == 930
    assert heerlen["pct_hh_laag_inkomen"] == 12.0  # 2022: the newest edition with >= 80 % filled
    assert chosen.set_index("kolom")["editie"].to_dict() == {"aantal_inwoners": 2024, "gem_aardgas": 2024,
                                                             "pct_hh_laag_inkomen": 2022}


def test_low_income_is_cbs_low_income_rate_and_the_source_md_says_so():
    attrs, chosen = national.attributes(_table())
    assert national.SHORT_NAMES["pct_hh_laag_inkomen"].endswith("Huishoudens_met_een_laag_inkomen")
    md = national.source_md([], {}, "2026-11-26", {"gemeenten_attributes.csv": "short names"}, _table(), chosen)
    assert "pct_hh_laagste_40" in md and "| `pct_hh_laag_inkomen` |" in md and "2026-11-26" in md
