"""Loading and validation: bad input gets a clear DataError, never a traceback deep inside."""

import pandas as pd
import pytest

from geo import i18n
from geo.errors import DataError
from geo.io.raw import read_kwb


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
