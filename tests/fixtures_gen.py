"""Builders for test documents (PDF via reportlab, DOCX via python-docx, raw bytes), all in memory.

Nothing here reads sample or shared data: every fixture is generated from the literals below.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Sequence

# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------

# A two-column CV page: a narrow sidebar (x=40) and a main column (x=230) with lines at the same heights.
# The vocabularies of the two columns are disjoint, so a test can tell which column each word came from.
SIDEBAR = [
    "Skills",
    "Python",
    "SQL",
    "Teamwork",
    "Microsoft Excel",
    "Docker",
    "Git",
    "Languages",
    "Dutch (native)",
    "English (fluent)",
    "Contact",
    "Utrecht",
    "Driving licence B",
]
MAIN_COLUMN = [
    "Profile",
    "Experienced data engineer who builds reliable pipelines",
    "for retail analytics teams across the whole of Europe and",
    "works closely with product owners on weekly releases of",
    "new dashboards that the finance department relies on daily,",
    "while mentoring junior colleagues in testing and review.",
    "Known for clear documentation and strong communica-",
    "tievaardigheden with stakeholders from many teams.",
    "Experience",
    "Acme Retail, Amsterdam: lead engineer since 2019, owning",
    "the nightly batch platform and its monitoring setup.",
    "Initech: analyst for four years, building weekly reports",
    "for management on sales, stock and returns per region.",
]


def pdf_lines(pages: Sequence[Sequence[tuple[float, float, str]]], font: str = "Helvetica", size: float = 10,
              ttf: str | None = None, encrypt: str | None = None) -> bytes:
    """A PDF whose pages hold the given (x, y, text) strings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    if ttf:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        font = "TestTTF"
        pdfmetrics.registerFont(TTFont(font, ttf))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    for page in pages:
        c.setFont(font, size)
        for x, y, text in page:
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def single_column_pdf(lines: Sequence[str], top: float = 780, step: float = 14, **kw) -> bytes:
    """One page, one column at x=72, a line every `step` points."""
    return pdf_lines([[(72, top - i * step, line) for i, line in enumerate(lines)]], **kw)


def two_column_pdf(left: Sequence[str] = SIDEBAR, right: Sequence[str] = MAIN_COLUMN) -> bytes:
    """One A4 page: `left` at x=40 and `right` at x=230, row i of both columns at the same height."""
    items = []
    for i in range(max(len(left), len(right))):
        y = 780 - i * 16
        if i < len(left):
            items.append((40, y, left[i]))
        if i < len(right):
            items.append((230, y, right[i]))
    return pdf_lines([items])


def image_only_pdf() -> bytes:
    """A page with only a filled rectangle (what a scan looks like to a text extractor: no text)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFillGray(0.5)
    c.rect(72, 72, 400, 600, fill=1, stroke=0)
    c.showPage()
    c.save()
    return buf.getvalue()


def vera_ttf() -> str:
    """Path of the Bitstream Vera TTF that ships inside reportlab (it has the U+FB01 glyph)."""
    import reportlab

    return os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------

def cv_docx(header: str = "Jane Doe - Curriculum Vitae") -> bytes:
    """A DOCX with a page header, headings, body paragraphs and a 2x2 table."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = header
    d.add_heading("Work experience", level=1)
    d.add_paragraph("Data analyst at Acme, building weekly SQL reports.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Skill"
    table.cell(0, 1).text = "Level"
    table.cell(1, 0).text = "Python"
    table.cell(1, 1).text = "Expert"
    d.add_heading("Education", level=1)
    d.add_paragraph("MSc Computer Science, Utrecht University")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def rewrite_docx(data: bytes, write_document: Callable[[zipfile.ZipFile, bytes], None]) -> bytes:
    """Copy a DOCX, letting `write_document(zip, original_xml)` write word/document.xml itself."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                write_document(z, body)
            else:
                z.writestr(info.filename, body)
    return out.getvalue()


def _split_declaration(xml: bytes) -> tuple[bytes, bytes]:
    """(`<?xml ...?>`, the rest) of an XML document."""
    decl, rest = xml.split(b"?>", 1)
    return decl + b"?>", rest


def zip_bomb_docx(padding_mib: int = 60) -> bytes:
    """A valid DOCX whose document.xml carries `padding_mib` MiB of spaces in an XML comment (~1000x deflate)."""
    def write(z: zipfile.ZipFile, xml: bytes) -> None:
        decl, rest = _split_declaration(xml)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(decl + b"<!--")
            chunk = b" " * (1 << 20)
            for _ in range(padding_mib):
                fh.write(chunk)
            fh.write(b"-->" + rest)

    return rewrite_docx(cv_docx(), write)


def doctype_docx(prefix: bytes = b"\n", entity: bytes = b'<!ENTITY boom "BOOM">') -> bytes:
    """A DOCX whose document.xml declares a DOCTYPE with an entity (after `prefix`) and uses it in the body."""
    def write(z: zipfile.ZipFile, xml: bytes) -> None:
        decl, rest = _split_declaration(xml)
        rest = rest.replace(b"Data analyst", b"&boom; Data analyst", 1)
        z.writestr("word/document.xml", decl + prefix + b"<!DOCTYPE w:document [" + entity + b"]>\n" + rest)

    return rewrite_docx(cv_docx(), write)


def plain_zip(files: dict[str, bytes]) -> bytes:
    """A zip archive holding `files` (not a DOCX: no word/document.xml)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            z.writestr(name, body)
    return buf.getvalue()


# A 1x1 transparent PNG.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
