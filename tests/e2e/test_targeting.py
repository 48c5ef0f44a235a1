"""The buurten chosen on the Retrofit and New-build pages are outlined on the map, in Debian's chromium, offline.

In Dutch (the default) and in English (``?lang=en``): the page names and the map caption follow the language.
"""

import pandas as pd
import pytest

from tests.support.browser import map_frame

pytestmark = [pytest.mark.browser, pytest.mark.real_data]
HIGHLIGHT = "#1f4e9c"  # geo.map.render.HIGHLIGHT_COLOUR, spelled out so a change of the colour is noticed


@pytest.fixture(scope="module")
def expected():
    """Chosen buurten at the pages' defaults, computed from the model without the app."""
    from geo import config
    from geo.io import processed
    from geo.metrics.household_income import income_fits
    from geo.params import MonitorSettings
    from geo.targeting import budget as rb
    from geo.targeting import newbuild_score as ns
    from geo.targeting import savings as rs

    b = pd.DataFrame(processed.read_buurten().drop(columns="geometry"))
    factors = processed.read_label_factors()
    stock = pd.read_parquet(config.STOCK_CELLS)
    income = income_fits(b.set_index("buurt_code"), stock, processed.income_year(processed.read_metadata()),
                         MonitorSettings())
    cells = rb.add_costs(rs.cell_savings(stock, b, factors, income=income))
    retrofit = rb.allocate(cells, budget_eur=20e6, alpha=0.5).chosen  # page defaults: EUR 20 million, priority 0.5
    scores = ns.newbuild_scores(b, cells)
    newbuild = scores.head(10).query("score > 0")["buurt_code"].tolist()  # page default: the 10 best buurten
    return {"retrofit": len(retrofit), "newbuild": len(newbuild)}


def outlined(frame) -> int:
    return frame.eval_on_selector_all(
        "path.leaflet-interactive", f"els => els.filter(e => e.getAttribute('stroke') === '{HIGHLIGHT}').length"
    )


# page -> (language, title in the navigation and on the page, the caption's words before the count)
SHOWN = {("retrofit", "en"): ("Retrofit", "the"), ("newbuild", "en"): ("New-build", "the"),
         ("retrofit", "nl"): ("Verduurzamen", "de"), ("newbuild", "nl"): ("Nieuwbouw", "de")}


@pytest.mark.parametrize(("which", "lang"), list(SHOWN))
def test_chosen_buurten_are_outlined_on_the_map(app_url, page, expected, which, lang):
    title, article = SHOWN[which, lang]
    page.goto(app_url + ("?lang=en" if lang == "en" else ""))
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=\"stMain\"] h1')?.innerText.startsWith('{title}')",
        timeout=60_000,
    )
    want = expected[which]
    assert 0 < want < 57
    count = -1
    for _ in range(120):  # the map may still be the previous page's for a moment
        count = outlined(map_frame(page))
        if count == want:
            break
        page.wait_for_timeout(250)
    assert count == want
    assert page.locator('[data-testid="stException"]').count() == 0
    assert f"{article} {want} buurten" in page.locator('[data-testid="stMain"]').inner_text()
    assert all("tile.openstreetmap.org" in u for u in page.blocked), page.blocked
