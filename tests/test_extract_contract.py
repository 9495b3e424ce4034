"""The extract contract (DESIGN.md section 3): one JSON object per document, exact offsets."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import main

CONTRACT_KEYS = {"skill_id", "label", "label_en", "type", "category", "esco_uri", "start", "end", "text",
                 "method", "confidence", "section", "requirement", "years", "level", "group"}


def run_extract(*args, input=None):
    result = CliRunner().invoke(main, ["extract", *args], input=input)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return result, lines


def test_offsets_point_into_the_raw_file_content(small_taxonomy, tmp_path):
    content = "\ufeffProfiel\r\nIk heb ervaring met Python, SQL en Python.\r\nSterke communicatievaardigheden.\r\n"
    path = tmp_path / "cvs" / "an.txt"
    path.parent.mkdir()
    path.write_bytes(content.encode("utf-8"))
    result, [doc] = run_extract(str(path))
    assert result.exit_code == 0, result.stderr
    raw = path.read_bytes().decode("utf-8")
    assert doc["kind"] == "cv" and doc["language"] == "nl" and doc["source"] == str(path)
    for skill in doc["skills"]:
        assert set(skill) == CONTRACT_KEYS
        assert raw[skill["start"]:skill["end"]] == skill["text"]
    ids = [s["skill_id"] for s in doc["skills"]]
    assert ids.count("hard.python") == 2  # one mention per occurrence
    assert "soft.communication" in ids


def test_stdin_records_keep_their_ids_and_kinds(small_taxonomy):
    records = [
        {"id": "c1", "text": "Python developer with SQL.", "kind": "cv", "language": "en"},
        {"id": "v1", "text": "Requirements\n3+ years of Python\nNice to have\nJava", "kind": "vacancy"},
    ]
    stdin = "\n".join(json.dumps(r) for r in records) + "\n"
    result, out = run_extract("-", input=stdin)
    assert result.exit_code == 0
    assert [d["doc_id"] for d in out] == ["c1", "v1"]
    vacancy = {s["skill_id"]: s for s in out[1]["skills"]}
    assert vacancy["hard.python"]["requirement"] == "required" and vacancy["hard.python"]["years"] == 3
    assert vacancy["hard.java"]["requirement"] == "preferred"
    assert all(s["requirement"] is None for s in out[0]["skills"])


def test_context_rule_vetoes_the_verb(small_taxonomy):
    _, [doc] = run_extract("-", input=json.dumps({"text": "I excel in teamwork. Advanced Excel user."}) + "\n")
    excel = [s for s in doc["skills"] if s["skill_id"] == "hard.excel"]
    assert [s["text"] for s in excel] == ["Excel"]


def test_every_result_names_versions(small_taxonomy):
    _, [doc] = run_extract("-", input=json.dumps({"text": "Python"}) + "\n")
    assert doc["skillfit_version"] and doc["taxonomy_hash"]


def test_cli_output_validates_against_the_published_schema(small_taxonomy, tmp_path):
    from importlib import resources

    import jsonschema

    schema = json.loads((resources.files("pipeline") / "extract.schema.json").read_text())
    folder = tmp_path / "vacancies"
    folder.mkdir()
    (folder / "job.txt").write_text("Requirements\n5+ years of Python\nNice to have\nJava, vloeiend Excel\n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    result, docs = run_extract(str(folder))
    assert len(docs) == 2
    for doc in docs:
        jsonschema.validate(doc, schema)
