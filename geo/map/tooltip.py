"""What the map's tooltip says per buurt: value and unit, the band of an estimate, a weak-estimate warning."""

from __future__ import annotations

import pandas as pd

from geo.catalog import dictionary
from geo.i18n import _
from geo.map.classify import format_value

# Estimated columns with a p05/p95 band from the bootstrap of the stock estimate (geo.build.stock).
BANDS = {"pct_label_efg_all": ("pct_label_efg_all_p05", "pct_label_efg_all_p95")}
STOCK_SOURCE = "vivet"


def value_texts(table: pd.DataFrame, indicator: str) -> list[str]:
    """Tooltip text per row of ``table`` for ``indicator``, in the language in force.

    Missing values say 'no data'. Columns estimated from the housing stock add
    their uncertainty band where there is one, and '(weak estimate)' where the
    stock check flagged the buurt (``estimate_quality`` == 'weak').
    """
    col = dictionary.BY_NAME[indicator]
    band = BANDS.get(indicator)
    weak = table["estimate_quality"].eq("weak") if "estimate_quality" in table else pd.Series(False, index=table.index)
    unit = dictionary.unit(indicator)
    texts = []
    for code, value in table[indicator].items():
        if pd.isna(value):
            texts.append(format_value(value))
            continue
        text = f"{format_value(value, col.decimals)} {unit}"
        if band and band[0] in table and pd.notna(table.at[code, band[0]]):
            lo, hi = table.at[code, band[0]], table.at[code, band[1]]
            text += " " + _("(90% band {low}-{high})").format(
                low=format_value(lo, col.decimals), high=format_value(hi, col.decimals)
            )
        if col.source == STOCK_SOURCE and bool(weak.get(code, False)):
            text += " " + _("(weak estimate)")
        texts.append(text)
    return texts
