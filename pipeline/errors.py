"""Errors the library raises; the CLI maps them to exit codes and one-line messages."""


class SkillfitError(Exception):
    """Base class of every error skillfit raises on purpose."""


class TaxonomyError(SkillfitError):
    """The taxonomy cannot be loaded or does not validate."""


class ReadError(SkillfitError):
    """A document cannot be read; `status` is one of pipeline.readers.STATUSES, `source` the file when known (then
    part of the message: "cvs/anna.pdf: encrypted: password-protected PDF")."""

    def __init__(self, status: str, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.status}: {self.reason}" if self.source else f"{self.status}: {self.reason}"


class StoreError(SkillfitError):
    """The DuckDB store cannot be opened or written."""
