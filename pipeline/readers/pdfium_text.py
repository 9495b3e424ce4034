"""Words of a PDF page from pdfium's text layer, made the way pdfplumber makes them.

pdfium (pypdfium2) reads a page's characters several times faster than pdfminer, but boxes and
groups them its own way. To give the same words as pdfplumber's extract_words(x_tolerance=1.5,
y_tolerance=2), each character is boxed as pdfminer boxes it (from its origin to the end of its
advance, the font size tall above the font's descent) and the characters are grouped into words
with pdfplumber's rules. pdfium's own additions are undone: its generated line breaks are dropped,
a ligature or /ActualText it splits into pieces becomes one character again, and the space-only
text objects it leaves out come back as spaces. What still differs: pdfium reads /ActualText
(pdfminer shows the glyphs, often as "(cid:N)"), and a space pdfium generates in tightly set text
splits words that pdfminer runs together.
"""

from __future__ import annotations

import ctypes
import struct
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple, cast

import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS

X_TOLERANCE, Y_TOLERANCE = 1.5, 2.0  # pdfplumber extract_words: gap inside a word, drift within a line
HYPHEN_MARKS = (2, 0xFFFE)  # pdfium's codes for a hyphen at a line end (character, page text)
MAX_SKIPPED = 4  # page objects between two characters' text objects that are searched for a lost space


def page_words(page) -> tuple[list[dict], float]:
    """Words {"text", "x0", "x1", "top", "bottom"} of a pypdfium2 PdfPage, and the page width, in
    pdfplumber's coordinates (points, origin top left of the page as displayed)."""
    textpage = page.get_textpage()
    try:
        chars = _PageChars(page, textpage)
        return words_from_chars(chars.read()), chars.width
    finally:
        textpage.close()


def has_graphics(page) -> bool:
    """Whether a pypdfium2 PdfPage draws images or paths (inside form XObjects too)."""
    c = pdfium_c

    def walk(objects) -> bool:
        for obj in objects:
            kind = c.FPDFPageObj_GetType(obj)
            if kind in (c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_IMAGE):
                return True
            if kind == c.FPDF_PAGEOBJ_FORM and walk(c.FPDFFormObj_GetObject(obj, k)
                                                    for k in range(c.FPDFFormObj_CountObjects(obj))):
                return True
        return False

    return walk(c.FPDFPage_GetObject(page.raw, k) for k in range(c.FPDFPage_CountObjects(page.raw)))


def _lean(name: str, restype, *argtypes):
    """pdfium function `name` with plain C types (handles as ints): cheaper per call than
    pypdfium2's typed bindings, which matters in the loop over every character."""
    address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
    assert address is not None, name  # a symbol resolved from the loaded pdfium library is never NULL
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_H, _I, _D, _F = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_float)
_get_unicode = _lean("FPDFText_GetUnicode", ctypes.c_uint, _H, _I)
_is_generated = _lean("FPDFText_IsGenerated", _I, _H, _I)
_text_object = _lean("FPDFText_GetTextObject", _H, _H, _I)
_char_origin = _lean("FPDFText_GetCharOrigin", _I, _H, _I, _D, _D)
_loose_box = _lean("FPDFText_GetLooseCharBox", _I, _H, _I, ctypes.POINTER(pdfium_c.FS_RECTF))
_char_matrix = _lean("FPDFText_GetMatrix", _I, _H, _I, ctypes.POINTER(pdfium_c.FS_MATRIX))
_font_size = _lean("FPDFText_GetFontSize", ctypes.c_double, _H, _I)
_object_font = _lean("FPDFTextObj_GetFont", _H, _H)
_glyph_width = _lean("FPDFFont_GetGlyphWidth", _I, _H, ctypes.c_uint32, ctypes.c_float, _F)
_char_box = _lean("FPDFText_GetCharBox", _I, _H, _I, _D, _D, _D, _D)
_page_object = _lean("FPDFPage_GetObject", _H, _H, _I)
_count_objects = _lean("FPDFPage_CountObjects", _I, _H)
_object_type = _lean("FPDFPageObj_GetType", _I, _H)
_object_bounds = _lean("FPDFPageObj_GetBounds", _I, _H, _F, _F, _F, _F)


class _Style(NamedTuple):
    """How the characters of a text object are boxed, pdfminer's way (PDF user space, y up): from
    the origin (x, y), x0 = x - slant_low, bottom = y - drop, top = bottom + height, and x1 = the end
    of the advance, + slant_high. `advances` caches per unicode what _PageChars._advance says; it is
    None for text that does not run horizontally in user space: pdfium's own box is used then."""

    upright: bool
    advances: dict | None = None
    font: int = 0
    size_a: float = 0.0  # the advance direction's scale: text matrix a times the font size
    slant_low: float = 0.0
    slant_high: float = 0.0
    drop: float = 0.0
    height: float = 0.0


class _PageChars:
    """The characters of one page as (text, x0, x1, top, bottom, upright) tuples."""

    def __init__(self, page, textpage) -> None:
        self.page = ctypes.cast(page.raw, ctypes.c_void_p).value
        self.raw = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        self.textpage = textpage
        self.width, self.place, self.rotated = _placement(page)
        self.styles: dict[tuple, _Style] = {}
        self.descents: dict[int, float] = {}
        self.order: dict[int, int] | None = None  # page object -> its index on the page
        self.objects: list[int] = []
        self.glyph_width = ctypes.c_float()
        self.bounds = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
        self.tight = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top

    def read(self) -> list[tuple]:
        """Every character in content order. pdfium's generated line breaks are left out (lines are
        found by geometry); its generated spaces and the space-only text objects it drops become
        spaces; pieces of one glyph (a ligature split in two, ActualText) become one character."""
        raw, styles, matrix = self.raw, self.styles, pdfium_c.FS_MATRIX()
        unpack_matrix = struct.Struct("6f").unpack_from
        ax, bx, cx, ay, by, cy = self.place
        flat = self.place == (1, 0, 0, 0, -1, cy)  # no /Rotate: x stays, top = cy - y
        box, x, y = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        px, py, pbox = ctypes.byref(x), ctypes.byref(y), ctypes.byref(box)
        chars: list[tuple] = []
        space_before, obj_key, last_x, last_y = False, None, None, None
        upright, advances, font, size_a, slant_low, slant_high, drop, height = _Style(True)
        for i, code in enumerate(self._codes()):
            if code == 0x20 and _is_generated(raw, i):
                space_before = True
                continue
            obj = _text_object(raw, i)
            if not obj or not 0 < code < 0x110000:  # a generated line break, or no character at all
                continue
            if code in HYPHEN_MARKS:
                code = 0x2D
            new_object = obj != obj_key
            if new_object:
                space_before = space_before or (obj_key is not None and self._lost_space(obj_key, obj))
                obj_key = obj
                _char_matrix(raw, i, matrix)
                a, b, c, d, ox, oy = unpack_matrix(matrix)  # an object's first character sits at its origin
                key = (a, b, c, d, _font_size(raw, i), _object_font(obj))
                style = styles.get(key) or self._style(key)
                upright, advances, font, size_a, slant_low, slant_high, drop, height = style
            else:
                _char_origin(raw, i, px, py)
                ox, oy = x.value, y.value
            _loose_box(raw, i, pbox)
            if ox == last_x and oy == last_y and not new_object:  # another piece of the previous glyph
                text, x0, x1, top, bottom, piece_upright = chars[-1]
                right = max(ax * box.left + bx * box.bottom + cx, ax * box.right + bx * box.top + cx)
                chars[-1] = (text + chr(code), x0, max(x1, right), top, bottom, piece_upright)
                continue
            last_x, last_y = ox, oy
            if advances is None:
                left, right, low, high = box.left, box.right, box.bottom, box.top
            else:
                advance = advances.get(code, -1.0)
                if advance == -1.0:
                    advance = advances[code] = self._advance(i, code, font, ox, box.right, size_a, slant_high)
                left = ox - slant_low
                right = box.right if advance is None else ox + size_a * advance + slant_high
                low = oy - drop
                high = low + height
            if flat:
                x0, x1, top, bottom = (left, right, cy - high, cy - low) if left <= right else \
                    (right, left, cy - high, cy - low)
            else:
                xa, xb = ax * left + bx * low + cx, ax * right + bx * high + cx
                ya, yb = ay * left + by * low + cy, ay * right + by * high + cy
                x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
                top, bottom = (ya, yb) if ya <= yb else (yb, ya)
            if space_before:  # at this character's place, so that it sorts just before it
                chars.append((" ", x0, x0, top, top, upright))
                space_before = False
            chars.append((chr(code), x0, x1, top, bottom, upright))
        return chars

    def _advance(self, index: int, code: int, font: int, x: float, loose_right: float, size_a: float,
                 slant: float) -> float | None:
        """How character `index` (and every `code` of its style) ends: None where pdfium's loose box
        ends where the advance does (the box spans the advance and the glyph's ink: the ink must end
        before it), else the advance width per unit of size_a from the font's widths."""
        _char_box(self.raw, index, *map(ctypes.byref, self.tight))
        if not slant and size_a > 0 and self.tight[1].value < loose_right - 0.01:
            return None
        if _glyph_width(font, code, 1.0, ctypes.byref(self.glyph_width)):  # it takes a unicode
            return self.glyph_width.value
        return (loose_right - x) / size_a if size_a else 0.0

    def _codes(self) -> list[int]:
        """The unicode of every character: all in one call where pdfium's page text lines up with its
        characters one to one, else one call per character."""
        count = pdfium_c.FPDFText_CountChars(self.textpage.raw)
        buffer = (ctypes.c_ushort * (count + 1))()
        written = pdfium_c.FPDFText_GetText(self.textpage.raw, 0, count, buffer) if count else 0
        if written == count + 1 and all(not 0xD800 <= u < 0xE000 for u in buffer[:count]):
            return list(buffer[:count])
        return [_get_unicode(self.raw, i) for i in range(count)]

    def _style(self, key: tuple) -> _Style:
        """The _Style of text with matrix (a, b, c, d), font size and font, as `key` gives them."""
        a, b, c, d, size, font = key
        if self.rotated:  # pdfminer's test, on the page as displayed
            upright = b * c < 0 and a * d >= 0
        else:
            upright = a * d > 0 and b * c <= 0
        if b != 0 or d <= 0 or not font:
            style = _Style(upright)
        else:
            if font not in self.descents:
                self.descents[font] = _descent(font)
            descent = self.descents[font] * size
            style = _Style(upright, {}, font, a * size, c * descent, c * (size - descent), d * descent, d * size)
        self.styles[key] = style
        return style

    def _lost_space(self, before: int, after: int) -> bool:
        """Whether a blank text object (spaces), which pdfium's text page leaves out, lies between
        two text objects in the page's content."""
        if self.order is None:
            self.objects = [_page_object(self.page, k) for k in range(_count_objects(self.page))]
            self.order = {obj: k for k, obj in enumerate(self.objects) if obj}
        start, end = self.order.get(before, -1), self.order.get(after, -1)
        if start < 0 or not 1 < end - start <= MAX_SKIPPED + 1:
            return False
        return any(self._is_blank(obj) for obj in self.objects[start + 1:end])

    def _is_blank(self, obj: int) -> bool:
        """Whether a page object is text that draws nothing: no width, as for spaces (pdfium's text
        page leaves such objects out; pdfminer reads their characters)."""
        if _object_type(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            return False
        left, bottom, right, top = self.bounds
        return bool(_object_bounds(obj, *map(ctypes.byref, self.bounds))) and abs(right.value - left.value) < 0.01


def _descent(font: int) -> float:
    """The font's descent below the baseline per point of size, as pdfminer reads it: from the
    standard metrics for a non-embedded standard font, else from the font descriptor."""
    font = ctypes.cast(font, pdfium_c.FPDF_FONT)
    name = ctypes.create_string_buffer(128)
    pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
    standard = FONT_METRICS.get(name.value.decode("latin-1"))
    if standard and not pdfium_c.FPDFFont_GetIsEmbedded(font):
        # pdfminer types the AFM properties as objects; Descent is always a number there
        return abs(cast(float, standard[0].get("Descent") or 0)) / 1000
    value = ctypes.c_float()
    return abs(value.value) if pdfium_c.FPDFFont_GetDescent(font, 1.0, value) else 0.0


def _placement(page) -> tuple[float, tuple, bool]:
    """The page width, how pdfplumber places a point of PDF user space, and whether /Rotate turns the
    page sideways. A point (x, y) is placed at (ax*x + bx*y + cx, ay*x + by*y + cy): pdfminer's page
    matrix for the rotation, then pdfplumber's flip to top-down coordinates."""
    left, bottom, right, top = page.get_mediabox()
    x0, x1 = sorted((left, right))
    y0, y1 = sorted((bottom, top))
    rotation = page.get_rotation() % 360
    place = {
        0: (1, 0, 0, 0, -1, y1 - y0),
        90: (0, 1, 0, 1, 0, -2 * x0),
        180: (-1, 0, x1 + x0, 0, 1, -2 * y0),
        270: (0, -1, y1 + y0, -1, 0, x1 - x0),
    }[rotation]
    sideways = rotation in (90, 270)
    return (y1 - y0 if sideways else x1 - x0), place, sideways


def words_from_chars(chars: list[tuple]) -> list[dict]:
    """Words from (text, x0, x1, top, bottom, upright) chars in content order, grouped as pdfplumber's
    extract_words(x_tolerance=1.5, y_tolerance=2) does: lines of chars by top, each sorted left to
    right, a new word at a space, a gap or a step back. Rotated runs are handled with x and y swapped."""
    words: list[dict] = []
    for upright, run in groupby(chars, key=itemgetter(5)):
        if upright:
            run_chars, line_tol, gap_tol = list(run), Y_TOLERANCE, X_TOLERANCE
        else:  # vertical text: its lines are columns, read top to bottom
            run_chars = [(t, top, bottom, x0, x1, u) for t, x0, x1, top, bottom, u in run]
            line_tol, gap_tol = X_TOLERANCE, Y_TOLERANCE
        for line in _cluster(run_chars, line_tol):
            line.sort(key=itemgetter(1))
            word: list[tuple] = []
            for ch in line:
                if ch[0].isspace():
                    word = _flush(word, words, upright)
                    continue
                if word and (ch[1] < word[-1][1] or ch[1] > word[-1][2] + gap_tol
                             or abs(ch[3] - word[-1][3]) > line_tol):
                    word = _flush(word, words, upright)
                word.append(ch)
            _flush(word, words, upright)
    return words


def _cluster(chars: list[tuple], tolerance: float) -> list[list[tuple]]:
    """Chars grouped by top, as pdfplumber clusters them: sorted tops, each within `tolerance` of the
    previous one, form a line."""
    group, last, line_of = -1, 0.0, {}
    for top in sorted({ch[3] for ch in chars}):
        if group < 0 or top > last + tolerance:
            group += 1
        line_of[top], last = group, top
    lines: list[list[tuple]] = [[] for _ in range(group + 1)]
    for ch in chars:
        lines[line_of[ch[3]]].append(ch)
    return lines


def _flush(word: list[tuple], words: list[dict], upright: bool) -> list:
    """Append `word` (its chars, sorted by x0) to `words` as a word dict; return a fresh empty word."""
    if word:
        a0, a1 = word[0][1], max(map(_X1, word))
        b0, b1 = min(map(_TOP, word)), max(map(_BOTTOM, word))
        x0, x1, top, bottom = (a0, a1, b0, b1) if upright else (b0, b1, a0, a1)
        words.append({"text": "".join(map(_TEXT, word)), "x0": x0, "x1": x1, "top": top, "bottom": bottom})
    return []


_TEXT, _X1, _TOP, _BOTTOM = itemgetter(0), itemgetter(2), itemgetter(3), itemgetter(4)
