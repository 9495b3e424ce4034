"""Word tokens with exact character offsets, shared by taxonomy labels and document text.

Labels and documents go through the same tokenizer, so `front-end`, `front end` and `Front-End`
give the same key and every match maps back to exact offsets in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A token: letters/digits, joined by inner dots or apostrophes (Node.js, driver's), ending in + or #
# (C++, C#); a leading dot only after whitespace (.NET).
TOKEN = re.compile(r"(?:(?<![^\s(\[/])\.)?[^\W_]+(?:[.'’][^\W_]+)*(?:[+#]+(?![^\W_]))?")
# What may sit between two words of one phrase: spaces, one line break, one hyphen, slash, dash or &.
JOINABLE_GAP = re.compile(r"[ \t\u00a0]*(?:[-/–&][ \t\u00a0]*)?\r?\n?[ \t\u00a0]*")


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

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str) -> Tokens:
    """Split `text` into words with offsets; never raises on any string."""
    starts, ends, words = [], [], []
    for m in TOKEN.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group())
    joinable = [
        JOINABLE_GAP.fullmatch(text, ends[i], starts[i + 1]) is not None for i in range(len(words) - 1)
    ]
    return Tokens(text, starts, ends, words, [fold(w) for w in words], joinable)


def label_words(label: str) -> tuple[str, ...]:
    """The surface words of a taxonomy label, in the same tokenization as documents."""
    return tuple(m.group() for m in TOKEN.finditer(label))
