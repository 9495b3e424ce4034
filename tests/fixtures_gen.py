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


# --------------------------------------------------------------------------------------------------
# Scans and photos (OCR): text drawn with Pillow in reportlab's Vera font
# --------------------------------------------------------------------------------------------------

def text_image(lines: Sequence[str], dpi: int = 200, size_pt: float = 11, columns: Sequence[Sequence[str]] = (),
               width_in: float = 6.0, angle: float = 0.0):
    """A greyscale PIL image of `lines` (one column), or of `columns` side by side, as a scanner at `dpi` sees
    text of `size_pt` points; `angle` turns the page (degrees, counter-clockwise)."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 72
    font = ImageFont.truetype(vera_ttf(), round(size_pt * px))
    blocks = list(columns) or [lines]
    step = round(size_pt * 1.5 * px)
    height = int(step * (max(map(len, blocks)) + 2))
    image = Image.new("L", (int(width_in * dpi), height), 255)
    draw = ImageDraw.Draw(image)
    column_width = image.width // len(blocks)
    for c, block in enumerate(blocks):
        for i, line in enumerate(block):
            draw.text((int(0.3 * dpi) + c * column_width, step * (i + 1)), line, fill=0, font=font)
    return image.rotate(angle, expand=True, fillcolor=255) if angle else image


def image_bytes(image, fmt: str = "PNG", dpi: int | None = 200, **options) -> bytes:
    """`image` saved as `fmt` (PNG, JPEG, TIFF, PDF), stating `dpi` where given."""
    buf = io.BytesIO()
    if fmt == "PDF":
        options.setdefault("resolution", dpi or 72)
    elif dpi:
        options["dpi"] = (dpi, dpi)
    image.save(buf, fmt, **options)
    return buf.getvalue()


def scanned_pdf(images: Sequence) -> bytes:
    """A PDF whose pages are only `images` (no text layer), as a scanner writes it."""
    first, *rest = images
    return image_bytes(first, "PDF", save_all=True, append_images=list(rest))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares `width` x `height` pixels and holds none of them (what a decompression bomb claims)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IEND", b""))


# --------------------------------------------------------------------------------------------------
# Legacy Word (.doc): a Word 97 file written from scratch (a compound file holding a FIB and one text piece)
# --------------------------------------------------------------------------------------------------

def word97_doc(blocks: Sequence, encrypted: bool = False, fast_saved: bool = False) -> bytes:
    """A Word 97-2003 .doc. `blocks`: paragraphs (str) and tables (a list of rows, each a list of cell texts).

    What a reader needs of the format and no more (MS-DOC): the text as one UTF-16 piece in the WordDocument
    stream, the piece table (Clx) in the 1Table stream, and the FIB that points at both; no style sheet, fonts
    or formatting. LibreOffice and catdoc open it. A table's cells end in cell marks but carry no table
    properties: catdoc gives each row as a line of tab-separated cells, as it does for Word's own tables, while
    LibreOffice shows the cells run together. `encrypted` and `fast_saved` set those FIB flags (the text stays
    plain: the flags are what readers look at first).
    """
    import struct

    text = ""
    for block in blocks:
        if isinstance(block, str):
            text += block + "\r"  # a paragraph mark ends every paragraph
        else:
            for row in block:
                text += "".join(cell + "\x07" for cell in row) + "\x07"  # cell marks, then the row's own mark
    body = text.encode("utf-16-le")
    fib_size = 1024
    word = bytearray(fib_size) + body
    flags = 0x0200 | 0x1000 | (0x0100 if encrypted else 0) | (0x0004 if fast_saved else 0)  # 1Table, fExtChar
    struct.pack_into("<HHHHHHH", word, 0, 0xA5EC, 0x00C1, 0, 0x0409, 0, flags, 0x00BF)  # wIdent, nFib, lid, ...
    struct.pack_into("<II", word, 24, fib_size, fib_size + len(body))  # fcMin, fcMac: where older readers look
    struct.pack_into("<H", word, 32, 14)  # csw: 14 16-bit values follow
    struct.pack_into("<H", word, 62, 22)  # cslw: 22 32-bit values follow
    struct.pack_into("<ii", word, 64, len(word), 0)  # cbMac
    struct.pack_into("<i", word, 64 + 3 * 4, len(text))  # ccpText: characters in the main document
    struct.pack_into("<H", word, 152, 0x5D)  # cbRgFcLcb: 93 (fc, lcb) pairs, as Word 97 writes
    clx = b"\x02" + struct.pack("<I", 16) + struct.pack("<II", 0, len(text)) + struct.pack("<HIH", 0, fib_size, 0)
    struct.pack_into("<II", word, 154 + 33 * 8, 0, len(clx))  # fcClx, lcbClx: the piece table
    return compound_file({"WordDocument": bytes(word), "1Table": clx})


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file (MS-CFB version 3, 512-byte sectors) with `streams` in its root storage.

    Each stream is padded to at least 4096 bytes, so none goes into the mini stream and one FAT is enough.
    """
    import struct

    sector, end, free, fat_mark = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = list(streams)
    bodies = []
    for name in names:
        data = streams[name]
        bodies.append(data.ljust(max(4096, -(-len(data) // sector) * sector), b"\0"))
    dir_sectors = -(-(len(names) + 1) * 128 // sector)
    data_sectors = sum(len(b) // sector for b in bodies)
    fat_sectors = 1
    while fat_sectors + dir_sectors + data_sectors > fat_sectors * sector // 4:
        fat_sectors += 1
    fat = [fat_mark] * fat_sectors

    def chain(count: int) -> int:
        start = len(fat)
        fat.extend(list(range(start + 1, start + count)) + [end])
        return start

    dir_start = chain(dir_sectors)
    starts = [chain(len(b) // sector) for b in bodies]
    fat.extend([free] * (fat_sectors * sector // 4 - len(fat)))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, free, right, child) + b"\0" * 36
                + struct.pack("<IQ", start, size))

    # Siblings form a tree ordered by name length, then name: here a chain of right siblings in that order.
    order = sorted(range(len(names)), key=lambda i: (len(names[i]), names[i].upper()))
    directory = entry("Root Entry", 5, free, order[0] + 1, end, 0)
    for i, name in enumerate(names):
        after = order.index(i) + 1
        directory += entry(name, 2, order[after] + 1 if after < len(order) else free, free, starts[i], len(bodies[i]))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<9I", 0, fat_sectors, dir_start, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", *(list(range(fat_sectors)) + [free] * (109 - fat_sectors))))
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory.ljust(dir_sectors * sector, b"\0") + b"".join(bodies)


# --------------------------------------------------------------------------------------------------
# RTF and OpenDocument text
# --------------------------------------------------------------------------------------------------

def rtf_document(header: str = "Anna de Vries - CV") -> bytes:
    """An RTF CV as word processors write it: a header, paragraphs with cp1252 and \\u escapes, a 2x2 table."""
    return (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}"
        r"{\header\pard\plain " + header + r"\par}"
        r"\pard\plain\f0\fs22 Werkervaring\par "
        r"Data-analist bij Acme: wekelijkse rapportages in SQL, caf\'e9 \u8364? 2.500\par "
        r"\trowd\cellx3000\cellx6000 \pard\intbl Vaardigheid\cell Niveau\cell\row "
        r"\trowd\cellx3000\cellx6000 \pard\intbl Python\cell Expert\cell\row "
        r"\pard Opleiding\par MSc Informatica, Universiteit Utrecht\par}"
    ).encode("ascii")


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
ODT_BODY = (
    '<text:h text:outline-level="1">Werkervaring</text:h>'
    '<text:p>Data-analist bij <text:span>Acme</text:span>:<text:s text:c="2"/>rapportages in SQL'
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    '<text:note-body><text:p>Voltijds.</text:p></text:note-body></text:note>.</text:p>'
    '<table:table><table:table-row><table:table-cell><text:p>Vaardigheid</text:p></table:table-cell>'
    '<table:table-cell><text:p>Niveau</text:p></table:table-cell></table:table-row>'
    '<table:table-row><table:table-cell><text:p>Python</text:p></table:table-cell>'
    '<table:table-cell><text:p>Expert</text:p></table:table-cell></table:table-row></table:table>'
    '<text:list><text:list-item><text:p>Teamspeler<office:annotation><dc:creator>HR</dc:creator>'
    '<text:p>navragen</text:p></office:annotation></text:p></text:list-item></text:list>'
    '<text:p><draw:frame><svg:title>logo</svg:title><draw:text-box><text:p>Rijbewijs B</text:p>'
    '</draw:text-box></draw:frame>Opleiding</text:p>'
    '<text:p>MSc Informatica<text:tab/>Universiteit Utrecht</text:p>'
)


def odt_document(body: str = ODT_BODY, header: str = "Anna de Vries - CV", mimetype: str = "text",
                 extra: dict[str, bytes] | None = None, doctype: bool = False, encrypted: bool = False) -> bytes:
    """An OpenDocument text file as LibreOffice lays it out: `mimetype` first and stored, then content.xml
    (`body` inside office:text), styles.xml with a page header, and the manifest (which, when `encrypted`,
    says content.xml is encrypted, as a password-protected document's does; its content stays plain here)."""
    declaration = '<!DOCTYPE x [<!ENTITY e "E">]>' if doctype else ""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{declaration}'
               f'<office:document-content {ODF_NAMESPACES} office:version="1.3"><office:body><office:text>'
               f'{body}</office:text></office:body></office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NAMESPACES}><office:master-styles>'
              f'<style:master-page style:name="Standard"><style:header><text:p>{header}</text:p></style:header>'
              f'</style:master-page></office:master-styles></office:document-styles>')
    entries = [("/", f"application/vnd.oasis.opendocument.{mimetype}"), ("content.xml", "text/xml"),
               ("styles.xml", "text/xml"), *((name, "") for name in extra or {})]
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                + "".join(f'<manifest:file-entry manifest:full-path="{path}" manifest:media-type="{kind}">'
                          + ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
                             if encrypted and path == "content.xml" else "") + '</manifest:file-entry>'
                          for path, kind in entries) + '</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{mimetype}",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
        z.writestr("META-INF/manifest.xml", manifest)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()
