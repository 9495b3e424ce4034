"""The same CV in two files: a compact signature of a text's words, and which stored CV a new one repeats.

Recruiters often receive one CV twice, as DOCX and as the PDF exported from it, or sent again by an agency. Their
texts differ (line breaks, bullets, page headers), so their ids (hashes of the text) differ; their words do not.
A signature is a MinHash of the set of words: SIZE numbers, from which the share of words two texts have in common
(their Jaccard similarity) is estimated, without keeping the words themselves. On the six DOCX/PDF pairs of
`../shared/data/resumes-docx-pdf-pairs-soupboss` each pair shares every word (1.00) and different CVs of one
occupation share at most 0.31; no two of the 473 LiveCareer resumes share more than 0.40.
"""

from __future__ import annotations

import re
from hashlib import blake2b

import numpy as np

SIZE = 32  # numbers per signature: the estimate's standard error is about 0.07 near 0.8
SAME = 0.8  # share of words from which two CVs are one CV
MIN_WORDS = 50  # fewer distinct words say too little: such a text is never called a copy of another
WORD = re.compile(r"\w{2,}")
_SEEDS = np.random.default_rng(20261207).integers(1, 2**63, size=(2, SIZE), dtype=np.uint64)
_MULTIPLIERS, _OFFSETS = _SEEDS[0] | np.uint64(1), _SEEDS[1]  # multiply-shift hashing needs odd multipliers


def signature(text: str) -> list[int] | None:
    """The MinHash signature of the text's words (case-folded); None for a text of fewer than MIN_WORDS."""
    words = {w.casefold() for w in WORD.findall(text)}
    if len(words) < MIN_WORDS:
        return None
    hashes = np.fromiter((int.from_bytes(blake2b(w.encode(), digest_size=8).digest(), "little") for w in words),
                         dtype=np.uint64, count=len(words))
    mins = (hashes[:, None] * _MULTIPLIERS + _OFFSETS).min(axis=0)  # one min-wise hash per column (mod 2**64)
    return mins.view(np.int64).tolist()  # signed: DuckDB's BIGINT


def similarity(one: list[int], others) -> np.ndarray:
    """The estimated share of words `one` has in common with each of `others` (signatures, one per row)."""
    rows = np.asarray(others, dtype=np.int64).reshape(-1, SIZE)
    return (rows == np.asarray(one, dtype=np.int64)).mean(axis=1)


class Seen:
    """The CVs stored so far, by id, length (characters) and signature, to find the one a new CV repeats."""

    def __init__(self, stored: list[tuple[str, int, list[int]]]) -> None:
        self.ids = [doc_id for doc_id, _, _ in stored]
        self.lengths = np.asarray([chars for _, chars, _ in stored], dtype=np.float64)
        self.matrix = np.asarray([sig for _, _, sig in stored], dtype=np.int64).reshape(-1, SIZE)

    def same_as(self, chars: int, sig: list[int] | None) -> str | None:
        """The id of a stored CV that this one repeats (the most alike), or None. Both must be of about one length
        (SAME): a one-page CV and the two-page CV it was cut from share their words but are two versions."""
        if sig is None or not self.ids:
            return None
        scores = similarity(sig, self.matrix)
        scores[np.minimum(self.lengths, chars) < SAME * np.maximum(self.lengths, chars)] = 0.0
        best = int(scores.argmax())
        return self.ids[best] if scores[best] >= SAME else None

    def add(self, doc_id: str, chars: int, sig: list[int] | None) -> None:
        if sig is not None:
            self.ids.append(doc_id)
            self.lengths = np.append(self.lengths, float(chars))
            self.matrix = np.vstack([self.matrix, np.asarray(sig, dtype=np.int64)])
