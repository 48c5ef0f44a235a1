"""End to end in Debian's chromium, with every request off this machine aborted.

The app speaks Dutch unless the link says ``?lang=en``; texts that come from the
data dictionary are looked up in the language the page is expected to show.
"""

import pytest

from geo import i18n
from geo.catalog import dictionary
from geo.map import tooltip
from tests.support.browser import (
    LIVE_AREAS,
    block_external,
    choose_indicator,
    largest_area,
    live_fills,
    live_map,
    running_app,
)

pytestmark = [pytest.mark.browser, pytest.mark.real_data]
PAGES = ["", "map_explorer", "energy_poverty_index", "retrofit", "newbuild", "data_method"]


def test_map_shows_one_polygon_per_buurt_offline(app_url, page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{app_url}/map_explorer")
    live_map(page)
    assert page.locator(LIVE_AREAS).count() == 57
    assert any(u.startswith(app_url) and u.endswith("/app/static/vendor/leaflet/leaflet.js") for u in requested)
    # Nothing the map needs came from outside: only optional background tiles were blocked.
    assert all("tile.openstreetmap.org" in u for u in page.blocked), page.blocked
    # Legend entry for suppressed buurten, in Dutch by default.
    page.locator(".bk-legend").get_by_text("geen gegevens").wait_for(timeout=30_000)
    # The explorer's map is no iframe: it lives in the page (the change map, when asked for, is another one).
    assert not [f for f in page.frames if "streamlit_folium" in f.url]


def _title(indicator: str, lang: str) -> str:
    with i18n.language(lang):
        unit = dictionary.unit(indicator)
        return f"{dictionary.label(indicator)} ({unit})" if unit else dictionary.label(indicator)


def _hover_tip(page) -> str:
    x, y = largest_area(page)
    page.mouse.move(x, y)
    tip = page.locator(".bk-live .leaflet-tooltip")
    tip.wait_for(timeout=30_000)
    return tip.inner_text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_legend_and_tooltip_speak_the_language_of_the_link(app_url, page, processed, lang):
    page.goto(f"{app_url}/map_explorer?indicator=gas_m3" + ("&lang=en" if lang == "en" else ""))
    box = live_map(page)
    legend = page.locator(".bk-legend")
    legend.get_by_text(_title("gas_m3", lang)).wait_for(timeout=30_000)
    with i18n.language(lang):
        no_data, attribution, label = i18n._("no data"), i18n._("© OpenStreetMap contributors"), i18n._("Indicator")
    assert no_data in legend.inner_text()
    # A class range with a thousands separator of the language: 1.234 (nl), 1,234 (en).
    separator, other = (".", ",") if lang == "nl" else (",", ".")
    ranges = [row for row in legend.inner_text().splitlines() if row[:1].isdigit()]
    assert any(separator in row for row in ranges) and not any(other in row for row in ranges), ranges
    assert attribution in box.locator(".leaflet-control-attribution").inner_text()
    assert box.locator("label.bk-live-label").inner_text() == label
    # Hover the largest buurt: its tooltip names the indicator and gives the value as the app formats it.
    text = _hover_tip(page)
    assert _title("gas_m3", lang) in text
    table = processed["buurten"].set_index("buurt_code")
    with i18n.language(lang):
        expected = dict(zip(table["buurt_name"], tooltip.value_texts(table, "gas_m3"), strict=True))
    name = max((n for n in expected if n in text), key=len)
    assert expected[name] in text, (text, expected[name])


def _wait_for_new_fills(page, before: list[str], count: int) -> list[str]:
    after = before
    for _ in range(160):
        after = live_fills(page)
        if after != before and len(after) == count:
            break
        page.wait_for_timeout(250)
    return after


def test_choosing_another_indicator_recolours_in_place_and_the_page_follows(app_url, page):
    page.goto(f"{app_url}/map_explorer?tiles=0")
    box = live_map(page)
    # A marker on the map's element and a zoom level the user chose: a rebuilt map would lose both.
    box.evaluate("b => { b.__kept = 'yes'; b.bkMap.setZoom(b.bkMap.getZoom() + 1, {animate: false}); }")
    zoom, centre = box.evaluate("b => [b.bkMap.getZoom(), b.bkMap.getCenter()]")
    before = live_fills(page)
    choose_indicator(page, _title("gas_m3", "nl"))
    # Recoloured at once, legend included, before the server has answered.
    after = live_fills(page)
    assert len(after) == 57 and after != before
    assert _title("gas_m3", "nl") in page.locator(".bk-legend").inner_text()
    # The server takes the choice over: the link, and the tooltip names the new indicator.
    page.wait_for_function("() => location.search.includes('indicator=gas_m3')", timeout=30_000)
    page.wait_for_timeout(500)  # the rerun's data has reached the map
    assert live_fills(page) == after
    assert box.evaluate("b => b.__kept") == "yes"  # the same map, not a rebuilt one
    assert box.evaluate("b => [b.bkMap.getZoom(), b.bkMap.getCenter()]") == [zoom, centre]
    assert _title("gas_m3", "nl") in _hover_tip(page)


def test_the_indicator_can_be_chosen_with_the_keyboard(app_url, page):
    page.goto(f"{app_url}/map_explorer?lang=en&tiles=0")
    live_map(page)
    before = live_fills(page)
    picker = page.get_by_label("Indicator", exact=True)
    picker.focus()
    page.keyboard.press("ArrowDown")
    after = _wait_for_new_fills(page, before, 57)
    assert after != before
    chosen = picker.evaluate("s => s.options[s.selectedIndex].text")
    assert chosen in page.locator(".bk-legend").inner_text()
    page.wait_for_function("() => new URLSearchParams(location.search).has('indicator')", timeout=30_000)


def test_the_background_map_is_switched_off_and_on_in_the_same_map(app_url, page):
    page.goto(f"{app_url}/map_explorer?lang=en")
    box = live_map(page)
    box.evaluate("b => { b.__kept = 'yes'; }")
    tiles = box.locator(".leaflet-tile-pane img")
    tiles.first.wait_for(state="attached", timeout=30_000)  # requested (and aborted here: offline)
    attribution = box.locator(".leaflet-control-attribution")
    assert "© OpenStreetMap contributors" in attribution.inner_text()
    toggle = page.get_by_test_id("stCheckbox").filter(has_text="Background map")
    toggle.locator("label").click()
    page.wait_for_function("() => document.querySelectorAll('.bk-live .leaflet-tile-pane img').length === 0",
                           timeout=30_000)
    assert "OpenStreetMap" not in attribution.inner_text()
    assert page.locator(LIVE_AREAS).count() == 57  # the buurten show without the background
    toggle.locator("label").click()
    tiles.first.wait_for(state="attached", timeout=30_000)
    assert box.evaluate("b => b.__kept") == "yes"  # the same map throughout


def test_wijk_level_draws_the_23_heerlen_wijken_with_a_legend_in_place(app_url, page):
    page.goto(f"{app_url}/map_explorer?tiles=0&indicator=gas_m3")
    box = live_map(page)
    box.evaluate("b => { b.__kept = 'yes'; }")
    before = live_fills(page)
    page.get_by_test_id("stRadio").get_by_text("Wijk", exact=True).click()
    after = _wait_for_new_fills(page, before, 23)
    assert len(after) == 23  # one clickable polygon per wijk
    assert box.evaluate("b => b.__kept") == "yes"  # the level changed in the same map
    legend = page.locator(".bk-legend")
    assert _title("gas_m3", "nl") in legend.inner_text()
    assert any(row[:1].isdigit() for row in legend.inner_text().splitlines())  # class ranges
    # Clicking a wijk shows its profile.
    x, y = largest_area(page)
    page.mouse.click(x, y)
    page.wait_for_function("() => document.body.innerText.includes('Wijkprofiel: ')", timeout=30_000)


def test_clicking_a_buurt_shows_its_profile(app_url, page):
    page.goto(f"{app_url}/map_explorer")
    live_map(page)
    x, y = largest_area(page)
    page.mouse.click(x, y)
    page.wait_for_function("() => document.body.innerText.includes('Profiel: ')", timeout=30_000)
    page.get_by_test_id("stDataFrame").first.wait_for(timeout=30_000)
    # The profile table under the heading, then the buurt's series over the years (ui/trends.py).
    page.wait_for_function("() => document.querySelectorAll('[data-testid=stDataFrame]').length === 2", timeout=30_000)
    assert "buurt=BU" in page.url


@pytest.mark.parametrize("path", PAGES)
def test_no_page_shows_an_exception(app_url, page, path):
    page.goto(f"{app_url}/{path}")
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    page.wait_for_timeout(1500)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "page that you have requested does not seem to exist" not in page.content()


def test_deep_link_opens_the_buurt_profile(app_url, page):
    page.goto(f"{app_url}/map_explorer?indicator=pct_rent&buurt=BU09171000")
    page.wait_for_function("() => document.body.innerText.includes('Profiel: Maria Gewanden')", timeout=60_000)
    page.locator(".bk-legend").get_by_text(_title("pct_rent", "nl")).wait_for(timeout=60_000)
    page.goto(f"{app_url}/map_explorer?indicator=pct_rent&buurt=BU09171000&lang=en")
    page.wait_for_function("() => document.body.innerText.includes('Profile: Maria Gewanden')", timeout=60_000)
    page.locator(".bk-legend").get_by_text(_title("pct_rent", "en")).wait_for(timeout=60_000)


def test_first_request_to_a_deep_link_gets_the_whole_app(browser):
    """After a restart, a bookmark to a page must still get the router and the shared sidebar."""
    with running_app() as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        block_external(page, [])
        page.goto(f"{url}/energy_poverty_index?lang=en")
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Energy quote settings").wait_for(timeout=30_000)
        assert sidebar.get_by_text("Map explorer").count() == 1  # our navigation, not a file listing
        assert sidebar.get_by_text("energy poverty index", exact=True).count() == 0
        assert page.locator("h1").first.inner_text() == "Energy-poverty index"
        context.close()


def test_uploading_transformation_locations(app_url, page, tmp_path):
    bad = tmp_path / "sites.csv"
    bad.write_text("kleur\nrood\n")
    good = tmp_path / "locations.csv"
    good.write_text("buurt_code\nBU09171000\n")
    page.goto(f"{app_url}/newbuild?lang=en")
    # The first uploader of the page; the market pipeline's comes at its end.
    uploader = page.get_by_test_id("stFileUploader").first.locator('input[type="file"]')
    uploader.wait_for(state="attached", timeout=60_000)
    uploader.set_input_files(str(bad))
    page.get_by_text("No column holds buurt or wijk codes").wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    uploader.set_input_files(str(good))
    page.get_by_text("Added 1 buurt from locations.csv: Maria Gewanden").wait_for(timeout=30_000)
    selected = page.get_by_test_id("stMultiSelect").filter(has_text="Transformation locations")
    # The message and the multiselect's new value may arrive in different deltas of the same run: wait for both.
    selected.get_by_text("Maria Gewanden").wait_for(timeout=30_000)
    assert "Maria Gewanden" in selected.inner_text()
