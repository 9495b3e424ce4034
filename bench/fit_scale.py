"""Fit at scale: a synthetic database of N candidates x M roles, timing the fit_for_role macro, ranking from the
stored fit_scores, the all-pairs matrix computation (pipeline/store/scores.py) and the SQL fit view.

Usage: python bench/fit_scale.py [--candidates 10000] [--roles 1000] [--keep 1000] [--json OUT]
       [--view/--no-view] [--all-pairs/--no-all-pairs]

The SQL `fit` view and storing every pair are skipped by default above 20M pairs (100,000 x 1,000 is 100M:
minutes and gigabytes); --view / --all-pairs force them. Skipped figures are null in the JSON.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from pipeline.screening import ranking
from pipeline.store import Store, connect, scores
from pipeline.taxonomy import load

BIG = 20_000_000  # pairs above which the slow comparisons are skipped unless asked for


def build(db: Path, candidates: int, roles: int, seed: int = 7) -> None:
    """Documents and mentions generated in SQL: ~25 skills per CV, ~15 per role, 70% of them required, years on a
    fifth of the mentions and a level on a few."""
    taxonomy = load()
    with Store(db) as store:
        store.sync_taxonomy(taxonomy)
    con = connect(db)
    con.execute("SET enable_progress_bar = false")
    con.execute(f"SELECT setseed({1 / seed})")
    con.execute("CREATE TEMP TABLE ids AS SELECT row_number() OVER () - 1 AS i, skill_id FROM skills")
    n = con.execute("SELECT count(*) FROM ids").fetchone()[0]
    con.execute("""
        INSERT INTO documents (doc_id, kind, language, source, title, chars)
        SELECT 'cv' || i, 'cv', 'en', 'cv' || i || '.txt', NULL, 3000 FROM range($c) t(i)
        UNION ALL
        SELECT 'role' || i, 'vacancy', 'nl', 'role' || i || '.txt', 'Role ' || i, 2500 FROM range($r) t(i)
    """, {"c": candidates, "r": roles})
    # Skills are drawn from a skewed distribution so that common skills are common, as in real data; a
    # quarter of a role's skills are alternatives in one of three groups, some of which accept equivalents.
    con.execute("""
        INSERT INTO mentions (doc_id, seq, skill_id, start_offset, end_offset, text, method, confidence, section,
                              requirement, years, level, evidence, alt_group)
        SELECT doc_id, seq, skill_id, 0, 5, 'skill', 'exact', 1.0, 'skills',
               CASE WHEN kind = 'vacancy' THEN (CASE WHEN random() < 0.7 THEN 'required' ELSE 'preferred' END) END,
               CASE WHEN random() < 0.2 THEN floor(random() * 8) + 1 END,
               CASE WHEN random() < 0.15 THEN ['basic', 'intermediate', 'good', 'advanced', 'fluent', 'native', 'B2',
                                               'C1'][floor(random() * 8)::INT + 1] END, 'evidence sentence',
               CASE WHEN kind = 'vacancy' AND random() < 0.25
                    THEN 'g' || (seq % 3 + 1) || CASE WHEN seq % 3 = 2 THEN '+equivalent' ELSE '' END END
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


def timed_call(fn, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--roles", type=int, default=1_000)
    parser.add_argument("--keep", type=int, default=scores.DEFAULT_KEEP, help="candidates stored per role (top N)")
    parser.add_argument("--view", action=argparse.BooleanOptionalAction, default=None,
                        help="time the SQL fit view and skills_gap_by_role (default: up to 20M pairs)")
    parser.add_argument("--all-pairs", action=argparse.BooleanOptionalAction, default=None,
                        help="time storing every pair (default: up to 20M pairs)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pairs = args.candidates * args.roles
    view = args.view if args.view is not None else pairs <= BIG
    all_pairs = args.all_pairs if args.all_pairs is not None else pairs <= BIG

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.duckdb"
        started = time.perf_counter()
        build(db, args.candidates, args.roles)
        build_s = time.perf_counter() - started
        con = connect(db)
        con.execute("SET enable_progress_bar = false")
        mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        results = {
            "candidates": args.candidates, "roles": args.roles, "mentions": mentions,
            "build_s": round(build_s, 2),
            "fit_for_role_ms": round(1000 * timed(con, "FROM fit_for_role('role1')"), 1),
            "fit_for_role_top10_ms": round(1000 * timed(con, "FROM fit_for_role('role1') LIMIT 10"), 1),
            # the last CV: an id no other id starts with, as real ids (hashes) are; 'cv1' would be the start
            # of 1,111 ids and skill_gap, which takes the start of an id, would read all of them
            "skill_gap_ms": round(1000 * timed(con, f"FROM skill_gap('cv{args.candidates - 1}', 'role1')"), 1),
        }
        # all pairs as matrix products (pipeline/store/scores.py): without writing, best `keep` and every pair
        keep = args.keep
        results[f"scores_top{keep}_compute_s"] = round(timed_call(lambda: scores.compute(con, keep), 2)[0], 2)
        results["scores_all_pairs_compute_s"] = (round(timed_call(lambda: scores.compute(con, 0), 1)[0], 2)
                                                 if all_pairs else None)
        results["scores_all_pairs_refresh_s"] = (round(timed_call(lambda: scores.refresh(con, 0, force=True), 1)[0], 2)
                                                 if all_pairs else None)
        if all_pairs:  # one role, every candidate, from the stored table
            results["rank_role_all_from_fit_scores_ms"] = round(
                1000 * timed_call(lambda: scores.ranked(con, "role1"), 5)[0], 1)
        else:
            results["rank_role_all_from_fit_scores_ms"] = None
        results[f"scores_top{keep}_refresh_s"] = round(timed_call(lambda: scores.refresh(con, keep, force=True), 2)[0], 2)
        results["fit_scores_rows"] = con.execute("SELECT count(*) FROM fit_scores").fetchone()[0]
        # one role from the stored table: the check that it is fresh plus the lookup, as `skillfit fit` does
        results["fit_scores_fresh_check_ms"] = round(1000 * timed_call(lambda: scores.is_fresh(con), 5)[0], 1)
        results["rank_role_top10_from_fit_scores_ms"] = round(
            1000 * timed_call(lambda: scores.ranked(con, "role1", 10), 5)[0], 1)
        # what `skillfit fit --top 10` runs (pipeline.screening.ranking); the key keeps its name so that runs compare
        results["rank_role_top10_cli_ms"] = round(1000 * timed_call(lambda: ranking(con, str(db), "role1", 10), 3)[0], 1)
        if view:
            results["fit_all_pairs_s"] = round(timed(con, "SELECT count(*), avg(score) FROM fit", repeat=1), 2)
            results["skills_gap_by_role_s"] = round(timed(con, "SELECT count(*) FROM skills_gap_by_role", repeat=1), 2)
        else:
            results["fit_all_pairs_s"] = results["skills_gap_by_role_s"] = None
        con.close()
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
