"""The make-data build: edition choice, explicit joins, coverage simplification, and the real result."""

import geopandas as gpd
import numpy as np
import pytest


@pytest.mark.real_data
def test_all_heerlen_buurten_matched_every_year(processed):
    joins = processed["metadata"]["joins"]
    for year in range(2016, 2021):
        assert joins[f"KWB {year}"]["matched"] == 57
        assert joins[f"KWB {year}"]["polygons_without_statistics"] == []
    assert len(processed["buurten"]) == 57


@pytest.mark.real_data
def test_suppressed_buurten_stay_missing(processed):
    b = processed["buurten"].set_index("buurt_name")
    for name in ["In de Cramer", "Terworm", "Imstenrade"]:
        assert np.isnan(b.loc[name, "gas_m3"])
    assert b["gas_m3"].notna().sum() == 52
    assert (b["gas_m3"].dropna() > 0).all()


@pytest.mark.real_data
def test_years_are_labelled_by_what_they_describe(processed):
    cols = processed["metadata"]["columns"]
    assert cols["gas_m3"]["year"] == 2019
    assert cols["income_per_inhabitant_keur"]["edition"] == "KWB 2017"
    assert cols["income_per_inhabitant_keur"]["year"] == 2017
    assert cols["woz_keur"]["year"] == int(cols["woz_keur"]["edition"].removeprefix("KWB ")) - 1


@pytest.mark.real_data
def test_every_income_figure_describes_the_year_of_its_kwb_edition(processed):
    from geo.catalog import dictionary

    cols = processed["metadata"]["columns"]
    income = [c.name for c in dictionary.COLUMNS if c.theme == "income" and cols[c.name]["edition"] != "none"]
    assert income, "no income column was built"
    for name in income:
        assert cols[name]["year"] == int(cols[name]["edition"].removeprefix("KWB ")), name


@pytest.mark.real_data
def test_map_shapes_are_small_and_valid(processed):
    import shapely

    shapes = processed["shapes"]
    assert len(shapes) == 57 and shapes.is_valid.all()
    assert shapely.get_num_coordinates(shapes.geometry.values).sum() < 14467 / 3
    assert isinstance(shapes, gpd.GeoDataFrame) and shapes.crs.to_epsg() == 4326
