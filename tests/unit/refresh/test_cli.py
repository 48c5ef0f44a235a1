import hashlib
import io
import os
import time

import numpy as np
import pytest

from geo import config
from geo.build.kwb import national_comparison
from geo.catalog import dictionary
from geo.io.raw import read_benefits, read_buurt_polygons, read_gemeenten, read_kwb
from geo.refresh import cli
from tests.unit.refresh.replay import HeerlenReplay, OfflineSession, ReplaySession

ARGS = ["GM0917", "--boundaries-year", "2023", "--lang", "en"]


@pytest.fixture(scope="module")
def replay():
    return HeerlenReplay()


def _run(tmp_path, session, *extra):
    out = io.StringIO()
    code = cli.main([*ARGS, "--target", str(tmp_path), *extra], session=session, stream=out)
    return code, out.getvalue()


def _tree(root, cache=True):
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and (cache or ".cache" not in p.parts)}


def test_offline_prints_one_line_and_leaves_the_data_unchanged(tmp_path):
    (tmp_path / "GM0917" / "cbs_kwb").mkdir(parents=True)
    (tmp_path / "GM0917" / "cbs_kwb" / "kwb_wijken_buurten.csv").write_text("shipped\n")
    before = _tree(tmp_path)
    out = io.StringIO()
    code = cli.main(["GM0917", "--target", str(tmp_path)], session=OfflineSession(), stream=out)
    text = out.getvalue()
    assert code == 2
    assert text.count("\n") == 1 and "Traceback" not in text
    assert text == "opendata.cbs.nl is niet bereikbaar: de meegeleverde gegevens zijn ongewijzigd.\n"  # Dutch first
    assert _tree(tmp_path) == before and not (tmp_path / "GM0917" / ".cache").exists()
    code, text = _run(tmp_path, OfflineSession())
    assert text == "Could not reach opendata.cbs.nl: the shipped data is unchanged.\n"


def test_a_replayed_heerlen_refresh_writes_every_folder_with_provenance(tmp_path, replay):
    code, text = _run(tmp_path, ReplaySession(replay))
    assert code == 0, text
    gm = tmp_path / "GM0917"
    for folder, data in [(gm / "cbs_kwb", ["kwb_wijken_buurten.csv", "kwb_columns.csv"]),
                         (gm / "cbs_uitkeringen_85586NED", ["uitkeringen.csv"]),
                         (gm / "pdok_buurten_2023", ["buurten_2023.geojson"]),
                         (gm / "pdok_wijken_2023", ["wijken_2023.geojson"]),
                         (tmp_path / "national" / "cbs_kwb_gemeenten",
                          ["kwb_gemeenten.csv", "kwb_columns.csv", "gemeenten_attributes.csv",
                           "gemeenten_attributes_editions.csv"])]:
        assert sorted(p.name for p in folder.iterdir()) == sorted([*data, "SOURCE.md", "SHA256SUMS"])
        sums = dict(reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines())
        assert set(sums) == {*data, "SOURCE.md"}
        assert all(hashlib.sha256((folder / n).read_bytes()).hexdigest() == d for n, d in sums.items())
        md = (folder / "SOURCE.md").read_text()
        assert "CC BY 4.0" in md and "Retrieved" in md
    assert not (gm / ".cache").exists()
    assert "85039NED (2021)" in text and "not on the OData API" in text  # the replay has no 2021 table


def test_the_replayed_heerlen_output_has_what_the_build_reads(tmp_path, replay):
    assert _run(tmp_path, ReplaySession(replay))[0] == 0
    columns = list(dictionary.kwb_columns().values())
    new = read_kwb(tmp_path / "GM0917" / "cbs_kwb" / "kwb_wijken_buurten.csv", columns=columns)
    shipped = read_kwb(config.RAW_KWB, columns=columns)
    both = shipped.merge(new, on=["jaar", "regio_code"], suffixes=("_shipped", "_refreshed"))
    assert len(both) == len(shipped) == 405  # 81 regions x 2016-2020
    for column in columns:  # same values, and a suppressed value stays missing
        np.testing.assert_array_equal(both[f"{column}_shipped"].to_numpy(float),
                                      both[f"{column}_refreshed"].to_numpy(float), err_msg=column)
    assert (both["regio_naam_shipped"] == both["regio_naam_refreshed"]).all()
    polygons = read_buurt_polygons(tmp_path / "GM0917" / "pdok_buurten_2023" / "buurten_2023.geojson")
    assert sorted(polygons["buurt_code"]) == sorted(new.loc[new["regio_type"] == "Buurt", "regio_code"].unique())
    ben = read_benefits(tmp_path / "GM0917" / "cbs_uitkeringen_85586NED" / "uitkeringen.csv")
    assert len(ben) == 3645 and ben["WijkenEnBuurten"].nunique() == 81
    gemeenten = read_gemeenten(tmp_path / "national" / "cbs_kwb_gemeenten" / "gemeenten_attributes.csv")
    assert len(gemeenten) == 346
    comparison = national_comparison(gemeenten).set_index("column")
    assert comparison.loc["households", "gemeente_2022"] == 45614


def test_a_second_run_does_not_overwrite_silently(tmp_path, replay):
    assert _run(tmp_path, ReplaySession(replay))[0] == 0
    first = _tree(tmp_path)
    code, text = _run(tmp_path, ReplaySession(replay))
    assert code == 0 and text.count("unchanged, nothing written") == 5 and _tree(tmp_path) == first
    changed = HeerlenReplay(change=5)  # CBS revised the inhabitants
    code, text = _run(tmp_path, ReplaySession(changed))
    # refused: the data folders are as they were; the answers stay cached so a --force run needs no network
    assert code == 3 and "--force" in text.splitlines()[-1] and _tree(tmp_path, cache=False) == first
    code, text = _run(tmp_path, ReplaySession(changed), "--force")
    assert code == 0
    assert (tmp_path / "GM0917" / ".previous").is_dir()
    kept = next((tmp_path / "GM0917" / ".previous").glob("cbs_kwb-*"))
    assert (kept / "kwb_wijken_buurten.csv").read_bytes() != (
        tmp_path / "GM0917" / "cbs_kwb" / "kwb_wijken_buurten.csv").read_bytes()


def test_an_interrupted_refresh_resumes_without_fetching_again(tmp_path, replay):
    full = ReplaySession(replay)
    code, full_text = _run(tmp_path / "reference", full)
    assert code == 0
    broken = ReplaySession(replay, fail_after=10)
    code, text = _run(tmp_path / "run", broken)
    assert code == 2 and not (tmp_path / "run" / "GM0917" / "cbs_kwb").exists()
    assert len(list((tmp_path / "run" / "GM0917" / ".cache").glob("*.json"))) == 10
    again = ReplaySession(replay)
    code, text = _run(tmp_path / "run", again)
    assert code == 0
    assert len(again.calls) == len(full.calls) - 10
    # the ten answers of the broken run, plus what a full run reuses itself (the 2022 variables, national table)
    assert text.count("already fetched, skipped") == 10 + full_text.count("already fetched, skipped")


def test_ctrl_c_is_a_message_and_the_next_run_resumes(tmp_path, replay):
    class Interrupted(ReplaySession):
        def get(self, url, params=None, timeout=None):
            if len(self.calls) >= 3:
                raise KeyboardInterrupt
            return super().get(url, params, timeout)

    code, text = _run(tmp_path, Interrupted(replay))
    assert code == 130 and "resume" in text and "Traceback" not in text
    assert len(list((tmp_path / "GM0917" / ".cache").glob("*.json"))) == 3


def test_bad_arguments_get_a_message(tmp_path):
    code, text = _run(tmp_path, OfflineSession(), "--editions", "1999")
    assert code == 4 and "1999" in text
    out = io.StringIO()
    assert cli.main(["Heerlen", "--target", str(tmp_path)], session=OfflineSession(), stream=out) == 4
    assert "GM0917" in out.getvalue() and not any(tmp_path.iterdir())


def test_editions_parse_ranges_and_lists():
    assert list(cli.parse_editions("2016-2018,2024")) == [2016, 2017, 2018, 2024]
    assert list(cli.parse_editions(None)) == sorted(cli.cbs.EDITIONS)


def test_timing_of_a_replayed_heerlen_refresh(tmp_path, replay, capsys):
    started = time.perf_counter()
    assert _run(tmp_path, ReplaySession(replay))[0] == 0
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\nreplayed Heerlen refresh (KWB 2016-2025, benefits, PDOK 2023, national): {seconds:.2f} s")
    assert seconds < 60


@pytest.mark.network
@pytest.mark.skipif(os.environ.get("BUURTKOMPAS_NETWORK") != "1",
                    reason="live CBS/PDOK test: set BUURTKOMPAS_NETWORK=1 to run it")
def test_live_refresh_of_a_small_municipality(tmp_path):
    # Vaals (GM0981), a small Parkstad neighbour: a few wijken and buurten, two recent editions.
    out = io.StringIO()
    code = cli.main(["GM0981", "--editions", "2022-2023", "--target", str(tmp_path), "--national-editions", "1"],
                    stream=out)
    assert code == 0, out.getvalue()
    table = read_kwb(tmp_path / "GM0981" / "cbs_kwb" / "kwb_wijken_buurten.csv")
    assert {"Gemeente", "Wijk", "Buurt"} <= set(table["regio_type"])
    polygons = read_buurt_polygons(next((tmp_path / "GM0981").glob("pdok_buurten_*/buurten_*.geojson")))
    assert polygons["buurt_code"].str.startswith("BU0981").all()
