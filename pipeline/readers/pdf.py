"""PDF text with column-aware reading order, hyphenation and ligature repair.

Two engines turn a PDF into words per page (pipeline.readers.pdf_engines): "pdfium" (fast, the
default) and "pdfplumber" (slower, the reference). The layout below works on plain word dicts
{"text", "x0", "x1", "top", "bottom"} (points, origin top-left), whichever engine made them, and
OCR's words (pipeline.readers.ocr) for pages without a text layer go through it as well.
"""

from __future__ import annotations

import math
import re
from statistics import median

from pipeline.errors import ReadError
from pipeline.readers.ocr import OCR_MODES, OcrSpan

MAX_PAGES = 50
ENGINES = ("pdfium", "pdfplumber")
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"})
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))  # invisible; pdfium drops most of them
MAX_WIDTH = 14_400.0  # the widest page PDF allows (200 inches): bounds find_gutter's work
# A word broken at a line end: "communica-\ntievaardigheden" -> "communicatievaardigheden".
HYPHENATED = re.compile(r"(\w)[-\u00ad]\n(?=[a-zà-ÿ])")
MIN_GUTTER = 12.0  # points of empty space that separate two columns


def read_pdf(data: bytes, max_pages: int = MAX_PAGES, engine: str = "pdfium", ocr: str = "never") -> str:
    """Text of a PDF, reading multi-column pages column by column; `engine` is one of ENGINES, `ocr` one of
    OCR_MODES (see read_pdf_ocr)."""
    return read_pdf_ocr(data, max_pages, engine, ocr)[0]


def read_pdf_ocr(data: bytes, max_pages: int = MAX_PAGES, engine: str = "pdfium",
                 ocr: str = "auto") -> tuple[str, tuple[OcrSpan, ...]]:
    """Text of a PDF and the stretches of it that OCR read. `ocr`: "auto" reads pages without a text layer
    with OCR where Tesseract is installed, "always" every page (for a text layer that is garbage), "never" none."""
    from pipeline.readers import pdf_engines

    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r} (choose from {', '.join(ENGINES)})")
    if ocr not in OCR_MODES:
        raise ValueError(f"unknown OCR mode {ocr!r} (choose from {', '.join(OCR_MODES)})")
    read_pages = pdf_engines.pdfium_pages if engine == "pdfium" else pdf_engines.pdfplumber_pages
    pages, has_graphics = read_pages(data, max_pages)
    texts = [repair(page_text(words, width)) for words, width in pages]
    if not any(t.strip() for t in texts) and not has_graphics:
        raise ReadError("empty", "the PDF has neither text nor images or drawings")
    todo = [i for i, t in enumerate(texts) if ocr == "always" or (ocr == "auto" and not t.strip())]
    if not todo:
        if not any(t.strip() for t in texts):
            raise ReadError("no_text_layer", "no text layer (scanned image?), and OCR is off (--ocr never)")
        return "\n\n".join(t for t in texts if t.strip()), ()
    from pipeline.readers import ocr as tesseract

    why = tesseract.unavailable()
    if why is not None:
        if not any(t.strip() for t in texts):
            raise ReadError("no_text_layer", f"no text layer (scanned image?), and {why}")
        return "\n\n".join(t for t in texts if t.strip()), ()  # what the text layer has; the scanned pages are lost
    confidences = {}
    for index, (image, dpi) in zip(todo, tesseract.render_pdf_pages(data, todo, pdf_engines.PDFIUM_LOCK)):
        page = tesseract.read_page(image, dpi)
        read = repair(page_text(page.words, page.width))
        if read.strip():  # where OCR finds nothing (--ocr always), the text layer's text stays
            texts[index], confidences[index] = read, page.confidence
    text, spans = tesseract.join_pages(texts, confidences)
    if not text.strip():
        raise ReadError("no_text_layer", "no text layer (scanned image?), and OCR found no text in its images")
    return text, spans


def repair(text: str) -> str:
    """Undo typesetting: ligature characters, zero-width characters and words hyphenated across line ends."""
    return HYPHENATED.sub(r"\1", text.translate(LIGATURES | ZERO_WIDTH))


def page_text(words: list[dict], width: float) -> str:
    """Text of one page from its words; two-column layouts come out left column first, then right."""
    words = [w for w in words if math.isfinite(w["x0"] + w["x1"] + w["top"] + w["bottom"])]
    if not words:
        return ""
    gutter = find_gutter(words, min(float(width), MAX_WIDTH))
    if gutter is None:
        return "\n".join(_lines(words))
    out: list[str] = []
    block: list[dict] = []
    for line in _group_lines(words):
        crosses = any(w["x0"] < gutter < w["x1"] for w in line)
        if crosses:  # a full-width line (name banner, footer) interrupts the columns
            out += _columns(block, gutter)
            block = []
            out.append(_join(line))
        else:
            block += line
    out += _columns(block, gutter)
    return "\n".join(out)


def find_gutter(words: list[dict], width: float) -> float | None:
    """The x of a vertical white band between two text columns, if the page has one."""
    lo, hi = int(width * 0.2), int(width * 0.8)
    if hi - lo < MIN_GUTTER:
        return None
    crossing = [0] * (int(width) + 2)
    for w in words:
        for x in range(max(lo, int(w["x0"])), min(hi, int(w["x1"]) + 1)):
            crossing[x] += 1
    allowed = max(1, len(words) // 100)  # a heading or two may run across the gutter
    best, run_start = None, None
    for x in range(lo, hi + 1):
        empty = x < hi and crossing[x] <= allowed
        if empty and run_start is None:
            run_start = x
        elif not empty and run_start is not None:
            if x - run_start >= MIN_GUTTER and (best is None or x - run_start > best[1] - best[0]):
                best = (run_start, x)
            run_start = None
    if best is None:
        return None
    centre = (best[0] + best[1]) / 2
    left = sum(1 for w in words if w["x1"] <= centre)
    right = sum(1 for w in words if w["x0"] >= centre)
    # Both sides must hold real text on many lines, or this is just an indented list.
    if min(left, right) < 15:
        return None
    left_lines = {round(w["top"]) for w in words if w["x1"] <= centre}
    right_lines = {round(w["top"]) for w in words if w["x0"] >= centre}
    if len(left_lines) < 4 or len(right_lines) < 4:
        return None
    return centre


def _columns(words: list[dict], gutter: float) -> list[str]:
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x1"] > gutter]
    out = _lines(left)
    if left and right:
        out.append("")  # a blank line keeps a phrase from running from one column into the other
    return out + _lines(right)


def _group_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _join(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def _lines(words: list[dict]) -> list[str]:
    """Lines top to bottom, with a blank line where the vertical gap shows a new paragraph."""
    lines = _group_lines(words)
    if not lines:
        return []
    heights = [line[0]["bottom"] - line[0]["top"] for line in lines]
    step = median(heights) if heights else 10
    out = [_join(lines[0])]
    for prev, line in zip(lines, lines[1:]):
        if line[0]["top"] - prev[0]["bottom"] > step * 0.9:
            out.append("")
        out.append(_join(line))
    return out
