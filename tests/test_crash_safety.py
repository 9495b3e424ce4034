"""Crash-safe, idempotent loading: SIGKILL the loader anywhere; re-running completes the batch exactly."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import duckdb
import pytest

CONTENT_CHECKSUM = """
SELECT count(*), sum(hash(d.doc_id, d.kind, d.language, d.source, m.seq, m.skill_id, m.start_offset, m.end_offset,
                          m.method, m.section, m.years, m.level, m.evidence))
FROM documents d LEFT JOIN mentions m USING (doc_id)
"""
SKILLS = ["Python", "SQL", "Java", "Excel", "communicatievaardigheden", "teamwork", "programmeren"]


def write_batch(folder, n=1000):  # enough that a load runs for seconds, so the kills land mid-batch
    folder.mkdir()
    rng = random.Random(3)
    for i in range(n):
        picked = rng.sample(SKILLS, 3)
        (folder / f"cv{i:03}.txt").write_text(f"Profiel {i}\nErvaring met {', '.join(picked)}.\n" * 3)


def load_cmd(folder, db):
    return [sys.executable, "-m", "pipeline.cli", "load", str(folder), "--db", str(db), "--kind", "cv",
            "--workers", "1"]


def checksum(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(CONTENT_CHECKSUM).fetchone()


def consistent(db):
    """Every document has all of its mentions: none half-loaded."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("""
            SELECT count(*) FROM documents d
            WHERE (SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id) = 0
        """).fetchone()[0] == 0


@pytest.mark.slow
def test_sigkill_at_random_points_never_loses_or_duplicates(small_taxonomy, tmp_path):
    folder = tmp_path / "cvs"
    write_batch(folder)
    reference = tmp_path / "reference.duckdb"
    subprocess.run(load_cmd(folder, reference), check=True, capture_output=True)
    expected = checksum(reference)
    rng = random.Random(11)
    db = tmp_path / "killed.duckdb"
    kills = 0
    for _ in range(20):
        process = subprocess.Popen(load_cmd(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        if db.exists():
            assert consistent(db)
    assert kills >= 10
    final = subprocess.run(load_cmd(folder, db), capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert checksum(db) == expected


def test_second_writer_is_told_the_database_is_busy(small_taxonomy, tmp_path):
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r});"
                               " print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        (tmp_path / "cvs").mkdir()
        (tmp_path / "cvs" / "a.txt").write_text("Python")
        started = time.monotonic()
        result = subprocess.run(load_cmd(tmp_path / "cvs", db), capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert "database busy" in result.stderr and str(holder.pid) in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert time.monotonic() - started < 15
    finally:
        holder.kill()
