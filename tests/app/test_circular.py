"""Circular building and grid load on the New-build and Retrofit pages under AppTest, in both languages."""

import json

import geopandas as gpd
import pytest

from geo.io import processed
from tests.support.apptest import open_app

pytestmark = pytest.mark.real_data
RETROFIT, NEWBUILD = "pages/retrofit.py", "pages/newbuild.py"


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def figure(text: str, lang: str) -> float:
    """A shown figure as a float: "254,644" (en) or "254.644" (nl); "3.1" (en) or "3,1" (nl)."""
    group, decimal = (",", ".") if lang == "en" else (".", ",")
    return float(text.replace(group, "").replace(decimal, "."))


@pytest.mark.parametrize("lang, tonnes, concrete, gwh, peak", [
    ("en", "Materials (t)", "Concrete (t)", "Extra electricity (GWh/yr)", "Extra peak load (MW)"),
    ("nl", "Materialen (t)", "Beton (t)", "Extra stroomverbruik (GWh/jaar)", "Extra piekbelasting (MW)"),
])
def test_newbuild_shows_the_tonnes_and_the_peak_load_of_its_plan(lang, tonnes, concrete, gwh, peak):
    at = open_app(NEWBUILD, {"lang": lang})
    assert not at.exception, [e.value for e in at.exception]
    m = metrics(at)
    # The default plan demolishes about 2,400 E-G dwellings: hundreds of thousands of tonnes, concrete the most.
    assert 50_000 < figure(m[tonnes], lang) < 1_000_000
    assert 0 < figure(m[concrete], lang) < figure(m[tonnes], lang)
    assert figure(m[gwh], lang) > 0 and figure(m[peak], lang) > 0
    headers = " ".join(str(c) for d in at.dataframe for c in d.value.columns)
    assert "t_total" in headers  # the materials table is on the page (its header is translated on screen)
    shown = " ".join(c.value for c in at.caption)
    assert "jiec.13143" in shown  # the source with its DOI, beside the figures


def test_more_demolition_releases_more_and_a_short_capacity_flags_buurten():
    base = metrics(open_app(NEWBUILD, {"lang": "en"}))
    more = open_app(NEWBUILD, {"lang": "en", "thinning": "0.9"})
    assert float(metrics(more)["Materials (t)"].replace(",", "")) > float(
        base["Materials (t)"].replace(",", ""))
    short = open_app(NEWBUILD, {"lang": "en", "capacity": "1"})
    assert any("Capacity is short" in w.value for w in short.warning)
    assert float(metrics(short)["Capacity shortfall (MW)"]) > 0


def test_retrofit_shows_the_grid_load_of_a_heat_pump_package_only():
    insulate = open_app(RETROFIT, {"lang": "en"})
    assert "Extra peak load (MW)" not in metrics(insulate)
    assert any("adds no heat pumps" in i.value for i in insulate.info)
    hybrid = open_app(RETROFIT, {"lang": "en", "package": "hybrid"})
    low = float(metrics(hybrid)["Extra peak load (MW)"])
    higher = open_app(RETROFIT, {"lang": "en", "package": "hybrid", "peak_hybrid": "2"})
    assert float(metrics(higher)["Extra peak load (MW)"]) == pytest.approx(2 * low, rel=0.05)
    assert float(metrics(hybrid)["Extra electricity (GWh/yr)"]) > 0


def test_capacity_per_buurt_from_the_link_flags_every_planned_buurt_without_room():
    codes = processed.read_buurten()["buurt_code"].tolist()
    at = open_app(NEWBUILD, {"lang": "en", "grid_cap": ",".join(f"{c}:0" for c in codes)})
    assert not at.exception and not any("ignored" in w.value for w in at.warning)
    assert any("Capacity is short: 10 buurten flagged" in w.value for w in at.warning)  # the 10 planned buurten
    grid = next(d.value for d in at.dataframe if "headroom_mw" in d.value.columns)
    assert (grid["headroom_mw"] < 0).sum() == 10 and grid["flagged"].sum() == 10


# ---- grid capacity from a My data layer (a grid-congestion GeoJSON) -----------------------------
MY_DATA = "pages/my_data.py"


@pytest.fixture(scope="module")
def congestion():
    """A congestion GeoJSON covering the 1st and 3rd planned buurten (by extra peak) and one without new homes.

    Returns the file's bytes and the names of the two planned buurten it must flag.
    """
    at = open_app(NEWBUILD, {"lang": "en"})
    grid = next(d.value for d in at.dataframe if "extra_peak_mw" in d.value.columns)
    buurten = processed.read_buurten().set_index("buurt_code")
    code_of = dict(zip(buurten["buurt_name"], buurten.index, strict=True))
    planned = [code_of[name] for name in grid["buurt_name"]]  # largest extra peak first
    quiet = next(c for c in buurten.index if c not in planned)
    covered = [planned[0], planned[2], quiet]
    features = [{"type": "Feature", "properties": {"naam": f"Congestiegebied {i}", "status": "vol"},
                 "geometry": json.loads(gpd.GeoSeries([buurten.geometry[c]], crs=buurten.crs).to_crs(4326).to_json())[
                     "features"][0]["geometry"]} for i, c in enumerate(covered)]
    content = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    return content, [buurten.loc[planned[0], "buurt_name"], buurten.loc[planned[2], "buurt_name"]]


@pytest.mark.parametrize("lang, short, flagged", [
    ("en", "Capacity is short: 2 buurten flagged", "Flagged: "),
    ("nl", "Capaciteit schiet tekort: 2 buurten gemarkeerd", "Gemarkeerd: "),
])
def test_a_congestion_layer_from_my_data_flags_its_planned_buurten_on_new_build(congestion, lang, short, flagged):
    content, expected = congestion
    at = open_app(MY_DATA, {"lang": lang}, state={"my.pending": [("congestie.geojson", content)]})
    assert not at.exception and len(at.session_state["my.layers"]) == 1
    (key,) = at.session_state["my.layers"]
    at.switch_page(NEWBUILD)
    at.run()
    assert not any(short in w.value for w in at.warning)  # nothing typed: nothing flagged yet
    source = at.selectbox(key="w.gr.source")
    assert "congestie.geojson" in source.options
    source.set_value(key).run()
    assert not at.exception, [e.value for e in at.exception]
    warning = next(w.value for w in at.warning if short in w.value).replace("\\", "")
    names = warning.split(flagged, 1)[1].rstrip(".").split(", ")
    assert names == expected  # the two planned buurten under the congestion areas, largest extra peak first
    grid = next(d.value for d in at.dataframe if "headroom_mw" in d.value.columns)
    assert grid["flagged"].sum() == 2 and (grid.loc[grid["flagged"], "capacity_mw"] == 0).all()
    # The threshold is the user's: above 100 % no buurt counts as congested (the slider stops at 99: by state).
    at.slider(key="w.gr.threshold").set_value(99.0).run()
    assert any(short in w.value for w in at.warning)  # the buurten are covered entirely: still flagged


def test_a_layer_that_does_not_fit_the_rule_gets_a_message_not_a_traceback():
    points = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"naam": "station"}, "geometry": {"type": "Point",
                                                                          "coordinates": [5.98, 50.885]}}]}).encode()
    for lang, message in (("en", "Congested areas must be areas (polygons)"),
                          ("nl", "Congestiegebieden moeten vlakken (polygonen) zijn")):
        at = open_app(MY_DATA, {"lang": lang}, state={"my.pending": [("stations.geojson", points)]})
        (key,) = at.session_state["my.layers"]
        at.switch_page(NEWBUILD)
        at.run()
        at.selectbox(key="w.gr.source").set_value(key).run()
        assert not at.exception
        assert any(message in w.value.replace("\\", "") for w in at.warning)
        at.radio(key="w.gr.rule").set_value("sum").run()
        assert not at.exception
        assert any(("no column of numbers" if lang == "en" else "geen kolom met getallen") in w.value
                   for w in at.warning)


# ---- reuse potential of the released materials ---------------------------------------------------

@pytest.mark.parametrize("lang, reusable, recycled, left_out, masonry", [
    ("en", "High-grade reusable (t)", "Recycled today (t)", "Left out of the high-grade reuse potential", "Masonry"),
    ("nl", "Hoogwaardig herbruikbaar (t)", "Nu gerecycled (t)", "Buiten het hoogwaardig hergebruikpotentieel",
     "Metselwerk"),
])
def test_newbuild_shows_what_of_the_released_materials_can_be_reused(lang, reusable, recycled, left_out, masonry):
    at = open_app(NEWBUILD, {"lang": lang})
    m = metrics(at)
    total = figure(m[next(k for k in m if k in ("Materials (t)", "Materialen (t)"))], lang)
    high, rec = figure(m[reusable], lang), figure(m[recycled], lang)
    # Concrete at 10 % and steel at 95 % come back into building; most of the rest is recycled as road foundation.
    assert 0 < high < rec < total
    caption = next(c.value for c in at.caption if left_out in c.value)
    assert masonry in caption  # the materials without a published share are named, not counted as 0 %
    shares = at.data_editor(key="ci.reuse_editor").value
    assert shares.set_index("material")["high_grade_pct"].isna()["masonry"]
    sources = " ".join(md.value for md in at.markdown)
    assert "Betonhuis" in sources and "Vlakglas" in sources  # each share's source beside the table
    table = next(d.value for d in at.dataframe if "t_high_grade" in d.value.columns)
    assert table["t_high_grade"].sum() == pytest.approx(high, rel=1e-3)


def test_a_share_of_ones_own_counts_the_material_in_and_a_bad_one_is_refused():
    base = metrics(open_app(NEWBUILD, {"lang": "en"}))
    own = open_app(NEWBUILD, {"lang": "en", "reuse": "masonry:20"})
    assert not own.exception and not any("ignored" in w.value for w in own.warning)
    masonry_t = figure(base["Masonry (t)"], "en")
    gained = figure(metrics(own)["High-grade reusable (t)"], "en") - figure(base["High-grade reusable (t)"], "en")
    assert gained == pytest.approx(0.2 * masonry_t, abs=1.0)
    assert not any("Masonry" in c.value for c in own.caption if "high-grade reuse potential" in c.value)
    bad = open_app(NEWBUILD, {"lang": "en", "reuse": "concrete:250,brick:5"})
    assert not bad.exception
    assert any("reuse" in w.value for w in bad.warning)  # the link's notice names the parameter
    assert metrics(bad)["High-grade reusable (t)"] == base["High-grade reusable (t)"]  # the published shares stay


def test_an_edited_share_counts_at_once_goes_into_the_link_and_the_button_puts_the_published_ones_back():
    at = open_app(NEWBUILD, {"lang": "en"})
    before = figure(metrics(at)["High-grade reusable (t)"], "en")
    masonry_t = figure(metrics(at)["Masonry (t)"], "en")
    row = list(at.data_editor(key="ci.reuse_editor").value["material"]).index("masonry")
    at.session_state["ci.reuse_editor"] = {"edited_rows": {row: {"high_grade_pct": 20.0}}, "added_rows": [],
                                           "deleted_rows": []}
    at.run()
    # The figures above the editor use the share typed in this very run (they are drawn after the editor).
    assert figure(metrics(at)["High-grade reusable (t)"], "en") == pytest.approx(before + 0.2 * masonry_t, abs=1.0)
    assert at.query_params["reuse"] in ("masonry:20", ["masonry:20"])  # a link restores it
    next(b for b in at.button if b.label == "Back to the published shares").click().run()
    assert figure(metrics(at)["High-grade reusable (t)"], "en") == pytest.approx(before, abs=0.5)
    assert "reuse" not in at.query_params
