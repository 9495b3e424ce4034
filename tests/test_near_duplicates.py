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


def forget(db, path) -> None:
    result = CliRunner().invoke(main, ["forget", "--db", str(db), "--source", str(path)])
    assert result.exit_code == 0, result.output


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
    forget(db, cvs / "sam_jansen.pdf")
    assert stored_cvs(db) == 1


def test_a_copy_of_a_file_under_another_name_is_named_once(tmp_path):
    """Trial O: "CV (1).pdf" beside "CV.pdf" (the very same bytes) said only "unchanged 1", naming no file."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "sam.txt").write_text("\n".join(CV_LINES))
    (cvs / "sam (1).txt").write_text("\n".join(CV_LINES))
    db = tmp_path / "d.duckdb"
    first = load(cvs, db)
    assert "sam.txt: the same CV as candidate" in first.stderr
    assert "loaded 1, unchanged 0, same CV in another file 1, failed 0" in first.stderr
    again = load(cvs, db)
    assert "the same CV" not in again.stderr and "loaded 0, unchanged 2, failed 0" in again.stderr
    (cvs / "sam - kopie.txt").write_text("\n".join(CV_LINES))  # a third copy, later: stored, and now named
    later = load(cvs, db)
    assert "sam - kopie.txt: the same CV as candidate" in later.stderr and stored_cvs(db) == 1
    forget(db, cvs / "sam - kopie.txt")
    assert stored_cvs(db) == 0


def test_two_copies_of_a_near_duplicate_are_both_named_with_the_stored_candidate(tmp_path):
    """A review found the exact copy of a near-duplicate named twice in one file's name, the second time with a
    text id that was never stored."""
    stored, inbox = tmp_path / "cvs", tmp_path / "inbox" / "cvs"
    stored.mkdir()
    inbox.mkdir(parents=True)
    (stored / "sam.txt").write_text("\n".join(CV_LINES))
    reflowed = "\n".join(CV_LINES).replace("- ", "• ")  # the same words in another layout
    (inbox / "sam_export.txt").write_text(reflowed)
    (inbox / "sam_export (1).txt").write_text(reflowed)
    db = tmp_path / "d.duckdb"
    load(stored, db)
    with duckdb.connect(str(db), read_only=True) as con:
        kept = con.execute("SELECT doc_id FROM documents").fetchone()[0][:8]
    second = load(inbox, db)
    notes = [line for line in second.stderr.splitlines() if "the same CV as candidate" in line]
    assert sorted(line.split("/")[-1].split(":")[0] for line in notes) == ["sam_export (1).txt", "sam_export.txt"]
    assert all(f"candidate {kept} " in line for line in notes) and stored_cvs(db) == 1


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


INTAKE_FORM = """Kandidatenfiche Interimkantoor Flexwerk Antwerpen
Persoonlijke gegevens
Naam: {name}
Telefoon: {phone}
Gewenste functie: {job}
Beschikbaarheid: onmiddellijk beschikbaar, voltijds, in ploegen en in het weekend
Vervoer: eigen wagen, rijbewijs B
Werkervaring
{exp}
Attesten en vaardigheden
Heftruckattest: {fork}
VCA-attest: ja
Orderpicking met scanner: ja
Talen
Nederlands: moedertaal
Frans: {fr}
Opmerkingen consulent
Kandidaat maakt een verzorgde indruk, is gemotiveerd en stipt. Referenties kunnen worden opgevraagd bij de vorige
werkgever. Deze fiche is opgesteld door het interimkantoor en is vertrouwelijk; de kandidaat gaf toestemming.
"""
PEOPLE = [("Jan Peeters", "0477 12 34 56", "magazijnmedewerker", "2018 - 2024: magazijnier bij een distributeur", "ja",
           "goed"),
          ("Mohamed El Idrissi", "0486 98 76 54", "orderpicker", "2020 - 2024: orderpicker bij een supermarktketen",
           "nee", "basis"),
          ("Lotte Maes", "0499 11 22 33", "magazijnmedewerker", "2019 - 2023: magazijnier bij een groothandel", "ja",
           "goed"),
          ("Kevin Claes", "0472 44 55 66", "heftruckchauffeur", "2016 - 2024: heftruckchauffeur bij een bouwmarkt",
           "ja", "redelijk")]


def test_people_on_one_intake_form_are_each_a_candidate(tmp_path):
    """An agency's form holds most words of each candidate's CV; the labelled names tell them apart."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    for name, phone, job, exp, fork, fr in PEOPLE:
        text = INTAKE_FORM.format(name=name, phone=phone, job=job, exp=exp, fork=fork, fr=fr)
        (cvs / f"{name.split()[0].lower()}.txt").write_text(text)
    result = load(cvs, tmp_path / "d.duckdb")
    assert "same CV" not in result.stderr and stored_cvs(tmp_path / "d.duckdb") == len(PEOPLE)


def mapping(db) -> dict[str, str]:
    with duckdb.connect(str(db).replace(".duckdb", ".sources.duckdb"), read_only=True) as con:
        return {source.rsplit("/", 1)[-1]: doc_id for source, doc_id in con.execute("SELECT source, doc_id FROM sources").fetchall()}


def test_a_pair_stays_one_candidate_when_extracted_again_or_updated(tmp_path):
    cvs, db = tmp_path / "cvs", tmp_path / "d.duckdb"
    cvs.mkdir()
    (cvs / "b_sam.txt").write_text("\n".join(CV_LINES))
    load(cvs, db)
    (cvs / "a_sam.md").write_text("\n".join(CV_LINES).replace("- ", "* "))  # the same CV, another file
    load(cvs, db)
    # extracted again with other settings: the stored CV stays the candidate, its copy a copy, no row left over
    again = CliRunner().invoke(main, ["load", str(cvs), "--db", str(db), "--kind", "cv", "--no-open"])
    assert "a_sam.md: the same CV as candidate" in again.stderr
    assert stored_cvs(db) == 1 and len(set(mapping(db).values())) == 1
    # both files get a new version: it replaces the old one
    new_lines = CV_LINES + ["Certificates: Social Security Law (2024), Excel Expert (2023)"]
    (cvs / "b_sam.txt").write_text("\n".join(new_lines))
    (cvs / "a_sam.md").write_text("\n".join(new_lines).replace("- ", "* "))
    load(cvs, db)
    assert stored_cvs(db) == 1 and len(set(mapping(db).values())) == 1
    # one file gets a new version: its new skills are stored (as a candidate of its own), not thrown away
    (cvs / "b_sam.txt").write_text("\n".join(new_lines + ["Kubernetes, Scrum"]))
    changed = load(cvs, db)
    assert "b_sam.txt: the same CV" not in changed.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM mentions WHERE doc_id = ?", [mapping(db)["b_sam.txt"]]).fetchone()[0]
    forget(db, cvs / "a_sam.md")
    forget(db, cvs / "b_sam.txt")
    assert stored_cvs(db) == 0


def test_records_with_their_own_ids_are_never_merged(tmp_path):
    """An ATS's ids are its candidates: two records with near-identical texts stay two."""
    import json

    records = [{"id": f"c-{k}", "kind": "cv", "text": "\n".join(CV_LINES) + f"\nReference {k}"} for k in (1, 2)]
    db = tmp_path / "d.duckdb"
    result = CliRunner().invoke(main, ["load", "-", "--db", str(db)],
                                input="\n".join(json.dumps(r) for r in records) + "\n")
    assert result.exit_code == 0, result.stderr
    assert stored_cvs(db) == 2


def test_two_people_on_one_template_are_two_candidates_and_forget_erases_one(tmp_path):
    """A DPO's audit: Jan's and Mohamed's CVs on one template (name line, e-mail and address apart) were one
    candidate; Mohamed was never ranked, and his erasure request erased Jan."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    body = "\n".join(CV_LINES[1:])
    (cvs / "jan.txt").write_text(f"Jan Peeters\njan.peeters@example.be - 0470 12 34 56\n{body}\n", encoding="utf-8")
    (cvs / "mohamed.txt").write_text(f"Mohamed El Amrani\nmohamed.elamrani@example.be - 0486 98 76 54\n{body}\n",
                                     encoding="utf-8")
    db = tmp_path / "d.duckdb"
    result = load(cvs, db)
    assert "same CV" not in result.stderr and stored_cvs(db) == 2
    forgot = CliRunner().invoke(main, ["forget", "--db", str(db), "--source", str(cvs / "mohamed.txt")])
    assert forgot.exit_code == 0, forgot.output
    assert stored_cvs(db) == 1 and list(mapping(db)) == ["jan.txt"]


def test_a_signature_cannot_be_read_back_without_the_key():
    """A DPO's audit: with a public hash, a dictionary of names and towns read "mohamed el amrani" and "moskee" back
    from the shared results file. The key lives in the sources file beside it."""
    text = "\n".join(CV_LINES)
    assert signature(text, b"k1") != signature(text, b"k2") != signature(text)
    assert similarity(signature(text, b"k1"), [signature(text + "\nDiscreet.", b"k1")]).tolist()[0] >= SAME
