"""CLI error handling: exit codes, the stdout/stderr split of `extract`, idempotent `load`, and `sql`.

Every test runs against a small taxonomy written to a temp dir (SKILLFIT_TAXONOMY_DIR) and a temp
matcher cache (SKILLFIT_CACHE_DIR); documents are generated in tmp_path.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from fixtures_gen import single_column_pdf

from pipeline.cli import main

GOOD_A = "Jane Doe\nSkills: Python and SQL\n"
GOOD_B = "Piet Jansen\nErvaring met Python en communicatievaardigheden\n"


@pytest.fixture
def env(small_taxonomy, monkeypatch, tmp_path_factory):
    """The small taxonomy plus a matcher cache outside ~/.cache (shared by the tests of this session)."""
    monkeypatch.setenv("SKILLFIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "matcher-cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return small_taxonomy


@pytest.fixture
def runner():
    return CliRunner()


def write_docs(folder: Path, broken: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a_cv.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "b_cv.txt").write_text(GOOD_B, encoding="utf-8")
    if broken:
        pdf = single_column_pdf(["Jane Doe", "Python"])
        (folder / "c_broken.pdf").write_bytes(pdf[: len(pdf) // 2])  # truncated
    return folder


def json_lines(stdout: str) -> list[dict]:
    """stdout as JSON records; fails if any line is not JSON (the contract: nothing else on stdout)."""
    assert stdout.endswith("\n")
    return [json.loads(line) for line in stdout.splitlines()]


# --------------------------------------------------------------------------------------------------
# extract
# --------------------------------------------------------------------------------------------------

def test_extract_folder_with_broken_file(env, runner, tmp_path):
    docs = write_docs(tmp_path / "cvs")  # the folder says they are CVs: no warning that the kind is a guess
    result = runner.invoke(main, ["extract", str(docs)])
    assert result.exit_code == 1, result.output

    records = json_lines(result.stdout)
    assert len(records) == 3
    good = [r for r in records if "doc_id" in r]
    errors = [r for r in records if "error" in r]
    assert [Path(r["source"]).name for r in good] == ["a_cv.txt", "b_cv.txt"]
    assert {s["skill_id"] for s in good[0]["skills"]} >= {"hard.python", "hard.sql"}
    assert len(errors) == 1
    assert Path(errors[0]["source"]).name == "c_broken.pdf"
    assert errors[0]["error"] and "doc_id" not in errors[0] and "skills" not in errors[0]

    err_lines = result.stderr.splitlines()
    assert len(err_lines) == 1
    assert "c_broken.pdf" in err_lines[0]
    assert errors[0]["error"] in err_lines[0]


def test_extract_all_good_exit_0(env, runner, tmp_path):
    docs = write_docs(tmp_path / "cvs", broken=False)  # the folder gives the kind: nothing on stderr
    result = runner.invoke(main, ["extract", str(docs)])
    assert result.exit_code == 0, result.output
    assert len(json_lines(result.stdout)) == 2
    assert result.stderr == ""


def test_extract_missing_file_is_a_failure_record(env, runner, tmp_path):
    docs = write_docs(tmp_path / "docs", broken=False)
    missing = tmp_path / "nope.txt"
    result = runner.invoke(main, ["extract", str(docs / "a_cv.txt"), str(missing)])
    assert result.exit_code == 1
    records = json_lines(result.stdout)
    assert [("doc_id" in r, r.get("status")) for r in records] == [(True, "ok"), (False, "not_found")]
    assert records[1]["source"] == str(missing)


@pytest.mark.parametrize("args", [["extract", "--bogus", "x.txt"], ["extract"], ["extract", "--kind", "boss", "x"],
                                  ["no-such-command"]])
def test_usage_errors_exit_2(env, runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_extract_stdin_record_without_text_is_empty_as_an_empty_file_is(env, runner):
    stdin = json.dumps({"id": "e", "text": " \n "}) + "\n" + json.dumps({"id": "ok", "text": "Skills: Python"}) + "\n"
    result = runner.invoke(main, ["extract", "-"], input=stdin)
    assert result.exit_code == 1
    records = json_lines(result.stdout)
    assert [r["status"] for r in records] == ["empty", "ok"]
    assert records[0]["source"] == "<stdin>:1 (id 'e')"


def test_extract_stdin_with_malformed_line(env, runner):
    stdin = "\n".join([
        json.dumps({"id": "r1", "text": "Skills: Python", "kind": "cv"}),
        '{"id": "r2", "text": "SQL"',  # cut off
        json.dumps({"id": "r3", "text": "Ervaring met SQL", "kind": "cv"}),
        json.dumps({"id": "r4", "text": 42}),  # text is not a string
        json.dumps({"id": "r5", "text": "Python en SQL", "kind": "Vacature"}),  # a folder's word, any case
        json.dumps({"id": "r6", "text": "Python en SQL", "kind": "recipe"}),
    ]) + "\n"
    result = runner.invoke(main, ["extract", "-"], input=stdin)
    assert result.exit_code == 1
    records = json_lines(result.stdout)
    assert [r.get("doc_id") or r["source"] for r in records] == ["r1", "<stdin>:2", "r3", "<stdin>:4 (id 'r4')", "r5",
                                                                 "<stdin>:6 (id 'r6')"]  # the id, for an ATS
    assert [r["status"] for r in records] == ["ok", "malformed", "ok", "malformed", "ok", "malformed"]
    assert records[1]["error"] and "recipe" in records[5]["error"]
    assert {s["skill_id"] for s in records[2]["skills"]} == {"hard.sql"}
    assert records[4]["kind"] == "vacancy"
    err_lines = result.stderr.splitlines()
    assert len(err_lines) == 3
    assert "<stdin>:2" in err_lines[0] and "<stdin>:4" in err_lines[1]


def test_extract_stdin_with_pasted_text_reads_one_document(env, runner):
    """A recruiter pasting an ad into `skillfit extract -` got one "malformed" per line (trial Q): the error says
    how to paste, and --plain-text reads stdin as one document."""
    pasted = "Vacature: Boekhouder\nJe hebt ervaring met Exact Online.\n\nKennis van Excel is een plus.\n"
    result = runner.invoke(main, ["extract", "-", "--kind", "vacancy"], input=pasted)
    assert result.exit_code == 1 and "--plain-text" in result.stderr
    result = runner.invoke(main, ["extract", "-", "--kind", "vacancy", "--plain-text"], input=pasted)
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["source"] == "<stdin>" and record["status"] == "ok"
    assert {(s["text"], s["requirement"]) for s in record["skills"]} == {("Exact Online", "required"),
                                                                         ("Excel", "preferred")}
    assert runner.invoke(main, ["extract", "-", "--plain-text"], input=" \n").exit_code == 1  # empty
    twice = runner.invoke(main, ["extract", "-", "-", "--plain-text"], input=pasted)  # a review: this crashed
    assert twice.exit_code == 1 and "empty" in twice.stderr and "not possible" not in twice.stderr


# --------------------------------------------------------------------------------------------------
# load: idempotent, a changed file replaces its own rows only
# --------------------------------------------------------------------------------------------------

def table_rows(db: Path) -> dict:
    """Rows of the results database, with CV file names from the separate mapping file."""
    with duckdb.connect(str(db.with_name(db.stem + ".sources.duckdb")), read_only=True) as mapping:
        source_of = {doc_id: src for src, doc_id in mapping.execute("SELECT source, doc_id FROM sources").fetchall()}
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT doc_id, run_id FROM documents").fetchall()
        docs = {Path(source_of[doc_id]).name: (doc_id, run_id) for doc_id, run_id in rows}
        per_source: dict[str, int] = {}
        for doc_id, _ in rows:
            per_source[source_of[doc_id]] = per_source.get(source_of[doc_id], 0) + 1
        return {
            "documents": con.execute("SELECT count(*) FROM documents").fetchone()[0],
            "mentions": con.execute("SELECT count(*) FROM mentions").fetchone()[0],
            "per_source": [(s, n) for s, n in per_source.items() if n > 1],
            "orphans": con.execute("SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
            .fetchone()[0],
            "docs": docs,
            "mention_ids": con.execute("SELECT doc_id, skill_id, start_offset FROM mentions ORDER BY ALL")
            .fetchall(),
        }
    finally:
        con.close()


def test_load_twice_adds_nothing_and_changed_file_replaces_its_rows(env, runner, tmp_path):
    docs = write_docs(tmp_path / "docs", broken=False)
    db = tmp_path / "out.duckdb"

    first = runner.invoke(main, ["load", str(docs), "--db", str(db)])
    assert first.exit_code == 0, first.output
    before = table_rows(db)
    assert before["documents"] == 2 and before["mentions"] >= 3

    second = runner.invoke(main, ["load", str(docs), "--db", str(db)])
    assert second.exit_code == 0, second.output
    again = table_rows(db)
    assert again == before  # no rows added, none rewritten (same run_id on every document)
    assert "loaded 0" in second.stderr

    (docs / "a_cv.txt").write_text("Jane Doe\nSkills: SQL and communication skills\n", encoding="utf-8")
    third = runner.invoke(main, ["load", str(docs), "--db", str(db)])
    assert third.exit_code == 0, third.output
    after = table_rows(db)
    assert after["documents"] == 2
    assert after["per_source"] == []  # no duplicate document for the changed source
    assert after["orphans"] == 0
    old_a, new_a = before["docs"]["a_cv.txt"][0], after["docs"]["a_cv.txt"][0]
    assert new_a != old_a
    assert not any(doc_id == old_a for doc_id, _, _ in after["mention_ids"])
    assert {skill for doc_id, skill, _ in after["mention_ids"] if doc_id == new_a} == {"hard.sql",
                                                                                     "soft.communication"}
    assert after["docs"]["b_cv.txt"] == before["docs"]["b_cv.txt"]  # untouched, still from the first run
    assert ([m for m in after["mention_ids"] if m[0] != new_a]
            == [m for m in before["mention_ids"] if m[0] != old_a])


def test_load_with_broken_file_loads_the_rest(env, runner, tmp_path):
    docs = write_docs(tmp_path / "docs")
    db = tmp_path / "out.duckdb"
    result = runner.invoke(main, ["load", str(docs), "--db", str(db)])
    assert result.exit_code == 1
    assert any("c_broken.pdf" in line for line in result.stderr.splitlines())
    assert table_rows(db)["documents"] == 2


# --------------------------------------------------------------------------------------------------
# sql
# --------------------------------------------------------------------------------------------------

@pytest.fixture
def empty_db(tmp_path) -> Path:
    db = tmp_path / "empty.duckdb"
    duckdb.connect(str(db)).close()
    return db


def test_sql_csv(runner, empty_db):
    result = runner.invoke(main, ["sql", "SELECT 1 AS x", "--format", "csv", "--db", str(empty_db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "x\n1\n"


def test_sql_query_from_a_file_with_a_leading_comment(runner, empty_db):
    """A saved .sql file opens with a "-- comment": given as the argument or on stdin (`-`), it runs."""
    query = "-- the answer\nSELECT 42 AS x\n"
    for args, stdin in (([query], None), (["-"], query)):
        result = runner.invoke(main, ["sql", *args, "--format", "csv", "--db", str(empty_db)], input=stdin)
        assert result.exit_code == 0, result.output
        assert result.stdout == "x\n42\n"
    unknown = runner.invoke(main, ["sql", "SELECT 1", "--bogus", "--db", str(empty_db)])
    assert unknown.exit_code == 2  # an option that does not exist is still a usage error


def test_sql_bad_query_exits_2(runner, empty_db):
    result = runner.invoke(main, ["sql", "SELEC 1", "--db", str(empty_db)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "syntax error" in result.stderr.lower()
    assert "Traceback" not in result.output



def test_sql_without_a_statement_is_a_usage_error(runner, empty_db):
    """Trial: a commented-out .sql file ended in a traceback."""
    for query in ("", ";", "-- just a comment\n"):
        result = runner.invoke(main, ["sql", "-", "--db", str(empty_db)], input=query)
        assert result.exit_code == 2, (query, result.output)
        assert result.stderr.strip() == "skillfit: the query holds no SQL statement"


def test_a_failed_command_leaves_its_output_file_as_it_was(runner, empty_db, tmp_path):
    """Trial: a scheduled `fit … -o weekly.csv` that failed (a role renamed) left an empty weekly.csv."""
    out = tmp_path / "weekly.csv"
    assert runner.invoke(main, ["sql", "SELECT 1 AS x", "--format", "csv", "--db", str(empty_db),
                                "-o", str(out)]).exit_code == 0
    assert out.read_text() == "x\n1\n"
    failed = runner.invoke(main, ["sql", "SELEC 1", "--format", "csv", "--db", str(empty_db), "-o", str(out)])
    assert failed.exit_code == 2
    assert out.read_text() == "x\n1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.duckdb", "weekly.csv"]  # no temporary file left


def test_output_of_a_command_done_with_failures_is_written(env, runner, tmp_path):
    """screen exits 1 when a file could not be read, after screening the others: its ranking is the output."""
    cvs = write_docs(tmp_path / "cvs")  # with a broken file
    vacancies = tmp_path / "vacancies"
    vacancies.mkdir()
    (vacancies / "ad.txt").write_text("Data Engineer\nRequirements\n- Python\n", encoding="utf-8")
    out = tmp_path / "ranking.csv"
    out.write_text("last week\n")
    out.chmod(0o600)
    result = runner.invoke(main, ["screen", str(vacancies), str(cvs), "--db", str(tmp_path / "s.duckdb"),
                                  "--format", "csv", "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text().startswith("role_id,role_title,rank,candidate,score,required_met,required_total")
    assert out.stat().st_mode & 0o777 == 0o600  # the file keeps its mode


def ad_and_cvs(tmp_path, ad: str):
    """Folders of one vacancy and the usual CVs, and a database path: (vacancies, cvs, db)."""
    cvs = write_docs(tmp_path / "cvs", broken=False)
    vacancies = tmp_path / "vacancies"
    vacancies.mkdir()
    (vacancies / "ad.txt").write_text(ad, encoding="utf-8")
    return vacancies, cvs, tmp_path / "s.duckdb"


def test_screen_refuses_folders_given_the_wrong_way_round(env, runner, tmp_path):
    """Trial: `screen cvs vacancies` stored every CV as a role, with its person's name and no expiry."""
    vacancies, cvs, db = ad_and_cvs(tmp_path, "Data Engineer\nRequirements\n- Python\n")
    result = runner.invoke(main, ["screen", str(cvs), str(vacancies), "--db", str(db)])
    assert result.exit_code == 2 and "give the vacancies first" in result.stderr
    assert not db.exists()
    assert runner.invoke(main, ["screen", str(vacancies), str(cvs), "--db", str(db), "--top", "0"]).exit_code == 2


def test_a_role_with_no_requirement_says_so_in_screen_and_fit(env, runner, tmp_path):
    """Trial S: a vacancy with no skill recognised ranked "(no rows)", read as "no candidates"."""
    vacancies, cvs, db = ad_and_cvs(tmp_path, "Sportlesgever\n\nJe geeft sportlessen aan kinderen.\n")
    result = runner.invoke(main, ["screen", str(vacancies), str(cvs), "--db", str(db)])
    assert result.exit_code == 0 and "no skill requirement was recognised" in result.stderr
    result = runner.invoke(main, ["fit", "--db", str(db), "--role", "Sportlesgever"])
    assert result.exit_code == 0 and "no skill requirement was recognised" in result.stderr


def test_sql_bad_query_one_line(runner, empty_db):
    result = runner.invoke(main, ["sql", "SELEC 1", "--db", str(empty_db)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1


def test_sql_missing_db_exits_2_with_one_line(runner, tmp_path):
    result = runner.invoke(main, ["sql", "SELECT 1", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "nope.duckdb" in result.stderr
    assert not (tmp_path / "nope.duckdb").exists()  # a read-only query never creates a database



def test_sql_in_memory_db_answers(runner):
    result = runner.invoke(main, ["sql", "SELECT 1 AS x", "--format", "csv", "--db", ":memory:"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "x\n1\n"


# --------------------------------------------------------------------------------------------------
# Rough edges a newcomer hit (issue 16): one error style, output paths, pipes, csv, help, progress
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["extract", "--bogus", "x.txt"],                       # click usage error
    ["fit", "--db", "{db}"],                               # missing option
    ["sql", "SELEC 1", "--db", "{db}"],                    # library error
    ["gap", "--db", "{db}", "--candidate", "c", "--role", "r"],  # unknown ids
    ["report", "--db", "{db}", "-o", "{tmp}/no/such/dir/x.html"],  # unwritable output
    ["export", "--db", "{db}", "--format", "csv", "--candidate", "x", "-o", "{tmp}/x.csv"],
])
def test_every_error_is_one_skillfit_line_without_traceback(env, runner, empty_db, tmp_path, args):
    args = [a.format(db=empty_db, tmp=tmp_path) for a in args]
    result = runner.invoke(main, args)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output and result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if not line.startswith(("Usage:", "Try "))]
    assert len(errors) == 1 and errors[0].startswith("skillfit: "), result.stderr


def test_report_to_a_missing_folder_names_the_path(runner, tmp_path):
    db = tmp_path / "s.duckdb"
    from pipeline.store import Store
    Store(db).close()
    result = runner.invoke(main, ["report", "--db", str(db), "-o", str(tmp_path / "no" / "x.html")])
    assert result.exit_code == 1
    assert result.stderr.startswith("skillfit: ") and "no/x.html" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_gap_for_an_unknown_candidate_is_a_usage_error(env, runner, tmp_path):
    db = tmp_path / "g.duckdb"
    write_docs(tmp_path / "vacancies", broken=False)
    write_docs(tmp_path / "cvs", broken=False)
    assert runner.invoke(main, ["screen", str(tmp_path / "vacancies"), str(tmp_path / "cvs"), "--db", str(db)]).exit_code == 0
    role = duckdb.connect(str(db), read_only=True).execute("SELECT min(doc_id) FROM documents WHERE kind = 'vacancy'").fetchone()[0]
    result = runner.invoke(main, ["gap", "--db", str(db), "--candidate", "nobody", "--role", role])
    assert result.exit_code == 2 and result.stdout == ""
    assert "no candidate nobody" in result.stderr


def test_fit_and_gap_take_a_role_by_title(env, runner, tmp_path):
    db = tmp_path / "g.duckdb"
    (tmp_path / "vacancies").mkdir()
    (tmp_path / "vacancies" / "v.txt").write_text("Job title: Data Engineer\nRequirements\n- Python and SQL.\n",
                                                  encoding="utf-8")
    write_docs(tmp_path / "cvs", broken=False)
    assert runner.invoke(main, ["screen", str(tmp_path / "vacancies"), str(tmp_path / "cvs"), "--db", str(db)]).exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        role, title = con.execute("SELECT doc_id, title FROM documents WHERE kind = 'vacancy'").fetchone()
    assert title == "Data Engineer"
    by_title = runner.invoke(main, ["fit", "--db", str(db), "--role", "data engineer", "--format", "json"])
    by_id = runner.invoke(main, ["fit", "--db", str(db), "--role", role, "--format", "json"])
    assert by_title.exit_code == 0 and by_title.stdout == by_id.stdout
    assert f"role {role}: Data Engineer" in by_title.stderr  # which role the title named
    by_word = runner.invoke(main, ["fit", "--db", str(db), "--role", "engineer", "--format", "json"])
    assert by_word.exit_code == 0 and by_word.stdout == by_id.stdout
    by_start = runner.invoke(main, ["fit", "--db", str(db), "--role", "engine", "--format", "json"])
    assert by_start.exit_code == 0 and by_start.stdout == by_id.stdout  # a word's start ("Heftruck" for a compound)
    assert runner.invoke(main, ["fit", "--db", str(db), "--role", "engin"]).exit_code == 2  # not under 6 letters
    unknown = runner.invoke(main, ["fit", "--db", str(db), "--role", "Astronaut"])
    assert unknown.exit_code == 2 and "no role Astronaut" in unknown.stderr and "skillfit roles" in unknown.stderr
    listed = runner.invoke(main, ["roles", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0  # with its file: two ads may share a title
    assert json.loads(listed.stdout) == [{"role_id": role, "title": "Data Engineer", "file": "v.txt"}]


def test_an_output_file_that_cannot_be_opened_stops_before_any_work(env, runner, tmp_path):
    docs = write_docs(tmp_path / "docs", broken=False)
    result = runner.invoke(main, ["extract", str(docs), "-o", str(tmp_path / "no" / "x.jsonl")])
    assert result.exit_code == 2 and result.stdout == ""
    assert "no/x.jsonl" in result.stderr


def test_sql_on_the_read_only_database_says_how_to_write(env, runner, tmp_path):
    db = tmp_path / "s.duckdb"
    from pipeline.store import Store
    Store(db).close()
    result = runner.invoke(main, ["sql", "--db", str(db), "DELETE FROM documents"])
    assert result.exit_code == 2 and "--write" in result.stderr


def test_a_closed_pipe_is_not_a_failure(tmp_path):
    """`skillfit sql ... | head -1` exits 0: the reader going away is not a failed file."""
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "sql", "FROM range(200000)", "--format", "csv",
                                "--db", ":memory:"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline() == b"range\n"
    process.stdout.close()
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""


def test_extract_csv_has_a_row_per_skill_and_per_failed_file(env, runner, tmp_path):
    import csv
    import io

    docs = write_docs(tmp_path / "docs")
    result = runner.invoke(main, ["extract", str(docs), "--format", "csv"])
    assert result.exit_code == 1  # the broken PDF
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_file = {}
    for row in rows:
        by_file.setdefault(Path(row["source"]).name, []).append(row)
    assert {r["skill_id"] for r in by_file["a_cv.txt"]} == {"hard.python", "hard.sql"}
    assert all(GOOD_A[int(r["start"]):int(r["end"])] == r["text"] for r in by_file["a_cv.txt"])
    (broken,) = by_file["c_broken.pdf"]
    assert broken["status"] == "malformed" and broken["error"] and not broken["skill_id"]


@pytest.mark.parametrize("command", ["load", "fit", "gap", "extract", "sql", "export"])
def test_help_carries_a_runnable_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert "Example" in result.stdout and "skillfit " + command in result.stdout


def test_progress_bar_on_a_terminal_for_batches_of_twenty_or_more(monkeypatch):
    import sys

    from pipeline import cli

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    items = list(range(25))
    assert type(cli.progress_iter(items, 25, "load")).__name__ == "tqdm"
    assert cli.progress_iter(items[:5], 5, "load") is not None and type(cli.progress_iter(items[:5], 5, "load")) is list
    monkeypatch.setenv("NO_COLOR", "1")
    assert type(cli.progress_iter(items, 25, "load")) is list
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert type(cli.progress_iter(items, 25, "load")) is list


# --------------------------------------------------------------------------------------------------
# sql: read-only means read-only (issue 19)
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("statement", [
    "SELECT * FROM read_csv('{secret}')",
    "COPY (SELECT 42) TO '{out}'",
    "ATTACH '{other}' AS other",
    "SET enable_external_access = true",
    "INSTALL httpfs",
])
def test_sql_reaches_nothing_outside_the_database(runner, empty_db, tmp_path, statement):
    secret = tmp_path / "secret.csv"
    secret.write_text("name\nJan Peeters\n", encoding="utf-8")
    out, other = tmp_path / "out.csv", tmp_path / "other.duckdb"
    result = runner.invoke(main, ["sql", statement.format(secret=secret, out=out, other=other), "--db", str(empty_db)])
    assert result.exit_code == 2, result.output
    assert "Jan Peeters" not in result.output and not out.exists() and not other.exists()
    assert result.stderr.startswith("skillfit: ")


def test_sql_allow_files_reads_files(runner, empty_db, tmp_path):
    data = tmp_path / "data.csv"
    data.write_text("name\nJan\nAn\n", encoding="utf-8")
    result = runner.invoke(main, ["sql", f"SELECT count(*) AS n FROM read_csv('{data}')", "--db", str(empty_db),
                                  "--allow-files", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "n\n2\n"


def test_sql_timeout_stops_a_runaway_query(runner, empty_db):
    result = runner.invoke(main, ["sql", "SELECT count(*) FROM range(100000000000) a, range(100) b", "--db",
                                  str(empty_db), "--timeout", "0.5"])
    assert result.exit_code == 2
    assert "--timeout" in result.stderr


def test_csv_cells_that_would_run_as_formulas_are_text(runner, empty_db, tmp_path):
    result = runner.invoke(main, ["sql", "SELECT '=HYPERLINK(\"http://x\")' AS a, -5 AS n, '@SUM(1)' AS b, 'ok' AS c",
                                  "--db", str(empty_db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    import csv
    import io

    assert list(csv.reader(io.StringIO(result.stdout)))[1] == ["'=HYPERLINK(\"http://x\")", "-5", "'@SUM(1)", "ok"]
    from pipeline.export import csv_safe_text

    con = duckdb.connect()
    out = tmp_path / "x.csv"
    csv_safe_text(con.sql("SELECT '+cmd' AS a, 3 AS n, 'x' AS b")).write_csv(str(out))
    assert out.read_text(encoding="utf-8").splitlines()[1] == "'+cmd,3,x"


def test_excel_csv_opens_in_a_dutch_or_belgian_excel(runner, empty_db, tmp_path):
    """Trial Q: the manager's Excel (nl-BE, nl-NL) reads ";" and decimal commas, and UTF-8 only after a BOM."""
    query = "SELECT 'creëert' AS skill, 45.7 AS score, 8 AS n, '=1+1' AS f"
    result = runner.invoke(main, ["sql", query, "--db", str(empty_db), "--format", "excel-csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8") == "\ufeffskill;score;n;f\r\ncreëert;45,7;8;'=1+1\r\n"
    from pipeline.store import Store

    db, out = tmp_path / "s.duckdb", tmp_path / "skills.csv"
    Store(db).close()
    exported = runner.invoke(main, ["export", "--db", str(db), "--what", "skills", "--format", "excel-csv",
                                    "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfskill_id;type;") and b"\r\n" in data


def test_storage_failures_are_one_line(runner, tmp_path):
    """An unwritable export target, a truncated or a foreign database: one `skillfit:` line, no traceback."""
    from pipeline.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    export = runner.invoke(main, ["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")])
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database" * 1000)
    truncated = tmp_path / "truncated.duckdb"
    truncated.write_bytes(db.read_bytes()[:5000])
    opened = [runner.invoke(main, ["fit", "--db", str(bad), "--role", "r"]) for bad in (garbage, truncated)]
    for result in [export, *opened]:
        assert result.exit_code in (1, 2) and result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("skillfit: "), result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_table_row_stays_on_one_line(runner, tmp_path, monkeypatch):
    """A skill matched across a line break ("communicate with" over "customers") is one table row, not two."""
    monkeypatch.chdir(tmp_path)
    Path("c.txt").write_text("Skills\nI communicate with\ncustomers daily and use Excel.\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", "c.txt", "--kind", "cv", "--format", "table"])
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()[2:]
    assert len(rows) == 2 and all(row.startswith("c.txt ") for row in rows), result.stdout
    assert "communicate with customers" in result.stdout


def test_a_document_in_another_language_is_loaded_with_a_warning(env, runner, tmp_path):
    """Trial: a French CV from Brussels was loaded with one skill and no word of why."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "jean.txt").write_text("Jean Dupont\nExpérience\n2015 - 2023 Cariste chez Colruyt, conduite de chariot "
                                  "élévateur et de transpalette électrique pendant huit ans\nFormation\nPermis B, "
                                  "certificat cariste\nLangues: français, néerlandais notions\n", encoding="utf-8")
    result = runner.invoke(main, ["load", str(cvs), "--db", str(tmp_path / "f.duckdb")])
    assert result.exit_code == 0
    assert "jean.txt: written in fr; skillfit reads English and Dutch" in result.stderr
