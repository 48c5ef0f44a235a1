"""The one-page briefing: what it says (area, sentences, figures, top ten, assumptions, sources) and its HTML form.

:func:`build` gathers the content in the language in force (call it inside ``with i18n.language(lang)``); the PDF
(:mod:`geo.report.briefing_pdf`) and the self-contained HTML (:func:`to_html`) render the same content, so what a
council member reads on paper is what the Overview shows. Pure Python: the caller passes the tables, the settings
and the other pages' assumptions as a plain dict.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo import config, i18n
from geo.catalog import dictionary, sources
from geo.catalog.benchmarks import MONITOR
from geo.catalog.index_components import COMPONENTS
from geo.i18n import N_, _
from geo.map import static
from geo.params import IndexSettings, Prices, QuoteThreshold
from geo.report import overview

GEMEENTE_AREA = "gemeente"  # the value of ``ov.area`` for the whole municipality
MAP_UNIT = "%"
METHODS = {"minmax": N_("min-max"), "rank": N_("rank"), "zscore": N_("z-score")}
MISSING = {"reweight": N_("weights shared over the components a buurt has"), "median": N_("median of the buurten"),
           "exclude": N_("no index for the buurt")}
EXTRA_MAX = 160  # characters of a free-text assumption on the page


@dataclass(frozen=True)
class Area:
    """The area a briefing describes: its name, its buurt codes, whether it is the whole gemeente, and the gemeente."""

    name: str
    codes: tuple[str, ...]
    whole: bool
    gemeente: str = config.GEMEENTE_NAME


@dataclass
class Briefing:
    """Everything on the page, as text in one language (plus the map as PNG bytes)."""

    title: str
    subtitle: str
    summary: list[str]
    figures: list[dict]
    top: pd.DataFrame
    top_title: str
    assumptions: list[tuple[str, str]]
    sources: list[str]
    map_png: bytes = b""
    map_title: str = ""
    lang: str = "nl"
    notes: list[str] = field(default_factory=list)


def select(table: pd.DataFrame, area: str = GEMEENTE_AREA, buurten=(), gemeente: str = config.GEMEENTE_NAME) -> Area:
    """The area for ``ov.area`` (``"gemeente"`` or a wijk code) and ``ov.buurten`` (buurt codes; these win).

    Unknown codes are ignored; when nothing valid is left, the whole gemeente (named ``gemeente``).
    """
    chosen = tuple(c for c in dict.fromkeys(buurten or ()) if c in table.index)
    if chosen:
        name = i18n.ngettext("{n} chosen buurt", "{n} chosen buurten", len(chosen)).format(n=len(chosen))
        if len(chosen) == 1:
            name = str(table.loc[chosen[0], "buurt_name"])
        return Area(name, chosen, False, gemeente)
    if area != GEMEENTE_AREA and "wijk_code" in table and (table["wijk_code"] == area).any():
        part = table[table["wijk_code"] == area]
        return Area(str(part["wijk_name"].iloc[0]), tuple(part.index), False, gemeente)
    return Area(gemeente, tuple(table.index), True, gemeente)


def summary(area: Area, table: pd.DataFrame, meta: dict, threshold: QuoteThreshold) -> list[str]:
    """Three or four plain sentences from the data.

    Each figure with its year and, where like-for-like, the national one.
    """
    part = table.loc[list(area.codes)]
    lihelek = overview.energy_poor_figure(part, meta)
    nl = overview.NATIONAL_LIHELEK
    out = [_("In {area} an estimated {pct} of households are energy poor (LIHELEK; incomes {income}, energy use "
             "{use}); in the Netherlands it was {nl} in {nl_year}.").format(
        area=area.name, pct=lihelek["value"], income=overview._year_of(meta, "pct_low_income"),
        use=overview._year_of(meta, "gas_m3"), nl=i18n.percent(nl.value, 1), nl_year=nl.year)]
    worst = part.dropna(subset=[overview.HEADLINE]).sort_values(overview.HEADLINE, ascending=False).head(3)
    if len(worst) > 1:
        names = [_("{name} ({pct})").format(name=r.buurt_name, pct=i18n.percent(getattr(r, overview.HEADLINE), 0))
                 for r in worst.itertuples()]
        out.append(_("The share is highest in {first}, {second} and {third}.").format(
            first=names[0], second=names[1], third=names[2]) if len(names) == 3 else
            _("The share is highest in {first}, then {second}.").format(first=names[0], second=names[1]))
    if "pct_heq_households" in part:
        heq = overview.household_weighted(part, "pct_heq_households")
        out.append(_("{pct} of households spend at least {threshold} of their income on energy (HEQ, estimate; "
                     "national {nl} in {nl_year}).").format(
            pct=i18n.percent(heq, 1), threshold=i18n.percent(threshold.pct, 0),
            nl=i18n.percent(overview.NATIONAL_HEQ.value, 1), nl_year=overview.NATIONAL_HEQ.year))
    missing = int(part[overview.HEADLINE].isna().sum()) if overview.HEADLINE in part else len(part)
    if missing:
        out.append(i18n.ngettext("{n} of the {all} buurten has no estimate: CBS suppresses its figures.",
                                 "{n} of the {all} buurten have no estimate: CBS suppresses their figures.",
                                 missing).format(n=missing, all=len(part)))
    return out


def assumptions(prices: Prices, threshold: QuoteThreshold, index: IndexSettings, extra: dict | None = None
                ) -> list[tuple[str, str]]:
    """The settings in force as (label, value) rows; ``extra`` holds the other pages' choices when made.

    ``extra`` keys (each optional): ``target_label`` (retrofit target label), ``budget_meur`` (retrofit budget in
    million euro), ``dwellings`` (retrofit dwellings per year instead of a budget), ``scenario`` (new-build text).
    """
    weights = ", ".join([f"{_(COMPONENTS[k].label)} {i18n.number(w, 1)}" for k, w in index.weights if w > 0]
                        + [f"{u.label[:60]} {i18n.number(u.weight, 1)}" for u in index.user if u.weight > 0])
    rows = [
        (_("Index weights"), weights),
        (_("Index method"), _("normalisation {method}, missing values: {missing}").format(
            method=_(METHODS.get(index.method, index.method)), missing=_(MISSING.get(index.missing, index.missing)))),
        (_("High energy quote"), _("at or above {pct} of income").format(pct=i18n.percent(threshold.pct, 0))),
        (_("Energy prices"), _("gas {gas} per m³, electricity {electricity} per kWh (prices of {year}, CBS)").format(
            gas=i18n.money(prices.gas_eur_per_m3, 3), electricity=i18n.money(prices.electricity_eur_per_kwh, 3),
            year=prices.year)),
    ]
    extra = {k: (v[:EXTRA_MAX] + "…" if isinstance(v, str) and len(v) > EXTRA_MAX else v)
             for k, v in (extra or {}).items()}  # a text typed elsewhere in the app never pushes the page over
    if extra.get("target_label"):
        rows.append((_("Retrofit target label"), str(extra["target_label"])))
    if extra.get("budget_meur") is not None:
        rows.append((_("Retrofit budget"), _("{amount} million").format(amount=i18n.money(extra["budget_meur"], 1))))
    elif extra.get("dwellings") is not None:
        rows.append((_("Retrofit dwellings per year"), i18n.number(extra["dwellings"])))
    if extra.get("scenario"):
        rows.append((_("New-build scenario"), str(extra["scenario"])))
    return rows


def source_lines() -> list[str]:
    """Sources and licences of the data on the page (from :data:`geo.catalog.sources.SOURCES`)."""
    used = ("buurten", "kwb", "benefits", "vivet", "gemeenten")
    lines = [_("{publisher}, {title} ({period}; {licence})").format(publisher=_(s.publisher), title=_(s.title),
                                                                   period=_(s.period), licence=_(s.licence))
             for k, s in sources.SOURCES.items() if k in used]
    lines.append(_("Prices: CBS StatLine 81309NED (CC BY 4.0). National comparisons: {monitor}.").format(
        monitor=MONITOR))
    lines.append(_("Made with Buurtkompas. Figures marked as estimates are model results; the method is on the "
                   "Data & method page."))
    return lines


def map_style(indicator: str) -> tuple[str, int, str, bool]:
    """How the static map draws ``indicator``: legend title, decimals, unit after each class, dark = low values.

    The headline (LIHELEK) keeps its short title; any other map indicator is named as the data dictionary names it,
    with its unit in the title (class labels then carry a unit only when it is a percentage).
    """
    if indicator == overview.HEADLINE:
        return _("Energy poor (LIHELEK), estimated, % of households"), 1, MAP_UNIT, False
    column = dictionary.BY_NAME[indicator]
    unit = MAP_UNIT if column.unit.startswith("%") else ""
    return column.display_label_with_unit(), column.decimals, unit, column.higher_is_worse is False


def static_map(shapes: gpd.GeoDataFrame, table: pd.DataFrame, indicator: str, highlight: frozenset,
               wijken: gpd.GeoDataFrame | None, dpi: int) -> tuple[bytes, str]:
    """The PNG of ``indicator`` per buurt (classes told apart by hatching as well as colour) and its title."""
    title, decimals, unit, reverse = map_style(indicator)
    values = table[indicator].reindex(shapes["buurt_code"])
    fig = static.figure(shapes, values, title, decimals, unit, reverse=reverse, highlight=highlight, wijken=wijken)
    return static.png(fig, dpi), title


def build(table: pd.DataFrame, gemeente: pd.DataFrame, meta: dict, shapes: gpd.GeoDataFrame,
          wijken: gpd.GeoDataFrame | None, prices: Prices, threshold: QuoteThreshold, index: IndexSettings,
          area: Area, extra: dict | None = None, day: dt.date | None = None, map_dpi: int = 150,
          indicator: str = overview.HEADLINE) -> Briefing:
    """The briefing's content in the language in force.

    ``table`` is the buurt table under the current settings (index included), indexed by buurt code; ``shapes``
    the buurt shapes with a ``buurt_code`` column; ``indicator`` the map's indicator (the Overview's current one).
    """
    part = table.loc[list(area.codes)]
    figures = (overview.headline_figures(gemeente, table, meta, prices, threshold, area.gemeente) if area.whole
               else overview.area_figures(part, table, gemeente, meta, prices, threshold, area.gemeente))
    map_png, map_title = static_map(shapes, table, indicator, frozenset() if area.whole else frozenset(area.codes),
                                    wijken, map_dpi)
    return Briefing(
        title=_("Energy poverty in {area}").format(area=area.name),
        subtitle=_("Buurtkompas briefing, {date}").format(date=i18n.date(day or dt.date.today())),
        summary=summary(area, table, meta, threshold),
        figures=figures,
        top=overview.top_buurten(part, 10),
        top_title=_("Buurten with the highest energy-poverty index"),
        assumptions=assumptions(prices, threshold, index, extra),
        sources=source_lines(),
        map_png=map_png,
        map_title=map_title,
        lang=i18n.current(),
    )


def to_html(b: Briefing) -> bytes:
    """The briefing as one self-contained HTML file (map embedded); every data string is escaped."""
    with i18n.language(b.lang):
        return _html(b)


def _html(b: Briefing) -> bytes:
    e = html.escape
    figures = "".join(f"<tr><td>{e(f['label'])}<br><small>{e(f['year'])}</small></td><td><b>{e(f['value'])}</b></td>"
                      f"<td>{e(f['comparison'])}</td></tr>" for f in b.figures)
    head = "".join(f"<th>{e(str(c))}</th>" for c in b.top.columns)
    top = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in r) + "</tr>"
                  for r in b.top.itertuples(index=False))
    settings = "".join(f"<li><b>{e(k)}</b>: {e(v)}</li>" for k, v in b.assumptions)
    image = base64.b64encode(b.map_png).decode("ascii")
    doc = f"""<!doctype html><html lang="{e(b.lang)}"><head><meta charset="utf-8"><title>{e(b.title)}</title>
<style>body{{font-family:"DejaVu Sans",sans-serif;max-width:780px;margin:1.5em auto;font-size:12px;color:#111}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #bbb;padding:3px;text-align:left;
vertical-align:top}}h1{{font-size:20px;margin:0}}h2{{font-size:14px;margin:12px 0 4px}}.map{{display:flex;gap:12px}}
.map img{{width:55%}}footer{{font-size:9px;color:#444;margin-top:10px}}@page{{size:A4;margin:12mm}}
@media print{{body{{margin:0}}}}</style></head><body>
<h1>{e(b.title)}</h1><p>{e(b.subtitle)}</p>
<div class="map"><img alt="{e(b.map_title)}" src="data:image/png;base64,{image}">
<div>{"".join(f"<p>{e(s)}</p>" for s in b.summary)}</div></div>
<h2>{e(_("Key figures"))}</h2><table>{figures}</table>
<h2>{e(b.top_title)}</h2><table><tr>{head}</tr>{top}</table>
<h2>{e(_("Assumptions"))}</h2><ul>{settings}</ul>
<footer><b>{e(_("Sources and licences"))}</b><br>{"<br>".join(e(s) for s in b.sources)}</footer></body></html>"""
    return doc.encode("utf-8")
