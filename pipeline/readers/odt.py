"""OpenDocument text (.odt, LibreOffice and others): page headers, paragraphs, lists, tables and text boxes
in document order, read from the zip's content.xml and styles.xml with the standard library.

The text comes out as the DOCX reader gives it: one line per paragraph or heading, a blank line before each
table row and each cell's paragraphs on lines of their own. Footnote marks, comments and tracked deletions
are left out. Zip bombs, encrypted documents and XML with a DOCTYPE are refused before parsing.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.etree import ElementTree

from pipeline.errors import ReadError

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes of XML we are willing to parse
MAX_RATIO = 200  # compression ratio above which a large member is treated as a zip bomb
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
PARAGRAPHS = {f"{{{TEXT}}}p", f"{{{TEXT}}}h"}
ROW = f"{{{TABLE}}}table-row"
# Not text of the document: footnote marks, comments, deleted text kept for change tracking, image titles.
SKIPPED = {f"{{{TEXT}}}note-citation", f"{{{OFFICE}}}annotation", f"{{{OFFICE}}}annotation-end",
           f"{{{TEXT}}}tracked-changes", f"{{{SVG}}}title", f"{{{SVG}}}desc"}
DECLARATION = re.compile(rb"<!DOCTYPE|<!ENTITY")


def read_odt(data: bytes) -> str:
    """Text of an OpenDocument text document: page headers first, then the body in order."""
    parts = _parts(data, ("content.xml", "styles.xml"))
    lines: list[str] = []
    if parts.get("styles.xml"):
        seen: set[str] = set()
        for page in _parse(parts["styles.xml"], "styles.xml").iter(f"{{{STYLE}}}master-page"):
            for child in page:
                if child.tag in (f"{{{STYLE}}}header", f"{{{STYLE}}}header-first"):
                    text = "\n".join(t for t in (_own_text(p).strip() for p in child.iter() if p.tag in PARAGRAPHS) if t)
                    if text and text not in seen:
                        seen.add(text)
                        lines.append(text)
    body = _parse(parts["content.xml"], "content.xml").find(f"{{{OFFICE}}}body")
    try:
        for element in _in_order(body) if body is not None else ():
            lines.append("" if element.tag == ROW else _own_text(element).strip())
    except RecursionError:
        raise ReadError("malformed", "content.xml nests too deeply") from None
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def _parts(data: bytes, names: tuple[str, ...]) -> dict[str, bytes]:
    """The named members of the archive, after refusing zip bombs, encryption and DOCTYPE declarations."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {m.filename: m for m in archive.infolist()}
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError("malformed", f"not a valid ODT (zip) archive: {exc}") from None
    if "content.xml" not in members:
        raise ReadError("malformed", "zip archive without content.xml (not an OpenDocument file)")
    total = sum(m.file_size for m in members.values())
    for m in members.values():
        if m.compress_size and m.file_size / m.compress_size > MAX_RATIO and m.file_size > 10_000_000:
            raise ReadError("too_large", f"{m.filename} inflates {m.file_size // m.compress_size}x (zip bomb)")
    if total > MAX_UNCOMPRESSED:
        raise ReadError("too_large", f"archive inflates to {total // 2**20} MiB")
    try:
        if "META-INF/manifest.xml" in members and b"encryption-data" in archive.read("META-INF/manifest.xml"):
            raise ReadError("encrypted", "password-protected document: ask the sender for an unprotected copy")
        parts = {name: archive.read(name) for name in names if name in members}
    except ReadError:
        raise
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ReadError("malformed", f"damaged ODT archive: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None
    for name, xml in parts.items():
        if DECLARATION.search(xml):
            raise ReadError("malformed", f"DOCTYPE/ENTITY declaration in {name} is refused")
    return parts


def _parse(xml: bytes, name: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ReadError("malformed", f"damaged {name}: {exc}") from None


def _in_order(root: ElementTree.Element):
    """Paragraphs, headings and table rows in document order, skipping what is not the document's text."""
    for child in root:
        if child.tag in SKIPPED:
            continue
        if child.tag in PARAGRAPHS or child.tag == ROW:
            yield child
        yield from _in_order(child)  # a paragraph holds text boxes with paragraphs of their own


def _own_text(paragraph: ElementTree.Element) -> str:
    """Text of one paragraph without the paragraphs nested in it (those are read on their own)."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        if child.tag not in SKIPPED and child.tag not in PARAGRAPHS:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _inline(element: ElementTree.Element) -> str:
    tag = element.tag
    if tag == f"{{{TEXT}}}s":
        count = element.get(f"{{{TEXT}}}c", "1")
        return " " * min(100, int(count) if count.isdigit() else 1)
    if tag == f"{{{TEXT}}}tab":
        return "\t"
    if tag == f"{{{TEXT}}}line-break":
        return "\n"
    if tag.endswith("}note-body") or tag.endswith("}text-box"):
        return ""  # their paragraphs are read on their own, after this one
    return _own_text(element)
