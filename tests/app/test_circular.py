"""Circular building and grid load on the New-build and Retrofit pages under AppTest, in both languages."""

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
