import pytest

from geo import i18n
from geo.i18n import translate


@pytest.fixture
def catalogues(monkeypatch):
    """A tiny Dutch catalogue built in code (the real one is checked in tests/integration/test_catalogue.py)."""
    nl = {"Overview": "Overzicht", "one buurt": ("één buurt", "{n} buurten")}
    monkeypatch.setattr(translate, "catalogue", lambda lang: nl if lang == "nl" else {})
    monkeypatch.setattr(translate, "_source_ids", lambda: frozenset({"Overview", "one buurt"}))
    monkeypatch.setattr(translate, "_missing", set())
    return nl


def test_dutch_is_the_default_and_english_the_source(catalogues):
    assert i18n._("Overview") == "Overzicht"
    with i18n.language("en"):
        assert i18n._("Overview") == "Overview"


def test_a_message_missing_from_the_catalogue_shows_in_english_and_is_recorded(catalogues):
    assert i18n._("Retrofit") == "Retrofit"
    with i18n.language("en"):
        i18n._("Retrofit")
        i18n._("Overview")  # in the English catalogue: no gap
    assert i18n.missing_messages() == {("nl", "Retrofit"), ("en", "Retrofit")}


def test_plural_forms_follow_the_count(catalogues):
    assert i18n.ngettext("one buurt", "{n} buurten", 1) == "één buurt"
    assert i18n.ngettext("one buurt", "{n} buurten", 3).format(n=3) == "3 buurten"
    with i18n.language("en"):
        assert i18n.ngettext("one buurt", "{n} buurten", 2) == "{n} buurten"


def test_the_registered_source_decides_outside_a_with_block(catalogues):
    i18n.set_source(lambda: "en")
    try:
        assert i18n.current() == "en"
        with i18n.language("nl"):
            assert i18n.current() == "nl"  # an explicit block wins (briefings in a chosen language)
    finally:
        i18n.set_source(None)


def test_an_unknown_language_from_the_source_falls_back_to_dutch(catalogues):
    i18n.set_source(lambda: "<script>")
    try:
        assert i18n.current() == "nl"
    finally:
        i18n.set_source(None)


def test_an_unknown_language_cannot_be_forced():
    with pytest.raises(ValueError, match="unknown language"):
        with i18n.language("de"):
            pass


def test_the_shipped_dutch_catalogue_translates_a_page_title():
    with i18n.language("nl"):
        assert i18n._("Overview") == "Overzicht"
