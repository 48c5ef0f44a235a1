"""The briefing as a one-page A4 PDF (fpdf2: pure Python, maintained, embeds a TTF font and the map PNG).

The page is laid out top to bottom: title and date, the map beside the plain-language sentences, the key figures,
the top ten, the assumptions and a footer with sources and licences. If the content does not fit on one page at
the normal size, it is laid out again a little smaller, so the result is always exactly one page.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace

from geo import i18n
from geo.i18n import _
from geo.report.briefing import Briefing

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu Sans: every glyph we need, incl. € ₂ ³ –
FONT = "DejaVu"
MARGIN = 12.0  # mm
SCALES = (1.0, 0.93, 0.86, 0.8, 0.74, 0.68, 0.62)
GREY = (90, 90, 90)


class _Overflow(Exception):
    """The content ran onto a second page: lay it out again smaller."""


class _Page(FPDF):
    def __init__(self, scale: float):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.scale = scale
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_title("Buurtkompas")
        self.set_creator("Buurtkompas (fpdf2)")

    def font(self, size: float, bold: bool = False, colour=(0, 0, 0)) -> float:
        """Set the font at ``size`` points times the page's scale; return the matching line height in mm."""
        self.set_font(FONT, "B" if bold else "", size * self.scale)
        self.set_text_color(*colour)
        return size * self.scale * 0.45

    def check(self) -> None:
        """Stop early when the content has run onto a second page (saves laying out the rest)."""
        if self.page_no() > 1:
            raise _Overflow

    def heading(self, text: str) -> None:
        self.check()
        self.ln(1.5 * self.scale)
        h = self.font(10, bold=True)
        self.cell(0, h + 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _layout(b: Briefing, scale: float) -> _Page:
    pdf = _Page(scale)
    pdf.add_page()
    width = pdf.epw
    pdf.font(16, bold=True)
    pdf.multi_cell(0, 16 * scale * 0.45, b.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    h = pdf.font(9, colour=GREY)
    pdf.cell(0, h + 1, b.subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    top = pdf.get_y() + 1
    map_w = 108 * scale
    info = pdf.image(io.BytesIO(b.map_png), x=MARGIN, y=top, w=map_w) if b.map_png else None
    map_bottom = top + (info.rendered_height if info else 0)
    pdf.set_xy(MARGIN + map_w + 4, top + 2)
    h = pdf.font(10.5)
    for sentence in b.summary:
        pdf.set_x(MARGIN + map_w + 4)
        pdf.multi_cell(width - map_w - 4, h + 0.7, sentence, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5 * scale)
    pdf.set_y(max(map_bottom, pdf.get_y()) + 1)

    pdf.heading(_("Key figures"))
    h = pdf.font(7.8)
    bold = FontFace(emphasis="BOLD")
    with pdf.table(col_widths=(0.27 * width, 0.12 * width, 0.61 * width), first_row_as_headings=False,
                   borders_layout=TableBordersLayout.HORIZONTAL_LINES, line_height=h + 0.4, padding=0.6,
                   text_align=("LEFT", "RIGHT", "LEFT"), width=width) as t:
        for f in b.figures:
            row = t.row()
            row.cell(f"{f['label']}, {f['year']}")
            row.cell(f["value"], style=bold)
            row.cell(f["comparison"])

    pdf.heading(b.top_title)
    pdf.font(7.8)
    ncols = len(b.top.columns)
    widths = [0.05, 0.18, 0.25] + [0.52 / max(ncols - 3, 1)] * (ncols - 3)
    with pdf.table(col_widths=[w * width for w in widths[:ncols]], borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                   line_height=h + 0.4, padding=0.5, headings_style=bold, width=width,
                   text_align=("RIGHT", "LEFT", "LEFT") + ("RIGHT",) * (ncols - 3)) as t:
        header = t.row()
        for c in b.top.columns:
            header.cell(str(c))
        for r in b.top.itertuples(index=False):
            row = t.row()
            for v in r:
                row.cell(str(v))

    pdf.heading(_("Assumptions"))
    h = pdf.font(7.8)
    with pdf.table(col_widths=(0.22 * width, 0.78 * width), first_row_as_headings=False, line_height=h + 0.3,
                   borders_layout=TableBordersLayout.NONE, padding=0.3, width=width) as t:
        for label, value in b.assumptions:
            row = t.row()
            row.cell(label, style=bold)
            row.cell(value)

    pdf.check()
    pdf.ln(1.5 * scale)
    h = pdf.font(6.6, colour=GREY)
    pdf.multi_cell(0, h + 0.2, _("Sources and licences") + ": " + " · ".join(b.sources),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.check()
    return pdf


def to_pdf(b: Briefing) -> bytes:
    """The briefing as PDF bytes: always exactly one A4 page (smaller type when the content is long)."""
    for scale in SCALES:
        try:
            with i18n.language(b.lang):  # headings in the briefing's language, whatever the caller's
                pdf = _layout(b, scale)
            break
        except _Overflow:
            continue
    else:
        raise ValueError("the briefing does not fit on one page even at the smallest type size")
    return bytes(pdf.output())
