"""pipeline.screening, the library the CLI and the report call: load the sample documents, rank, explain gaps."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import screening
from pipeline.store import connect
from pipeline.store.privacy import sources_path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"
PYTHON_ROLE = "Python / Data Developer"


@pytest.fixture(scope="module")
def loaded(extractor, tmp_path_factory):
    """The sample vacancies and CVs loaded through the library, as `skillfit screen` does."""
    db = tmp_path_factory.mktemp("screening") / "screen.duckdb"
    vacancies = screening.load_paths(db, extractor, [str(SAMPLES / "vacancies")], "vacancy", workers=2,
                                     refresh_scores=False)
    cvs = screening.load_paths(db, extractor, [str(SAMPLES / "cvs")], "cv", workers=2)
    return db, vacancies, cvs


@pytest.fixture
def con(loaded):
    with connect(loaded[0], read_only=True) as con:
        yield con


def role_id(con, title: str) -> str:
    (found,) = [rid for rid, t in screening.roles(con) if t.startswith(title)]
    return found


def test_load_paths_writes_every_sample_and_is_idempotent(loaded, extractor):
    db, vacancies, cvs = loaded
    assert (vacancies.written, vacancies.skipped, vacancies.failures) == (6, 0, ())
    assert (cvs.written, cvs.skipped, cvs.failures) == (12, 0, ())
    again = screening.load_paths(db, extractor, [str(SAMPLES / "cvs")], "cv", workers=2)
    assert (again.written, again.skipped, again.failures) == (0, 12, ())
    with connect(db, read_only=True) as con:  # the run's log counts the mentions it wrote: none
        assert con.execute("SELECT mentions FROM runs ORDER BY started_at DESC LIMIT 1").fetchone() == (0,)


def test_load_paths_reports_unreadable_files_and_loads_the_rest(extractor, tmp_path):
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "good.txt").write_text("Profile\nPython developer with SQL.\n", encoding="utf-8")
    (tmp_path / "cvs" / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    seen = []
    result = screening.load_paths(tmp_path / "x.duckdb", extractor, [str(tmp_path / "cvs")], "cv", workers=1,
                                  on_failure=seen.append)
    assert result.written == 1
    assert [Path(f.source).name for f in result.failures] == ["broken.pdf"] == [Path(f.source).name for f in seen]


def test_load_paths_takes_folder_words_for_kinds_and_refuses_others(extractor, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Profile\nPython developer with SQL.\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    with pytest.raises(ValueError, match='"kind" must be'):
        screening.load_paths(db, extractor, [str(tmp_path / "in")], "banana", workers=1)
    assert not db.exists()  # refused before anything was written
    assert screening.load_paths(db, extractor, [str(tmp_path / "in")], "Resume", workers=1).written == 1
    with duckdb.connect(str(db)) as c:
        assert c.execute("SELECT kind FROM documents").fetchall() == [("cv",)]


def test_the_library_refuses_what_is_no_source_or_kind(extractor):
    with pytest.raises(TypeError, match="source must be text"):
        extractor.extract(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match='"kind" must be'):
        extractor.extract("Python and SQL", kind="banana")
    assert extractor.extract("Python and SQL", kind="Vacature").kind == "vacancy"


def test_roles_are_listed_by_title(con):
    listed = screening.roles(con)
    assert len(listed) == 6
    assert [t for _, t in listed] == sorted(t for _, t in listed)
    assert all(screening.role_exists(con, rid) for rid, _ in listed)
    assert not screening.role_exists(con, "no-such-role")
    cv_id = con.execute("SELECT doc_id FROM documents WHERE kind = 'cv' LIMIT 1").fetchone()[0]
    assert not screening.role_exists(con, cv_id)  # a CV is not a role


def test_a_role_is_named_by_id_start_of_id_or_title(con):
    listed = screening.roles(con)
    rid, title = listed[0]
    assert screening.resolve_role(con, rid) == rid
    assert screening.resolve_role(con, rid[:6]) == rid
    assert screening.resolve_role(con, title.upper()) == rid
    with pytest.raises(screening.NoSuchRole, match="no role Nurse"):
        screening.resolve_role(con, "Nurse")
    with pytest.raises(screening.NoSuchRole, match="no role"):
        screening.resolve_role(con, rid[:3])  # too short to be a start of an id


def test_two_roles_with_one_title_ask_for_the_id(extractor, tmp_path):
    from pipeline.store import Store

    text = "Data Engineer\nRequirements\n- Python and SQL.\n"
    docs = [extractor.extract(text + extra, kind="vacancy", doc_id=doc_id, language="en")
            for doc_id, extra in (("r-one", ""), ("r-two", "- Docker.\n"))]
    with Store(tmp_path / "t.duckdb") as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
        with pytest.raises(screening.NoSuchRole, match="names 2 roles"):
            screening.resolve_role(store.con, "data engineer")


def test_a_title_as_written_names_its_role_among_titles_in_other_case(extractor, tmp_path):
    """Trial T: "Werfleider bouwsector" was refused beside a client's "WERFLEIDER BOUWSECTOR"."""
    from pipeline.store import Store

    body = "\nProfiel\n- VCA en rijbewijs B.\n"
    docs = [extractor.extract(title + body + extra, kind="vacancy", doc_id=doc_id, language="nl")
            for doc_id, title, extra in (("r-caps", "WERFLEIDER BOUWSECTOR", ""),
                                         ("r-plain", "Werfleider bouwsector", "- Excel.\n"))]
    with Store(tmp_path / "t.duckdb") as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
        assert screening.resolve_role(store.con, "Werfleider bouwsector") == "r-plain"
        assert screening.resolve_role(store.con, "WERFLEIDER BOUWSECTOR") == "r-caps"
        with pytest.raises(screening.NoSuchRole, match="names 2 roles"):
            screening.resolve_role(store.con, "werfleider bouwsector")


def test_ranking_puts_the_python_developer_first(con, loaded):
    role = role_id(con, PYTHON_ROLE)
    rows = screening.ranking(con, loaded[0], role)
    assert len(rows) == 12 and [r["rank"] for r in rows] == list(range(1, 13))
    assert rows[0]["candidate"] == rows[0]["candidate_id"][:screening.SHORT_ID]  # a short id, never a file name
    assert "source" not in rows[0]
    named = screening.ranking(con, loaded[0], role, show_sources=True)
    assert named[0]["source"] == "cv_en_sophie_janssens_python_developer.pdf"  # on request, via the mapping
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    # the stored scores and the fit_for_role macro agree, candidate by candidate
    macro = con.execute("SELECT candidate_id, score FROM fit_for_role(?) ORDER BY rank", [role]).fetchall()
    assert [(r["candidate_id"], r["score"]) for r in rows] == macro
    best = screening.ranking(con, loaded[0], role, top=2, min_score=0)
    assert best == rows[:2]
    assert all(r["score"] >= 50 for r in screening.ranking(con, loaded[0], role, min_score=50))


def test_ranking_without_the_mapping_file_shows_no_sources(con, loaded, tmp_path):
    role = role_id(con, PYTHON_ROLE)
    assert sources_path(loaded[0]).exists()
    rows = screening.ranking(con, tmp_path / "elsewhere.duckdb", role, top=3, show_sources=True)  # no mapping there
    assert [r["source"] for r in rows] == [None] * 3
    assert [r["candidate"] for r in rows] == [r["candidate_id"][:8] for r in rows]


def test_a_candidate_is_named_by_id_prefix_or_file(con, loaded):
    db = loaded[0]
    cid = screening.ranking(con, db, role_id(con, PYTHON_ROLE), top=1)[0]["candidate_id"]
    path = next(p for p in (Path(__file__).parents[1] / "sample_docs" / "cvs").iterdir() if "sophie" in p.name)
    for reference in (cid, cid[:8], cid[:4], str(path), path.name):
        assert screening.resolve_candidate(con, db, reference) == cid, reference
    for unknown in ("no-such-cv.pdf", "ffffffffff", "", cid[:3]):
        with pytest.raises(screening.NoSuchCandidate, match="no candidate"):
            screening.resolve_candidate(con, db, unknown)
    role = role_id(con, PYTHON_ROLE)
    with pytest.raises(screening.NoSuchCandidate):
        screening.resolve_candidate(con, db, role)  # a vacancy is no candidate


def test_short_ids_grow_until_they_tell_candidates_apart(tmp_path):
    con = duckdb.connect()
    con.execute("CREATE TABLE documents (doc_id VARCHAR, kind VARCHAR)")
    con.execute("INSERT INTO documents VALUES ('abcdef0123456789', 'cv'), ('abcdef0199999999', 'cv'), ('x', 'vacancy')")
    assert screening.short_id_length(con) == 10
    with pytest.raises(screening.NoSuchCandidate, match="names 2 candidates"):
        screening.resolve_candidate(con, None, "abcdef01")
    assert screening.resolve_candidate(con, None, "abcdef012") == "abcdef0123456789"


def test_the_sql_macros_take_ids_as_the_cli_prints_them(con, loaded):
    role = role_id(con, PYTHON_ROLE)
    cid = screening.ranking(con, loaded[0], role, top=1)[0]["candidate_id"]
    full = con.execute("SELECT count(*) FROM fit_for_role($r)", {"r": role}).fetchone()[0]
    assert full > 0 and con.execute("SELECT count(*) FROM fit_for_role($r)", {"r": role[:8]}).fetchone()[0] == full
    with pytest.raises(duckdb.Error, match=f"no vacancy {role[:4]}"):  # too short: an error, not an empty table
        con.execute("SELECT count(*) FROM fit_for_role($r)", {"r": role[:4]}).fetchall()
    with pytest.raises(duckdb.Error, match="no cv zzzzzzzz"):  # an unknown id, or the arguments swapped
        con.execute("SELECT * FROM skill_gap('zzzzzzzz', $r)", {"r": role}).fetchall()
    gap = "SELECT label_en, status FROM skill_gap($c, $r) ORDER BY label_en"
    assert con.execute(gap, {"c": cid[:8], "r": role[:8]}).fetchall() == con.execute(gap, {"c": cid, "r": role}).fetchall()
    twin = duckdb.connect()
    twin.execute("CREATE TABLE documents (doc_id VARCHAR, kind VARCHAR)")
    twin.execute("INSERT INTO documents VALUES ('abcdef0123456789', 'cv'), ('abcdef0199999999', 'cv')")
    twin.execute(next(s for s in (Path(screening.__file__).parent / "store" / "views.sql").read_text().split(";\n")
                      if "MACRO document_id_of" in s))
    with pytest.raises(duckdb.Error, match="names 2 documents"):
        twin.execute("SELECT document_id_of('abcdef01', 'cv')").fetchall()
    assert twin.execute("SELECT document_id_of('abcdef012', 'cv')").fetchone()[0] == "abcdef0123456789"


def test_gap_agrees_with_the_ranking(con, loaded):
    role = role_id(con, PYTHON_ROLE)
    for row in screening.ranking(con, loaded[0], role, top=4):
        gap = screening.gap(con, row["candidate_id"], role)
        assert {g["status"] for g in gap} <= {"met", "partial", "missing"}
        order = {"missing": 0, "partial": 1, "met": 2}
        assert [order[g["status"]] for g in gap] == sorted(order[g["status"]] for g in gap)  # what to learn first
        missing = [g["label_en"] for g in gap if g["status"] == "missing" and g["requirement"] == "required"]
        assert missing == row["missing_required"]  # a list, empty when nothing is missing (ATS code takes len())
        fit = screening.fit_of(con, role, row["candidate_id"])
        assert (fit.score, f"{fit.required_met}/{fit.required_total}") == (row["score"], row["required"])
    assert screening.gap(con, "anyone", "no-such-role") == []
    assert screening.fit_of(con, "no-such-role", "anyone") is None


def test_query_runs_sql_and_names_columns(con):
    names, rows = screening.query(con, "SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY kind")
    assert names == ["kind", "n"] and rows == [("cv", 12), ("vacancy", 6)]
    with pytest.raises(screening.QueryError, match="syntax error"):
        screening.query(con, "SELEC 1")


def test_refresh_failure_is_a_warning(con):
    warnings = []
    assert screening.refresh_fit_scores(con, force=True, warn=warnings.append) is None  # read-only: cannot write
    assert len(warnings) == 1 and warnings[0].startswith("fit scores not refreshed")


def test_overview_names_candidates_unless_pseudonymous(con):
    named = screening.overview(con, top=3)
    assert (named.n_roles, named.n_candidates, named.by_file_name) == (6, 12, True)
    assert [r.title.casefold() for r in named.roles] == sorted(r.title.casefold() for r in named.roles)
    python = next(r for r in named.roles if r.title.startswith(PYTHON_ROLE))
    assert len(python.candidates) == 3 and python.candidates[0].name == "cv_en_sophie_janssens_python_developer.pdf"
    details = screening.candidate_details(con, python.role_id, [c.candidate_id for c in python.candidates])
    for c in python.candidates:
        assert list(c.missing_required) == details[c.candidate_id]["missing_required"]
        assert all(0 < m.credit <= 1 for m in c.matched)
    hidden = screening.overview(con, top=3, pseudonymous=True)
    assert not hidden.by_file_name
    assert all(c.name == c.candidate_id[:hidden.id_width] for r in hidden.roles for c in r.candidates)  # as tables show ids


def test_forget_erases_by_source_and_refuses_unknown_ids(loaded, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(loaded[0], db)
    shutil.copy(sources_path(loaded[0]), sources_path(db))
    with pytest.raises(screening.NoSuchCandidate):
        screening.forget(db, ["nobody"])
    receipt = screening.forget(db, sources=[str(SAMPLES / "cvs" / "cv_en_sophie_janssens_python_developer.pdf")])
    assert receipt["documents"] == 1
    with connect(db, read_only=True) as con:
        rows = screening.ranking(con, db, role_id(con, PYTHON_ROLE))
    assert len(rows) == 11 and "cv_en_sophie_janssens_python_developer.pdf" not in [r["candidate"] for r in rows]


def test_the_library_does_not_need_click():
    code = "import sys; import pipeline.screening, pipeline.report; assert 'click' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_role_without_a_title_is_named_as_roles_lists_it(extractor, tmp_path):
    """`skillfit roles` lists a role without a title by its file: `--role` takes that path or the file name."""
    folder = tmp_path / "vacatures"
    folder.mkdir()
    (folder / "werf.txt").write_text("Profiel\n- Je kent VCA.\n- Rijbewijs B.\n", encoding="utf-8")
    db = tmp_path / "r.duckdb"
    assert screening.load_paths(db, extractor, [str(folder)], "vacancy", workers=1).written == 1
    with connect(db, read_only=True) as con:
        [(rid, shown)] = screening.roles(con)
        assert shown.endswith("werf.txt")
        assert screening.resolve_role(con, shown) == rid == screening.resolve_role(con, "werf.txt")


def test_a_run_counts_the_mentions_it_wrote_once(extractor, tmp_path):
    """Two copies of one CV in a folder are one document: the run's log counts its mentions once (a reviewer's
    find), and a reload of the folder counts none."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text("Skills\nPython, SQL, Docker\n", encoding="utf-8")
    db = tmp_path / "d.duckdb"
    assert screening.load_paths(db, extractor, [str(folder)], "cv", workers=1).written == 1
    with connect(db, read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        assert con.execute("SELECT mentions FROM runs").fetchone()[0] == stored > 0


def test_meeting_every_required_hard_skill_is_counted_without_the_soft_ones(extractor, tmp_path):
    """Trials: the report's "Meet all required" was 0 for every role, even for a candidate scoring 96: nearly every
    ad asks a soft skill that a CV does not name. The bar is every required hard skill."""
    from pipeline.store import Store, connect

    docs = [extractor.extract("Boekhouder\nProfiel\n- Kennis van Exact Online en btw-aangiftes.\n- Je bent stressbestendig.\n",
                              kind="vacancy", doc_id="v", language="nl"),
            extractor.extract("Jan\nErvaring\n- Exact Online, btw-aangiftes\n", kind="cv", doc_id="all_hard", language="nl"),
            extractor.extract("Piet\nErvaring\n- Exact Online\n", kind="cv", doc_id="one_hard", language="nl")]
    with Store(tmp_path / "kpi.duckdb") as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    with connect(tmp_path / "kpi.duckdb") as con:
        [role] = screening.overview(con, top=5).roles
        by_id = {c.candidate_id: c for c in role.candidates}
    assert role.meeting_all == 1
    assert by_id["all_hard"].meets_all_required_hard and not by_id["one_hard"].meets_all_required_hard
    assert by_id["all_hard"].required_met < by_id["all_hard"].required_total  # the soft skill is not met
