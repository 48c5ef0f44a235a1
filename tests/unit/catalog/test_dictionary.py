"""The data dictionary: every column described once, the stock columns included without importing the build.

All populations are small and built here, so the right answer is known; no
file in data/raw is read or written and nothing touches the network.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo import i18n
from geo.build.stock import estimate
from geo.catalog import dictionary
from geo.i18n import language
from tests.support.stock_population import kwb_buurten, random_population


def test_columns_are_registered_in_the_dictionary():
    res = estimate.estimate_stock(random_population(500), kwb_buurten(2), n_boot=3)
    for col in res["stock"].columns.drop("buurt_code"):
        assert dictionary.BY_NAME[col].kind == dictionary.ESTIMATED, col
    on_map = set(dictionary.map_indicators())
    assert {
        "pct_label_efg_all", "pct_label_efg_registered", "label_score", "heat_demand_kwh_m2", "pct_built_before_1975",
        "pct_district_heating_vivet", "pct_label_efg_all_band",
    } <= on_map


def test_every_column_is_described_once():
    names = [c.name for c in dictionary.COLUMNS + dictionary.DERIVED_COLUMNS + dictionary.STOCK_COLUMNS
             + dictionary.NATIONAL_COLUMNS]
    assert len(names) == len(set(names)) == len(dictionary.BY_NAME)


def test_the_map_lists_all_47_indicators_without_importing_anything_else():
    """The dictionary is static: the stock columns are there before (and without) the build or the loaders.

    41 buurt indicators and 6 from the national wijken table (density, five age groups; wijk level only).
    """
    script = (
        "import sys\n"
        "from geo.catalog import dictionary\n"
        "names = dictionary.map_indicators()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('geo.build', 'geo.io', 'geo.metrics', 'ui')))\n"
        "print(len(names), names[-1], loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(dictionary.__file__).resolve().parents[2])
    assert out.stdout.split(maxsplit=2) == ["47", "pct_district_heating_vivet", "[]\n"]


def test_map_indicators_list_measured_then_derived_then_stock_columns():
    names = dictionary.map_indicators()
    assert "high_energy_quote" not in names  # yes/no, not a colour scale
    assert names.index("gas_m3") < names.index("energy_poverty_index") < names.index("pct_label_efg_all")
    assert all(dictionary.BY_NAME[n].on_map for n in names)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_text_of_every_column_is_in_the_catalogue_and_fully_filled(lang):
    before = i18n.missing_messages()
    with language(lang):
        texts = [text for c in dictionary.BY_NAME.values() for text in (
            c.display_label(), c.display_unit(), c.display_meaning(), c.display_formula(), c.display_kind())]
    assert {m for m in i18n.missing_messages() - before if m[0] == lang} == set()
    assert [t for t in texts if re.search(r"\{[a-z_0-9]*\}", t)] == []  # every placeholder filled


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_labels_are_short_enough_for_a_metric_a_select_box_and_a_legend(lang):
    with language(lang):
        on_map = {n: dictionary.label(n) for n in dictionary.map_indicators()}
        every = {n: dictionary.label(n) for n in dictionary.BY_NAME}
    assert {n: t for n, t in on_map.items() if len(t) > 38} == {}
    assert {n: t for n, t in every.items() if len(t) > 42} == {}


def test_the_accessors_give_dutch_by_default_and_english_on_request():
    assert dictionary.label("pct_low_income") == "Huishoudens met laag inkomen"  # Dutch first
    with language("nl"):
        assert dictionary.unit("energy_bill_eur") == "€ per woning per jaar"
        assert dictionary.unit("income_per_inhabitant_keur") == "× € 1.000 per jaar"
        assert dictionary.meaning("households") == "Particuliere huishoudens op 1 januari."
        assert dictionary.label_with_unit("gas_m3") == "Aardgasverbruik per woning (m³ per woning per jaar)"
        assert dictionary.kind("energy_bill_eur") == "geschat"
    with language("en"):
        assert dictionary.label("pct_low_income") == "Households with a low income"
        assert dictionary.unit("energy_bill_eur") == "€ per dwelling per year"
        assert dictionary.kind("gas_m3") == "measured"
    assert dictionary.label("not_a_column") == "not_a_column" and dictionary.unit("not_a_column") == ""


def test_describe_gives_a_table_with_headers_and_texts_in_the_language_in_force():
    meta = {"gas_m3": {"edition": "2021", "year": 2019, "coverage": 80}}
    with language("nl"):
        rows = {r["Kolom"]: r for r in dictionary.describe(meta)}
    assert list(rows["gas_m3"]) == ["Kolom", "Weergegeven als", "Eenheid", "Betekenis", "Bron", "Soort", "Editie",
                                    "Jaar", "Buurten met een waarde", "Formule"]
    gas = rows["gas_m3"]
    assert (gas["Weergegeven als"], gas["Soort"], gas["Jaar"], gas["Buurten met een waarde"]) == (
        "Aardgasverbruik per woning", "gemeten", "2019", "80")
    assert rows["energy_bill_eur"]["Formule"] == "gas_m3 x gasprijs + electricity_kwh x elektriciteitsprijs"
    assert len(rows) == len(dictionary.BY_NAME)
    with language("en"):
        english = {r["Column"]: r for r in dictionary.describe(meta)}
    assert english["gas_m3"]["Shown as"] == "Gas use per dwelling" and english["gas_m3"]["Year"] == "2019"
