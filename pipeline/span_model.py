"""Trained taggers of skill phrases, English and Dutch: linear-chain CRFs (python-crfsuite) over word features.

Trained here by `bench/train_span_model.py` on the public SkillSpan corpus (Zhang et al. 2022: English job
postings with their skill and knowledge phrases marked; English only), on a blind-annotated corpus of real ads and
resumes (bench/span_training) and on skillfit's own annotated real-document dev part (tests/eval/real/dev): what a
recruiter calls a skill. The models ship in the package (`pipeline/models/skill_spans_<language>.crfsuite`) with the
word classes their features use (`word_classes_en.tsv`: each frequent English word's Brown cluster and parts of
speech, from spacy-lookups-data). They find skill phrases on no list ("line maintenance", "retourverwerking"); the
open-skills stage decides which of them to keep.

Words here include punctuation (a comma between list items tells the tagger as much as a word does), so the
tokens are this module's own, with offsets into the text they came from.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

WORD = re.compile(r"[^\W_]+(?:[.'’+#-][^\W_]+)*[+#]*|[^\w\s]")
LINE = re.compile(r"[^\n]+")
MODEL_NAMES = {"en": "skill_spans_en.crfsuite", "nl": "skill_spans_nl.crfsuite"}  # one model per language
CLASSES_NAME = "word_classes_en.tsv"  # word -> Brown cluster path and parts of speech, from spacy-lookups-data
CLUSTER_PREFIXES = (4, 8, 12, 16)
INSIDE = 0.5  # a word is in a phrase when it is at least this likely to be (max-marginal decoding)


def model_files() -> list[Path]:
    """The shipped model's files that exist (the taxonomy's content hash covers them: a new model re-extracts)."""
    folder = resources.files("pipeline").joinpath("models")
    return [Path(str(folder.joinpath(name))) for name in (*MODEL_NAMES.values(), CLASSES_NAME)
            if folder.joinpath(name).is_file()]


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, str]]:
    """Lower-case word -> (Brown cluster bit path, parts of speech as letters n v a r); {} where the file is missing."""
    found = [path for path in model_files() if path.name == CLASSES_NAME]
    if not found:
        return {}
    out = {}
    for line in found[0].read_text(encoding="utf-8").splitlines():
        word, bits, pos = line.split("\t")
        out[word] = (bits, pos)
    return out


def shape(word: str) -> str:
    """Xxxx -> Xx, SQL -> X, 2019 -> d, C++ -> X+: the word's character classes, runs collapsed."""
    out: list[str] = []
    for ch in word:
        cls = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)[:6]


def word_features(word: str, classes: dict[str, tuple[str, str]]) -> list[str]:
    """A word's own features: the word, its affixes, shape, Brown-cluster prefixes and parts of speech."""
    lower = word.lower()
    out = [f"w={lower}", f"s3={lower[-3:]}", f"s2={lower[-2:]}", f"p3={lower[:3]}", f"sh={shape(word)}"]
    bits, pos = classes.get(lower, ("", "?"))
    out += [f"c{n}={bits[:n]}" for n in CLUSTER_PREFIXES if len(bits) >= n]
    out += [f"pos={p}" for p in pos]
    return out


# Words that tell a person's gender or number, and the English verb that agrees with them: the tagger sees one word
# for each group, so "She is a driven chef" and "They are a driven chef" (or "Hij is een gedreven kok" and "Die is
# een gedreven kok") are tagged alike (tests/test_fairness.py). Dutch "zijn" (his, or are) and "die" (they, or
# that) go in the pronoun group whatever they mean: the same in training and use.
PRONOUNS = "he she they him her them his hers their theirs himself herself themselves hij zij ze hem haar hen hun zijn die"
NEUTRAL = {**dict.fromkeys(PRONOUNS.split(), "pron"), **dict.fromkeys("is are am was were".split(), "be")}


def neutral(word: str) -> str:
    """`word`, or its group's one word (in the word's own case: She -> Pron) when it tells gender or number."""
    group = NEUTRAL.get(word.lower())
    if group is None:
        return word
    return group.capitalize() if word[:1].isupper() else group


class Word(NamedTuple):
    """One word's features, ready to use wherever it stands: its own, and as the neighbour one or two words away."""

    lower: str
    own: list[str]
    before: list[str]  # as the word before the tagged one
    after: list[str]
    two_before: str
    two_after: str


_WORDS: dict[str, Word] = {}  # memo: a batch repeats its words, and features are most of the tagger's time
MAX_MEMO = 200_000
MAX_LINES = 20_000  # the line memo's bound (a few MB)


def _word(raw: str) -> Word:
    found = _WORDS.get(raw)
    if found is None:
        if len(_WORDS) >= MAX_MEMO:
            _WORDS.clear()
        word = neutral(raw)
        own = word_features(word, word_classes())
        lower = word.lower()
        context = [f for f in own[2:] if not f.startswith(("s2", "p3"))]
        found = _WORDS[raw] = Word(lower, ["b", *own], [f"-1w={lower}", *(f"-1{f}" for f in context)],
                                    [f"1w={lower}", *(f"1{f}" for f in context)], f"-2w={lower}", f"2w={lower}")
    return found


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """The features of each word of one sentence: its own, and its neighbours' within two words."""
    info = [_word(w) for w in words]
    out = []
    last = len(info) - 1
    for i, word in enumerate(info):
        feats = list(word.own)
        if i == 0:
            feats.append("BOS")
        else:
            feats += info[i - 1].before
            feats.append(f"bg-={info[i - 1].lower}|{word.lower}")
            if i > 1:
                feats.append(info[i - 2].two_before)
        if i == last:
            feats.append("EOS")
        else:
            feats += info[i + 1].after
            feats.append(f"bg+={word.lower}|{info[i + 1].lower}")
            if i < last - 1:
                feats.append(info[i + 2].two_after)
        out.append(feats)
    return out


@dataclass(frozen=True)
class Phrase:
    """A tagged phrase: [start, end) in the text, and the lowest probability of any of its words to be in a skill."""

    start: int
    end: int
    confidence: float


class SpanTagger:
    """Tags skill phrases in the lines of a text with a trained CRF model."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.local = threading.local()  # a crfsuite Tagger keeps the last sequence's state: one per thread
        self.lines: dict[str, tuple[Phrase, ...]] = {}  # memo: line -> its phrases, offsets in the line

    @property
    def tagger(self) -> Any:
        """This thread's crfsuite Tagger, opened on first use."""
        tagger = getattr(self.local, "tagger", None)
        if tagger is None:
            import pycrfsuite  # type: ignore[import-untyped]  # imported here: only documents that reach the tagger pay

            tagger = self.local.tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
        return tagger

    def phrases(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Phrase]:
        """Skill phrases in text[start:end], one line at a time."""
        end = len(text) if end is None else end
        for line in LINE.finditer(text, start, end):
            found = self.lines.get(line.group())
            if found is None:  # a line seen before (an employer's boilerplate in each of its ads) is tagged once
                if len(self.lines) >= MAX_LINES:
                    self.lines.clear()
                tokens = list(WORD.finditer(line.group()))
                found = self.lines[line.group()] = tuple(self._tag(tokens)) if tokens else ()
            for phrase in found:
                yield Phrase(line.start() + phrase.start, line.start() + phrase.end, phrase.confidence)

    def _tag(self, tokens: list[re.Match[str]]) -> Iterator[Phrase]:
        for i, j, confidence in decode(self.tagger, [t.group() for t in tokens]):
            yield Phrase(tokens[i].start(), tokens[j - 1].end(), confidence)


def decode(tagger: Any, words: Sequence[str]) -> list[tuple[int, int, float]]:
    """The phrases of one line as [i, j) word indexes, each with its lowest probability of a word to be in a skill.
    Max-marginal decoding: a phrase is a run of words each more likely inside a skill than not, split where a word
    is likelier to begin one than to go on. It finds more than the single best tag sequence (Viterbi) at a lower
    precision: 2-fold on the dev part, English +25 hits for +13 false, Dutch +6 for +4."""
    tagger.set(sentence_features(words))
    inside = [1.0 - tagger.marginal("O", k) for k in range(len(words))]
    out, i = [], 0
    while i < len(words):
        if inside[i] < INSIDE:
            i += 1
            continue
        j = i + 1
        while j < len(words) and inside[j] >= INSIDE and tagger.marginal("I", j) > tagger.marginal("B", j):
            j += 1
        out.append((i, j, min(inside[i:j])))
        i = j
    return out


def default_tagger(language: str | None = "en") -> SpanTagger | None:
    """The shipped tagger of a language, loaded once; None for a language without one."""
    return _shipped(language or "")


@cache
def _shipped(language: str) -> SpanTagger | None:
    found = [path for path in model_files() if path.name == MODEL_NAMES.get(language)]
    return SpanTagger(found[0]) if found else None
