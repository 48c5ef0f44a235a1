"""The many-users benchmark: what it sends the server and when its budgets count as broken."""

import json

from streamlit.proto.BackMsg_pb2 import BackMsg

from bench import concurrency


def figures(**changes) -> dict:
    base = {"sessions": 20, "seconds": 60.0, "think": (1.0, 3.0), "errors": [], "reruns": 500,
            "single_median_ms": 100.0, "p95_ms": 250.0, "median_ms": 120.0, "max_ms": 400.0,
            "rss_first_mb": 400.0, "rss_peak_mb": 450.0, "rss_end_mb": 450.0,
            "rss_middle_peak_mb": 440.0, "rss_last_peak_mb": 450.0}
    return {**base, **changes}


def test_a_change_is_sent_as_the_browser_sends_it():
    msg = BackMsg()
    msg.ParseFromString(concurrency._rerun_msg("map_explorer", "$$ID-abc-w.map.indicator", "Gasverbruik (m³)"))
    state = msg.rerun_script
    assert state.page_name == "map_explorer"
    assert [(w.id, w.string_value) for w in state.widget_states.widgets] == [
        ("$$ID-abc-w.map.indicator", "Gasverbruik (m³)")]


def test_a_choice_in_the_map_is_sent_as_the_component_state_the_browser_sends():
    msg = BackMsg()
    state = {"choice": {"indicator": "gas_m3", "seq": 3}}
    msg.ParseFromString(concurrency._rerun_msg("map_explorer", "$$ID-abc-explorer_map", state, "frag"))
    widgets = msg.rerun_script.widget_states.widgets
    assert [(w.id, json.loads(w.json_value)) for w in widgets] == [("$$ID-abc-explorer_map", state)]
    assert msg.rerun_script.fragment_id == "frag"


def test_budgets_hold_for_a_healthy_run_and_break_on_errors_slow_reruns_or_growing_memory():
    assert all(ok for _name, _value, ok in concurrency.budget_rows(figures()))
    broken = lambda **kw: [name for name, _value, ok in concurrency.budget_rows(figures(**kw)) if not ok]
    assert len(broken(errors=["ConnectionClosedError"])) == 1
    assert len(broken(p95_ms=301.0)) == 1  # > 3x the single-session median
    assert len(broken(rss_last_peak_mb=500.0)) == 1  # grew 14% over the last third: not flat
    assert len(broken(rss_peak_mb=1100.0)) == 1  # over 1 GB
