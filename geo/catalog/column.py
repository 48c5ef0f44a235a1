"""One entry of the data dictionary: what a column means, its unit, where it comes from.

A column is *measured* (a published CBS figure), *derived* (a formula on
measured figures) or *estimated* (a model); the Data & method page and the map
say which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEASURED = "measured"
DERIVED = "derived"
ESTIMATED = "estimated"
KINDS = (MEASURED, DERIVED, ESTIMATED)


@dataclass(frozen=True)
class Column:
    """Metadata of one column of the buurt table."""

    name: str
    label: str
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
