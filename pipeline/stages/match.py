"""The matching stage: taxonomy labels found in the text, checked in context, overlaps resolved."""

from __future__ import annotations

from pipeline.matcher import SkillMatcher, resolve_overlaps
from pipeline.model import Document, Mention
from pipeline.tokens import Tokens, tokenize


def first_line_words(tokens: Tokens) -> frozenset[str]:
    """Folded words of the first non-blank line: a vacancy's title, which context rules may consult."""
    text = tokens.text
    start = len(text) - len(text.lstrip("\ufeff \r\n\t"))
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return frozenset(w for w, s in zip(tokens.folded, tokens.starts) if start <= s < end)


class MatchSkills:
    """Stage: add one Mention per skill occurrence (exact, acronym, lemma, compound, fuzzy)."""

    name = "match"

    def __init__(self, matcher: SkillMatcher, fuzzy: bool = True) -> None:
        self.matcher = matcher
        self.fuzzy = fuzzy

    def __call__(self, doc: Document) -> Document:
        tokens = tokenize(doc.text)
        found = self.matcher.candidates(tokens, doc.language, fuzzy=self.fuzzy)
        title = first_line_words(tokens)
        kept = [c for c in found if self.matcher.passes_context(tokens, c, title)]
        mentions = tuple(
            Mention(skill_id=c.entry.skill_id, start=c.start, end=c.end, text=doc.text[c.start:c.end],
                    method=c.method, confidence=c.confidence)
            for c in resolve_overlaps(kept)
        )
        return doc.replace(mentions=doc.mentions + mentions)
