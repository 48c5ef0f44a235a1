"""The vocabulary: every category and factor the pages show is spelled once and fits the data it names."""

import pandas as pd
import pytest

from geo import vocab
from geo.catalog import dictionary, sources
from geo.i18n import language


def test_labels_run_from_best_to_worst_and_the_poor_ones_are_the_worst_three():
    assert "".join(vocab.LABELS) == "ABCDEFG"
    assert vocab.POOR_LABELS == vocab.LABELS[-3:]
    assert vocab.NO_LABEL not in vocab.LABELS


def test_every_dwelling_type_has_its_measured_gas_column():
    # The retrofit model scales the measured KWB gas use of the buurt per dwelling type.
    assert list(vocab.GAS_COLUMN_BY_DWELLING_TYPE) == list(vocab.DWELLING_TYPES)
    for dwelling_type, column in vocab.GAS_COLUMN_BY_DWELLING_TYPE.items():
        with language("en"):
            assert dictionary.unit(column) == "m³ per dwelling per year"
            assert dwelling_type.replace("-", " ") in dictionary.meaning(column).replace("-", " ")
        with language("nl"):
            assert dictionary.unit(column) == "m³ per woning per jaar"


def test_vivet_dwelling_type_codes_are_one_to_five_and_only_apartments_are_multi_family():
    assert sorted(vocab.DWELLING_TYPE_BY_VIVET_CODE) == [1, 2, 3, 4, 5]
    assert set(vocab.DWELLING_TYPES) - set(vocab.SINGLE_FAMILY_TYPES) == {"apartment"}
    assert list(vocab.DWELLING_FAMILIES.values()) == ["single-family", "multi-family"]


def test_build_period_groups_cover_every_vivet_period_once_in_order():
    codes = [code for group in vocab.BUILD_PERIOD_GROUPS.values() for code in group]
    assert codes == sorted(vocab.BUILD_PERIOD_BY_VIVET_CODE)
    first_of_2000_plus = vocab.BUILD_PERIOD_BY_VIVET_CODE[vocab.BUILD_PERIOD_GROUPS["2000_plus"][0]]
    assert first_of_2000_plus == "2000-2005"


@pytest.mark.parametrize("code, name", [(0, "owner-occupied"), (1, "private rent"), (2, "social rent")])
def test_vivet_tenure_codes_name_the_tenure_the_user_sees(code, name):
    assert vocab.TENURE_NAME_BY_VIVET_CODE[code] == name
    assert vocab.TENURE_NAMES[vocab.TENURE_BY_VIVET_CODE[code]] == name


def test_tenure_keys_names_and_kwb_columns_agree():
    assert vocab.TENURE_NAME_LIST == ("owner-occupied", "social rent", "private rent")  # KWB order
    for key, name in zip(vocab.TENURES, vocab.TENURE_NAME_LIST, strict=True):
        column = vocab.TENURE_COLUMNS[key]
        assert vocab.TENURE_COLUMN_BY_NAME[name] == column
        assert dictionary.BY_NAME[column].unit == "% of stock"  # the message id
        with language("nl"):
            assert dictionary.unit(column) == "% van de woningvoorraad"


def test_gas_factor_gives_the_default_gas_price_per_m3():
    # CBS 2019: 26.207 EUR per GJ -> the sidebar's default of EUR 0.829 per m3.
    assert sources.GAS_PRICE_2019_EUR_PER_M3 == pytest.approx(26.207 / vocab.GAS_M3_PER_GJ, abs=5e-4)
    assert f"{sources.GAS_PRICE_2019_EUR_PER_M3:.3f}" == "0.829"


def test_one_gj_is_277_8_kwh():
    assert f"{vocab.KWH_PER_GJ:.1f}" == "277.8"
    assert vocab.KWH_PER_GJ * 3.6 == pytest.approx(1000.0)


def test_co2_source_quotes_the_factors_in_use_in_both_languages():
    with language("en"):
        assert f"{vocab.CO2_GAS_KG_PER_M3} kg CO₂/m³" in vocab.co2_source()
        assert f"{vocab.CO2_ELECTRICITY_KG_PER_KWH} kg CO₂/kWh" in vocab.co2_source()
    with language("nl"):
        dutch = vocab.co2_source()
    assert f"{vocab.CO2_GAS_KG_PER_M3:.2f} kg".replace(".", ",") in dutch and "aardgas" in dutch
    assert f"{vocab.CO2_ELECTRICITY_KG_PER_KWH:.2f} kg".replace(".", ",") in dutch


# ---- showing a category: the stored value stays, the screen speaks the user's language ----

DUTCH = {
    "detached": "vrijstaand", "semi-detached": "twee-onder-een-kap", "end-terrace": "hoekwoning",
    "mid-terrace": "tussenwoning", "apartment": "appartement",
    "owner-occupied": "koopwoning", "social rent": "sociale huur (corporatiewoning)",
    "private rent": "particuliere huur",
    "before 1930": "vóór 1930", "2021 and later": "2021 en later",
    "single-family": "eengezins", "multi-family": "meergezins",
}


@pytest.mark.parametrize("stored, dutch", DUTCH.items())
def test_a_category_shows_in_dutch_and_in_english_as_stored(stored, dutch):
    with language("nl"):
        assert vocab.display(stored) == dutch
    with language("en"):
        assert vocab.display(stored) == stored


def test_the_stored_category_values_do_not_change_with_the_language():
    # The processed tables, the stock cells and the models store these names: translating them would break joins.
    with language("nl"):
        assert vocab.DWELLING_TYPES == ("detached", "semi-detached", "end-terrace", "mid-terrace", "apartment")
        assert vocab.TENURE_NAME_LIST == ("owner-occupied", "social rent", "private rent")
        assert vocab.BUILD_PERIODS[0] == "before 1930" and vocab.BUILD_PERIODS[-1] == "2021 and later"
        assert vocab.DWELLING_TYPE_BY_VIVET_CODE[5] == "apartment"
        assert vocab.TENURE_NAME_BY_VIVET_CODE[2] == "social rent"


def test_every_build_period_and_label_class_shows_readably_and_unknown_values_pass_through():
    with language("nl"):
        periods = [vocab.display(p) for p in vocab.BUILD_PERIODS]
        assert periods[1:-1] == list(vocab.BUILD_PERIODS[1:-1])  # year ranges read the same
        assert [vocab.display(label) for label in vocab.LABELS] == list(vocab.LABELS)
        assert vocab.display(vocab.NO_LABEL) == "geen label"
        assert vocab.display(vocab.BASIS_ESTIMATED) == "geschat (weging)"
        assert [vocab.display(q) for q in vocab.ESTIMATE_QUALITIES] == ["goed", "zwak", "geen"]
        assert vocab.display("BU09170001") == "BU09170001"
        assert vocab.display(None) is None and vocab.display(3.5) == 3.5


def test_a_column_of_categories_can_be_shown_in_dutch_without_touching_the_data():
    cells = pd.Series(["social rent", "owner-occupied", None])
    with language("nl"):
        shown = cells.map(vocab.display)
    assert shown.tolist()[:2] == ["sociale huur (corporatiewoning)", "koopwoning"] and pd.isna(shown.iloc[2])
    assert cells.tolist()[:2] == ["social rent", "owner-occupied"]
