"""Reading and writing links: every setting survives a round trip through the URL; hostile parameters are ignored."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import links
from geo.links import Context, encode, parse

CTX = Context(buurten=frozenset({"BU09170001", "BU09170002", "BU09171000"}), wijken=frozenset({"WK091700", "WK091710"}),
              vacancy_pct=4.5, household_trend=-120.4, municipalities=frozenset({"GM0917", "GM0928"}))


def _other_value(p: links.Param):
    """A valid value of ``p`` that is not its default."""
    default = p.resolve("default", CTX)
    low, high = p.resolve("low", CTX), p.resolve("high", CTX)
    if p.kind == "float":
        value = round(low + (high - low) * 0.37, 3)
        return value if not math.isclose(value, default) else round(low + (high - low) * 0.61, 3)
    if p.kind == "int":
        return low + 1 if default != low + 1 else high
    if p.kind == "bool":
        return not default
    if p.kind == "choice":
        return next(c for c in p.choices if c != default)
    if p.kind == "buurt":
        return "BU09171000"
    if p.kind == "buurten":
        return ["BU09171000", "BU09170001"]
    if p.kind == "area":
        return "WK091710"
    if p.kind in ("gemeente", "municipality"):
        return "GM0928"
    if p.kind == "table":
        row = (p.choices or sorted(CTX.buurten))[0]
        high = p.high if isinstance(p.high, int | float) else None
        return {row: 40 if p.integer else 4321.5 if high is None or high >= 4321.5 else high / 2 + 0.5}
    raise AssertionError(p.kind)


@pytest.mark.parametrize("p", links.PARAMS, ids=lambda p: p.name)
def test_every_setting_survives_the_link_and_its_default_is_left_out(p):
    value = _other_value(p)
    query = encode({p.key: value}, CTX)
    assert list(query) == [p.name]
    back, ignored = parse({name: [text] for name, text in query.items()}, CTX)
    assert ignored == []
    assert back == {p.key: value}
    assert encode({p.key: p.resolve("default", CTX)}, CTX) == {}  # short links: a default is not written


def test_a_link_with_every_setting_restores_all_of_them():
    state = {p.key: _other_value(p) for p in links.PARAMS}
    query = {name: [text] for name, text in encode(state, CTX).items()}
    assert len(query) == len(links.PARAMS)
    assert parse(query, CTX) == (state, [])


def test_data_dependent_defaults_come_from_the_context():
    assert encode({"nb.vacancy": 4.5, "nb.sc.migration.extra": -120.0}, CTX) == {}
    assert encode({"nb.vacancy": 6.0}, CTX) == {"vacancy": "6"}
    # without data the default is unknown, so the value is written: the link still restores it
    assert encode({"nb.vacancy": 4.5}) == {"vacancy": "4.5"}


def _reasons(query):
    values, ignored = parse(query, CTX)
    return values, {(i.name, i.reason) for i in ignored}, ignored


@pytest.mark.parametrize(("name", "text"), [
    ("w.heq", "-1"),  # negative weight
    ("w.heq", "abc"),  # not a number
    ("w.heq", "nan"),
    ("w.heq", "inf"),
    ("w.heq", "1e999"),  # overflows to inf
    ("w.heq", "4"),  # above the slider's range
    ("w.heq", "0x10"),
    ("classes", "5.5"),  # not a whole number
    ("indicator", "not_a_column"),
    ("indicator", "<script>alert(1)</script>"),
    ("quote", "9"),  # only the offered thresholds
    ("lang", "fr"),
    ("package", ""),
    ("tiles", "maybe"),
    ("budget", "-5"),
])
def test_a_bad_value_falls_back_to_the_default_and_is_named(name, text):
    values, reasons, ignored = _reasons({name: [text]})
    assert values == {}
    assert reasons == {(name, links.BAD_VALUE)}
    assert ignored[0].value == text[:links.SHOWN_CHARS]


def test_unknown_codes_and_areas_are_named_and_known_ones_kept():
    values, reasons, _ignored = _reasons({"buurt": ["BU09179999"], "area": ["WK999999"],
                                          "locations": ["BU09170001,DROP TABLE,BU09170001,BU09170002"]})
    assert values == {"nb.transformation": ["BU09170001", "BU09170002"]}
    assert reasons == {("buurt", links.UNKNOWN_BUURT), ("area", links.UNKNOWN_WIJK),
                       ("locations", links.UNKNOWN_BUURT)}
    assert parse({"area": ["gemeente"]}, CTX)[0] == {"ov.area": "gemeente"}


def test_unknown_repeated_and_too_long_parameters_are_ignored():
    long_text = "x" * 5000
    values, reasons, ignored = _reasons({"lang": ["en", "nl"], "colour": ["red"], long_text: ["1"],
                                         "indicator": ["gas_m3" * 30], "embed": ["true"]})
    assert values == {}
    assert ("lang", links.REPEATED) in reasons and ("colour", links.UNKNOWN_NAME) in reasons
    assert ("indicator", links.TOO_LONG) in reasons
    assert all(len(i.name) <= links.SHOWN_CHARS + 1 and len(i.value) <= links.SHOWN_CHARS + 1 for i in ignored)
    assert not any(i.name == "embed" for i in ignored)  # Streamlit's own parameter is not ours to judge


def test_table_cells_are_checked_one_by_one():
    values, ignored = parse({"plan": ["BU09170001:40,BU09170002:-3,BU09170002:2.5,BU09179999:5,junk"],
                             "costs": ["apartment:4000,detached:0,bungalow:100,mid-terrace:999999"]}, CTX)
    assert values == {"nb.plan": {"BU09170001": 40}, "rf.cost_edits": {"apartment": 4000.0}}
    assert len(ignored) == 7
    assert parse({"plan": ["BU09170001:1,BU09170001:2"]}, CTX)[0] == {"nb.plan": {"BU09170001": 1}}  # first wins


def test_encode_leaves_out_what_the_link_could_not_carry():
    state = {"cfg.w.heq": float("nan"), "map.indicator": "unknown", "map.pick": "BU09179999",
             "nb.plan": {"BU09170001": 40, "BU09179999": 3, "BU09170002": -1}, "nb.transformation": "not a list",
             "rf.cost_edits": {"apartment": "abc"}}
    assert encode(state, CTX) == {"plan": "BU09170001:40"}


def test_the_map_level_is_buurt_or_wijk():
    assert parse({"level": ["wijk"]}, CTX) == ({"map.level": "wijk"}, [])
    values, ignored = parse({"level": ["gemeente"]}, CTX)
    assert values == {} and [i.name for i in ignored] == ["level"]
    assert encode({"map.level": "buurt"}, CTX) == {} and encode({"map.level": "wijk"}, CTX) == {"level": "wijk"}


def test_numbers_are_written_short_and_read_back_exactly():
    query = encode({"cfg.gas_price": 1.37, "rf.budget": 35.0, "nb.sc.migration.rate": 0.125}, CTX)
    assert query == {"gas": "1.37", "budget": "35", "migration.rate": "0.125"}


def test_defaults_to_initialise_are_the_maps_settings():
    assert set(links.defaults(CTX, only_init=True)) == {"map.indicator", "map.scheme", "map.k", "map.tiles",
                                                         "map.pick", "map.level", "ov.indicator", "cfg.gm"}
    everything = links.defaults(CTX)
    assert everything["nb.vacancy"] == 4.5 and everything["cfg.lang"] == "nl"


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([*links.BY_NAME, "x", ""]) | st.text(max_size=20),
                       st.lists(st.text(max_size=300), max_size=3), max_size=6))
def test_no_query_raises_and_every_value_kept_encodes_back(query):
    values, ignored = parse(query, CTX)
    assert set(values) <= set(links.BY_KEY)
    assert all(isinstance(i.value, str) for i in ignored)
    assert parse({k: [v] for k, v in encode(values, CTX).items()}, CTX)[1] == []


def test_a_municipality_code_in_a_link_must_look_like_one():
    values, ignored = parse({"gemeente": ["GM0928"], "measure": ["gm_gas_m3"]})
    assert values == {"ctx.gemeente": "GM0928", "ctx.indicator": "gm_gas_m3"}
    values, ignored = parse({"gemeente": ["<b>GM09</b>"], "measure": ["gas_m3"]})
    assert values == {} and [(i.name, i.reason) for i in ignored] == [
        ("gemeente", links.UNKNOWN_GEMEENTE), ("measure", links.BAD_VALUE)]


def test_the_municipality_of_a_link_must_be_one_whose_data_is_present():
    values, ignored = parse({"gm": ["GM0928"]}, CTX)
    assert values == {"cfg.gm": "GM0928"} and ignored == []
    values, ignored = parse({"gm": ["GM0999"], "gemeente": ["GM0999"]}, CTX)
    assert values == {"ctx.gemeente": "GM0999"}  # the context page shows any municipality of the national table
    assert [(i.name, i.reason) for i in ignored] == [("gm", links.NOT_PRESENT)]
    assert [(i.name, i.reason) for i in parse({"gm": ["Kerkrade"]}, CTX)[1]] == [("gm", links.UNKNOWN_GEMEENTE)]
    assert parse({"gm": ["GM0928"]}, Context())[0] == {}  # nothing present besides the shipped default


def test_the_context_pages_municipality_and_the_targets_default_to_the_chosen_municipality():
    other = Context(municipalities=frozenset({"GM0917", "GM0928"}), gemeente="GM0928", target_2030=None,
                    target_2032=None)
    assert encode({"ctx.gemeente": "GM0928", "nb.t2030": None, "nb.allocate": 0}, other) == {}
    assert encode({"ctx.gemeente": "GM0928", "nb.t2030": 900}, CTX) == {"gemeente": "GM0928", "t2030": "900"}
