"""Readers turn a file (path or bytes) into text. One module per format; `read` picks by content.

Every failure is a ReadError with one status from STATUSES and a one-line reason.
"""

from __future__ import annotations

import errno
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from pipeline.errors import ReadError
from pipeline.readers.ocr import OCR_MODES, OcrSpan
from pipeline.readers.text import utf16_without_bom

STATUSES = {
    "ok": "read and extracted",
    "empty": "the file holds no text at all",
    "no_text_layer": "a scan or image without a text layer that OCR could not read (OCR off or not installed)",
    "encrypted": "password-protected: ask the sender for an unprotected copy",
    "malformed": "the file is damaged or not what its extension says",
    "unsupported": "a format skillfit does not read",
    "too_large": "over the size, page or character cap",
    "timeout": "parsing took longer than the time limit",
    "resource_limit": "parsing used more memory than allowed, or the parser crashed",
    "not_found": "no such file",
}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".csv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
BINARY_SUFFIXES = {".pdf", ".docx", ".doc", ".odt", ".rtf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUPPORTED = BINARY_SUFFIXES | IMAGE_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF (both byte orders)
ODF_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument."  # an ODF zip's first member, stored uncompressed


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


class Read(NamedTuple):
    """A document read to text, and the stretches of that text that OCR read (none for most documents)."""

    text: str
    ocr: tuple[OcrSpan, ...] = ()


HTML_PROLOGUE = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,400}?-->\s*)*", re.S)


def sniff(data: bytes, suffix: str) -> str:
    """The format of `data` from its content (leading bytes; for a zip or OLE file, the names of its parts),
    falling back to the file extension only to tell HTML from plain text."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if data[30:30 + len(ODF_MIMETYPE)] == ODF_MIMETYPE:
            return "odt" if data[30 + len(ODF_MIMETYPE):].startswith(b"text") else "odf"
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: its directory names the streams
        if _utf16("EncryptedPackage") in data:
            return "encrypted-ooxml"
        return "doc" if _utf16("WordDocument") in data else "ole"
    if data.startswith(IMAGE_MAGIC):
        return "image"
    if head.startswith(b"{\\rtf") or head.startswith(b"\xef\xbb\xbf{\\rtf"):
        return "rtf"
    # past a byte-order mark, an XML declaration and comments, as Word's "web page" and XHTML may open
    lowered = HTML_PROLOGUE.sub(b"", head[:1024], count=1)[:200].lower()
    if suffix in HTML_SUFFIXES or lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not utf16_without_bom(data):
        return "binary"
    return "text"


def read(data: bytes, name: str = "<bytes>", pdf_engine: str = "pdfium", ocr: str = "auto") -> Read:
    """Text of a document given as bytes, and what of it OCR read; `name` gives the extension and appears in
    errors. `pdf_engine`: "pdfium" (fast) or "pdfplumber" (slower, the reference parser). `ocr`: "auto" reads
    scanned pages and images with OCR where Tesseract is installed, "always" every PDF page too, "never" nothing."""
    suffix = Path(name).suffix.lower()
    if ocr not in OCR_MODES:
        raise ValueError(f"unknown OCR mode {ocr!r} (choose from {', '.join(OCR_MODES)})")
    if not data.replace(b"\xef\xbb\xbf", b"").strip():
        raise ReadError("empty", "the file is empty")
    fmt = sniff(data, suffix)
    # a .pdf that is plain text is damaged or mislabelled; reading it as text would hide that from the sender. A .doc
    # of HTML is Word's own "web page" and what ATS "download as Word" buttons give: read as the HTML it is.
    if suffix in BINARY_SUFFIXES | IMAGE_SUFFIXES and fmt in ("text", "html") and (suffix, fmt) != (".doc", "html"):
        raise ReadError("malformed", f"{fmt} content, not a {suffix[1:].upper()} file (extension {suffix})")
    if fmt == "image" and suffix in BINARY_SUFFIXES:
        raise ReadError("malformed", f"image content, not a {suffix[1:].upper()} file (extension {suffix})")
    spans: tuple[OcrSpan, ...] = ()
    if fmt == "pdf":
        from pipeline.readers.pdf import read_pdf_ocr
        text, spans = read_pdf_ocr(data, engine=pdf_engine, ocr=ocr)
    elif fmt == "docx":
        from pipeline.readers.docx import read_docx
        text = read_docx(data)
    elif fmt == "odt":
        from pipeline.readers.odt import read_odt
        text = read_odt(data)
    elif fmt == "doc":
        from pipeline.readers.doc import read_doc
        text = read_doc(data)
    elif fmt == "rtf":
        from pipeline.readers.rtf import read_rtf
        text = read_rtf(data)
    elif fmt == "image":
        if ocr == "never":
            raise ReadError("no_text_layer", "an image file, and OCR is off (--ocr never)")
        from pipeline.readers.ocr import read_image
        text, spans = read_image(data)
    elif fmt == "html":
        from pipeline.readers.html import read_html
        text = read_html(data)
    elif fmt == "encrypted-ooxml":
        raise ReadError("encrypted", "password-protected Office document: ask the sender for an unprotected copy")
    elif fmt in ("ole", "odf"):
        raise ReadError("malformed" if suffix in SUPPORTED else "unsupported",
                        "an Office or OpenDocument file that is not a text document (a spreadsheet or presentation?)")
    elif fmt == "binary":
        raise ReadError("malformed" if suffix in SUPPORTED else "unsupported",
                        f"binary content that is not a document or image skillfit reads (extension {suffix or 'none'})")
    else:
        from pipeline.readers.text import decode_text
        text = decode_text(data)
    if not text.replace("\ufeff", "").strip():
        raise ReadError("empty", "no text found in the file")
    return Read(text, spans)


def read_bytes(data: bytes, name: str = "<bytes>", pdf_engine: str = "pdfium", ocr: str = "auto") -> str:
    """Text of a document given as bytes; the arguments are as for `read`."""
    return read(data, name, pdf_engine, ocr).text


def fetch_bytes(fetch: Callable[[], bytes]) -> bytes:
    """The bytes `fetch()` returns (a local file, an fsspec URL), its OSError turned into a ReadError."""
    try:
        return fetch()
    except FileNotFoundError:
        raise ReadError("not_found", "no such file") from None
    except IsADirectoryError:
        raise ReadError("unsupported", "is a directory") from None
    except OSError as exc:
        raise ReadError("malformed", f"cannot read file: {exc.strerror or exc}") from None


def read_file(path: str | Path, pdf_engine: str = "pdfium", ocr: str = "auto") -> Read:
    """Text of the document at `path` and what of it OCR read; the arguments are as for `read`."""
    path = Path(path)
    special = not_a_regular_file(path)
    if special:
        raise ReadError("unsupported", special)
    return read(fetch_bytes(path.read_bytes), path.name, pdf_engine, ocr)


def not_a_regular_file(path: Path) -> str | None:
    """Why `path` is no file to read (a FIFO would block the reader for ever, a link loop has no end), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None  # reading says not_found
    except OSError as exc:
        return "a symbolic link loop" if exc.errno == errno.ELOOP else None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a link to a folder (not followed: it could loop)" if path.is_symlink() else "is a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "a device, not a file"


def read_path(path: str | Path, pdf_engine: str = "pdfium", ocr: str = "auto") -> str:
    """Text of the document at `path`; the arguments are as for `read`."""
    return read_file(path, pdf_engine, ocr).text
