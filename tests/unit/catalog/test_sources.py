"""The source registry: every source is shipped with its SOURCE.md and checksum, and says its licence."""

import hashlib

import pytest

from geo import config, i18n
from geo.catalog import sources
from geo.i18n import _
from geo.i18n.translate import catalogue


def _checksums() -> dict[str, str]:
    rows = (config.RAW_DIR / "SHA256SUMS").read_text().split("\n")
    return {path.removeprefix("./"): digest for digest, path in (r.split(maxsplit=1) for r in rows if r.strip())}


@pytest.mark.parametrize("key", list(sources.SOURCES))
def test_each_source_has_provenance_and_a_licence(key):
    source = sources.SOURCES[key]
    assert source.source_md.exists(), f"{key}: {source.source_md} missing"
    assert source.licence and source.publisher and source.period


def test_shipped_raw_files_match_their_checksums():
    sums = _checksums()
    assert sums, "data/raw/SHA256SUMS is empty"
    for relative, digest in sums.items():
        path = config.RAW_DIR / relative
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{relative} differs from its checksum"


def test_default_gas_price_is_the_cbs_price_per_gj_converted_to_m3():
    assert sources.GAS_PRICE_2019_EUR_PER_M3 == pytest.approx(26.207 / 31.6, abs=5e-4)


def test_price_sets_name_their_year_and_2019_is_the_default():
    assert sources.PRICE_SETS[2019] == (sources.GAS_PRICE_2019_EUR_PER_M3, sources.ELECTRICITY_PRICE_2019_EUR_PER_KWH)
    assert sources.CURRENT_PRICE_YEAR == 2022 and sources.PRICE_SETS[2022] == (1.37, 0.105)


def test_insulation_cost_per_step_is_the_sourced_package_over_three_steps():
    assert sources.COST_PER_STEP_EUR["mid-terrace"] == 5_330.0  # TNO/CPB EUR 16,000 / 3
    assert set(sources.COST_PER_STEP_EUR) == set(sources.INSULATION_PACKAGE_EUR)
    assert sources.HYBRID_HEAT_PUMP_EUR < sources.ALL_ELECTRIC_HEAT_PUMP_EUR
    assert 0 < sources.HYBRID_GAS_SHARE < 1 and sources.COP_ALL_ELECTRIC < sources.COP_HYBRID


SHOWN_TEXTS = ["PRICE_SOURCE", "PRICE_SET_SOURCE", "COST_SOURCE", "HEAT_PUMP_SOURCE", "NATIONAL_COST_SOURCE",
               "LOW_INCOME_LINE_SOURCE", "MONITOR_SOURCE", "NATIONAL_BOUNDARIES_STATUS", "HEAT_PRICE_SOURCE",
               "TENURE_INCOME_GAP_SOURCE"]


def test_every_text_shown_to_users_has_a_dutch_translation():
    dutch = catalogue("nl")
    texts = [getattr(sources, name) for name in SHOWN_TEXTS]
    texts += [t for s in sources.SOURCES.values() for t in (s.title, s.publisher, s.period, s.licence)]
    assert [t[:60] for t in texts if not dutch.get(t)] == []


def test_source_texts_translate_where_shown_and_keep_publication_titles():
    with i18n.language("nl"):
        assert _(sources.COST_SOURCE).startswith("TNO en CPB (2023), zoals bericht")
        assert "'Kosten- en batenbegrippen in klimaatbeleid'" in _(sources.NATIONAL_COST_SOURCE)
        assert _(sources.SOURCES["vivet"].title) == "VIVET Referentieverbruik warmte woningen II (2025), per woning"
    with i18n.language("en"):
        assert _(sources.SOURCES["kwb"].period) == "editions 2016-2020"
