"""Referees are other people: their names and contact lines are kept nowhere; a CV given as a vacancy is flagged."""

from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli import main

CV = """Mirthe Vandekerckhove
Profile
Accountant with ten years of experience in Excel and SAP.
Skills
Excel, SAP, financial reporting
References
Quintijn Abbeloos, Sales Manager at Brouwerij Oostvleteren, quintijn.abbeloos@example.be, +32 470 99 88 77
Referee: Ottilie Zwaneveld, team lead customer service and HR, phone 0470 112233
"""


def test_referees_names_and_contact_lines_are_in_no_file_skillfit_writes(tmp_path):
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "cv.txt").write_text(CV, encoding="utf-8")
    db = tmp_path / "db" / "r.duckdb"
    db.parent.mkdir()
    result = CliRunner().invoke(main, ["load", str(cvs), "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = CliRunner().invoke(main, ["extract", str(cvs / "cv.txt"), "--kind", "cv"])
    assert "Excel" in out.stdout and "Abbeloos" not in out.stdout  # no skill of theirs: no mention, no sentence
    for path in db.parent.iterdir():
        data = path.read_bytes().lower()
        for marker in (b"abbeloos", b"zwaneveld", b"oostvleteren", b"quintijn", b"ottilie"):
            assert marker not in data, (path.name, marker)


def test_a_cv_given_as_a_vacancy_gets_a_warning(tmp_path):
    folder = tmp_path / "vacancies"
    folder.mkdir()
    misfiled = CV.replace("References", "Experience\n2015 - 2024 Accountant, Acme\n2012 - 2015 Junior accountant, Bolt\n"
                          "Education\n2008 - 2012 Bachelor in accountancy, Hogeschool Gent\nReferences")
    (folder / "misfiled.txt").write_text("mirthe@example.be | 0470 11 22 33\n" + misfiled, encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(folder), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 0, result.output
    assert "reads like a CV" in result.stderr
