"""A data-dictionary entry: measured unless said otherwise, and never changed after it is made."""

import dataclasses

import pytest

from geo.catalog.column import DERIVED, ESTIMATED, KINDS, MEASURED, Column
from geo.i18n import language


def test_a_column_is_measured_and_on_the_map_unless_said_otherwise():
    col = Column("gas_m3", "Gas use per dwelling", "m3", "Average gas supply", "kwb")
    assert (col.kind, col.on_map, col.higher_is_worse) == (MEASURED, True, None)


def test_kinds_are_the_three_words_the_data_dictionary_shows():
    assert KINDS == ("measured", "derived", "estimated") == (MEASURED, DERIVED, ESTIMATED)


def test_a_column_cannot_be_changed_by_a_page():
    col = Column("gas_m3", "Gas use per dwelling", "m3", "Average gas supply", "kwb")
    with pytest.raises(dataclasses.FrozenInstanceError):
        col.label = "something else"


def test_the_texts_are_shown_in_the_language_in_force():
    col = Column("dwellings", "Dwellings", "dwellings", "Dwelling stock on 1 January.", "kwb", kind=ESTIMATED)
    with language("nl"):
        assert (col.display_label(), col.display_unit(), col.display_kind()) == ("Woningen", "woningen", "geschat")
        assert col.display_meaning() == "Woningvoorraad op 1 januari."
    with language("en"):
        assert (col.display_label(), col.display_unit(), col.display_kind()) == ("Dwellings", "dwellings", "estimated")
    assert col.label == "Dwellings"  # the stored text is the message id, whatever the language


def test_placeholders_are_filled_with_translated_categories_and_locale_numbers():
    col = Column("x", "Dwellings: {tenure}", "m²", "VIVET reference gas use per dwelling (GJ x {m3_per_gj}), a model "
                 "figure for a later year than the measured KWB gas use.", "vivet",
                 args={"tenure": "social rent", "m3_per_gj": 31.6, "kwh_per_gj": 277.8},
                 formula="sum(rv + tw) x {kwh_per_gj} / sum(floor area)")
    with language("nl"):
        assert col.display_label() == "Woningen: sociale huur (corporatiewoning)"
        assert "(GJ x 31,6)" in col.display_meaning()
        assert col.display_formula() == "som(rv + tw) x 277,8 / som(vloeroppervlak)"
    with language("en"):
        assert col.display_label() == "Dwellings: social rent"
        assert "(GJ x 31.6)" in col.display_meaning()
        assert col.display_formula() == "sum(rv + tw) x 277.8 / sum(floor area)"


def test_a_note_follows_the_meaning_and_label_with_unit_reads_as_in_a_select_box():
    col = Column("households", "Households", "households", "Private households on 1 January.", "kwb",
                 note="Estimated (raking of the VIVET dwellings of the municipality to the buurt's CBS margins) "
                 "unless the per-address file is present.")
    with language("en"):
        assert col.display_meaning().startswith("Private households on 1 January. Estimated (raking")
        assert col.display_label_with_unit() == "Households (households)"
    with language("nl"):
        assert col.display_label_with_unit() == "Huishoudens (huishoudens)"
        assert col.display_meaning().endswith("tenzij het bestand per adres aanwezig is.")
