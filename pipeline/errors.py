"""Errors the library raises; the CLI maps them to exit codes and one-line messages."""


class SkillfitError(Exception):
    """Base class of every error skillfit raises on purpose."""


class TaxonomyError(SkillfitError):
    """The taxonomy cannot be loaded or does not validate."""


class ReadError(SkillfitError):
    """A document cannot be read; `status` is one of pipeline.readers.STATUSES."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class StoreError(SkillfitError):
    """The DuckDB store cannot be opened or written."""
