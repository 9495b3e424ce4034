"""The matching stage: taxonomy labels found in the text, checked in context, overlaps resolved."""

from __future__ import annotations

from pipeline.matcher import SkillMatcher, resolve_overlaps
from pipeline.model import Document, Mention
from pipeline.tokens import tokenize


class MatchSkills:
    """Stage: add one Mention per skill occurrence (exact, acronym, lemma, compound, fuzzy)."""

    name = "match"

    def __init__(self, matcher: SkillMatcher, fuzzy: bool = True) -> None:
        self.matcher = matcher
        self.fuzzy = fuzzy

    def __call__(self, doc: Document) -> Document:
        tokens = tokenize(doc.text)
        found = self.matcher.candidates(tokens, doc.language, fuzzy=self.fuzzy)
        first_line = doc.text.lstrip("\ufeff \r\n\t").split("\n", 1)[0]
        title = frozenset(tokens.folded[i] for i in range(len(tokens)) if tokens.starts[i] < len(first_line) + 8)
        kept = [c for c in found if self.matcher.passes_context(tokens, c, title)]
        mentions = tuple(
            Mention(skill_id=c.entry.skill_id, start=c.start, end=c.end, text=doc.text[c.start:c.end],
                    method=c.method, confidence=c.confidence)
            for c in resolve_overlaps(kept)
        )
        return doc.replace(mentions=doc.mentions + mentions)
