"""Method text of the retrofit and new-build targeting (issue 5) for the Data & method page.

Pure: collects the ``METHOD_MARKDOWN`` of the model modules (each once) and adds what the
Retrofit and New-build pages themselves assume. No Streamlit.
"""

from __future__ import annotations

from geo.metrics import income
from geo.targeting import budget, newbuild, newbuild_score, retrofit, savings

PAGE_NOTES = """
### Retrofit and New-build pages: what the pages add

- **Estimates.** Dwelling counts per label class, tenure, build period and dwelling type come from the estimated
  housing stock (VIVET raked to the CBS buurt figures); they are fractional and marked as estimates on the pages
  and in the CSV export.
- **Editable costs.** The cost per label step per dwelling type is an editable table. Empty cells, text, zero or
  negative numbers and values above EUR 200,000 per step fall back to the default of that type, with a message.
- **Today's CO2 of a buurt** = dwellings x (measured gas per dwelling x gas factor + measured electricity per dwelling
  x electricity factor); the share saved is the retrofit saving divided by it. The upgrade itself leaves
  electricity use unchanged, so the electricity factor only affects this share.
- **Housing target.** The target numbers are editable; the cumulative target path runs linearly from 0 in the
  start year to the 2030 and 2032 targets. The household start value, the trend and the dwelling stock are CBS KWB
  figures for Heerlen.
- **Suggested allocation.** The homes to allocate are shared in proportion to the score over the best-scoring
  buurten (default 10, setting) plus every marked transformation location, in whole homes (largest remainder).
  The user's edits are taken as the plan; text, empty cells and negative numbers fall back to the suggestion for
  that buurt, with a message. Progress = homes in the plan / target.
- **Demolition versus retrofit.** Demolition removes all gas use of a dwelling (new homes are assumed gas-free),
  a retrofit only the difference between two labels, so per dwelling the CO2 effect of thinning is several times
  that of a retrofit. Embodied CO2 of demolition and construction is not counted.
"""


def method_markdown() -> str:
    """Markdown sections for the Data & method page: retrofit, income model, costs, new-build, page notes.

    Each module's ``METHOD_MARKDOWN`` appears once (``retrofit_savings`` and ``newbuild_score``
    re-export the text of ``retrofit`` and ``newbuild``).
    """
    parts = [retrofit.METHOD_MARKDOWN, savings.METHOD_MARKDOWN, income.METHOD_MARKDOWN,
             budget.METHOD_MARKDOWN, newbuild.METHOD_MARKDOWN, newbuild_score.METHOD_MARKDOWN, PAGE_NOTES]
    unique = list(dict.fromkeys(p.strip() for p in parts))
    return "\n\n".join(unique) + "\n"
