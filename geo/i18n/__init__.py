"""The product's two languages: Dutch first, English on a switch.

Every text a user sees goes through :func:`_` (or is marked with :func:`N_` where
it is defined and translated where it is shown). The translations live in one
gettext catalogue per language, ``locale/<lang>/LC_MESSAGES/messages.po``, which a
translator edits without reading code; ``make i18n`` extracts new messages into
them. Numbers, percentages, money and dates are formatted for the language's
locale with Babel (``1.234,5`` and ``€ 1.234`` in Dutch).

Which language is in force: inside ``with language("en"):`` that one; else what
the app's language source says (the Streamlit session's choice, registered by
``ui``); else Dutch.

Examples
--------
>>> with language("nl"):
...     number(1234.5, 1), money(1234), percent(12.34)
('1.234,5', '€ 1.234', '12,3%')
>>> with language("en"):
...     number(1234.5, 1), money(1234), percent(12.34)
('1,234.5', '€1,234', '12.3%')
"""

from geo.i18n.formatting import date, money, number, percent
from geo.i18n.translate import (
    DEFAULT,
    LANGUAGES,
    N_,
    _,
    current,
    language,
    missing_messages,
    ngettext,
    set_source,
)

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "N_",
    "_",
    "current",
    "date",
    "language",
    "missing_messages",
    "money",
    "ngettext",
    "number",
    "percent",
    "set_source",
]
