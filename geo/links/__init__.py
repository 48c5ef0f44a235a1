"""Settings in a link: which query parameter holds which setting, and how a link's text becomes a value.

One registry, :data:`PARAMS`: for every setting a user can share, its name in the URL,
its session key, its kind, its default and the values it allows. :func:`parse` turns a
link's query parameters into settings plus a list of what it ignored (unknown names,
repeated names, values too long, not numbers, out of range, unknown codes): never an
exception. :func:`encode` turns settings into the shortest query that restores them
(defaults are left out). Codes of buurten and wijken and the data-dependent defaults
come in a :class:`Context`. Pure: no Streamlit.

Examples
--------
>>> values, ignored = parse({"lang": ["en"], "w.low_income": ["-1"], "colour": ["red"]})
>>> values
{'cfg.lang': 'en'}
>>> [(i.name, i.value, i.reason) for i in ignored]
[('w.low_income', '-1', 'not an allowed value'), ('colour', 'red', 'not a setting of this app')]
>>> encode({"cfg.lang": "en", "cfg.threshold": 10.0, "rf.budget": 35.5})
{'lang': 'en', 'budget': '35.5'}
"""

from geo.links.query import (
    BAD_VALUE,
    IGNORED_SILENTLY,
    MAX_LIST_CHARS,
    MAX_VALUE_CHARS,
    NOT_PRESENT,
    REPEATED,
    SHOWN_CHARS,
    TOO_LONG,
    UNKNOWN_BUURT,
    UNKNOWN_GEMEENTE,
    UNKNOWN_NAME,
    UNKNOWN_WIJK,
    Ignored,
    defaults,
    encode,
    encode_one,
    parse,
)
from geo.links.registry import BY_KEY, BY_NAME, GEMEENTE, PARAMS, Context, Param

__all__ = [
    "BAD_VALUE", "BY_KEY", "BY_NAME", "GEMEENTE", "IGNORED_SILENTLY", "MAX_LIST_CHARS", "MAX_VALUE_CHARS",
    "NOT_PRESENT", "PARAMS", "REPEATED", "SHOWN_CHARS", "TOO_LONG", "UNKNOWN_BUURT", "UNKNOWN_GEMEENTE",
    "UNKNOWN_NAME", "UNKNOWN_WIJK", "Context", "Ignored", "Param", "defaults", "encode", "encode_one", "parse",
]
