"""Lemma tables and word lists for English and Dutch, read from spacy-lookups-data.

The tables are read from the package's JSON files rather than through `spacy.load`, so the CLI
starts without importing spaCy; spaCy's own lookup lemmatizer reads the same data.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from importlib import resources

from pipeline.tokens import fold

LANGUAGES = ("en", "nl")


def lookup_table(name: str) -> dict:
    """One spacy-lookups-data table by name ("en_lemma_lookup", "nl_lemma_index", …); {} when it is not there."""
    path = resources.files("spacy_lookups_data") / "data" / f"{name}.json.gz"
    try:
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


@dataclass
class Lexicon:
    """Per language: folded word -> folded lemma, and the set of known (correctly spelled) words; `spelled`: more
    correctly spelled words, rarer ones (Dutch "organisatie", "zelfstandige"), that are no typos but that the open
    vocabulary's "a lone known word is an everyday word" must not count (it would lose "voegwerk", "loonbeslag")."""

    lemmas: dict[str, dict[str, str]]
    known: dict[str, frozenset[str]]
    spelled: frozenset[str] = frozenset()

    def lemma(self, language: str, word: str) -> str:
        """Lemma of a folded word, or the word itself when the table does not know it."""
        return self.lemmas.get(language, {}).get(word, word)

    def is_known(self, word: str) -> bool:
        """Whether a folded word is a dictionary word in either language (so not a typo)."""
        return any(word in known for known in self.known.values())


def load_lexicon() -> Lexicon:
    """Read the English and Dutch lemma tables (about 1 s; the compiled matcher caches the result)."""
    lemmas: dict[str, dict[str, str]] = {}
    known: dict[str, frozenset[str]] = {}
    for lang in LANGUAGES:
        table = {fold(k): fold(v) for k, v in lookup_table(f"{lang}_lemma_lookup").items() if isinstance(v, str)}
        lemmas[lang] = {k: v for k, v in table.items() if k != v}
        words = set(table) | set(table.values())
        if lang == "en":  # the English lemma table lists inflected forms only; add the word list
            # (log-probability cut-off: frequent enough to be a real word, rare typos stay out)
            words |= {fold(w) for w, logprob in lookup_table("en_lexeme_prob").items() if logprob > -15.5}
        known[lang] = frozenset(words)
    # The Dutch lemma table lists inflected forms and few lemmas; its word index by part of speech has them.
    indexed = {fold(w) for listed in lookup_table("nl_lemma_index").values() for w in listed}
    return Lexicon(lemmas, known, frozenset(indexed.difference(*known.values())))
