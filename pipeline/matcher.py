"""The compiled skill matcher: taxonomy labels indexed for exact, lemma, compound and fuzzy lookup.

Compiling takes a few seconds for a large taxonomy, so the compiled matcher is pickled to a cache
directory keyed by the taxonomy's content hash, the skillfit version and a fingerprint of this code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from pipeline import __version__, cache
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.model import Method
from pipeline.morphology import Morphology
from pipeline.taxonomy import Taxonomy
from pipeline.tokens import Tokens, fold, label_words

YEAR = re.compile(r"(19|20)\d\d")
INITIAL = re.compile(r"\. ?[A-Z]")
SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")  # a semicolon joins clauses of one sentence: "Engels; Frans is een troef"
MAX_PHRASE = 10  # words; longer labels are ignored
NEARBY_WINDOW = 12  # words either side searched by a context rule's require_nearby
COMPOUND_MIN = 5  # shortest label found at the end of a longer Dutch word
COMPOUND_MAX = 60  # longer "words" are URLs, hashes or noise: not searched for compounds
LONG_FIRST_PART = 6  # "presales" is sales (a prefix), "ontwikkelpraktijken" no calibration ("ijken")
COMPOUND_PREFIX_MIN = 3  # shortest label found before a compound head (SQL-kennis, Javaontwikkelaar)
# Adjectives and participles are not compound heads: "datagedreven" is not "gedreven" (driven).
NOT_COMPOUNDABLE = re.compile(r"^ge\w+(en|d|t)$|(ig|baar|isch|lijk|end|ief)$")
FUZZY_MIN = 6  # shortest label (characters) matched approximately
ACRONYM_MAX = 5  # letters of a word in capitals read as an acronym, never a typo of another ("AED", "ACAMS")
# Words a Dutch compound may end in after a skill label: Pythonontwikkeling, SAP-kennis.
COMPOUND_HEADS = frozenset("""
ervaring kennis vaardigheid vaardigheden ontwikkeling ontwikkelaar ontwikkelaars expert experts
specialist specialisten beheer beheerder certificaat certificering skills achtergrond omgeving
project projecten team teams programmeur programmeurs consultant engineer engineers developer
developers opleiding training cursus analist analisten medewerker
""".split())
CONJUNCTIONS = frozenset({"and", "or", "en", "of", "as well as"})
# Words a context rule's reject_prev looks past, two at most: a definite article and Dutch "van" ("Je reinigt het
# sanitair", "schoonmaak van het sanitair": cleaning, not plumbing; not English "of": "use of digital tools")
ARTICLES = frozenset({"de", "het", "the", "van"})
CEFR = re.compile(r"[ABC][12]")
CODE = re.compile(r"[A-Z]{1,2}\d?")  # a category or level after its head: rijbewijs "C", "CE", "D1"
LIST_MARKS = {"", ",", "/", "&", "+"}  # between the codes of a list (a conjunction is a word: see _listed_codes)
FUZZY_MEMO = 200_000  # remembered fuzzy lookups per process, cleared when full
MORPH_CONFIDENCE = 0.9  # a generated form (coacht, negotiating contracts, event organisation)
GAPPED_CONFIDENCE = 0.85  # ... with words between its verb and the rest (bouwt duurzame relaties op)
MAX_GAP = {"nl": 3, "en": 2}  # words allowed between a fronted verb and the rest of its phrase
# Words that end the stretch between a fronted verb and the rest: a negation, a conjunction, an infinitive's `te`.
GAP_STOP = frozenset("niet geen nooit te en of maar om dan dat die not no never to and or but than that".split())
HEAD_MIN = 4  # a shared head after a conjunction is a noun ("teams", "data"), not "of" or "it"
COMPOUND_HEAD_MIN = 6  # a rejected head this long may end a Dutch compound ("bouwomgeving": omgeving)
WE = frozenset({"wij", "we"})  # "wij adviseren klanten": the employer describing itself, not a skill asked
METHOD_RANK = {"exact": 0, "acronym": 0, "lemma": 1, "compound": 2, "inferred": 3, "fuzzy": 4}


class Entry(NamedTuple):
    """One taxonomy label as the matcher knows it (a tuple: a hundred thousand of them load fast)."""

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
    method: Method
    confidence: float
    first: int  # first and last word index (for context rules)
    last: int


class SkillMatcher:
    """Finds taxonomy labels in tokenized text; build with `compile_matcher` or `cached_matcher`.

    Every index maps a key (a label's words joined by spaces: tokens never hold spaces) to a tuple of
    positions in `entries`, and each proper prefix of a label maps to () as well, so a phrase walk
    needs one lookup per word. Strings and integers rather than tuples and Entry objects make the
    pickled cache load ten times faster.
    """

    def __init__(self, taxonomy: Taxonomy, lexicon: Lexicon) -> None:
        self.taxonomy = taxonomy
        self.lexicon = lexicon  # needed while compiling only; not kept in the cache (see __getstate__)
        self.entries: list[Entry] = []
        self.exact: dict[str, tuple[int, ...]] = {}
        self.cased: dict[str, tuple[int, ...]] = {}
        self.lemma: dict[str, dict[str, tuple[int, ...]]] = {lang: {} for lang in lexicon.lemmas}
        self.compound: dict[str, tuple[int, ...]] = {}
        self.fuzzy_labels: dict[tuple[str, int], list[str]] = {}
        self.fuzzy_ids: dict[tuple[str, int], list[int]] = {}
        # Generated forms (pipeline/morphology.py): multi-word ones in the lemma index as ~ref (negative: one walk
        # finds both), one-word ones by folded surface, and fronted verbs: finite-form lemma -> first lemma of the
        # rest -> ((the rest as lemmas, ref), ...).
        self.morph_words: dict[str, dict[str, tuple[int, ...]]] = {lang: {} for lang in lexicon.lemmas}
        self.verb_first: dict[str, dict[str, dict[str, tuple[tuple[tuple[str, ...], int], ...]]]] = \
            {lang: {} for lang in lexicon.lemmas}
        self._morphology: Morphology | None = Morphology(lexicon)
        for skill in taxonomy.skills.values():
            sensitive = taxonomy.case_sensitive.get(skill.id, frozenset())
            for lang, labels in skill.labels.items():
                for label in labels:
                    self._add(Entry(skill.id, label, lang, label in sensitive))
        self._morphology = None
        for index in (self.exact, self.cased, *self.lemma.values()):
            for key in list(index):
                words = key.split(" ")
                for n in range(1, len(words)):
                    index.setdefault(" ".join(words[:n]), ())
        # First words of every label: most tokens start no label, and this set says so in one lookup.
        self.first_exact = _first_words(self.exact)
        self.first_cased = _first_words(self.cased)
        self.first_lemma = {lang: _first_words(index) for lang, index in self.lemma.items()}
        self.token_lemma = {lang: self._token_lemma_table(lang, self._vocabulary(lang)) for lang in self.lemma}
        self.known_words = frozenset().union(*lexicon.known.values())
        self.spelled_words = lexicon.spelled  # not typos either
        # Unknown words repeat across documents (company names, degrees): look each up once per process.
        self._fuzzy_memo: dict[str, tuple[int, Entry, str] | None] = {}

    def _add(self, entry: Entry) -> None:
        words = label_words(entry.label)
        if not words or len(words) > MAX_PHRASE:
            return
        ref = len(self.entries)
        self.entries.append(entry)
        if entry.cased:
            _append(self.cased, " ".join(words), ref)
            return
        folded = [fold(w) for w in words]
        joined = " ".join(folded)
        _append(self.exact, joined, ref)
        if entry.language in self.lemma:
            _append(self.lemma[entry.language], " ".join(self._label_lemma(entry.language, w) for w in folded), ref)
        if len(folded) == 1 and len(joined) >= COMPOUND_MIN and entry.language == "nl" \
                and not NOT_COMPOUNDABLE.search(joined):
            _append(self.compound, joined, ref)
        if len(joined) >= FUZZY_MIN:
            self.fuzzy_labels.setdefault((joined[0], len(joined)), []).append(joined)
            self.fuzzy_ids.setdefault((joined[0], len(joined)), []).append(ref)
        if entry.language in self.lemma and self._morphology is not None:
            self._add_forms(entry.language, tuple(folded), ref)

    def _add_forms(self, lang: str, folded: tuple[str, ...], ref: int) -> None:
        """Index the generated forms of one label (see pipeline/morphology.py)."""
        morphology = self._morphology
        assert morphology is not None
        own = " ".join(self._label_lemma(lang, w) for w in folded)
        for form in morphology.variants(lang, folded):
            if len(form) == 1:
                if form[0] not in self.exact:
                    _append(self.morph_words[lang], form[0], ref)
                continue
            key = " ".join(self._label_lemma(lang, w) for w in form)
            refs = self.lemma[lang].get(key, ())
            if key != own and len(form) <= MAX_PHRASE and ref not in refs and ~ref not in refs:
                _append(self.lemma[lang], key, ~ref)
        for verbs, rest in morphology.verb_first(lang, folded):
            rest_key = tuple(self._label_lemma(lang, w) for w in rest)
            for key in dict.fromkeys(self._label_lemma(lang, v) for v in verbs):
                by_first = self.verb_first[lang].setdefault(key, {})
                by_first[rest_key[0]] = by_first.get(rest_key[0], ()) + ((rest_key, ref),)

    def _vocabulary(self, lang: str) -> set[str]:
        """Every lemma a lookup of `lang` can ask for: the words of the lemma and form indexes."""
        words = {word for key in self.lemma[lang] for word in key.split(" ")}
        words.update(self.verb_first[lang])
        words.update(w for by_first in self.verb_first[lang].values() for entries in by_first.values()
                     for rest, _ in entries for w in rest)
        return words

    def _label_lemma(self, language: str, word: str) -> str:
        """Lemma of a label word, except that -ing nouns stay nouns (accounting is not account) and words of one
        or two letters stay as they are: the tables read them as clitics ("m" -> "be", so "Expert/M" was "experts is").
        While compiling only: a compiled matcher keeps just the lemmas that can matter (`token_lemma`)."""
        if len(word) < 3:
            return word
        lemma = self.lexicon.lemma(language, word)
        return word if word.endswith("ing") and not lemma.endswith("ing") else lemma

    def _token_lemma_table(self, language: str, vocabulary: set[str]) -> dict[str, str]:
        """word -> `label_lemma(word)` for the words where that can change a lookup: the word or its lemma
        occurs in a lemmatised label or form (`vocabulary`). A lemma that occurs in none maps to "", which
        matches nothing, as the lemma itself would. A fraction of the full table, so the cache loads fast."""
        table = {}
        for word in self.lexicon.lemmas[language]:
            lemma = self._label_lemma(language, word)
            if lemma != word and (lemma in vocabulary or word in vocabulary):
                table[word] = lemma if lemma in vocabulary else ""
        return table

    def __getstate__(self) -> dict:
        # Entries as columns and the word list as one string unpickle far faster than objects and sets;
        # the lexicon's full tables are needed only while compiling; the fuzzy memo is per process.
        state = {**self.__dict__, "_fuzzy_memo": {}, "lexicon": None, "_morphology": None,
                 "entries": list(zip(*self.entries)),
                 "known_words": "\n".join(self.known_words), "spelled_words": "\n".join(self.spelled_words)}
        return state

    def __setstate__(self, state: dict) -> None:
        state["entries"] = [tuple.__new__(Entry, row) for row in zip(*state["entries"])]
        state["known_words"] = frozenset(state["known_words"].split("\n"))
        state["spelled_words"] = frozenset(state["spelled_words"].split("\n"))
        self.__dict__.update(state)

    # -- matching ---------------------------------------------------------------------------

    def candidates(self, tokens: Tokens, language: str | None, fuzzy: bool = True) -> list[Candidate]:
        """Every label occurrence in `tokens`, before context checks and overlap resolution."""
        lang = language if language in self.lemma else "en"
        words, folded = tokens.words, tokens.folded
        token_lemma = self.token_lemma[lang]
        lemmas = [token_lemma.get(w, w) for w in folded]
        lemma_index, lemma_first = self.lemma[lang], self.first_lemma[lang]
        morph_words, verb_first = self.morph_words[lang], self.verb_first[lang]
        found: list[Candidate] = []
        covered = bytearray(len(tokens))
        fronted: list[int] = []
        generated: list[Candidate] = []
        for i in range(len(tokens)):
            if words[i] in self.first_cased:
                found += self._phrases(tokens, i, words, self.cased, "acronym", 1.0)
            if folded[i] in self.first_exact:
                found += self._phrases(tokens, i, folded, self.exact, "exact", 1.0)
            if lemmas[i] in lemma_first:
                found += self._phrases(tokens, i, lemmas, lemma_index, "lemma", 0.95, generated)
            if folded[i] in morph_words:
                generated += [Candidate(tokens.starts[i], tokens.ends[i], self.entries[ref], "lemma", MORPH_CONFIDENCE, i, i)
                          for ref in morph_words[folded[i]]]
            if lemmas[i] in verb_first:
                fronted.append(i)
        for c in found:
            for k in range(c.first, c.last + 1):
                covered[k] = 1
        for i in fronted:
            generated += self._fronted(tokens, i, lemmas, verb_first[lemmas[i]], covered, MAX_GAP.get(lang, 2))
        # A generated form yields to its own concept's label found as written: "werkt graag zelfstandig" is
        # `zelfstandig`, not the longer "werkt ... zelfstandig"; against another concept's label the longest wins
        # ("Organised events" is event management, not the `Organised` of organisational skills).
        if generated:
            written: dict[int, set[str]] = {}
            for c in found:
                for k in range(c.first, c.last + 1):
                    written.setdefault(k, set()).add(c.entry.skill_id)
            found += [c for c in generated
                      if not any(c.entry.skill_id in written.get(k, ()) for k in range(c.first, c.last + 1))]
        for i, word in enumerate(folded):
            if not covered[i] and COMPOUND_PREFIX_MIN + 5 <= len(word) <= COMPOUND_MAX:
                found += self._compounds(tokens, i, word)
        coordinated = self._coordinated(tokens, found)
        # a suspended compound's first part names the whole, not itself: "heftruck- of reachtruckattest" is a
        # forklift certificate, not forklift driving
        suspended = {c.first for c in coordinated if tokens.gap(c.first).strip() == "-"}
        found = [c for c in found if not (c.first == c.last and c.first in suspended)] + coordinated
        found += self._listed_codes(tokens, found)
        found += self._listed_lowercase(tokens, found)
        if fuzzy:
            for c in found:
                for k in range(c.first, c.last + 1):
                    covered[k] = 1
            found += self._fuzzy(tokens, covered)
        return found

    def _phrases(self, tokens, i, words, index, method: Method, confidence, generated=None) -> list[Candidate]:
        """Labels in `index` that start at word i: extend the key word by word while it is a label or
        the start of one. Generated forms (~ref) go to `generated`, at MORPH_CONFIDENCE."""
        if method == "lemma" and i > 0 and tokens.gap(i - 1) == "-":
            return []  # the inflected half of a compound modifier: "AI-powered tools" names no power tools
        out = []
        key = words[i]
        for j in range(i, min(i + MAX_PHRASE, len(words))):
            if j > i:
                if not tokens.joinable[j - 1]:
                    break
                key = f"{key} {words[j]}"
            refs = index.get(key)
            if refs is None:
                break
            for ref in refs:
                if ref < 0:
                    generated.append(Candidate(tokens.starts[i], tokens.ends[j], self.entries[~ref], method,
                                               MORPH_CONFIDENCE, i, j))
                    continue
                entry = self.entries[ref]
                m = "exact" if method == "acronym" and not _is_caps(entry.label) else method
                out.append(Candidate(tokens.starts[i], tokens.ends[j], entry, m, confidence, i, j))
        return out

    def _fronted(self, tokens: Tokens, i: int, lemmas: list[str], by_first: dict[str, tuple[tuple[tuple[str, ...], int], ...]],
                 covered: bytearray, max_gap: int) -> list[Candidate]:
        """Phrases whose verb (word i) comes first, with up to `max_gap` words before the rest: "bouwt duurzame
        relaties op" (relaties opbouwen), "neemt initiatief", "stelt duidelijke doelen". The words between must
        not be part of another mention, a negation, a conjunction or `te`."""
        folded, joinable, n = tokens.folded, tokens.joinable, len(tokens)
        if i > 0 and folded[i - 1] in WE:
            return []
        out = []
        for gap in range(max_gap + 1):
            if gap:
                k = i + gap  # the gap's last word
                if k >= n or not joinable[k - 1] or covered[k] or folded[k] in GAP_STOP or folded[k] in WE:
                    break
            j = i + gap + 1
            if j >= n or not joinable[j - 1]:
                break
            for rest, ref in by_first.get(lemmas[j], ()):
                end = j + len(rest) - 1
                if end < n and tuple(lemmas[j:end + 1]) == rest and all(joinable[j:end]):
                    out.append(Candidate(tokens.starts[i], tokens.ends[end], self.entries[ref], "lemma",
                                         MORPH_CONFIDENCE if gap == 0 else GAPPED_CONFIDENCE, i, end))
        return out

    def _compounds(self, tokens: Tokens, i: int, word: str) -> list[Candidate]:
        """Dutch compounds: a label at the end of a longer word, or at its start before a known head."""
        surface = tokens.words[i]
        if len(word) != len(surface) or not COMPOUND_PREFIX_MIN + 5 <= len(word) <= COMPOUND_MAX:
            return []
        start, out = tokens.starts[i], []
        for k in range(3, len(word) - COMPOUND_MIN + 1):  # communicatievaardigheden inside a longer word
            refs = self.compound.get(word[k:], ())
            # a short head in -en after a long unknown first part is a word's ending, not a compound's head
            # ("ontwikkelpraktijken" is no "ijken"; "zelfscankassa" is a "kassa")
            ending = len(word) - k <= COMPOUND_MIN and word.endswith("en") and k >= LONG_FIRST_PART
            if refs and self._split_word(word, k, strict=ending) and not self._split_elsewhere(word, k):
                for ref in refs:
                    out.append(Candidate(tokens.char_start(i, k), tokens.ends[i], self.entries[ref], "compound", 0.85, i, i))
        for k in range(COMPOUND_PREFIX_MIN, len(word) - 3):  # Pythonontwikkeling, SAP-kennis
            head = word[k:].lstrip("s-") if word[k] in "s-" and word[k:].lstrip("s-") in COMPOUND_HEADS else word[k:]
            if head in COMPOUND_HEADS:
                for ref in self.exact.get(word[:k]) or self.cased.get(surface[:k], ()):
                    out.append(Candidate(start, tokens.char_start(i, k - 1) + 1, self.entries[ref], "compound", 0.85, i, i))
        return out

    def _split_word(self, word: str, k: int, strict: bool = False) -> bool:
        """Whether `word` may be a compound whose head starts at k: its first part (less a linking s, e or hyphen)
        is a word of four letters or more, or the whole is no dictionary word (a compound of its own; not for a
        short head, `strict`: "ontwikkelpraktijken" is no calibration). Not "vergelijken", "bekijken" or
        "huwelijken", which end in "ijken" (calibrate) but are words of their own."""
        first = word[:k].rstrip("-")
        return (word not in self.known_words and not strict) or any(
            len(part) >= 4 and part in self.known_words for part in (first, first[:-1] if first[-1:] in "se" else ""))

    def _split_elsewhere(self, word: str, k: int) -> bool:
        """Whether `word` reads as two dictionary words split before k, so that a label at k starts inside the
        second: "woon|kredieten" holds no "diëten" (trial V: a bank adviser listed with cooking). A split after k
        leaves the label whole ("bouw|projectmanagement" of "bouwproject|management")."""
        return any(self._two_words(word, j, 4) for j in range(4, min(k, len(word) - 4)))

    def _two_words(self, word: str, j: int, shortest: int) -> bool:
        """Whether `word` is two dictionary words split at j (the first less a linking s, e or hyphen), the first of
        `shortest` letters or more, the second of five or more ("pres|ales" is no compound of "presales")."""
        def is_word(part: str) -> bool:
            return part in self.known_words or part in self.spelled_words

        first, rest = word[:j].rstrip("-"), word[j:]
        return len(first) >= shortest and len(rest) >= 5 and is_word(rest) \
            and (is_word(first) or first[-1:] in "se" and len(first) > shortest and is_word(first[:-1]))

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
            keys = [" ".join([head, *rest[1:]])] if len(rest) > 1 else []
            word = rest[0]
            keys += [head + word[k:] for k in range(3, len(word) - 3)]  # suspended compound: Project-
            for key in keys:
                for ref in self.exact.get(key, ()):
                    out.append(Candidate(tokens.starts[i - 2], tokens.ends[i - 2], self.entries[ref], "inferred", 0.8,
                                         i - 2, i - 2))
        return out

    def _listed_codes(self, tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
        """A head shared by a list of codes: "Rijbewijs B, C en CE" also names rijbewijs C and rijbewijs CE (each
        code a label with the head before it: "rijbewijs ce"), and so does "Rijbewijs: C+E, D" (a head, a colon and
        its codes, as CVs list licences: the head as the label found says it, "Rijbewijzen:" and "Driving licence:"
        too). The inferred mention covers the code."""
        starts = [(tuple(tokens.folded[c.first:c.last]), c.last, LIST_MARKS) for c in found
                  if c.last > c.first and CODE.fullmatch(tokens.words[c.last])]
        starts += [(tuple(fold(w) for w in label_words(c.entry.label)), c.last, {":"}) for c in found
                   if c.last + 1 < len(tokens) and CODE.fullmatch(tokens.words[c.last + 1])
                   and tokens.gap(c.last).strip() == ":"]
        out = []
        for head, k, marks in starts:
            while k + 1 < len(tokens):
                nxt, mark = k + 1, tokens.gap(k).strip()
                if mark not in marks or not tokens.joinable[k] and mark == "":
                    break
                marks = LIST_MARKS
                if tokens.folded[nxt] in CONJUNCTIONS and nxt + 1 < len(tokens) and tokens.gap(nxt).strip() == "":
                    nxt += 1  # "… C en CE"
                code = self._code(tokens, head, nxt)
                if code is None:
                    break
                refs, last = code
                out += [Candidate(tokens.starts[nxt], tokens.ends[last], self.entries[ref], "inferred", 0.8, nxt, last)
                        for ref in refs]
                k = last
        return out

    def _code(self, tokens: Tokens, head: tuple[str, ...], first: int) -> tuple[tuple[int, ...], int] | None:
        """The labels `head` + the code starting at word `first`, the longest ("C+E" before "C"), and the code's
        last word; None when no label has that code."""
        best = None
        for last in range(first, min(first + 2, len(tokens))):
            if not CODE.fullmatch(tokens.words[last]) or last > first and tokens.gap(last - 1).strip() not in ("+", "/"):
                break
            refs = self.exact.get(" ".join([*head, *tokens.folded[first:last + 1]]))
            if refs:
                best = (refs, last)
        return best

    def _listed_lowercase(self, tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
        """An acronym written in lower case as an item of a list whose next or previous item is a skill ("Attesten:
        vca, heftruck"); elsewhere its lower case may be a word ("it", "am")."""
        items = {c.first for c in found} | {c.last for c in found}
        out = []
        for i, word in enumerate(tokens.words):
            refs = self.cased.get(word.upper()) if word.islower() else None
            if not refs:
                continue
            before = tokens.gap(i - 1).strip() if i > 0 else "\n"
            after = tokens.gap(i).strip() if i + 1 < len(tokens) else ""
            if before[-1:] in (",", ":") and after.startswith(",") and (i - 1 in items or i + 1 in items) \
                    or before.endswith(",") and after in ("", ".") and i - 1 in items:
                out += [Candidate(tokens.starts[i], tokens.ends[i], self.entries[ref], "exact", 0.9, i, i) for ref in refs]
        return out

    def _fuzzy(self, tokens: Tokens, covered: bytearray) -> list[Candidate]:
        """Typos and OCR noise: uncovered word n-grams within a small edit distance of a label."""
        folded, joinable, known, spelled = tokens.folded, tokens.joinable, self.known_words, self.spelled_words
        # A span must hold a misspelt (unknown) word, so only spans around one are tried.
        usable = [not covered[k] and len(w) > 2 and w not in CONJUNCTIONS for k, w in enumerate(folded)]
        spans = set()
        for u, word in enumerate(folded):
            if not usable[u] or word in known or word in spelled:
                continue
            for i in range(max(0, u - 2), u + 1):
                for j in range(u, min(i + 3, len(folded))):
                    if all(usable[i:j + 1]) and all(joinable[i:j]):
                        spans.add((i, j))
        out = []
        for i, j in sorted(spans):
            text = " ".join(folded[i:j + 1])
            if len(text) >= FUZZY_MIN:
                if text in self._fuzzy_memo:
                    best = self._fuzzy_memo[text]
                else:
                    best = self._nearest_label(text)
                    if len(self._fuzzy_memo) >= FUZZY_MEMO:
                        self._fuzzy_memo.clear()
                    self._fuzzy_memo[text] = best
                if best and self._a_typo_of(tokens, i, j, best[2]):
                    dist, entry, label = best
                    confidence = round(0.9 * (1 - dist / len(label)), 3)
                    out.append(Candidate(tokens.starts[i], tokens.ends[j], entry, "fuzzy", confidence, i, j))
        return out

    def _a_typo_of(self, tokens: Tokens, i: int, j: int, label: str) -> bool:
        """Whether words i..j may be `label` mistyped: an acronym is written as it is meant ("AED certification" is no
        "AWS certification", "ACAMS" no "CPR"; a short word in capitals only: "PYHTON" is a typo), and one word made of
        two dictionary words, the second the label's end and the first not a start of the label's own ("stres|" of
        "stress|bestendig" is), is a compound with another first part ("kasbeheer", cash handling, is no "klasbeheer";
        trial V), unless it is the label written as one word ("recordkeeping", "teamspirit")."""
        words = label.split()
        for k in range(i, j + 1):
            surface = tokens.words[k]
            if 1 < len(surface) <= ACRONYM_MAX and surface.isupper() and tokens.folded[k] not in words:
                return False
        word = tokens.folded[i]
        if i != j or word == label.replace(" ", "").replace("-", ""):
            return True
        for k in range(3, len(word) - 4):
            head = word[k:]
            own = label[:len(label) - len(head)]  # the label's first part, before the shared head
            if label.endswith(head) and self._two_words(word, k, 3) \
                    and not (own.startswith(word[:k]) or word[:k].startswith(own)):
                return False
        return True

    def _nearest_label(self, text: str) -> tuple[int, Entry, str] | None:
        """(distance, entry, label) of the closest label within the allowed edits of `text`, if any."""
        max_dist = 1 if len(text) < 15 else 2  # two edits in a 12-letter Dutch word is another word
        best = None
        for length in range(len(text) - max_dist, len(text) + max_dist + 1):
            bucket = self.fuzzy_labels.get((text[0], length))
            if bucket:
                hit = process.extractOne(text, bucket, scorer=OSA.distance, score_cutoff=max_dist)
                if hit and (best is None or hit[1] < best[0]):
                    best = (hit[1], self.entries[self.fuzzy_ids[(text[0], length)][hit[2]]], hit[0])
        return best

    def passes_context(self, tokens: Tokens, c: Candidate, title: frozenset[str] = frozenset()) -> bool:
        """Apply the concept's context rule (Go the verb, R the letter, excel in, C-level).

        `title`: folded words of the document's first line, a fallback for `require_nearby`.
        """
        rule = self.taxonomy.context.get(c.entry.skill_id)
        if rule is None or not rule.covers(c.entry.label):
            return True
        prev_word = tokens.folded[c.first - 1] if c.first > 0 else ""
        next_word = tokens.folded[c.last + 1] if c.last + 1 < len(tokens) else ""
        next_adjacent = c.last + 1 < len(tokens) and tokens.gap(c.last) in (" ", "\u00a0")
        # as a rule rejects "at trade fairs" and "sanitair reinigen", so "at the trade fairs", "reinigt het sanitair"
        before = [tokens.folded[k] for k in range(c.first - 1, max(-1, c.first - 4), -1)]
        while len(before) > 1 and before[0] in ARTICLES:
            before = before[1:]
        if prev_word in rule.reject_prev or before[:1] and before[0] in rule.reject_prev or next_word in rule.reject_next \
                or (next_adjacent and YEAR.fullmatch(next_word)):
            return False
        if next_word in CONJUNCTIONS and rule.reject_next and _coordinated_head(tokens, c.last + 2, rule.reject_next):
            return False
        after = tokens.text[c.end:c.end + 3]
        if len(c.entry.label) == 1 and INITIAL.match(after):
            return False  # "Jan R. Peeters": an initial, not the R language
        if rule.reject_before_name and next_adjacent and tokens.words[c.last + 1][:1].isupper() \
                and not CEFR.fullmatch(tokens.words[c.last + 1]):  # "Frans Bauer" is a name, "Frans B2" French
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


def _coordinated_head(tokens: Tokens, k: int, heads: frozenset[str]) -> bool:
    """Whether one of the two words from k is a rejected head noun, or a compound ending in one, that the word
    before the conjunction shares: "logistics or manufacturing environment", "productie-, logistieke of
    bouwomgeving", "sales and stock data". Conjunctions and short words are no heads ("Word en/of Excel")."""
    for word in tokens.folded[k:k + 2]:
        if word in CONJUNCTIONS or len(word) < HEAD_MIN:
            continue
        if word in heads or any(len(head) >= COMPOUND_HEAD_MIN and word.endswith(head) for head in heads):
            return True
    return False


def _append(index: dict, key: str, ref: int) -> None:
    index[key] = index.get(key, ()) + (ref,)


def _first_words(index: dict[str, tuple[int, ...]]) -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in index)


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


def cached_matcher(taxonomy: Taxonomy, use_cache: bool = True) -> SkillMatcher:
    """The compiled matcher for `taxonomy`, from the on-disk cache when its hash is there."""
    path = cache.cache_dir() / f"matcher-{__version__}-{cache.code_fingerprint()}-{taxonomy.content_hash}.pkl"
    matcher = cache.read(path) if use_cache else None
    if isinstance(matcher, SkillMatcher):
        matcher.taxonomy = taxonomy
        return matcher
    matcher = SkillMatcher(taxonomy, load_lexicon())
    if use_cache:
        matcher.taxonomy = None  # type: ignore[assignment]  # cached on its own, by content hash: not stored twice
        cache.write(path, matcher)
        matcher.taxonomy = taxonomy
    return matcher
