"""Plain text and Markdown: decode bytes in the encodings CVs really arrive in."""

from __future__ import annotations

import codecs


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM kept as U+FEFF so offsets match a plain UTF-8 decode), UTF-16, else cp1252.

    Line endings are left as they are: offsets in the output refer to the file's own characters.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # never fails: every byte is a character
