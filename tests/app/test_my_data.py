"""My data under AppTest: a file handed to the page as the uploader would, what the user reads, and its uses.

AppTest cannot drive a file uploader, so the files go in through the page's own hand-over
(``my.pending``, ``nb.pipeline_pending``): the same reading, messages and session state as an upload.
The browser test (tests/e2e/test_my_data.py) uploads through the real widget.
"""

import pytest

from tests.support.apptest import open_app

pytestmark = pytest.mark.real_data
PAGE = "pages/my_data.py"
HOSTILE = "<img src=x onerror=alert(1)>"
SITES = ("buurt;laadpalen;naam\n0917 1000;12;" + HOSTILE + "\nBU09171001;x;Terschuren café\nBU09999999;3;elders\n"
         "BU09172000;40;Weggebekker\n").encode("cp1252")


def _texts(at, *kinds) -> str:
    return "\n".join(e.value for kind in kinds for e in getattr(at, kind))


def _open_with(files: list, lang: str = "en"):
    at = open_app(PAGE, {"lang": lang}, state={"my.pending": files})
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_page_states_formats_limits_and_what_happens_to_the_data():
    for lang, limit in (("en", "100,000"), ("nl", "100.000")):
        at = open_app(PAGE, {"lang": lang})
        assert not at.exception
        text = _texts(at, "info")
        assert "50 MB" in text and limit in text and "GeoPackage" in text and "xlsx" in text
        assert ("not saved on the server" in text) if lang == "en" else ("niet op de server opgeslagen" in text)


def test_an_uploaded_table_is_accounted_for_listed_and_escaped():
    at = _open_with([("palen.csv", SITES)])
    assert "palen.csv: 3 rows or features on the map." in _texts(at, "success").replace("\\", "")
    account = _texts(at, "markdown").replace("\\", "")
    assert "CSV text, 4 rows or features read, 3 on the map (areas), placed by buurt code." in account
    assert "Not matched (1): BU09999999" in _texts(at, "warning").replace("\\", "")
    notes = _texts(at, "caption").replace("\\", "")
    assert "read as Windows-1252" in notes and "1 cell holds a CBS marker" in notes
    # The hostile name reaches the table as a value (st.dataframe shows text), never as page markup.
    preview = at.dataframe[0].value
    assert HOSTILE in preview["naam"].tolist()
    assert all(HOSTILE not in md.value for md in at.markdown)


def test_a_bad_file_gets_its_message_and_the_page_keeps_working():
    at = _open_with([("leeg.csv", b""), ("plaatje.csv", b"\x89PNG\r\n\x1a\n\x00\x00"), ("palen.csv", SITES)])
    errors = _texts(at, "error").replace("\\", "")
    assert "leeg.csv: The file is empty." in errors and "plaatje.csv: The file is not in a format" in errors
    assert len(at.session_state["my.layers"]) == 1


def test_a_dutch_user_reads_dutch():
    at = _open_with([("leeg.csv", b"")], lang="nl")
    assert "leeg.csv: Het bestand is leeg." in _texts(at, "error").replace("\\", "")


def test_a_figure_per_buurt_goes_into_the_index_with_its_weight_and_direction():
    at = _open_with([("palen.csv", SITES)])
    weight = next(s for s in at.slider if s.label == "Weight in: Energy-poverty index")
    weight.set_value(3.0).run()
    assert not at.exception
    (user,) = at.session_state["my.index"]
    assert dict(user.values)["BU09172000"] == 40.0 and user.weight == 3.0
    at.switch_page("pages/energy_poverty_index.py")
    at.run()
    assert not at.exception
    assert any("palen.csv" in s.label.replace("\\", "") for s in at.slider)  # its own slider on the Index page
    top = at.dataframe[0].value["buurt_name"].iloc[0]
    assert top == "Weggebekker"  # 40 charging points, weight 3: first
    turn = next(r for r in at.radio if r.options and "Higher = less energy poverty" in r.options)
    turn.set_value("down").run()
    assert at.dataframe[0].value["buurt_name"].iloc[0] != "Weggebekker"


def test_the_new_build_score_and_retrofit_ranking_take_the_figure():
    at = _open_with([("palen.csv", SITES)])
    at.switch_page("pages/newbuild.py")
    at.run()
    before = _score_of(at, "Weggebekker")
    at.switch_page(PAGE)
    at.run()
    next(s for s in at.slider if s.label == "Weight in: New-build score").set_value(3.0).run()
    next(s for s in at.slider if s.label == "Weight in: Retrofit ranking").set_value(1.5).run()
    at.switch_page("pages/newbuild.py")
    at.run()
    assert not at.exception
    assert _score_of(at, "Weggebekker") > before  # the most charging points: a better place to build
    own = "Your own figures in this score (weight): palen.csv (Sum of a column: laadpalen) ({w})."
    assert own.format(w="3.00") in _texts(at, "caption").replace("\\", "")
    at.switch_page("pages/retrofit.py")
    at.run()
    assert not at.exception
    assert own.format(w="1.50") in _texts(at, "caption").replace("\\", "")


def _score_of(at, buurt: str) -> float:
    table = next(df.value for df in at.dataframe if "score" in df.value.columns and "buurt_name" in df.value.columns)
    return float(table.set_index("buurt_name").loc[buurt, "score"])


def test_the_market_pipeline_beside_the_plan():
    projects = (b"Projectnaam;Buurtcode;Aantal woningen;Opleverjaar;Energielabel\n"
                b"Park <b>1</b>;BU09171000;40;2028;A++++\nHof;0917 2000;25;2031;BENG\nOoit;BU09171001;5;;\n"
                b"Fout;BU09171000;-3;2029;\n")
    at = open_app("pages/newbuild.py", {"lang": "en"}, state={"nb.pipeline_pending": ("pijplijn.csv", projects)})
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Market homes by 2030"] == "40" and metrics["Market homes by 2032"] == "65"
    assert metrics["Undated or later"] == "5"
    assert "1 project without a whole, positive number of homes was left out: Fout." in _texts(
        at, "caption").replace("\\", "")
    shown = [df.value for df in at.dataframe]
    assert any("Park <b>1</b>" in df.get("project", df.iloc[:, 0]).astype(str).tolist() for df in shown)


def test_a_bad_pipeline_file_is_said():
    at = open_app("pages/newbuild.py", {"lang": "en"},
                  state={"nb.pipeline_pending": ("p.csv", b"buurt_code\nBU09171000\n")})
    assert not at.exception
    assert "p.csv: The pipeline needs a column with the number of homes" in _texts(at, "error").replace("\\", "")


def test_the_map_explorer_points_to_my_data_and_then_shows_the_layers():
    at = open_app("pages/map_explorer.py", {"lang": "en"})
    assert "can be added on the My data page" in _texts(at, "caption")
    at = _open_with([("palen.csv", SITES)])
    at.switch_page("pages/map_explorer.py")
    at.run()
    assert not at.exception and "Your layers" in _texts(at, "subheader")


def test_reset_all_settings_keeps_the_layers_and_sets_their_weights_back():
    at = _open_with([("palen.csv", SITES)])
    next(s for s in at.slider if s.label == "Weight in: Energy-poverty index").set_value(3.0).run()
    assert at.session_state["my.index"]
    next(b for b in at.sidebar.button if b.label == "Reset all settings").click().run()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.session_state["my.layers"]) == 1 and at.session_state["my.index"] == ()
    assert next(s for s in at.slider if s.label == "Weight in: Energy-poverty index").value == 0.0
