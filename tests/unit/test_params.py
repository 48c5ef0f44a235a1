"""The settings objects: the app's defaults, refused values with a message, and equal settings hash alike."""

import dataclasses

import pytest

from geo import vocab
from geo.catalog import sources
from geo.catalog.index_components import COMPONENTS
from geo.i18n import language
from geo.params import (
    ALTERNATIVE_QUOTE_THRESHOLD_PCT,
    DEFAULT_QUOTE_THRESHOLD_PCT,
    PACKAGES,
    QUOTE_THRESHOLD_SOURCES,
    IndexSettings,
    NewbuildParams,
    Prices,
    QuoteThreshold,
    RetrofitParams,
    UserIndicator,
    package_name,
    quote_threshold_source,
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


def test_package_names_and_threshold_sources_are_shown_in_the_language_in_force():
    with language("nl"):
        assert [package_name(k) for k in PACKAGES] == [
            "Isoleren tot het doellabel", "Hybride warmtepomp (zonder isolatie)",
            "Isoleren + volledig elektrische warmtepomp",
        ]
        assert quote_threshold_source(10.0) == "documentatie VNG DEGO"
    with language("en"):
        assert package_name("insulate") == "Insulate to the target label" == PACKAGES["insulate"]
        assert quote_threshold_source(8.0) == "used by some TNO products"
    assert list(PACKAGES) == ["insulate", "hybrid", "all_electric"]  # the stored keys do not change


@pytest.mark.parametrize("bad", [-1.0, float("nan"), "1.0"])
def test_prices_must_be_non_negative_numbers(bad):
    with pytest.raises(ValueError):
        Prices(bad, 0.2)


def test_settings_cannot_be_changed_after_they_are_made():
    with pytest.raises(dataclasses.FrozenInstanceError):
        IndexSettings().method = "rank"
    with pytest.raises(dataclasses.FrozenInstanceError):
        QuoteThreshold().pct = 8.0


# ---- targeting settings ----


def test_retrofit_defaults_are_the_sourced_values_and_key_a_cache():
    p = RetrofitParams()
    assert (p.target_label, p.lifetime, p.threshold) == ("B", 30, 10.0)
    assert p.prices == Prices() and p.co2_gas == vocab.CO2_GAS_KG_PER_M3
    assert p.cost_per_step == sources.COST_PER_STEP_EUR
    assert {p: 1}[RetrofitParams()] == 1  # equal settings hit the same cache entry
    assert RetrofitParams(target_label="A") != p


@pytest.mark.parametrize("change, message", [
    ({"target_label": "A+"}, "target_label"),
    ({"prices": 0.3}, "Prices"),
    ({"threshold": 0.0}, "threshold"),
    ({"co2_gas": -1.0}, "co2_gas"),
    ({"co2_electricity": float("nan")}, "co2_electricity"),
    ({"costs": (("apartment", 0.0),)}, "apartment"),
    ({"lifetime": 0}, "lifetime"),
    ({"lifetime": 2.5}, "lifetime"),
])
def test_retrofit_settings_refuse_nonsense(change, message):
    with language("en"), pytest.raises(ValueError, match=message):
        RetrofitParams(**change)


def test_newbuild_settings_fall_back_to_equal_weights_only_when_all_are_zero():
    assert NewbuildParams().score_weights == {"thinning": 1.0, "mixing": 1.0, "transformation": 1.0}
    zero = NewbuildParams(weights=(("thinning", 0.0), ("mixing", 0.0), ("transformation", 0.0)))
    assert zero.weights_are_zero and zero.score_weights == NewbuildParams().score_weights
    some = NewbuildParams(weights=(("thinning", 2.0), ("mixing", 0.0), ("transformation", 0.0)))
    assert not some.weights_are_zero and some.score_weights["thinning"] == 2.0


def test_newbuild_settings_read_the_stock_at_their_prices():
    p = NewbuildParams(prices=Prices(1.0, 0.3), threshold=8.0, transformation=("BU1",))
    assert p.retrofit == RetrofitParams(prices=Prices(1.0, 0.3), threshold=8.0)  # other retrofit settings default
    assert hash(p) == hash(NewbuildParams(prices=Prices(1.0, 0.3), threshold=8.0, transformation=("BU1",)))


@pytest.mark.parametrize("change, message", [
    ({"weights": (("thinning", -1.0), ("mixing", 1.0), ("transformation", 1.0))}, "thinning"),
    ({"weights": (("thinning", 1.0), ("mixing", 1.0))}, "weights"),
    ({"mix_reference_share": 0.0}, "mix_reference_share"),
    ({"threshold": -10.0}, "threshold"),
])
def test_newbuild_settings_refuse_nonsense(change, message):
    with language("en"), pytest.raises(ValueError, match=message):
        NewbuildParams(**change)


def test_prices_of_a_year_are_the_published_set_and_name_their_year():
    p = Prices.of_year(2022)
    assert (p.gas_eur_per_m3, p.electricity_eur_per_kwh, p.year) == (*sources.PRICE_SETS[2022], 2022)
    assert Prices.of_year(2019) == Prices()
    with pytest.raises(ValueError, match="price set"):
        Prices.of_year(2031)


def test_retrofit_params_refuse_an_unknown_package_and_a_share_above_one():
    with pytest.raises(ValueError, match="package"):
        RetrofitParams(package="solar")
    with pytest.raises(ValueError, match="hybrid_gas_share"):
        RetrofitParams(hybrid_gas_share=1.5)


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
