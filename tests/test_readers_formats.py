"""Legacy Word (.doc), RTF and OpenDocument text (issue 18): read in document order, sniffed by content.

Every file is generated in tests/fixtures_gen.py; the .doc tests need catdoc (a Debian package, installed by
`make install` and .ci/run as root) and skip without it, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os

import pytest
from fixtures_gen import compound_file, cv_docx, odt_document, plain_zip, rtf_document, word97_doc

from pipeline.errors import ReadError
from pipeline.readers import doc, read_bytes, sniff

CV_BLOCKS = ["Anna de Vries", "Werkervaring", "Data-analist bij Acme: rapportages in SQL, café € 2.500",
             [["Vaardigheid", "Niveau"], ["Python", "Expert"]], "Opleiding", "MSc Informatica"]


def needs_converter() -> None:
    """Skip without catdoc; fail in CI, where .ci/run installs it."""
    if not doc.converters():
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have catdoc")
        pytest.skip("catdoc not installed")


def read_error(data: bytes, name: str) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_bytes(data, name)
    return info.value


# --------------------------------------------------------------------------------------------------
# Sniffing: content decides, the extension does not
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, fmt", [
    (word97_doc(["x"]), "doc"),
    (compound_file({"EncryptedPackage": b"x", "EncryptionInfo": b"y"}), "encrypted-ooxml"),
    (compound_file({"Workbook": b"x"}), "ole"),
    (rtf_document(), "rtf"),
    (b"\xef\xbb\xbf" + rtf_document(), "rtf"),
    (odt_document(), "odt"),
    (odt_document(mimetype="spreadsheet"), "odf"),
    (cv_docx(), "docx"),
], ids=["doc", "encrypted-ooxml", "xls", "rtf", "rtf-bom", "odt", "ods", "docx"])
def test_sniff_by_content(data, fmt):
    for suffix in (".doc", ".docx", ".odt", ".rtf", ".txt", ""):
        assert sniff(data, suffix) == fmt


def test_renamed_files_read_by_what_they_are():
    needs_converter()
    assert "Data-analist" in read_bytes(word97_doc(CV_BLOCKS), "cv.docx")  # a .doc saved as .docx
    assert "Data-analist" in read_bytes(odt_document(), "cv.docx")
    assert "Data-analist" in read_bytes(rtf_document(), "cv.doc")  # Word's "save as RTF" with the old name
    # Word's "web page" kept as .doc, as ATS "download as Word" buttons give (trial O: refused as malformed)
    word_html = (b'<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"></head><body>'
                 b'<h1>Elektromonteur</h1><p class=MsoNormal>Je werkt volgens NEN 3140.</p></body></html>')
    assert read_bytes(word_html, "vacature.doc").split() == ["Elektromonteur", "Je", "werkt", "volgens", "NEN", "3140."]
    assert read_error(word_html, "vacature.pdf").status == "malformed"  # a .pdf of HTML is damaged or mislabelled
    for prologue in (b"\xef\xbb\xbf", b'<?xml version="1.0" encoding="utf-8"?>\n', b"<!-- saved by Word -->\n"):
        assert read_bytes(prologue + word_html, "vacature.doc").lstrip("\ufeff").split()[:2] == ["Elektromonteur", "Je"]
    # a UTF-8 mark before a page in Word's own code page: the mark is no text ("ï»¿" before the first word)
    cp1252 = word_html.replace(b'charset="utf-8"', b'charset="windows-1252"').replace(b"3140.", b"3140 \xb7 VCA.")
    assert read_bytes(b"\xef\xbb\xbf" + cp1252, "vacature.doc").split()[:2] == ["\ufeff", "Elektromonteur"]


# --------------------------------------------------------------------------------------------------
# .doc
# --------------------------------------------------------------------------------------------------

def test_doc_paragraphs_and_table_rows_in_order():
    needs_converter()
    assert read_bytes(word97_doc(CV_BLOCKS), "cv.doc").splitlines() == [
        "Anna de Vries", "Werkervaring", "Data-analist bij Acme: rapportages in SQL, café € 2.500",
        "Vaardigheid\tNiveau", "Python\tExpert", "Opleiding", "MSc Informatica"]


def test_doc_fast_saved_read_all_the_same():
    needs_converter()
    text = read_bytes(word97_doc(CV_BLOCKS, fast_saved=True), "cv.doc")
    assert "Data-analist bij Acme" in text and "fast-saved" not in text


def test_doc_encrypted():
    needs_converter()
    assert read_error(word97_doc(CV_BLOCKS, encrypted=True), "cv.doc").status == "encrypted"


def test_doc_without_converter_says_what_to_install(monkeypatch):
    monkeypatch.setattr(doc, "converters", lambda: [])
    err = read_error(word97_doc(CV_BLOCKS), "cv.doc")
    assert err.status == "unsupported" and "catdoc" in err.reason


def test_other_ole_files():
    assert read_error(compound_file({"EncryptedPackage": b"x"}), "cv.docx").status == "encrypted"
    assert read_error(compound_file({"Workbook": b"x"}), "sheet.xls").status == "unsupported"
    assert read_error(compound_file({"Workbook": b"x"}), "cv.doc").status == "malformed"  # not what it says


def test_damaged_doc_gets_a_status():
    needs_converter()
    data = word97_doc(CV_BLOCKS)
    for damaged in (data[:600], data[:512] + b"\xff" * (len(data) - 512)):
        try:
            read_bytes(damaged, "cv.doc")
        except ReadError as exc:
            assert exc.status in ("malformed", "empty")


# --------------------------------------------------------------------------------------------------
# RTF
# --------------------------------------------------------------------------------------------------

def test_rtf_paragraphs_table_and_code_page():
    assert read_bytes(rtf_document(), "cv.rtf").splitlines() == [
        "Werkervaring", "Data-analist bij Acme: wekelijkse rapportages in SQL, café € 2.500",
        "Vaardigheid\tNiveau", "Python\tExpert", "Opleiding", "MSc Informatica, Universiteit Utrecht"]


def test_rtf_damaged_or_deep_gets_a_status():
    for data in (rtf_document()[:80], b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}",
                 b"{\\rtf1 \\'zz \\u99999999999? text}"):
        try:
            read_bytes(data, "cv.rtf")
        except ReadError as exc:
            assert exc.status in ("malformed", "empty")


# --------------------------------------------------------------------------------------------------
# ODT
# --------------------------------------------------------------------------------------------------

def test_odt_reads_as_docx_does():
    """Header first, then paragraphs; a blank line before each table row, a line per cell; footnote text after
    its paragraph without the mark; text boxes after theirs; comments left out."""
    assert read_bytes(odt_document(), "cv.odt").splitlines() == [
        "Anna de Vries - CV", "Werkervaring", "Data-analist bij Acme:  rapportages in SQL.", "Voltijds.",
        "", "Vaardigheid", "Niveau", "", "Python", "Expert", "Teamspeler", "Opleiding", "Rijbewijs B",
        "MSc Informatica\tUniversiteit Utrecht"]


def test_odt_refusals():
    assert read_error(odt_document(doctype=True), "cv.odt").status == "malformed"
    assert read_error(odt_document(mimetype="spreadsheet"), "sheet.ods").status == "unsupported"
    assert read_error(odt_document(encrypted=True), "cv.odt").status == "encrypted"
    broken = odt_document(body="<text:p>unclosed")
    assert read_error(broken, "cv.odt").status == "malformed"
    bomb = odt_document(extra={"Pictures/pad.bin": b"\0" * 60_000_000})
    assert read_error(bomb, "cv.odt").status == "too_large"
    assert read_error(plain_zip({"content.txt": b"x"}), "cv.odt").status == "malformed"


# --------------------------------------------------------------------------------------------------
# Through the Extractor
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make, name", [(lambda: word97_doc(CV_BLOCKS), "cv.doc"), (rtf_document, "cv.rtf"),
                                        (odt_document, "cv.odt")], ids=["doc", "rtf", "odt"])
def test_extractor_finds_skills(extractor, make, name):
    if name.endswith(".doc"):
        needs_converter()
    found = {m.skill_id for m in extractor.extract(make(), kind="cv", name=name).mentions}
    assert {"hard.sql", "hard.python"} <= found
