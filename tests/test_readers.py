"""Readers: every supported format gives the text a user would see, and every failure has a status.

All documents are generated here (reportlab, python-docx, raw bytes); nothing is read from sample data.
"""

from __future__ import annotations

import codecs
import os
import random
import time

import pytest
from fixtures_gen import (
    MAIN_COLUMN,
    PNG_1X1,
    SIDEBAR,
    cv_docx,
    doctype_docx,
    image_only_pdf,
    pdf_lines,
    plain_zip,
    single_column_pdf,
    two_column_pdf,
    vera_ttf,
    zip_bomb_docx,
)

from pipeline.errors import ReadError
from pipeline.readers import STATUSES, read_bytes, read_path
from pipeline.readers.pdf import repair
from pipeline.rows import title_of


def read_error(data: bytes, name: str) -> ReadError:
    """The ReadError that reading `data` as file `name` raises (fails the test if it reads fine)."""
    with pytest.raises(ReadError) as info:
        read_bytes(data, name)
    assert info.value.status in STATUSES
    assert info.value.reason and "\n" not in info.value.reason
    return info.value


def nonblank_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------------

CV_TEXT = "Jana Novák\nSkills: Python, SQL en communicatievaardigheden\nLocatie: Zoë's café, € 45k\n"


def test_txt_utf8(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_bytes(CV_TEXT.encode("utf-8"))
    assert read_path(path) == CV_TEXT


def test_txt_utf8_bom_keeps_offsets_of_plain_utf8_decode():
    data = codecs.BOM_UTF8 + CV_TEXT.encode("utf-8")
    text = read_bytes(data, "cv.txt")
    content = data.decode("utf-8")  # the file's content as the extract contract defines it
    assert text == content
    start = text.index("Python")
    assert content[start:start + len("Python")] == "Python"


def test_txt_utf8_bom_mention_offsets_line_up(small_taxonomy):
    """End to end: a skill's start/end index the UTF-8 decoded file content, BOM included."""
    from pipeline import Extractor

    data = codecs.BOM_UTF8 + b"Jan\r\nSkills: Python, SQL\r\n"
    doc = Extractor().extract(data, name="cv.txt")
    content = data.decode("utf-8")
    found = {m.skill_id: content[m.start:m.end] for m in doc.mentions}
    assert found.get("hard.python") == "Python"
    assert found.get("hard.sql") == "SQL"
    assert all(content[m.start:m.end] == m.text for m in doc.mentions)


def test_txt_cp1252_accents_and_euro():
    text = "Zoë Maes\nCafé-ervaring, salaris € 2.500\n"
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # precondition: this really is not UTF-8
    assert read_bytes(data, "cv.txt") == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_txt_utf16_with_bom(encoding):
    text = "Zoë Maes\nPython en SQL, € 2.500\n"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    data = bom + text.encode(encoding)  # "utf-16" writes its own BOM
    assert data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    assert read_bytes(data, "cv.txt").lstrip("\ufeff") == text


@pytest.mark.parametrize("encoding", ["utf-32", "utf-16-le", "utf-16-be"])
def test_txt_utf32_with_bom_and_utf16_without_bom(encoding):
    """UTF-32 (always with a BOM here) and UTF-16 saved without one, found from its zero bytes (issue 19)."""
    text = "Zoë Maes\nPython en SQL, € 2.500\n"
    assert read_bytes(text.encode(encoding), "cv.txt").lstrip("\ufeff") == text


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-15"])
def test_html_meta_charset_is_honoured(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>Café, 2.500 € per maand</p></body></html>'
    assert "Café, 2.500 € per maand" in read_bytes(page.encode(charset), "vacature.html")


def test_txt_crlf_kept_unchanged(tmp_path):
    data = b"Jan\r\nSkills:\r\n- Python\r\n- SQL\r\n"
    (tmp_path / "cv.md").write_bytes(data)
    assert read_path(tmp_path / "cv.md") == data.decode("utf-8")



def test_txt_bom_only_file_is_empty():
    # Notepad saves an "empty" UTF-8 file as just the BOM.
    assert read_error(codecs.BOM_UTF8 + b"\r\n", "cv.txt").status == "empty"


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------

JOB_HTML = """<!DOCTYPE html>
<html lang="en"><head><title>TITLETEXT</title>
<style>body { font-family: STYLETEXT }</style>
<script>var tracking = "SCRIPTTEXT";</script>
</head><body>
<nav><a href="/">NAVTEXT Home</a> <a href="/jobs">Jobs</a></nav>
<div id="cookie-banner"><p>COOKIETEXT We use cookies</p><button>Accept</button></div>
<div class="consent-modal">CONSENTTEXT</div>
<main>
<h1>Data Engineer</h1>
<p>We offer a hybrid role in Utrecht.</p>
<h2>Requirements</h2>
<ul><li>Python</li><li>SQL and dbt</li><li>Communication skills</li></ul>
<p hidden>HIDDENATTR</p>
<div style="display: none">DISPLAYNONE</div>
<span aria-hidden="true">ARIAHIDDEN</span>
<noscript>NOSCRIPTTEXT</noscript>
<template>TEMPLATETEXT</template>
</main>
<aside><h2>ASIDETEXT Similar jobs</h2><ul><li>Warehouse operator with forklift licence</li></ul></aside>
<div role="complementary">ROLETEXT Share this job</div>
<footer>FOOTERTEXT &copy; Acme</footer>
<script type="application/ld+json">{"title": "JSONLDTEXT"}</script>
</body></html>"""


def test_html_visible_text_only(tmp_path):
    path = tmp_path / "job.html"
    path.write_text(JOB_HTML, encoding="utf-8")
    text = read_path(path)
    for invisible in ["TITLETEXT", "STYLETEXT", "SCRIPTTEXT", "NAVTEXT", "COOKIETEXT", "CONSENTTEXT",
                      "HIDDENATTR", "DISPLAYNONE", "ARIAHIDDEN", "NOSCRIPTTEXT", "TEMPLATETEXT", "FOOTERTEXT",
                      "JSONLDTEXT", "ASIDETEXT", "forklift", "ROLETEXT", "<", "tracking"]:
        assert invisible not in text
    lines = nonblank_lines(text)
    assert lines == ["Data Engineer", "We offer a hybrid role in Utrecht.", "Requirements",
                     "- Python", "- SQL and dbt", "- Communication skills"]  # list items stay list items


def test_html_sniffed_without_extension_and_entities_decoded():
    html = b"<!doctype html><html><body><h1>R&amp;D engineer</h1><p>caf&eacute; &euro;</p></body></html>"
    assert nonblank_lines(read_bytes(html, "ad.txt")) == ["R&D engineer", "café €"]


def test_html_with_only_invisible_content_is_empty():
    html = b"<html><head><title>t</title></head><body><script>x()</script><nav>menu</nav></body></html>"
    assert read_error(html, "job.html").status == "empty"



def test_html_inline_elements_stay_on_their_line():
    html = b"<html><body><ul><li><b>Java</b> is a plus</li><li><strong>5 years</strong> of SQL</li></ul></body></html>"
    assert nonblank_lines(read_bytes(html, "job.html")) == ["- Java is a plus", "- 5 years of SQL"]


def test_html_list_items_and_line_breaks_are_no_headings(extractor):
    """Trial: "<li>Good Excel skills</li>" and "…<br>Strong communication skills<br>…" were read as headings (a
    line standing apart that says "skills"), and their skills were lost."""
    for body in (b"<ul><li>Experience with Jira</li><li>Good Excel skills</li><li>Strong communication skills</li></ul>",
                 b"<p>Experience with Jira<br>Good Excel skills<br>Strong communication skills</p>"):
        text = read_bytes(b"<html><body><h1>Scrum Master</h1><h2>Requirements</h2>" + body + b"</body></html>", "ad.html")
        found = {m.skill_id for m in extractor.extract(text, kind="vacancy").mentions}
        assert {"hard.microsoft_excel", "soft.communication"} <= found, (text, found)


def test_html_a_header_with_the_ads_heading_and_labelled_articles_stay():
    """Review: a linked title in <header> was dropped as a menu; an aria-label naming cookies dropped the ad."""
    html = (b"<html><body><header><h1><a href='/x'>Senior Data Engineer</a></h1></header>"
            b"<article aria-label='Vacature Cookie-bakkerij'><ul><li><p>Python</p></li></ul></article></body></html>")
    assert nonblank_lines(read_bytes(html, "ad.html")) == ["Senior Data Engineer", "- Python"]


def test_html_breadcrumbs_cookie_banners_and_menu_headers_are_no_text():
    html = (b"<html><body><header><a>Home</a> <a>Vacatures</a> <a>Contact</a></header>"
            b"<div class='breadcrumbs'>Home &gt; Vacatures &gt; Finance</div>"
            b"<div class='cc-window cc-banner'>We use marketing cookies.</div>"
            b"<h1>Financieel controller</h1></body></html>")
    assert nonblank_lines(read_bytes(html, "ad.html")) == ["Financieel controller"]


def test_html_hidden_by_class_or_visibility_is_no_text():
    """ATS trial: Bootstrap's d-none and "visibility:hidden" kept COBOL and SAP ABAP as requirements."""
    html = (b"<html><body><h1>Java developer</h1><p class='d-none'>COBOL</p><p class='card hidden'>Fortran</p>"
            b"<p style='visibility: hidden'>SAP ABAP</p></body></html>")
    assert nonblank_lines(read_bytes(html, "ad.html")) == ["Java developer"]


def test_html_hidden_only_on_small_screens_and_markdown_line_breaks_stay(extractor):
    """Review: Tailwind's "hidden md:block" and Bootstrap's "d-none d-md-block" show on a desktop; a Markdown CV
    with "<br>" line breaks is no HTML page ("List<String>" stays)."""
    html = (b"<html><body><h1>Java developer</h1><ul class='hidden md:block'><li>Spring Boot</li></ul>"
            b"<p class='d-none d-md-block'>Kafka</p></body></html>")
    assert nonblank_lines(read_bytes(html, "ad.html")) == ["Java developer", "- Spring Boot", "Kafka"]
    markdown = "Skills<br>" + "<br>".join(["Java", "List<String>, Map<K, V>"] + ["item"] * 10)
    assert extractor.extract(markdown, kind="cv").text == markdown
    # second review: a fragment that opens with words is HTML by its tags and entities; print-only is hidden
    fragment = "Wij zoeken een boekhouder.<br><strong>Profiel</strong><br>Kennis van Exact&nbsp;Online"
    assert "hard.exact_online" in {m.skill_id for m in extractor.extract(fragment, kind="vacancy").mentions}
    html = b"<html><body><h1>Java developer</h1><p class='d-none d-print-block'>COBOL</p></body></html>"
    assert nonblank_lines(read_bytes(html, "ad.html")) == ["Java developer"]


def test_a_record_whose_text_is_html_is_read_as_its_visible_text(extractor):
    """ATS trial: a website's vacancy in a JSONL record was read as plain text: markup became required skills
    ("DOCTYPE", "nbsp"), "Exact&nbsp;Online" two words, the footer's Excel a requirement."""
    html = ("<p>Wij zoeken een <strong>Boekhouder</strong>.</p><h3>Jouw profiel</h3><ul><li>Kennis van "
            "Exact&nbsp;Online</li><li>Rijbewijs B</li></ul><footer>Privacy · Excel</footer><script>Python()</script>")
    doc = extractor.extract(html, kind="vacancy")
    assert "<" not in doc.text and title_of(doc) == "Boekhouder"
    assert [(m.skill_id, m.requirement) for m in doc.mentions] == [("hard.exact_online", "required"),
                                                                   ("cert.driving_licence_b", "required")]
    plain = "Ervaring met <Python> en SQL.\nLine<br>two"  # a CV's stray brackets are no page
    assert extractor.extract(plain, kind="cv").text == plain


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------

def test_docx_paragraphs_table_header_in_order(tmp_path):
    path = tmp_path / "cv.docx"
    path.write_bytes(cv_docx(header="Jane Doe - Curriculum Vitae"))
    lines = nonblank_lines(read_path(path))
    for expected in ["Jane Doe - Curriculum Vitae", "Work experience",
                     "Data analyst at Acme, building weekly SQL reports.", "Skill\tLevel", "Python\tExpert",
                     "Education", "MSc Computer Science, Utrecht University"]:
        assert expected in lines  # a table row of data is one line, its cells apart by tabs (as .doc and RTF)
    pos = {line: i for i, line in enumerate(lines)}
    assert pos["Jane Doe - Curriculum Vitae"] < pos["Work experience"]  # the page header comes first
    assert pos["Work experience"] < pos["Data analyst at Acme, building weekly SQL reports."]
    assert pos["Data analyst at Acme, building weekly SQL reports."] < pos["Skill\tLevel"] < pos["Python\tExpert"]
    assert pos["Python\tExpert"] < pos["Education"] < pos["MSc Computer Science, Utrecht University"]


# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------

def test_pdf_single_column_in_order():
    lines = ["Jane Doe", "Data engineer in Utrecht", "Work experience",
             "Acme Retail: nightly batch platform", "Initech: weekly sales reports", "Education",
             "MSc Computer Science"]
    assert nonblank_lines(read_bytes(single_column_pdf(lines), "cv.pdf")) == lines


def test_pdf_pages_in_order():
    data = pdf_lines([[(72, 700, "First page about Python")], [(72, 700, "Second page about SQL")]])
    assert nonblank_lines(read_bytes(data, "cv.pdf")) == ["First page about Python", "Second page about SQL"]


def test_pdf_two_columns_read_column_by_column():
    left_words = {w for line in SIDEBAR for w in line.split()}
    right_words = {w for line in MAIN_COLUMN for w in line.split()}
    assert not left_words & right_words  # precondition: each word tells its column

    lines = nonblank_lines(read_bytes(two_column_pdf(), "cv.pdf"))

    for line in lines:  # no line mixes the sidebar with the main column
        words = set(line.split())
        assert words <= left_words or words <= (right_words | {"communicatievaardigheden"}), line
    assert lines[:len(SIDEBAR)] == SIDEBAR  # the whole sidebar, in order, before any of the main column
    main = lines[len(SIDEBAR):]
    assert main[0] == "Profile"
    assert main.index("Experience") < main.index("the nightly batch platform and its monitoring setup.")
    assert len(lines) == len(SIDEBAR) + len(MAIN_COLUMN) - 1  # the hyphenated pair became one line


def test_pdf_hyphenation_across_line_end_joined():
    text = read_bytes(two_column_pdf(), "cv.pdf")
    assert "communicatievaardigheden" in text
    assert "communica-" not in text
    single = read_bytes(single_column_pdf(["Sterke schriftelijke communica-", "tievaardigheden en Python"]),
                        "cv.pdf")
    assert "communicatievaardigheden en Python" in single


def test_pdf_ligature_becomes_plain_letters():
    data = single_column_pdf(["Certi\ufb01ed pro\ufb01le, of\ufb01ce \ufb02ow"], ttf=vera_ttf())
    text = read_bytes(data, "cv.pdf")
    assert "Certified profile, office flow" in text
    assert not any(0xFB00 <= ord(ch) <= 0xFB06 for ch in text)


def test_repair_ligatures_and_hyphenation():
    assert repair("e\ufb00ective \ufb01nance \ufb02ow o\ufb03ce wa\ufb04e") == "effective finance flow office waffle"
    assert repair("communica-\ntievaardigheden") == "communicatievaardigheden"
    assert repair("communica\u00ad\ntievaardigheden") == "communicatievaardigheden"
    assert repair("Skills:\n- Python\n- SQL") == "Skills:\n- Python\n- SQL"  # list dashes are not hyphens


# --------------------------------------------------------------------------------------------------
# Errors: every unreadable file gets a status and a one-line reason
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["cv.txt", "cv.pdf", "cv.docx", "cv.html"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.status == "empty"


def test_whitespace_only_file_is_empty():
    assert read_error(b"  \r\n\t\n", "cv.txt").status == "empty"


def test_random_bytes_named_pdf_malformed():
    data = random.Random(7).randbytes(4096)
    assert read_error(data, "cv.pdf").status == "malformed"


@pytest.mark.parametrize("name", ["cv.pdf", "cv.docx"])
@pytest.mark.parametrize("data", [b"Jane Doe\nPython and SQL\n", b"<html><body>Python</body></html>"], ids=["text", "html"])
def test_text_named_pdf_or_docx_is_malformed_not_read_as_text(data, name):
    err = read_error(data, name)
    assert err.status == "malformed"
    assert name.rsplit(".", 1)[1] in err.reason.lower()


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_pdf_malformed(keep):
    data = single_column_pdf(["Jane Doe", "Python and SQL"])
    assert read_error(data[:int(len(data) * keep)], "cv.pdf").status == "malformed"


def test_encrypted_pdf():
    data = single_column_pdf(["Jane Doe", "Python and SQL"], encrypt="secret")
    assert read_error(data, "cv.pdf").status == "encrypted"


def test_image_only_pdf_no_text_layer():
    err = read_error(image_only_pdf(), "scan.pdf")
    assert err.status == "no_text_layer"
    assert "ocr" in err.reason.lower()


def test_pdf_over_page_cap_too_large():
    data = pdf_lines([[(72, 700, f"page {i}")] for i in range(51)])
    assert read_error(data, "cv.pdf").status == "too_large"


@pytest.mark.parametrize("data", [PNG_1X1, plain_zip({"hello.txt": b"hi", "img.png": PNG_1X1})],
                         ids=["png", "zip"])
def test_not_a_docx_renamed_docx_malformed(tmp_path, data):
    path = tmp_path / "cv.docx"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_path(path)
    assert info.value.status == "malformed"


def test_missing_path_not_found(tmp_path):
    with pytest.raises(ReadError) as info:
        read_path(tmp_path / "nope" / "cv.pdf")
    assert info.value.status == "not_found"


def test_zip_bomb_docx_too_large_quickly():
    data = zip_bomb_docx(padding_mib=60)
    assert len(data) < 2 * 2**20  # precondition: a small file that inflates to > 50 MB
    started = time.perf_counter()
    err = read_error(data, "cv.docx")
    assert err.status == "too_large"
    assert time.perf_counter() - started < 2.0


def test_docx_with_doctype_malformed():
    assert read_error(doctype_docx(), "cv.docx").status == "malformed"



def test_docx_with_doctype_after_long_comment_malformed():
    data = doctype_docx(prefix=b"<!--" + b" " * 4000 + b"-->\n")
    assert read_error(data, "cv.docx").status == "malformed"


def test_docx_external_entity_never_resolved():
    """Even where the DOCTYPE check is bypassed, no local file content leaks into the text."""
    secret = "/etc/hostname" if os.path.exists("/etc/hostname") else "/etc/passwd"
    data = doctype_docx(prefix=b"<!--" + b" " * 4000 + b"-->\n",
                        entity=b'<!ENTITY boom SYSTEM "file://' + secret.encode() + b'">')
    try:
        text = read_bytes(data, "cv.docx")
    except ReadError as exc:
        assert exc.status == "malformed"
        return
    leaked = open(secret, encoding="utf-8", errors="replace").read().strip()
    assert not leaked or leaked.splitlines()[0] not in text


def test_docx_line_breaks_inside_a_paragraph_are_line_breaks(tmp_path):
    """Shift+Enter in Word (w:br) separates lines inside one paragraph: a Europass CV read as
    "boekhoudingAccountantskantoor" lost its job title and glued words (a new-user trial)."""
    import io

    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    run = d.add_paragraph().add_run("Administratief medewerker boekhouding")
    run.add_break(WD_BREAK.LINE)
    run.add_text("Accountantskantoor Peeters")
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "europass.docx"
    path.write_bytes(buf.getvalue())
    assert ["Administratief medewerker boekhouding", "Accountantskantoor Peeters"] == nonblank_lines(read_path(path))


def test_the_librarys_read_error_names_the_file(tmp_path):
    """An ATS catching ReadError logs str(exc): it names the file, not only the reason."""
    from pathlib import Path

    from pipeline import Extractor
    from pipeline.errors import ReadError

    bad = tmp_path / "anna.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    try:
        Extractor().extract(Path(bad))
    except ReadError as exc:
        assert str(exc).startswith(f"{bad}: {exc.status}: ")
    else:
        raise AssertionError("a broken PDF was read")


def test_docx_data_rows_are_one_line_layout_tables_keep_their_paragraphs(tmp_path, extractor):
    """Trial: each cell was a line of its own after a blank line, so "Docker and Kubernetes | Nice to have" made
    "Nice to have" a heading one row late; a CV's "Python | 5 jaar | Expert" lost its years."""
    import docx

    document = docx.Document()
    document.add_paragraph("Data Engineer")
    document.add_paragraph("What we ask")
    table = document.add_table(rows=0, cols=2)
    for requirement, priority in (("Requirement", "Priority"), ("Experience with Python", "Must have"),
                                  ("Docker and Kubernetes", "Nice to have")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = requirement, priority
    document.add_paragraph("You are fluent in English.")
    layout = document.add_table(rows=1, cols=2)  # a CV template's two columns: paragraphs stay lines
    layout.rows[0].cells[0].text = "Skills"
    layout.rows[0].cells[0].add_paragraph("SQL")
    layout.rows[0].cells[1].text = "Experience"
    path = tmp_path / "ad.docx"
    document.save(str(path))
    text = read_path(path)
    assert "Docker and Kubernetes\tNice to have" in text and "\nSkills\nSQL\n" in text
    asked = {m.skill_id: m.requirement for m in extractor.extract(text, kind="vacancy").mentions}
    assert asked["hard.python"] == "required" and asked["lang.english"] == "required"
    assert asked["hard.docker"] == asked["hard.kubernetes"] == "preferred"


def test_docx_a_row_headed_by_a_section_name_opens_that_section(tmp_path, extractor):
    """Review: a CV template of label and value cells ("Hobby's | Koken") lost its sections as tab rows."""
    import docx

    document = docx.Document()
    document.add_paragraph("Sanne Peeters")
    table = document.add_table(rows=0, cols=2)
    for label, value in (("Vaardigheden", "Exact Online, Excel, Twinfield"), ("Hobby's", "Koken, wielrennen")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    path = tmp_path / "cv.docx"
    document.save(str(path))
    doc = extractor.extract(read_path(path), kind="cv")
    assert [(s.kind, s.heading) for s in doc.sections][-2:] == [("skills", "Vaardigheden"), ("hobbies", "Hobby's")]
    assert {m.text for m in doc.mentions if m.section == "skills"} == {"Exact Online", "Excel", "Twinfield"}


def test_a_json_record_file_whose_html_shows_nothing_is_empty(extractor, tmp_path):
    """Second review: as an .html file that shows nothing, and as such a record on stdin."""
    path = tmp_path / "ad.json"
    path.write_text('{"text": "<html><body><script>Python()</script><nav>Menu</nav></body></html>", "kind": "vacancy"}',
                    encoding="utf-8")
    with pytest.raises(ReadError) as info:
        extractor.extract(path)
    assert info.value.status == "empty"
