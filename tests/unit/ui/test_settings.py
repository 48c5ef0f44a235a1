"""What an edited table keeps between pages: numbers only, whole numbers for a whole-number column."""

import math

import pytest

from geo import links
from ui import settings


@pytest.mark.parametrize(("value", "whole", "kept"), [
    (40, True, 40), (12.6, True, 13), ("7", True, 7), (4000.5, False, 4000.5), (-5.0, False, -5.0),
    (None, False, None), ("abc", False, None), (math.nan, True, None), (math.inf, False, None), ("", True, None),
])
def test_a_cell_is_kept_only_as_a_finite_number(value, whole, kept):
    assert settings._cell(value, whole) == kept


def test_every_editor_names_where_its_edits_go_and_the_link_carries_them():
    for persistent, _row, _value in settings.EDITORS.values():
        assert links.BY_KEY[persistent].kind == "table"
