"""Screening: load CVs and vacancies into a skillfit database, keep the stored fit scores fresh, rank the
candidates for each role and say what they miss.

What the `skillfit` commands, the HTML report (pipeline/report.py) and your own code call; it knows nothing of
click. Functions take an open connection (`pipeline.store.connect`) unless they load or erase data, which take
the database path. Problems are raised (pipeline.errors) or, where the work goes on, passed to a callback.

    from pipeline import Extractor
    from pipeline.screening import load_paths, ranking, roles
    from pipeline.store import connect

    load_paths("screening.duckdb", Extractor(), ["vacancies/"], "vacancy", refresh_scores=False)
    load_paths("screening.duckdb", Extractor(), ["cvs/"], "cv")
    with connect("screening.duckdb", read_only=True) as con:
        for role_id, title in roles(con):
            print(title, [(r["candidate"], r["score"]) for r in ranking(con, "screening.duckdb", role_id, top=3)])
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import duckdb

from pipeline.api import Extractor, Failure, iter_files, record_kind
from pipeline.batch import Limits, extract_batch
from pipeline.errors import SkillfitError, StoreError
from pipeline.model import Document, document_id
from pipeline.paths import printable
from pipeline.store import Store, scores
from pipeline.store.loader import DEFAULT_RETENTION_DAYS
from pipeline.store.privacy import SourceMap, canonical, sources_path

__all__ = [
    "LOAD_BATCH", "MAX_GAP_SKILLS", "Loaded", "load_paths", "refresh_fit_scores",
    "roles", "role_exists", "resolve_role", "NoSuchRole", "ranking", "candidate_details", "gap", "Fit", "fit_of", "QueryError", "query",
    "NoSuchCandidate", "forget", "purge", "candidate_exists", "resolve_candidate", "short_id_length", "SHORT_ID",
    "Match", "RankedCandidate", "PoolGap", "RoleOverview", "RunRecord", "Overview", "overview", "ranked_candidates",
    "candidate_names", "file_name",
]

log = logging.getLogger(__name__)

LOAD_BATCH = 64  # documents per transaction: all of a batch is in, or none of it
MAX_GAP_SKILLS = 10  # a role's required skills listed in the pool's skills gap, most lacked first
LABEL_LANGUAGES = ("en", "nl")  # the languages skills are named in (--labels)


def in_language(column: str, labels: str) -> str:
    """The fit views' column that holds `column` (label_en, matched_label, via_skill ...) in `labels`' language:
    the Dutch ones end in _nl and fall back to English where the taxonomy has no Dutch label."""
    if labels not in LABEL_LANGUAGES:
        raise ValueError(f"labels must be one of {', '.join(LABEL_LANGUAGES)}, not {labels!r}")
    if labels == "en":
        return column
    return "label_nl" if column == "label_en" else f"{column}_{labels}"

Progress = Callable[[Iterable, int, str], Iterable]  # (items, total, label) -> the same items, e.g. with a bar


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class Loaded:
    """What one `load_paths` call did: documents written, documents already there unchanged, files that failed,
    CVs not stored because they repeat a stored one: (file or id, the id of the candidate it repeats), and CVs
    not stored because their person was erased on request."""

    written: int
    skipped: int
    failures: tuple[Failure, ...]
    duplicates: tuple[tuple[str, str], ...] = ()
    erased: tuple[tuple[str, datetime], ...] = ()  # (file or id, when erased): CVs of people erased on request


def _database_files(db: str | Path) -> set[Path]:
    """The files of the database at `db` and of its sources mapping, with their write-ahead logs."""
    if str(db) == ":memory:":
        return set()
    bases = [Path(db), sources_path(db)]
    return {Path(f"{base}{suffix}").resolve() for base in bases if base for suffix in ("", ".wal")}


def load_paths(db: str | Path, extractor: Extractor, paths: Iterable[str], kind: str | None = None,
               workers: int | None = None, limits: Limits | None = None, retention_days: float | None = None,
               refresh_scores: bool = True, *, on_failure: Callable[[Failure], None] | None = None,
               progress: Progress | None = None, warn: Callable[[str], None] | None = None,
               documents: Iterable[Document | Failure] = (),
               on_duplicate: Callable[[str, str], None] | None = None, readmit: bool = False,
               on_erased: Callable[[str, datetime], None] | None = None) -> Loaded:
    """Extract files (in isolated worker processes) and load them into the database at `db`, idempotently.

    A path holding a Parquet result of `skillfit distributed-extract` is read, not extracted again. The
    stored fit scores are refreshed afterwards unless `refresh_scores` is False (pass False for all but the
    last of several loads).

    Args:
        db: DuckDB file, created when absent.
        extractor: Extractor whose taxonomy the documents are matched and stored with.
        paths: files, folders or distributed-extract results.
        kind: "cv" or "vacancy" (or a folder word, see pipeline.api.record_kind); None takes it from the folder
            name.
        workers: worker processes (None: one per core).
        limits: time and memory one file may take.
        retention_days: days from loading until CVs expire, also for CVs loaded before that this load reads again;
            0: never; None: the default (28 days) for new CVs, and the expiry they have for the others.
        refresh_scores: recompute the stored fit scores when the load changed them.
        on_failure: called with each file that could not be read, as it happens (default: a logged warning).
        progress: wraps the stream of results, e.g. in a progress bar.
        warn: called with a message when the fit scores could not be refreshed (default: a logged warning).
        documents: documents extracted already (`Extractor.extract` of JSONL records, say), loaded after the files;
            Failures among them are reported as the files' are.
        on_duplicate: called with (file, candidate id) for each CV not stored because it repeats that candidate,
            one loaded before or earlier in this call (the same CV as DOCX and PDF, say).
        readmit: load CVs of people erased on request (`forget`) again, as a new application; else they are
            skipped, and `on_erased` is called with (file or id, when they were erased) for each.

    Returns:
        Loaded: counts of written and unchanged documents, the failures and the duplicates.
    """
    from itertools import chain

    from pipeline.distributed import Result, is_result

    kind = record_kind(kind) if kind else None  # "Resume" is a cv; "banana" a ValueError before anything is written
    on_failure = on_failure or (lambda f: log.warning("%s: %s: %s", f.source, f.status, f.reason))
    flags = [(p, is_result(p)) for p in paths]
    results = [Result(p) for p, flag in flags if flag]
    for result in results:  # before anything is written: same taxonomy, texts still there
        result.check_loadable(extractor.taxonomy)
    paths = [p for p, flag in flags if not flag]
    failures: list[Failure] = []
    duplicates: list[tuple[str, str]] = []
    refused: list[tuple[str, datetime]] = []  # CVs of people erased on request, not loaded again
    written = skipped = mentions = 0
    retention = DEFAULT_RETENTION_DAYS if retention_days is None else retention_days or None
    with Store(db, retention_days=retention, reset_expiry=retention_days is not None) as store:
        store.sync_taxonomy(extractor.taxonomy)
        run_id = store.start_run(extractor.taxonomy, command=f"load {kind or ''}".strip())
        own = _database_files(db)  # a folder that holds the database: its own files are no documents
        files = [f for f in iter_files(paths) if f.resolve() not in own]
        pending: list = []

        def flush() -> None:
            nonlocal written, skipped, mentions
            admitted, erased, conflicts = _admissible(store, pending, readmit)
            for doc, at in erased:
                refused.append((doc.source or doc.id, at))
                if on_erased:
                    on_erased(doc.source or f"id {doc.id[:80]!r}", at)
            for failure in conflicts:
                on_failure(failure)
                failures.append(failure)
            pending[:] = admitted
            n = store.write(pending, extractor.taxonomy, run_id)
            copies = [(doc.source or doc.id, kept) for doc, kept in store.last_duplicates]
            if on_duplicate:
                for source, kept in copies:
                    on_duplicate(source, kept)
            duplicates.extend(copies)
            written, skipped = written + n, skipped + len(pending) - n - len(copies)
            written_docs = {d.id: d for d in pending if d.id in store.last_written}  # not the unchanged, once each
            mentions += sum(len(d.mentions) + len(d.occupations) + len(d.title_words)  # rows of `mentions`
                            for d in written_docs.values())
            pending.clear()

        items = chain(extract_batch(extractor, files, kind, workers, limits or Limits()) if files else (),
                      *(result.documents(kind) for result in results), documents)
        total = len(files) + sum(r.marker.get("documents", 0) + r.marker.get("failures", 0) for r in results)
        for item in (progress(items, total, f"load {kind or ''}") if progress else items):
            if isinstance(item, Failure):
                on_failure(item)
                failures.append(item)
                continue
            pending.append(item)
            if len(pending) >= LOAD_BATCH:
                flush()
        flush()
        store.finish_run(run_id, written, skipped + len(duplicates), [f.to_log() for f in failures], mentions)
        if refresh_scores:
            refresh_fit_scores(store.con, warn=warn)
    return Loaded(written, skipped, tuple(failures), tuple(duplicates), tuple(refused))


def _admissible(store: Store, pending: list[Document], readmit: bool
                ) -> tuple[list[Document], list[tuple[Document, datetime]], list[Failure]]:
    """Which documents of a batch to write: the newest version of each record id (files with one text all go on,
    each file is mapped to its candidate), not a person erased on request (unless `readmit`, which lifts the
    note), not an id stored as the other kind. Returns (to write, (erased document, when), failures)."""
    last = {d.id: i for i, d in enumerate(pending) if d.id != document_id(d.text)}
    latest = [d for i, d in enumerate(pending) if last.get(d.id, i) == i]
    erased = store.sources.erased_on(sorted({d.id for d in latest if d.kind == "cv"}))
    if readmit:
        store.sources.readmit(sorted(erased))
        erased = {}
    conflicts = store.kind_conflicts(latest)
    failures = [Failure(d.source or f"id {d.id[:80]!r}", "malformed", f"a {conflicts[d.id]} with this id is stored"
                        " already: CVs and vacancies share ids (prefix them: cv-…, vac-…)")
                for d in latest if d.id in conflicts and d.id not in erased]
    admitted = [d for d in latest if d.id not in erased and d.id not in conflicts]
    return admitted, [(d, erased[d.id]) for d in latest if d.id in erased], failures


def refresh_fit_scores(con: duckdb.DuckDBPyConnection, keep: int | None = None, force: bool = False, *,
                       warn: Callable[[str], None] | None = None) -> dict | None:
    """Recompute the stored fit scores (fit_scores) when stale; returns their state, None when that failed.

    They are a cache: a failure is only a warning (passed to `warn`, default a logged warning), and ranking
    falls back to the fit_for_role macro. Needs a writable connection.
    """
    try:
        return scores.refresh(con, keep, force)
    except Exception as exc:  # the load itself is done; never lose it over the cache
        (warn or log.warning)(
            f"fit scores not refreshed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''});"
            " ranking uses the fit_for_role macro")
        return None


# ---------------------------------------------------------------- ranking and gaps


def roles(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(role_id, title) of every vacancy, by title (the file name where a vacancy has no title)."""
    return con.execute("SELECT doc_id, coalesce(title, source, doc_id) FROM documents WHERE kind = 'vacancy'"
                       " ORDER BY 2").fetchall()


def role_exists(con: duckdb.DuckDBPyConnection, role_id: str) -> bool:
    """Whether a vacancy with this id is in the database."""
    return _exists(con, role_id, "vacancy")


class NoSuchRole(SkillfitError):
    """A name that matches no role in the database, or more than one."""


MIN_WORD_START = 6  # letters a role's reference needs to name a title word by its start ("java" is no "JavaScript")


def resolve_role(con: duckdb.DuckDBPyConnection, reference: str, db: str | Path | None = None) -> str:
    """The role id that `reference` names: a role id, the start of one (at least MIN_PREFIX characters), the
    role's title ("Aankoper", any case; as written where titles differ only in case), its file (as `skillfit
    roles` lists a role without a title: the path or the file name) or, when none is the whole of it, words of a
    title ("scrum" for "Scrum Master") or the start of one ("heftruck" for "Heftruckchauffeur"), when one role has it.

    Raises:
        NoSuchRole: no role, or more than one, matches (the message lists them).
    """
    reference = printable(reference.strip())
    if _exists(con, reference, "vacancy"):
        return reference
    where = f" in {db}" if db else ""
    found = con.execute(
        "SELECT doc_id, coalesce(title, source, '') FROM documents WHERE kind = 'vacancy' AND"
        " ((length($r) >= $n AND starts_with(doc_id, $r)) OR lower(title) = lower($r)"
        "  OR lower(source) = lower($r) OR ends_with(lower(source), '/' || lower($r))"
        "  OR ends_with(lower(source), '\\' || lower($r))) ORDER BY doc_id LIMIT 10",
        {"r": reference, "n": MIN_PREFIX}).fetchall()
    if not found and len(reference) >= 2:  # words of a title: "scrum" for "Scrum Master", "HR" for "HR Business Partner"
        titled = con.execute("SELECT doc_id, title FROM documents WHERE kind = 'vacancy' AND"
                             " contains(lower(title), lower($r)) ORDER BY doc_id", {"r": reference}).fetchall()
        patterns = [rf"(?<!\w){re.escape(reference.lower())}(?!\w)"]  # whole words, else (6 letters or more) a
        if len(reference) >= MIN_WORD_START:  # word's start: "heftruck" for "Heftruckchauffeur", a Dutch compound
            patterns.append(rf"(?<!\w){re.escape(reference.lower())}")
        for word in patterns:
            found = [(i, t) for i, t in titled if re.search(word, t.lower())]
            if found:
                break
    if not found:
        raise NoSuchRole(f"no role {reference}{where} (give its id, the start of it, or its title; {ROLES_HINT})")
    exact = [(i, t) for i, t in found if t == reference]
    if len(found) > 1 and len(exact) == 1:
        return exact[0][0]  # "Werfleider bouwsector" beside a client's "WERFLEIDER BOUWSECTOR" (trial T)
    if len(found) > 1:
        listed = ", ".join(f"{i} {t}".strip() for i, t in found[:5])
        raise NoSuchRole(f"{reference} names {len(found)} roles{where} ({listed}{', ...' if len(found) > 5 else ''}):"
                         " give its id")
    return found[0][0]


def candidate_exists(con: duckdb.DuckDBPyConnection, candidate_id: str) -> bool:
    """Whether a CV with this id is in the database."""
    return _exists(con, candidate_id, "cv")


def _exists(con: duckdb.DuckDBPyConnection, doc_id: str, kind: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM documents WHERE doc_id = ? AND kind = ?", [doc_id, kind]).fetchall()[0][0])


SHORT_ID = 8  # characters of a candidate id shown in tables; more where a pool needs them to tell ids apart
MIN_PREFIX = 4  # the shortest id prefix accepted for a candidate or a role
ROLES_HINT = "`skillfit roles` lists them"


def short_id_length(con: duckdb.DuckDBPyConnection) -> int:
    """How many leading characters of a candidate id tell every candidate in the database apart (at least 8)."""
    length = SHORT_ID
    while length < 64:
        n, distinct = con.execute("SELECT count(*), count(DISTINCT left(doc_id, $n)) FROM documents WHERE kind = 'cv'",
                                  {"n": length}).fetchall()[0]
        if n == distinct:
            return length
        length += 2
    return length


def resolve_candidate(con: duckdb.DuckDBPyConnection, db: str | Path | None, reference: str,
                      sources: SourceMap | None = None, min_prefix: int = MIN_PREFIX,
                      prefix_length: int | None = None) -> str:
    """The candidate id that `reference` names: a candidate id, the start of one (at least `min_prefix`
    characters), or the CV file it was loaded from (its path, or its file name when that is unique).

    Args:
        con: an open connection to the database.
        db: its path, for the file mapping kept beside it (None: ids only).
        reference: what the user typed.
        sources: the mapping to use when the caller holds it open already (Store.sources).
        min_prefix: the shortest start of an id accepted.
        prefix_length: when given, the only length of an id's start accepted (forget takes the short id as tables
            show it now, so a retried "cand-0002", erased already, never names "cand-00020").

    Raises:
        NoSuchCandidate: no candidate, or more than one, matches (the message says which and how to tell them apart).
    """
    reference = printable(reference.strip())  # a file name that is not UTF-8 cannot reach DuckDB as it is
    if not reference:
        raise NoSuchCandidate("no candidate named (give a candidate id or a CV file)")
    if _exists(con, reference, "cv"):
        return reference
    found: list[str] = []
    if len(reference) >= min_prefix and prefix_length in (None, len(reference)):
        found = [r[0] for r in con.execute(
            "SELECT doc_id FROM documents WHERE kind = 'cv' AND starts_with(doc_id, $p) ORDER BY doc_id LIMIT 10",
            {"p": reference}).fetchall()]
    if not found and (sources is not None or db is not None):
        try:
            ids = (sources if sources is not None else SourceMap(db or "")).find(reference)
        except duckdb.Error:  # a mapping file that is locked or damaged: ids only
            ids = []
        found = [i for i in ids if _exists(con, i, "cv")]
    where = f" in {db}" if db else ""
    if not found:
        short = f"; an id needs at least {min_prefix} characters" if len(reference) < min_prefix else ""
        raise NoSuchCandidate(f"no candidate {reference}{where} (give an id as `skillfit fit` shows it, or the CV's"
                              f" file name{short})")
    if len(found) > 1:
        raise NoSuchCandidate(f"{reference} names {len(found)} candidates{where} ({', '.join(i[:12] for i in found[:5])}"
                              f"{', ...' if len(found) > 5 else ''}): give more of the id")
    return found[0]


def ranking(con: duckdb.DuckDBPyConnection, db: str | Path, role_id: str, top: int | None = None,
            min_score: float = 0.0, show_sources: bool = False, labels: str = "en") -> list[dict]:
    """Ranked candidates for one role, with what they match and miss, as plain rows (what `skillfit fit` prints).

    The scores come from the stored fit_scores when they are fresh and hold enough candidates, else from the
    fit_for_role macro (the same numbers). Candidates are shown by a short id (the leading characters of their
    id that tell them apart, as `skillfit gap` accepts them); `show_sources` adds the CV's file name from the
    mapping file beside the database `db` (for the user's own eyes: file names are often people's names).

    Returns:
        One dict per candidate, best first: rank, candidate (short id), candidate_id, score, required
        ("met/total", for tables; required_met and required_total apart), hard_score, soft_score, matched,
        missing_required, missing_preferred (see candidate_details; skills named in `labels`' language, en or
        nl), and with `show_sources` source (the file name, None when not recorded).
    """
    ranked = scores.ranked(con, role_id, top, min_score)
    if ranked is None:
        cur = _known(con, f"SELECT {', '.join(scores.RANKED)} FROM fit_for_role($role) WHERE score >= $min"
                          " ORDER BY rank LIMIT $top", {"role": role_id, "min": min_score, "top": top or 1_000_000})
        ranked = cur.fetchall() if cur is not None else []
    details = candidate_details(con, role_id, [r[1] for r in ranked], labels)
    out = [{"rank": rank, "candidate": cid, "candidate_id": cid, "score": score, "required": f"{met}/{total}",
            "required_met": met, "required_total": total, "hard_score": hard, "soft_score": soft, **details[cid]}
           for rank, cid, score, met, total, hard, soft in ranked]
    width = short_id_length(con) if out else SHORT_ID
    for r in out:
        r["candidate"] = r["candidate_id"][:width]
    if show_sources:
        try:
            files = SourceMap(db).lookup(r["candidate_id"] for r in out)
        except duckdb.Error:  # a mapping file that is locked or damaged: no names
            files = {}
        for r in out:
            r["source"] = file_name(files.get(r["candidate_id"])) or None
    return out


DETAILS = """
WITH ids AS (SELECT unnest($ids) AS candidate_id),
ev AS (SELECT candidate_id, req_id, label_en, {matched_label} AS matched_label, weight, credit FROM fit_evidence
       WHERE role_id = $role AND list_contains($ids, candidate_id)),
req AS (SELECT DISTINCT req_id, {requirement_label} AS requirement_label, requirement, weight FROM role_weights
        WHERE role_id = $role),
matched AS (
    SELECT candidate_id,
           list(CASE WHEN credit < 1 THEN '~' ELSE '' END || matched_label
                ORDER BY weight * credit DESC, label_en, matched_label) AS matched
    FROM ev GROUP BY candidate_id
), missing AS (
    SELECT i.candidate_id,
           list(r.requirement_label ORDER BY r.weight DESC, r.requirement_label) FILTER (r.requirement = 'required') AS required,
           list(r.requirement_label ORDER BY r.weight DESC, r.requirement_label) FILTER (r.requirement = 'preferred') AS preferred
    FROM ids i CROSS JOIN req r
    LEFT JOIN ev e ON e.candidate_id = i.candidate_id AND e.req_id = r.req_id
    WHERE NOT coalesce(e.credit > 0, false)
    GROUP BY i.candidate_id
)
SELECT i.candidate_id, coalesce(m.matched, []), coalesce(x.required, []), coalesce(x.preferred, [])
FROM ids i LEFT JOIN matched m USING (candidate_id) LEFT JOIN missing x USING (candidate_id)
"""


def candidate_details(con: duckdb.DuckDBPyConnection, role_id: str, candidate_ids: Sequence[str],
                      labels: str = "en") -> dict[str, dict]:
    """Per candidate: the role's skills they match and the required and preferred skills they miss, named in
    `labels`' language (en or nl).

    Returns:
        candidate_id -> {"matched": labels as fit_for_role lists them (most points first; a leading ~ marks
        partial credit; of alternatives, the one met), "missing_required" and "missing_preferred": labels of
        the requirements with no credit at all ("PostgreSQL / SQL Server / MySQL" for alternatives), most weight
        first (empty when there are none)}.
    """
    sql = DETAILS.format(matched_label=in_language("matched_label", labels),
                         requirement_label=in_language("requirement_label", labels))
    rows = con.execute(sql, {"role": role_id, "ids": list(candidate_ids)}).fetchall()
    return {cid: {"matched": matched, "missing_required": required, "missing_preferred": preferred}
            for cid, matched, required, preferred in rows}


def _known(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> duckdb.DuckDBPyConnection | None:
    """`sql` over the fit macros, executed; None when they say a role or candidate is not in the database (their
    error, for an analyst's SQL; the library returns nothing for it, as documented)."""
    try:
        return con.execute(sql, params)
    except duckdb.InvalidInputException as exc:
        if re.search(r"\bno (?:cv|vacancy) ", str(exc)):
            return None
        raise


def gap(con: duckdb.DuckDBPyConnection, candidate_id: str, role_id: str) -> list[dict]:
    """What a candidate meets, partly meets and misses of a role: the skill_gap macro's rows, missing first.

    Empty when the role asks for no skills, or the role or candidate is not in the database (where the macro, for
    an analyst's SQL, says so in an error).
    """
    cur = _known(con, "FROM skill_gap($c, $r)", {"c": candidate_id, "r": role_id})
    if cur is None:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


class Fit(NamedTuple):
    """One candidate's fit for one role, from the fit view."""

    score: float | None
    required_met: int
    required_total: int


def fit_of(con: duckdb.DuckDBPyConnection, role_id: str, candidate_id: str) -> Fit | None:
    """The fit of one candidate for one role; None when either is not in the database."""
    rows = con.execute("SELECT score, required_met, required_total FROM fit WHERE role_id = $r AND candidate_id = $c",
                       {"r": role_id, "c": candidate_id}).fetchall()
    return Fit(*rows[0]) if rows else None


class QueryError(SkillfitError):
    """A SQL statement is not valid or failed; the message is DuckDB's first line."""


def query(con: duckdb.DuckDBPyConnection, sql: str, allow_files: bool = False,
          timeout: float | None = None) -> tuple[list[str], list[tuple]] | None:
    """Run any SQL statement; returns (column names, rows), or None for a statement without a result.

    Unless `allow_files`, the statement reaches nothing outside the database: no files read or written, no
    network, no extensions installed or loaded, and the settings are locked so it cannot switch that back on.
    `timeout` seconds stop a runaway query.

    Raises:
        QueryError: DuckDB rejected the statement, or it ran out of time.
    """
    locked = con.execute("SELECT current_setting('lock_configuration')").fetchall()[0][0]
    if not allow_files and not locked:  # a second query on the same connection finds it locked already
        for setting in ("enable_external_access = false", "autoinstall_known_extensions = false",
                        "autoload_known_extensions = false", "lock_configuration = true"):
            con.execute(f"SET {setting}")
    timer = threading.Timer(timeout, con.interrupt) if timeout else None
    if timer:
        timer.start()
    try:
        cur = con.execute(sql)
        if cur is None:  # DuckDB's answer to a text with no statement: empty, ";" or comments only
            raise QueryError("the query holds no SQL statement")
        if cur.description is None:
            return None
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.InterruptException:
        raise QueryError(f"the query ran longer than {timeout:g} s (--timeout)") from None
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "read-only mode" in message:
            message += " (skillfit sql opens the database read-only unless --write)"
        raise QueryError(message) from None
    finally:
        if timer:
            timer.cancel()


# ---------------------------------------------------------------- erasure


class NoSuchCandidate(SkillfitError):
    """A name that matches no candidate in the database, or more than one."""


def forget(db: str | Path, candidate_ids: Iterable[str] = (), sources: Iterable[str] = ()) -> dict:
    """Erase candidates completely (GDPR art. 17): rows, the file mapping and every trace in the files.

    Restartable: what is to be erased is journalled beside the database before anything is erased (see
    pipeline.store.privacy), and an erasure that was interrupted is finished when the database is opened again.
    Naming a candidate of such an erasure (by id or by CV file, as before) is no error: its receipt is returned.

    Args:
        db: the database file (rewritten).
        candidate_ids: candidates to erase, each by id, the start of its id (SHORT_ID characters at least) or its
            CV file (see resolve_candidate).
        sources: CV files whose candidates to erase, as they were loaded (or any reference resolve_candidate takes).

    Returns:
        The receipt of Store.forget; with `resumed: true` when every name was of an interrupted erasure finished
        now, and with that erasure's receipt as `finished_pending` when new candidates were erased too;
        `files_still_there`: how many of the erased CVs' files are still where they were loaded from (a load of
        their folder would add them again), when any are.

    Raises:
        NoSuchCandidate: one of them names no candidate, or several; nothing new is erased then (an interrupted
            erasure found on opening is finished all the same).
        ErasurePending (a StoreError): the erasure could not be finished; the next run finishes it.
    """
    with Store(db) as store:
        # every name must be known before anything is erased: a typo erases nobody instead of somebody else
        known: set[str] = set()
        named_pending = False
        for ref in [*candidate_ids, *sources]:
            try:
                # erasing cannot be undone: an id's start must be exactly as long as tables show it now
                known.add(resolve_candidate(store.con, db, ref, store.sources, min_prefix=SHORT_ID,
                                            prefix_length=short_id_length(store.con)))
            except NoSuchCandidate:
                if store.resumed is None or not store.resumed.matches(ref, SHORT_ID):
                    raise
                named_pending = True  # erased just now, by finishing the interrupted erasure that listed it
        if not known:
            if named_pending and store.resumed_receipt is not None:
                return store.resumed_receipt
            raise NoSuchCandidate(f"no candidate named to forget in {db}")
        # the CV files themselves are the user's: counted (never named: receipts are kept); a load of their folder
        # skips them (noted as erased), but an edited file would be new
        still_there = sum(Path(source).is_file() for source in store.sources.sources_of(sorted(known)))
        receipt = store.forget(sorted(known), suppress=True)
        if still_there:
            receipt["files_still_there"] = still_there
        return receipt


def remove_roles(db: str | Path, references: Iterable[str]) -> dict:
    """Remove closed vacancies: their rows and their stored scores, as `forget` removes a candidate's (the files
    are rewritten too). Each is named by its id, the start of it the tables show (SHORT_ID characters or more), its
    whole title (any case) or its file, never by words of a title: what is removed cannot be restored.

    Raises:
        NoSuchRole: one of them names no role, or several; nothing is removed then.
    """
    with Store(db) as store:
        known: set[str] = set()
        vacancies = store.con.execute("SELECT doc_id, title, source FROM documents WHERE kind = 'vacancy'"
                                      " ORDER BY doc_id").fetchall()
        for ref in references:
            ref = printable(ref.strip())
            path = canonical(ref)  # "./vacs/x.html" as "vacs/x.html" was stored, from the same folder
            found = [ref] if _exists(store.con, ref, "vacancy") else [
                doc_id for doc_id, title, source in vacancies
                if (len(ref) >= SHORT_ID and doc_id.startswith(ref)) or (title or "").casefold() == ref.casefold()
                or source and (canonical(source) == path or Path(source).name.casefold() == ref.casefold())]
            if len(found) != 1:
                raise NoSuchRole(f"{'no role' if not found else f'{len(found)} roles are'} {ref} in {db} (give its id,"
                                 f" its first {SHORT_ID} characters or its whole title; {ROLES_HINT})")
            known.add(found[0])
        return store.forget(sorted(known))


def purge(db: str | Path, now: datetime | None = None) -> dict:
    """Erase every candidate whose retention period has run out by `now` (UTC; default: now) and return a receipt
    (`files_still_there`: how many of their files are still where they were loaded from)."""
    with Store(db) as store:
        expired = store.expired(now)
        if not expired:
            return {"forgotten": [], "documents": 0, "mentions": 0}
        # their files are the user's: a load of their folder would store them anew, with a new retention period
        still_there = sum(Path(source).is_file() for source in store.sources.sources_of(expired))
        receipt = store.forget(expired)
        if still_there:
            receipt["files_still_there"] = still_there
        return receipt


# ---------------------------------------------------------------- the overview the report shows


def file_name(source: str | None, fallback: str = "") -> str:
    """The last component of a stored source path, whether written with / or \\ (fallback when there is none)."""
    if not source:
        return fallback
    return re.split(r"[\\/]", source.rstrip("/\\"))[-1] or fallback


@dataclass(frozen=True)
class Match:
    """A requirement of a role that a candidate meets, fully (credit 1) or in part through a related skill."""

    label: str  # the skill asked; of alternatives, the one met best
    credit: float
    relation: str | None  # exact, narrower, broader, sibling or equivalent
    via: str | None  # the candidate's skill that earns the credit
    alternatives: str | None = None  # all the alternatives of the requirement ("PostgreSQL / SQL Server / MySQL")
    evidence: str | None = None  # the CV sentence that shows it (redacted)
    asked_in: str | None = None  # the vacancy sentence that asks for it


@dataclass(frozen=True)
class RankedCandidate:
    """A candidate's place and score for one role, with the role's skills they match and the required ones they miss."""

    rank: int
    candidate_id: str
    name: str  # the CV's file name, or its short id (as tables show it) when names are not shown
    language: str | None
    score: float
    required_met: int
    required_total: int
    hard_score: float
    soft_score: float
    matched: tuple[Match, ...] = ()  # required skills first, then most points first
    missing_required: tuple[str, ...] = ()  # most weight first
    hard_required_met: int = 0  # of the required hard skills (a group of alternatives counts once), fully met
    hard_required_total: int = 0

    @property
    def meets_all_required(self) -> bool:
        """The role asks for required skills and the candidate fully meets every one, soft skills included."""
        return self.required_total > 0 and self.required_met == self.required_total

    @property
    def meets_all_required_hard(self) -> bool:
        """The role asks for required hard skills and the candidate fully meets every one. (Hard only: a CV seldom
        names every soft skill an ad asks, so "every required skill" was met by nobody.)"""
        return self.hard_required_total > 0 and self.hard_required_met == self.hard_required_total


@dataclass(frozen=True)
class PoolGap:
    """A required skill of a role and how many candidates of the whole pool lack it."""

    label: str
    type: str  # hard or soft
    lacking: int
    pct: float


@dataclass(frozen=True)
class RoleOverview:
    """A role with its weights, how many candidates meet it, its best candidates and the pool's skills gap."""

    role_id: str
    title: str
    source_name: str
    language: str | None
    hard_max: float  # the share (0-100) of the score that hard skills can earn
    soft_max: float
    n_required: int
    n_preferred: int
    assessed: int  # candidates scored
    meeting_all: int  # candidates who fully meet every required hard skill
    candidates: tuple[RankedCandidate, ...] = ()
    gaps: tuple[PoolGap, ...] = ()


@dataclass(frozen=True)
class RunRecord:
    """One recorded run (`runs` table); every field None when no run is recorded."""

    run_id: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    command: str | None = None
    skillfit_version: str | None = None
    taxonomy_version: str | None = None
    taxonomy_hash: str | None = None


@dataclass(frozen=True)
class Overview:
    """Everything the HTML report shows of a database: counts, the last run, and each role with its best candidates."""

    roles: tuple[RoleOverview, ...]
    last_run: RunRecord
    n_roles: int
    n_candidates: int
    n_taxonomies: int  # distinct taxonomy versions the documents were extracted with
    n_runs: int
    n_expired: int  # CVs past their retention date, due for `skillfit purge`
    by_file_name: bool  # candidates are named by file name, else by pseudonymous id
    id_width: int = SHORT_ID  # characters of a candidate id that tell the candidates apart (short_id_length)


def overview(con: duckdb.DuckDBPyConnection, top: int = 10, *, pseudonymous: bool = False,
             labels: str = "en") -> Overview:
    """The report's data: every role (by title) with its best `top` candidates, and the database's counts; skills
    named in `labels`' language (en or nl).

    Candidates are named by their CV file name when the mapping file beside the database is there, else
    by their pseudonymous id; `pseudonymous=True` always uses the ids.

    Raises:
        StoreError: the database is not a skillfit database.
    """
    try:
        run, counts, n_runs = _run_info(con)
        names = {} if pseudonymous else candidate_names(con)
        n_expired = _expired(con)
        found = _role_overviews(con, top, names, labels)
    except duckdb.CatalogException as exc:
        raise StoreError(f"not a skillfit database (run `skillfit screen` first): {str(exc).splitlines()[0]}") from None
    n_roles, n_candidates, n_taxonomies = counts
    return Overview(roles=found, last_run=run, n_roles=n_roles, n_candidates=n_candidates, n_taxonomies=n_taxonomies,
                    n_runs=n_runs, n_expired=n_expired, by_file_name=bool(names), id_width=short_id_length(con))


def _run_info(con: duckdb.DuckDBPyConnection) -> tuple[RunRecord, tuple[int, int, int], int]:
    """The last run, (roles, candidates, taxonomy versions) and the number of runs."""
    row = con.execute(
        "SELECT run_id, started_at, finished_at, command, skillfit_version, taxonomy_version, taxonomy_hash"
        " FROM runs ORDER BY started_at DESC NULLS LAST, run_id DESC LIMIT 1"
    ).fetchone()
    counts = con.execute(
        "SELECT count(*) FILTER (kind = 'vacancy'), count(*) FILTER (kind = 'cv'),"
        " count(DISTINCT taxonomy_hash) FROM documents"
    ).fetchone()
    runs = con.execute("SELECT count(*) FROM runs").fetchone()
    assert counts is not None and runs is not None  # an aggregate without GROUP BY returns exactly one row
    return (RunRecord(*row) if row else RunRecord()), counts, runs[0]


def candidate_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """candidate_id -> CV file name, from the mapping file kept beside the database (empty when absent)."""
    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    if not row or not row[0]:
        return {}
    ids = [r[0] for r in con.execute("SELECT doc_id FROM documents WHERE kind = 'cv'").fetchall()]
    try:
        found = SourceMap(row[0]).lookup(ids)
    except duckdb.Error:  # a mapping file that is locked or damaged: fall back to the ids
        return {}
    return {doc_id: file_name(source, doc_id) for doc_id, source in found.items()}


def _expired(con: duckdb.DuckDBPyConnection) -> int:
    """CVs past their retention date (0 for a database from before retention existed)."""
    try:
        row = con.execute("SELECT count(*) FROM documents WHERE kind = 'cv' AND expires_at IS NOT NULL"
                          " AND expires_at <= $now", {"now": datetime.now(timezone.utc)}).fetchone()
    except duckdb.BinderException:
        return 0
    assert row is not None  # an aggregate without GROUP BY returns exactly one row
    return row[0]


ROLE_OVERVIEWS = """
WITH w AS (  -- per requirement: a group of alternatives counts once
    SELECT role_id,
           sum(weight) FILTER (type = 'hard') AS hard_w,
           sum(weight) FILTER (type = 'soft') AS soft_w,
           sum(weight) AS total_w,
           count(*) FILTER (requirement = 'required') AS n_req,
           count(*) FILTER (requirement = 'preferred') AS n_pref
    FROM (SELECT DISTINCT role_id, req_id, type, requirement, weight FROM role_weights) GROUP BY role_id
), hard AS (  -- the required hard skills: every one met is the report's bar (soft skills are seldom all named)
    SELECT role_id, count(DISTINCT req_id) AS n FROM role_weights
    WHERE requirement = 'required' AND type = 'hard' GROUP BY role_id
), met AS (
    SELECT role_id, candidate_id, count(DISTINCT req_id) AS n FROM fit_credit
    WHERE requirement = 'required' AND type = 'hard' AND credit >= 1.0 GROUP BY ALL
), f AS (
    SELECT f.role_id, count(*) AS assessed,
           count(*) FILTER (hard.n > 0 AND coalesce(met.n, 0) = hard.n) AS meeting_all
    FROM fit f LEFT JOIN hard USING (role_id) LEFT JOIN met USING (role_id, candidate_id) GROUP BY f.role_id
)
SELECT d.doc_id, d.title, d.source, d.language,
       coalesce(100.0 * w.hard_w / nullif(w.total_w, 0), 0) AS hard_max,
       coalesce(100.0 * w.soft_w / nullif(w.total_w, 0), 0) AS soft_max,
       coalesce(w.n_req, 0), coalesce(w.n_pref, 0), coalesce(f.assessed, 0), coalesce(f.meeting_all, 0)
FROM documents d LEFT JOIN w ON w.role_id = d.doc_id LEFT JOIN f ON f.role_id = d.doc_id
WHERE d.kind = 'vacancy'
"""


def _role_overviews(con: duckdb.DuckDBPyConnection, top: int, names: dict[str, str],
                    labels: str) -> tuple[RoleOverview, ...]:
    found = []
    for doc_id, title, source, language, hard_max, soft_max, n_req, n_pref, assessed, meeting_all in (
            con.execute(ROLE_OVERVIEWS).fetchall()):
        name = file_name(source, doc_id)
        found.append(RoleOverview(doc_id, (title or "").strip() or name, name, language, float(hard_max),
                                  float(soft_max), n_req, n_pref, assessed, meeting_all,
                                  ranked_candidates(con, doc_id, top, names, labels),
                                  _pool_gaps(con, doc_id, labels)))
    found.sort(key=lambda r: (r.title.casefold(), r.role_id))
    return tuple(found)


def ranked_candidates(con: duckdb.DuckDBPyConnection, role_id: str, top: int,
                      names: dict[str, str] | None = None, labels: str = "en") -> tuple[RankedCandidate, ...]:
    """The best `top` candidates for a role (from the fit_for_role macro), with their matches and missing
    required skills; named by `names` (candidate_id -> name), else by the file name stored with the CV."""
    names = names or {}
    rows = con.execute(
        """
        SELECT f.rank, f.candidate_id, d.source, d.language, f.score, f.required_met, f.required_total,
               f.hard_score, f.soft_score
        FROM fit_for_role($role) f JOIN documents d ON d.doc_id = f.candidate_id
        ORDER BY f.rank LIMIT $top
        """,
        {"role": role_id, "top": top},
    ).fetchall()
    if not rows:
        return ()
    ids = [r[1] for r in rows]
    width = short_id_length(con)  # a candidate with no name shown is named by the short id the CLI shows
    matched: dict[str, list[Match]] = {cid: [] for cid in ids}
    for cid, label, credit, relation, via, alternatives, evidence, asked_in in con.execute(
        """
        SELECT e.candidate_id, e.{label}, e.credit, e.relation, e.{via}, e.{alternatives}, e.evidence, r.asked_in
        FROM fit_evidence e
        LEFT JOIN (SELECT req_id, first(asked_in ORDER BY position) AS asked_in FROM role_weights
                   WHERE role_id = $role GROUP BY req_id) r USING (req_id)
        WHERE e.role_id = $role AND list_contains($ids, e.candidate_id)
        ORDER BY e.candidate_id, (e.requirement = 'required') DESC, e.weight * e.credit DESC, e.label_en
        """.format(label=in_language("label_en", labels), via=in_language("via_skill", labels),
                   alternatives=in_language("alternatives", labels)),
        {"role": role_id, "ids": ids},
    ).fetchall():
        matched[cid].append(Match(label, float(credit or 0), relation, via, alternatives, evidence, asked_in))
    details = candidate_details(con, role_id, ids, labels)
    hard_total, hard_met = _required_hard(con, role_id, ids)
    return tuple(
        RankedCandidate(rank, cid, names.get(cid) or file_name(source, cid[:width]), lang, float(score or 0), met, total,
                        float(hard or 0), float(soft or 0), tuple(matched[cid]),
                        tuple(details[cid]["missing_required"] or ()), hard_met.get(cid, 0), hard_total)
        for rank, cid, source, lang, score, met, total, hard, soft in rows
    )


def _required_hard(con: duckdb.DuckDBPyConnection, role_id: str, ids: list[str]) -> tuple[int, dict[str, int]]:
    """How many required hard skills a role asks (a group of alternatives once), and how many each candidate fully
    meets."""
    row = con.execute("SELECT count(DISTINCT req_id) FROM role_weights WHERE role_id = $role"
                      " AND requirement = 'required' AND type = 'hard'", {"role": role_id}).fetchone()
    met = con.execute("SELECT candidate_id, count(DISTINCT req_id) FROM fit_credit WHERE role_id = $role"
                      " AND list_contains($ids, candidate_id) AND requirement = 'required' AND type = 'hard'"
                      " AND credit >= 1.0 GROUP BY candidate_id", {"role": role_id, "ids": ids}).fetchall()
    return (row[0] if row else 0), dict(met)


def _pool_gaps(con: duckdb.DuckDBPyConnection, role_id: str, labels: str) -> tuple[PoolGap, ...]:
    rows = con.execute(
        f"""
        SELECT {in_language("label_en", labels)}, type, candidates_lacking, coalesce(pct_lacking, 0)
        FROM skills_gap_by_role WHERE role_id = $role
        ORDER BY pct_lacking DESC, label_en LIMIT $n
        """,
        {"role": role_id, "n": MAX_GAP_SKILLS},
    ).fetchall()
    return tuple(PoolGap(label, kind, lacking, float(pct)) for label, kind, lacking, pct in rows)
