"""One entry of the data dictionary: what a column means, its unit, where it comes from.

A column is *measured* (a published CBS figure), *derived* (a formula on
measured figures) or *estimated* (a model); the Data & method page and the map
say which.

Its texts are stored in English, marked for the catalogue (message ids), and
translated when shown: read them with :meth:`Column.display_label`,
:meth:`~Column.display_unit`, :meth:`~Column.display_meaning` (or
:func:`geo.catalog.dictionary.label` and friends by column name), never from the
raw fields. A text may have ``{placeholders}``, filled from :attr:`Column.args`
(category names among them are shown with :func:`geo.vocab.display`).

Examples
--------
>>> from geo.i18n import language
>>> col = Column("households", "Households", "households", "Private households on 1 January", "kwb")
>>> with language("nl"):
...     col.display_label(), col.display_unit(), col.display_kind()
('Huishoudens', 'huishoudens', 'gemeten')
>>> with language("en"):
...     col.display_label(), col.display_kind()
('Households', 'measured')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo import i18n, vocab
from geo.i18n import N_, _

MEASURED = N_("measured")
DERIVED = N_("derived")
ESTIMATED = N_("estimated")
KINDS = (MEASURED, DERIVED, ESTIMATED)


def _shown(value) -> str:
    """A placeholder value as shown: a category name translated, a float in the locale's format."""
    if isinstance(value, float):
        decimals = len(repr(value).partition(".")[2].rstrip("0"))
        return i18n.number(value, decimals)
    return str(vocab.display(value))


def fill(message: str, args: dict) -> str:
    """``message`` in the language in force, its ``{placeholders}`` filled from ``args``."""
    text = _(message)
    return text.format(**{k: _shown(v) for k, v in args.items()}) if args else text


@dataclass(frozen=True)
class Column:
    """Metadata of one column of the buurt table.

    ``label``, ``unit``, ``meaning``, ``note`` and ``formula`` are message ids (English); show them through the
    ``display_*`` methods, which translate them in the language in force.
    """

    name: str
    label: str  # short: it must fit a metric, a select box and a legend; detail goes into ``meaning``
    unit: str
    meaning: str
    source: str  # key into geo.catalog.sources.SOURCES, or "derived"
    kind: str = MEASURED
    kwb: str = ""  # raw KWB column it is read from, if any
    theme: str = ""  # KWB theme deciding the reference year (see geo.build.kwb.reference_year)
    higher_is_worse: bool | None = None  # direction for index components; None = neutral
    decimals: int = 0
    on_map: bool = True
    formula: str = ""
    extra: dict = field(default_factory=dict)
    args: dict = field(default_factory=dict)  # values of the {placeholders} in label, meaning and formula
    note: str = ""  # a message shown after the meaning (e.g. how the stock is estimated)

    def display_label(self) -> str:
        """The short label in the language in force."""
        return fill(self.label, self.args)

    def display_unit(self) -> str:
        """The unit in the language in force ('' when it has none)."""
        return _(self.unit) if self.unit else ""

    def display_meaning(self) -> str:
        """What the column means, with its note, in the language in force."""
        text = fill(self.meaning, self.args)
        return f"{text} {_(self.note)}" if self.note else text

    def display_formula(self) -> str:
        """The formula in words in the language in force ('' for a measured figure)."""
        return fill(self.formula, self.args) if self.formula else ""

    def display_kind(self) -> str:
        """'measured', 'derived' or 'estimated' in the language in force."""
        return _(self.kind)

    def display_label_with_unit(self) -> str:
        """``label (unit)``, as a select box or a legend title shows it."""
        shown_unit = self.display_unit()
        return f"{self.display_label()} ({shown_unit})" if shown_unit else self.display_label()
