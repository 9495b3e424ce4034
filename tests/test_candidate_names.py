"""Candidates by short id or by CV file: tables show a short id (and the file name on request); gap, forget and
export take an id, the start of one, or a CV file, and refuse a name that matches no candidate (exit 2, one line)."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import main

VACANCY = "Python developer\nRequirements\n- Python\n- SQL\n"
CVS = {"ann_peeters.txt": "Profile\nPython and SQL every day.\n", "bob_claes.txt": "Profile\nSQL reports.\n"}


@pytest.fixture
def screened(small_taxonomy, tmp_path):
    (tmp_path / "vacancies").mkdir()
    (tmp_path / "cvs").mkdir()
    (tmp_path / "vacancies" / "dev.txt").write_text(VACANCY)
    for name, text in CVS.items():
        (tmp_path / "cvs" / name).write_text(text)
    db = tmp_path / "n.duckdb"
    result = CliRunner().invoke(main, ["screen", str(tmp_path / "vacancies"), str(tmp_path / "cvs"), "--db", str(db),
                                       "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    return db, rows[0]["role_id"], {r["candidate_id"]: r for r in rows}, tmp_path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_tables_show_short_ids_and_file_names_only_on_request(screened):
    db, role, rows, _ = screened
    plain = run("fit", "--db", db, "--role", role)
    assert plain.exit_code == 0
    assert all(cid[:8] in plain.stdout and cid not in plain.stdout for cid in rows)
    assert "ann_peeters" not in plain.stdout
    named = run("fit", "--db", db, "--role", role, "--show-sources")
    assert "ann_peeters.txt" in named.stdout and "source" in named.stdout.splitlines()[0]


def test_gap_takes_an_id_its_start_or_the_file(screened):
    db, role, rows, root = screened
    with duckdb.connect(str(db), read_only=True) as con:
        ann = con.execute("SELECT candidate_id FROM fit ORDER BY score DESC LIMIT 1").fetchone()[0]  # Python and SQL
    outputs = set()
    for reference in (ann, ann[:8], str(root / "cvs" / "ann_peeters.txt"), "ann_peeters.txt"):
        result = run("gap", "--db", db, "--candidate", reference, "--role", role, "--format", "json")
        assert result.exit_code == 0, (reference, result.stderr)
        outputs.add(result.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize("command", ["gap", "forget", "export"])
def test_an_unknown_candidate_is_a_usage_error_of_one_line(screened, command):
    db, role, _, root = screened
    args = {"gap": ["--role", role], "forget": [], "export": ["--format", "json", "-o", root / "out.json"]}[command]
    result = run(command, "--db", db, "--candidate", "no_such_person.pdf", *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no candidate no_such_person.pdf" in result.stderr
    assert not (root / "out.json").exists()


def test_forget_by_file_name_and_nothing_when_one_name_is_unknown(screened):
    db, role, rows, _ = screened
    refused = run("forget", "--db", db, "--candidate", "ann_peeters.txt", "--candidate", "nobody.txt")
    assert refused.exit_code == 2
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE kind = 'cv'").fetchone()[0] == 2  # nobody erased
    done = run("forget", "--db", db, "--source", "ann_peeters.txt")
    assert done.exit_code == 0, done.stderr
    assert len(json.loads(done.stdout)["forgotten"]) == 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE kind = 'cv'").fetchone()[0] == 1


def test_forget_warns_that_the_cv_file_would_be_loaded_again(screened):
    db, _, _, root = screened
    (root / "cvs" / "bob_claes.txt").unlink()  # the user removed Bob's file, not Ann's
    done = run("forget", "--db", db, "--source", "ann_peeters.txt", "--source", "bob_claes.txt")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["files_still_there"] == 1
    assert "1 erased CV file(s) are still where they were loaded from; a `skillfit load` of their folder skips them" \
        in done.stderr
    assert "ann_peeters" not in done.stdout + done.stderr  # the receipt and the warning name nobody


def test_a_forgotten_person_is_not_loaded_again_unless_readmitted(screened):
    """Audit: after `forget`, loading the same folder (or ATS export) again added the person back without a word."""
    db, _, rows, root = screened
    ann = next(cid for cid, r in rows.items() if "Python" in str(r["matched"]))
    assert run("forget", "--db", db, "--source", "ann_peeters.txt").exit_code == 0
    again = run("load", root / "cvs", "--db", db)
    assert again.exit_code == 0, again.stderr
    assert "ann_peeters.txt: a person erased on request on" in again.stderr and "--readmit" in again.stderr
    assert "erased before 1" in again.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert not con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [ann]).fetchone()[0]
    back = run("load", root / "cvs", "--db", db, "--readmit")
    assert back.exit_code == 0 and "loaded 1" in back.stderr, back.stderr
    assert "erased" not in run("load", root / "cvs", "--db", db).stderr  # readmitted: an ordinary candidate again
    with duckdb.connect(str(root / "n.sources.duckdb"), read_only=True) as con:  # the list holds no id
        assert con.execute("SELECT count(*) FROM erased WHERE id_hash = ?", [ann]).fetchone()[0] == 0


def test_forget_wants_the_short_id_as_tables_show_it(screened):
    db, _, rows, _ = screened
    cid = next(iter(rows))
    short = run("forget", "--db", db, "--candidate", cid[:4])  # unique today, but erasing cannot be undone
    assert short.exit_code == 2 and "at least 8 characters" in short.stderr
    assert run("forget", "--db", db, "--candidate", cid[:8]).exit_code == 0


def test_a_retried_forget_erases_nobody_else(small_taxonomy, tmp_path):
    """ATS trial: a retried `forget --candidate cand-0002` (erased already) erased cand-00020, whose id starts
    with it; a start of an id is taken only as long as tables show it now."""
    records = "".join(json.dumps({"id": i, "text": t, "kind": "cv"}) + "\n"
                      for i, t in (("cand-0002", "Python en SQL"), ("cand-00020", "Java en Scrum")))
    db = tmp_path / "f.duckdb"
    assert CliRunner().invoke(main, ["load", "-", "--db", str(db)], input=records).exit_code == 0
    assert run("forget", "--db", db, "--candidate", "cand-0002").exit_code == 0
    again = run("forget", "--db", db, "--candidate", "cand-0002")
    assert again.exit_code == 2 and "no candidate cand-0002" in again.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT list(doc_id) FROM documents").fetchone()[0] == ["cand-00020"]


def test_export_by_short_id(screened):
    db, _, rows, root = screened
    cid = next(iter(rows))
    out = root / "me.json"
    result = run("export", "--db", db, "--candidate", cid[:8], "--format", "json", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text())["candidate_id"] == cid


def test_export_of_fit_lists_each_roles_best_candidates_first(screened):
    db, role, rows, root = screened
    out = root / "fit.json"
    assert run("export", "--db", db, "--what", "fit", "--format", "json", "-o", out).exit_code == 0
    exported = json.loads(out.read_text())
    assert len(exported) == len(rows)
    assert [r["score"] for r in exported] == sorted((r["score"] for r in exported), reverse=True)
    assert {r["role_title"] for r in exported} == {"Python developer"}  # the title beside the id
    assert [r["rank"] for r in exported] == list(range(1, len(rows) + 1))  # as the tables rank them


def test_a_table_says_when_no_candidate_fits_and_keeps_long_lists_short(tmp_path):
    (tmp_path / "vacancies").mkdir()
    (tmp_path / "cvs").mkdir()
    asked = ["Kubernetes", "Terraform", "Docker", "Java", "Excel", "Power BI", "Scrum", "Go", "R", "Tableau", "SQL"]
    (tmp_path / "vacancies" / "ops.txt").write_text("Platform engineer\nRequirements\n" + "".join(f"- {s}\n" for s in asked))
    (tmp_path / "cvs" / "cv.txt").write_text("Profile\nPython and SQL every day.\n")
    db = tmp_path / "w.duckdb"
    screened = run("screen", tmp_path / "vacancies", tmp_path / "cvs", "--db", db)
    assert screened.exit_code == 0, screened.stderr
    assert "no candidate scores 25 or more" in screened.stdout
    table = run("fit", "--db", db, "--role", "platform engineer").stdout
    assert "no candidate scores 25 or more" in table
    as_json = json.loads(run("fit", "--db", db, "--role", "platform engineer", "--format", "json").stdout)
    missing = as_json[0]["missing_required"]
    assert len(missing) > 6 and f"+{len(missing) - 6} more" in table  # six shown in the table, every one in JSON


def test_a_closed_vacancy_is_removed_with_its_scores_by_id_or_whole_title(screened):
    """ATS trial: a closed vacancy could only be deleted by hand in SQL, which left its mentions and scores."""
    db, role_id, _, _ = screened
    vague = run("forget", "--db", db, "--role", "python")  # words of a title name nothing to remove
    assert vague.exit_code == 2 and "no role python" in vague.stderr
    done = run("forget", "--db", db, "--role", "Python Developer")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["forgotten"] == [role_id]
    with duckdb.connect(str(db), read_only=True) as con:
        left = con.execute("SELECT (SELECT count(*) FROM documents WHERE kind = 'vacancy'),"
                           " (SELECT count(*) FROM mentions WHERE doc_id = $r),"
                           " (SELECT count(*) FROM fit_scores WHERE role_id = $r),"
                           " (SELECT count(*) FROM documents WHERE kind = 'cv')", {"r": role_id}).fetchone()
    assert left == (0, 0, 0, 2)


def test_two_files_with_one_text_in_one_load_are_both_mapped_and_both_forgettable(small_taxonomy, tmp_path):
    """Review: collapsing a batch by id (for newer record versions) dropped the second file of the same text
    before its file mapping was written, so `forget --source` of that file found nobody."""
    (tmp_path / "cvs").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "cvs" / name).write_text("Profile\nPython and SQL every day.\n")
    db = tmp_path / "d.duckdb"
    assert run("load", tmp_path / "cvs", "--db", db, "--kind", "cv").exit_code == 0
    assert run("forget", "--db", db, "--source", tmp_path / "cvs" / "a.txt").exit_code == 0


def test_an_erased_persons_copies_stay_out_and_an_interrupted_erasure_notes_them_when_finished(small_taxonomy,
                                                                                                 tmp_path):
    """Review: a second file of the same CV (a copy, mapped to the candidate) came back after `forget`; and a
    `forget` killed before its journal was written had already noted the person as erased, who stayed ranked."""
    import os
    import subprocess
    import sys

    from pipeline.store import privacy

    cvs = tmp_path / "cvs"
    cvs.mkdir()
    text = ("Kevin Maes\nProfile\nData engineer with eight years of Python and SQL, Java too.\nExperience\n"
            "2018 - now  Data engineer at Acme Logistics, Antwerp\n- Built pipelines in Python, Airflow and dbt.\n"
            "- Modelled the warehouse in Snowflake and wrote the SQL for finance reports.\n"
            "2015 - 2018  Developer at Beta Retail, Ghent\n- Java services, REST APIs and Docker.\n"
            "Education\nMaster Informatica, KU Leuven\nLanguages\nDutch, English, French\n")
    (cvs / "kevin.txt").write_text(text)
    (cvs / "kevin_export.txt").write_text(text + "\nPagina 1\n")  # nearly the same: a copy of the candidate
    (cvs / "anna.txt").write_text("Anna\nProfile\nExcel.\n")
    db = tmp_path / "s.duckdb"
    assert run("load", cvs, "--db", db, "--kind", "cv").exit_code == 0

    def cli(*args, kill=None):
        env = {**os.environ, **({privacy.KILL_AT: kill} if kill else {})}
        return subprocess.run([sys.executable, "-m", "pipeline.cli", *map(str, args)], env=env, capture_output=True,
                               text=True, timeout=120)

    assert cli("forget", "--db", db, "--source", cvs / "kevin.txt", kill="journal-tmp:begin").returncode != 0
    assert "erased before" not in cli("load", cvs, "--db", db, "--kind", "cv").stderr  # nothing was erased yet
    assert cli("forget", "--db", db, "--source", cvs / "kevin.txt", kill="rows").returncode != 0
    again = cli("load", cvs, "--db", db, "--kind", "cv")  # the load finishes the erasure first
    assert again.returncode == 0 and "erased before 2" in again.stderr, again.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1  # Anna alone


def test_a_role_is_removed_by_its_path_as_typed(screened):
    """Review: `forget --role ./vacancies/dev.txt` found no role; only the path as stored did."""
    db, role_id, _, root = screened
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        done = run("forget", "--db", db, "--role", "./vacancies/dev.txt")
    finally:
        os.chdir(here)
    assert done.exit_code == 0 and json.loads(done.stdout)["forgotten"] == [role_id], done.stderr


def test_a_closed_vacancy_is_removed_by_the_short_id_the_tables_show(screened):
    """Analyst trial: `forget --role` refused the 8-character id that `fit --role` accepts and the tables show."""
    db, role_id, _, _ = screened
    too_short = run("forget", "--db", db, "--role", role_id[:5])  # a start `fit` accepts, too little to erase by
    assert too_short.exit_code == 2 and "first 8 characters" in too_short.stderr
    done = run("forget", "--db", db, "--role", role_id[:8])
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["forgotten"] == [role_id]


def test_a_json_export_writes_numbers_as_numbers(small_taxonomy, tmp_path):
    """Analyst trial: `level_rank` came out of a JSON export as the string "6.0"."""
    (tmp_path / "v").mkdir()
    (tmp_path / "c").mkdir()
    (tmp_path / "v" / "dev.txt").write_text(VACANCY)
    (tmp_path / "c" / "cv.txt").write_text("Skills\nPython (advanced), SQL\n")
    db = tmp_path / "j.duckdb"
    assert run("screen", tmp_path / "v", tmp_path / "c", "--db", db).exit_code == 0
    out = tmp_path / "skills.json"
    done = run("export", "--db", db, "--what", "candidate_skills", "--format", "json", "-o", out)
    assert done.exit_code == 0, done.stderr
    ranks = [r["level_rank"] for r in json.loads(out.read_text()) if r["level_rank"] is not None]
    assert ranks == [4.0]  # a number, not "4.0"


def test_roles_and_candidates_views_name_what_an_analyst_joins_to(screened):
    """Analyst trial: there was no roles or candidates view, so every query needed a join to `documents`."""
    db, role_id, by_candidate, _ = screened
    with duckdb.connect(str(db), read_only=True) as con:
        roles = con.execute("SELECT role_id, title, required FROM roles").fetchall()
        candidates = {row[0] for row in con.execute("SELECT candidate_id FROM candidates").fetchall()}
        titled = con.execute("SELECT r.title, count(*) FROM fit f JOIN roles r USING (role_id) GROUP BY 1").fetchall()
    assert roles == [(role_id, "Python developer", 2)]
    assert candidates == set(by_candidate) and titled == [("Python developer", 2)]
