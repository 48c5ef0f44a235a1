"""Tests of the retrofit model on hand-made fixtures (no network, no processed data)."""

from __future__ import annotations

from geo.metrics import income as ri
from geo.targeting import budget as rb
from geo.targeting import retrofit as r


def test_method_text_names_sources():
    for text in (r.METHOD_MARKDOWN, rb.METHOD_MARKDOWN, ri.METHOD_MARKDOWN):
        assert "###" in text
    assert "Majcen" in r.METHOD_MARKDOWN and "ISSO" in r.METHOD_MARKDOWN
    assert "EIB" in rb.METHOD_MARKDOWN
