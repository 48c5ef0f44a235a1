"""The briefing as a one-page A4 PDF (fpdf2: pure Python, maintained, embeds a TTF font and the map PNG).

The page is laid out top to bottom: title and date, the map beside the plain-language sentences, the key figures,
the top ten, the assumptions and a footer with sources and licences. If the content does not fit on one page at
the normal size, it is laid out again a little smaller, so the result is always exactly one page.
"""

from __future__ import annotations

import functools
import io
import math
import os
import tempfile
from pathlib import Path

import matplotlib
from fontTools import subset
from fpdf import FPDF
from fpdf.enums import TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace
from PIL import Image

from geo import i18n
from geo.i18n import _
from geo.report.briefing import Briefing

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu Sans: every glyph we need, incl. € ₂ ³ –
FONT = "DejaVu"
MARGIN = 12.0  # mm
# Basic Latin to Latin Extended-B (buurt names), general punctuation, super- and subscripts (m³, CO₂), currency (€),
# letter-like symbols, arrows and mathematical operators (×, ≥).
UNICODES = (*range(0x20, 0x250), *range(0x2000, 0x2300))
SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.74, 0.68, 0.62)
GREY = (90, 90, 90)


@functools.cache
def _fonts() -> tuple[str, str]:
    """DejaVu Sans regular and bold cut down to the Latin, punctuation, currency and maths ranges, once per process.

    fpdf2 parses every glyph of a font it is given, for every document; DejaVu has about 6,000, and parsing them
    was a third of the briefing's time. The cut-down copies (about 900 glyphs, kept in the system's temp folder)
    hold every character the briefing writes; if fontTools cannot make them, the full fonts are used.
    """
    folder = Path(tempfile.gettempdir()) / f"buurtkompas-fonts-{matplotlib.__version__}"
    out = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        target = folder / name
        try:
            if not target.exists():
                folder.mkdir(exist_ok=True)
                options = subset.Options()
                options.notdef_outline, options.name_IDs, options.drop_tables = True, ["*"], ["FFTM"]
                font = subset.load_font(str(FONT_DIR / name), options)
                subsetter = subset.Subsetter(options)
                subsetter.populate(unicodes=UNICODES)
                subsetter.subset(font)
                partial = target.with_suffix(f".{os.getpid()}.tmp")
                subset.save_font(font, str(partial), options)
                partial.replace(target)  # atomic: a parallel process never reads half a font
            out.append(str(target))
        except (OSError, ValueError, KeyError):  # pragma: no cover (a read-only temp folder)
            out.append(str(FONT_DIR / name))
    return out[0], out[1]


class _Overflow(Exception):
    """The content ran onto a second page: lay it out again smaller."""


class _Page(FPDF):
    def __init__(self, scale: float, measure: bool = False):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.scale, self.measure = scale, measure
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        regular, bold = _fonts()
        self.add_font(FONT, "", regular)
        self.add_font(FONT, "B", bold)
        self.set_title("Buurtkompas")
        self.set_creator("Buurtkompas (fpdf2)")

    def font(self, size: float, bold: bool = False, colour=(0, 0, 0)) -> float:
        """Set the font at ``size`` points times the page's scale; return the matching line height in mm."""
        self.set_font(FONT, "B" if bold else "", size * self.scale)
        self.set_text_color(*colour)
        return size * self.scale * 0.45

    def check(self) -> None:
        """Stop early when the content has run onto a second page (unless measuring how much it needs)."""
        if self.page_no() > 1 and not self.measure:
            raise _Overflow

    def used(self) -> float:
        """Height in mm the content has taken so far, over all pages."""
        return (self.page_no() - 1) * (self.eph) + self.get_y() - MARGIN

    def heading(self, text: str) -> None:
        self.check()
        self.ln(1.5 * self.scale)
        h = self.font(10, bold=True)
        self.cell(0, h + 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _fit(png: bytes, max_w: float, max_h: float) -> tuple[float, float]:
    """Width and height in mm of the map inside a max_w x max_h box, keeping its aspect."""
    if not png:
        return max_w, 0.0
    with Image.open(io.BytesIO(png)) as image:
        aspect = image.height / image.width
    return (max_w, max_w * aspect) if max_w * aspect <= max_h else (max_h / aspect, max_h)


def _layout(b: Briefing, scale: float, measure: bool = False) -> _Page:
    pdf = _Page(scale, measure)
    pdf.add_page()
    width = pdf.epw
    pdf.font(16, bold=True)
    pdf.multi_cell(0, 16 * scale * 0.45, b.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    h = pdf.font(9, colour=GREY)
    pdf.cell(0, h + 1, b.subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    top = pdf.get_y() + 1
    map_w, map_h = _fit(b.map_png, 108 * scale, 84 * scale)
    if b.map_png:
        pdf.image(io.BytesIO(b.map_png), x=MARGIN, y=top, w=map_w, h=map_h)
    map_bottom = top + map_h
    pdf.set_xy(MARGIN + map_w + 4, top + 2)
    h = pdf.font(10.5)
    for sentence in b.summary:
        pdf.set_x(MARGIN + map_w + 4)
        pdf.multi_cell(width - map_w - 4, h + 0.7, sentence, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5 * scale)
    pdf.set_y(max(map_bottom, pdf.get_y()) + 1)

    pdf.heading(_("Key figures"))
    h = pdf.font(7.5)
    bold = FontFace(emphasis="BOLD")
    with pdf.table(col_widths=(0.24 * width, 0.1 * width, 0.66 * width), first_row_as_headings=False,
                   borders_layout=TableBordersLayout.HORIZONTAL_LINES, line_height=h + 0.1, padding=0.6,
                   text_align=("LEFT", "RIGHT", "LEFT"), width=width) as t:
        for f in b.figures:
            row = t.row()
            row.cell(f"{f['label']}, {f['year']}")
            row.cell(f["value"], style=bold)
            row.cell(f["comparison"])

    pdf.heading(b.top_title)
    pdf.font(7.5)
    ncols = len(b.top.columns)
    # rank, buurt, wijk, then the numbers (the last, households, needs room for its Dutch heading)
    widths = ([0.052, 0.19, 0.278, 0.05] + [0.074] * (ncols - 6) + [0.095, 0.113])[:ncols]
    widths = [w / sum(widths) for w in widths]
    _top_ten(pdf, b, [w * width for w in widths], h + 1.2)

    pdf.heading(_("Assumptions"))
    h = pdf.font(7.5)
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


def _clip(pdf: _Page, text: str, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` mm in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _two_lines(pdf: _Page, text: str, width: float) -> list[str]:
    """A heading over at most two lines of ``width`` mm: as many words as fit on the first, the rest below."""
    words = text.split(" ")
    for n in range(len(words), 0, -1):
        if pdf.get_string_width(" ".join(words[:n])) <= width or n == 1:
            return [" ".join(words[:n]), " ".join(words[n:])]
    return [text, ""]


def _top_ten(pdf: _Page, b: Briefing, widths: list[float], row_h: float) -> None:
    """The top ten as one line per buurt (plain cells: a tenth of the cost of a wrapping table)."""
    align = ["R", "L", "L"] + ["R"] * (len(widths) - 3)
    pdf.font(7.5, bold=True)
    heads = [_two_lines(pdf, str(c), w - 1) for c, w in zip(b.top.columns, widths, strict=True)]
    for line in (0, 1):
        if line == 1 and not any(hd[1] for hd in heads):
            break
        for hd, w, a in zip(heads, widths, align, strict=True):
            pdf.cell(w, row_h - 0.8, _clip(pdf, hd[line], w - 1), align=a)
        pdf.ln(row_h - 0.8)
    pdf.font(7.5)
    for r in b.top.itertuples(index=False):
        y = pdf.get_y()
        pdf.line(MARGIN, y, MARGIN + sum(widths), y)
        for v, w, a in zip(r, widths, align, strict=True):
            pdf.cell(w, row_h, _clip(pdf, str(v), w - 1), align=a)
        pdf.ln(row_h)
    pdf.line(MARGIN, pdf.get_y(), MARGIN + sum(widths), pdf.get_y())


def to_pdf(b: Briefing) -> bytes:
    """The briefing as PDF bytes: always exactly one A4 page (smaller type when the content is long).

    Laid out once at the normal size; when that runs over, the height it needed gives the first smaller size to
    try, so a long briefing costs two or three layouts rather than one per size step.
    """
    with i18n.language(b.lang):  # headings in the briefing's language, whatever the caller's
        pdf = _layout(b, SCALES[0], measure=True)
        if pdf.page_no() == 1:
            return bytes(pdf.output())
        # Wrapped text shrinks with the square of the type size (fewer and shorter lines), table rows in
        # proportion: the square root of the ratio is the first size worth trying.
        guess = math.sqrt(pdf.eph / pdf.used())
        for scale in [sc for sc in SCALES[1:] if sc <= guess + 0.02]:
            try:
                return bytes(_layout(b, scale).output())
            except _Overflow:
                continue
    raise ValueError("the briefing does not fit on one page even at the smallest type size")
