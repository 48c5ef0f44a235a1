"""Settings of the energy quote and the index: the app's defaults, refused values with a message, equal hash alike."""

import dataclasses

import pytest

from geo.catalog import sources
from geo.catalog.index_components import COMPONENTS
from geo.i18n import language
from geo.params import (
    ALTERNATIVE_QUOTE_THRESHOLD_PCT,
    DEFAULT_QUOTE_THRESHOLD_PCT,
    QUOTE_THRESHOLD_SOURCES,
    IndexSettings,
    NewbuildParams,
    Prices,
    QuoteThreshold,
    UserIndicator,
)


def test_the_app_starts_with_the_documented_defaults():
    assert dict(IndexSettings().weights) == {
        "lihelek": 1.0, "heq": 0.5, "lekwi": 0.5, "lihe": 0.0, "lilek": 0.0,
        "low_income": 0.0, "energy_quote": 0.0, "energy_quality": 0.0, "investment_capacity": 0.0,
        "social_assistance": 0.0,
    }
    assert (IndexSettings().method, IndexSettings().missing) == ("minmax", "reweight")
    assert QuoteThreshold().pct == DEFAULT_QUOTE_THRESHOLD_PCT == 10.0
    offered = [DEFAULT_QUOTE_THRESHOLD_PCT, ALTERNATIVE_QUOTE_THRESHOLD_PCT]
    assert list(QUOTE_THRESHOLD_SOURCES) == offered == [10.0, 8.0]  # the sidebar's choices, default first
    assert Prices().gas_eur_per_m3 == 0.829 and Prices().year == 2019


def test_weights_are_stored_in_component_order_with_left_out_components_at_zero():
    settings = IndexSettings({"energy_quality": 2, "low_income": 1})
    assert [k for k, _ in settings.weights] == list(COMPONENTS)
    assert dict(settings.weights) == {"lihelek": 0.0, "heq": 0.0, "lekwi": 0.0, "lihe": 0.0, "lilek": 0.0,
                                      "low_income": 1.0, "energy_quote": 0.0, "energy_quality": 2.0,
                                      "investment_capacity": 0.0, "social_assistance": 0.0}


def test_equal_settings_are_equal_and_hash_alike_so_they_share_a_cache_entry():
    as_mapping = IndexSettings({"low_income": 1.0, "energy_quote": 0.5})
    as_pairs = IndexSettings((("energy_quote", 0.5), ("low_income", 1)))
    assert as_mapping == as_pairs and hash(as_mapping) == hash(as_pairs)
    assert {as_mapping: "cached"}[as_pairs] == "cached"
    assert IndexSettings(method="rank") != IndexSettings()


def test_normalised_weights_sum_to_one_and_keep_proportions():
    w = IndexSettings({"low_income": 3.0, "energy_quote": 1.0}).normalised_weights
    assert sum(w.values()) == pytest.approx(1.0)
    assert w["low_income"] == pytest.approx(3 * w["energy_quote"]) == pytest.approx(0.75)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"weights": {k: 0.0 for k in COMPONENTS}}, "above zero"),
        ({"weights": {}}, "above zero"),
        ({"weights": {"low_income": -1.0}}, "must be a number of at least 0"),
        ({"weights": {"low_income": float("nan")}}, "must be a number of at least 0"),
        ({"weights": {"low_income": "1"}}, "must be a number of at least 0"),
        ({"weights": {"bogus": 1.0}}, "Unknown index component"),
        ({"method": "log"}, "Unknown normalisation 'log'; choose one of"),
        ({"missing": "zero"}, "Unknown missing-value rule 'zero'; choose one of"),
    ],
)
def test_index_settings_refuse_what_makes_no_sense_with_a_message(kwargs, message):
    with language("en"), pytest.raises(ValueError, match=message):
        IndexSettings(**kwargs)


@pytest.mark.parametrize("bad", [0.0, -8.0, 101.0, float("nan"), "10"])
def test_the_quote_threshold_is_a_percentage_above_zero(bad):
    with language("en"), pytest.raises(ValueError, match="threshold"):
        QuoteThreshold(bad)
    with language("nl"), pytest.raises(ValueError, match="De drempel voor een hoge energiequote"):
        QuoteThreshold(bad)


def test_a_refused_setting_tells_a_dutch_user_in_dutch_with_the_component_named_as_on_screen():
    with language("nl"), pytest.raises(ValueError, match="zet minstens één gewicht boven nul"):
        IndexSettings({k: 0.0 for k in COMPONENTS})
    with language("nl"), pytest.raises(ValueError, match=r"Het gewicht van Laag inkomen \(benadering\) moet"):
        IndexSettings({"low_income": -1.0})
    with language("nl"), pytest.raises(ValueError, match="De gasprijs moet een getal van minstens 0 zijn"):
        Prices(-1.0, 0.2)


@pytest.mark.parametrize("bad", [-1.0, float("nan"), "1.0"])
def test_prices_must_be_non_negative_numbers(bad):
    with pytest.raises(ValueError):
        Prices(bad, 0.2)


def test_settings_cannot_be_changed_after_they_are_made():
    with pytest.raises(dataclasses.FrozenInstanceError):
        IndexSettings().method = "rank"
    with pytest.raises(dataclasses.FrozenInstanceError):
        QuoteThreshold().pct = 8.0


def test_prices_of_a_year_are_the_published_set_and_name_their_year():
    p = Prices.of_year(2022)
    assert (p.gas_eur_per_m3, p.electricity_eur_per_kwh, p.year) == (*sources.PRICE_SETS[2022], 2022)
    assert Prices.of_year(2019) == Prices()
    with pytest.raises(ValueError, match="price set"):
        Prices.of_year(2031)


def test_a_user_indicator_is_hashable_and_checked():
    u = UserIndicator("k", "Own", (("BU1", 1.0), ("BU2", None)), weight=2.0)
    assert hash(IndexSettings(user=(u,))) == hash(IndexSettings(user=(u,)))
    assert IndexSettings(weights={}, user=(u,)).normalised_weights["user.k"] == 1.0
    assert NewbuildParams(user=(u,)) != NewbuildParams()
    with pytest.raises(ValueError):
        UserIndicator("k", "Own", (), weight=-1.0)
    with pytest.raises(ValueError):
        UserIndicator("k", "Own", (("BU1", "veel"),))
    with pytest.raises(ValueError):
        IndexSettings(user=("not an indicator",))
