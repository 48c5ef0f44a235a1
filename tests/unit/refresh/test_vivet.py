import pytest

from geo.refresh import vivet
from geo.refresh.progress import RefreshError


def test_a_vivet_file_with_buurt_codes_of_the_municipality_is_accepted():
    facts = vivet.check(b"BU_CODE;lb;gas\nBU09171000;C;40\nBU09171000;A;20\nBU09172000;E;50\n", "GM0917")
    assert facts == {"rows": 3, "buurten": 2, "delimiter": ";"}
    md = vivet.source_md("GM0917", "vivet.csv", "/tmp/vivet.csv", facts, "2026-11-26")
    assert "PBL" in md and "BU_CODE" in md and "2026-11-26" in md


@pytest.mark.parametrize("content", [b"lb;gas\nC;40\n", b"BU_CODE,lb\n", b"BU_CODE,lb\nBU09281000,C\n"])
def test_a_file_without_buurt_codes_or_of_another_municipality_is_refused(content):
    with pytest.raises(RefreshError):
        vivet.check(content, "GM0917")


def test_an_unreadable_file_is_a_message_not_a_traceback(tmp_path):
    with pytest.raises(RefreshError, match="VIVET"):
        vivet.read_file(tmp_path / "missing.csv")
    assert vivet.URL_PATTERN is None  # no documented per-municipality download URL: the hook stays empty
