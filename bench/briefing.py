"""Time to generate the one-page briefing (PDF and HTML) for Heerlen, as a download click does.

What is timed is what the Overview's download button runs: :func:`geo.report.briefing.build` (sentences, figures,
top ten, the static map drawn with matplotlib) and :func:`geo.report.briefing_pdf.to_pdf`; the HTML is timed on its
own. The processed inputs are read once beforehand, as the app holds them in its caches. Median of >= 5 runs.
``python -m bench.briefing`` prints the figures and writes a PDF to ``build/briefing-heerlen-nl.pdf``.
"""

from __future__ import annotations

import sys

from bench.timing import median_ms
from geo import config, i18n
from geo.report import briefing, briefing_data, briefing_pdf

BUDGET_S = 2.0


def _pdf(inputs: dict, area: briefing.Area, lang: str) -> bytes:
    with i18n.language(lang):
        return briefing_pdf.to_pdf(briefing.build(**inputs, area=area))


def _html(inputs: dict, area: briefing.Area, lang: str) -> bytes:
    with i18n.language(lang):
        return briefing.to_html(briefing.build(**inputs, area=area))


def figures(repeats: int = 5, lang: str = "nl") -> dict:
    """Median generation time in ms of the PDF for Heerlen and for one wijk, and of the HTML for Heerlen."""
    repeats = max(5, repeats)
    inputs = briefing_data.inputs()
    heerlen = briefing.select(inputs["table"])
    wijk = briefing.select(inputs["table"], str(inputs["table"]["wijk_code"].iloc[0]))
    _pdf(inputs, heerlen, lang)  # warm: fonts parsed, matplotlib imported
    return {
        "pdf_ms": median_ms(lambda: _pdf(inputs, heerlen, lang), repeats),
        "pdf_wijk_ms": median_ms(lambda: _pdf(inputs, wijk, lang), repeats),
        "html_ms": median_ms(lambda: _html(inputs, heerlen, lang), repeats),
        "pdf": _pdf(inputs, heerlen, lang),
    }


def budget_row(result: dict) -> tuple[str, str, bool]:
    """The row of ``make bench``'s budget table: (name, measured, within budget)."""
    worst = max(result["pdf_ms"], result["pdf_wijk_ms"], result["html_ms"])
    return (f"One-page briefing generated (PDF, Heerlen or a wijk; HTML) <= {BUDGET_S:g} s",
            f"PDF {result['pdf_ms'] / 1000:.2f} s (wijk {result['pdf_wijk_ms'] / 1000:.2f} s), "
            f"HTML {result['html_ms'] / 1000:.2f} s", worst <= BUDGET_S * 1000)


def main(argv: list[str]) -> int:
    result = figures(5)
    name, value, ok = budget_row(result)
    out = config.ROOT / "build" / "briefing-heerlen-nl.pdf"
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(result["pdf"])
    print(f"{name}: {value} -> {'ok' if ok else 'BROKEN'} ({out.relative_to(config.ROOT)}, {len(result['pdf']):,} "
          "bytes)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
