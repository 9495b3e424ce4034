"""PDF engines: each turns PDF bytes into the words of every page, or raises ReadError.

An engine returns `(pages, has_graphics)`: `pages` holds `(words, width)` per page, each word a dict
{"text", "x0", "x1", "top", "bottom"} in points with the origin at the page's top left (pdfplumber's
coordinates); `has_graphics` says, for a PDF without any text, whether it has images or drawings.

- pdfplumber: the reference (pdfminer.six, pure Python, a few pages a second).
- pdfium: pypdfium2's native text layer, made into the same words (pipeline.readers.pdfium_text).
"""

from __future__ import annotations

import io
import logging
import threading

from pipeline.errors import ReadError

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # damaged files log warnings per object: not ours to print
PDFIUM_LOCK = threading.Lock()  # pdfium is not thread-safe; an Extractor may be shared by threads

Pages = list[tuple[list[dict], float]]


def check_page_count(count: int, max_pages: int) -> None:
    """ReadError for a PDF without pages or over the page cap."""
    if not count:
        raise ReadError("empty", "the PDF has no pages")
    if count > max_pages:
        raise ReadError("too_large", f"{count} pages (the limit is {max_pages})")


def has_text(pages: Pages) -> bool:
    """Whether any page has a word that is not blank."""
    return any(w["text"].strip() for words, _ in pages for w in words)


# --------------------------------------------------------------------------------------------------
# pdfplumber
# --------------------------------------------------------------------------------------------------

def pdfplumber_pages(data: bytes, max_pages: int) -> tuple[Pages, bool]:
    """Words per page from pdfplumber's extract_words."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            check_page_count(len(pdf.pages), max_pages)
            pages = [(page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False),
                      float(page.width)) for page in pdf.pages]
            graphics = not has_text(pages) and any(p.images or p.rects or p.curves or p.lines for p in pdf.pages)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("malformed", "PDF structure nests too deeply (RecursionError in the parser)") from None
    except Exception as exc:  # pdfminer raises bare TypeError/KeyError/ValueError on damaged files
        raise _pdfminer_error(exc) from None
    return pages, graphics


def _pdfminer_error(exc: Exception) -> ReadError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = _root_cause(exc)
    name = type(cause).__name__
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in name.lower():
        return ReadError("encrypted", "password-protected PDF: ask the sender for an unprotected copy")
    if isinstance(cause, MemoryError):
        return ReadError("resource_limit", "the PDF inflates beyond the memory limit (a decompression bomb?)")
    if isinstance(cause, RecursionError):
        return ReadError("malformed", "PDF structure nests too deeply (RecursionError in the parser)")
    detail = " ".join(str(cause).split())[:120]
    return ReadError("malformed", f"damaged PDF ({name}{': ' + detail if detail else ''})")


def _root_cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors (PdfminerException(original)); find the original."""
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__cause__
        if inner is None:
            break
        exc = inner
    return exc


# --------------------------------------------------------------------------------------------------
# pdfium
# --------------------------------------------------------------------------------------------------

def pdfium_pages(data: bytes, max_pages: int) -> tuple[Pages, bool]:
    """Words per page from pdfium's text layer (pypdfium2, pipeline.readers.pdfium_text)."""
    import pypdfium2 as pdfium

    from pipeline.readers.pdfium_text import has_graphics, page_words

    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            message = str(exc).lower()
            if "password" in message or "security" in message:
                raise ReadError("encrypted", "password-protected PDF: ask the sender for an unprotected copy") from None
            raise ReadError("malformed", f"damaged PDF ({_pdfium_detail(exc)})") from None
        try:
            check_page_count(len(pdf), max_pages)
            pages = each_page(pdf, page_words)
            if not pages:
                raise ReadError("malformed", "damaged PDF (pdfium cannot load any of its pages)")
            graphics = not has_text(pages) and any(each_page(pdf, has_graphics))
        except ReadError:
            raise
        except MemoryError:
            raise ReadError("resource_limit", "the PDF inflates beyond the memory limit (a decompression bomb?)") from None
        except Exception as exc:
            raise ReadError("malformed", f"damaged PDF ({type(exc).__name__}: {_pdfium_detail(exc)})") from None
        finally:
            pdf.close()
    return pages, graphics


def _pdfium_detail(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120]


def each_page(pdf, func) -> list:
    """func(page) for every page pdfium can load (a broken page tree can leave some unloadable, as
    pdfminer skips them too), closing each page afterwards."""
    import pypdfium2 as pdfium

    results = []
    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            continue
        try:
            results.append(func(page))
        finally:
            page.close()
    return results
