"""DataError carries the message a user reads; pages show it as it is."""

import pytest

from geo.errors import DataError


def test_data_error_message_is_the_users_message():
    err = DataError("The KWB table lacks the column 'jaar'.")
    assert str(err) == "The KWB table lacks the column 'jaar'."


def test_data_error_is_caught_as_a_value_error():
    # Callers that validate input catch ValueError; bad data must not slip past them as another type.
    with pytest.raises(ValueError, match="lacks"):
        raise DataError("lacks")
