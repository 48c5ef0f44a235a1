"""The server-side static map: one hatch per class (readable in black and white), a legend with value ranges."""

import io

import geopandas as gpd
import pandas as pd
from PIL import Image
from shapely.geometry import box

from geo import config, i18n
from geo.map import classify, static


def _squares(n: int) -> gpd.GeoDataFrame:
    x0, y0 = 196000, 321000
    return gpd.GeoDataFrame({"buurt_code": [f"BU{i:08d}" for i in range(n)]},
                            geometry=[box(x0 + i * 500, y0, x0 + (i + 1) * 500, y0 + 500) for i in range(n)],
                            crs=config.CRS_METRIC).to_crs(config.CRS_WGS84)


def test_every_class_has_its_own_hatch_and_no_data_its_own_entry():
    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, float("nan")])
    with i18n.language("nl"):
        fig = static.figure(_squares(11), values, "Aandeel (%)", 1, "%", k=5)
    hatches = static.legend_hatches(fig)
    assert len(hatches) == 6 and len(set(hatches[:5])) == 5  # five classes, five distinct hatches
    assert hatches[0] == "" and hatches[5] == static.NO_DATA_HATCH  # lowest class plain, no data its own hatch
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[0] == "1,0 – 2,8%" and labels[-1] == "geen gegevens"
    assert fig.axes[0].get_legend().get_title().get_text() == "Aandeel (%)"


def test_a_reversed_indicator_puts_the_dense_hatch_on_the_worse_low_end_and_highlight_gets_an_entry():
    values = pd.Series([1.0, 2.0, 3.0])
    with i18n.language("en"):
        fig = static.figure(_squares(3), values, "Income", 0, k=3, reverse=True, highlight=frozenset({"BU00000001"}))
    hatches = static.legend_hatches(fig)
    assert hatches[:3] == list(static.HATCHES[:3][::-1])
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()][-1] == "chosen area"


def test_the_png_is_an_image_with_shades_of_the_palette():
    fig = static.figure(_squares(4), pd.Series([1.0, 2.0, 3.0, 4.0]), "x", k=4)
    image = Image.open(io.BytesIO(static.png(fig, dpi=50))).convert("RGB")
    colours = {"#{:02x}{:02x}{:02x}".format(*c) for _n, c in image.getcolors(maxcolors=1_000_000)}
    assert image.width > 100 and set(classify.palette(4)) & colours
