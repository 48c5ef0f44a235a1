"""The one error type of the data layer: a message a user can act on."""


class DataError(ValueError):
    """Raised when input data does not have the expected shape; the message is for users."""
