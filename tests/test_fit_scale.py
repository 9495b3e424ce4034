"""Stored fit scores (pipeline/store/scores.py) and the role-focused fit_for_role macro give exactly the fit
view's numbers: every pair, every role, after re-weighting; top-N keeps the N best; stale scores are never used."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.store import Store, connect, scores

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"
# Small documents that exercise what the samples may not: years asked vs. years stated, a narrower skill
# (Java for programming), a broader one (programming for Python), preferred and soft skills, an empty CV.
VACANCIES = {
    "v-python": "Python developer\nRequirements\n5+ years of Python\nSQL\nprogramming\ncommunication skills\n"
                "Nice to have\nJava\nteamwork\n",
    "v-software": "Software engineer\nRequirements\nprogramming\n4 years of SQL\nNice to have\nDocker\nPython\n",
}
CVS = {
    "c-years": "Profile\nDeveloper with 2 years of Python and 6 years of SQL. Good communication skills.\n",
    "c-java": "Profile\nJava programmer with 3 years of SQL, team player.\n",
    "c-broad": "Profile\nExperience in programming and software development, and teamwork.\n",
    "c-none": "Profile\nI like long walks.\n",
}
FIT_COLUMNS = "score, required_met, required_total, hard_score, soft_score"


def build(extractor, db: Path) -> None:
    """A database made by the real pipeline: the sample documents plus the small ones above."""
    docs = [extractor.extract(path, kind=kind) for kind, folder in (("vacancy", "vacancies"), ("cv", "cvs"))
            for path in sorted((SAMPLES / folder).iterdir()) if path.is_file()]
    docs += [extractor.extract(text, kind="vacancy", doc_id=i) for i, text in VACANCIES.items()]
    docs += [extractor.extract(text, kind="cv", doc_id=i) for i, text in CVS.items()]
    with Store(db) as store:
        store.sync_taxonomy(extractor.taxonomy)
        run = store.start_run(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, run)


@pytest.fixture(scope="module")
def built(extractor, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("fitscale") / "base.duckdb"
    build(extractor, db)
    return db


@pytest.fixture
def db(built, tmp_path) -> Path:
    """A private copy of the built database (tests write to it)."""
    copy = tmp_path / "fit.duckdb"
    shutil.copy(built, copy)
    return copy


def view_rows(con) -> dict[tuple[str, str], tuple]:
    """The fit view, with each pair's rank in its role (score descending, then candidate id)."""
    rows = con.execute(f"SELECT role_id, candidate_id, {FIT_COLUMNS},"
                       " row_number() OVER (PARTITION BY role_id ORDER BY score DESC, candidate_id) FROM fit").fetchall()
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


def matrix_rows(computed: scores.Computed) -> dict[tuple[str, str], tuple]:
    scored = computed.to_arrow()  # noqa: F841 - read by DuckDB below
    rows = duckdb.sql(f"SELECT role_id, candidate_id, {FIT_COLUMNS}, rank FROM scored").fetchall()
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


def stored_rows(con) -> dict[tuple[str, str], tuple]:
    rows = con.execute(f"SELECT role_id, candidate_id, {FIT_COLUMNS}, rank FROM fit_scores").fetchall()
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


def test_the_database_exercises_every_kind_of_credit(built):
    with duckdb.connect(str(built), read_only=True) as con:
        relations = {r[0] for r in con.execute("SELECT DISTINCT relation FROM fit_evidence").fetchall()}
        assert {"exact", "narrower", "broader"} <= relations
        assert con.execute("SELECT count(*) FROM fit_credit f JOIN role_weights r USING (role_id, skill_id)"
                           " WHERE r.years > 0 AND f.credit > 0 AND f.credit < 1").fetchone()[0] > 0  # years scaling
        kinds = con.execute("SELECT DISTINCT requirement, type FROM role_weights").fetchall()
        assert {("required", "hard"), ("preferred", "hard"), ("required", "soft")} <= set(kinds)
        assert con.execute("SELECT count(*) FROM documents WHERE kind = 'cv'").fetchone()[0] >= 15
        assert con.execute("SELECT count(*) FROM fit WHERE score = 0").fetchone()[0] > 0


def test_matrix_scores_equal_the_fit_view_for_every_pair(built):
    with duckdb.connect(str(built), read_only=True) as con:
        want = view_rows(con)
        got = matrix_rows(scores.compute(con, keep=0))
    assert len(want) > 100
    assert got == want


@pytest.mark.parametrize("common", [1.0, None], ids=["specificity off", "specificity on"])
def test_a_synthetic_pool_matches_the_view_at_every_rounding_edge(tmp_path, common):
    """bench/fit_scale.py's generator (skewed skills, years on a fifth of the mentions, a quarter of a role's skills
    in groups of alternatives, some accepting equivalents), small: many sums land on an exact x.x5 (more without
    specificity, whose weights are round numbers), where float noise would round either way without the nudge."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.fit_scale import build as build_synthetic

    db = tmp_path / "synthetic.duckdb"
    build_synthetic(db, candidates=1500, roles=80)
    if common is not None:
        with connect(db) as con:
            con.execute("UPDATE fit_weights SET value = ? WHERE name = 'common'", [common])
    with duckdb.connect(str(db), read_only=True) as con:
        groups = con.execute("SELECT count(DISTINCT (role_id, req_id)) FROM role_weights WHERE alt_group IS NOT NULL"
                             " AND members > 1").fetchone()[0]
        levelled = con.execute("SELECT count(*) FROM fit_credit f JOIN role_weights r USING (role_id, skill_id)"
                               " WHERE r.level_rank > 0 AND f.credit > 0 AND f.credit < 1").fetchone()[0]
        assert levelled > 0  # a level below the one asked
        assert groups > 50 and con.execute("SELECT count(*) FROM fit_credit f JOIN role_weights r USING"
                                           " (role_id, req_id) WHERE r.alt_group LIKE '%+equivalent'").fetchone()[0]
        want = view_rows(con)
        assert matrix_rows(scores.compute(con, keep=0)) == want
        assert matrix_rows(scores.compute(con, keep=25)) == {k: v for k, v in want.items() if v[-1] <= 25}
        role = con.execute("SELECT min(role_id) FROM fit").fetchone()[0]
        macro = con.execute(f"SELECT candidate_id, {FIT_COLUMNS}, rank FROM fit_for_role(?)", [role]).fetchall()
    assert {(role, r[0]): tuple(r[1:]) for r in macro} == {k: v for k, v in want.items() if k[0] == role}


@pytest.mark.parametrize("updates", [
    {"narrower": 0.9, "broader": 0.5, "sibling": 0.3},
    {"preferred": 0.55, "soft": 0.85, "hard": 1.3},
    {"exact": 0.8, "narrower": 1.0, "required": 2.0},
    {"common": 0.3, "common_share": 0.35, "equivalent": 0.5},
    {"common": 1.0},
], ids=["relations", "weights", "credits", "specificity", "specificity off"])
def test_scores_follow_fit_weights(db, updates):
    con = connect(db)
    scores.refresh(con, keep=0)
    assert scores.is_fresh(con)
    for name, value in updates.items():
        con.execute("UPDATE fit_weights SET value = ? WHERE name = ?", [value, name])
    assert not scores.is_fresh(con)  # any re-weighting makes the stored scores stale
    assert scores.ranked(con, "v-python") is None
    assert scores.refresh(con)["refreshed"]
    want = view_rows(con)
    assert stored_rows(con) == want
    con.close()


def test_a_role_without_weight_scores_null_everywhere(db):
    con = connect(db)
    con.execute("UPDATE fit_weights SET value = 0 WHERE name IN ('required', 'preferred', 'title')")
    want = view_rows(con)
    assert {v[0] for v in want.values()} == {None}
    assert matrix_rows(scores.compute(con, keep=0)) == want
    assert matrix_rows(scores.compute(con, keep=3)) == {k: v for k, v in want.items() if v[-1] <= 3}
    con.close()


@pytest.mark.parametrize("keep", [1, 2, 5])
def test_top_n_keeps_exactly_the_n_best_of_each_role(built, keep):
    with duckdb.connect(str(built), read_only=True) as con:
        want = {k: v for k, v in view_rows(con).items() if v[-1] <= keep}
        got = matrix_rows(scores.compute(con, keep=keep))
        roles = con.execute("SELECT count(DISTINCT role_id) FROM role_weights").fetchone()[0]
    assert got == want
    assert len(got) == keep * roles


def test_blocks_of_candidates_merge_like_one(built, monkeypatch):
    """Large pools are scored in blocks of candidates; the best N survive each merge, ties by candidate id."""
    with duckdb.connect(str(built), read_only=True) as con:
        whole = matrix_rows(scores.compute(con, keep=4))
        monkeypatch.setattr(scores, "CHUNK", 3)
        monkeypatch.setattr(scores, "MIN_BLOCK", 1)
        assert matrix_rows(scores.compute(con, keep=4)) == whole
        assert matrix_rows(scores.compute(con, keep=0)) == view_rows(con)


def test_fit_for_role_macro_equals_the_fit_view(db):
    con = connect(db)
    con.execute("UPDATE fit_weights SET value = 0.25 WHERE name = 'sibling'")
    want = view_rows(con)
    roles = [r[0] for r in con.execute("SELECT DISTINCT role_id FROM fit").fetchall()]
    for role in roles:
        got = con.execute(f"SELECT rank, candidate_id, {FIT_COLUMNS}, matched FROM fit_for_role(?)", [role]).fetchall()
        assert [(cid, *rest) for rank, cid, *rest, _ in got] == [
            (cid, *want[(role, cid)][:-1]) for _, cid, *_ in sorted(got, key=lambda r: r[0])]
        assert all(want[(role, cid)][-1] == rank for rank, cid, *_ in got)
        # matched: fit_evidence's skills, best credit first, ~ for partial credit
        evidence = dict(con.execute(
            "SELECT candidate_id, list(CASE WHEN credit < 1 THEN '~' ELSE '' END || matched_label"
            " ORDER BY weight * credit DESC, label_en, matched_label) FROM fit_evidence WHERE role_id = ? GROUP BY ALL",
            [role]).fetchall())
        assert {cid: m for _, cid, *_, m in got} == {cid: evidence.get(cid, []) for _, cid, *_ in got}
    con.close()


def test_stale_scores_are_detected_and_never_used(db, extractor):
    con = connect(db)
    state = scores.refresh(con, keep=2)
    assert state["refreshed"] and state["keep"] == 2 and scores.is_fresh(con)
    assert not scores.refresh(con)["refreshed"]  # fresh: nothing to do, and the keep stays
    assert con.execute("SELECT fresh FROM fit_scores_status").fetchone()[0] is True
    assert scores.ranked(con, "v-python", top=2) is not None
    con.close()
    # a new CV, loaded the ordinary way
    with Store(db) as store:
        run = store.start_run(extractor.taxonomy)
        store.write([extractor.extract("Profile\nPython and SQL.\n", kind="cv", doc_id="c-new")], extractor.taxonomy, run)
        assert not scores.is_fresh(store.con)
        assert scores.ranked(store.con, "v-python", top=2) is None
        assert store.con.execute("SELECT fresh FROM fit_scores_status").fetchone()[0] is False
        scores.refresh(store.con)
        assert scores.is_fresh(store.con)
        # a mention removed by hand
        store.con.execute("DELETE FROM mentions WHERE doc_id = 'c-new' AND seq = 0")
        assert not scores.is_fresh(store.con)
        scores.refresh(store.con)
        # the taxonomy changed
        store.con.execute("UPDATE skills SET broader = NULL WHERE skill_id = 'hard.python'")
        assert not scores.is_fresh(store.con)
        scores.refresh(store.con)
        # how common a skill is (specificity) changed
        store.con.execute("UPDATE skill_commonness SET share = share / 2 WHERE skill_id = 'lang.english'")
        assert not scores.is_fresh(store.con)
        scores.refresh(store.con)
        # ... of two skills alike (trial Q: the README's "French counts as specific" for French and Dutch at once
        # left the fingerprint as it was, so `fit --refresh` showed stale scores beside `gap`'s new ones)
        store.con.execute("UPDATE skill_commonness SET share = 0 WHERE skill_id IN ('lang.french', 'lang.dutch')")
        assert not scores.is_fresh(store.con)


def test_ranked_answers_only_what_the_stored_best_n_hold(db):
    con = connect(db)
    scores.refresh(con, keep=2)
    want = con.execute("SELECT rank, candidate_id, score, required_met, required_total, hard_score, soft_score"
                       " FROM fit_for_role('v-python')").fetchall()
    assert scores.ranked(con, "v-python", top=2) == want[:2]
    assert scores.ranked(con, "v-python", top=3) is None  # the third best is not stored
    assert scores.ranked(con, "v-python") is None
    above = want[1][2] + 0.1  # everything above the second best score is stored
    assert scores.ranked(con, "v-python", min_score=above) == [r for r in want if r[2] >= above]
    assert scores.ranked(con, "no-such-role", top=2) == []
    scores.refresh(con, keep=0)
    assert scores.ranked(con, "v-python") == want
    con.close()


def test_numpy_rounds_as_the_fit_score_macro(tmp_path):
    """The stored scores and the views round in one way on any DuckDB version (1.x and 2.x round x.x5 apart)."""
    rng = np.random.default_rng(3)
    points = np.concatenate([rng.random(20_000) * 7, np.arange(0, 2000) / 20, -rng.random(500) * 5,
                             [0.0015, 0.0005, 0.15, 2.25, 0.4 + 0.6 - 1e-16, 0.049999999999999996]])
    totals = np.concatenate([rng.random(points.size - 6) * 9 + 0.1, [1.0] * 6])
    with Store(tmp_path / "r.duckdb") as store:  # a database with the analyst macros
        want = np.array(store.con.execute("SELECT fit_score(p, t) FROM (SELECT unnest(?) AS p, unnest(?) AS t)",
                                          [points.tolist(), totals.tolist()]).fetchall(), dtype=float)[:, 0]
    x = points * 100.0 / totals + scores.NUDGE
    got = scores.round10(x) / 10.0
    assert np.array_equal(got, want)
    assert scores.round10(np.array([1.5, 0.15, 2.25])).tolist() == [15.0, 2.0, 23.0]  # half up, nudge aside


def screen(db: Path, *extra: str):
    result = CliRunner().invoke(main, ["screen", str(SAMPLES / "vacancies"), str(SAMPLES / "cvs"), "--db", str(db),
                                       "--format", "json", *extra])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def fit_json(db: Path, role: str, *extra: str):
    result = CliRunner().invoke(main, ["fit", "--db", str(db), "--role", role, "--format", "json", *extra])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_cli_ranks_from_the_table_as_the_macro_does(tmp_path):
    db = tmp_path / "cli.duckdb"
    shown = screen(db)  # loading refreshes the stored scores
    with duckdb.connect(str(db), read_only=True) as con:
        assert scores.is_fresh(con)
        roles = [r[0] for r in con.execute("SELECT DISTINCT role_id FROM fit_scores").fetchall()]
    assert roles and shown
    from_table = {role: fit_json(db, role) for role in roles}
    top3 = {role: fit_json(db, role, "--top", "3") for role in roles}
    with duckdb.connect(str(db)) as con:  # make them stale: the CLI must fall back to the macro
        con.execute("UPDATE fit_scores_state SET fingerprint = 'stale'")
        assert scores.ranked(con, roles[0]) is None
    for role in roles:
        assert fit_json(db, role) == from_table[role]
        assert fit_json(db, role, "--top", "3") == top3[role] == from_table[role][:3]
    assert any(r["score"] > 0 and r["matched"] for rows in from_table.values() for r in rows)
    # screen's own output (the best 5 of each role) is the same ranking
    keys = ["rank", "candidate", "candidate_id", "score", "required_met", "required_total", "matched", "missing_preferred"]
    for role in roles:
        assert [{k: r[k] for k in keys} for r in shown if r["role_id"] == role] == [
            {k: r[k] for k in keys} for r in from_table[role][:5]]
    # --refresh recomputes them
    assert not CliRunner().invoke(main, ["fit", "--db", str(db), "--role", roles[0], "--refresh"]).exit_code
    with duckdb.connect(str(db), read_only=True) as con:
        assert scores.is_fresh(con)


def test_scores_command_stores_every_pair_on_request(tmp_path):
    db = tmp_path / "cmd.duckdb"
    screen(db)
    result = CliRunner().invoke(main, ["scores", "--db", str(db), "--keep", "0"])
    assert result.exit_code == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["keep"] == 0 and status["refreshed"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert stored_rows(con) == view_rows(con)
        assert status["rows"] == len(view_rows(con))
    again = json.loads(CliRunner().invoke(main, ["scores", "--db", str(db)]).stdout)
    assert not again["refreshed"] and again["keep"] == 0


def test_forgetting_a_candidate_removes_their_scores(tmp_path):
    db = tmp_path / "forget.duckdb"
    screen(db)
    with duckdb.connect(str(db), read_only=True) as con:
        candidate = con.execute("SELECT candidate_id FROM fit_scores ORDER BY score DESC LIMIT 1").fetchone()[0]
    result = CliRunner().invoke(main, ["forget", "--db", str(db), "--candidate", candidate])
    assert result.exit_code == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM fit_scores WHERE candidate_id = ?", [candidate]).fetchone()[0] == 0
        assert scores.is_fresh(con)  # the others' ranks are recomputed
        assert stored_rows(con) == {k: v for k, v in view_rows(con).items() if v[-1] <= scores.DEFAULT_KEEP}


def test_a_file_of_schema_v2_is_migrated_and_old_files_still_rank_read_only(tmp_path):
    from pipeline.store.loader import SCHEMA_VERSION

    v2 = tmp_path / "v2.duckdb"
    con = connect(v2)  # today's shape, then back to what version 2 had
    con.execute("DROP VIEW fit_scores_status")
    con.execute("DROP TABLE fit_scores")
    con.execute("DROP TABLE fit_scores_state")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version (version) VALUES (2)")
    con.close()
    with duckdb.connect(str(v2), read_only=True) as old:  # skillfit reading an old file read-only
        assert scores.state(old) is None and not scores.is_fresh(old)
        assert scores.ranked(old, "any") is None
    con = connect(v2)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert con.execute("SELECT count(*) FROM fit_scores").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM fit_scores_status").fetchone()[0] == 0
    con.close()


def test_a_file_of_schema_v3_gets_the_alternatives_column(tmp_path):
    """Version 4 adds mentions.alt_group (the extract contract's `group`); a version 3 file's mentions are
    requirements on their own, and score as before."""
    v3 = tmp_path / "v3.duckdb"
    con = connect(v3)
    con.execute("ALTER TABLE mentions DROP COLUMN alt_group")
    con.execute("ALTER TABLE documents DROP COLUMN kind_confidence")
    con.execute("ALTER TABLE documents DROP COLUMN extracted_with")
    con.execute("ALTER TABLE documents DROP COLUMN signature")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version (version) VALUES (3)")
    con.execute("INSERT INTO documents (doc_id, kind) VALUES ('r', 'vacancy'), ('c', 'cv')")
    con.execute("INSERT INTO skills (skill_id, type, label_en) VALUES ('hard.python', 'hard', 'Python')")
    con.execute("INSERT INTO mentions (doc_id, seq, skill_id, start_offset, end_offset, text, method, confidence,"
                " requirement) VALUES ('r', 0, 'hard.python', 0, 6, 'Python', 'exact', 1, 'required'),"
                " ('c', 0, 'hard.python', 0, 6, 'Python', 'exact', 1, NULL)")
    con.close()
    con = connect(v3)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 8
    assert con.execute("SELECT alt_group FROM mentions").fetchall() == [(None,), (None,)]
    assert con.execute("SELECT kind_confidence, extracted_with, signature FROM documents").fetchall() == [
        (None, None, None)] * 2
    assert con.execute("SELECT score FROM fit").fetchall() == [(100.0,)]
    con.close()


def test_nudged_rounding_makes_the_view_independent_of_threads(built):
    """The view's sums depend on the order DuckDB adds in; the + 1e-10 before rounding hides that."""
    results = []
    for threads in (1, 2, 4):
        with duckdb.connect(str(built), read_only=True, config={"threads": threads}) as con:
            results.append(view_rows(con))
    assert results[0] == results[1] == results[2]
    assert not any(isinstance(v[0], float) and math.isnan(v[0]) for v in results[0].values())
