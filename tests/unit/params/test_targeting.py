"""Settings of the retrofit and new-build models and the grid load: defaults, refused values, equal hash alike."""

import pytest

from geo import vocab
from geo.catalog import sources
from geo.i18n import language
from geo.params import (
    PACKAGES,
    GridParams,
    NewbuildParams,
    Prices,
    RetrofitParams,
    package_name,
    quote_threshold_source,
)


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


def test_retrofit_params_refuse_an_unknown_package_and_a_share_above_one():
    with pytest.raises(ValueError, match="package"):
        RetrofitParams(package="solar")
    with pytest.raises(ValueError, match="hybrid_gas_share"):
        RetrofitParams(hybrid_gas_share=1.5)


@pytest.mark.parametrize("change, message", [
    ({"simultaneity": 0.0}, "simultaneity must be a number above 0"),
    ({"simultaneity": 1.5}, "simultaneity must be at most 1"),
    ({"peak_kw_hybrid": -1.0}, "peak_kw_hybrid"),
    ({"capacities": (("BU1", -2.0),)}, "capacity of BU1"),
])
def test_grid_settings_refuse_nonsense(change, message):
    with pytest.raises(ValueError, match=message):
        GridParams(**change)
    assert {GridParams(): 1}[GridParams()] == 1  # equal settings hit the same cache entry
