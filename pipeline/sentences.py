"""Sentence bounds: the sentence (or bullet line) around a span of text.

A text utility below the stages and the store: classifying mentions and cutting evidence sentences use
the same bounds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

# A full stop ends a sentence before a space or the end, not inside a word or number ("Node.js", "3.5", "e.g"), not
# after an abbreviation inside a sentence ("e.g. Python", "bv. SAP") and not after one that the sentence goes on
# behind ("HACCP, VCA, etc. vormen sterke troeven"; "…, etc. Then" ends it).
_INSIDE = ("e.g", "i.e", "bv", "vb", "o.a", "m.a.w", "d.w.z", "incl", "ca", "approx", "vs", "resp", "nl", "zgn",
           "mevr", "Mevr", "dhr", "Dhr", "Mr", "Mrs", "Ms", "Dr")  # a title before a name: "Contactpersoon Mevr. Maryse"
_AT_END = ("etc", "enz")
_STOP = (r"\.(?![^\s)\]\"'’*])" + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _INSIDE)
         + "(?:" + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _AT_END) + r"|(?![ \t]+[a-z]))")
# A dash before a preferred cue is no inline bullet: "Docker – a plus", "Rijbewijs C - is een troef"
NOT_BEFORE_CUE = (r"(?i:(?![ \t]*(?:(?:all|both|beide|allemaal|is|are|zijn|een|a|an)\s+)*"
                  r"(?:plus|pluspunt|pr[ée]|bonus|troef|nice|preferred|desirable|voordeel|advantage|meerwaarde)\b))")
# inline bullets ("✅ Zorgvuldig ✅ Stipt", "Python - Docker - SQL") end a sentence too
# ... nor before years that end the item ("Java – 5 jaar", "Python - 3+ years": the skill's years; not "SQL - 3 jaar
# ervaring met Python", Python's)
NOT_BEFORE_YEARS = r"(?![ \t]*\d{1,2}(?:[.,]5)?\+?[ \t]*(?i:jaar|jaren|years?|yrs)[ \t]*(?:[)\n,;.|]|$))"
# A line break ends one too, but not before "of"/"van" that goes on with it ("**6+ years**" / "of experience in Java")
# ... and a space before a Dutch word that opens a sentence and is never capitalised inside one, as a job board's
# text flattened from its bullets reads ("… inkoopprijslijst Profiel Je spreekt Nederlands … oog voor detail Je hebt
# een "hands-on" mentaliteit … is een plus Kennis van Excel is een must"; not "Een", which opens an offer's items too)
# (a noun only where no cue or years lead to it: "Bij voorkeur Kennis van Frans", "3 jaar Ervaring met SAP" go on)
_NO_CUE_BEFORE = "".join(f"(?<!{form})" for w in ("voorkeur", "idealiter", "liefst", "jaar", "jaren", "years", "minimaal",
                                                  "minstens", "minimum", "relevante", "ruime", "goede", "enige", "eerste")
                         for form in (w, w.capitalize()))
OPENS_A_SENTENCE = (r"(?<=[\w)'\"’?!])[ \t](?=(?-i:Je|Jij|Jouw|Wij|We|Ons|Onze|Ben|Heb|Kan|Indien)[ \t])"
                    r"|(?<=[\w)'\"’?!])" + _NO_CUE_BEFORE + r"[ \t](?=(?-i:Kennis|Ervaring)[ \t])")
SENTENCE_END = re.compile(_STOP + r"|[!?;•▪●◦►➤✓✔✅☑]|\n(?![ \t]*(?:of|van)[ \t])|\s[-–*]\s" + NOT_BEFORE_CUE
                          + NOT_BEFORE_YEARS + "|" + OPENS_A_SENTENCE)


# A line break inside a sentence, where a PDF wrapped a long line: the line runs to the text's wrap width (near its
# longest lines) and stops on a lower-case word or a comma, and the next line goes on in lower case ("… KWS is een
# pluspunt, maar" / "geen vereiste."). A list of short lines ("python" / "java") keeps its breaks, and so do the
# shorter lines of a list written in lower case.
WRAPPED_LINE = 40  # characters: shorter lines are items, not wrapped text
WRAP_SHARE = 0.75  # ... and lines shorter than this share of the text's wrap width
WRAP_END = re.compile(r"[a-zà-ÿ,][ \t]*$")
WRAP_GOES_ON = re.compile(r"[ \t]*[a-zà-ÿ]")
LINE = re.compile(r"[^\n]*")


WRAPPED_LINES = 2  # a text with fewer lines near its width is not wrapped text: its lines are its own


def _wrap_width(text: str) -> float:
    """The width a PDF wrapped the text's lines at: the 90th percentile of the lengths of its lines of 20+
    characters (one pass; a line longer than 400 characters counts as 400); infinite where fewer than
    WRAPPED_LINES lines come near it."""
    lengths = sorted(min(400, len(m.group())) for m in LINE.finditer(text) if len(m.group()) >= 20)
    width = lengths[round(0.9 * (len(lengths) - 1))] if lengths else 0
    near = sum(length >= WRAP_SHARE * width for length in lengths)
    return width if near >= WRAPPED_LINES else float("inf")


def _wrapped(text: str, newline: int, width: float) -> bool:
    """Whether the line break at `newline` only wraps a sentence (see WRAPPED_LINE)."""
    floor = max(0, newline - 400)
    line_start = text.rfind("\n", floor, newline) + 1 or floor  # a longer line: its last 400 characters
    return newline - line_start >= max(WRAPPED_LINE, WRAP_SHARE * width) \
        and WRAP_END.search(text, line_start, newline) is not None and WRAP_GOES_ON.match(text, newline + 1) is not None


class SentenceBounds:
    """Finds the sentence (or bullet line) around a span; the text's sentence ends are found once."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        width = _wrap_width(text) if "\n" in text else 0
        breaks = [m.span() for m in SENTENCE_END.finditer(text)
                  if text[m.start()] != "\n" or not _wrapped(text, m.start(), width)]
        self.starts = [b[0] for b in breaks]
        self.ends = [b[1] for b in breaks]

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        """[left, right) of the sentence holding [start, end), at most 400 characters either side."""
        floor = max(0, start - 400)
        k = bisect_right(self.ends, start) - 1  # the last break ending at or before `start`
        left = self.ends[k] if k >= 0 and self.starts[k] >= floor else floor
        k = bisect_left(self.starts, end)  # the first break starting at or after `end`
        ceiling = min(self.length, end + 400)
        right = self.starts[k] if k < len(self.starts) and self.ends[k] <= ceiling else ceiling
        return left, right


@lru_cache(maxsize=4)
def bounds_of(text: str) -> SentenceBounds:
    """The SentenceBounds of `text`, built once for the stages and the serializer that each ask about it."""
    return SentenceBounds(text)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around one span (for many spans of one text, build a SentenceBounds once)."""
    return SentenceBounds(text)(start, end)
