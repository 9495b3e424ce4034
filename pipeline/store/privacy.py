"""Personal data in the store: the candidate-to-file mapping kept apart, and physical erasure.

CVs are personal data. The main database identifies candidates only by a pseudonymous id (a hash of
the CV text); which file a candidate came from lives in a separate file, `<db>.sources.duckdb`, so
the results can be shared without it. Erasure rewrites the database files, because DuckDB leaves
deleted rows readable in free blocks until they are overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.paths import printable

if TYPE_CHECKING:
    import duckdb


def canonical(source: str) -> str:
    """The absolute form of a file path, so `cvs/a.pdf`, `./cvs/a.pdf` and the full path are one source.
    URLs (s3://…, from `distributed-extract`) and names such as <stdin> stay as they are."""
    if not source or source.startswith("<") or "://" in source:
        return printable(source) if source else source
    return printable(str(Path(source).resolve()))


def sources_path(db_path: str | Path) -> Path | None:
    """Where the candidate-to-file mapping of `db_path` lives (None for an in-memory database)."""
    if str(db_path) == ":memory:":
        return None
    path = Path(db_path)
    return path.with_name(path.stem + ".sources" + (path.suffix or ".duckdb"))


class SourceMap:
    """The mapping from document id to source file, in its own DuckDB file beside the results."""

    def __init__(self, db_path: str | Path) -> None:
        self.path = sources_path(db_path)
        self._con: duckdb.DuckDBPyConnection | None = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection | None:
        """Connection to the mapping file (opened on first use; None for in-memory databases)."""
        if self._con is None and self.path is not None:
            import duckdb  # here, not at the top: like the rest of pipeline.store, importing this loads no duckdb

            self._con = duckdb.connect(str(self.path))
            self._con.execute("CREATE TABLE IF NOT EXISTS sources (source VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL,"
                              " kind VARCHAR, recorded_at TIMESTAMP)")
        return self._con

    def previous(self, sources: Iterable[str | None]) -> dict[str, str]:
        """source -> doc_id as recorded before (None sources, documents without a file, are skipped)."""
        sources = [canonical(s) for s in sources if s]
        if not sources or self.con is None:
            return {}
        return dict(self.con.execute("SELECT source, doc_id FROM sources WHERE list_contains($s, source)",
                                     {"s": sources}).fetchall())

    def shared(self, doc_id: str, source: str) -> bool:
        """Whether another file still maps to `doc_id` (identical CVs share one id)."""
        if self.con is None:
            return False
        return self.con.execute("SELECT count(*) FROM sources WHERE doc_id = $id AND source <> $s",
                                {"id": doc_id, "s": canonical(source)}).fetchall()[0][0] > 0

    def record(self, pairs: Iterable[tuple[str | None, str, str]]) -> None:
        """Store (source, doc_id, kind) triples, replacing what a source mapped to before; triples without a
        source are skipped."""
        import pyarrow as pa

        now = datetime.now(timezone.utc)
        rows = [{"source": canonical(s), "doc_id": d, "kind": k, "recorded_at": now} for s, d, k in pairs if s]
        if rows and self.con is not None:
            self.con.register("incoming_sources", pa.Table.from_pylist(rows))  # Arrow: executemany is slow
            try:
                self.con.execute("INSERT OR REPLACE INTO sources BY NAME SELECT * FROM incoming_sources")
            finally:
                self.con.unregister("incoming_sources")

    def lookup(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """doc_id -> one source file (read-only use; empty when there is no mapping file)."""
        if self.path is None or not self.path.exists():
            return {}
        import duckdb

        with duckdb.connect(str(self.path), read_only=True) as con:
            return dict(con.execute("SELECT doc_id, min(source) FROM sources WHERE list_contains($ids, doc_id)"
                                    " GROUP BY doc_id", {"ids": list(doc_ids)}).fetchall())

    def find(self, reference: str) -> list[str]:
        """Document ids recorded for a file named by its path (as given, or resolved) or by its file name alone;
        empty when there is no mapping file. Uses the open connection if there is one, else opens read-only."""
        if self.path is None or (self._con is None and not self.path.exists()):
            return []
        import duckdb

        query = ("SELECT DISTINCT doc_id FROM sources WHERE source = $s"
                 " OR ($name AND regexp_extract(source, '[^/\\\\]*$') = $raw) ORDER BY doc_id")
        raw = printable(reference)  # a file name that is not UTF-8, as it was recorded
        params = {"s": canonical(reference), "raw": raw, "name": "/" not in raw and "\\" not in raw}
        if self._con is not None:
            return [r[0] for r in self._con.execute(query, params).fetchall()]
        with duckdb.connect(str(self.path), read_only=True) as con:
            return [r[0] for r in con.execute(query, params).fetchall()]

    def doc_ids_for(self, source: str) -> list[str]:
        """Document ids recorded for a source path (as given, or resolved)."""
        if self.con is None:
            return []
        return [r[0] for r in self.con.execute("SELECT DISTINCT doc_id FROM sources WHERE source = $s",
                                               {"s": canonical(source)}).fetchall()]

    def forget(self, doc_ids: list[str]) -> int:
        """Remove the mapping rows of these documents; returns how many."""
        if not doc_ids or self.con is None:
            return 0
        n = self.con.execute("SELECT count(*) FROM sources WHERE list_contains($ids, doc_id)",
                             {"ids": doc_ids}).fetchall()[0][0]
        self.con.execute("DELETE FROM sources WHERE list_contains($ids, doc_id)", {"ids": doc_ids})
        return n

    def rewrite_file(self) -> str | None:
        """Rewrite the mapping file like the database (see `rewrite`), closing it; its path, or None when there
        is none (in-memory database)."""
        if self.con is None:
            return None
        rewrite(self.con, str(self.path))
        self._con = None
        return str(self.path)

    def close(self) -> None:
        """Close the mapping file."""
        if self._con is not None:
            self._con.close()
            self._con = None


def rewrite(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Copy the live data of the database at `path` into a fresh file and put it in place, so that
    deleted rows do not survive in free blocks or the WAL. `con` is closed by this call."""
    fresh = path + ".rewrite"
    for leftover in (fresh, fresh + ".wal"):
        if os.path.exists(leftover):
            os.remove(leftover)
    name = con.execute("SELECT current_database()").fetchall()[0][0]
    con.execute("CHECKPOINT")
    literal = "'" + fresh.replace("'", "''") + "'"  # ATTACH takes no parameter before DuckDB 2.0
    con.execute(f"ATTACH {literal} AS skillfit_fresh")
    quoted = '"' + name.replace('"', '""') + '"'  # an identifier cannot be a parameter; this is DuckDB's own name
    con.execute(f"COPY FROM DATABASE {quoted} TO skillfit_fresh")
    con.execute("DETACH skillfit_fresh")
    con.close()
    os.replace(fresh, path)
    if os.path.exists(path + ".wal"):
        os.remove(path + ".wal")
