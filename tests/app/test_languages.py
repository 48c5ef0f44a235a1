"""Every page in both languages: it runs, every text it shows is in the catalogue, no internal name shows.

A message missing from a catalogue is recorded by ``geo.i18n`` when a page asks for
it (this catches texts built at run time, which extraction cannot see); the
catalogue test in ``tests/integration`` catches the rest.
"""

import re

import pytest
from streamlit.testing.v1 import AppTest

from geo import i18n
from geo.catalog import dictionary
from tests.support.apptest import open_app

pytestmark = pytest.mark.real_data
PAGES = ["pages/overview.py", "pages/map_explorer.py", "pages/energy_poverty_index.py", "pages/retrofit.py",
         "pages/newbuild.py", "pages/data_method.py", "pages/context.py", "pages/my_data.py"]
INTERNAL_NAMES = {name for name in dictionary.BY_NAME if "_" in name}


def _open(page: str, lang: str) -> AppTest:
    return open_app(page, {"lang": lang})


def _visible_text(at: AppTest) -> str:
    # The raw folders' SOURCE.md files are shown as shipped (the publisher's provenance, in its words).
    shipped = {md.value for e in at.expander if e.label.startswith(("Herkomst", "Provenance")) for md in e.markdown}
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success",
                 "metric", "selectbox", "radio", "number_input", "slider", "button", "toggle", "multiselect"):
        for element in getattr(at, kind, []):
            for attr in ("value", "label", "help"):
                text = getattr(element, attr, None) if attr != "value" or kind in {
                    "title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success",
                } else None
                if isinstance(text, str) and text not in shipped:
                    parts.append(text)
    return "\n".join(parts)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_speaks_the_language_completely(page, lang):
    before = i18n.missing_messages()
    at = _open(page, lang)
    assert not at.exception, [e.value for e in at.exception]
    gaps = sorted(msgid[:80] for lang_, msgid in i18n.missing_messages() - before if lang_ == lang)
    assert gaps == [], f"{page} in {lang} asks for {len(gaps)} messages its catalogue lacks: {gaps[:15]}"
    shown = _visible_text(at)
    leaked = sorted({name for name in INTERNAL_NAMES if re.search(rf"(?<![\w/.]){re.escape(name)}(?![\w.])", shown)})
    assert leaked == [], f"{page} in {lang} shows internal column names: {leaked}"


def test_the_sidebar_switch_turns_the_page_english_and_the_link_says_so():
    at = _open(PAGES[0], "nl")
    assert at.sidebar.radio(key="w.lang").value == "nl"
    at.sidebar.radio(key="w.lang").set_value("en").run()
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"
    assert not at.exception
