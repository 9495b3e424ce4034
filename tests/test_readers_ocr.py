"""OCR (issue 18): scanned PDFs and image files read by Tesseract, English and Dutch, within limits.

Scans are drawn here with Pillow; each Tesseract run on these small images takes a fraction of a second.
The measurement on real documents (recall and precision against the text layer) is bench/ocr_eval.py.
"""

from __future__ import annotations

import os
import stat
import time

import pytest
from fixtures_gen import (
    MAIN_COLUMN,
    PNG_1X1,
    SIDEBAR,
    image_bytes,
    image_only_pdf,
    pdf_lines,
    png_header_only,
    scanned_pdf,
    single_column_pdf,
    text_image,
)

from pipeline.errors import ReadError, SkillfitError
from pipeline.readers import ocr, read, read_bytes

CV_LINES = ["Anna de Vries", "Werkervaring", "Data-analist bij Acme: rapportages in SQL en Python.",
            "Vaardigheden", "Communicatieve vaardigheden, teamspeler"]


def needs_tesseract() -> None:
    """Skip without Tesseract; in CI (CI=true), where .ci/run installs it, fail instead of skipping."""
    why = ocr.unavailable()
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must have Tesseract: {why}")
        pytest.skip(why)


@pytest.fixture
def no_tesseract(monkeypatch):
    """A machine without the tesseract program."""
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr._probe.cache_clear()
    yield
    ocr._probe.cache_clear()


def read_error(data: bytes, name: str, **kw) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_bytes(data, name, **kw)
    return info.value


# --------------------------------------------------------------------------------------------------
# Images and scanned PDFs
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_image_file_read_by_ocr(fmt):
    needs_tesseract()
    result = read(image_bytes(text_image(CV_LINES), fmt), f"scan.{fmt.lower()}")
    assert "Data-analist bij Acme: rapportages in SQL en Python." in result.text
    assert result.text.index("Werkervaring") < result.text.index("Vaardigheden")
    assert len(result.ocr) == 1 and result.ocr[0][:2] == (0, len(result.text)) and result.ocr[0].confidence > 0.8


def test_format_from_content_not_extension():
    needs_tesseract()
    data = image_bytes(text_image(CV_LINES), "PNG")
    assert read_bytes(data, "cv") == read_bytes(data, "scan.jpg") == read_bytes(data, "scan.png")
    assert read_error(data, "cv.docx").status == "malformed"  # an image where a document was promised


def test_scanned_pdf_ocr_auto_and_never():
    needs_tesseract()
    data = scanned_pdf([text_image(CV_LINES)])
    assert "rapportages in SQL en Python" in read_bytes(data, "scan.pdf")
    err = read_error(data, "scan.pdf", ocr="never")
    assert err.status == "no_text_layer" and "--ocr never" in err.reason


def test_mixed_pdf_only_the_scanned_page_is_ocr():
    """A text page and a scanned page: OCR reads the scan only, and its span covers that page only."""
    needs_tesseract()
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(single_column_pdf(["Curriculum vitae", "Experience with Java"]))
    pdf.import_pages(pdfium.PdfDocument(scanned_pdf([text_image(CV_LINES)])))
    buf = io.BytesIO()
    pdf.save(buf)
    result = read(buf.getvalue(), "cv.pdf")
    assert result.text.startswith("Curriculum vitae\nExperience with Java\n\n")
    (span,) = result.ocr
    assert result.text[span.start:span.end].startswith("Anna de Vries") and span.end == len(result.text)


def test_two_column_scan_read_column_by_column():
    needs_tesseract()
    page = text_image([], columns=[SIDEBAR, MAIN_COLUMN[:8]], width_in=8.0, size_pt=10)
    lines = [line for line in read_bytes(image_bytes(page), "scan.png").splitlines() if line.strip()]
    assert lines.index("Driving licence B") < lines.index("Profile")  # the whole sidebar first


def test_slightly_turned_and_upside_down_pages():
    needs_tesseract()
    for angle in (1.5, 180):
        text = read_bytes(image_bytes(text_image(CV_LINES, angle=angle)), "scan.png")
        assert "rapportages in SQL en Python" in text, angle


def test_phone_photo_turned_by_its_exif_orientation():
    needs_tesseract()
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees clockwise to show": the camera was held sideways
    sideways = text_image(CV_LINES).convert("RGB").rotate(90, expand=True)
    photo = image_bytes(sideways, "JPEG", dpi=72, exif=exif.tobytes())  # phones say 72 dpi, whatever they show
    assert "rapportages in SQL en Python" in read_bytes(photo, "IMG_0042.jpg")


@pytest.mark.parametrize("angle", [0.0, 1.5, -3.0])
def test_skew_angle_found(angle):
    page = text_image(CV_LINES * 3, angle=angle)
    assert abs(ocr.skew_angle(page) + angle) <= 0.3  # the turn that levels the lines undoes the slant


@pytest.mark.parametrize("word, sentence_start, fixed", [
    ("Bl", False, "BI"), ("Bl-rapporten", False, "BI-rapporten"), ("(Al)", False, "(AI)"), ("lT", False, "IT"),
    ("Al", False, "AI"), ("Al", True, "Al"),  # Dutch "Al tien jaar ...": a word at the start of a sentence
    ("All", False, "All"), ("Alle", False, "Alle"), ("l", False, "l"), ("SQL", False, "SQL"), ("Bloem", False, "Bloem"),
])
def test_acronym_i_read_as_l(word, sentence_start, fixed):
    assert ocr.acronym(word, sentence_start) == fixed


def test_blank_and_textless_images():
    needs_tesseract()
    from PIL import Image

    assert read_error(image_bytes(Image.new("L", (800, 600), 255)), "blank.png").status == "empty"
    assert read_error(PNG_1X1, "pixel.png").status == "empty"
    ink = text_image(CV_LINES[:3])  # black text on a transparent background: the transparency is paper
    transparent = Image.new("LA", ink.size, 0)
    transparent.putalpha(Image.eval(ink, lambda v: 255 - v))
    assert "Werkervaring" in read_bytes(image_bytes(transparent), "logo.png")
    err = read_error(image_only_pdf(), "scan.pdf")  # a grey rectangle: OCR runs and finds nothing
    assert err.status == "no_text_layer" and "OCR" in err.reason
    # trial P: a dark photo of a CV gave "2", stored as a candidate with no skills and no word said
    err = read_error(image_bytes(text_image(["2 7"])), "dark.jpg")
    assert err.status == "empty" and "clearer copy" in err.reason


# --------------------------------------------------------------------------------------------------
# Mentions from OCR text: lower confidence; --ocr in the Extractor and the CLI
# --------------------------------------------------------------------------------------------------

def test_ocr_mentions_carry_lower_confidence(extractor):
    needs_tesseract()
    from pipeline.api import OCR_CONFIDENCE_CAP

    scan = extractor.extract(image_bytes(text_image(CV_LINES)), kind="cv", name="scan.png")
    typed = extractor.extract("\n".join(CV_LINES), kind="cv")
    assert {m.skill_id for m in scan.mentions} >= {"hard.sql", "hard.python"}
    assert {m.method for m in scan.mentions} <= {"exact", "acronym", "lemma", "compound", "fuzzy", "inferred"}
    assert max(m.confidence for m in scan.mentions) <= OCR_CONFIDENCE_CAP
    assert max(m.confidence for m in typed.mentions) == 1.0


def test_extractor_ocr_option(no_tesseract):
    from pipeline import Extractor

    with pytest.raises(ValueError):
        Extractor(ocr="sometimes", plugins=False)
    with pytest.raises(SkillfitError, match="tesseract"):
        Extractor(ocr="always", plugins=False)


def test_no_engine_no_text_layer_with_reason(no_tesseract):
    err = read_error(scanned_pdf([text_image(CV_LINES[:2])]), "scan.pdf")
    assert err.status == "no_text_layer" and "tesseract-ocr" in err.reason
    err = read_error(image_bytes(text_image(CV_LINES[:2])), "scan.png")
    assert err.status == "no_text_layer" and "tesseract-ocr" in err.reason
    assert "Jane Doe" in read_bytes(single_column_pdf(["Jane Doe"]), "cv.pdf")  # text layers need no OCR


def test_cli_ocr_never(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    path = tmp_path / "scan.png"
    path.write_bytes(image_bytes(text_image(CV_LINES[:2])))
    result = CliRunner().invoke(main, ["extract", str(path), "--ocr", "never", "--workers", "1"])
    assert result.exit_code == 1
    assert "no_text_layer" in result.output and "--ocr never" in result.output


# --------------------------------------------------------------------------------------------------
# Limits: pages, pixels, time
# --------------------------------------------------------------------------------------------------

def test_too_many_scanned_pages_refused_quickly():
    needs_tesseract()
    data = scanned_pdf([text_image(["x"])] * (ocr.MAX_PAGES + 1))
    started = time.perf_counter()
    err = read_error(data, "scan.pdf")
    assert err.status == "too_large" and str(ocr.MAX_PAGES) in err.reason
    assert time.perf_counter() - started < 5  # refused before any page is read
    text_pages = pdf_lines([[(72, 700, f"page {i}")] for i in range(ocr.MAX_PAGES + 1)])
    assert "page 10" in read_bytes(text_pages, "cv.pdf")  # the cap is on pages that need OCR


def test_image_pixel_caps():
    needs_tesseract()
    assert read_error(png_header_only(40_000, 40_000), "bomb.png").status == "too_large"
    from PIL import Image

    frames = ocr.open_image(image_bytes(Image.new("L", (6000, 4000), 255), dpi=600))
    (frame, dpi), = frames
    assert frame.width * frame.height <= ocr.MAX_PIXELS and dpi is not None and dpi < 600


def test_batch_timeout_kills_the_ocr_process(tmp_path, monkeypatch, small_taxonomy):
    """A page that runs over the batch's time limit: the worker and the Tesseract it started both go."""
    import pytesseract

    from pipeline import Extractor
    from pipeline.batch import extract_batch
    from pipeline.outcome import Limits

    pid_file = tmp_path / "tesseract.pid"
    fake = tmp_path / "tesseract"
    fake.write_text(f'#!/bin/sh\nif [ "$1" = "--list-langs" ]; then printf "List:\\neng\\nnld\\n"; exit 0; fi\n'
                    f'echo $$ > {pid_file}\nexec sleep 60\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(fake))
    ocr._probe.cache_clear()
    try:
        path = tmp_path / "scan.png"
        path.write_bytes(image_bytes(text_image(CV_LINES[:2])))
        (failure,) = extract_batch(Extractor(plugins=False), [path], kind="cv", workers=1, limits=Limits(timeout_s=2))
    finally:
        ocr._probe.cache_clear()
    assert failure.status == "timeout"
    status = f"/proc/{int(pid_file.read_text())}/status"
    for _ in range(50):
        if not os.path.exists(status) or "\nState:\tZ" in open(status).read():  # gone, or dead and not yet reaped
            break
        time.sleep(0.1)
    else:
        pytest.fail("the Tesseract process outlived its worker")
