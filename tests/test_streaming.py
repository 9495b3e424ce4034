"""Streaming mode: `skillfit extract -` answers each JSONL record as soon as it arrives."""

from __future__ import annotations

import json
import subprocess
import sys
import time


def test_each_record_is_answered_before_the_next_arrives(small_taxonomy):
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    latencies = []
    try:
        for i, record in enumerate([{"id": "r1", "text": "Python en SQL"}, "not json",
                                    {"id": "r3", "text": "Java developer"}]):
            started = time.monotonic()
            process.stdin.write((json.dumps(record) if isinstance(record, dict) else record) + "\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())  # stdin is still open: no waiting for EOF
            latencies.append(time.monotonic() - started)
            if i == 1:
                assert answer["status"] == "malformed" and "error" in answer
            else:
                assert answer["doc_id"] == record["id"] and answer["skills"]
    finally:
        process.stdin.close()
        process.wait(timeout=30)
    assert process.returncode == 1  # one record was malformed
    assert max(latencies[1:]) < 5  # after start-up, each record comes back at once


def test_hostile_records_each_get_an_error_record_and_the_stream_goes_on(small_taxonomy):
    """Nested too deeply, a lone surrogate, an oversized line: one error record each; the good one after them
    is still answered (issue 19)."""
    from pipeline.cli import MAX_RECORD_CHARS

    hostile = ["[" * 100_000 + "]" * 100_000, '{"id": "\\ud800", "text": "Python"}',
               json.dumps({"text": "x" * (MAX_RECORD_CHARS + 10)})]
    good = json.dumps({"id": "ok", "text": "Python en SQL"})
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "-"], input="\n".join([*hostile, good]) + "\n",
                            capture_output=True, text=True, timeout=120)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a.get("status") for a in answers] == ["malformed", "malformed", "too_large", "ok"]
    assert "nested" in answers[0]["error"] and "surrogate" in answers[1]["error"]
    assert answers[3]["doc_id"] == "ok" and answers[3]["skills"]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 3


def test_a_file_name_that_is_not_utf8_loads_and_can_be_forgotten(small_taxonomy, tmp_path):
    """One undecodable file name used to stop `skillfit load` halfway (issue 19)."""
    import os

    folder = tmp_path / "cvs"
    folder.mkdir()
    odd = os.fsdecode(b"jan_\xff_peeters.txt")
    (folder / odd).write_text("Ervaring met Python", encoding="utf-8")
    (folder / "b.txt").write_text("Ervaring met SQL", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    load = subprocess.run([sys.executable, "-m", "pipeline.cli", "load", str(folder), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert load.returncode == 0, load.stderr
    assert "loaded 2" in load.stderr
    forget = subprocess.run([sys.executable, "-m", "pipeline.cli", "forget", "--db", str(db), "--source",
                             str(folder / odd)], capture_output=True, text=True, timeout=120)
    assert forget.returncode == 0, forget.stderr
    assert json.loads(forget.stdout)["documents"] == 1


def test_stdin_named_twice_reads_it_once_and_a_bad_byte_anywhere_is_a_malformed_record(small_taxonomy):
    records = b'{"id": "a", "text": "Python", "language": "e\xffn"}\n{"id": "b", "text": "SQL"}\n'
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "-", "-"], input=records,
                            capture_output=True, timeout=120)
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [a["status"] for a in answers] == ["malformed", "ok"] and answers[1]["doc_id"] == "b"
    assert result.returncode == 1 and b"Traceback" not in result.stderr


def test_jsonl_records_load_into_the_database_idempotently(small_taxonomy, tmp_path):
    """`skillfit load -`: an ATS that has the texts (the stream and webhook paths) loads them as it extracts
    them; a bad record is reported and the others load; loading again adds nothing."""
    import duckdb

    records = [{"id": "role-1", "text": "Data engineer\nRequirements\n- Python\n- SQL\n", "kind": "vacancy",
                "title": "Data engineer"},
               {"id": "cand-1", "text": "Profile\nPython and SQL every day.", "kind": "cv"}, {"id": "no-text"}]
    stdin = "\n".join(json.dumps(r) for r in records) + "\n"
    db = tmp_path / "records.duckdb"
    first = subprocess.run([sys.executable, "-m", "pipeline.cli", "load", "-", "--db", str(db)], input=stdin,
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 1 and "<stdin>:3 (id 'no-text')" in first.stderr
    assert "loaded 2, unchanged 0, failed 1" in first.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT doc_id, kind, title FROM documents ORDER BY doc_id").fetchall() == [
            ("cand-1", "cv", None), ("role-1", "vacancy", "Data engineer")]
        assert con.execute("SELECT count(*) FROM fit WHERE role_id = 'role-1' AND score > 0").fetchone()[0] == 1
    again = subprocess.run([sys.executable, "-m", "pipeline.cli", "load", "-", "--db", str(db)], input=stdin,
                           capture_output=True, text=True, timeout=120)
    assert "loaded 0, unchanged 2, failed 1" in again.stderr
    # the ATS sends the candidate's new CV under the same id: it replaces the old one (it was called unchanged)
    update = json.dumps({"id": "cand-1", "text": "Profile\nJava and Docker every day.", "kind": "cv"}) + "\n"
    changed = subprocess.run([sys.executable, "-m", "pipeline.cli", "load", "-", "--db", str(db)], input=update,
                             capture_output=True, text=True, timeout=120)
    assert "loaded 1, unchanged 0, failed 0" in changed.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert {s for (s,) in con.execute("SELECT skill_id FROM mentions WHERE doc_id = 'cand-1'").fetchall()} \
            == {"hard.java", "open:docker"}  # the small test taxonomy has no Docker


def test_a_byte_order_mark_and_an_oversized_text_in_jsonl(small_taxonomy):
    """A Windows tool writes a byte-order mark before the first record: still a record. A record's text over the
    limit a file's text has is too large, as the file would be (a new-user trial)."""
    from click.testing import CliRunner

    from pipeline.batch import Limits
    from pipeline.cli import main

    big = json.dumps({"id": "big", "kind": "cv", "text": "Python " * (Limits().max_chars // 7 + 1)})
    stdin = "\ufeff" + json.dumps({"id": "bom", "kind": "cv", "text": "Skills\nPython"}) + "\n" + big + "\n"
    result = CliRunner().invoke(main, ["extract", "-"], input=stdin)
    assert result.exit_code == 1
    [ok, failed] = [json.loads(line) for line in result.stdout.splitlines()]
    assert ok["doc_id"] == "bom" and ok["status"] == "ok" and failed["status"] == "too_large"


def test_an_html_record_is_read_as_its_visible_text_and_one_without_any_is_empty(small_taxonomy):
    """ATS trial: a website's vacancy as HTML in a record was read as plain text (markup as skills); review: one with
    no visible text was "ok" with no skills, where the same page as a file is empty. The stream goes on."""
    from click.testing import CliRunner

    from pipeline.cli import main

    records = [{"id": "blank", "kind": "vacancy", "text": "<html><body><script>Python()</script></body></html>"},
               {"id": "page", "kind": "vacancy", "text": "<h1>Data engineer</h1><h2>Profile</h2><ul><li>Python</li>"
                                                         "<li>SQL</li></ul><footer>Docker</footer>"}]
    result = CliRunner().invoke(main, ["extract", "-"], input="".join(json.dumps(r) + "\n" for r in records))
    assert result.exit_code == 1
    [blank, page] = [json.loads(line) for line in result.stdout.splitlines()]
    assert blank["status"] == "empty" and page["status"] == "ok"
    assert {m["text"] for m in page["skills"]} == {"Python", "SQL"}


def test_fields_of_the_wrong_type_are_malformed_and_a_reused_id_is_a_newer_version(small_taxonomy, tmp_path):
    """A "source" or "id" that is no string (an ATS's number, a list) was a traceback that ended the stream. An id
    given to a second text in one stream is a newer version of that record (ATS trial: an event stream sends edits;
    the older text was kept): it replaces it, with a note; the same id as another kind is an error, as CVs and
    vacancies share ids."""
    import duckdb

    records = [{"id": "c-1", "text": "Profile\nPython and SQL.", "kind": "cv"},
               {"id": "c-2", "text": "Profile\nJava.", "kind": "cv", "source": 5},
               {"id": {"x": 1}, "text": "Profile\nJava.", "kind": "cv"},
               {"id": "c-1", "text": "Profile\nJava every day.", "kind": "cv"},
               {"id": "c-1", "text": "Profile\nJava every day.", "kind": "cv"},  # the same record again: fine
               {"id": "c-5", "text": "Profile\nJava.", "kind": "cv"},
               {"id": "c-5", "text": "Java developer\nRequirements\n- Java\n", "kind": "vacancy"}]
    stdin = "\n".join(json.dumps(r) for r in records) + "\n"
    db = tmp_path / "ids.duckdb"
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "load", "-", "--db", str(db)], input=stdin,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "<stdin>:2 (id 'c-2'): malformed: bad JSONL record: \"source\" must be a string" in result.stderr
    assert "<stdin>:3: malformed: bad JSONL record: \"id\" must be a string or a whole number" in result.stderr
    assert "note: <stdin>:4 (id 'c-1'): a newer version of the record on line 1: it replaces it" in result.stderr
    assert "<stdin>:5" not in result.stderr
    assert "<stdin>:7 (id 'c-5'): malformed: bad JSONL record: id 'c-5' was a cv on line 6" in result.stderr
    assert "loaded 2, unchanged 0, failed 3" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert {s for (s,) in con.execute("SELECT skill_id FROM mentions WHERE doc_id = 'c-1'").fetchall()} \
            == {"hard.java"}
        assert con.execute("SELECT kind FROM documents WHERE doc_id = 'c-5'").fetchall() == [("cv",)]


def test_an_id_stored_as_the_other_kind_is_refused_and_a_new_title_is_a_change(small_taxonomy, tmp_path):
    """ATS trial: vacancy 42 loaded, then CV 42 silently replaced the role (ids are shared by both kinds); a vacancy
    sent again with only a new title stayed "unchanged" under its old title."""
    import duckdb

    db = tmp_path / "k.duckdb"

    def load(*records):
        return subprocess.run([sys.executable, "-m", "pipeline.cli", "load", "-", "--db", str(db)],
                              input="".join(json.dumps(r) + "\n" for r in records), capture_output=True, text=True,
                              timeout=120)

    ad = {"id": 42, "text": "Data engineer\nRequirements\n- Python\n", "kind": "vacancy", "title": "Data Engineer"}
    assert load(ad).returncode == 0
    clash = load({"id": 42, "text": "Profile\nJava and Scrum.", "kind": "cv"})
    assert clash.returncode == 1
    assert "id '42': malformed: a vacancy with this id is stored already" in clash.stderr
    retitled = load({**ad, "title": "Lead Data Engineer"})
    assert retitled.returncode == 0 and "loaded 1, unchanged 0" in retitled.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT doc_id, kind, title FROM documents").fetchall() == [("42", "vacancy",
                                                                                        "Lead Data Engineer")]


def test_a_language_is_read_as_a_locale_or_a_name_and_another_one_is_malformed(small_taxonomy):
    """ATS trial: "nl-BE", "NL" and "Dutch" were stored as they came and matched with English rules (fewer skills)."""
    records = [{"id": i, "text": "Profiel\nErvaring met vullen van schappen en Python.", "language": lang}
               for i, lang in (("a", "nl-BE"), ("b", "Dutch"), ("c", "NL"), ("d", "nld"), ("e", "fr"))]
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "-"], capture_output=True, text=True,
                            input="".join(json.dumps(r) + "\n" for r in records), timeout=120)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("language") for o in out[:4]] == ["nl", "nl", "nl", "nl"]
    assert out[4]["status"] == "malformed" and '"language" must be "en" or "nl"' in out[4]["error"]


def test_a_newer_version_without_its_own_kind_takes_the_kind_given(small_taxonomy, tmp_path):
    """Review: with `--kind cv`, a record without "kind" after one with "kind": "cv" was refused as another kind."""
    records = [{"id": "7", "kind": "cv", "text": "Profile\nPython."}, {"id": "7", "text": "Profile\nPython and SQL."}]
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "load", "-", "--kind", "cv", "--db",
                             str(tmp_path / "k.duckdb")], capture_output=True, text=True, timeout=120,
                            input="".join(json.dumps(r) + "\n" for r in records))
    assert result.returncode == 0 and "a newer version of the record on line 1" in result.stderr, result.stderr


def test_the_library_names_a_field_of_the_wrong_type(small_taxonomy):
    import pytest

    from pipeline import Extractor

    with pytest.raises(TypeError, match="name must be a string, not int"):
        Extractor().extract("Profile\nPython.", kind="cv", name=5)  # type: ignore[arg-type]

