"""Word tokens with exact character offsets, shared by taxonomy labels and document text.

Labels and documents go through the same tokenizer, so `front-end`, `front end` and `Front-End`
give the same key and every match maps back to exact offsets in the original text.

Both are first cleaned by `pipeline.normalise` (Markdown escapes and emphasis, soft hyphens, zero-width
characters, mojibake): words, folded forms and joinability come from the clean text, offsets point into
the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.normalise import OffsetMap, normalise

# A token: letters/digits, joined by inner dots or apostrophes (Node.js, driver's), ending in + or #
# (C++, C#); a leading dot only after whitespace (.NET).
TOKEN = re.compile(r"(?:(?<![^\s(\[/])\.)?[^\W_]+(?:[.'’][^\W_]+)*(?:[+#]+(?![^\W_]))?")
# What may sit between two words of one phrase: spaces, one line break, one hyphen, slash, dash or &; a tab only
# as a wrapped line's indent, as elsewhere it parts the cells of a table row ("Python⇥3 jaar" is no "Python 3").
JOINABLE_GAP = re.compile(r"[ \u00a0]*(?:[-/–&][ \u00a0]*)?(?:\r?\n[ \t\u00a0]*)?")
CODE_AFTER_PLUS = re.compile(r"[A-Z]\d?")  # "C+E", "B+E", "C1+E": a licence's code joined by "+" (not "Azure + DevOps")
# ... and a licence code in the cell after its label ("Rijbewijs⇥B", "Rijbewijs⇥CE")
CELL_GAP = re.compile(r"[ ]*\t[ \t]*")
CODE_IN_CELL = re.compile(r"[A-Z]{1,2}\d?")


def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word (ideeën -> ideeen)."""
    word = word.casefold()
    if word.isascii():
        return word
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


@dataclass(frozen=True)
class Tokens:
    """The words of a text: parallel lists of offsets, surface forms and folded forms."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    folded: list[str]
    joinable: list[bool]  # joinable[i]: words i and i+1 may belong to one phrase
    # Where the text needed cleaning: where each clean character came from, the clean text, and each word's
    # span in it. None for clean text, where words are slices of `text`.
    origin: OffsetMap | None = field(default=None, repr=False, compare=False)
    clean: str | None = field(default=None, repr=False, compare=False)
    clean_starts: list[int] | None = field(default=None, repr=False, compare=False)
    clean_ends: list[int] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.words)

    def char_start(self, i: int, k: int) -> int:
        """Offset in `text` of character k of `words[i]` (a compound's head inside a longer word)."""
        if self.origin is None or self.clean_starts is None:
            return self.starts[i] + k
        return self.origin.start(self.clean_starts[i] + k)

    def gap(self, i: int) -> str:
        """The clean text between words i and i+1 (`** ` around emphasis reads as ` `)."""
        if self.clean is None or self.clean_starts is None or self.clean_ends is None:
            return self.text[self.ends[i]:self.starts[i + 1]]
        return self.clean[self.clean_ends[i]:self.clean_starts[i + 1]]


def tokenize(text: str) -> Tokens:
    """Split `text` into words with offsets into `text`; never raises on any string.

    Words are the clean surface (`S\\u00adQL` -> `SQL`), so `words[i]` may differ from
    `text[starts[i]:ends[i]]` where the text needed cleaning.
    """
    clean, origin = normalise(text)
    starts, ends, words = [], [], []
    for m in TOKEN.finditer(clean):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group())
    gap = JOINABLE_GAP.fullmatch
    joinable = [clean[e:s] == " " or gap(clean, e, s) is not None  # mostly " "
                or (clean[e:s] == "+" and CODE_AFTER_PLUS.fullmatch(words[k + 1]) is not None)
                or (CELL_GAP.fullmatch(clean, e, s) is not None and CODE_IN_CELL.fullmatch(words[k + 1]) is not None)
                for k, (e, s) in enumerate(zip(ends, starts[1:]))]
    folded = [fold(w) for w in words]
    if origin is None:
        return Tokens(text, starts, ends, words, folded, joinable)
    return Tokens(text, origin.starts(starts), origin.ends(ends), words, folded, joinable, origin, clean, starts, ends)


def label_words(label: str) -> tuple[str, ...]:
    """The surface words of a taxonomy label, in the same tokenization (and cleaning) as documents."""
    return tuple(m.group() for m in TOKEN.finditer(normalise(label)[0]))
