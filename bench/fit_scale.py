"""Fit at scale: a synthetic database of N candidates x M roles, timing fit_for_role and the full fit view.

Usage: python bench/fit_scale.py [--candidates 10000] [--roles 1000] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from pipeline.store import Store, connect
from pipeline.taxonomy import load


def build(db: Path, candidates: int, roles: int, seed: int = 7) -> None:
    """Documents and mentions generated in SQL: ~25 skills per CV, ~15 per role, 70% of them required."""
    taxonomy = load()
    with Store(db) as store:
        store.sync_taxonomy(taxonomy)
    con = connect(db)
    con.execute(f"SELECT setseed({1 / seed})")
    con.execute("CREATE TEMP TABLE ids AS SELECT row_number() OVER () - 1 AS i, skill_id FROM skills")
    n = con.execute("SELECT count(*) FROM ids").fetchone()[0]
    con.execute("""
        INSERT INTO documents (doc_id, kind, language, source, title, chars)
        SELECT 'cv' || i, 'cv', 'en', 'cv' || i || '.txt', NULL, 3000 FROM range($c) t(i)
        UNION ALL
        SELECT 'role' || i, 'vacancy', 'nl', 'role' || i || '.txt', 'Role ' || i, 2500 FROM range($r) t(i)
    """, {"c": candidates, "r": roles})
    # Skills are drawn from a skewed distribution so that common skills are common, as in real data.
    con.execute("""
        INSERT INTO mentions
        SELECT doc_id, seq, skill_id, 0, 5, 'skill', 'exact', 1.0, 'skills',
               CASE WHEN kind = 'vacancy' THEN (CASE WHEN random() < 0.7 THEN 'required' ELSE 'preferred' END) END,
               CASE WHEN random() < 0.2 THEN floor(random() * 8) + 1 END, NULL, 'evidence sentence'
        FROM (
            SELECT d.doc_id, d.kind, s.seq, ids.skill_id
            FROM documents d,
                 LATERAL (SELECT range AS seq, floor(pow(random(), 2) * $n)::INT AS pick
                          FROM range(CASE WHEN d.kind = 'cv' THEN 25 ELSE 15 END)) s
            JOIN ids ON ids.i = s.pick
        )
    """, {"n": n})
    con.close()


def timed(con, sql: str, params=None, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        con.execute(sql, params or {}).fetchall()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--roles", type=int, default=1_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.duckdb"
        started = time.perf_counter()
        build(db, args.candidates, args.roles)
        build_s = time.perf_counter() - started
        con = connect(db, read_only=True)
        mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        results = {
            "candidates": args.candidates, "roles": args.roles, "mentions": mentions,
            "build_s": round(build_s, 2),
            "fit_for_role_ms": round(1000 * timed(con, "FROM fit_for_role('role1')"), 1),
            "fit_for_role_top10_ms": round(1000 * timed(con, "FROM fit_for_role('role1') LIMIT 10"), 1),
            "skill_gap_ms": round(1000 * timed(con, "FROM skill_gap('cv1', 'role1')"), 1),
            "fit_all_pairs_s": round(timed(con, "SELECT count(*), avg(score) FROM fit", repeat=1), 2),
            "skills_gap_by_role_s": round(timed(con, "SELECT count(*) FROM skills_gap_by_role", repeat=1), 2),
        }
        con.close()
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
