"""The vocabulary: every category and factor the pages show is spelled once and fits the data it names."""

import pytest

from geo import vocab
from geo.catalog import dictionary, sources


def test_labels_run_from_best_to_worst_and_the_poor_ones_are_the_worst_three():
    assert "".join(vocab.LABELS) == "ABCDEFG"
    assert vocab.POOR_LABELS == vocab.LABELS[-3:]
    assert vocab.NO_LABEL not in vocab.LABELS


def test_every_dwelling_type_has_its_measured_gas_column():
    # The retrofit model scales the measured KWB gas use of the buurt per dwelling type.
    assert list(vocab.GAS_COLUMN_BY_DWELLING_TYPE) == list(vocab.DWELLING_TYPES)
    for dwelling_type, column in vocab.GAS_COLUMN_BY_DWELLING_TYPE.items():
        assert dictionary.BY_NAME[column].unit == "m3 per dwelling per year"
        assert dwelling_type.replace("-", " ") in dictionary.BY_NAME[column].meaning.replace("-", " ")


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
        assert dictionary.BY_NAME[column].unit == "% of stock"


def test_gas_factor_gives_the_default_gas_price_per_m3():
    # CBS 2019: 26.207 EUR per GJ -> the sidebar's default of EUR 0.829 per m3.
    assert sources.GAS_PRICE_2019_EUR_PER_M3 == pytest.approx(26.207 / vocab.GAS_M3_PER_GJ, abs=5e-4)
    assert f"{sources.GAS_PRICE_2019_EUR_PER_M3:.3f}" == "0.829"


def test_one_gj_is_277_8_kwh():
    assert f"{vocab.KWH_PER_GJ:.1f}" == "277.8"
    assert vocab.KWH_PER_GJ * 3.6 == pytest.approx(1000.0)


def test_co2_source_quotes_the_factors_in_use():
    assert f"{vocab.CO2_GAS_KG_PER_M3} kg CO2/m3" in vocab.CO2_SOURCE
    assert f"{vocab.CO2_ELECTRICITY_KG_PER_KWH} kg CO2/kWh" in vocab.CO2_SOURCE
