"""The compiled skill matcher: taxonomy labels indexed for exact, lemma, compound and fuzzy lookup.

Compiling takes a few seconds for a large taxonomy, so the compiled matcher is pickled to a cache
directory keyed by the taxonomy's content hash, the skillfit version and a fingerprint of this code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from pipeline import __version__
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.taxonomy import Taxonomy
from pipeline.tokens import Tokens, fold, label_words

YEAR = re.compile(r"(19|20)\d\d")
INITIAL = re.compile(r"\. ?[A-Z]")
SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n\s*\n")
MAX_PHRASE = 10  # words; longer labels are ignored
NEARBY_WINDOW = 12  # words either side searched by a context rule's require_nearby
COMPOUND_MIN = 5  # shortest label found at the end of a longer Dutch word
COMPOUND_MAX = 60  # longer "words" are URLs, hashes or noise: not searched for compounds
COMPOUND_PREFIX_MIN = 3  # shortest label found before a compound head (SQL-kennis, Javaontwikkelaar)
# Adjectives and participles are not compound heads: "datagedreven" is not "gedreven" (driven).
NOT_COMPOUNDABLE = re.compile(r"^ge\w+(en|d|t)$|(ig|baar|isch|lijk|end|ief)$")
FUZZY_MIN = 6  # shortest label (characters) matched approximately
# Words a Dutch compound may end in after a skill label: Pythonontwikkeling, SAP-kennis.
COMPOUND_HEADS = frozenset("""
ervaring kennis vaardigheid vaardigheden ontwikkeling ontwikkelaar ontwikkelaars expert experts
specialist specialisten beheer beheerder certificaat certificering skills achtergrond omgeving
project projecten team teams programmeur programmeurs consultant engineer engineers developer
developers opleiding training cursus analist analisten medewerker
""".split())
CONJUNCTIONS = frozenset({"and", "or", "en", "of", "as well as"})
METHOD_RANK = {"exact": 0, "acronym": 0, "lemma": 1, "compound": 2, "inferred": 3, "fuzzy": 4}


@dataclass(frozen=True)
class Entry:
    """One taxonomy label as the matcher knows it."""

    skill_id: str
    label: str
    language: str
    cased: bool


@dataclass(frozen=True)
class Candidate:
    """A possible mention before overlaps are resolved."""

    start: int
    end: int
    entry: Entry
    method: str
    confidence: float
    first: int  # first and last word index (for context rules)
    last: int


def _prefixes(keys) -> frozenset[tuple[str, ...]]:
    return frozenset(key[:n] for key in keys for n in range(1, len(key)))


class SkillMatcher:
    """Finds taxonomy labels in tokenized text; build with `compile_matcher` or `cached_matcher`."""

    def __init__(self, taxonomy: Taxonomy, lexicon: Lexicon) -> None:
        self.taxonomy = taxonomy
        self.lexicon = lexicon
        self.exact: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.cased: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.lemma: dict[str, dict[tuple[str, ...], list[Entry]]] = {lang: defaultdict(list) for lang in lexicon.lemmas}
        self.compound: dict[str, list[Entry]] = defaultdict(list)
        self.fuzzy: dict[tuple[str, int], list[tuple[str, Entry]]] = defaultdict(list)
        for skill in taxonomy.skills.values():
            sensitive = taxonomy.case_sensitive.get(skill.id, frozenset())
            for lang, labels in skill.labels.items():
                for label in labels:
                    self._add(Entry(skill.id, label, lang, label in sensitive))
        for index in (self.exact, self.cased, *self.lemma.values(), self.compound, self.fuzzy):
            index.default_factory = None  # freeze: lookups must not grow the dicts
        self.fuzzy_labels = {key: [label for label, _ in items] for key, items in self.fuzzy.items()}
        self.prefix_exact = _prefixes(self.exact)
        self.prefix_cased = _prefixes(self.cased)
        self.prefix_lemma = {lang: _prefixes(index) for lang, index in self.lemma.items()}

    def _add(self, entry: Entry) -> None:
        words = label_words(entry.label)
        if not words or len(words) > MAX_PHRASE:
            return
        if entry.cased:
            self.cased[words].append(entry)
            return
        key = tuple(fold(w) for w in words)
        self.exact[key].append(entry)
        if entry.language in self.lemma:
            self.lemma[entry.language][tuple(self.label_lemma(entry.language, w) for w in key)].append(entry)
        if len(key) == 1 and len(key[0]) >= COMPOUND_MIN and entry.language == "nl" \
                and not NOT_COMPOUNDABLE.search(key[0]):
            self.compound[key[0]].append(entry)
        joined = " ".join(key)
        if len(joined) >= FUZZY_MIN:
            self.fuzzy[(joined[0], len(joined))].append((joined, entry))

    def label_lemma(self, language: str, word: str) -> str:
        """Lemma of a label word, except that -ing nouns stay nouns (accounting is not account)."""
        lemma = self.lexicon.lemma(language, word)
        return word if word.endswith("ing") and not lemma.endswith("ing") else lemma

    # -- matching ---------------------------------------------------------------------------

    def candidates(self, tokens: Tokens, language: str | None, fuzzy: bool = True) -> list[Candidate]:
        """Every label occurrence in `tokens`, before context checks and overlap resolution."""
        lang = language if language in self.lemma else "en"
        lemmas = [self.label_lemma(lang, w) for w in tokens.folded]
        found: list[Candidate] = []
        covered = bytearray(len(tokens))
        for i in range(len(tokens)):
            found += self._phrases(tokens, i, tokens.words, self.cased, self.prefix_cased, "acronym", 1.0)
            found += self._phrases(tokens, i, tokens.folded, self.exact, self.prefix_exact, "exact", 1.0)
            found += self._phrases(tokens, i, lemmas, self.lemma[lang], self.prefix_lemma[lang], "lemma", 0.95)
        for c in found:
            for k in range(c.first, c.last + 1):
                covered[k] = 1
        for i, word in enumerate(tokens.folded):
            if not covered[i]:
                found += self._compounds(tokens, i, word)
        found += self._coordinated(tokens, found)
        if fuzzy:
            for c in found:
                for k in range(c.first, c.last + 1):
                    covered[k] = 1
            found += self._fuzzy(tokens, covered)
        return found

    def _phrases(self, tokens, i, words, index, prefixes, method, confidence) -> list[Candidate]:
        out = []
        key: tuple[str, ...] = ()
        for j in range(i, min(i + MAX_PHRASE, len(words))):
            if j > i and not tokens.joinable[j - 1]:
                break
            key += (words[j],)
            for entry in index.get(key, ()):
                if method == "acronym" and not _is_caps(entry.label):
                    m = "exact"
                else:
                    m = method
                out.append(Candidate(tokens.starts[i], tokens.ends[j], entry, m, confidence, i, j))
            if key not in prefixes:
                break
        return out

    def _compounds(self, tokens: Tokens, i: int, word: str) -> list[Candidate]:
        """Dutch compounds: a label at the end of a longer word, or at its start before a known head."""
        surface = tokens.words[i]
        if len(word) != len(surface) or not COMPOUND_PREFIX_MIN + 5 <= len(word) <= COMPOUND_MAX:
            return []
        start, out = tokens.starts[i], []
        for k in range(3, len(word) - COMPOUND_MIN + 1):  # communicatievaardigheden inside a longer word
            for entry in self.compound.get(word[k:], ()):
                out.append(Candidate(start + k, tokens.ends[i], entry, "compound", 0.85, i, i))
        for k in range(COMPOUND_PREFIX_MIN, len(word) - 3):  # Pythonontwikkeling, SAP-kennis
            head = word[k:].lstrip("s-") if word[k] in "s-" and word[k:].lstrip("s-") in COMPOUND_HEADS else word[k:]
            if head in COMPOUND_HEADS:
                for entry in self.exact.get((word[:k],), ()) or self.cased.get((surface[:k],), ()):
                    out.append(Candidate(start, start + k, entry, "compound", 0.85, i, i))
        return out

    def _coordinated(self, tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
        """Ellipsis in coordinated phrases: "written and verbal communication" also names written
        communication, "Project- en verandermanagement" also projectmanagement. The inferred mention
        covers just the first conjunct ("written", "Project")."""
        out = []
        for c in found:
            i = c.first
            if i < 2 or tokens.folded[i - 1] not in CONJUNCTIONS or not (tokens.joinable[i - 2] and tokens.joinable[i - 1]):
                continue
            head = tokens.folded[i - 2]
            rest = tokens.folded[i:c.last + 1]
            keys = [(head,) + tuple(rest[1:])] if len(rest) > 1 else []
            word = rest[0]
            keys += [(head + word[k:],) for k in range(3, len(word) - 3)]  # suspended compound: Project-
            for key in keys:
                for entry in self.exact.get(key, ()):
                    out.append(Candidate(tokens.starts[i - 2], tokens.ends[i - 2], entry, "inferred", 0.8, i - 2, i - 2))
        return out

    def _fuzzy(self, tokens: Tokens, covered: bytearray) -> list[Candidate]:
        """Typos and OCR noise: uncovered word n-grams within a small edit distance of a label."""
        out = []
        n_words = len(tokens)
        for i in range(n_words):
            if covered[i]:
                continue
            for j in range(i, min(i + 3, n_words)):
                if j > i and (covered[j] or not tokens.joinable[j - 1]):
                    break
                span = tokens.folded[i:j + 1]
                if any(len(w) <= 2 or w in CONJUNCTIONS for w in span):
                    break  # "technische en" is not a typo of anything
                if all(self.lexicon.is_known(w) for w in span):
                    continue  # correctly spelled words are not typos of a label
                text = " ".join(span)
                if len(text) < FUZZY_MIN:
                    continue
                max_dist = 1 if len(text) < 15 else 2  # two edits in a 12-letter Dutch word is another word
                best = None
                for length in range(len(text) - max_dist, len(text) + max_dist + 1):
                    bucket = self.fuzzy_labels.get((text[0], length))
                    if bucket:
                        hit = process.extractOne(text, bucket, scorer=OSA.distance, score_cutoff=max_dist)
                        if hit and (best is None or hit[1] < best[0]):
                            best = (hit[1], self.fuzzy[(text[0], length)][hit[2]][1], hit[0])
                if best:
                    dist, entry, label = best
                    confidence = round(0.9 * (1 - dist / len(label)), 3)
                    out.append(Candidate(tokens.starts[i], tokens.ends[j], entry, "fuzzy", confidence, i, j))
        return out

    def passes_context(self, tokens: Tokens, c: Candidate, title: frozenset[str] = frozenset()) -> bool:
        """Apply the concept's context rule (Go the verb, R the letter, excel in, C-level).

        `title`: folded words of the document's first line, a fallback for `require_nearby`.
        """
        rule = self.taxonomy.context.get(c.entry.skill_id)
        if rule is None or not rule.covers(c.entry.label):
            return True
        prev_word = tokens.folded[c.first - 1] if c.first > 0 else ""
        next_word = tokens.folded[c.last + 1] if c.last + 1 < len(tokens) else ""
        next_adjacent = c.last + 1 < len(tokens) and tokens.text[c.end:tokens.starts[c.last + 1]] in (" ", "\u00a0")
        if prev_word in rule.reject_prev or next_word in rule.reject_next or (next_adjacent and YEAR.fullmatch(next_word)):
            return False
        after = tokens.text[c.end:c.end + 3]
        if len(c.entry.label) == 1 and INITIAL.match(after):
            return False  # "Jan R. Peeters": an initial, not the R language
        if rule.reject_before_name and next_adjacent and tokens.words[c.last + 1][:1].isupper():
            return False
        if rule.require_nearby:
            nearby = set()
            for k in range(c.first - 1, max(-1, c.first - 1 - NEARBY_WINDOW), -1):  # same sentence only
                if SENTENCE_BREAK.search(tokens.text, tokens.ends[k], tokens.starts[k + 1]):
                    break
                nearby.add(tokens.folded[k])
            for k in range(c.last + 1, min(len(tokens), c.last + 1 + NEARBY_WINDOW)):
                if SENTENCE_BREAK.search(tokens.text, tokens.ends[k - 1], tokens.starts[k]):
                    break
                nearby.add(tokens.folded[k])
            return not nearby.isdisjoint(rule.require_nearby) or not title.isdisjoint(rule.require_nearby)
        return True


def _is_caps(label: str) -> bool:
    letters = [ch for ch in label if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates: leftmost-longest, then the surest method.

    Leftmost first keeps `PL/SQL queries` as PL/SQL rather than the longer but later `SQL queries`.
    """
    chosen: list[Candidate] = []
    last_end = -1
    for c in sorted(candidates, key=lambda c: (c.start, c.start - c.end, METHOD_RANK[c.method], -c.confidence)):
        if c.start >= last_end:  # sorted by start, so only the last chosen one can overlap
            chosen.append(c)
            last_end = c.end
    return chosen


def cache_dir() -> Path:
    """Where compiled matchers are kept: $SKILLFIT_CACHE_DIR, else $XDG_CACHE_HOME/skillfit."""
    explicit = os.environ.get("SKILLFIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "skillfit"


def code_fingerprint() -> str:
    """A hash of the modules whose objects are pickled, so a code change never loads a stale cache."""
    digest = hashlib.sha256()
    for module in ("matcher.py", "tokens.py", "lexicon.py", "taxonomy.py", "model.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:10]


def cached_matcher(taxonomy: Taxonomy, use_cache: bool = True) -> SkillMatcher:
    """The compiled matcher for `taxonomy`, from the on-disk cache when its hash is there."""
    path = cache_dir() / f"matcher-{__version__}-{code_fingerprint()}-{taxonomy.content_hash}.pkl"
    if use_cache and path.exists():
        try:
            with path.open("rb") as fh:
                matcher = pickle.load(fh)
            matcher.taxonomy = taxonomy
            return matcher
        except Exception:  # a stale or truncated cache file is rebuilt, never fatal
            pass
    matcher = SkillMatcher(taxonomy, load_lexicon())
    if use_cache:
        from pipeline.taxonomy import _write_cache

        _write_cache(path, matcher)
    return matcher
