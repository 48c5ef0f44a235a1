"""The naive baseline of the index page, as a first tutorial writes it.

Everything is read on every rerun (full-resolution geometry included), the index is
computed row by row with ``DataFrame.apply``, and the ranking is shown as a table.
Run: ``streamlit run bench/baseline_index.py`` (the benchmark starts it).
"""

import geopandas as gpd
import pandas as pd
import streamlit as st

DATA = "data/processed/buurten.parquet"
COLUMNS = ["pct_low_income", "pct_built_before_2000", "pct_rent", "gas_m3"]


def naive_index(df: pd.DataFrame, weights: dict) -> pd.Series:
    def score(row):
        total, used = 0.0, 0.0
        for col, w in weights.items():
            lo, hi = df[col].min(), df[col].max()  # recomputed for every row
            if pd.notna(row[col]) and hi > lo:
                total += w * (row[col] - lo) / (hi - lo)
                used += w
        return 100 * total / used if used else None

    return df.apply(score, axis=1)


if __name__ == "__main__":
    st.title("Energy-poverty index (naive)")
    df = gpd.read_parquet(DATA)
    weights = {c: st.slider(c, 0.0, 3.0, 1.0, 0.25, key=f"w.{c}") for c in COLUMNS}
    df["index"] = naive_index(df, weights)
    ranking = df.drop(columns="geometry").sort_values("index", ascending=False)
    st.dataframe(ranking[["buurt_name", "wijk_name", "index"]])
