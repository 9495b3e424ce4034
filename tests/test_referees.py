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


VACANCY = """Elektromonteur utiliteitsbouw
Wie zijn wij
Wij zijn een installatiebedrijf in Utrecht met 80 collega's.
Wat ga je doen
- Je trekt kabels en monteert verdeelkasten.
Wat vragen wij
- MBO-4 elektrotechniek en minimaal 3 jaar ervaring.
- VCA en rijbewijs B.
Wat bieden wij
- Een salaris tot 3.600 euro, een bus van de zaak en 27 vakantiedagen.
Solliciteren? Stuur je cv naar vacatures@example.nl.
"""


def test_screen_warns_of_a_cv_in_the_vacancies_folder_and_a_vacancy_in_the_cvs_folder(tmp_path):
    """Trial O: a CV dropped into vacatures/ became a role and a vacancy in cvs/ a candidate, without a word, under
    `screen` (its arguments gave the kinds, so the folder check never ran)."""
    vacancies, cvs = tmp_path / "vacatures", tmp_path / "cvs"
    vacancies.mkdir()
    cvs.mkdir()
    misfiled_cv = CV.replace("References", "Experience\n2015 - 2024 Accountant, Acme\n2012 - 2015 Junior accountant, "
                             "Bolt\nEducation\n2008 - 2012 Bachelor in accountancy, Hogeschool Gent\nReferences")
    (vacancies / "cv_mirthe.txt").write_text("mirthe@example.be | 0470 11 22 33\n" + misfiled_cv, encoding="utf-8")
    (cvs / "elektromonteur.txt").write_text(VACANCY, encoding="utf-8")
    result = CliRunner().invoke(main, ["screen", str(vacancies), str(cvs), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0, result.output
    assert "cv_mirthe.txt: in a vacancies folder and stored as a vacancy, but it reads like a CV" in result.stderr
    assert "elektromonteur.txt: in a CVs folder and stored as a CV, but it reads like a vacancy" in result.stderr
