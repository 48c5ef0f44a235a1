"""The New-build page shows the tonnes its plan releases, their map and the peak load it adds, in chromium, offline."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


@pytest.mark.parametrize(("lang", "title", "tonnes", "peak", "reusable", "shares"), [
    ("nl", "Nieuwbouw", "Materialen (t)", "Extra piekbelasting (MW)", "Hoogwaardig herbruikbaar (t)",
     "Aandelen hergebruik"),
    ("en", "New-build", "Materials (t)", "Extra peak load (MW)", "High-grade reusable (t)", "Reuse shares"),
])
def test_newbuild_shows_the_materials_and_the_peak_load(app_url, page, lang, title, tonnes, peak, reusable, shares):
    page.goto(app_url + "/newbuild" + ("?lang=en" if lang == "en" else ""))
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=\"stMain\"] h1')?.innerText.startsWith('{title}')",
        timeout=60_000,
    )
    main = page.locator('[data-testid="stMain"]')
    metric = main.locator('[data-testid="stMetric"]').filter(has_text=tonnes)
    metric.first.wait_for(timeout=120_000)
    value = metric.first.locator('[data-testid="stMetricValue"]').inner_text()
    assert re.fullmatch(r"\d{2,3}[.,]\d{3}", value), value  # hundreds of thousands of tonnes, grouped
    reuse = main.locator('[data-testid="stMetric"]').filter(has_text=reusable).first
    assert re.fullmatch(r"\d{2,3}[.,]\d{3}", reuse.locator('[data-testid="stMetricValue"]').inner_text())
    # The shares behind it, with their sources, one tab away.
    main.get_by_role("tab", name=shares).first.click()
    main.get_by_text("Betonhuis", exact=False).first.wait_for(timeout=30_000)
    added = main.locator('[data-testid="stMetric"]').filter(has_text=peak)
    added.first.wait_for(timeout=60_000)  # the page streams: the grid section comes after the materials
    assert re.fullmatch(r"\d+[.,]\d", added.first.locator('[data-testid="stMetricValue"]').inner_text())
    # The map of the tonnes per buurt: an Altair (Vega) chart drawn in the page.
    main.get_by_role("tab", name="Kaart" if lang == "nl" else "Map").first.click()
    page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg',
                           timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert all("tile.openstreetmap.org" in u for u in page.blocked), page.blocked
