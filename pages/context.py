"""National and Parkstad context: every municipality on a map and in a table, rank, percentile, peers, Parkstad."""

import streamlit as st

from geo import i18n
from geo.catalog import national_columns
from geo.i18n import _
from geo.report import context, method
from ui import contextmap, gemeente, settings, tables

st.title(_("National and Parkstad context"))
st.caption(_("Every Dutch municipality, from CBS Kerncijfers wijken en buurten 2022 (CBS / Kadaster via PDOK, "
             "CC BY 4.0). Each figure names the year it describes."))
if not contextmap.ready():
    st.error(_("The processed data is missing. Run `make data` (or `make run`, which builds it) and reload."))
    st.stop()

ss = st.session_state
table = contextmap.municipalities()
names = dict(zip(table["gemeente_code"], table["gemeente_name"], strict=True))
options = list(national_columns.BY_NAME)
ss.setdefault("ctx.indicator", "gm_pct_bottom40_households")  # the registry's default (geo.links)
chosen = gemeente.current()  # the municipality of the switch is the one highlighted by default
fallback = chosen.code if chosen.code in names else next(iter(sorted(names, key=names.get)))
ss.setdefault("ctx.gemeente", fallback)
if ss["ctx.gemeente"] not in names:
    st.info(_("The municipality in the link is unknown; showing {name}.").format(name=names[fallback]))
    ss["ctx.gemeente"] = fallback
if chosen.code not in names:
    st.caption(_("{gemeente} is not in the national table of 2022 (a municipality formed later, or a code CBS did not "
                 "use then).").format(gemeente=chosen.name))

titles = {c: national_columns.BY_NAME[c].display_label_with_unit() for c in options}  # translated now
c1, c2 = st.columns([3, 2])
c1.selectbox(_("Figure"), options, format_func=titles.get, **settings.widget_kwargs("ctx.indicator"),
             help=_("Figures of the KWB 2022 edition; the year each describes is shown with it."))
c2.selectbox(_("Municipality"), sorted(names, key=names.get), format_func=names.get,
             **settings.widget_kwargs("ctx.gemeente"))
indicator, code = ss["ctx.indicator"], ss["ctx.gemeente"]
col = national_columns.BY_NAME[indicator]
year = col.extra["year"]
title = _("{figure}, {year}").format(figure=col.display_label_with_unit(), year=year)

# ---- the municipality's position -------------------------------------------------------------------------
pos = context.position(table, indicator, code)
m1, m2, m3 = st.columns(3)
m1.metric(_("{name}, {year}").format(name=names[code], year=year), contextmap.metric_text(pos["value"], indicator),
          help=_("{meaning} Unit: {unit}.").format(meaning=col.display_meaning(), unit=col.display_unit()))
m2.metric(_("Rank (1 = highest)"),
          _("{rank} of {n}").format(rank=i18n.number(pos["rank"]), n=i18n.number(pos["n"]))
          if pos["rank"] is not None else i18n.number(None),
          help=_("Among the municipalities with a value; a municipality without one has no rank."))
m3.metric(_("Percentile"), i18n.number(pos["percentile"], 0),
          help=_("Share of the municipalities with a value that have a lower value."))
st.caption(_("{meaning} Year: {year}. Source: CBS, Kerncijfers wijken en buurten 2022 ({cbs}).").format(
    meaning=col.display_meaning(), year=year, cbs=col.extra["cbs"]))

contextmap.show(indicator, code, title)

# ---- Parkstad and comparable municipalities --------------------------------------------------------------------
st.subheader(_("Parkstad and comparable municipalities"))
rows, basis = context.context_table(table, indicator, code)
rows["group"] = rows["group"].map(lambda g: _(context.GROUPS[g]))
spec = {**context.CONTEXT_TABLE, "value": (context.CONTEXT_TABLE["value"][0], f"%.{col.decimals}f")}
tables.show(rows, spec, column_config={"value": title}, download=_("Municipalities compared"),
            download_settings={_("Figure"): titles[indicator], _("Municipality"): names[code]})
own = table.loc[table["gemeente_code"] == code].iloc[0]
urbanity = own[national_columns.URBANITY]
st.caption(_("Comparable: {basis} {name}: urbanity class {urbanity}, {inhabitants} inhabitants (2022). Rank and "
             "percentile are national.").format(
    basis=_(context.BASIS[basis]), name=names[code], urbanity=i18n.number(urbanity),
    inhabitants=i18n.number(own[national_columns.SIZE])))

with st.expander(_("All municipalities, ranked")):
    ranked = context.ranking(table, indicator)
    tables.show(ranked, {**context.RANKING_TABLE, "value": (context.RANKING_TABLE["value"][0],
                                                             f"%.{col.decimals}f")},
                column_config={"value": title}, download=_("Municipalities ranked"))

with st.expander(_("How these figures are made")):
    st.markdown(method.section("national"))
    national = contextmap.national_summary()
    st.caption(_("Municipalities: {n}. Invalid outlines repaired by the build: {repaired} ({codes}).").format(
        n=national.get("municipalities", "–"), repaired=national.get("invalid_geometries_repaired", "–"),
        codes=", ".join(national.get("repaired", [])) or "–"))
