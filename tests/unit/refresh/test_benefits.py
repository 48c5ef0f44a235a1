import math

import numpy as np

from geo import config
from geo.io.raw import read_benefits
from geo.refresh import benefits
from geo.refresh.progress import Progress
from geo.refresh.store import Fetcher
from tests.unit.refresh.replay import HeerlenReplay, ReplaySession


def test_rows_are_quarters_and_markers_are_missing():
    rows = [{"ID": 1, "WijkenEnBuurten": "BU09171000", "Perioden": "2024MM03", "Bijstandsuitkering_6": 260,
             "Bijstandsuitkering_10": "       .", "InwonersVanaf15Jaar_13": 3340},
            {"ID": 2, "WijkenEnBuurten": "BU09171000", "Perioden": "2024MM02", "Bijstandsuitkering_6": 250}]
    table = benefits.frame(rows, {"BU09171000": "Maria Gewanden"}, {})
    assert len(table) == 1  # February is not a quarter's end
    row = table.iloc[0]
    assert (row["jaar"], row["kwartaal"], row["regio_type"], row["regio_naam"]) == (2024, 1, "Buurt", "Maria Gewanden")
    assert row["Bijstandsuitkering_6"] == 260 and math.isnan(row["Bijstandsuitkering_10"])


def test_replayed_heerlen_benefits_equal_the_shipped_table_and_pass_the_build_reader(tmp_path):
    session = ReplaySession(HeerlenReplay())
    fetcher = Fetcher(session, tmp_path / ".cache", Progress(quiet=True))
    table = benefits.fetch(fetcher, "GM0917", Progress(quiet=True))
    typed = [url for url, _ in session.calls if "85586NED/TypedDataSet" in url]
    assert len(typed) > 1  # paged
    path = tmp_path / "uitkeringen.csv"
    path.write_bytes(benefits.cbs.to_csv_bytes(table))
    new = read_benefits(path).set_index(["WijkenEnBuurten", "jaar", "kwartaal"]).sort_index()
    shipped = read_benefits(config.RAW_BENEFITS).set_index(["WijkenEnBuurten", "jaar", "kwartaal"]).sort_index()
    assert new.index.equals(shipped.index)
    for column in ["Bijstandsuitkering_6", "Bijstandsuitkering_10", "InwonersVanaf15Jaar_13"]:
        np.testing.assert_array_equal(new[column].to_numpy(float), shipped[column].to_numpy(float))
    md = benefits.source_md("GM0917", table, "2026-11-26", "uitkeringen.csv")
    assert "85586NED" in md and "CC BY 4.0" in md and "2013MM03 - 2024MM03" in md
