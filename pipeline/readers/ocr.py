"""OCR: the words of page images, read by Tesseract (English and Dutch) through pytesseract.

Scanned PDF pages (no text layer) and image files (PNG, JPEG, TIFF) come here. Tesseract runs as its own
process (the `tesseract` program, Debian package tesseract-ocr), one page at a time with a time limit, so a
crash or a runaway page costs that page, never the caller. Every page image is capped in pixels and every
document in pages, so a 50-page scan is refused (`too_large`) instead of holding a batch worker for minutes.

A page slanted by up to 5 degrees is straightened first (Tesseract leaves whole paragraphs of a slanted dense page
out). Tesseract then finds text lines anywhere on the page ("sparse text": its block layout merges the two
columns of a CV's skills table into one line and drops words) and comes back with words with boxes in points,
which pipeline.readers.pdf lays out as it does text-layer words (each word of one Tesseract line shares the
line's top and bottom, so uneven lines stay whole), and with Tesseract's mean confidence. A page turned by 90,
180 or 270 degrees reads as specks of low confidence: its orientation is then detected (Tesseract's OSD) and the
page read again upright.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import threading
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from pipeline.errors import ReadError
from pipeline.readers.pdf_engines import each_page

if TYPE_CHECKING:
    from PIL.Image import Image

OCR_MODES = ("auto", "always", "never")  # pages without a text layer (and images); every page too; none
LANGUAGES = ("eng", "nld")  # Tesseract's names; all that are installed are used together
DPI = 200  # PDF pages are rendered at this resolution: Tesseract reads 9-point text reliably from 200 dpi
MAX_PAGES = 10  # pages one document may need OCR for; more is `too_large` (a CV is 1-4 pages)
MAX_PIXELS = 16_000_000  # per page image: larger ones are scaled down (an A4 page at 200 dpi is 3.9 million)
MAX_IMAGE_PIXELS = 150_000_000  # an image file larger than this is refused before decoding (a decompression bomb)
PAGE_TIMEOUT_S = 30  # one Tesseract run; a page that takes longer is `timeout`
MIN_WORD_CONFIDENCE = 30  # Tesseract's 0-100 scale: below this a "word" is mostly a speck or a rule line
TURNED_BELOW = 0.6  # mean confidence under which a page is checked for being turned by 90/180/270 degrees
MIN_OSD_CONFIDENCE = 1.5  # Tesseract's orientation confidence above which a detected turn is believed
MIN_IMAGE_LETTERS = 20  # fewer letters read from an image file are no document ("2" from a dark photo of a CV)
PSM = 11  # Tesseract finds text lines anywhere ("sparse text"): the layout code orders them
MAX_SKEW, MIN_SKEW = 5.0, 0.3  # degrees: the slant looked for, and the least that is straightened
MIN_SIDE = 16  # pixels: a narrower image holds no line of text (an icon, a tracking pixel)
IMAGE_FORMATS = {"PNG", "JPEG", "TIFF", "MPO"}  # MPO: a JPEG from a phone camera with a second frame


class OcrSpan(NamedTuple):
    """Characters [start, end) of a document's text that OCR read, and Tesseract's confidence in them (0..1)."""

    start: int
    end: int
    confidence: float


class Page(NamedTuple):
    """One page as OCR read it: words {"text", "x0", "x1", "top", "bottom"} in points (origin top left),
    the page width in points, and Tesseract's mean confidence per character (0..1; 0 without words)."""

    words: list[dict]
    width: float
    confidence: float


def unavailable() -> str | None:
    """Why OCR cannot run on this machine (None: it can): no tesseract program or no English/Dutch data."""
    return _probe()[0]


@lru_cache(maxsize=1)
def _probe() -> tuple[str | None, str, bool]:
    """(reason OCR is unavailable or None, Tesseract's language argument, whether OSD data is installed)."""
    try:
        import pytesseract
    except ImportError:
        return "the pytesseract package is not installed (pip install pytesseract)", "", False
    try:
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as exc:
        detail = "" if isinstance(exc, pytesseract.TesseractNotFoundError) else f" ({exc})"
        return ("OCR engine not installed: the tesseract program is missing" + detail +
                "; install tesseract-ocr, tesseract-ocr-eng and tesseract-ocr-nld (make install does as root)"), "", False
    languages = [lang for lang in LANGUAGES if lang in installed]
    if not languages:
        return ("OCR engine has no English or Dutch language data: install tesseract-ocr-eng and "
                "tesseract-ocr-nld"), "", False
    return None, "+".join(languages), "osd" in installed


def _require() -> tuple[str, bool]:
    why, languages, osd = _probe()
    if why is not None:
        raise ReadError("no_text_layer", f"no text layer, and {why}")
    return languages, osd


def read_image(data: bytes) -> tuple[str, tuple[OcrSpan, ...]]:
    """Text of an image file (every page of a multi-page TIFF), laid out as PDF pages are, and its OCR spans."""
    from pipeline.readers.pdf import page_text, repair

    why = unavailable()
    if why is not None:
        raise ReadError("no_text_layer", f"an image file, and {why}")
    texts, confidences = [], {}
    for index, (image, dpi) in enumerate(open_image(data)):
        page = read_page(image, dpi)
        texts.append(repair(page_text(page.words, page.width)))
        confidences[index] = page.confidence
    text, spans = join_pages(texts, confidences)
    if not text.strip():
        raise ReadError("empty", "OCR found no text in the image")
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_IMAGE_LETTERS:  # a dark or blurred photo: a stray mark read, not a CV (trial P)
        raise ReadError("empty", f"OCR read {letters} letter{'s' * (letters != 1)} in the image (too dark, blurred or "
                                 "small?): ask for a clearer copy")
    return text, spans


def join_pages(texts: list[str], confidences: dict[int, float]) -> tuple[str, tuple[OcrSpan, ...]]:
    """Pages' texts joined by a blank line, and a span for each page read by OCR (index in `confidences`)."""
    parts: list[str] = []
    spans: list[OcrSpan] = []
    offset = 0
    for index, text in enumerate(texts):
        if not text.strip():
            continue
        if parts:
            offset += 2
        if index in confidences:
            spans.append(OcrSpan(offset, offset + len(text), confidences[index]))
        parts.append(text)
        offset += len(text)
    return "\n\n".join(parts), tuple(spans)


# --------------------------------------------------------------------------------------------------
# Sources: PDF pages and image files, as PIL images with their resolution
# --------------------------------------------------------------------------------------------------

def check_page_count(count: int) -> None:
    """ReadError too_large for a document that needs OCR on more than MAX_PAGES pages."""
    if count > MAX_PAGES:
        raise ReadError("too_large", f"{count} pages need OCR (the limit is {MAX_PAGES})")


def render_pdf_pages(data: bytes, indices: list[int], lock: threading.Lock) -> list[tuple[Image, float]]:
    """The pages at `indices` (counting the pages pdfium can load) as greyscale images at DPI, or fewer dots per
    inch where a page is too large for MAX_PIXELS, with the dpi each got. `lock` guards pdfium."""
    import pypdfium2 as pdfium

    check_page_count(len(indices))
    wanted, images = set(indices), []
    loadable = itertools.count()

    def render(page) -> None:
        if next(loadable) in wanted:
            width, height = page.get_size()
            dpi = min(float(DPI), 72 * (MAX_PIXELS / max(1.0, width * height)) ** 0.5)
            images.append((page.render(scale=dpi / 72, grayscale=True).to_pil(), dpi))

    with lock:
        pdf = pdfium.PdfDocument(data)
        try:
            each_page(pdf, render)
        finally:
            pdf.close()
    return images


def open_image(data: bytes) -> list[tuple[Image, float | None]]:
    """The frames of an image file (a multi-page TIFF has several) as greyscale images within MAX_PIXELS, with
    the dpi the file states (None: it does not say). ReadError for damaged, huge or unsupported images."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():  # Pillow warns about damaged metadata: the status says enough
            warnings.simplefilter("ignore")
            return _frames(Image.open(io.BytesIO(data)))
    except ReadError:
        raise
    except Image.DecompressionBombError:
        raise ReadError("too_large", f"over {MAX_IMAGE_PIXELS // 1_000_000} million pixels (a decompression bomb?)") from None
    except UnidentifiedImageError:
        raise ReadError("malformed", "cannot read the image (damaged, or not an image)") from None
    except MemoryError:
        raise ReadError("resource_limit", "the image needs more memory than allowed") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:  # Pillow's errors on truncated or damaged files
        raise ReadError("malformed", f"damaged image ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None


def _frames(image: Image) -> list[tuple[Image, float | None]]:
    """open_image's work on an opened file."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    if image.format not in IMAGE_FORMATS:
        raise ReadError("unsupported", f"{image.format} images are not read (PNG, JPEG and TIFF are)")
    frames = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
    check_page_count(frames)
    out = []
    for index in range(frames):
        image.seek(index)
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise ReadError("too_large", f"a {image.width}x{image.height} image (the limit is "
                                         f"{MAX_IMAGE_PIXELS // 1_000_000} million pixels)")
        if min(image.size) < MIN_SIDE:
            raise ReadError("empty", f"a {image.width}x{image.height} image is too small to hold text")
        dpi = float(image.info.get("dpi", (0, 0))[0] or 0)
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:  # transparent is paper: white
            rgba = image.convert("RGBA")
            frame = PILImage.alpha_composite(PILImage.new("RGBA", rgba.size, "white"), rgba).convert("L")
        else:
            image.draft("L", (image.width, image.height))  # JPEG: decode straight to grey
            frame = image.convert("L")
        if index == 0:  # a phone photo says in EXIF which way is up
            frame = ImageOps.exif_transpose(frame) or frame
        if frame.width * frame.height > MAX_PIXELS:
            factor = (MAX_PIXELS / (frame.width * frame.height)) ** 0.5
            frame = frame.resize((int(frame.width * factor), int(frame.height * factor)), PILImage.Resampling.LANCZOS)
            dpi *= factor
        # A phone photo says 72 dpi whatever it shows: a stated resolution is believed where the page it implies
        # is at most 17 inches wide (A3 landscape); otherwise Tesseract judges by the size of the letters.
        out.append((frame, dpi if dpi >= 50 and frame.width / dpi <= 17 else None))
    return out


# --------------------------------------------------------------------------------------------------
# Tesseract
# --------------------------------------------------------------------------------------------------

def read_page(image: Image, dpi: float | None) -> Page:
    """OCR one page image; a page that reads badly is checked for being turned and, if it is, read upright."""
    languages, osd = _require()
    if _is_blank(image):
        return Page([], image.width * 72 / (dpi or DPI), 0.0)
    page = _tesseract(deskew(image), dpi, languages)
    if osd and 0 < page.confidence < TURNED_BELOW:  # 0: Tesseract saw nothing like a word, turned or not
        turn = _turn(image, dpi)
        if turn:
            upright = _tesseract(deskew(image.rotate(-turn, expand=True, fillcolor=255)), dpi, languages)
            if upright.confidence > page.confidence:
                return upright
    return page


def deskew(image: Image) -> Image:
    """`image` turned straight when its lines run at a slant (a page fed into the scanner askew): Tesseract
    straightens small slants itself, but from about a degree on it leaves whole paragraphs of a dense page out."""
    angle = skew_angle(image)
    if abs(angle) < MIN_SKEW:
        return image
    from PIL import Image as PILImage

    return image.rotate(angle, resample=PILImage.Resampling.BICUBIC, expand=True, fillcolor=255)


def skew_angle(image: Image) -> float:
    """Degrees (counter-clockwise, within MAX_SKEW) that level the text lines: the turn of a small copy of the
    page at which the ink per pixel row changes most sharply from row to row (lines and gaps between them)."""
    import numpy as np
    from PIL import Image as PILImage

    small = image.copy()
    small.thumbnail((1000, 1000))
    pixels = np.asarray(small, dtype=np.float32)
    ink = PILImage.fromarray(((pixels < 0.6 * pixels.mean()) * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=PILImage.Resampling.NEAREST), dtype=np.float32).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=lambda a: sharpness(float(a)))
    return round(float(max(np.arange(coarse - 0.4, coarse + 0.41, 0.1), key=lambda a: sharpness(float(a)))), 1)


def _is_blank(image: Image) -> bool:
    """Whether a greyscale page has nothing dark on it (nothing to read: skip Tesseract)."""
    low = image.getextrema()[0]  # (min, max) of a single-band image
    return isinstance(low, (int, float)) and low > 160


def _run(func, *args, **kwargs):
    """A pytesseract call with the time limit, and Tesseract's own threads off: workers already use every core,
    and OpenMP threads on top of them only add overhead."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return func(*args, timeout=PAGE_TIMEOUT_S, **kwargs)
    except pytesseract.TesseractError as exc:  # a RuntimeError too: caught first
        raise ReadError("malformed", f"OCR failed ({' '.join(str(exc).split())[:150]})") from None
    except RuntimeError as exc:  # pytesseract's way of saying it killed a run over its timeout
        if "timeout" in str(exc).lower():
            raise ReadError("timeout", f"OCR of one page took longer than {PAGE_TIMEOUT_S} s") from None
        raise


def _tesseract(image: Image, dpi: float | None, languages: str) -> Page:
    """Words of one page in Tesseract's lines (its automatic page segmentation); their order on the page is left
    to the layout code that orders text-layer words (pipeline.readers.pdf.page_text)."""
    import pytesseract

    config = f"--psm {PSM}" + (f" --dpi {round(dpi)}" if dpi else "")
    data = _run(pytesseract.image_to_data, image, lang=languages, config=config, output_type=pytesseract.Output.DICT)
    lines: dict[tuple, list[int]] = {}
    for i, (text, conf) in enumerate(zip(data["text"], data["conf"])):
        if text.strip() and float(conf) >= MIN_WORD_CONFIDENCE:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    if dpi is None:
        # No resolution stated: scale so that the median line is 10 points tall, as in a typical CV.
        heights = sorted(data["height"][i] for line in lines.values() for i in line)
        to_points = 10 / max(1, heights[len(heights) // 2] if heights else 1)
    else:
        to_points = 72 / dpi
    words = []
    for line in lines.values():
        top = min(data["top"][i] for i in line) * to_points
        bottom = max(data["top"][i] + data["height"][i] for i in line) * to_points
        previous = ""
        for i in line:
            left = data["left"][i] * to_points
            text = acronym(data["text"][i], sentence_start=not previous or previous[-1] in ".!?:")
            words.append({"text": text, "x0": left, "x1": left + data["width"][i] * to_points, "top": top,
                          "bottom": bottom})
            previous = text
    # Over every word Tesseract saw, the specks left out too: a page read upside down is mostly specks.
    read = [(float(conf), len(text)) for text, conf in zip(data["text"], data["conf"]) if text.strip() and float(conf) >= 0]
    chars = sum(n for _, n in read)
    confidence = round(sum(conf * n for conf, n in read) / chars / 100, 3) if chars else 0.0
    return Page(words, image.width * to_points, confidence)


# A capital I and a small l are the same stroke in sans-serif type, and Tesseract reads "AI" and "Power BI" as
# "Al" and "Power Bl". Capitals with one small l among them ("Bl", "lT", "ClO") are such an acronym; "Al" is also
# a Dutch word ("Al tien jaar ..."), so it is only taken for "AI" inside a sentence.
MISREAD_ACRONYM = re.compile(r"(?=[^l]*l[^l]*$)([^A-Za-z]*)([A-Z]{0,4}l[A-Z]{0,4})(?![A-Za-z])")


def acronym(word: str, sentence_start: bool = False) -> str:
    """`word` with the I of an acronym that Tesseract read as l put back ("Bl-rapporten" -> "BI-rapporten")."""
    found = MISREAD_ACRONYM.match(word)
    if not found or found.group(2) == "l" or (sentence_start and found.group(2) == "Al"):
        return word
    return found.group(1) + found.group(2).replace("l", "I") + word[found.end(2):]


def _turn(image: Image, dpi: float | None) -> int:
    """Degrees clockwise by which the page's text is turned (0, 90, 180, 270), by Tesseract's OSD."""
    import pytesseract

    config = "--psm 0" + (f" --dpi {round(dpi)}" if dpi else "")
    try:
        osd = _run(pytesseract.image_to_osd, image, config=config, output_type=pytesseract.Output.DICT)
    except ReadError as exc:
        if exc.status == "malformed":  # too few letters to tell the orientation: leave the page as it is
            return 0
        raise
    if float(osd.get("orientation_conf", 0)) < MIN_OSD_CONFIDENCE:
        return 0
    return int(osd.get("rotate", 0)) % 360
