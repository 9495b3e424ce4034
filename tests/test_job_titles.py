"""Job-title words (pipeline/job_titles.py, the occupations stage): the words of a vacancy's title and of a CV's
job titles, and fit counting the share of the title a candidate's job titles hold, word by specific word."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from conftest import role_and_cvs_db
from pipeline.cli import main
from pipeline.job_titles import specificity
from pipeline.store import scores

CV = """JOHN SMITH
AVIATION MECHANIC
Summary
Mechanic who keeps aircraft flying. Skilled in troubleshooting.
Experience
Company Name City , State Aviation Mechanic
2015 to 2018
Kok | Restaurant De Zwaan | 2018 - 2021
- Maintained the engines of 40 aircraft.
"""


def test_a_cv_holds_the_words_of_its_job_titles_not_its_name_nor_its_tasks(extractor):
    doc = extractor.extract(CV, kind="cv", language="en")
    words = [(m.skill_id, m.text) for m in doc.title_words]
    assert words == [("title:aviation", "AVIATION"), ("title:mechanic", "MECHANIC"), ("title:state", "State"),
                     ("title:aviation", "Aviation"), ("title:mechanic", "Mechanic"), ("title:kok", "Kok")]  # in order
    assert all(m.method == "title" and m.requirement is None for m in doc.title_words)
    assert not any(m.skill_id.startswith("title:") for m in doc.mentions + doc.occupations)  # no skills, no groups


@pytest.mark.parametrize("cv, words", [
    ("Bram Kok\n\nWerkervaring\nKok | Restaurant De Zwaan | 2018 - 2021\n", ["kok"]),  # the name line: no cook
    ("Jan Peeters Verpleegkundige\nProfiel\nIk ben verpleegkundige op een chirurgische afdeling.\n", []),
    ("Tom Smith, Software Engineer, Kerkstraat 12, Gent\nExperience\nSales Engineer at Smith & Taylor Ltd\n"
     "- Reported to the operations manager\n", ["software", "engineer", "sale", "engineer"]),
    ("Naam: Jan Kok\nE-mail: johnsmith@gmail.com\nwww.markvisser.nl\nExperience\n221B Baker Street, London\n"
     "Accountant | Deloitte | 2018 - 2021\n", ["accountant"]),
    ("Werkervaring\nMedewerker Boekhouding | Firma X | 2019 - 2021\nHead of Sales, Acme\n",
     ["medewerker", "boekhouding", "head", "sale"]),  # a generic role word takes the words after it along
    # a date range before or after the title on its line (ATS trial: the date-first lines of Belgian CVs)
    ("Experience\n2019 - 2025 Java Developer at Ordina Belgium\n- REST APIs\nSales Engineer, Acme 2015 - 2019\n",
     ["developer", "sale", "engineer"]),
    # ... an employer before the title; an employer's name after one is no title ("Nurse Staffing Agency")
    ("Experience\nOrdina | Java Developer 2019-2025\n- REST\nSales Engineer, Nurse Staffing Agency 2015 - 2019\n",
     ["developer", "sale", "engineer"]),
])
def test_title_words_leave_out_names_addresses_employers_and_tasks(extractor, cv, words):
    doc = extractor.extract(cv, kind="cv", language="en")
    assert [m.skill_id[len("title:"):] for m in doc.title_words] == words


def test_the_json_result_lists_title_words_apart(extractor):
    import json
    from importlib import resources

    import jsonschema

    from pipeline.api import document_to_dict

    out = document_to_dict(extractor.extract(CV, kind="cv", language="en"), extractor.taxonomy)
    jsonschema.validate(out, json.loads((resources.files("pipeline") / "extract.schema.json").read_text()))
    assert [(w["word"], w["text"]) for w in out["title_words"]][:2] == [("aviation", "AVIATION"), ("mechanic", "MECHANIC")]
    assert out["title_words"][1]["specificity"] == specificity("mechanic")
    assert not any(s["skill_id"] and s["skill_id"].startswith("title:") for s in out["skills"])


def test_a_vacancy_asks_for_its_title_up_to_the_role_word(extractor):
    doc = extractor.extract("Verpleegkundige interne geneeskunde\n\nJouw profiel\n- Bachelor verpleegkunde\n",
                            kind="vacancy", language="nl")
    assert [(m.skill_id, m.requirement) for m in doc.title_words] == [("title:verpleegkundige", "preferred")]
    given = extractor.extract("We repair aircraft.\nRequirements\n- EASA licence\n", kind="vacancy", language="en",
                              title="Senior Aircraft Maintenance Technicians (m/v/x)")  # a record's title field
    assert [(m.skill_id, m.text) for m in given.title_words] == [  # asked, found in the text or not
        ("title:aircraft", "aircraft"), ("title:maintenance", "maintenance"), ("title:technician", "technician")]


def test_a_word_in_few_job_titles_weighs_more_than_one_in_hundreds():
    assert specificity("manager") < specificity("technician") < specificity("mechanic") < specificity("accountant")
    assert specificity("zzyzx") == 1.0 and specificity("manager") >= 0.05


ROLE = "Aircraft Maintenance Technician\n\nRequirements\n- Troubleshooting of aircraft engines.\n"
CVS = {
    "c-aviation": "Experience\nAviation Maintenance Technician | 2015 - 2020\nSkills\nTroubleshooting\n",
    "c-warehouse": "Experience\nWarehouse Worker | 2015 - 2020\nSkills\nTroubleshooting\n",
    "c-named": "An Claes  |  Maintenance Technician  |  Voorbeeldplein 3, 2440 Geel\nSkills\nTroubleshooting\n",
}


@pytest.fixture(scope="module")
def db(extractor, tmp_path_factory):
    return role_and_cvs_db(extractor, tmp_path_factory.mktemp("titles") / "t.duckdb", ROLE, CVS, "en")


def test_the_words_of_the_title_a_cv_holds_raise_its_score(db):
    with duckdb.connect(str(db)) as con:
        got = dict(con.execute("SELECT candidate_id, score FROM fit").fetchall())
        assert got["c-aviation"] > got["c-warehouse"] and got["c-named"] > got["c-warehouse"]
        matrix = scores.compute(con, keep=0).to_arrow()  # noqa: F841 - the stored scores compute the same
        assert duckdb.sql("SELECT candidate_id, score FROM matrix ORDER BY 1").fetchall() == sorted(got.items())
        weights = dict(con.execute("SELECT skill_id, weight FROM role_weights WHERE skill_id LIKE 'title:%'").fetchall())
        assert set(weights) == {"title:aircraft", "title:maintenance", "title:technician"}
        assert weights["title:technician"] == pytest.approx(2.0 * specificity("technician"))  # fit_weights.title 2
        gap = con.execute("SELECT skill_id, status, evidence FROM skill_gap('c-named', 'role')"
                          " WHERE skill_id LIKE 'title:%' ORDER BY 1").fetchall()
        assert [g[:2] for g in gap] == [("title:aircraft", "missing"), ("title:maintenance", "met"),
                                        ("title:technician", "met")]
        assert gap[1][2] == "Maintenance Technician"  # the title's part of the line: no address, no name
    shown = CliRunner().invoke(main, ["gap", "--db", str(db), "--role", "role", "--candidate", "c-named"])
    assert 'Job title words: held maintenance, technician ("Maintenance Technician"); not held aircraft' in shown.stdout
    assert "job title: aircraft" not in shown.stdout  # not listed among the skills to learn
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE fit_weights SET value = 0 WHERE name IN ('title', 'occupation')")  # off: skills only
        off = dict(con.execute("SELECT candidate_id, score FROM fit").fetchall())
        assert off["c-aviation"] == off["c-warehouse"] == off["c-named"]


def test_a_title_words_evidence_holds_no_half_of_a_date_range():
    """"2014 - 2019 Wegenwerker": the evidence was "2019 Wegenwerker", as if the job began in 2019."""
    from pipeline.job_titles import part_around

    for line, title in (("2014 - 2019 Wegenwerker | Aannemer Peeters", "Wegenwerker"),
                        ("2015 - heden Bakker, Bakkerij Janssens", "Bakker")):
        start = line.index(title)
        assert part_around(line, start, start + len(title)) == title
