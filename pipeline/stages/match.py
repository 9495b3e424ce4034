"""The matching stage: taxonomy labels found in the text, checked in context, overlaps resolved."""

from __future__ import annotations

import re

from pipeline.matcher import SkillMatcher, resolve_overlaps
from pipeline.model import Document, Mention
from pipeline.tokens import Tokens, tokenize

# Languages by their short forms, as Flemish and Dutch CVs list them ("Talen: NL moedertaal, FR goed, EN basis",
# "Ned. (moedertaal) - Fr. (goed)"): read only after a languages label on its line or in a languages section, and
# only in capitals or with a full stop ("en" is the Dutch "and", "de" its article).
LANGUAGE_CODES = {"lang.dutch": "NL NED Ned. Nl.", "lang.french": "FR FRA Fr.", "lang.english": "EN ENG Eng.",
                  "lang.german": "DE DU DUI Du. Dui. Dts.", "lang.spanish": "ES SP Sp. Spa.", "lang.italian": "IT It.",
                  "lang.polish": "PL", "lang.turkish": "TR", "lang.arabic": "AR"}
CODE_SKILL = {code: skill for skill, codes in LANGUAGE_CODES.items() for code in codes.split()}
CODE = re.compile(r"(?<![\w.])(" + "|".join(sorted(map(re.escape, CODE_SKILL), key=len, reverse=True)) + r")(?![\w])")
LANGUAGES_LABEL = re.compile(r"^[ \t*•·-]*(?:\*\*)?(?:talen(?:kennis)?|taalkennis|taalvaardigheden?|languages?"
                             r"(?: skills)?)\b[^\n]*", re.I | re.M)
# ... or right after a word of speaking languages: "Je bent tweetalig (NL + FR)", "Je spreekt vlot NL/FR" (trial U:
# an ad's "NL" and "FR" were two unknown skills no CV met); not "You speak daily with distributors in NL, FR"
SPEAKING = re.compile(r"\b(?:(?:twee|drie|meer|vier)talig\w*|bilingual|trilingual|multilingual|spreekt|spreek|speaks?)"
                      r"(?:[ \t]+(?:vlot|vloeiend|goed|fluently|fluent))?[ \t:]*\(?[ \t]*(?=(?-i:[A-Z]))", re.I)
SPOKEN_CODES = 25  # characters after such a word that its codes take: "NL/FR/EN/DE" (bounded: linear on one long line)
CODE_CONFIDENCE = 0.9
# What makes a short form a language there: a level right after it ("NL moedertaal", "FR (goed)", "EN: B2"), or
# another language's short form next to it ("NL/FR/EN"); not "PL/SQL" or "IT" in a list of programming languages.
CODE_LEVEL = re.compile(r"[ \t]*(?:[(:\-–][ \t]*)?(?:[ABC][12]\b|(?i:moedertaal|native|mother tongue|vloeiend|fluent|"
                        r"goed|good|zeer goed|very good|redelijk|basis|basic|basiskennis|gevorderd|advanced|"
                        r"actief|passief|perfect|uitstekend|excellent|notions|beperkt|limited|intermediate)\b)")
CODE_LIST_GAP = re.compile(r"[ \t]*(?:[,/;&|+]|-|\ben\b|\band\b)[ \t]*$")


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
        kept = [c for c in found if self.matcher.passes_context(tokens, c, title)
                and not adjective_for_field(doc.text, c.start, c.end, c.entry.label, c.method)
                and not (c.method == "lemma" and doc.text[c.start:c.end].casefold().endswith(NEWS_PLURALS))]
        mentions = tuple(
            Mention(skill_id=c.entry.skill_id, start=c.start, end=c.end, text=doc.text[c.start:c.end],
                    method=c.method, confidence=c.confidence)
            for c in resolve_overlaps(kept)
        )
        return doc.replace(mentions=doc.mentions + mentions + language_codes(doc, mentions))


def adjective_for_field(text: str, start: int, end: int, label: str, method: str) -> bool:
    """"electronic means", "logistic regression", "economic growth": the lemma of a field's name ("electronics",
    "logistics", "economics") is its adjective, which names no field unless it qualifies the field's own equipment
    or work ("hydraulic systems", "electrical, hydraulic and airframe systems", "electronic repair")."""
    return method == "lemma" and text[start:end].casefold().endswith("ic") and label.casefold().endswith("ics") \
        and not FIELD_NOUN.match(text, end)


# Plurals that name events, not the activity: "legal, regulatory and market developments" are news, not business
# development (trial V: a bank's legal counsel asked for it)
NEWS_PLURALS = ("developments",)
FIELD_NOUN = re.compile(r"(?:[ \t]*,?[ \t]+(?:and[ \t]+|or[ \t]+|&[ \t]+)?[A-Za-z-]+){0,3}?"  # "…, hydraulic and airframe"
                        r"[ \t]+(?:systems?|equipment|components?|circuits?|circuitry|devices?|assembl(?:y|ies)|"
                        r"controls?|pumps?|cylinders?|hoses?|repairs?|maintenance|engineering|design|testing|"
                        r"troubleshooting|installations?|instruments?|schematics?)\b", re.I)


def language_codes(doc: Document, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Mentions of languages named by their short forms (`LANGUAGE_CODES`) on a languages line, in a languages
    section or after a word of speaking languages (SPEAKING), where no label was found at the same place."""
    text = doc.text
    lines = [(m.start(), m.end()) for m in LANGUAGES_LABEL.finditer(text)]
    for cue in SPEAKING.finditer(text):
        line_end = text.find("\n", cue.end(), cue.end() + SPOKEN_CODES)
        lines.append((cue.end(), cue.end() + SPOKEN_CODES if line_end < 0 else line_end))
    lines += [(s.start, s.end) for s in doc.sections if s.kind == "languages"]
    taken = {(m.start, m.end) for m in found}
    out = {}
    for start, end in lines:
        codes = [c for c in CODE.finditer(text, start, end) if c.span() not in taken]
        for k, code in enumerate(codes):
            listed = any(0 <= j < len(codes) and CODE_LIST_GAP.match(text[min(code.end(), codes[j].end()):
                                                                          max(code.start(), codes[j].start())])
                         for j in (k - 1, k + 1))
            if CODE_LEVEL.match(text, code.end()) or listed:
                out[code.span()] = Mention(skill_id=CODE_SKILL[code.group(1)], start=code.start(), end=code.end(),
                                           text=code.group(1), method="acronym", confidence=CODE_CONFIDENCE)
    return tuple(out[span] for span in sorted(out))
