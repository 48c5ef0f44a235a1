"""The naive baseline: a buurt choropleth the way a first folium + Streamlit tutorial builds it.

Full-resolution raw shapes, every attribute column in the GeoJSON, data read on
every rerun, ``folium.Choropleth`` and a plain ``st_folium(m)`` call (no key, all
returned objects). The one change from the tutorial: Leaflet comes from the app's
static folder, as in geo/map/render.py, so the map paints offline (with folium's CDN
defaults it would not paint at all without internet). The Choropleth legend is
dropped too: it makes st_folium fetch d3 from a CDN and wait for it, so offline
the tutorial map never paints (seen in chromium with external requests aborted).

Run: ``streamlit run bench/baseline_app.py`` (the benchmark starts it).
"""

import branca
import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

RAW_BUURTEN = "data/raw/heerlen_buurten_2023/heerlen_buurten_2023.geojson"
INDICATORS = "data/processed/buurten.parquet"


def naive_map(indicator: str) -> folium.Map:
    shapes = gpd.read_file(RAW_BUURTEN).rename(columns={"CBS-buurtcode": "buurt_code"})
    table = pd.DataFrame(gpd.read_parquet(INDICATORS).drop(columns="geometry"))
    gdf = shapes.merge(table, on="buurt_code")
    # A tutorial computes the index inline: here the mean percentile rank of four columns.
    ranked = gdf[["pct_low_income", "pct_built_before_2000", "pct_rent", "gas_m3"]].rank(pct=True)
    gdf["energy_poverty_index"] = ranked.mean(axis=1) * 100
    m = folium.Map(location=[50.88, 5.98], zoom_start=12)
    m.default_js = [("leaflet", "/app/static/vendor/leaflet/leaflet.js")]
    m.default_css = [("leaflet_css", "/app/static/vendor/leaflet/leaflet.css")]
    choropleth = folium.Choropleth(
        geo_data=gdf.to_json(),
        data=gdf,
        columns=["buurt_code", indicator],
        key_on="feature.properties.buurt_code",
        fill_color="YlOrRd",
        legend_name=indicator,
    ).add_to(m)
    # Not in the tutorial: drop the legend. Its colormap makes st_folium load d3 from a
    # CDN and wait for it; offline that load fails and the map never paints at all.
    for name, child in list(choropleth._children.items()):
        if isinstance(child, branca.colormap.ColorMap):
            del choropleth._children[name]
    folium.GeoJson(
        gdf.to_json(), style_function=lambda f: {"fillOpacity": 0, "weight": 0},
        tooltip=folium.GeoJsonTooltip(fields=["buurt_name", indicator]),
    ).add_to(m)
    return m


OPTIONS = [
    "energy_poverty_index", "gas_m3", "electricity_kwh", "pct_rent", "pct_low_income", "income_per_inhabitant_keur",
]

if __name__ == "__main__":
    st.title("Energy poverty in Heerlen (naive)")
    choice = st.selectbox("Indicator", OPTIONS, key="map.indicator")
    st_folium(naive_map(choice), width=900, height=560)
