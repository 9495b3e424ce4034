"""Dask runner: a LocalCluster gives the same documents, mentions and database rows as one machine."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")

from distributed import Client, LocalCluster  # noqa: E402

from pipeline import Document, Extractor, Failure  # noqa: E402
from pipeline.api import iter_files  # noqa: E402
from pipeline.cli import main  # noqa: E402
from pipeline.distributed import MARKER, Result, ResultError, extract_to_parquet, read_result  # noqa: E402
from pipeline.taxonomy import Taxonomy  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    """The sample CVs and vacancies, a PDF of garbage and a hidden file (skipped, as by `skillfit load`)."""
    root = tmp_path_factory.mktemp("dist") / "docs"
    for folder in ("cvs", "vacancies"):
        shutil.copytree(SAMPLES / folder, root / folder)
    (root / "cvs" / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (root / "cvs" / ".hidden.txt").write_text("Python en SQL", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def result(docs, client, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist") / "out"
    summary = extract_to_parquet(str(docs), str(out), client=client, files_per_task=3)
    assert summary.files == len(list(iter_files([docs]))) and summary.documents > 10
    return out


@pytest.fixture(scope="module")
def single(docs) -> list[Document | Failure]:
    return list(Extractor(plugins=False).extract_many(iter_files([docs])))


def by_source(items) -> dict[str, Document | Failure]:
    return {item.source: item for item in items}


def test_same_documents_as_one_machine(result, single):
    distributed = by_source(read_result(result))
    assert distributed.keys() == by_source(single).keys()
    for item in single:
        # Document equality: id, text, kind, source, language, sections and every mention (skill, offsets,
        # method, confidence, section, requirement, years, level).
        assert distributed[item.source] == item, item.source
    broken = distributed[str(next(Path(item.source) for item in single if item.source.endswith("broken.pdf")))]
    assert isinstance(broken, Failure) and broken.status == "malformed"


def test_extractor_is_built_once_per_worker(result, client):
    counts = client.run(lambda: len(__import__("pipeline.distributed", fromlist=["_"])._EXTRACTORS))
    assert sorted(counts.values()) == [1, 1]


def test_file_url_and_cli_on_a_scheduler(docs, result, client, tmp_path):
    url_out = tmp_path / "from_url"
    extract_to_parquet(docs.as_uri(), url_out.as_uri(), client=client)
    assert list(read_result(url_out)) == list(read_result(result))

    cli_out = tmp_path / "from_cli"
    run = CliRunner().invoke(main, ["distributed-extract", str(docs), str(cli_out), "--scheduler",
                                    client.scheduler.address, "--files-per-task", "5"])
    assert run.exit_code == 1, run.output  # the broken PDF
    assert [line for line in run.stderr.splitlines() if "broken.pdf: malformed" in line]
    assert "extracted" in run.stderr.splitlines()[-1]
    assert by_source(read_result(cli_out)) == by_source(read_result(result))

    again = CliRunner().invoke(main, ["distributed-extract", str(docs), str(cli_out), "--scheduler",
                                      client.scheduler.address])
    assert again.exit_code == 2 and "--overwrite" in again.stderr


def test_duckdb_reads_the_parquet(result):
    marker = json.loads((result / MARKER).read_text())
    con = duckdb.connect()
    rows = con.execute(f"SELECT doc_id, skill_id, method, requirement, years, start_offset, end_offset, evidence,"
                       f" taxonomy_hash, skillfit_version FROM read_parquet('{result}/mentions/*.parquet')").fetchall()
    assert len(rows) == marker["mentions"] > 0
    assert {r[8] for r in rows} == {marker["taxonomy_hash"]}
    kinds = con.execute(f"SELECT kind, count(*) FROM read_parquet('{result}/documents/*.parquet') d"
                        f" GROUP BY kind ORDER BY kind").fetchall()
    assert [k for k, _ in kinds] == ["cv", "vacancy"] and sum(n for _, n in kinds) == marker["documents"]
    failed = con.execute(f"SELECT source, status FROM read_parquet('{result}/failures/*.parquet')").fetchall()
    assert [(Path(s).name, st) for s, st in failed] == [("broken.pdf", "malformed")]
    cv_sources = con.execute(f"SELECT count(source) FROM read_parquet('{result}/documents/*.parquet')"
                             f" WHERE kind = 'cv'").fetchall()[0][0]
    assert cv_sources == 0  # CV file names live in texts/, with the personal data


def test_load_parquet_equals_load_files(result, docs, tmp_path, monkeypatch):
    files_db, parquet_db = tmp_path / "files.duckdb", tmp_path / "parquet.duckdb"
    # In a fresh process: `load` forks a child per file, which is best not done beside the Dask client's threads.
    files = subprocess.run([sys.executable, "-m", "pipeline.cli", "load", str(docs), "--db", str(files_db)],
                           capture_output=True, text=True, timeout=120)
    monkeypatch.setitem(sys.modules, "dask", None)  # loading a result needs no Dask
    monkeypatch.setitem(sys.modules, "distributed", None)
    parquet = CliRunner().invoke(main, ["load", str(result), "--db", str(parquet_db)])
    for code, stderr in ((files.returncode, files.stderr), (parquet.exit_code, parquet.stderr)):
        assert code == 1, stderr  # the broken PDF: one line on stderr, like any failed file
        assert any("broken.pdf: malformed" in line for line in stderr.splitlines())
    assert files.stderr.replace("files.duckdb", "X") == parquet.stderr.replace("parquet.duckdb", "X")
    # (signatures are hashed with each database's own key: its mapping file's salt)
    queries = ["SELECT * EXCLUDE (run_id, loaded_at, expires_at, signature) FROM documents ORDER BY doc_id",
               "SELECT * FROM mentions ORDER BY doc_id, seq", "SELECT * FROM fit ORDER BY ALL",
               "SELECT files_ok, files_skipped, files_failed, mentions, errors FROM runs"]
    tables = []
    for db in (files_db, parquet_db):
        with duckdb.connect(str(db), read_only=True) as con:
            tables.append([con.execute(q).fetchall() for q in queries])
        with duckdb.connect(str(db).replace(".duckdb", ".sources.duckdb"), read_only=True) as con:
            tables[-1].append(con.execute("SELECT * EXCLUDE (recorded_at) FROM sources ORDER BY ALL").fetchall())
    assert tables[0] == tables[1]
    assert len(tables[0][1]) > 100 and tables[0][2]  # mentions and fit rows are there
    with duckdb.connect(str(parquet_db), read_only=True) as con:  # the Parquet's own columns match the table's
        differ = con.execute(f"SELECT count(*) FROM mentions m JOIN read_parquet('{result}/mentions/*.parquet') p"
                             " USING (doc_id, seq) WHERE (m.skill_id, m.start_offset, m.end_offset, m.method,"
                             " m.requirement, m.years, m.evidence) IS DISTINCT FROM (p.skill_id, p.start_offset,"
                             " p.end_offset, p.method, p.requirement, p.years, p.evidence)").fetchall()[0][0]
    assert differ == 0

    again = CliRunner().invoke(main, ["load", str(result), "--db", str(parquet_db), "--kind", "vacancy"])
    vacancies = sum(1 for row in tables[1][0] if row[1] == "vacancy")
    assert vacancies and f"loaded 0, unchanged {vacancies}," in again.stderr  # --kind: only that kind, idempotent


def test_load_refuses_other_taxonomy_or_missing_texts(result, tmp_path):
    with pytest.raises(ResultError, match="same --taxonomy"):
        Result(result).check_loadable(Taxonomy(skills={}, version="x", content_hash="0000"))
    copy = tmp_path / "copy"
    shutil.copytree(result, copy)
    shutil.rmtree(copy / "texts")
    with pytest.raises(ResultError, match="texts"):
        list(read_result(copy))
    db = tmp_path / "x.duckdb"
    run = CliRunner().invoke(main, ["load", str(copy), "--db", str(db)])
    assert run.exit_code == 2 and "queried with DuckDB but not loaded" in run.stderr and not db.exists()
    with pytest.raises(ResultError, match="not a skillfit"):
        Result(tmp_path)


def test_missing_dask_is_a_usage_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)
    run = CliRunner().invoke(main, ["distributed-extract", str(tmp_path), str(tmp_path / "out")])
    assert run.exit_code == 2 and "install skillfit[distributed]" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_file_fails_the_same_way_as_in_a_batch(tmp_path):
    from pipeline import batch, distributed
    from pipeline.outcome import Limits

    class Exploding:  # an extractor whose parser runs out of memory or trips over a bug
        def __init__(self, exc):
            self.exc = exc

        def extract(self, *args, **kwargs):
            raise self.exc

    long = tmp_path / "long.txt"
    long.write_text("Python en SQL. " * 100, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    fs, _ = distributed.url_to_fs(str(tmp_path))
    limits = Limits(max_chars=1000)
    cases = [(Extractor(plugins=False), long, limits), (Extractor(plugins=False), missing, limits),
             (Extractor(plugins=False), long, Limits(max_file_mb=0.001)),
             (Exploding(RecursionError()), long, limits), (Exploding(KeyError("x")), long, limits)]
    for extractor, path, limit in cases:
        file = distributed.SourceFile(str(path), str(path), path.stat().st_size if path.exists() else None)
        on_dask = distributed.extract_file(extractor, fs, file, None, limit)
        assert batch.extract_file(extractor, str(path), None, limit) == on_dask
        assert isinstance(on_dask, Failure) and on_dask.status in ("too_large", "not_found", "malformed")
    # Only the process pool caps a file's memory, so only its message names the cap.
    assert batch.extract_file(Exploding(MemoryError()), str(long), None, limits).reason == \
        "parsing needed more than 1024 MB"
    assert distributed.extract_file(Exploding(MemoryError()), fs, distributed.SourceFile(str(long), str(long)), None,
                                    limits).reason == "parsing ran out of memory"


def test_dask_workers_parse_under_the_limits_every_entry_point_uses(small_taxonomy):
    from pipeline.distributed import worker_extractor
    from pipeline.outcome import Limits
    from pipeline.taxonomy import load

    taxonomy = load()
    bounded = worker_extractor(taxonomy, limits=Limits(timeout_s=5))
    try:
        assert bounded.parse_pool is not None and bounded.parse_pool.size == 1
        assert worker_extractor(taxonomy, limits=Limits(timeout_s=5)) is bounded  # one per process and options
        assert worker_extractor(taxonomy).parse_pool is None
    finally:
        bounded.close()
