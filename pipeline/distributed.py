"""Beyond one machine: the same extraction on a Dask cluster, results as partitioned Parquet.

`extract_to_parquet(source_url, out_url, client)` lists the documents under a folder or an object-store
URL (fsspec: local paths, file://, s3://, gs://, abfs://, … with the user's own fsspec backend), splits
them into partitions of `files_per_task` files, and runs one Dask task per partition. Each task reads
its files' bytes, extracts them with an Extractor built once per worker process (the taxonomy is sent
to every worker once and the compiled matcher is cached per process), and writes one Parquet file per
dataset:

    OUT/_skillfit.json               marker: format version, taxonomy hash, counts, the parts (written last)
    OUT/documents/part-00000.parquet one row per document: doc_id, kind, language, source (NULL for CVs),
                                     title, chars, sections, versions
    OUT/mentions/part-00000.parquet  one row per mention: doc_id, seq, skill_id, label_en, type, start_offset,
                                     end_offset, method, requirement, years, level, evidence (redacted), versions
    OUT/texts/part-00000.parquet     doc_id, source and full text: PERSONAL DATA for CVs, kept only so that
                                     `skillfit load` can rebuild the documents; delete OUT/texts after loading
    OUT/failures/part-00000.parquet  files that could not be read: source, status, error

DuckDB reads these directly (`FROM read_parquet('OUT/mentions/*.parquet')`), and `skillfit load OUT`
rebuilds the Documents from them (`read_result`, pyarrow only: loading needs no Dask) and stores them
through the same `Store.write` as a single-machine run, so the database rows are identical.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import posixpath
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.api import Extractor, Failure, kind_from_path
from pipeline.errors import SkillfitError
from pipeline.kind import META_KEY as KIND_CONFIDENCE
from pipeline.model import Document, Mention, Section
from pipeline.outcome import Limits, extract_outcome
from pipeline.readers import fetch_bytes
from pipeline.rows import EXTRACTED_WITH, rows_for, schemas
from pipeline.taxonomy import Taxonomy

MARKER = "_skillfit.json"
FORMAT = "skillfit-parquet"
FORMAT_VERSION = 1
DATASETS = ("documents", "mentions", "texts", "failures")
DEFAULT_FILES_PER_TASK = 64  # upper bound when files_per_task is None (auto)
INSTALL_HINT = "install skillfit[distributed] (pip install 'skillfit[distributed]')"


class ResultError(SkillfitError):
    """A Parquet result cannot be written or read (not a result, other taxonomy, texts removed, …)."""


# --------------------------------------------------------------------------- Parquet schemas


def _schemas() -> dict[str, Any]:
    """Each dataset's Arrow schema: the documents' tables as everywhere (pipeline.rows), and the failures."""
    import pyarrow as pa

    failures = pa.schema([("source", pa.string()), ("kind", pa.string()), ("status", pa.string()),
                          ("error", pa.string()), ("skillfit_version", pa.string())])
    return {**schemas(), "failures": failures}


# --------------------------------------------------------------------------- file systems


def _is_local(url: str) -> bool:
    return "://" not in url or url.startswith("file://")


def _local_path(url: str) -> str:
    return url[len("file://"):] if url.startswith("file://") else url


def url_to_fs(url: str, storage_options: dict | None = None):
    """(fsspec filesystem, path within it) for a folder, file or URL."""
    try:
        import fsspec
    except ImportError:
        raise ResultError(f"{url}: reading or writing URLs needs fsspec: {INSTALL_HINT}") from None
    return fsspec.core.url_to_fs(url, **(storage_options or {}))


def _fs_is_local(fs) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return "file" in protocol or "local" in protocol


@dataclass(frozen=True)
class SourceFile:
    """One document to extract: its path in the filesystem, the source name it gets, and its size."""

    path: str
    source: str
    size: int | None = None


def list_sources(source_url: str, storage_options: dict | None = None) -> tuple[Any, list[SourceFile]]:
    """The filesystem and every file under `source_url` (or the file itself), in the order `skillfit load`
    reads a folder (sorted by path, hidden files and folders skipped).

    Sources are absolute paths for local files and full URLs (s3://bucket/key) for object stores.
    """
    fs, root = url_to_fs(source_url, storage_options)
    local = _fs_is_local(fs)
    if not fs.exists(root):
        raise ResultError(f"{source_url}: no such file or folder")
    if fs.isfile(root):
        found = {root: fs.info(root)}
        base = posixpath.dirname(root.rstrip("/"))
    else:
        found = fs.find(root, withdirs=False, detail=True)
        base = root.rstrip("/")
    files = []
    for path, info in found.items():
        rel = posixpath.relpath(path, base) if base else path
        parts = tuple(rel.split("/"))
        if any(part.startswith(".") for part in parts):
            continue
        source = str(Path(path)) if local else fs.unstrip_protocol(path)
        files.append((parts, SourceFile(path, source, info.get("size"))))
    files.sort(key=lambda item: item[0])
    return fs, [f for _, f in files]


# --------------------------------------------------------------------------- worker side

_EXTRACTORS: dict[tuple, Extractor] = {}
_EXTRACTORS_LOCK = threading.Lock()


def worker_extractor(taxonomy: Taxonomy, fuzzy: bool = True, plugins: bool = False,
                     pdf_engine: str | None = None, limits: Limits | None = None) -> Extractor:
    """The Extractor of this worker process for these options: built on the first task, then reused,
    so the taxonomy is compiled (or read from the matcher cache) once per process. With `limits`, it parses
    in one bounded parse worker of its own (pipeline.isolation), as `Extractor(limits=...)` does anywhere."""
    key = (taxonomy.content_hash, fuzzy, plugins, pdf_engine, limits)
    extractor = _EXTRACTORS.get(key)
    if extractor is None:
        with _EXTRACTORS_LOCK:
            extractor = _EXTRACTORS.get(key)
            if extractor is None:
                options: dict[str, Any] = {"pdf_engine": pdf_engine} if pdf_engine else {}
                if limits is not None:
                    options.update(limits=limits, parse_workers=1)
                extractor = Extractor(taxonomy=taxonomy, fuzzy=fuzzy, plugins=plugins, **options)
                _EXTRACTORS[key] = extractor
    return extractor


def extract_file(extractor: Extractor, fs, file: SourceFile, kind: str | None, limits: Limits) -> Document | Failure:
    """Read and extract one file's bytes; every failure comes back as a Failure (as in pipeline.batch)."""
    kind = kind or kind_from_path(file.source)

    def extract() -> Document:
        return extractor.extract(fetch_bytes(lambda: fs.cat_file(file.path)), kind=kind, name=file.source)

    return extract_outcome(file.source, extract, limits, size=lambda: file.size)


def write_part(out_fs, out_root: str, part: str, rows: dict[str, list[dict]], keep_text: bool = True) -> None:
    """Write one partition: a Parquet file per dataset (texts only when `keep_text`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = _schemas()
    for name in DATASETS:
        if name == "texts" and not keep_text:
            continue
        table = pa.Table.from_pylist(rows.get(name, []), schema=schemas[name])
        path = f"{out_root}/{name}/{part}.parquet"
        with out_fs.open(path, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")


def failure_row(failure: Failure, kind: str | None) -> dict:
    return {"source": failure.source, "kind": kind or kind_from_path(failure.source), "status": failure.status,
            "error": failure.reason, "skillfit_version": __version__}


def extract_part(part: str, fs, files: Sequence[SourceFile], out_fs, out_root: str, taxonomy: Taxonomy,
                 options: dict) -> dict:
    """One Dask task: extract `files` and write partition `part`; returns its counts and timings."""
    started = time.perf_counter()
    limits = Limits(**options.get("limits", {}))
    extractor = worker_extractor(taxonomy, options["fuzzy"], options["plugins"], options.get("pdf_engine"), limits)
    built = time.perf_counter()
    docs: list[Document] = []
    failures: list[Failure] = []
    for file in files:
        item = extract_file(extractor, fs, file, options.get("kind"), limits)
        if isinstance(item, Failure):
            failures.append(item)
        else:
            docs.append(item)
    rows = rows_for(docs, extractor.taxonomy)
    rows["failures"] = [failure_row(f, options.get("kind")) for f in failures]
    extracted = time.perf_counter()
    write_part(out_fs, out_root, part, rows, options.get("keep_text", True))
    return {"part": part, "files": len(files), "documents": len(rows["documents"]),
            "mentions": len(rows["mentions"]), "failures": len(rows["failures"]),
            "failed": [(r["source"], r["status"], r["error"]) for r in rows["failures"]],
            "setup_s": built - started, "extract_s": extracted - built, "write_s": time.perf_counter() - extracted,
            "worker": os.getpid()}


# --------------------------------------------------------------------------- driver side


@dataclass
class ExtractSummary:
    """What `extract_to_parquet` did: counts, failures, timings per part."""

    out_url: str
    files: int = 0
    documents: int = 0
    mentions: int = 0
    failures: list[Failure] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0


@contextmanager
def _client_or_local(client):
    """`client`, else the current default Dask client, else a LocalCluster for the duration."""
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster
    from distributed.client import default_client

    try:
        yield default_client()
        return
    except ValueError:  # no client yet
        pass
    import logging

    from pipeline.batch import default_workers

    with LocalCluster(n_workers=default_workers(), threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as local:
        yield local


def _prepare_out(out_fs, out_root: str, out_url: str, overwrite: bool) -> None:
    """Make sure OUT is empty (or, with `overwrite`, holds only an earlier result, which is removed)."""
    if out_fs.exists(out_root):
        if out_fs.isfile(out_root):
            raise ResultError(f"{out_url}: is a file, not a folder")
        names = {posixpath.basename(p.rstrip("/")) for p in out_fs.ls(out_root, detail=False)}
        if names:
            if not overwrite:
                raise ResultError(f"{out_url}: not empty (pass --overwrite to replace an earlier result)")
            if not names <= {MARKER, *DATASETS}:
                raise ResultError(f"{out_url}: holds files that are not a skillfit result; not overwriting it")
            if MARKER in names:
                out_fs.rm(f"{out_root}/{MARKER}")
            for name in DATASETS:
                if name in names:
                    out_fs.rm(f"{out_root}/{name}", recursive=True)
    for name in DATASETS:
        out_fs.makedirs(f"{out_root}/{name}", exist_ok=True)


def extract_to_parquet(source_url: str, out_url: str, client=None, kind: str | None = None,
                       taxonomy_files: Sequence[str | Path] = (), fuzzy: bool = True, pdf_engine: str | None = None,
                       files_per_task: int | None = None, keep_text: bool = True, overwrite: bool = False,
                       plugins: bool | None = None, limits: Limits | None = None,
                       storage_options: dict | None = None) -> ExtractSummary:
    """Extract every document under `source_url` on a Dask cluster into a Parquet result at `out_url`.

    Args:
        source_url: a folder, a file, or an fsspec URL (file://, s3://bucket/prefix, gs://, abfs://, …).
        out_url: the result folder or URL; must be empty (or `overwrite` an earlier result).
        client: a `distributed.Client`; default: the current client, else a LocalCluster for this call.
        kind: `cv` or `vacancy` for every file; default from the folder names, then from the text.
        taxonomy_files, fuzzy, plugins: as for `Extractor`; the taxonomy is loaded here and sent to each
            worker once, so workers need no taxonomy files. `plugins=None` follows SKILLFIT_PLUGINS here.
        pdf_engine: passed to the Extractor when this skillfit's Extractor has that option.
        files_per_task: files per Dask task and per Parquet part; default: about four tasks per worker
            thread, at most 64 files each.
        keep_text: write OUT/texts (needed by `skillfit load`; it holds CV text, i.e. personal data).
        limits: the per-file limits, as in a single-machine run: each Dask worker process parses in a bounded
            parse worker of its own (time and memory, pipeline.isolation), and the size and length caps apply.
        storage_options: passed to fsspec for both URLs (credentials, endpoints).

    A partition whose worker dies (a parser crash) is retried one file per task, so only the culprit
    file fails (status resource_limit). The marker `_skillfit.json` is written last: a result without it
    is incomplete.
    """
    try:
        from distributed import as_completed
    except ImportError:
        raise ResultError(f"distributed extraction needs Dask: {INSTALL_HINT}") from None
    from pipeline.taxonomy import load as load_taxonomy

    started = time.perf_counter()
    if pdf_engine and "pdf_engine" not in Extractor.__init__.__code__.co_varnames:
        raise ResultError("this skillfit's Extractor has no pdf_engine option")
    limits = limits or Limits()
    if plugins is None:
        plugins = os.environ.get("SKILLFIT_PLUGINS", "1") != "0"
    taxonomy = load_taxonomy(taxonomy_files)
    fs, files = list_sources(source_url, storage_options)
    out_fs, out_root = url_to_fs(out_url, storage_options)
    out_root = out_root.rstrip("/")
    _prepare_out(out_fs, out_root, out_url, overwrite)
    options = {"kind": kind, "fuzzy": fuzzy, "plugins": plugins, "pdf_engine": pdf_engine, "keep_text": keep_text,
               "limits": dataclasses.asdict(limits)}
    summary = ExtractSummary(out_url=out_url, files=len(files))
    token = uuid.uuid4().hex[:8]
    with _client_or_local(client) as dask_client:
        threads = sum(dask_client.nthreads().values()) or 1
        summary.workers = len(dask_client.nthreads())
        if files_per_task is None:
            files_per_task = max(1, min(DEFAULT_FILES_PER_TASK, math.ceil(len(files) / (4 * threads))))
        chunks = {f"part-{i:05d}": files[start:start + files_per_task]
                  for i, start in enumerate(range(0, len(files), files_per_task))}
        shared = dask_client.scatter(taxonomy, broadcast=True, hash=False) if chunks else None

        def submit(part: str, chunk: list[SourceFile]):
            return dask_client.submit(extract_part, part, fs, chunk, out_fs, out_root, shared, options,
                                      key=f"skillfit-{token}-{part}", pure=False, retries=0)

        futures = {submit(part, chunk): part for part, chunk in chunks.items()}
        pending = as_completed(list(futures))
        for future in pending:
            part = futures[future]
            try:
                summary.parts.append(future.result())
            except Exception as exc:
                if not _worker_died(exc):
                    raise ResultError(f"{part}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                                      ) from exc
                chunk = chunks[part]
                if len(chunk) > 1:  # find the file that kills its worker: one file per task
                    for j, file in enumerate(chunk):
                        sub = f"{part}-{j:04d}"
                        chunks[sub] = [file]
                        retry = submit(sub, [file])
                        futures[retry] = sub
                        pending.add(retry)
                else:
                    failure = Failure(chunk[0].source, "resource_limit",
                                      f"the Dask worker died while parsing it ({type(exc).__name__})")
                    write_part(out_fs, out_root, part, {"failures": [failure_row(failure, kind)]}, keep_text)
                    summary.parts.append({"part": part, "files": 1, "documents": 0, "mentions": 0, "failures": 1,
                                          "failed": [(failure.source, failure.status, failure.reason)]})
            finally:
                future.release()
    summary.parts.sort(key=lambda p: p["part"])
    summary.documents = sum(p["documents"] for p in summary.parts)
    summary.mentions = sum(p["mentions"] for p in summary.parts)
    marker = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "skillfit_version": __version__,
        "taxonomy_version": taxonomy.version, "taxonomy_hash": taxonomy.content_hash,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "kind": kind, "fuzzy": fuzzy, "plugins": plugins, "pdf_engine": pdf_engine, "texts": keep_text,
        "files": len(files), "documents": summary.documents, "mentions": summary.mentions,
        "failures": sum(p["failures"] for p in summary.parts), "parts": [p["part"] for p in summary.parts],
    }
    out_fs.pipe_file(f"{out_root}/{MARKER}", json.dumps(marker, indent=2).encode())
    summary.failures = [Failure(*f) for p in summary.parts for f in p["failed"]]
    summary.seconds = time.perf_counter() - started
    return summary


def _worker_died(exc: BaseException) -> bool:
    """Whether a task failed because its worker process died (rather than an error in the task)."""
    try:
        from distributed.scheduler import KilledWorker
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, KilledWorker) or type(exc).__name__ in ("KilledWorker", "CommClosedError")


# --------------------------------------------------------------------------- reading a result (no Dask)


def is_result(url: str | Path, storage_options: dict | None = None) -> bool:
    """Whether `url` is a folder (or URL) holding a skillfit Parquet result (it has the marker file)."""
    url = str(url)
    if _is_local(url):
        return Path(_local_path(url), MARKER).is_file()
    try:
        fs, root = url_to_fs(url, storage_options)
        return fs.isfile(root.rstrip("/") + "/" + MARKER)
    except ResultError:
        raise
    except Exception:
        return False


class Result:
    """An opened Parquet result: its marker and a way to read its part files (local: pyarrow alone)."""

    def __init__(self, url: str | Path, storage_options: dict | None = None) -> None:
        self.url = str(url)
        if _is_local(self.url):
            self.fs, self.root = None, _local_path(self.url).rstrip("/") or "/"
        else:
            self.fs, root = url_to_fs(self.url, storage_options)
            self.root = root.rstrip("/")
        try:
            self.marker = json.loads(self._read_bytes(MARKER))
        except FileNotFoundError:
            raise ResultError(f"{self.url}: not a skillfit Parquet result (no {MARKER}; an interrupted run"
                              " leaves none)") from None
        except ValueError as exc:
            raise ResultError(f"{self.url}: unreadable {MARKER}: {exc}") from None
        if self.marker.get("format") != FORMAT:
            raise ResultError(f"{self.url}: {MARKER} is not a skillfit result marker")
        if self.marker.get("format_version", 0) > FORMAT_VERSION:
            raise ResultError(f"{self.url}: result format {self.marker.get('format_version')} is newer than this"
                              f" skillfit reads ({FORMAT_VERSION}): upgrade skillfit")

    def _read_bytes(self, name: str) -> bytes:
        if self.fs is None:
            return Path(self.root, name).read_bytes()
        with self.fs.open(f"{self.root}/{name}", "rb") as fh:
            return fh.read()

    def _listed(self, dataset: str) -> set[str]:
        """The parts present in one dataset folder."""
        try:
            if self.fs is None:
                names = [p.name for p in Path(self.root, dataset).iterdir()]
            else:
                names = [posixpath.basename(p) for p in self.fs.ls(f"{self.root}/{dataset}", detail=False)]
        except FileNotFoundError:
            return set()
        return {n[:-len(".parquet")] for n in names if n.endswith(".parquet")}

    def table(self, dataset: str, part: str):
        """One part file of one dataset as a pyarrow Table."""
        import pyarrow.parquet as pq

        name = f"{dataset}/{part}.parquet"
        try:
            if self.fs is None:
                return pq.read_table(Path(self.root, name))
            with self.fs.open(f"{self.root}/{name}", "rb") as fh:
                return pq.read_table(fh)
        except FileNotFoundError:
            if dataset == "texts":
                raise ResultError(f"{self.url}: {name} is not there (texts removed after loading?): the result can"
                                  " still be queried with DuckDB but not loaded again") from None
            raise ResultError(f"{self.url}: {name} is missing (copy the whole result folder)") from None

    @property
    def parts(self) -> list[str]:
        return list(self.marker.get("parts", []))

    def check_loadable(self, taxonomy: Taxonomy) -> None:
        """Refuse (ResultError) a result written without texts, or extracted with another taxonomy than
        the database is loaded with."""
        if not self.marker.get("texts", True):
            raise ResultError(f"{self.url}: written with --no-text: it can be queried with DuckDB but not loaded")
        for dataset in DATASETS:
            missing = sorted(set(self.parts) - self._listed(dataset))
            if missing and dataset == "texts":
                raise ResultError(f"{self.url}: texts/{missing[0]}.parquet is not there (texts removed after loading?):"
                                  " the result can still be queried with DuckDB but not loaded again")
            if missing:
                raise ResultError(f"{self.url}: {dataset}/{missing[0]}.parquet is missing (copy the whole result)")
        if self.marker.get("taxonomy_hash") != taxonomy.content_hash:
            raise ResultError(
                f"{self.url}: extracted with taxonomy {self.marker.get('taxonomy_version')} (hash"
                f" {self.marker.get('taxonomy_hash')}), but this load uses {taxonomy.version} (hash"
                f" {taxonomy.content_hash}): pass the same --taxonomy files as the extraction")

    def documents(self, kind: str | None = None) -> Iterator[Document | Failure]:
        """Every document (rebuilt with text, sections and mentions) and failure, part by part in order.
        With `kind`, only documents (and failures) of that kind."""
        if not self.marker.get("texts", True):
            raise ResultError(f"{self.url}: written with --no-text: it can be queried with DuckDB but not loaded")
        for part in self.parts:
            docs = self.table("documents", part).to_pylist()
            texts = {r["doc_index"]: r for r in self.table("texts", part).to_pylist()} if docs else {}
            mentions: dict[int, list[tuple[int, Mention]]] = {}  # doc_index -> (seq, mention)
            if docs:
                for r in self.table("mentions", part).to_pylist():
                    mentions.setdefault(r["doc_index"], []).append((r["seq"], Mention(
                        r["skill_id"], r["start_offset"], r["end_offset"], r["text"], r["method"], r["confidence"],
                        r["section"], r["requirement"], r["years"], r["level"], r.get("alt_group"),
                        r["type"] if r.get("key") else None, r.get("key"), r.get("link"))))
            ordered = {i: [m for _, m in sorted(found, key=lambda x: x[0])] for i, found in mentions.items()}
            for r in docs:
                if kind and r["kind"] != kind:
                    continue
                text = texts.get(r["doc_index"])
                if text is None or text["doc_id"] != r["doc_id"]:
                    raise ResultError(f"{self.url}: texts/{part}.parquet does not match documents/{part}.parquet")
                yield Document(
                    id=r["doc_id"], text=text["text"], kind=r["kind"], source=text["source"], language=r["language"],
                    sections=tuple(Section(s["kind"], s["start"], s["end"], s["heading"] or "", s["language"])
                                   for s in r["sections"] or ()),
                    mentions=tuple(m for m in ordered.get(r["doc_index"], ()) if m.method not in ("occupation", "title")),
                    occupations=tuple(m for m in ordered.get(r["doc_index"], ()) if m.method == "occupation"),
                    title_words=tuple(m for m in ordered.get(r["doc_index"], ()) if m.method == "title"),
                    meta={KIND_CONFIDENCE: r.get("kind_confidence", 1.0), EXTRACTED_WITH: r.get("extracted_with")})
            for r in self.table("failures", part).to_pylist():
                if not kind or r["kind"] in (None, kind):
                    yield Failure(r["source"], r["status"], r["error"])

    def failures(self) -> Iterator[Failure]:
        for part in self.parts:
            for r in self.table("failures", part).to_pylist():
                yield Failure(r["source"], r["status"], r["error"])


def read_result(url: str | Path, kind: str | None = None, taxonomy: Taxonomy | None = None,
                storage_options: dict | None = None) -> Iterator[Document | Failure]:
    """Documents and Failures of a Parquet result, as `Extractor.extract_many` would give them.

    With `taxonomy`, refuses (ResultError) a result extracted with another taxonomy.
    """
    result = Result(url, storage_options)
    if taxonomy is not None:
        result.check_loadable(taxonomy)
    return result.documents(kind)


def read_failures(url: str | Path, storage_options: dict | None = None) -> list[Failure]:
    """The failures recorded in a Parquet result."""
    return list(Result(url, storage_options).failures())
