"""The link registry: one entry per setting, URL-safe names, and defaults its own parser accepts."""

import re

import pytest

from geo import links
from geo.links.registry import Context

CTX = Context(buurten=frozenset({"BU09170001", "BU09171000"}), wijken=frozenset({"WK091700"}), vacancy_pct=4.5,
              household_trend=-120.4, municipalities=frozenset({"GM0917", "GM0928"}))


def test_names_and_keys_are_unique_and_url_safe():
    assert len(links.BY_NAME) == len(links.PARAMS) and len(links.BY_KEY) == len(links.PARAMS)
    assert all(re.fullmatch(r"[a-z0-9_.]+", p.name) for p in links.PARAMS)


@pytest.mark.parametrize("p", links.PARAMS, ids=lambda p: p.name)
def test_every_default_is_a_value_its_own_entry_allows(p):
    """A default outside its range or choices would be refused when a link carries it back."""
    default = p.resolve("default", CTX)
    if default is None:
        return
    if p.kind == "choice":
        assert default in p.choices
    elif p.kind in ("float", "int"):
        low, high = p.resolve("low", CTX), p.resolve("high", CTX)
        assert low <= default <= high, (low, default, high)
    elif p.kind == "table":
        assert default == {}  # an edited table starts without edits
