"""Personal data: the candidate-to-file mapping kept apart, redaction, and physical erasure.

CVs are personal data. The main database identifies candidates only by a pseudonymous id (a hash of
the CV text); which file a candidate came from lives in a separate file, `<db>.sources.duckdb`, so
the results can be shared without it. Erasure rewrites the database files, because DuckDB leaves
deleted rows readable in free blocks until they are overwritten.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

WORD = re.compile(r"[^\W\d_][\w'’-]+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)\+?\d[\d ()./-]{7,}\d")
# A first line with one of these is a job title ("Senior Python Developer"), not a name.
JOB_WORDS = re.compile(r"\b(developer|engineer|manager|analyst|analist|consultant|medewerker|medewerkster|"
                       r"verpleegkundige|nurse|accountant|boekhouder|specialist|officer|assistant|technician|"
                       r"technicus|operator|chauffeur|kok|chef|teacher|leerkracht|docent|recruiter|designer|"
                       r"architect|director|directeur|lead|senior|junior|intern|stagiair|profile|profiel)\b", re.I)
NAME_WORD = re.compile(r"[^\W\d_a-zß-ÿ][^\W\d_]*(?:['’-][^\W\d_]+)*")  # Capitalised, letters only: Jan, El-Amrani
NAME_PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "el", "al", "la", "le", "du", "da", "di",
                  "von", "op", "in", "'t"}
CV_HEADER = re.compile(r"(curriculum vitae|cv|resume|résumé|levensloop)\W*", re.I)
BIRTH_DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d\b")


def canonical(source: str) -> str:
    """The absolute form of a file path, so `cvs/a.pdf`, `./cvs/a.pdf` and the full path are one source.
    URLs (s3://…, from `distributed-extract`) and names such as <stdin> stay as they are."""
    if not source or source.startswith("<") or "://" in source:
        return source
    return str(Path(source).resolve())


def sources_path(db_path: str | Path) -> Path | None:
    """Where the candidate-to-file mapping of `db_path` lives (None for an in-memory database)."""
    if str(db_path) == ":memory:":
        return None
    path = Path(db_path)
    return path.with_name(path.stem + ".sources" + (path.suffix or ".duckdb"))


def name_words(text: str) -> set[str]:
    """Words that identify the person: the words of the CV's name line and the parts of e-mail addresses."""
    words: set[str] = set()
    line = name_line(text)
    if line:
        words |= set(WORD.findall(line))
    for email in EMAIL.findall(text):
        words |= {part for part in re.split(r"[._+-]", email.split("@")[0]) if len(part) > 2}
    return {w.casefold() for w in words}


def name_line(text: str) -> str | None:
    """The line holding the person's name: the first line that is not a CV header ("Curriculum Vitae")
    and looks like a name (two to four capitalised words, no digits); None when the top lines are not."""
    for line in [ln.strip(" \t\ufeff#*|") for ln in text.splitlines() if ln.strip(" \t\ufeff#*|")][:3]:
        if CV_HEADER.fullmatch(line):
            continue
        words = line.split()
        capitalised = [w for w in words if w.lower() not in NAME_PARTICLES]
        if 2 <= len(words) <= 5 and len(capitalised) >= 2 and all(NAME_WORD.fullmatch(w) for w in capitalised) \
                and not JOB_WORDS.search(line):
            return line
        return None
    return None


def redact(sentence: str, names: set[str]) -> str:
    """A sentence without e-mail addresses, phone numbers, dates of birth and the person's name."""
    sentence = PHONE.sub("[phone]", EMAIL.sub("[email]", BIRTH_DATE.sub("[date]", sentence)))
    if names:
        sentence = WORD.sub(lambda m: "[name]" if m.group().casefold() in names else m.group(), sentence)
    return sentence


class SourceMap:
    """The mapping from document id to source file, in its own DuckDB file beside the results."""

    def __init__(self, db_path: str | Path) -> None:
        self.path = sources_path(db_path)
        self._con: duckdb.DuckDBPyConnection | None = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection | None:
        """Connection to the mapping file (opened on first use; None for in-memory databases)."""
        if self._con is None and self.path is not None:
            import duckdb  # here, not at the top: extraction uses this module's text helpers only

            self._con = duckdb.connect(str(self.path))
            self._con.execute("CREATE TABLE IF NOT EXISTS sources (source VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL,"
                              " kind VARCHAR, recorded_at TIMESTAMP)")
        return self._con

    def previous(self, sources: Iterable[str]) -> dict[str, str]:
        """source -> doc_id as recorded before."""
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

    def record(self, pairs: Iterable[tuple[str, str, str]]) -> None:
        """Store (source, doc_id, kind) triples, replacing what a source mapped to before."""
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
    con.execute("ATTACH ? AS skillfit_fresh", [fresh])
    quoted = '"' + name.replace('"', '""') + '"'  # an identifier cannot be a parameter; this is DuckDB's own name
    con.execute(f"COPY FROM DATABASE {quoted} TO skillfit_fresh")
    con.execute("DETACH skillfit_fresh")
    con.close()
    os.replace(fresh, path)
    if os.path.exists(path + ".wal"):
        os.remove(path + ".wal")
