"""The market's planned projects: found by their columns, placed in buurten, counted against the target."""

import pytest
from shapely.geometry import Point

from geo import i18n
from geo.errors import DataError
from geo.io.layers.layer import read_layer
from geo.targeting import pipeline as pl
from tests.unit.io.layers.conftest import centre, geojson, make_buurten, point


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages."""
    with i18n.language("en"):
        yield

BUURTEN = make_buurten()
CSV = (b"Projectnaam;Buurtcode;Aantal woningen;Opleverjaar;Woningtype;Energielabel\n"
       b"Park;BU09171000;40;2028;appartement;A++++\n"
       b"Hof;0917 2000;25;2031;rijwoning;BENG\n"
       b"Later;BU09172000;10;2034;;\n"
       b"Ooit;BU09171001;5;;;\n"
       b"Fout;BU09171000;-3;2029;;\n"
       b"Half;BU09171000;2,5;2029;;\n")


def test_projects_by_code_with_their_fields():
    found, notes = pl.projects(read_layer(CSV, "pipeline.csv", BUURTEN), BUURTEN)
    assert found["project"].tolist() == ["Park", "Hof", "Later", "Ooit"]
    assert found["homes"].tolist() == [40, 25, 10, 5] and found["buurt_code"].tolist()[:2] == ["BU09171000",
                                                                                                "BU09172000"]
    assert found["standard"].iloc[0] == "A++++" and found["year"].isna().tolist() == [False, False, False, True]
    assert any("2 projects without a whole, positive number of homes" in n and "Fout" in n for n in notes)


def test_counted_against_the_target_by_hand():
    found, _notes = pl.projects(read_layer(CSV, "pipeline.csv", BUURTEN), BUURTEN)
    count = pl.against_target(found, 100, 200)
    assert count == {"by_2030": 40, "by_2032": 65, "undated": 5, "after_2032": 10, "share_2030_pct": 40.0,
                     "share_2032_pct": 32.5}


def test_beside_the_plan():
    found, _notes = pl.projects(read_layer(CSV, "pipeline.csv", BUURTEN), BUURTEN)
    table = pl.beside_plan(found, {"BU09171001": 100}, dict(zip(BUURTEN.buurt_code, BUURTEN.buurt_name,
                                                               strict=True))).set_index("buurt_code")
    assert table.loc["BU09171001", ["plan_homes", "market_homes", "market_projects"]].tolist() == [100, 5, 1]
    assert table.loc["BU09172000", ["market_homes", "market_by_2032"]].tolist() == [35, 25]


def test_points_find_their_buurt_and_a_file_without_homes_is_said():
    layer = read_layer(geojson([point(*centre(1), homes=12, year=2029)]), "p.geojson", BUURTEN)
    found, _notes = pl.projects(layer, BUURTEN)
    assert found["buurt_code"].tolist() == ["BU09171001"]
    with pytest.raises(DataError, match="number of homes"):
        pl.projects(read_layer(b"buurt_code\nBU09171000\n", "p.csv", BUURTEN), BUURTEN)


def test_the_projects_are_drawn_where_they_lie_with_escaped_tooltips():
    """A point project is drawn at its point; one placed by buurt code inside its buurt; every text escaped."""
    hostile = "<img src=x onerror=alert(1)>"
    layer = read_layer(geojson([point(*centre(1), homes=1200, year=2029, naam=hostile, label="BENG")]), "p.geojson",
                       BUURTEN)
    found, _notes = pl.projects(layer, BUURTEN)
    names = dict(zip(BUURTEN.buurt_code, BUURTEN.buurt_name, strict=True))
    (f,) = pl.map_features(found, names)["features"]
    assert f["geometry"]["coordinates"] == pytest.approx(list(centre(1)))
    assert f["properties"] == {"project": "&lt;img src=x onerror=alert(1)&gt;", "buurt": names["BU09171001"],
                               "homes": "1,200", "year": "2029", "standard": "BENG", "size": 1200}
    by_code, _notes = pl.projects(read_layer(CSV, "pipeline.csv", BUURTEN), BUURTEN)
    features = pl.map_features(by_code, names)["features"]
    assert len(features) == 4 and features[3]["properties"]["year"] == "–"  # "Ooit": no year
    inside = BUURTEN.set_index("buurt_code").geometry["BU09171000"]
    assert inside.contains(Point(features[0]["geometry"]["coordinates"]))  # "Park", placed by its buurt code
