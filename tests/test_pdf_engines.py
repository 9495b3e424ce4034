"""The two PDF engines: pdfium (fast, the default) reads every PDF as pdfplumber (the reference) does.

Generated PDFs (fixtures_gen) and sample_docs must give the same text with both engines, unreadable
PDFs the same status; shared data (real resumes) is compared where ../shared/data is present.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_gen import (
    MAIN_COLUMN,
    SIDEBAR,
    image_only_pdf,
    pdf_lines,
    single_column_pdf,
    two_column_pdf,
    vera_ttf,
)

from conftest import needs_shared
from pipeline.errors import ReadError
from pipeline.readers import read_bytes, read_path
from pipeline.readers.pdf import ENGINES, find_gutter, read_pdf

SAMPLE_DOCS = Path(__file__).resolve().parents[1] / "sample_docs"
SAMPLE_PDFS = sorted(SAMPLE_DOCS.rglob("*.pdf"))
TWO_COLUMN = {f["path"] for f in json.loads((SAMPLE_DOCS / "manifest.json").read_text())["files"]
              if f.get("two_column")}


def texts(data: bytes) -> dict[str, str]:
    """The text of `data` from each engine."""
    return {engine: read_pdf(data, engine=engine) for engine in ENGINES}


def statuses(data: bytes) -> dict[str, str]:
    """The ReadError status of `data` from each engine ("ok" where it reads)."""
    out = {}
    for engine in ENGINES:
        try:
            read_bytes(data, "cv.pdf", pdf_engine=engine)
            out[engine] = "ok"
        except ReadError as exc:
            assert exc.reason and "\n" not in exc.reason
            out[engine] = exc.status
    return out


def nonblank_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------------------------------
# Same text
# --------------------------------------------------------------------------------------------------

def test_pdfium_is_the_default():
    data = single_column_pdf(["Jane Doe", "Python and SQL"])
    assert read_pdf(data) == read_pdf(data, engine="pdfium")
    with pytest.raises(ValueError):
        read_pdf(data, engine="pdfminer")


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_sample_docs_same_text(path):
    by_engine = texts(path.read_bytes())
    assert by_engine["pdfium"].split() == by_engine["pdfplumber"].split()
    assert by_engine["pdfium"] == by_engine["pdfplumber"]  # blank lines between paragraphs too


@pytest.mark.parametrize("path", [SAMPLE_DOCS / p for p in sorted(TWO_COLUMN)], ids=lambda p: p.name)
def test_sample_two_column_cvs_have_a_gutter_with_pdfium(path):
    """pdfium's words show the white band between the columns, so the page is read column by column."""
    import pypdfium2 as pdfium

    from pipeline.readers.pdfium_text import page_words

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        page = pdf[0]
        words, width = page_words(page)
        page.close()
    finally:
        pdf.close()
    assert find_gutter(words, width) is not None


@pytest.mark.parametrize("engine", ENGINES)
def test_two_columns_read_column_by_column(engine):
    lines = nonblank_lines(read_pdf(two_column_pdf(), engine=engine))
    assert lines[:len(SIDEBAR)] == SIDEBAR  # the whole sidebar, in order, before any of the main column
    main = lines[len(SIDEBAR):]
    assert main[0] == MAIN_COLUMN[0]
    assert main.index("Experience") < main.index("the nightly batch platform and its monitoring setup.")
    assert "Known for clear documentation and strong communicatievaardigheden with stakeholders from many teams." \
        in main  # hyphenation repaired across the line end


def _drawn(draw, rotate: int = 0) -> bytes:
    """A one-page PDF drawn by `draw(canvas)`, with /Rotate `rotate`."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    if rotate:
        c.setPageRotation(rotate)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(["Jane Doe, data engineer", "Python, SQL and Docker", "Works in Utrecht"]):
        c.drawString(72, 700 - 14 * i, line)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _rotated_text(c):
    c.translate(500, 300)
    c.rotate(90)
    c.drawString(0, 0, "Vertical sidebar text")


def _scaled(c):
    c.scale(1.5, 1.5)
    c.drawString(50, 400, "Scaled heading")


def _slanted(c):
    c.transform(1, 0, 0.25, 1, 72, 500)
    c.drawString(0, 0, "Fake italic words")


def _spacing(c):
    t = c.beginText(72, 600)
    t.setFont("Helvetica", 10)
    t.setHorizScale(80)
    t.textLine("Condensed text line")
    t.setCharSpace(1.5)
    t.textLine("Spaced letters line")
    t.setWordSpace(6)
    t.textLine("Wide word spacing")
    c.drawText(t)


@pytest.mark.parametrize("data", [
    pytest.param(_drawn(lambda c: None, 90), id="page-rotated-90"),
    pytest.param(_drawn(lambda c: None, 180), id="page-rotated-180"),
    pytest.param(_drawn(lambda c: None, 270), id="page-rotated-270"),
    pytest.param(_drawn(_rotated_text), id="rotated-text"),
    pytest.param(_drawn(_scaled), id="scaled-text"),
    pytest.param(_drawn(_slanted), id="slanted-text"),
    pytest.param(_drawn(_spacing), id="char-and-word-spacing"),
    pytest.param(single_column_pdf(["Certi\ufb01ed pro\ufb01le, of\ufb01ce \ufb02ow"], ttf=vera_ttf()), id="ligatures"),
    pytest.param(pdf_lines([[(72, 700, "First page about Python")], [(72, 700, "Second page about SQL")]]),
                 id="two-pages"),
])
def test_generated_pdfs_same_text(data):
    by_engine = texts(data)
    assert by_engine["pdfium"] == by_engine["pdfplumber"]


# --------------------------------------------------------------------------------------------------
# Same status
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, status", [
    pytest.param(single_column_pdf(["Jane Doe", "Python and SQL"], encrypt="secret"), "encrypted", id="encrypted"),
    pytest.param(pdf_lines([[]]), "empty", id="blank-page"),
    pytest.param(image_only_pdf(), "no_text_layer", id="image-only"),
    pytest.param(single_column_pdf(["Jane Doe", "Python and SQL"])[:700], "malformed", id="truncated"),
    pytest.param(b"%PDF-1.4\n" + random.Random(3).randbytes(3000), "malformed", id="garbage-after-header"),
    pytest.param(pdf_lines([[(72, 700, f"page {i}")] for i in range(51)]), "too_large", id="over-page-cap"),
])
def test_unreadable_pdfs_same_status(data, status):
    assert statuses(data) == {engine: status for engine in ENGINES}


def test_no_text_layer_reason_says_ocr():
    for engine in ENGINES:
        with pytest.raises(ReadError) as info:
            read_bytes(image_only_pdf(), "scan.pdf", pdf_engine=engine)
        assert "ocr" in info.value.reason.lower()


# --------------------------------------------------------------------------------------------------
# Plumbing: read_path, Extractor, CLI
# --------------------------------------------------------------------------------------------------

def test_read_path_and_extractor_take_the_engine(tmp_path, small_taxonomy):
    from pipeline import Extractor

    path = tmp_path / "cv.pdf"
    path.write_bytes(single_column_pdf(["Jane Doe", "Skills: Python and SQL"]))
    assert read_path(path, pdf_engine="pdfplumber") == read_path(path) == "Jane Doe\nSkills: Python and SQL"
    extractor = Extractor(pdf_engine="pdfplumber")
    assert extractor.pdf_engine == "pdfplumber"
    assert {m.skill_id for m in extractor.extract(path).mentions} >= {"hard.python", "hard.sql"}
    with pytest.raises(ValueError):
        Extractor(pdf_engine="pdfminer")


@pytest.mark.parametrize("engine, ok", [("pdfplumber", True), ("pdfium", False)])
def test_cli_pdf_engine_option(tmp_path, small_taxonomy, monkeypatch, engine, ok):
    """--pdf-engine picks the engine: with pdfium broken on purpose, only pdfplumber reads the file."""
    from pipeline.cli import main
    from pipeline.readers import pdf_engines

    def broken(data, max_pages):
        raise ReadError("malformed", "pdfium switched off by the test")

    monkeypatch.setattr(pdf_engines, "pdfium_pages", broken)
    path = tmp_path / "cv.pdf"
    path.write_bytes(single_column_pdf(["Jane Doe", "Skills: Python and SQL"]))
    result = CliRunner().invoke(main, ["extract", str(path), "--kind", "cv", "--workers", "1",
                                       "--pdf-engine", engine])
    record = json.loads(result.stdout.splitlines()[0])
    if ok:
        assert result.exit_code == 0, result.output
        assert "hard.python" in {s["skill_id"] for s in record["skills"]}
    else:
        assert result.exit_code == 1
        assert record["status"] == "malformed" and "switched off" in record["error"]


def test_cli_rejects_an_unknown_engine(tmp_path):
    from pipeline.cli import main

    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--pdf-engine", "pdfminer"])
    assert result.exit_code == 2


# --------------------------------------------------------------------------------------------------
# Real resumes (../shared/data)
# --------------------------------------------------------------------------------------------------

@pytest.mark.shared
def test_real_resumes_same_words():
    """Nearly every real resume gives the same words with both engines (pdfium reads /ActualText,
    which pdfminer leaves out, so a few template CVs differ around their icons)."""
    folders = [needs_shared("resumes-livecareer-kaggle-pdf"), needs_shared("resumes-docx-pdf-pairs-soupboss")]
    files = sorted(p for folder in folders for p in folder.rglob("*.pdf"))
    assert len(files) > 40
    differ = [f.name for f in files if len({" ".join(t.split()) for t in texts(f.read_bytes()).values()}) > 1]
    assert len(differ) <= len(files) // 20, differ


@pytest.mark.shared
def test_real_two_column_resume_read_column_by_column():
    """The Deedy template (SOURCE.md: asymmetric two-column): the narrow left column, then the right."""
    path = needs_shared("resumes-templates-multicolumn-pdf", "deedy", "deedy_resume-openfont.pdf")
    by_engine = texts(path.read_bytes())
    lines = nonblank_lines(by_engine["pdfium"])
    left = [lines.index(h) for h in ("EDUCATION", "LINKS", "COURSEWORK", "SKILLS")]
    right = [lines.index(h) for h in ("EXPERIENCE", "RESEARCH", "AWARDS")]
    assert left == sorted(left) and right == sorted(right)
    assert max(left) < min(right)
    assert "Advanced Machine Learning" in lines  # a left-column line, not run into the right column
    assert by_engine["pdfium"] == by_engine["pdfplumber"]
