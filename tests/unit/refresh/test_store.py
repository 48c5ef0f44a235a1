import hashlib

import pytest

from geo.refresh.progress import NotFound, Progress, RefreshError, Unreachable
from geo.refresh.store import Exists, Fetcher, checksums, differs, read_checksums, write_folder
from tests.unit.refresh.replay import FakeResponse, OfflineSession, ReplaySession


def _fetcher(tmp_path, session):
    return Fetcher(session, tmp_path / ".cache", Progress(quiet=True))


def test_an_answer_fetched_once_is_read_from_the_cache_on_the_next_run(tmp_path):
    session = ReplaySession(lambda url, params: (200, {"value": [1, 2]}))
    first = _fetcher(tmp_path, session)
    assert first.get_json("https://x/a", {"$filter": "f"}) == {"value": [1, 2]}
    second = _fetcher(tmp_path, session)
    assert second.get_json("https://x/a", {"$filter": "f"}) == {"value": [1, 2]}
    assert len(session.calls) == 1 and (first.fetched, second.reused) == (1, 1)
    assert "already fetched" in second.progress.lines[-1]


def test_offline_raises_unreachable_with_the_host_and_creates_no_cache_folder(tmp_path):
    with pytest.raises(Unreachable) as err:
        _fetcher(tmp_path, OfflineSession()).get_json("https://opendata.cbs.nl/ODataApi/odata/85984NED/DataProperties")
    assert err.value.source == "opendata.cbs.nl"
    assert not (tmp_path / ".cache").exists()


@pytest.mark.parametrize(("status", "data", "error"), [(404, {}, NotFound), (500, {}, RefreshError),
                                                       (200, ValueError("not json"), RefreshError)])
def test_http_errors_and_non_json_answers_stop_with_a_message(tmp_path, status, data, error):
    class Session:
        def get(self, url, params=None, timeout=None):
            return FakeResponse(status, data)

    with pytest.raises(error):
        _fetcher(tmp_path, Session()).get_json("https://opendata.cbs.nl/x")
    assert not (tmp_path / ".cache").exists()


def test_a_written_folder_has_source_md_and_checksums_that_verify(tmp_path):
    target = tmp_path / "GM0917" / "cbs_kwb"
    outcome = write_folder(target, {"kwb.csv": b"a,b\n1,\n"}, "# KWB\nRetrieved 2026-11-26\n", Progress(quiet=True))
    assert outcome == "written"
    assert sorted(p.name for p in target.iterdir()) == ["SHA256SUMS", "SOURCE.md", "kwb.csv"]
    sums = read_checksums(target)
    assert set(sums) == {"kwb.csv", "SOURCE.md"}
    for name, digest in sums.items():
        assert hashlib.sha256((target / name).read_bytes()).hexdigest() == digest
    assert not list(tmp_path.glob("GM0917/.incoming-*"))


def test_a_second_write_with_the_same_data_changes_nothing(tmp_path):
    target = tmp_path / "cbs_kwb"
    write_folder(target, {"kwb.csv": b"1\n"}, "Retrieved 2026-11-01\n", Progress(quiet=True))
    before = (target / "SOURCE.md").read_text()
    assert write_folder(target, {"kwb.csv": b"1\n"}, "Retrieved 2026-11-26\n", Progress(quiet=True)) == "unchanged"
    assert (target / "SOURCE.md").read_text() == before


def test_other_data_is_never_written_over_without_force_and_kept_with_force(tmp_path):
    target = tmp_path / "cbs_kwb"
    write_folder(target, {"kwb.csv": b"old\n"}, "Retrieved 2026-11-01\n", Progress(quiet=True))
    assert differs(target, {"kwb.csv": b"new\n"}) and not differs(target, {"kwb.csv": b"old\n"})
    with pytest.raises(Exists) as err:
        write_folder(target, {"kwb.csv": b"new\n"}, "Retrieved 2026-11-26\n", Progress(quiet=True))
    assert "--force" in str(err.value) and "2026-11-01" in str(err.value)
    assert (target / "kwb.csv").read_bytes() == b"old\n"
    assert write_folder(target, {"kwb.csv": b"new\n"}, "Retrieved 2026-11-26\n", Progress(quiet=True),
                        force=True) == "replaced"
    assert (target / "kwb.csv").read_bytes() == b"new\n"
    assert (tmp_path / ".previous" / "cbs_kwb-2026-11-01" / "kwb.csv").read_bytes() == b"old\n"


def test_checksums_use_the_sha256sum_format():
    assert checksums({"a": b"x"}) == f"{hashlib.sha256(b'x').hexdigest()}  a\n"
