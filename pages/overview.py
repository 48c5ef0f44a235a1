"""Overview: the headline map, plain sentences, the figures, the top ten and the one-page briefing.

For the chosen municipality, a wijk or a chosen set of buurten; the briefing as PDF and HTML. A municipality with
wijk figures only gets its wijk table and a plain account of what it lacks (ui.wijklevel).
"""

import functools

import streamlit as st

from geo import i18n
from geo.catalog import dictionary
from geo.i18n import _
from geo.report import briefing, briefing_pdf, overview
from ui import data, gemeente, settings, tables, wijklevel

data.ensure_data()
m = gemeente.current()
st.title(_("Buurtkompas {gemeente}").format(gemeente=m.name))
if not m.has_buurten:
    wijklevel.overview(m)
    st.stop()
st.caption(_("Energy poverty and retrofit potential per buurt, from CBS, Kadaster and PBL open data."))

s, lang, ss = settings.current(), i18n.current(), st.session_state
all_tables = data.tables()
table = data.current_table()
meta = all_tables["metadata"]["columns"]
shapes, wijken = data.map_shapes()
mtime = data.stamp(data.paths().buurten)

# ---- the area (ov.area: "gemeente" or a wijk code; ov.buurten: buurt codes; links may set both) ----------------
wijk_names = dict(table[["wijk_code", "wijk_name"]].drop_duplicates().itertuples(index=False))
buurt_names = table["buurt_name"].to_dict()
areas = [briefing.GEMEENTE_AREA, *sorted(wijk_names)]
if ss.get("ov.area", briefing.GEMEENTE_AREA) not in areas:
    st.info(_("The area in the link is unknown; showing all of {gemeente}.").format(gemeente=m.name))
    ss["ov.area"] = briefing.GEMEENTE_AREA
chosen = ss.get("ov.buurten") or []
chosen = list(chosen) if isinstance(chosen, (list, tuple)) else [chosen]
if any(not isinstance(c, str) or c not in buurt_names for c in chosen):
    st.info(_("Some buurten in the link are unknown and were left out."))
ss["ov.buurten"] = [c for c in chosen if isinstance(c, str) and c in buurt_names]
ss.setdefault("ov.area", briefing.GEMEENTE_AREA)
ss.setdefault("ov.buurten", [])
a1, a2 = st.columns(2)
# Option texts made now, in this run's language.
area_labels = {briefing.GEMEENTE_AREA: _("All of {gemeente}").format(gemeente=m.name), **wijk_names}
a1.selectbox(_("Area"), areas, **settings.widget_kwargs("ov.area"), format_func=area_labels.get,
             help=_("The map, the sentences, the figures, the top ten and the briefing describe this area."))
a2.multiselect(_("Or choose buurten"), sorted(buurt_names, key=buurt_names.get), **settings.widget_kwargs("ov.buurten"),
               format_func=buurt_names.get, placeholder=_("Choose one or more buurten"),
               help=_("Chosen buurten take the place of the area on the left."))
area = briefing.select(table, ss["ov.area"], ss["ov.buurten"], m.name)
part = table.loc[list(area.codes)]


@st.cache_data(show_spinner=False, max_entries=32)
def area_map(settings_key, indicator: str, codes: tuple, whole: bool, lang: str, mtime: float) -> bytes:
    """The static map of the Overview's indicator (also the briefing's), keyed on language and settings."""
    with i18n.language(lang):
        return briefing.static_map(shapes, data.current_table(), indicator, frozenset() if whole else frozenset(codes),
                                   wijken, 110)[0]


left, right = st.columns([3, 2])
present = data.current_table().columns
indicators = {c: dictionary.label_with_unit(c) for c in dictionary.map_indicators(present)}  # in this language
left.selectbox(_("Map"), list(indicators), format_func=indicators.get, **settings.widget_kwargs("ov.indicator"),
               help=_("The indicator on this map and on the briefing's map. The sentences stay on LIHELEK."))
left.image(area_map(s, ss["ov.indicator"], area.codes, area.whole, lang, mtime), width="stretch")
with right:
    st.subheader(area.name)
    for sentence in briefing.summary(area, table, meta, s.quote_threshold):
        st.markdown(sentence.replace("$", "\\$"))
    st.caption(_("Map: hatching and shade grow with the share, so the map reads in black and white too."))

# ---- figures -----------------------------------------------------------------------------------------------
if area.whole:
    figures = overview.headline_figures(all_tables["gemeente"], table, meta, s.prices, s.quote_threshold, m.name)
else:
    figures = overview.area_figures(part, table, all_tables["gemeente"], meta, s.prices, s.quote_threshold, m.name)
st.subheader(_("Key figures"))
for row in range(0, len(figures), 4):  # rows of four, so each row's figures line up
    for col, fig in zip(st.columns(4), figures[row:row + 4], strict=False):
        detail = _("{help} Year: {year}.").format(help=fig["help"], year=fig["year"])
        col.metric(fig["label"], fig["value"], help=detail)
        col.caption(f"{fig['year']} · {fig['comparison']}")  # "2020. …" would read as a numbered list

st.subheader(_("Buurten with the highest energy-poverty index"))
tables.show(overview.top_buurten(part, 10))
st.caption(_("Index 0-100 under the current settings (Energy-poverty index page); higher = more energy poverty. "
             "Buurten whose figures CBS suppresses have no index (–)."))


# ---- the briefing: built only when a download button is clicked (a callable as data) -------------------------
def _extra() -> dict:
    """The other pages' choices in force, when the user has been there (plain values for geo)."""
    extra = {}
    if "rf.target" in ss:
        extra["target_label"] = ss["rf.target"]
        if ss.get("rf.mode") == "dwellings":
            extra["dwellings"] = ss.get("rf.dwellings")
        else:
            extra["budget_meur"] = ss.get("rf.budget")
    if "nb.allocate" in ss:
        extra["scenario"] = _("{n} new homes shared over the buurten").format(n=i18n.number(ss["nb.allocate"]))
    return extra


def _briefing(kind: str, language: str, inputs: tuple) -> bytes:
    """Runs on the click, outside the script run: everything it needs comes in as arguments."""
    with i18n.language(language):
        b = briefing.build(*inputs)
        return briefing_pdf.to_pdf(b) if kind == "pdf" else briefing.to_html(b)


inputs = (table, all_tables["gemeente"], meta, shapes, wijken, s.prices, s.quote_threshold, s.index, area, _extra(),
          None, 150, ss["ov.indicator"])
slug = m.code.lower() if area.whole else ("buurten" if ss["ov.buurten"] else "wijk")
st.subheader(_("Briefing"))
st.caption(_("One A4 page for a meeting: the map, the figures with their years, the top ten, the assumptions in "
             "force and the sources. The same content as a web page (HTML)."))
b1, b2 = st.columns(2)
b1.download_button(_("Download briefing (PDF)"), data=functools.partial(_briefing, "pdf", lang, inputs),
                   file_name=f"buurtkompas-{slug}-{lang}.pdf", mime="application/pdf", on_click="ignore",
                   icon=":material/picture_as_pdf:", key="ov.pdf")
b2.download_button(_("Download briefing (HTML)"), data=functools.partial(_briefing, "html", lang, inputs),
                   file_name=f"buurtkompas-{slug}-{lang}.html", mime="text/html", on_click="ignore",
                   icon=":material/code:", key="ov.html")
