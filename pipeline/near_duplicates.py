"""The same CV in two files: a compact signature of a text's words, and which stored CV a new one repeats.

Recruiters often receive one CV twice, as DOCX and as the PDF exported from it, or sent again by an agency. Their
texts differ (line breaks, bullets, page headers), so their ids (hashes of the text) differ; their words do not.
A signature is a MinHash of the set of words: SIZE numbers, from which the share of words two texts have in common
(their Jaccard similarity) is estimated, without keeping the words themselves. What tells one person from another
and reads the same in every copy (the words of a "Naam:" line, e-mail addresses) weighs NAME_WEIGHT words each, so
that two people on one template are two (a DPO's audit: two nurses' CVs on one template, differing in name, e-mail
and address only, were one candidate, and erasing one erased the other; two on a template with neither still are).
The words are hashed with a key kept in the sources file beside the database (its salt), not in the results: with a
public hash, a dictionary of names and towns read them back from a shared results file; a database moved without
its sources file gets a new key, and its stored CVs' copies are no longer recognised. On the six DOCX/PDF pairs of
`../shared/data/resumes-docx-pdf-pairs-soupboss` each pair shares every word (1.00) and different CVs of one
occupation share at most 0.31; no two of the 473 LiveCareer resumes share more than 0.40.
"""

from __future__ import annotations

import re
from hashlib import blake2b

import numpy as np

from pipeline.personal_data import EMAIL

SIZE = 128  # numbers per signature: the estimate's standard error is about 0.035 near 0.8
SAME = 0.9  # share of words from which two CVs are one CV (the copies measured share all)
LENGTH = 0.8  # ... and the shorter at least this share of the longer's characters
PREFILTER, PREFILTER_MIN = 16, 10  # a pair sharing 90% of its words has 10 of the first 16 equal 99.9% of the time
MIN_WORDS = 50  # fewer distinct words say too little: such a text is never called a copy of another
# The words of a labelled name ("Naam: Jan Peeters") count this many times: two people on one template (an agency's
# intake form) share most words but not their names, which then outweigh the template; copies share them all.
NAME_WEIGHT = 25
NAME_LABEL = re.compile(r"^[ \t*•-]*(?:naam|name|full name|volledige naam|voornaam|achternaam|first name|last name|"
                        r"surname|familienaam)[ \t]*:[ \t]*([^\n]+)", re.I | re.M)
WORD = re.compile(r"\w{2,}")
_SEEDS = np.random.default_rng(20261207).integers(1, 2**63, size=(2, SIZE), dtype=np.uint64)
_MULTIPLIERS, _OFFSETS = _SEEDS[0] | np.uint64(1), _SEEDS[1]  # multiply-shift hashing needs odd multipliers


def signature(text: str, key: bytes = b"") -> list[int] | None:
    """The MinHash signature of the text's words (case-folded), hashed with `key`; None for a text of fewer than
    MIN_WORDS."""
    words = {w.casefold() for w in WORD.findall(text)}
    if len(words) < MIN_WORDS:
        return None
    words |= {f"{word}#{k}" for word in identity_words(text) for k in range(NAME_WEIGHT)}
    hashes = np.fromiter((int.from_bytes(blake2b(w.encode(), digest_size=8, key=key).digest(), "little")
                          for w in words), dtype=np.uint64, count=len(words))
    mins = (hashes[:, None] * _MULTIPLIERS + _OFFSETS).min(axis=0)  # one min-wise hash per column (mod 2**64)
    return mins.view(np.int64).tolist()  # signed: DuckDB's BIGINT


def identity_words(text: str) -> set[str]:
    """What tells the person apart and reads the same in every copy: the words of a labelled name and e-mail
    addresses (not the opening words, which a page header or a sidebar read first changes, nor phone numbers,
    written "+32 470" in one copy and "0470" in another: a review found real copies no longer merged)."""
    out = {w.casefold() for line in NAME_LABEL.findall(text) for w in WORD.findall(line)}
    return out | {found.casefold() for found in EMAIL.findall(text)}


def similarity(one: list[int], others) -> np.ndarray:
    """The estimated share of words `one` has in common with each of `others` (signatures, one per row)."""
    rows = np.asarray(others, dtype=np.int64).reshape(-1, SIZE)
    return (rows == np.asarray(one, dtype=np.int64)).mean(axis=1)


class Seen:
    """The CVs stored so far (ids, lengths in characters, signatures flattened), and those added since, to find the
    one a new CV repeats."""

    def __init__(self, ids: list[str], lengths, flat_signatures) -> None:
        self.ids = list(ids)
        self.lengths = np.asarray(lengths, dtype=np.float64)
        self.matrix = np.asarray(flat_signatures, dtype=np.int64).reshape(-1, SIZE)
        self.added: list[tuple[str, int, list[int]]] = []  # a batch's own: few, compared one by one

    def same_as(self, chars: int, sig: list[int] | None) -> str | None:
        """The id of a CV that this one repeats (the most alike), or None. Both must be of about one length
        (LENGTH): a one-page CV and the two-page CV it was cut from share their words but
        are two versions."""
        if sig is None:
            return None
        best, best_id = 0.0, None
        if self.ids:
            # the first PREFILTER numbers pick the few rows worth comparing in full (40,000 stored CVs: 1 ms, not 7)
            head = (self.matrix[:, :PREFILTER] == np.asarray(sig[:PREFILTER], dtype=np.int64)).sum(axis=1)
            rows = np.flatnonzero((head >= PREFILTER_MIN) & _alike_lengths(self.lengths, chars))
            if len(rows):
                scores = similarity(sig, self.matrix[rows])
                k = int(scores.argmax())
                best, best_id = float(scores[k]), self.ids[int(rows[k])]
        for doc_id, length, other in self.added:
            score = float(similarity(sig, [other])[0]) if _alike_lengths(np.float64(length), chars) else 0.0
            if score > best:
                best, best_id = score, doc_id
        return best_id if best >= SAME else None

    def add(self, doc_id: str, chars: int, sig: list[int] | None) -> None:
        if sig is not None:
            self.added.append((doc_id, chars, sig))


def _alike_lengths(lengths, chars: int):
    return np.minimum(lengths, chars) >= LENGTH * np.maximum(lengths, chars)
