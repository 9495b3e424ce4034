"""RTF: paragraphs and table rows in document order (striprtf).

striprtf decodes the text in the document's own code page (\\ansicpg, \\'xx escapes, \\uN characters) and
leaves out pictures, fonts, styles and other destinations; page headers and footers are among those left out.
A table row becomes one line with its cells separated by tabs, as the .doc reader gives them.
"""

from __future__ import annotations

import re

from pipeline.errors import ReadError

# \cell and \nestcell end a table cell (not \cellx, a cell's position); a tab keeps the cells of a row apart.
CELL = re.compile(rb"\\(?:nest)?cell(?![A-Za-z])(?: )?")


def read_rtf(data: bytes) -> str:
    """Text of an RTF document."""
    from striprtf.striprtf import rtf_to_text

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    source = CELL.sub(rb"\\tab ", data)
    try:
        rtf = source.decode("utf-8")  # RTF is 7-bit; some writers put raw UTF-8 in anyway
    except UnicodeDecodeError:
        rtf = source.decode("cp1252", errors="replace")
    try:
        text = rtf_to_text(rtf, errors="replace")
    except RecursionError:
        raise ReadError("malformed", "RTF groups nest too deeply") from None
    except MemoryError:
        raise ReadError("resource_limit", "the RTF needs more memory than allowed") from None
    except Exception as exc:  # striprtf raises IndexError, ValueError, LookupError on damaged files
        raise ReadError("malformed", f"cannot parse RTF: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
