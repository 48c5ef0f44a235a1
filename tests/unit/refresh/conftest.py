import pytest

from geo.i18n import language


@pytest.fixture(autouse=True)
def english_messages():
    """The refresh's messages in English, so assertions read as the code's source texts (the CLI sets its own)."""
    with language("en"):
        yield
