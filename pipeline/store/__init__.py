"""DuckDB store: schema, idempotent loading, and the analyst views (stored in the database file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.store.loader import Store, connect, connect_writable

__all__ = ["Store", "connect", "connect_writable"]


def __getattr__(name: str):
    # Imported on first use, so that importing pipeline.store.privacy does not load the loader and duckdb too.
    if name in __all__:
        from pipeline.store import loader

        return getattr(loader, name)
    raise AttributeError(name)
