"""Open a skillfit DuckDB file, keep its schema current, and load extraction results idempotently."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb
import numpy as np

from pipeline import __version__
from pipeline.errors import StoreError
from pipeline.job_titles import TITLE_PREFIX, title_row
from pipeline.model import OPEN_PREFIX, Document
from pipeline.model import document_id as text_id
from pipeline.near_duplicates import SIZE, Seen, signature
from pipeline.occupations import OCCUPATION_PREFIX, occupation_row
from pipeline.rows import EXTRACTED_WITH, rows_for, schemas
from pipeline.store.privacy import ErasurePending, PendingErasure, SourceMap, canonical, remove_leftovers, sources_path
from pipeline.taxonomy import Taxonomy

SCHEMA_VERSION = 8
# Statements that bring a file of schema version N-1 up to N. schema.sql always has the newest shape,
# so a new file needs none of them; each must be safe to run twice.
MIGRATIONS: dict[int, list[str]] = {
    2: ["ALTER TABLE documents ADD COLUMN IF NOT EXISTS expires_at TIMESTAMP"],
    3: [],  # new tables fit_scores and fit_scores_state: schema.sql creates them (IF NOT EXISTS); nothing changes
    # alternatives of one requirement (the extract contract's `group`); schema.sql adds the skill_commonness table
    # and the fit_weights rows equivalent, common and common_share
    4: ["ALTER TABLE mentions ADD COLUMN IF NOT EXISTS alt_group VARCHAR"],
    # how sure the kind is; skills outside the taxonomy are skills rows with category 'open' (no change)
    5: ["ALTER TABLE documents ADD COLUMN IF NOT EXISTS kind_confidence DOUBLE"],
    # the settings a document was extracted with: a load with others replaces its rows
    6: ["ALTER TABLE documents ADD COLUMN IF NOT EXISTS extracted_with VARCHAR"],
    # a CV's word signature, to find the same CV in another file (pipeline.near_duplicates)
    7: ["ALTER TABLE documents ADD COLUMN IF NOT EXISTS signature BIGINT[]"],
    # signatures are hashed with the sources file's key now: the old ones (a public hash, which a dictionary of
    # names and towns read back) go, and a CV loaded again gets a new one
    8: ["UPDATE documents SET signature = NULL WHERE signature IS NOT NULL"],
}
DEFAULT_RETENTION_DAYS = 28.0  # four weeks after loading, unless the user says otherwise


def _sql(name: str) -> str:
    return (resources.files("pipeline.store") / name).read_text(encoding="utf-8")


def connect(path: str | Path, read_only: bool = False, any_database: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and, when writable, create or migrate) a skillfit database file. Read-only, a DuckDB file that
    skillfit never wrote is refused with a StoreError unless `any_database` (for `skillfit sql`)."""
    path = str(path)
    try:
        if read_only and path != ":memory:":
            if not Path(path).exists():
                raise StoreError(f"{path}: no such database (run `skillfit screen` or `skillfit load` first)")
            con = duckdb.connect(path, read_only=True)
            if not any_database and not con.execute(
                    "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version'").fetchall()[0][0]:
                con.close()
                raise StoreError(f"{path}: not a skillfit database (run `skillfit screen` or `skillfit load` first)")
            return con
        if path != ":memory:" and not Path(path).exists() and not Path(f"{path}.wal").exists():
            _create(path)
        con = duckdb.connect(path)
    except duckdb.IOException as exc:
        message = str(exc).splitlines()[0]
        if "lock" in message.lower():
            raise StoreError(f"{path}: database busy (another process has it open: a load, or a reader such as a "
                             f"dashboard): {message}") from None
        raise StoreError(f"{path}: cannot open database: {message}") from None
    apply_schema(con)
    return con


def _create(path: str) -> None:
    """A new database file with the schema, made under another name and renamed into place: a run killed while
    creating it leaves no file without tables behind."""
    import os

    temporary = f"{path}.creating-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # each run its own: runs may race
    try:
        con = duckdb.connect(temporary)
        try:
            apply_schema(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        try:
            os.link(temporary, path)  # only where no file is yet: another run may have made it meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not os.path.exists(path):
                os.replace(temporary, path)
    finally:
        for leftover in (temporary, f"{temporary}.wal"):
            if os.path.exists(leftover):
                os.remove(leftover)


def connect_writable(path: str | Path, any_database: bool = False) -> duckdb.DuckDBPyConnection:
    """`connect(path)` for writing, after finishing an erasure an interrupted `forget` left pending (the commands
    that write without a Store: `fit --refresh`, `scores`, `sql --write`)."""
    if PendingErasure.load(str(path)) is not None:
        Store(path).close()  # opening a Store finishes it
    return connect(path, any_database=any_database)


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, migrate older versions, (re)create views and macros."""
    try:
        con.execute(_sql("schema.sql"))
    except duckdb.Error as exc:
        raise StoreError(f"cannot apply the skillfit schema: {str(exc).splitlines()[0]}") from None
    current = con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
    if current is not None and current > SCHEMA_VERSION:
        raise StoreError(f"database schema version {current} is newer than this skillfit ({SCHEMA_VERSION}): upgrade")
    for version in range((current or SCHEMA_VERSION) + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
    if current is None or current < SCHEMA_VERSION:
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
    con.execute(_commonness_sql())
    con.execute(_sql("views.sql"))


@cache
def _commonness_sql() -> str:
    """One INSERT of the shipped skill commonness figures (commonness.csv, from bench/commonness.py); rows the
    user changed, or that are there already, stay as they are."""
    import csv

    rows = list(csv.DictReader(_sql("commonness.csv").splitlines()))
    if not rows:
        return "SELECT 1"

    def text(value: str) -> str:
        return "'" + value.replace("'", "''") + "'"

    values = ",\n".join(f"({text(r['skill_id'])}, {float(r['share'])!r}, {int(r['occupations'])}, {text(r['basis'])})"
                         for r in rows)
    return f"INSERT INTO skill_commonness VALUES\n{values}\nON CONFLICT DO NOTHING"


def _new_version_of(doc: Document, kept: str, previous: dict[str, str], held: dict[str, str]) -> bool:
    """Whether `doc` is its file's new text repeating the candidate the file was: an update, not a copy (the old
    text stays where another file still holds it)."""
    source = canonical(doc.source) if doc.source else None
    return source is not None and previous.get(source) == kept and held.get(source, doc.id) != doc.id


def open_skills(mention_rows: list[dict]):
    """A skills row (category "open") for each skill outside the taxonomy that `mention_rows` name, so the fit views
    join them like concepts: the same key in a CV and a vacancy is the same skill; the same for occupations
    (category "occupation": the same ISCO group in a CV and a vacancy is the same job) and job-title words
    (category "title")."""
    import pyarrow as pa

    first: dict[str, dict] = {}
    for r in mention_rows:
        if r["skill_id"] in first:
            continue
        if r["skill_id"].startswith(OPEN_PREFIX):
            label = r["skill_id"][len(OPEN_PREFIX):]
            first[r["skill_id"]] = {"skill_id": r["skill_id"], "type": r["type"] or "hard", "category": r["category"],
                                    "label_en": label, "label_nl": label}
        elif r["skill_id"].startswith(OCCUPATION_PREFIX):
            first[r["skill_id"]] = occupation_row(r["skill_id"])
        elif r["skill_id"].startswith(TITLE_PREFIX):
            first[r["skill_id"]] = title_row(r["skill_id"])
    return pa.Table.from_pylist(list(first.values()), schema=pa.schema(
        [(name, pa.string()) for name in ("skill_id", "type", "category", "esco_uri", "label_en", "label_nl")]))


class _WriterLock:
    """One writer per database file in this process: two threads loading into one file would share DuckDB's
    instance and fail on each other's writes ("write-write conflict"); the second waits for the first to close its
    Store. Released by whichever thread closes the Store. A thread that opens a second Store on a file it holds open
    gets an error, not a second writer (a pool thread that left its first Store open)."""

    def __init__(self, path: str) -> None:
        self._free = threading.Condition()
        self._owner: int | None = None
        self.path = path

    def acquire(self) -> None:
        me = threading.get_ident()
        with self._free:
            if self._owner == me:
                raise StoreError(f"{self.path}: this thread has it open for writing already (close that Store first)")
            while self._owner is not None:
                self._free.wait()
            self._owner = me

    def release(self) -> None:
        with self._free:
            self._owner = None
            self._free.notify_all()


_WRITERS: dict[str, _WriterLock] = {}
_WRITERS_GUARD = threading.Lock()


def _writer_lock(path: str | Path) -> _WriterLock | None:
    """The lock of a database file; None for an in-memory database (each connection its own database)."""
    if str(path) == ":memory:":
        return None
    key = str(Path(path).resolve())
    with _WRITERS_GUARD:
        return _WRITERS.setdefault(key, _WriterLock(key))


class Store:
    """A writable skillfit database: one run at a time loads documents into it (threads of one process that open
    a Store on the same file take turns: the second waits until the first is closed).

    Args:
        path: the DuckDB file (created when missing); the CV-to-file mapping goes beside it.
        retention_days: CVs get `expires_at` this many days after loading (None: no expiry);
            `purge` removes them once expired.
        merge_copies: a CV that repeats a stored one (the same CV in another file: `pipeline.near_duplicates`) is
            not stored again; False stores every text (tests of CVs that differ only in a name, say).
        reset_expiry: CVs loaded before that a write reads again get `retention_days` from their loading too (a
            retention the user set: shortened, it must reach the CVs stored already); False keeps their expiry.
    """

    def __init__(self, path: str | Path, retention_days: float | None = DEFAULT_RETENTION_DAYS,
                 merge_copies: bool = True, reset_expiry: bool = False) -> None:
        self.path = str(path)
        self.merge_copies = merge_copies
        self.reset_expiry = reset_expiry
        self._writer = _writer_lock(path)
        if self._writer is not None:
            self._writer.acquire()
        try:
            self.con = connect(path)
            self.sources = SourceMap(path)
        except BaseException:
            self._release()
            raise
        self.retention_days = retention_days
        self.last_written: tuple[str, ...] = ()  # the ids the last write wrote (a run's log counts their mentions)
        self.last_duplicates: tuple[tuple[Document, str], ...] = ()  # the last write's copies: (CV, id it repeats)
        # An erasure that an earlier run began and could not finish (`<db>.forget-pending`) is finished first.
        self.resumed: PendingErasure | None = None
        self.resumed_receipt: dict | None = None
        try:
            self.resumed = PendingErasure.load(self.path)
            if self.resumed is not None:
                self.resumed_receipt = {**self._erase(self.resumed), "resumed": True}
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the connections (checkpointing the WAL), and let another thread's Store on this file go on."""
        try:
            try:
                self.con.close()
            finally:
                self.sources.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All of the block's statements or none of them."""
        self.con.execute("BEGIN")
        try:
            yield
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def sync_taxonomy(self, taxonomy: Taxonomy) -> None:
        """Make the skills and skill_labels tables equal to `taxonomy`."""
        import pyarrow as pa

        skills = pa.Table.from_pylist([  # Arrow, not executemany: a hundred times faster for ESCO's 14k rows
            {"skill_id": s.id, "type": s.type, "category": s.category, "esco_uri": s.esco_uri, "broader": s.broader,
             "label_en": s.label("en"), "label_nl": s.label("nl")} for s in taxonomy.skills.values()])
        labels = pa.Table.from_pylist([
            {"skill_id": s.id, "language": lang, "label": label, "preferred": i == 0}
            for s in taxonomy.skills.values() for lang, labs in s.labels.items() for i, label in enumerate(labs)])
        with self._transaction():
            self.con.execute(f"DELETE FROM skills WHERE NOT starts_with(skill_id, '{OPEN_PREFIX}')"  # kept: in use
                             f" AND NOT starts_with(skill_id, '{OCCUPATION_PREFIX}')"
                             f" AND NOT starts_with(skill_id, '{TITLE_PREFIX}')")
            self.con.execute("DELETE FROM skill_labels")
            for table, rows in (("skills", skills), ("skill_labels", labels)):
                if rows.num_rows:  # DuckDB cannot scan an Arrow table without columns
                    self.con.register("incoming", rows)
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
                    self.con.unregister("incoming")

    def start_run(self, taxonomy: Taxonomy, command: str = "load") -> str:
        """Record a new run and return its id."""
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, command, skillfit_version, taxonomy_version, taxonomy_hash)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [run_id, datetime.now(timezone.utc), command, __version__, taxonomy.version, taxonomy.content_hash])
        return run_id

    def finish_run(self, run_id: str, ok: int, skipped: int, failed: list[dict], mentions: int) -> None:
        """Store the run's counts and per-file errors."""
        self.con.execute(
            "UPDATE runs SET finished_at = ?, files_ok = ?, files_skipped = ?, files_failed = ?, mentions = ?,"
            " errors = ? WHERE run_id = ?",
            [datetime.now(timezone.utc), ok, skipped, len(failed), mentions, json.dumps(failed), run_id])

    def current(self, docs: list[Document], taxonomy: Taxonomy) -> set[str]:
        """Ids of the documents already loaded unchanged with this taxonomy and the same extraction settings
        (`Extractor.settings`; where a document carries none, the taxonomy decides): loading them adds nothing."""
        rows = self.con.execute(
            "SELECT doc_id, source, extracted_with FROM documents WHERE taxonomy_hash = $hash"
            " AND list_contains($ids, doc_id)", {"hash": taxonomy.content_hash, "ids": [d.id for d in docs]}).fetchall()
        loaded = {doc_id: (source, settings) for doc_id, source, settings in rows}
        return {d.id for d in docs
                if d.id in loaded and (d.kind == "cv" or d.source is None or loaded[d.id][0] == d.source)
                and d.meta.get(EXTRACTED_WITH) in (None, loaded[d.id][1])}

    def kind_conflicts(self, docs: list[Document]) -> dict[str, str]:
        """Record ids (an ATS's own, not a hash of the text) stored already as the other kind: id -> stored kind.
        CVs and vacancies share ids, so loading one would replace the other."""
        own = [d for d in docs if d.id != text_id(d.text)]
        if not own:
            return {}
        stored = dict(self.con.execute("SELECT doc_id, kind FROM documents WHERE list_contains($ids, doc_id)",
                                       {"ids": [d.id for d in own]}).fetchall())
        return {d.id: stored[d.id] for d in own if d.id in stored and stored[d.id] != d.kind}

    def _reset_expiry(self, doc_ids: list[str]) -> None:
        """Stored CVs expire `retention_days` after they were loaded (never, without a retention)."""
        if not doc_ids:
            return
        microseconds = round(self.retention_days * 86_400e6) if self.retention_days else None
        self.con.execute("UPDATE documents SET expires_at = CASE WHEN $us IS NULL THEN NULL"
                         " ELSE loaded_at + to_microseconds(CAST($us AS BIGINT)) END"
                         " WHERE kind = 'cv' AND list_contains($ids, doc_id)", {"us": microseconds, "ids": doc_ids})

    def write(self, docs: list[Document], taxonomy: Taxonomy, run_id: str) -> int:
        """Insert or replace a batch of documents and their mentions in one transaction (Arrow batches).

        Documents already loaded unchanged are skipped; a changed file (same source, new content)
        replaces the rows of its previous version; a CV that repeats one stored (nearly all its words: a DOCX
        and its PDF) is not stored again, its file maps to that candidate (`last_duplicates` names them). A crash
        leaves the whole batch out, never half of it. Returns how many documents were written.
        """
        unchanged = self.current(docs, taxonomy) if docs else set()
        if self.reset_expiry:
            self._reset_expiry([d.id for d in docs if d.id in unchanged and d.kind == "cv"])
        fresh = {doc.id: doc for doc in docs if doc.id not in unchanged}  # the same content twice is one document
        self.last_written, self.last_duplicates = (), ()
        cvs = [d for d in fresh.values() if d.kind == "cv"]
        previous = self.sources.previous(d.source for d in cvs)  # file -> the candidate it was
        # A CV file whose content changed replaces the candidate it was before, unless a file not loaded now still
        # maps to it (the other file of a DOCX/PDF pair).
        loading = {canonical(d.source) for d in cvs if d.source}
        outgoing = {old for old in set(previous.values())
                    if old not in fresh and set(self.sources.sources_of([old])) <= loading}
        # Copies are looked for among CVs identified by their text: a record's own id (an ATS's) is its own candidate.
        key = self.sources.signature_key()
        signatures = {d.id: signature(d.text, key) for d in cvs if d.id == text_id(d.text)}
        held = self.sources.contents(d.source for d in cvs)  # file -> the text it held before
        same = {doc_id: kept for doc_id, kept in self._same_cvs(fresh, signatures, exclude=outgoing).items()
                if not _new_version_of(fresh[doc_id], kept, previous, held)}
        near = tuple((fresh.pop(doc_id), kept) for doc_id, kept in same.items())
        self.last_duplicates = near + self._exact_copies(docs, unchanged, same, {id(doc) for doc, _ in near})
        if self.reset_expiry:  # a copy read again is the stored CV read again
            self._reset_expiry(sorted(set(same.values())))
        mapping = [(d.source, same[d.id], "copy", d.id) if d.id in same else (d.source, d.id, d.kind)
                   for d in docs if d.kind == "cv"]
        if not fresh:
            self.sources.record(mapping)
            return 0
        replaced = list(outgoing - set(same.values()))
        now = datetime.now(timezone.utc)
        expires = now + timedelta(days=self.retention_days) if self.retention_days else None
        rows = rows_for(fresh.values(), taxonomy)
        documents = self._incoming("documents", rows["documents"], run_id=[run_id] * len(fresh),
                                   loaded_at=[now] * len(fresh),
                                   expires_at=[expires if d.kind == "cv" else None for d in fresh.values()],
                                   signature=[signatures.get(doc_id) for doc_id in fresh])
        mentions = self._incoming("mentions", rows["mentions"])
        self.con.register("incoming_documents", documents)
        self.con.register("incoming_mentions", mentions)
        self.con.register("incoming_open_skills", open_skills(rows["mentions"]))
        try:
            with self._transaction():
                stale = ("SELECT d.doc_id FROM documents d JOIN incoming_documents i"
                         " ON d.doc_id = i.doc_id OR (d.source = i.source AND i.source IS NOT NULL)"
                         " UNION SELECT unnest($replaced)")
                # A CV extracted again (other settings, a new version) keeps the expiry of its first load: loading
                # it anew does not lengthen its retention.
                self.con.execute("CREATE OR REPLACE TEMP TABLE kept_expiry AS SELECT d.doc_id, d.expires_at"
                                 " FROM documents d JOIN incoming_documents i USING (doc_id)"
                                 " WHERE d.expires_at IS NOT NULL")
                self.con.execute(f"DELETE FROM mentions WHERE doc_id IN ({stale})", {"replaced": replaced})
                self.con.execute(f"DELETE FROM documents WHERE doc_id IN ({stale})", {"replaced": replaced})
                self.con.execute("INSERT INTO documents BY NAME SELECT * FROM incoming_documents")
                if not self.reset_expiry:
                    self.con.execute("UPDATE documents SET expires_at = k.expires_at FROM kept_expiry k"
                                     " WHERE documents.doc_id = k.doc_id")
                self.con.execute("DROP TABLE kept_expiry")
                self.con.execute("INSERT INTO mentions BY NAME SELECT * FROM incoming_mentions")
                self.con.execute("INSERT INTO skills BY NAME SELECT * FROM incoming_open_skills"
                                 " WHERE skill_id NOT IN (SELECT skill_id FROM skills)")
                self._drop_unused_open_skills()
        finally:
            for name in ("incoming_documents", "incoming_mentions", "incoming_open_skills"):
                self.con.unregister(name)
        self.sources.record(mapping)
        self.last_written = tuple(fresh)
        return len(fresh)

    def _exact_copies(self, docs: list[Document], unchanged: set[str], same: dict[str, str],
                      reported: set[int]) -> tuple[tuple[Document, str], ...]:
        """CVs whose very text is stored, comes earlier in this batch, or is a copy found of a stored CV (`same`),
        from another file ("CV (1).pdf" beside "CV.pdf") that does not map to that candidate yet: stored once as
        always, and named with the candidate they repeat, so that a user sees the copy (`reported`: the ids of
        the documents `same` named already)."""
        previous = self.sources.previous(d.source for d in docs if d.kind == "cv")  # file -> the candidate it was
        first: dict[str, str] = {}  # text id -> the first file of this batch that held it
        copies = []
        for doc in docs:
            if doc.kind != "cv" or not doc.source or id(doc) in reported:
                continue
            source, kept = canonical(doc.source), same.get(doc.id, doc.id)
            later_in_batch = first.setdefault(doc.id, source) != source
            if previous.get(source) != kept and (doc.id in unchanged or doc.id in same or later_in_batch):
                copies.append((doc, kept))
        return tuple(copies)

    def _same_cvs(self, fresh: dict[str, Document], signatures: dict[str, list[int] | None],
                  exclude: set[str]) -> dict[str, str]:
        """new CV id -> the id of the CV it repeats: one stored before (not in `exclude`, the earlier versions of
        the files being loaded, which they replace) or one earlier in this batch. CVs stored already (extracted
        again with other settings) come first, so that they stay the candidate and their copies stay copies."""
        if not self.merge_copies or not any(signatures.values()):
            return {}
        stored = self.con.execute("SELECT doc_id, chars, signature FROM documents WHERE kind = 'cv' AND signature IS"
                                  " NOT NULL AND len(signature) = $size AND NOT list_contains($ids, doc_id)",
                                  {"ids": [*fresh, *exclude], "size": SIZE}).fetchnumpy()
        seen = Seen(list(stored["doc_id"]), stored["chars"],
                    np.concatenate(list(stored["signature"])) if len(stored["signature"]) else np.zeros(0))
        again = {r[0] for r in self.con.execute("SELECT doc_id FROM documents WHERE list_contains($ids, doc_id)",
                                                {"ids": list(signatures)}).fetchall()}
        same = {}
        for doc_id in sorted(signatures, key=lambda i: i not in again):
            chars, sig = len(fresh[doc_id].text), signatures[doc_id]
            kept = seen.same_as(chars, sig)
            if kept:
                same[doc_id] = kept
            else:
                seen.add(doc_id, chars, sig)
        return same

    def _drop_unused_open_skills(self) -> None:
        """Remove the skills rows of open skills, occupations and title words that no mention names any more."""
        self.con.execute(f"DELETE FROM skills WHERE (starts_with(skill_id, '{OPEN_PREFIX}')"
                         f" OR starts_with(skill_id, '{OCCUPATION_PREFIX}') OR starts_with(skill_id, '{TITLE_PREFIX}'))"
                         " AND skill_id NOT IN (SELECT skill_id FROM mentions)")

    def _incoming(self, table: str, rows: list[dict], **run_columns: list):
        """`rows` as an Arrow table in their schema (pipeline.rows), cut to the columns the database table
        `table` has (the rows carry the Parquet result's columns), with `run_columns` added."""
        import pyarrow as pa

        have = {r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()}
        incoming = pa.Table.from_pylist(rows, schema=pa.schema([f for f in schemas()[table] if f.name in have]))
        for name, values in run_columns.items():
            incoming = incoming.append_column(name, pa.array(values))
        return incoming

    def forget(self, doc_ids: list[str], suppress: bool = False) -> dict:
        """Erase candidates: their rows, their file mapping, and every trace in the database files.

        What is to be erased is journalled first (`<db>.forget-pending`, see pipeline.store.privacy), so an
        erasure that is interrupted (a kill, a power cut, a full disk) is finished by the next `Store` opened on
        this database. Returns a receipt (what was removed, when, which files were rewritten); when this Store
        finished an earlier, interrupted erasure on opening, its receipt is added as `finished_pending`. With
        `suppress` (an erasure on request), the candidates and the copies of their CVs are noted as erased in the
        mapping file, so that a later load skips them (`SourceMap.erased_on`).

        Raises:
            ErasurePending: the erasure could not be finished (a full disk, a file that cannot be written); the
                rows are gone from queries once this happens after the first step, and the journal stays.
        """
        doc_ids = sorted(set(doc_ids))
        documents, mentions = self.con.execute(
            "SELECT (SELECT count(*) FROM documents WHERE list_contains($ids, doc_id)),"
            " (SELECT count(*) FROM mentions WHERE list_contains($ids, doc_id))", {"ids": doc_ids}).fetchall()[0]
        sources = self.sources.sources_of(doc_ids)
        noted = [*doc_ids, *self.sources.copy_text_ids(doc_ids)] if suppress else []
        journal = PendingErasure.begin(self.path, doc_ids, sources, {
            "documents": documents, "mentions": mentions, "source_mappings": len(sources)}, suppress=noted)
        receipt = self._erase(journal)
        if self.resumed_receipt is not None:
            receipt["finished_pending"] = self.resumed_receipt
        return receipt

    def _erase(self, journal: PendingErasure) -> dict:
        """Carry out the steps of `journal` not done yet, recording each, then remove it; the receipt."""
        ids = journal.doc_ids
        try:
            if "rows" not in journal.done:
                self._delete_rows(ids)
                journal.finished("rows")
            if "mapping" not in journal.done:
                self.sources.forget(ids)
                self.sources.suppress(journal.suppress)
                journal.finished("mapping")
            rewritten = self._rewrite_files(journal)
            if "leftovers" not in journal.done:
                for path in (self.path, sources_path(self.path)):
                    if path is not None and str(path) != ":memory:":
                        remove_leftovers(path)
                journal.finished("leftovers")
            journal.close()
        except (OSError, duckdb.Error) as exc:
            reason = (f"{exc.strerror}" if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
                      if str(exc) else type(exc).__name__)
            where = f"; it is recorded in {journal.path}" if journal.path is not None else ""
            raise ErasurePending(
                f"{self.path}: the erasure of {len(ids)} candidate(s) is not finished ({reason}){where}; the next"
                " `skillfit forget`, `purge`, `load` or `screen` on this database finishes it") from None
        self._refresh_scores()
        return {"forgotten": ids, **journal.counts, "files_rewritten": rewritten,
                "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}

    def _delete_rows(self, doc_ids: list[str]) -> None:
        """Delete the documents' rows (one transaction; nothing when they are gone already)."""
        with self._transaction():
            self.con.execute("DELETE FROM mentions WHERE list_contains($ids, doc_id)", {"ids": doc_ids})
            self.con.execute("DELETE FROM documents WHERE list_contains($ids, doc_id)", {"ids": doc_ids})
            self.con.execute("DELETE FROM fit_scores WHERE list_contains($ids, candidate_id)"
                             " OR list_contains($ids, role_id)", {"ids": doc_ids})  # a candidate's, or a role's
            self._drop_unused_open_skills()  # their phrases came from the forgotten documents' text

    def _refresh_scores(self) -> None:
        """Recompute stored fit scores that were in use (the ranks of the others change); a failure leaves them
        stale, and ranking falls back to the fit_for_role macro."""
        from pipeline.store.scores import refresh, state

        if state(self.con) is not None:
            try:
                refresh(self.con)
            except Exception:  # the erasure is done; stale scores are not used
                pass

    def expired(self, now: datetime | None = None) -> list[str]:
        """Ids of candidates whose retention has run out."""
        now = now or datetime.now(timezone.utc)
        return [r[0] for r in self.con.execute(
            "SELECT doc_id FROM documents WHERE kind = 'cv' AND expires_at IS NOT NULL AND expires_at <= $now",
            {"now": now}).fetchall()]

    def _rewrite_files(self, journal: PendingErasure) -> list[str]:
        """Rewrite the database and the mapping file so deleted data is gone from disk, then reopen. Each
        rewrite deletes the journal's rows again first (they are gone whatever became of a WAL since), and is
        skipped when the journal records it done. The files rewritten (none for an in-memory database)."""
        from pipeline.store.privacy import rewrite

        if self.path == ":memory:":
            return []
        files = [self.path]
        if "rewrite-db" not in journal.done:
            self._delete_rows(journal.doc_ids)
            rewrite(self.con, self.path, "rewrite-db")
            self.con = connect(self.path)
            journal.finished("rewrite-db")
        if "rewrite-mapping" not in journal.done:
            self.sources.forget(journal.doc_ids)
            mapping = self.sources.rewrite_file("rewrite-mapping")
            journal.finished("rewrite-mapping")
        else:
            mapping = str(self.sources.path) if self.sources.path is not None else None
        if mapping is not None:
            files.append(mapping)
        return files
