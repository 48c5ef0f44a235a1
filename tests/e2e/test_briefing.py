"""The Overview's briefing downloads in Debian's chromium, offline: a one-page Dutch PDF and a self-contained HTML."""

import io

import pypdf
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


def test_the_briefing_buttons_download_a_one_page_pdf_and_an_html_page(app_url, page):
    page.goto(app_url)
    pdf_button = page.get_by_role("button", name="Notitie downloaden (PDF)")
    pdf_button.wait_for(timeout=90_000)
    with page.expect_download(timeout=60_000) as pdf_download:
        pdf_button.click()
    reader = pypdf.PdfReader(io.BytesIO(open(pdf_download.value.path(), "rb").read()))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1 and "Energiearmoede in Heerlen" in text and "Kerncijfers" in text
    assert pdf_download.value.suggested_filename.endswith(".pdf")
    with page.expect_download(timeout=60_000) as html_download:
        page.get_by_role("button", name="Notitie downloaden (HTML)").click()
    html = open(html_download.value.path(), encoding="utf-8").read()
    assert html.startswith("<!doctype html>") and 'src="data:image/png;base64,' in html and "Kerncijfers" in html
    assert page.blocked == []
