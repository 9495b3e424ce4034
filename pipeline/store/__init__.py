"""DuckDB store: schema, idempotent loading, and the analyst views (stored in the database file)."""

from pipeline.store.loader import Store, connect

__all__ = ["Store", "connect"]
