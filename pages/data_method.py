"""Data & method: every source, every column, how they were joined, what is missing and why, and the limits."""

import pandas as pd
import streamlit as st

from geo import i18n
from geo.catalog import dictionary, sources
from geo.i18n import _
from geo.report import method, trends, validation
from geo.report.tables import LABEL_GAP, LABEL_GAP_BY_TYPE
from ui import data, gemeente, tables, targeting, wijklevel

data.ensure_data()
st.title(_("Data & method"))
m = gemeente.current()
meta = data.tables()["metadata"]
if not m.has_buurten:
    wijklevel.method(m)
elif m.code not in validation.VALIDATED:
    st.info(_("The method texts and the list of sources below were written for the shipped data of {shipped} and "
              "name its figures and files as examples; the method is the same for {gemeente}, and the tables show "
              "the figures of {gemeente}. Its own files, each folder with its SOURCE.md (publisher, table, "
              "retrieval date, licence), are in `data/raw/{code}/`.")
            .format(shipped=", ".join(validation.VALIDATED.values()), gemeente=m.name, code=m.code))

st.header(_("Sources"))
tables.show(method.sources_table(), method.SOURCES_TABLE)
for key, src in sources.SOURCES.items():
    with st.expander(_("Provenance: {title} ({path})").format(title=_(src.title),
                                                                path=f"data/raw/{src.folder}/SOURCE.md")):
        st.markdown(method.source_markdown(key))

if not m.has_buurten:
    st.stop()
st.header(_("Data dictionary"))
st.caption(_("Every processed and derived column. 'Year' is the year a figure describes; 'kind' says whether it is "
             "a published CBS figure (measured), a formula on such figures (derived) or a model (estimated)."))
tables.show(pd.DataFrame(dictionary.describe(meta["columns"])))

st.header(_("Joining statistics to buurten"))
st.markdown(_("Statistics are joined to the CBS/Kadaster buurt polygons of 2023 by buurt code, explicitly per source "
              "year, because codes and boundaries can change between years."))
tables.show(method.join_table(meta["joins"]), method.JOIN_TABLE)

st.header(_("Coverage: which buurten lack which figures"))
st.markdown(_("CBS suppresses figures for buurten with few inhabitants or dwellings. These stay missing ('no data' on "
              "the map); they are never filled with zero."))
labels = {c: dictionary.label(c) for c in meta["suppressed"]}
tables.show(method.coverage_table(meta["suppressed"], labels), method.COVERAGE_TABLE)

st.header(_("Trends over the years"))
st.markdown(method.section("trends"))
buurt_names = data.buurten().set_index("buurt_code")["buurt_name"].to_dict()
tables.show(trends.matches_table(meta.get("trends", {}), buurt_names), trends.MATCHES_TABLE,
            download=_("Buurten matched per edition"))
tables.show(trends.years_table(meta.get("trends", {})), trends.YEARS_TABLE, download=_("Years per indicator"))

st.header(_("Derived indicators"))
st.markdown(method.section("indicators"))

st.header(_("Monitor Energiearmoede indicators per buurt"))
st.markdown(method.section("monitor"))
st.caption(_("The municipality's estimates beside the published national values: see Validation below."))

st.header(_("Energy-poverty index"))
st.markdown(method.section("index"))
tables.show(method.components_table(), method.COMPONENTS_TABLE)

st.header(_("Map"))
st.markdown(method.section("classification"))
st.markdown(method.section("simplification"))

st.header(_("Energy labels and the housing stock per buurt"))
summary = meta.get("stock", {})
basis = summary.get("stock_basis")
st.info(_("Basis of the stock figures: **{basis}**. Estimated figures are marked 'estimated' in the data dictionary "
          "and on the map.").format(basis=_(method.STOCK_BASIS.get(basis, method.STOCK_BASIS[None]))))
st.markdown(method.section("stock"))
c1, c2, c3 = st.columns(3)
c1.metric(_("Median gas-use error"), i18n.percent(summary.get("gas_median_abs_error_pct")),
          help=_("Per buurt: absolute % error of the predicted against the measured CBS gas use, over {n} buurten; "
                 "this is the median.").format(n=summary.get("gas_buurten_checked", "–")))
c2.metric(_("Worst buurt"), i18n.percent(summary.get("gas_worst_error_pct")),
          help=str(summary.get("gas_worst_buurt", "–")))
c3.metric(_("Weak estimates"), _("{weak} of {total}").format(
    weak=summary.get("quality_counts", {}).get("weak", 0), total=summary.get("buurten_with_estimate", "–")),
    help=_("Buurten with a weak estimate of the housing stock."))
st.caption(_("Worst buurt: {worst}. Weak: {weak}.").format(worst=summary.get("gas_worst_buurt", "–"),
                                                            weak=", ".join(summary.get("weak_buurten", [])) or "–"))
stock_tables = data.tables()
st.subheader(_("Check per buurt: predicted against measured gas use"))
tables.show(method.stock_validation_table(stock_tables["stock_validation"]), method.STOCK_VALIDATION_TABLE)
st.subheader(_("Do the buurt estimates add up to the VIVET totals of {gemeente}?").format(gemeente=m.name))
tables.show(method.stock_checks_table(stock_tables["stock_checks"], stock_tables["stock_validation"]),
            method.STOCK_CHECKS_TABLE)

st.header(_("Retrofit and new-build models"))
st.markdown(method.targeting_markdown())
if data.paths().label_factors.exists():
    st.subheader(_("Label gap: the factors of {gemeente} against the measured gaps (A versus G)").format(
        gemeente=m.name))
    tables.show(targeting.label_gap(), LABEL_GAP)
    tables.show(targeting.label_gaps_by_type(), LABEL_GAP_BY_TYPE)
    st.caption(_("Per dwelling type: the model's pooled gap (used) and a fit within the type (shown only; thin types "
                 "such as detached houses are noisy). Fractions, A against G at the same floor area."))

st.header(_("Validation: model figures beside published benchmarks"))
st.markdown(_("Every modelled figure beside the published (or measured) figure it should approach, with the gap in % "
              "of the benchmark. Each row is also a test with the tolerance shown, so a regression of a model shows. "
              "Estimates are household-weighted over the buurten with an estimate."))
if m.code in validation.VALIDATED:
    checks = [validation.stock_gas_check(stock_tables["stock_validation"], data.buurten()),
              *validation.label_gap_checks(targeting.label_factors()),
              *validation.monitor_checks(data.gemeente_monitor())]
    tables.show(validation.validation_table(checks), validation.VALIDATION_TABLE)
else:
    st.info(_("No published benchmark ships for {gemeente}: the validation of the models (against the Monitor "
              "Energiearmoede and the measured label gaps) was made and reasoned for {shipped} only. The check of "
              "predicted against measured gas use per buurt above holds for {gemeente}.").format(
                  gemeente=m.name, shipped=", ".join(validation.VALIDATED.values())))
st.caption(_("EUR per tonne: no published PBL national cost per tonne for these packages is in the shipped facts. "
             "The net figure on the Retrofit page follows PBL's method (annuity of the investment minus the energy "
             "saved, per tonne); the gross figure divides the investment by the lifetime tonnes. Name which one you "
             "quote."))

st.header(_("National and Parkstad context"))
st.markdown(method.section("national"))
national = meta.get("national", {})
st.caption(_("Municipalities: {n}. Invalid outlines repaired by the build: {repaired} ({codes}).").format(
    n=national.get("municipalities", "–"), repaired=national.get("invalid_geometries_repaired", "–"),
    codes=", ".join(national.get("repaired", [])) or "–"))

st.header(_("Known limits"))
st.markdown(method.section("limits"))
