"""Personal data in the store: the candidate-to-file mapping kept apart, and physical erasure.

CVs are personal data. The main database identifies candidates only by a pseudonymous id (a hash of
the CV text); which file a candidate came from lives in a separate file, `<db>.sources.duckdb`, so
the results can be shared without it. Erasure rewrites the database files, because DuckDB leaves
deleted rows readable in free blocks until they are overwritten.

Erasure is journalled, so that an interrupted one (a kill, a full disk, a power cut) is finished by the next run
instead of leaving the person on disk. Before anything is erased, `PendingErasure` writes `<db>.forget-pending`
beside the database: a small JSON file holding the document ids to erase (hashes of CV text), salted hashes of
their source paths and file names (so that `forget --source FILE` run again recognises them; never a name or any
text), the receipt's counts and the steps done so far. It is written to `<db>.forget-pending.tmp`, fsynced and
renamed into place (the folder fsynced too), and rewritten the same way after each step. The steps, each safe to
run again: `rows` (delete the rows), `mapping` (delete the file mapping), `rewrite-db` and `rewrite-mapping`
(delete again, then `rewrite` the file), `leftovers` (remove `.rewrite` files an interrupted rewrite left). When all
are done the journal is removed. `Store(...)` finishes a journal it finds before doing anything else, and
`skillfit forget` of a candidate listed in it reports the finished erasure instead of "no such candidate".

`forget` also notes the erased candidates in the mapping file's `erased` table (a salted hash of each id and the
date), so that loading their CV file or ATS record again skips them with a note instead of adding them back; a
load with `readmit` (a new application) lets them in again. `purge` (retention) notes nobody.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import StoreError
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
            # a copy's own text id (kind "copy": the file maps to the CV it repeats); 0.10.0
            self._con.execute("ALTER TABLE sources ADD COLUMN IF NOT EXISTS text_id VARCHAR")
            # the people erased on request, so that loading their CV again does not add them back silently: a
            # salted hash of the id, never the id or a name (0.10.2)
            self._con.execute("CREATE TABLE IF NOT EXISTS erased (id_hash VARCHAR PRIMARY KEY, erased_at TIMESTAMP)")
            self._con.execute("CREATE TABLE IF NOT EXISTS erased_salt (salt VARCHAR NOT NULL)")
        return self._con

    def _salt(self) -> str:
        """This mapping file's secret salt (made on first use)."""
        assert self.con is not None
        row = self.con.execute("SELECT salt FROM erased_salt").fetchone()
        if row is None:
            row = (secrets.token_hex(16),)
            self.con.execute("INSERT INTO erased_salt VALUES (?)", list(row))
        return row[0]

    def _erased_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """id hash -> doc_id, with this mapping file's salt."""
        salt = self._salt()
        return {_digest(salt, "erased", doc_id): doc_id for doc_id in doc_ids}

    def signature_key(self) -> bytes:
        """The key CV signatures are hashed with (pipeline.near_duplicates): derived from this mapping file's salt, so
        the results file alone cannot be read back by a dictionary of words; none for an in-memory database."""
        return b"" if self.con is None else hashlib.sha256(f"signature|{self._salt()}".encode()).digest()

    def suppress(self, doc_ids: list[str]) -> None:
        """Note that these candidates were erased on request: `erased_on` then names them."""
        if not doc_ids or self.con is None:
            return
        now = datetime.now(timezone.utc)
        for id_hash in self._erased_hashes(doc_ids):
            self.con.execute("INSERT OR REPLACE INTO erased VALUES (?, ?)", [id_hash, now])

    def erased_on(self, doc_ids: list[str]) -> dict[str, datetime]:
        """doc_id -> when it was erased on request, for those of `doc_ids` that were."""
        if not doc_ids or self.con is None:
            return {}
        hashes = self._erased_hashes(doc_ids)
        return {hashes[h]: at for h, at in self.con.execute(
            "SELECT id_hash, erased_at FROM erased WHERE list_contains($h, id_hash)", {"h": list(hashes)}).fetchall()}

    def copy_text_ids(self, doc_ids: list[str]) -> list[str]:
        """The text ids of the files recorded as copies of these candidates (a DOCX and its PDF)."""
        if not doc_ids or self.con is None:
            return []
        return [r[0] for r in self.con.execute("SELECT DISTINCT text_id FROM sources WHERE list_contains($ids, doc_id)"
                                               " AND text_id IS NOT NULL", {"ids": doc_ids}).fetchall()]

    def readmit(self, doc_ids: list[str]) -> None:
        """Let these erased candidates be loaded again (they applied anew)."""
        if doc_ids and self.con is not None:
            self.con.execute("DELETE FROM erased WHERE list_contains($h, id_hash)",
                             {"h": list(self._erased_hashes(doc_ids))})

    def previous(self, sources: Iterable[str | None]) -> dict[str, str]:
        """source -> doc_id as recorded before (None sources, documents without a file, are skipped)."""
        sources = [canonical(s) for s in sources if s]
        if not sources or self.con is None:
            return {}
        return dict(self.con.execute("SELECT source, doc_id FROM sources WHERE list_contains($s, source)",
                                     {"s": sources}).fetchall())

    def contents(self, sources: Iterable[str | None]) -> dict[str, str]:
        """source -> the id of the text the file held when recorded: its candidate's, or for a copy of another
        file's CV (kind "copy") its own."""
        sources = [canonical(s) for s in sources if s]
        if not sources or self.con is None:
            return {}
        return dict(self.con.execute("SELECT source, coalesce(text_id, doc_id) FROM sources"
                                     " WHERE list_contains($s, source)", {"s": sources}).fetchall())

    def record(self, pairs: Iterable[tuple[str | None, str, str] | tuple[str | None, str, str, str | None]]) -> None:
        """Store (source, doc_id, kind[, text_id]) rows, replacing what a source mapped to before; rows without a
        source are skipped."""
        import pyarrow as pa

        now = datetime.now(timezone.utc)
        rows = [{"source": canonical(s), "doc_id": d, "kind": k, "recorded_at": now, "text_id": t}
                for s, d, k, t in ((*p, None)[:4] for p in pairs) if s]
        if rows and self.con is not None:
            self.con.register("incoming_sources", pa.Table.from_pylist(rows))  # Arrow: executemany is slow
            try:
                self.con.execute("INSERT OR REPLACE INTO sources BY NAME SELECT * FROM incoming_sources")
            finally:
                self.con.unregister("incoming_sources")

    def lookup(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """doc_id -> one source file (read-only use; empty when there is no mapping file)."""
        return {doc_id: files[0] for doc_id, files in self.lookup_all(doc_ids).items()}

    def lookup_all(self, doc_ids: Iterable[str]) -> dict[str, list[str]]:
        """doc_id -> every source file it was read from, sorted (a DOCX and its PDF; read-only use)."""
        if self.path is None or not self.path.exists():
            return {}
        import duckdb

        with duckdb.connect(str(self.path), read_only=True) as con:
            return dict(con.execute("SELECT doc_id, list_sort(list(DISTINCT source)) FROM sources"
                                    " WHERE list_contains($ids, doc_id) GROUP BY doc_id",
                                    {"ids": list(doc_ids)}).fetchall())

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

    def sources_of(self, doc_ids: list[str]) -> list[str]:
        """Every source recorded for these documents (empty when there is no mapping file)."""
        if not doc_ids or self.con is None:
            return []
        return [r[0] for r in self.con.execute("SELECT source FROM sources WHERE list_contains($ids, doc_id)"
                                               " ORDER BY source", {"ids": doc_ids}).fetchall()]

    def forget(self, doc_ids: list[str]) -> int:
        """Remove the mapping rows of these documents; returns how many."""
        if not doc_ids or self.con is None:
            return 0
        n = self.con.execute("SELECT count(*) FROM sources WHERE list_contains($ids, doc_id)",
                             {"ids": doc_ids}).fetchall()[0][0]
        self.con.execute("DELETE FROM sources WHERE list_contains($ids, doc_id)", {"ids": doc_ids})
        return n

    def rewrite_file(self, step: str = "rewrite-mapping") -> str | None:
        """Rewrite the mapping file like the database (see `rewrite`), closing it; its path, or None when there
        is none (in-memory database)."""
        if self.con is None:
            return None
        con, self._con = self._con, None  # closed by rewrite, whatever happens
        assert con is not None
        rewrite(con, str(self.path), step)
        return str(self.path)

    def close(self) -> None:
        """Close the mapping file."""
        if self._con is not None:
            self._con.close()
            self._con = None


def rewrite(con: duckdb.DuckDBPyConnection, path: str, step: str = "rewrite") -> None:
    """Copy the live data of the database at `path` into a fresh file and put it in place, so that
    deleted rows do not survive in free blocks or the WAL. `con` is closed by this call, also when it fails;
    a failure leaves the file at `path` as it was and removes the fresh copy. Safe to run again after a kill
    at any point: a fresh copy left behind is removed first. `step` names the kill points for tests
    (`<step>:copied`, `<step>:replaced`, see `kill_point`)."""
    fresh = path + ".rewrite"
    try:
        remove_leftovers(path)
        name = con.execute("SELECT current_database()").fetchall()[0][0]
        con.execute("CHECKPOINT")
        literal = "'" + fresh.replace("'", "''") + "'"  # ATTACH takes no parameter before DuckDB 2.0
        con.execute(f"ATTACH {literal} AS skillfit_fresh")
        quoted = '"' + name.replace('"', '""') + '"'  # an identifier cannot be a parameter; this is DuckDB's own name
        con.execute(f"COPY FROM DATABASE {quoted} TO skillfit_fresh")
        con.execute("CHECKPOINT skillfit_fresh")  # all of the copy in the file, none left in its WAL
        con.execute("DETACH skillfit_fresh")
        kill_point(step + ":copied")
        con.close()
        # After the CHECKPOINT above the old file's WAL holds nothing the copy lacks; left beside the fresh file
        # it would be replayed onto it.
        if os.path.exists(path + ".wal"):
            os.remove(path + ".wal")
        _fsync(fresh)
        os.replace(fresh, path)
        _fsync_folder(path)
        kill_point(step + ":replaced")
    except BaseException:
        try:
            con.close()
        except Exception:
            pass
        try:
            remove_leftovers(path)
        except OSError:
            pass
        raise


def remove_leftovers(path: str | Path) -> None:
    """Remove the fresh copy (and its WAL) an interrupted `rewrite` of `path` left behind."""
    for leftover in (str(path) + ".rewrite", str(path) + ".rewrite.wal"):
        if os.path.exists(leftover):
            os.remove(leftover)


KILL_AT = "SKILLFIT_TEST_KILL_AT"  # tests: the kill point at which erasure kills its own process


def kill_point(name: str) -> None:
    """For tests of interrupted erasure: end this process at once, as a power cut would (SIGKILL: no cleanup,
    no flush), when the environment variable SKILLFIT_TEST_KILL_AT names this point. Does nothing otherwise."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def _fsync(path: str | Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _fsync_folder(path: str | Path) -> None:
    """Make a rename or removal in the folder of `path` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def pending_path(db_path: str | Path) -> Path | None:
    """Where the journal of an unfinished erasure of `db_path` lives (None for an in-memory database)."""
    if str(db_path) == ":memory:":
        return None
    return Path(str(db_path) + ".forget-pending")


class ErasurePending(StoreError):
    """An erasure could not be finished (a full disk, a failing file); its journal stays, and the next `forget`,
    or anything that opens the database with `Store`, finishes it."""


class PendingErasure:
    """The journal of one erasure, `<db>.forget-pending` (see the module's docstring).

    Attributes:
        doc_ids: the documents to erase.
        done: the steps finished, in order (rows, mapping, rewrite-db, rewrite-mapping, leftovers).
        counts: what the receipt reports (documents, mentions, source_mappings), counted before erasing.
        suppress: the ids to note as erased on request in the mapping file (`forget`'s candidates and the text ids
            of their copies; none for `purge` and removed roles), noted with the mapping step.
    """

    FORMAT = "skillfit-forget-pending/1"
    STEPS = ("rows", "mapping", "rewrite-db", "rewrite-mapping", "leftovers")

    def __init__(self, path: Path | None, doc_ids: list[str], salt: str, source_hashes: list[str],
                 counts: dict[str, int], done: list[str] | None = None, started_at: str | None = None,
                 suppress: list[str] | None = None) -> None:
        self.path = path
        self.suppress = suppress or []
        self.doc_ids = doc_ids
        self.salt = salt
        self.source_hashes = source_hashes
        self.counts = counts
        self.done = done or []
        self.started_at = started_at or datetime.now(timezone.utc).isoformat(timespec="seconds")

    @classmethod
    def begin(cls, db_path: str | Path, doc_ids: list[str], sources: Iterable[str],
              counts: dict[str, int], suppress: Iterable[str] = ()) -> PendingErasure:
        """Record an erasure about to start (written to disk before this returns)."""
        salt = secrets.token_hex(16)
        hashes = sorted({_digest(salt, "path", s) for s in sources} | {_digest(salt, "name", _name(s)) for s in sources})
        journal = cls(pending_path(db_path), sorted(set(doc_ids)), salt, hashes, counts, suppress=sorted(set(suppress)))
        journal._write("begin")
        kill_point("journal")
        return journal

    @classmethod
    def load(cls, db_path: str | Path) -> PendingErasure | None:
        """The unfinished erasure of `db_path`, or None when there is none.

        Raises:
            StoreError: the journal is there but cannot be read.
        """
        path = pending_path(db_path)
        if path is None or not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != cls.FORMAT:
                raise ValueError(f"unknown format {str(data.get('format'))[:40]!r}")
            # what to note as erased: none in a journal written before 0.10.2, or where the list is damaged
            suppress = data.get("suppress")
            return cls(path, [str(i) for i in data["doc_ids"]], str(data["salt"]), [str(h) for h in data["sources"]],
                       {k: int(v) for k, v in data["counts"].items()}, [str(s) for s in data["done"]],
                       str(data.get("started_at") or ""),
                       [str(i) for i in suppress] if isinstance(suppress, list) else [])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError(f"{path}: an unfinished erasure is recorded here but cannot be read ({exc}); it lists the"
                             " candidate ids to erase: note them, remove the file, then run `skillfit forget --candidate"
                             " ID` for each") from None

    def finished(self, step: str) -> None:
        """Record that `step` is done (the kill point `step` is just before)."""
        kill_point(step)
        if step not in self.done:
            self.done.append(step)
        self._write(step)

    def close(self) -> None:
        """The erasure is complete: remove the journal."""
        if self.path is not None:
            for path in (self.path, Path(str(self.path) + ".tmp")):
                if path.exists():
                    path.unlink()
            _fsync_folder(self.path)
        kill_point("done")

    def matches(self, reference: str, min_prefix: int = 4) -> list[str]:
        """The documents of this erasure that `reference` names: an id, the start of one (`min_prefix` characters
        or more), or a source file as `SourceMap.find` takes it (its path, or its file name alone)."""
        raw = printable(reference.strip())
        if raw in self.doc_ids:
            return [raw]
        if len(raw) >= min_prefix and (found := [i for i in self.doc_ids if i.startswith(raw)]):
            return found
        named = _digest(self.salt, "path", canonical(raw)) in self.source_hashes or (
            "/" not in raw and "\\" not in raw and _digest(self.salt, "name", raw) in self.source_hashes)
        return list(self.doc_ids) if named else []

    def _write(self, stage: str) -> None:
        if self.path is None:
            return
        data = {"format": self.FORMAT, "doc_ids": self.doc_ids, "salt": self.salt, "sources": self.source_hashes,
                "counts": self.counts, "done": self.done, "started_at": self.started_at, "suppress": self.suppress}
        tmp = Path(str(self.path) + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        kill_point("journal-tmp:" + stage)
        os.replace(tmp, self.path)
        _fsync_folder(self.path)


def _name(source: str) -> str:
    """The file name of a recorded source, as `SourceMap.find` compares it."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _digest(salt: str, kind: str, value: str) -> str:
    return hashlib.sha256(f"{salt}\0{kind}\0{value}".encode("utf-8", "surrogatepass")).hexdigest()
