"""Loading and validation: bad input gets a clear DataError, never a traceback deep inside."""

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import i18n
from geo.errors import DataError
from geo.io.raw import read_kwb, read_wijk_names


def test_kwb_with_wrong_codes_is_refused(tmp_path):
    path = tmp_path / "kwb.csv"
    kwb = pd.DataFrame({"jaar": [2019], "regio_code": ["0917"], "regio_type": ["Buurt"], "regio_naam": ["X"]})
    kwb.to_csv(path, index=False)
    with pytest.raises(DataError, match="regio_code"):
        read_kwb(path)


def test_kwb_missing_column_is_refused(tmp_path):
    path = tmp_path / "kwb.csv"
    kwb = pd.DataFrame({"jaar": [2019], "regio_code": ["BU09170001"], "regio_type": ["Buurt"], "regio_naam": ["X"]})
    kwb.to_csv(path, index=False)
    with i18n.language("en"), pytest.raises(DataError, match="lacks the column 'Wonen_Woningvoorraad'"):
        read_kwb(path, columns=["Wonen_Woningvoorraad"])


def test_wijk_names_are_read_from_refreshed_pdok_wijken(tmp_path):
    path = tmp_path / "wijken_2024.geojson"
    gpd.GeoDataFrame({"wijkcode": ["WK999901"], "wijknaam": ["Wijk 01 Veld"]}, geometry=[shapely.box(5, 50, 5.1, 50.1)],
                     crs="EPSG:4326").to_file(path)
    assert read_wijk_names(path).to_dict() == {"WK999901": "Wijk 01 Veld"}
    gpd.GeoDataFrame({"naam": ["x"]}, geometry=[shapely.box(5, 50, 5.1, 50.1)], crs="EPSG:4326").to_file(path)
    with pytest.raises(DataError, match="wijknaam"):
        read_wijk_names(path)
