"""The briefing's row in `make bench`: it fails the run when any of the three timings is over 2 s."""

from bench import briefing


def test_the_budget_row_breaks_on_the_slowest_of_the_three_timings():
    name, value, ok = briefing.budget_row({"pdf_ms": 400.0, "pdf_wijk_ms": 300.0, "html_ms": 150.0})
    assert ok and "2 s" in name and value == "PDF 0.40 s (wijk 0.30 s), HTML 0.15 s"
    assert not briefing.budget_row({"pdf_ms": 400.0, "pdf_wijk_ms": 2100.0, "html_ms": 150.0})[2]
