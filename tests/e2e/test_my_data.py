"""My data in chromium: an upload through the real widget is on the map, in the index, and escaped.

A hostile name shows as text, never as markup (no alert, no image element).
"""

import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.browser import map_frame

pytestmark = [pytest.mark.browser, pytest.mark.real_data]
HOSTILE = "<img src=x onerror=alert(1)>"


def _sites(processed, tmp_path):
    points = processed["buurten"].geometry.representative_point()
    features = [{"type": "Feature", "properties": {"naam": HOSTILE if i == 0 else f"site {i}", "palen": i + 1},
                 "geometry": {"type": "Point", "coordinates": [p.x, p.y]}} for i, p in enumerate(points.iloc[:2])]
    path = tmp_path / f"{HOSTILE}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_an_uploaded_layer_is_on_the_map_in_the_index_and_its_hostile_name_is_text(app_url, page, processed,
                                                                                      tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{app_url}/my_data?lang=en")
    page.get_by_text("At most 50 MB and 100,000 rows or features per file").wait_for(timeout=60_000)
    uploader = page.get_by_test_id("stFileUploader").locator('input[type="file"]')
    uploader.wait_for(state="attached", timeout=60_000)

    bad = tmp_path / "empty.csv"
    bad.write_text("")
    uploader.set_input_files(str(bad))
    page.get_by_text("empty.csv: The file is empty.").wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0

    uploader.set_input_files(str(_sites(processed, tmp_path)))
    page.get_by_text(f"{HOSTILE}.geojson: 2 rows or features on the map.").wait_for(timeout=30_000)

    # On the map: the 57 buurten and the two points (circle markers) of the layer.
    frame = map_frame(page)
    for _ in range(120):
        if frame.locator("path.leaflet-interactive").count() == 57 + 2:
            break
        page.wait_for_timeout(250)
    assert frame.locator("path.leaflet-interactive").count() == 57 + 2
    # Its tooltip shows the hostile name as text: no image element anywhere, no alert.
    markers = frame.locator("path.leaflet-interactive[stroke='#1b9e77']")  # the layer's colour (first layer)
    assert markers.count() == 2
    tip = frame.locator(".leaflet-tooltip").filter(has_text=HOSTILE)
    for i in range(2):
        markers.nth(i).hover(force=True)
        page.wait_for_timeout(500)
        if tip.count():
            break
    assert tip.count() == 1 and HOSTILE in tip.inner_text()
    assert frame.locator("img[src='x']").count() == 0 and page.locator("img[src='x']").count() == 0

    # Into the index: make it a figure per buurt with weight 3.
    page.get_by_text("Make a figure per buurt").click()
    weight = page.get_by_test_id("stSlider").filter(has_text="Weight in: Energy-poverty index").get_by_role("slider")
    weight.wait_for(timeout=30_000)
    weight.focus()
    page.keyboard.press("End")
    page.wait_for_timeout(1500)
    page.get_by_role("link", name="Energy-poverty index").click()
    own = page.get_by_test_id("stSlider").filter(has_text="(Number of features)")
    own.wait_for(timeout=60_000)
    assert own.get_by_test_id("stSliderThumbValue").inner_text() == "3.00"
    assert page.get_by_text(f"{HOSTILE}.geojson (Number of features)").count() >= 1
    assert page.locator("img[src='x']").count() == 0 and dialogs == []
    assert page.locator('[data-testid="stException"]').count() == 0


def _pick(page, selectbox, option: str, tries: int = 6) -> None:
    """Choose ``option`` in ``selectbox``; reopen the list when a rerun closed it before the option showed."""
    for _attempt in range(tries):
        selectbox.click()
        try:
            page.get_by_role("option", name=option).click(timeout=5_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"{option!r} never showed in the list")


def test_an_uploaded_congestion_layer_flags_the_planned_buurten_it_covers_on_new_build(app_url, page, processed,
                                                                                         tmp_path):
    """One congested area over the whole municipality: every buurt with new homes in the plan has no room left."""
    west, south, east, north = processed["buurten"].to_crs(4326).total_bounds
    ring = [[west - 0.01, south - 0.01], [east + 0.01, south - 0.01], [east + 0.01, north + 0.01],
            [west - 0.01, north + 0.01], [west - 0.01, south - 0.01]]
    path = tmp_path / "congestie.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"naam": "Congestiegebied Parkstad"},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}]}))
    page.goto(f"{app_url}/my_data?lang=en")
    uploader = page.get_by_test_id("stFileUploader").locator('input[type="file"]')
    uploader.wait_for(state="attached", timeout=60_000)
    uploader.set_input_files(str(path))
    page.get_by_text("congestie.geojson: 1 row or feature on the map.").wait_for(timeout=30_000)

    page.get_by_role("link", name="New-build").click()
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("Grid load of the plan").wait_for(timeout=120_000)
    main.get_by_text("Peak factors and capacity").click()
    source = main.get_by_test_id("stSelectbox").filter(has_text="Free capacity per buurt from")
    source.wait_for(timeout=30_000)
    _pick(page, source, "congestie.geojson")
    warning = main.get_by_test_id("stAlertContentWarning").filter(has_text="Capacity is short")
    warning.wait_for(timeout=60_000)
    text = warning.inner_text()
    assert "10 buurten flagged" in text, text  # the default plan's 10 buurten, all under the congested area
    named = text.split("Flagged: ", 1)[1].rstrip(".").split(", ")
    assert len(named) == 10 and set(named) <= set(processed["buurten"]["buurt_name"])
    assert main.get_by_text("Free capacity per buurt from your layer congestie.geojson.").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0


def test_the_market_pipeline_is_drawn_beside_its_table_with_escaped_tooltips(app_url, page, processed, tmp_path):
    """Two planned projects as dots on the New-build page's small map; a hostile project name shows as text."""
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    points = processed["buurten"].to_crs(4326).geometry.representative_point()
    features = [{"type": "Feature", "properties": {"projectnaam": HOSTILE if i == 0 else "Hof", "woningen": 40 + i,
                                                   "opleverjaar": 2028, "energielabel": "BENG"},
                 "geometry": {"type": "Point", "coordinates": [p.x, p.y]}} for i, p in enumerate(points.iloc[:2])]
    path = tmp_path / "pijplijn.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    page.goto(f"{app_url}/newbuild?lang=en")
    page.get_by_text("Upload planned projects").wait_for(timeout=120_000)  # the pipeline's uploader, at the end
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Upload planned projects").locator(
        'input[type="file"]')
    uploader.wait_for(state="attached", timeout=30_000)
    uploader.set_input_files(str(path))
    page.get_by_text("From pijplijn.geojson: 2 projects.", exact=False).wait_for(timeout=60_000)
    dots = None
    for _ in range(240):  # the pipeline's map: the frame whose circle markers have the projects' colour
        for frame in page.frames:
            if "streamlit_folium" in frame.url and frame.locator("path[fill='#08306b']").count() == 2:
                dots = frame.locator("path[fill='#08306b']")
        if dots is not None:
            break
        page.wait_for_timeout(250)
    assert dots is not None and dots.count() == 2
    frame = next(f for f in page.frames if "streamlit_folium" in f.url and f.locator("path[fill='#08306b']").count())
    tip = frame.locator(".leaflet-tooltip").filter(has_text=HOSTILE)
    for i in range(2):
        dots.nth(i).hover(force=True)
        page.wait_for_timeout(500)
        if tip.count():
            break
    assert tip.count() == 1
    text = tip.inner_text()
    assert HOSTILE in text and "40" in text and "2028" in text and "BENG" in text
    assert frame.locator("img[src='x']").count() == 0 and page.locator("img[src='x']").count() == 0
    assert dialogs == [] and page.locator('[data-testid="stException"]').count() == 0
