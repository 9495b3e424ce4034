"""Readers turn a file (path or bytes) into text. One module per format; `read` picks by content.

Every failure is a ReadError with one status from STATUSES and a one-line reason.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ReadError

STATUSES = {
    "ok": "read and extracted",
    "empty": "the file holds no text at all",
    "no_text_layer": "a PDF without a text layer (a scan): run OCR first, e.g. ocrmypdf",
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
BINARY_SUFFIXES = {".pdf", ".docx"}
SUPPORTED = BINARY_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES


def sniff(data: bytes, suffix: str) -> str:
    """The format of `data` from its leading bytes, falling back to the file extension."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # legacy .doc / encrypted OOXML
    lowered = head[:200].lower()
    if suffix in HTML_SUFFIXES or lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def read_bytes(data: bytes, name: str = "<bytes>", pdf_engine: str = "pdfium") -> str:
    """Text of a document given as bytes; `name` gives the extension and appears in errors.
    `pdf_engine`: "pdfium" (fast) or "pdfplumber" (slower, the reference parser)."""
    suffix = Path(name).suffix.lower()
    if not data.replace(b"\xef\xbb\xbf", b"").strip():
        raise ReadError("empty", "the file is empty")
    fmt = sniff(data, suffix)
    if suffix in BINARY_SUFFIXES and fmt in ("text", "html"):
        # a .pdf that is plain text is damaged or mislabelled; reading it as text would hide that from the sender
        raise ReadError("malformed", f"{fmt} content, not a {suffix[1:].upper()} file (extension {suffix})")
    if fmt == "pdf":
        from pipeline.readers.pdf import read_pdf
        text = read_pdf(data, engine=pdf_engine)
    elif fmt == "docx":
        from pipeline.readers.docx import read_docx
        text = read_docx(data)
    elif fmt == "html":
        from pipeline.readers.html import read_html
        text = read_html(data)
    elif fmt == "ole":
        raise ReadError("unsupported", "legacy .doc or encrypted Office file: save it as .docx or PDF")
    elif fmt == "binary":
        raise ReadError("malformed" if suffix in SUPPORTED else "unsupported",
                        f"binary content that is not PDF or DOCX (extension {suffix or 'none'})")
    else:
        from pipeline.readers.text import decode_text
        text = decode_text(data)
    if not text.replace("\ufeff", "").strip():
        raise ReadError("empty", "no text found in the file")
    return text


def read_path(path: str | Path, pdf_engine: str = "pdfium") -> str:
    """Text of the document at `path`; `pdf_engine` as for read_bytes."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("not_found", "no such file") from None
    except IsADirectoryError:
        raise ReadError("unsupported", "is a directory") from None
    except OSError as exc:
        raise ReadError("malformed", f"cannot read file: {exc.strerror or exc}") from None
    return read_bytes(data, path.name, pdf_engine)
