"""A data-dictionary entry: measured unless said otherwise, and never changed after it is made."""

import dataclasses

import pytest

from geo.catalog.column import DERIVED, ESTIMATED, KINDS, MEASURED, Column


def test_a_column_is_measured_and_on_the_map_unless_said_otherwise():
    col = Column("gas_m3", "Gas use per dwelling", "m3", "Average gas supply", "kwb")
    assert (col.kind, col.on_map, col.higher_is_worse) == (MEASURED, True, None)


def test_kinds_are_the_three_words_the_data_dictionary_shows():
    assert KINDS == ("measured", "derived", "estimated") == (MEASURED, DERIVED, ESTIMATED)


def test_a_column_cannot_be_changed_by_a_page():
    col = Column("gas_m3", "Gas use per dwelling", "m3", "Average gas supply", "kwb")
    with pytest.raises(dataclasses.FrozenInstanceError):
        col.label = "something else"
