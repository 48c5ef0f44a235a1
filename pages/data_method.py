"""Data & method: every source, every column, how they were joined, what is missing and why, and the limits."""

import streamlit as st

from geo import config
from geo.catalog import dictionary, sources
from geo.report import method, validation
from geo.report.tables import LABEL_GAP, LABEL_GAP_BY_TYPE
from ui import data, targeting
from ui import tables as shown

data.ensure_data()
st.title("Data & method")
meta = data.tables()["metadata"]

st.header("Sources")
st.dataframe(method.sources_table(), hide_index=True, width="stretch")
for key, src in sources.SOURCES.items():
    with st.expander(f"Provenance: {src.title} (data/raw/{src.folder}/SOURCE.md)"):
        st.markdown(method.source_markdown(key))

st.header("Data dictionary")
st.caption("Every processed and derived column. 'year' is the year a figure describes; 'kind' says whether it is a "
           "published CBS figure (measured), a formula on such figures (derived) or a model (estimated).")
st.dataframe(dictionary.describe(meta["columns"]), hide_index=True, width="stretch")

st.header("Joining statistics to buurten")
st.markdown("Statistics are joined to the CBS/Kadaster buurt polygons of 2023 by buurt code, explicitly per source "
            "year, because codes and boundaries can change between years.")
st.dataframe(method.join_table(meta["joins"]), hide_index=True, width="stretch")

st.header("Coverage: which buurten lack which figures")
st.markdown("CBS suppresses figures for buurten with few inhabitants or dwellings. These stay missing ('no data' on "
            "the map); they are never filled with zero.")
labels = {c: dictionary.label(c) for c in meta["suppressed"]}
st.dataframe(method.coverage_table(meta["suppressed"], labels), hide_index=True, width="stretch")

st.header("Derived indicators")
st.markdown(method.section("indicators"))

st.header("Monitor Energiearmoede indicators per buurt")
st.markdown(method.section("monitor"))
st.caption("Heerlen's estimates beside the published national values: see Validation below.")

st.header("Energy-poverty index")
st.markdown(method.section("index"))
st.dataframe(method.components_table(), hide_index=True, width="stretch")

st.header("Map")
st.markdown(method.section("classification"))
st.markdown(method.section("simplification"))

st.header("Energy labels and the housing stock per buurt")
summary = meta.get("stock", {})
st.info(f"Basis of the stock figures: **{summary.get('stock_basis', 'not built')}**. Estimated figures are marked "
        "'estimated' in the data dictionary and on the map.")
st.markdown(method.section("stock"))
c1, c2, c3 = st.columns(3)
c1.metric("Gas-use error per buurt, median", f"{summary.get('gas_median_abs_error_pct')}%",
          help="Absolute % error of the predicted against the measured CBS gas use, "
               f"over {summary.get('gas_buurten_checked')} buurten.")
c2.metric("Worst buurt", f"{summary.get('gas_worst_error_pct')}%", help=str(summary.get("gas_worst_buurt")))
c3.metric("Buurten with a weak estimate",
          f"{summary.get('quality_counts', {}).get('weak', 0)} of {summary.get('buurten_with_estimate')}")
st.caption(f"Worst buurt: {summary.get('gas_worst_buurt')}. Weak: {', '.join(summary.get('weak_buurten', []))}.")
tables = data.tables()
st.subheader("Check per buurt: predicted against measured gas use")
st.dataframe(tables["stock_validation"], hide_index=True, width="stretch")
st.subheader("Do the buurt estimates add up to the Heerlen VIVET totals?")
st.dataframe(tables["stock_checks"], hide_index=True, width="stretch")

st.header("Retrofit and new-build models")
st.markdown(method.targeting_markdown())
if config.LABEL_FACTORS.exists():
    st.subheader("Label gap: Heerlen's factors against the measured gaps (A versus G)")
    shown.show(targeting.label_gap(), LABEL_GAP)
    shown.show(targeting.label_gaps_by_type(), LABEL_GAP_BY_TYPE)
    st.caption("Per dwelling type: the model's pooled gap (used) and a fit within the type (shown only; thin types "
               "such as detached houses are noisy). Fractions, A against G at the same floor area.")

st.header("Validation: model figures beside published benchmarks")
st.markdown("Every modelled figure beside the published (or measured) figure it should approach, with the gap in % of "
            "the benchmark. Each row is also a test with the tolerance shown, so a regression of a model shows. "
            "Heerlen estimates are household-weighted over the buurten with an estimate.")
checks = [validation.stock_gas_check(tables["stock_validation"], data.buurten()),
          *validation.label_gap_checks(targeting.label_factors()),
          *validation.monitor_checks(data.heerlen_monitor())]
st.dataframe(validation.validation_table(checks), hide_index=True, width="stretch")
st.caption("EUR per tonne: no published PBL national cost per tonne for these packages is in the shipped facts. The "
           "net figure on the Retrofit page follows PBL's method (annuity of the investment minus the energy saved, "
           "per tonne); the gross figure divides the investment by the lifetime tonnes. Name which one you quote.")

st.header("Known limits")
st.markdown(method.section("limits"))
