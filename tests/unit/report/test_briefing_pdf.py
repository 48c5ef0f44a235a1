"""The PDF briefing: exactly one A4 page, the figures of the screen in it, Dutch by default, English when asked."""

import datetime as dt
import io

import pypdf
import pytest

from geo import i18n
from geo.report import briefing, briefing_pdf
from tests.unit.report.conftest import HOSTILE


def _pdf(town, lang="nl", area="gemeente", extra=None):
    with i18n.language(lang):
        doc = briefing.build(**town, area=briefing.select(town["table"], area), extra=extra,
                             day=dt.date(2026, 11, 26), map_dpi=60)
        return doc, briefing_pdf.to_pdf(doc)


def _text(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_pdf_is_one_a4_page_with_every_figure_in_dutch_by_default(mini_town):
    doc, pdf = _pdf(mini_town)
    pages, text = _text(pdf)
    assert pages == 1
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210 and round(float(box.height) / 72 * 25.4) == 297
    assert "Energiearmoede in Heerlen" in text and "Kerncijfers" in text and "26 november 2026" in text
    for f in doc.figures:
        assert _flat(f["value"]) in _flat(text), f["label"]
    assert "4.500" in text and "1.170" in text  # Dutch number format
    assert HOSTILE in text  # in a PDF a buurt name is text, not markup: shown as written


def test_the_pdf_is_english_when_asked(mini_town):
    doc, pdf = _pdf(mini_town, "en")
    pages, text = _text(pdf)
    assert pages == 1 and "Energy poverty in Heerlen" in text and "Key figures" in text and "4,500" in text
    assert "Aannames" not in text and "Bronnen" not in text


def test_long_content_is_set_smaller_so_the_briefing_stays_one_page(mini_town):
    doc, pdf = _pdf(mini_town, extra={"scenario": "a very long scenario description " * 60})
    assert _text(pdf)[0] == 1 and "…" in doc.assumptions[-1][1] and len(doc.assumptions[-1][1]) <= 161  # cut
    doc.summary = doc.summary * 4
    doc.assumptions = doc.assumptions * 4
    assert _text(briefing_pdf.to_pdf(doc))[0] == 1
    doc.assumptions = doc.assumptions * 40
    with pytest.raises(ValueError, match="one page"):
        briefing_pdf.to_pdf(doc)
