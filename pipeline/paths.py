"""File names as text that every output can hold.

A file name that is not valid UTF-8 (bytes from another system, a broken archive) reaches Python as a string
with lone surrogates ("a\\udcffb.txt"), which DuckDB, Arrow and JSON refuse; one such name used to stop a whole
`skillfit load`. Every source is stored and looked up in one printable form instead: the undecodable bytes
written as backslash escapes ("a\\xffb.txt"), the same for the name a user types to `forget --source`.
"""

from __future__ import annotations


def printable(name: str) -> str:
    """`name` with undecodable bytes (and any other lone surrogate) written as backslash escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
            if _only_escaped_bytes(name) else name.encode("utf-8", "backslashreplace").decode("utf-8")


def _only_escaped_bytes(name: str) -> bool:
    """Whether every surrogate in `name` is one of surrogateescape's (U+DC80-U+DCFF, an undecodable byte)."""
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in name)
