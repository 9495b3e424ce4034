"""Clean the noise that breaks label matching, keeping a map back to the original text.

`normalise(text)` returns the clean text and, for each clean character, where it came from in `text`, so that
words found in the clean text report offsets into the original. It repairs:

- Markdown escapes and emphasis: `relationship\\-building`, `C\\+\\+`, `**Python**`, `__Excel__`
  (an underscore inside a word, `snake_case`, and a `*` bullet or `2 * 3` stay);
- soft hyphens (U+00AD) and zero-width characters (U+200B/C/D, U+2060, U+FEFF), dropped; a soft hyphen at a
  line end joins the two halves of the word (`commu\\u00ad\\nnication` -> `communication`);
- odd spaces (U+202F, U+2009, ...) -> a space, non-breaking hyphens (U+2010/U+2011) -> `-`, ligatures
  (`ﬁ` -> `fi`);
- mojibake, UTF-8 read as cp1252 or Latin-1 (`Ã©` -> `é`, `â€¢` -> `•`, `â€™` -> `’`, `Â\\xa0` -> nbsp), only
  the sequences that no English or Dutch text holds; a stray `Â` glued to a word end (`budgetsÂ`) is dropped.

Clean text (the common case) costs one regex scan and is returned as is, with no map.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from itertools import chain

# Characters replaced one for one (or dropped, or expanded), wherever they are.
CHAR_MAP: dict[str, str] = {
    "\u00ad": "",  # soft hyphen
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",  # zero width
    "\u2010": "-", "\u2011": "-",  # hyphen, non-breaking hyphen
    "\u1680": " ", "\u205f": " ", "\u3000": " ", "\u202f": " ",
    **{chr(c): " " for c in range(0x2000, 0x200B)},  # en quad .. hair space
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}


# Spaces that are one character like a plain space: replaced in a document's text itself (offsets stay), so that
# every cue and pattern reads "een\u00a0plus\u00a0punt" as "een plus punt" (trial T: a VDAB ad's no-break spaces
# made a nice-to-have required)
PLAIN_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


def plain_spaces(text: str) -> str:
    """`text` with its no-break spaces made plain ones, character for character."""
    return text.translate(PLAIN_SPACES) if "\u00a0" in text or "\u202f" in text or "\u2007" in text else text


def _sloppy_cp1252(data: bytes) -> str:
    """cp1252 as Windows software reads it: the five undefined bytes become the C1 control of that number."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def _mojibake_table() -> dict[str, str]:
    """{mojibake: character} for the characters EN/NL documents hold, as UTF-8 read by cp1252 or Latin-1."""
    wanted = [
        *range(0x00A0, 0x0180),  # Latin-1 supplement, Latin Extended-A
        0x0192, 0x02C6, 0x02DC,
        *range(0x2002, 0x2028), *range(0x2030, 0x203B), 0x2044, 0x202F, 0x205F, 0x2060,  # spaces, dashes, quotes
        0x20AC, 0x2122, 0x2212,  # euro, trade mark, minus
        *range(0x2190, 0x2194), 0x25AA, 0x25CF, 0x25E6, 0x2713, 0x2714,  # arrows, bullets, check marks
        0xF0A7, 0xF0B7, 0xF0D8, 0xF0FC,  # Symbol/Wingdings bullets from Word
        *range(0xFB00, 0xFB07), 0xFEFF,  # ligatures, byte-order mark
    ]
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for code in wanted:
        ch = chr(code)
        data = ch.encode("utf-8")
        for bad in {_sloppy_cp1252(data), data.decode("latin-1")}:
            if table.get(bad, ch) != ch:
                clashes.add(bad)
            table[bad] = ch
    for bad in clashes:  # cannot happen (both decodings are one to one), but never guess
        del table[bad]
    return table


MOJIBAKE = _mojibake_table()
# The characters a UTF-8 continuation byte (0x80-0xBF) turns into under cp1252 or Latin-1.
_CONT = "".join(sorted({ch for bad in MOJIBAKE for ch in bad[1:]}))
_CONT_CLASS = "[" + re.escape(_CONT) + "]"

# Every branch starts with one character from FIRST, and only its lookbehinds look further back, so that
# FIRST finds the few places worth a look with a fast scan and NOISE.match checks each.
NOISE = re.compile(
    r"\\[!-/:-@\[-`{-~]"  # Markdown escape: \- \* \_ \# \. \+ \& ...
    r"|[*_](?<![^\W_].)(?<![*_\\].)[*_]{0,2}(?=[^\s*_])"  # opening emphasis: **Python, _Excel
    r"|[*_](?<=[^\s*_\\].)[*_]{0,2}(?![*_])(?![^\W_])"  # closing emphasis: Python**, Excel_
    r"|\u00ad(?:[ \t]*\r?\n[ \t]*)?"  # soft hyphen, with the line break it may stand at
    rf"|[\u00c2-\u00df]{_CONT_CLASS}|[\u00e0-\u00ef]{_CONT_CLASS}{{2}}"  # mojibake of 2- and 3-byte UTF-8
    r"|Â(?<![A-ZÀ-ÖØ-Þ]Â)(?![^\W\d_])"  # a stray Â left by a non-breaking space read as cp1252, then lost
    "|[" + re.escape("".join(CHAR_MAP)) + "]"
)
FIRST = re.compile("[" + re.escape("\\*_\u00ad" + "".join(CHAR_MAP)) + "\u00c2-\u00ef]")


def _noise(text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """NOISE.finditer(text, pos), without trying NOISE at every character."""
    find, match = FIRST.search, NOISE.match
    while (hit := find(text, pos)) is not None:
        m = match(text, hit.start())
        if m is None:
            pos = hit.start() + 1
        else:
            yield m
            pos = m.end()


def _replacement(m: re.Match[str]) -> str:
    found = m.group()
    first = found[0]
    if first == "\\":
        return found[1]
    if first in "*_":
        return ""
    if first == "\u00ad":
        return ""
    if len(found) == 1:
        return CHAR_MAP.get(found, "")  # the only one-character matches not in CHAR_MAP: stray Â
    fixed = MOJIBAKE.get(found)
    if fixed is None:
        return found
    return CHAR_MAP.get(fixed, fixed)


def needs_normalising(text: str) -> bool:
    """Whether `text` holds anything `normalise` would change (or might: a Markdown-looking `*`)."""
    return next(_noise(text), None) is not None


class OffsetMap:
    """Where each character of a clean text came from in the original.

    Kept as the list of edits (clean `[cs, ce)` came from original `[os, oe)`; a dropped stretch has cs == ce),
    since between two edits the clean text is a verbatim copy, shifted by a constant.
    """

    __slots__ = ("cs", "ce", "os", "oe")

    def __init__(self) -> None:
        self.cs: list[int] = []
        self.ce: list[int] = []
        self.os: list[int] = []
        self.oe: list[int] = []

    def start(self, x: int) -> int:
        """Original offset where clean character x starts."""
        k = bisect_right(self.cs, x) - 1
        if k < 0:
            return x
        return self.os[k] if x < self.ce[k] else x + self.oe[k] - self.ce[k]

    def end(self, x: int) -> int:
        """Original offset where clean character x ends."""
        k = bisect_right(self.cs, x) - 1
        if k < 0:
            return x + 1
        return self.oe[k] if x < self.ce[k] else x + 1 + self.oe[k] - self.ce[k]

    def starts(self, xs: list[int]) -> list[int]:
        """`start(x)` for each x of an ascending list (word starts in the clean text)."""
        return self._map(xs, bisect_left, self.os)

    def ends(self, xs: list[int]) -> list[int]:
        """`end(x - 1)` for each x of an ascending list (word ends in the clean text, exclusive)."""
        return self._map(xs, bisect_right, self.oe)

    def _map(self, xs: list[int], bisect: Callable[..., int], inside: list[int]) -> list[int]:
        # One shift per run of xs between two edits, the runs found by bisecting xs: there are far fewer
        # edits than words.
        cs, ce, oe = self.cs, self.ce, self.oe
        out: list[int] = []
        lo = shift = 0
        for k in range(len(cs)):
            mid = bisect(xs, cs[k], lo)
            out += [x + shift for x in xs[lo:mid]] if shift else xs[lo:mid]
            lo = bisect(xs, ce[k], mid)
            out += [inside[k]] * (lo - mid)
            shift = oe[k] - ce[k]
        out += [x + shift for x in xs[lo:]] if shift else xs[lo:]
        return out


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """(clean, where): clean character x came from `text[where.start(x):where.end(x)]`.

    Clean text comes back as is with no map. Several clean characters may share one original stretch
    (`ﬁ` -> `fi`, `Ã©` -> `é`); dropped characters are in no stretch. Never raises on any string.
    """
    found = _noise(text)
    first = next(found, None)
    if first is None:
        return text, None
    parts: list[str] = []
    where = OffsetMap()
    pos = size = 0  # in the original, in the clean text
    for m in chain((first,), found):
        s, e = m.span()
        rep = _replacement(m)
        if rep == text[s:e]:
            continue  # copied with the stretch it sits in
        parts.append(text[pos:s])
        size += s - pos
        parts.append(rep)
        where.cs.append(size)
        size += len(rep)
        where.ce.append(size)
        where.os.append(s)
        where.oe.append(e)
        pos = e
    if not where.cs:
        return text, None  # only look-alikes (a `*` bullet, `snake_case`): nothing changed
    parts.append(text[pos:])
    return "".join(parts), where
