"""Plain text and Markdown: decode bytes in the encodings CVs really arrive in."""

from __future__ import annotations

import codecs

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00 starts both
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `data` looks like UTF-16 text saved without a byte order mark (Latin text
    puts a zero byte in every other position: "P\\0y\\0"), else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    zeros_odd = sample[1:2 * pairs:2].count(0)
    zeros_even = sample[0:2 * pairs:2].count(0)
    if zeros_odd > 0.6 * pairs and zeros_even < 0.05 * pairs:
        return "utf-16-le"
    if zeros_even > 0.6 * pairs and zeros_odd < 0.05 * pairs:
        return "utf-16-be"
    return None


UTF8_BOM = b"\xef\xbb\xbf"


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode UTF-32/UTF-16 with a byte order mark, UTF-16 without one, UTF-8 (BOM kept as U+FEFF so offsets match
    a plain UTF-8 decode), the `declared` encoding (an HTML page's meta charset), else cp1252.

    Line endings are left as they are: offsets in the output refer to the file's own characters.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    bomless = utf16_without_bom(data)
    if bomless:
        return data.decode(bomless, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.startswith(UTF8_BOM):  # a UTF-8 mark before bytes of another code page: the mark is no text
        return "\ufeff" + decode_text(data[len(UTF8_BOM):], declared)
    if declared:
        try:
            return data.decode(declared, errors="replace")
        except LookupError:  # an encoding name Python does not know
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # never fails: every byte is a character
