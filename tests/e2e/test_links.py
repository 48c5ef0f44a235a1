"""A link copied from one browser opens the same view in another (a new context: no shared session or storage)."""

import re

import pytest

from tests.support.browser import choose_indicator, live_map, new_page

pytestmark = [pytest.mark.browser, pytest.mark.real_data]
TIMEOUT = 60_000


def wait_for_query(page, *parts: str) -> None:
    condition = " && ".join(f"location.search.includes({part!r})" for part in parts)
    page.wait_for_function(f"() => {condition}", timeout=TIMEOUT)


def main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def test_a_copied_link_opens_the_same_view_in_a_second_browser(app_url, browser):
    with new_page(browser) as first:
        first.goto(f"{app_url}/map_explorer")
        live_map(first, TIMEOUT)
        sidebar = first.get_by_test_id("stSidebar")
        sidebar.get_by_text("English", exact=True).click()
        wait_for_query(first, "lang=en")
        first.get_by_role("heading", name="Map explorer").wait_for(timeout=TIMEOUT)
        sidebar.get_by_text("8%", exact=True).click()
        wait_for_query(first, "lang=en", "quote=8")
        choose_indicator(first, "Gas use per dwelling (m³ per dwelling per year)")
        wait_for_query(first, "indicator=gas_m3")  # written by the map's fragment rerun, without a full run
        link = first.url
        # Another page of the app keeps the settings in its link.
        first.get_by_test_id("stSidebarNav").get_by_text("Retrofit").click()
        first.wait_for_url(re.compile(r"/retrofit\?"), timeout=TIMEOUT)
        wait_for_query(first, "lang=en", "quote=8", "indicator=gas_m3")
    assert "lang=en" in link and "quote=8" in link and "indicator=gas_m3" in link

    with new_page(browser) as second:
        second.goto(link)
        second.get_by_role("heading", name="Map explorer").wait_for(timeout=TIMEOUT)
        live_map(second, TIMEOUT)
        picker = second.get_by_label("Indicator", exact=True)
        shown = picker.evaluate("s => s.options[s.selectedIndex].text")
        assert shown == "Gas use per dwelling (m³ per dwelling per year)", shown
        assert "Gas use per dwelling (m³ per dwelling per year)" in main_text(second)  # the legend's title
        sidebar = second.get_by_test_id("stSidebar")
        assert sidebar.get_by_role("radio", name="English").is_checked()
        assert sidebar.get_by_role("radio", name="8%").is_checked()
        assert "cannot use" not in main_text(second)  # a link the app wrote has nothing to complain about


def test_a_hostile_link_gives_a_notice_and_a_working_page(app_url, browser):
    with new_page(browser) as page:
        page.goto(f"{app_url}/map_explorer?lang=en&indicator=%3Cscript%3Ealert(1)%3C/script%3E&w.heq=-1"
                  f"&buurt=BU09179999&colour={'x' * 3000}")
        page.get_by_role("heading", name="Map explorer").wait_for(timeout=TIMEOUT)
        live_map(page, TIMEOUT)
        notice = page.get_by_test_id("stAlert").filter(has_text="cannot use")
        notice.wait_for(timeout=TIMEOUT)
        text = notice.inner_text()
        assert "<script>" in text and "unknown buurt code" in text and "w.heq=-1" in text  # shown as text
        assert "x" * 100 not in text
        assert page.locator("script", has_text="alert(1)").count() == 0
        assert page.get_by_test_id("stException").count() == 0
        wait_for_query(page, "lang=en")
        assert "indicator" not in page.url and "colour" not in page.url  # the bad parameters left the link
