"""DOCX: paragraphs, tables, headers and text boxes in document order (python-docx)."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from pipeline.errors import ReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes of XML we are willing to parse
MAX_RATIO = 200  # compression ratio above which a member is treated as a zip bomb


def check_archive(data: bytes) -> None:
    """Refuse zip bombs and DOCTYPE-bearing XML before python-docx reads the archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError("malformed", f"not a valid DOCX (zip) archive: {exc}") from None
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        if "EncryptedPackage" in names:
            raise ReadError("encrypted", "password-protected document")
        raise ReadError("malformed", "zip archive without word/document.xml (not a DOCX)")
    total = 0
    for m in members:
        total += m.file_size
        if m.compress_size and m.file_size / m.compress_size > MAX_RATIO and m.file_size > 10_000_000:
            raise ReadError("too_large", f"{m.filename} inflates {m.file_size // m.compress_size}x (zip bomb)")
    if total > MAX_UNCOMPRESSED:
        raise ReadError("too_large", f"archive inflates to {total // 2**20} MiB")
    try:
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                with archive.open(name) as fh:
                    tail = b""
                    while chunk := fh.read(1 << 20):
                        if b"<!DOCTYPE" in tail + chunk or b"<!ENTITY" in tail + chunk:
                            raise ReadError("malformed", f"DOCTYPE/ENTITY declaration in {name} is refused")
                        tail = chunk[-16:]
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError("malformed", f"damaged DOCX archive: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None


def _own_text(paragraph, qn) -> str:
    """Text of one w:p without the text of paragraphs nested in it (text boxes are read on their own); a line
    break inside it (Shift+Enter, w:br or w:cr) is a line break, not nothing ("boekhouding" / "Accountantskantoor")."""
    p_tag, t_tag, tab_tag, br_tags = qn("w:p"), qn("w:t"), qn("w:tab"), (qn("w:br"), qn("w:cr"))
    parts = []
    for node in paragraph.iter(t_tag, tab_tag, *br_tags):
        owner = next(a for a in node.iterancestors() if a.tag == p_tag)
        if owner is paragraph:
            parts.append(" " if node.tag == tab_tag else "\n" if node.tag in br_tags else (node.text or ""))
    return "".join(parts)


MAX_CELL_WORDS = 12  # a longer cell is a paragraph of a layout table (a job's tasks), not a value


def _data_row(row, qn) -> list[str] | None:
    """The cells of a table row that holds data ("Python | 5 jaar | Expert", "Docker and Kubernetes | Nice to
    have"): one line, cells apart by tabs as the .doc and RTF readers give them. None for a row of a layout
    table (a cell holds several paragraphs, a long one or a table: a CV's columns), whose paragraphs stay lines
    of their own. Cells inside a content control (w:sdt) count too."""
    if next(row.iter(qn("w:tbl")), None) is not None:
        return None
    cells = []
    for cell in row.iter(qn("w:tc")):
        texts = [t for t in (_own_text(p, qn).strip() for p in cell.iter(qn("w:p"))) if t]
        if len(texts) > 1 or any("\n" in t or len(t.split()) > MAX_CELL_WORDS for t in texts):
            return None
        cells.append(texts[0] if texts else "")
    return cells if sum(1 for c in cells if c) > 1 else None


def read_docx(data: bytes) -> str:
    """Text of a DOCX: page headers first, then the body with tables and text boxes in order."""
    check_archive(data)
    try:
        import docx
        from docx.oxml.ns import qn

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        seen_headers: set[str] = set()
        for section in document.sections:
            for header in (section.header, section.first_page_header):
                if header is not None and not header.is_linked_to_previous:
                    text = "\n".join(p.text for p in header.paragraphs if p.text.strip())
                    if text and text not in seen_headers:
                        seen_headers.add(text)
                        lines.append(text)
        fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
        row_tag = qn("w:tr")
        done: set[Any] = set()  # the paragraphs of rows read as one line
        for element in document.element.body.iter(qn("w:p"), row_tag):
            if element in done or any(ancestor.tag == fallback for ancestor in element.iterancestors()):
                continue  # text boxes appear twice: as the drawing (Choice) and as VML (Fallback)
            if element.tag == row_tag:
                cells = _data_row(element, qn)
                if cells is None:
                    lines.append("")  # a layout table's row starts a new line block
                else:
                    lines.append("\t".join(cells))
                    done.update(element.iter(qn("w:p")))
                continue
            lines.append(_own_text(element, qn).strip())
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("resource_limit", "the DOCX needs more memory than allowed") from None
    except Exception as exc:  # python-docx and lxml raise many types on damaged files
        raise ReadError("malformed", f"cannot parse DOCX: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
