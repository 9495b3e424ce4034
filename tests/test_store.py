"""DuckDB store: idempotent loading, replacement of changed files, views usable without skillfit."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
from click.testing import CliRunner

from pipeline.cli import main

VACANCY = "Python developer\nRequirements\n3+ years of Python and SQL\nprogramming\nNice to have\nJava\n"
CV_GOOD = "Profile\nBackend developer, 5 years of Python and SQL. Strong communication skills.\n"
CV_PARTIAL = "Profile\nJava programmer and team player.\n"


def make_batch(root):
    (root / "vacancies").mkdir()
    (root / "cvs").mkdir()
    (root / "vacancies" / "dev.txt").write_text(VACANCY)
    (root / "cvs" / "good.txt").write_text(CV_GOOD)
    (root / "cvs" / "partial.txt").write_text(CV_PARTIAL)


def screen(root, db):
    return CliRunner().invoke(main, ["screen", str(root / "vacancies"), str(root / "cvs"), "--db", str(db),
                                     "--format", "json"])


def counts(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions)").fetchone()


def test_screen_ranks_and_is_idempotent(small_taxonomy, tmp_path):
    make_batch(tmp_path)
    db = tmp_path / "s.duckdb"
    first = screen(tmp_path, db)
    assert first.exit_code == 0, first.stderr
    before = counts(db)
    assert screen(tmp_path, db).exit_code == 0
    assert counts(db) == before
    import json
    ranked = json.loads(first.stdout)
    assert [r["candidate"] for r in ranked] == [r["candidate_id"][:8] for r in ranked]  # short ids, no file names
    named = CliRunner().invoke(main, ["fit", "--db", str(db), "--role", ranked[0]["role_id"], "--format", "json",
                                      "--show-sources"])
    assert [r["source"] for r in json.loads(named.stdout)] == ["good.txt", "partial.txt"]
    assert ranked[0]["score"] > ranked[1]["score"] > 0  # Java partly meets programming via the hierarchy


def test_changed_file_replaces_its_rows(small_taxonomy, tmp_path):
    make_batch(tmp_path)
    db = tmp_path / "s.duckdb"
    screen(tmp_path, db)
    (tmp_path / "cvs" / "partial.txt").write_text("Profile\nSQL only.\n")
    screen(tmp_path, db)
    with duckdb.connect(str(tmp_path / "s.sources.duckdb"), read_only=True) as mapping:
        [(doc_id,)] = mapping.execute("SELECT doc_id FROM sources WHERE source LIKE '%partial.txt'").fetchall()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE kind = 'cv'").fetchone()[0] == 2
        skills = con.execute("SELECT list(skill_id) FROM mentions WHERE doc_id = ?", [doc_id]).fetchone()[0]
    assert skills == ["hard.sql"]


def test_loading_again_with_other_settings_replaces_the_rows(tmp_path):
    """A document's rows depend on the settings it was extracted with: `load --no-open` after a plain load
    re-extracts (it did say "unchanged" and kept the open skills), and the same settings twice change nothing."""
    (tmp_path / "vacancies").mkdir()
    (tmp_path / "vacancies" / "planner.txt").write_text(
        "Planner\nRequirements\n- Experience with Kronos and Quintiq\n- Python\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"

    def load(*options):
        result = CliRunner().invoke(main, ["load", str(tmp_path / "vacancies"), "--db", str(db), *options])
        assert result.exit_code == 0, result.stderr
        with duckdb.connect(str(db), read_only=True) as con:
            methods = con.execute("SELECT list(DISTINCT method ORDER BY method) FROM mentions").fetchone()[0]
        return result.stderr.splitlines()[-1], methods

    def expiry():
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT expires_at FROM documents").fetchall()

    first = load("--kind", "cv")
    assert first[0].startswith("loaded 1, unchanged 0") and "open" in first[1]
    assert load("--kind", "cv")[0].startswith("loaded 0, unchanged 1")
    expires = expiry()
    without_open = load("--kind", "cv", "--no-open")
    assert without_open[0].startswith("loaded 1, unchanged 0") and "open" not in without_open[1]
    assert load("--kind", "cv", "--no-open")[0].startswith("loaded 0, unchanged 1")
    assert counts(db)[0] == 1 and expiry() == expires  # extracted again: its retention runs from the first load


def test_views_work_from_plain_duckdb_without_skillfit(small_taxonomy, tmp_path):
    make_batch(tmp_path)
    db = tmp_path / "s.duckdb"
    screen(tmp_path, db)
    script = textwrap.dedent(f"""
        import sys
        class NoSkillfit:
            def find_spec(self, name, path=None, target=None):
                if name == "pipeline" or name.startswith("pipeline."):
                    raise ImportError("skillfit must not be needed")
        sys.meta_path.insert(0, NoSkillfit())
        import duckdb
        con = duckdb.connect({str(db)!r}, read_only=True)
        role = con.execute("SELECT doc_id FROM documents WHERE kind = 'vacancy'").fetchone()[0]
        cand = con.execute("SELECT candidate_id FROM fit_for_role(?) LIMIT 1", [role]).fetchone()[0]
        for q in ["FROM candidate_skills", "FROM role_requirements", "FROM fit", "FROM skills_gap_by_role"]:
            assert con.execute(q).fetchall(), q
        gap = con.execute("SELECT status, skill_id FROM skill_gap(?, ?)", [cand, role]).fetchall()
        assert ("met", "hard.python") in gap, gap
        comments = con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal AND comment IS NULL").fetchone()[0]
        assert comments == 0, "every view has a COMMENT"
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_sql_is_read_only_by_default(small_taxonomy, tmp_path):
    make_batch(tmp_path)
    db = tmp_path / "s.duckdb"
    screen(tmp_path, db)
    result = CliRunner().invoke(main, ["sql", "DELETE FROM mentions", "--db", str(db)])
    assert result.exit_code == 2
    assert counts(db)[1] > 0


def test_a_file_of_the_previous_schema_is_migrated(small_taxonomy, tmp_path):
    from pathlib import Path

    from pipeline.store import connect
    from pipeline.store.loader import SCHEMA_VERSION

    db = tmp_path / "old.duckdb"
    old_schema = (Path(__file__).parent / "fixtures" / "schema_v1.sql").read_text()
    with duckdb.connect(str(db)) as con:
        con.execute(old_schema)
        con.execute("INSERT INTO schema_version (version) VALUES (1)")
        con.execute("INSERT INTO documents (doc_id, kind, source) VALUES ('old1', 'cv', 'old.txt')")
    con = connect(db)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT doc_id, expires_at FROM documents").fetchall() == [("old1", None)]
    con.close()
    make_batch(tmp_path)
    result = screen(tmp_path, db)
    assert result.exit_code == 0, result.stderr  # and the new code writes to it as usual
    assert counts(db)[0] == 4


def test_a_truck_or_bus_licence_holds_licence_b(extractor, tmp_path):
    """ATS trial: a truck driver with "rijbewijs C en CE" was missing the required "Rijbewijs B": in the EU a C,
    C1 or D licence is issued only to a B holder, and a CE licence only to a C holder."""
    from pipeline.store import Store, connect

    docs = [extractor.extract("Magazijnier\nProfiel\n- Rijbewijs B is vereist.\n", kind="vacancy", doc_id="v",
                              language="nl")]
    cvs = {"ce": "Rijbewijzen: CE", "c": "Rijbewijs C", "d": "Rijbewijs D (bus)", "none": "Talen: Nederlands"}
    docs += [extractor.extract(f"Jan\nAttesten\n{text}\n", kind="cv", doc_id=i, language="nl") for i, text in cvs.items()]
    with Store(tmp_path / "licences.duckdb") as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    with connect(tmp_path / "licences.duckdb") as con:
        status = {c: con.execute("SELECT status FROM skill_gap($c, 'v') WHERE label_en = 'driving licence B'",
                                 {"c": c}).fetchone()[0] for c in cvs}
    assert status == {"ce": "met", "c": "met", "d": "met", "none": "missing"}
    with connect(tmp_path / "licences.duckdb") as con:  # other certificates keep their broader credit (VCA, VCA basis)
        assert con.execute("SELECT count(*) FROM skill_relations WHERE relation = 'broader' AND required_skill ="
                           " 'cert.vca_basic' AND candidate_skill = 'cert.vca'").fetchone()[0] == 1
    # ... and licence B is no part of C (review: a B-only CV was "partial" on a required C licence)
    docs = [extractor.extract("Chauffeur\nProfiel\n- Rijbewijs C is vereist.\n", kind="vacancy", doc_id="vc",
                              language="nl"),
            extractor.extract("Jan\nAttesten\nRijbewijs B\n", kind="cv", doc_id="b", language="nl")]
    with Store(tmp_path / "licences.duckdb") as store:
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    with connect(tmp_path / "licences.duckdb") as con:
        assert con.execute("SELECT status FROM skill_gap('b', 'vc') WHERE label_en = 'driving licence C'").fetchone() \
            == ("missing",)


def test_two_threads_loading_into_one_database_take_turns(extractor, tmp_path):
    """ATS trial: two threads loading into one database in one process failed on DuckDB's write-write conflict,
    reported as "cannot apply the skillfit schema"."""
    import threading

    from pipeline import screening

    for kind, folder in (("cv", "cvs"), ("vacancy", "vacancies")):
        (tmp_path / folder).mkdir()
        for i in range(4):
            text = f"Experience\n- Python and SQL, project {i}\n" if kind == "cv" else f"Vacature: Data Engineer {i}\n" \
                "\nJouw profiel\n- Kennis van Python en SQL\n"
            (tmp_path / folder / f"{i}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "threads.duckdb")
    outcomes: dict[str, object] = {}

    def load(kind: str, folder: str) -> None:
        try:
            outcomes[kind] = screening.load_paths(db, extractor, [str(tmp_path / folder)], kind).written
        except Exception as exc:  # noqa: BLE001 - the test reports what failed
            outcomes[kind] = exc

    threads = [threading.Thread(target=load, args=a) for a in (("cv", "cvs"), ("vacancy", "vacancies"))]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert outcomes == {"cv": 4, "vacancy": 4}
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 8


def test_a_store_closed_by_another_thread_lets_the_next_one_open(tmp_path):
    """Review: the per-file lock could not be released by another thread (an RLock), and every later Store on the
    file hung; in-memory stores, each its own database, waited on each other."""
    import threading

    from pipeline.store import Store

    first = Store(tmp_path / "x.duckdb")
    closer = threading.Thread(target=first.close)
    closer.start()
    closer.join()
    opened = threading.Event()
    thread = threading.Thread(target=lambda: (Store(tmp_path / "x.duckdb").close(), opened.set()), daemon=True)
    thread.start()
    assert opened.wait(30)
    with Store(":memory:"):
        other = threading.Thread(target=lambda: Store(":memory:").close(), daemon=True)
        other.start()
        other.join(30)
        assert not other.is_alive()
    # second review: a thread that left a Store open (a pool thread) gets an error, not a second writer
    import pytest

    from pipeline.errors import StoreError

    with Store(tmp_path / "x.duckdb"), pytest.raises(StoreError, match="open for writing already"):
        Store(tmp_path / "x.duckdb")
