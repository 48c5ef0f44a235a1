import io

from geo.refresh.progress import Progress, RefreshError, Unreachable


def test_each_step_is_one_line_on_the_stream_and_quiet_prints_nothing():
    out = io.StringIO()
    progress = Progress(out)
    progress.line("CBS 85984NED (2024): figures, page 1: fetched")
    progress.line("CBS 85984NED (2024): 81 regions")
    assert out.getvalue().splitlines() == ["refresh: CBS 85984NED (2024): figures, page 1: fetched",
                                           "refresh: CBS 85984NED (2024): 81 regions"]
    quiet_out = io.StringIO()
    quiet = Progress(quiet_out, quiet=True)
    quiet.line("hidden")
    assert quiet_out.getvalue() == "" and quiet.lines == ["hidden"]


def test_unreachable_names_the_source_and_is_a_refresh_error():
    err = Unreachable("opendata.cbs.nl", "Failed to resolve")
    assert isinstance(err, RefreshError)
    assert err.source == "opendata.cbs.nl" and "resolve" in err.detail
