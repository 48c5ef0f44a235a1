"""The settings objects: defaults the app starts with, refusal of values that make no sense, usable as cache keys."""

import pytest

from geo import vocab
from geo.catalog import sources
from geo.params import NewbuildParams, Prices, RetrofitParams

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
    with pytest.raises(ValueError, match=message):
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
    with pytest.raises(ValueError, match=message):
        NewbuildParams(**change)
