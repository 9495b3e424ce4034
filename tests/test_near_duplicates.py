"""The same CV in two files (a DOCX and the PDF exported from it) is one candidate, not two in every ranking."""

from __future__ import annotations

import io

import duckdb
from click.testing import CliRunner
from fixtures_gen import single_column_pdf

from pipeline.cli import main
from pipeline.near_duplicates import SAME, signature, similarity

CV_LINES = [
    "Sam Jansen - Payroll administrator",
    "Profile",
    "Payroll administrator with six years of experience in monthly and weekly payroll runs for",
    "retail and logistics employers, from timesheets to payslips and the yearly tax statements.",
    "Experience",
    "2019 - now: Payroll administrator, Dockside Logistics, Antwerp",
    "- processing payroll for 450 employees in SAP HR and Excel",
    "- reconciling wage accounts with the general ledger every month",
    "- answering questions of employees about holiday pay and overtime",
    "2016 - 2019: HR assistant, Northwind Retail, Ghent",
    "- keeping personnel files and contracts up to date",
    "- onboarding new hires and planning their first week",
    "Skills",
    "Payroll, SAP HR, Excel (pivot tables, VLOOKUP), labour law, discretion, accuracy",
    "Languages: Dutch (native), English (fluent), French (good)",
]
OTHER_CV = """Lotte Peeters - Payroll specialist
Profile
Payroll specialist for a social secretariat, advising small employers on wages, contracts and social security.
Experience
2018 - now: Payroll specialist, Acerta-like secretariat, Leuven
- calculating wages for 60 small employers in hospitality and construction
- explaining new regulations to clients by phone and mail
- preparing DmfA declarations and year-end documents
Skills
Payroll, social legislation, customer service, planning, Word, Outlook
Languages: Dutch, French, German
"""


def docx_bytes(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def load(folder, db):
    return CliRunner().invoke(main, ["load", str(folder), "--db", str(db), "--kind", "cv", "--workers", "1"])


def stored_cvs(db) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM documents WHERE kind = 'cv'").fetchone()[0]


def test_a_signature_tells_a_copy_from_another_cv():
    text = "\n".join(CV_LINES)
    reflowed = " ".join(CV_LINES).replace("- ", "• ")  # another layout of the same words
    copy, other = signature(reflowed), signature(OTHER_CV)
    assert similarity(signature(text), [copy, other]).tolist()[0] >= SAME
    assert similarity(signature(text), [copy, other]).tolist()[1] < 0.5  # one trade, another person
    assert signature("Python, SQL and teamwork") is None  # too few words to call anything a copy


def test_the_same_cv_as_docx_and_pdf_is_one_candidate(tmp_path):
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "sam_jansen.docx").write_bytes(docx_bytes(CV_LINES))
    (cvs / "sam_jansen.pdf").write_bytes(single_column_pdf(CV_LINES, step=13))
    (cvs / "lotte_peeters.txt").write_text(OTHER_CV)
    db = tmp_path / "d.duckdb"
    first = load(cvs, db)
    assert first.exit_code == 0, first.stderr  # a copy is not a failure
    assert "sam_jansen.pdf: the same CV as candidate" in first.stderr
    assert "loaded 2, unchanged 0, same CV in another file 1, failed 0" in first.stderr
    assert stored_cvs(db) == 2
    again = load(cvs, db)
    assert "loaded 0, unchanged 2, same CV in another file 1" in again.stderr and stored_cvs(db) == 2
    # Either file names the person: forgetting the PDF erases the one candidate both files are.
    forgot = CliRunner().invoke(main, ["forget", "--db", str(db), "--source", str(cvs / "sam_jansen.pdf")])
    assert forgot.exit_code == 0, forgot.output
    assert stored_cvs(db) == 1


def test_a_new_version_of_a_file_or_a_shorter_cv_is_not_a_copy(tmp_path):
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "sam.txt").write_text("\n".join(CV_LINES))
    db = tmp_path / "d.duckdb"
    load(cvs, db)
    (cvs / "sam.txt").write_text("\n".join(CV_LINES[:-1] + ["Languages: Dutch (native), English (fluent)"]))
    changed = load(cvs, db)
    assert "same CV" not in changed.stderr and stored_cvs(db) == 1  # the new version replaced the old one
    (cvs / "sam_one_page.txt").write_text("\n".join(CV_LINES[:9]))  # the same person, cut to half: its own CV
    cut = load(cvs, db)
    assert "same CV" not in cut.stderr and stored_cvs(db) == 2
