"""Classify each mention: its section, required or preferred (vacancies), years and level stated."""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.model import Document, Mention, Requirement
from pipeline.sentences import SentenceBounds

CHUNK_BREAK = re.compile(r"[,;:]\s")
PREFERRED = re.compile(
    r"\b(pr[ée]|liefst|pluspunt\w*|een plus|is a plus|a plus|bij voorkeur|preferabl[ey]|preferred|bonus|nice[- ]to[- ]have|"
    r"strekt tot aanbeveling|ideally|idealiter|mooi meegenomen|(?:an|een) (?:advantage|voordeel|troef|asset)|"
    r"is an asset|would be great|niet verplicht|optional)\b", re.I)
NUMBER_WORDS = {"een": 1, "één": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4,
                "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8,
                "negen": 9, "nine": 9, "tien": 10, "ten": 10}
YEARS = re.compile(r"(\d{1,2}(?:[.,]5)?|" + "|".join(NUMBER_WORDS) + r")\s*\+?\s*(?:(?:-|–|tot|to)\s*\d{1,2}\s*)?"
                   r"(?:years?|yrs|jaar|jaren)\b", re.I | re.ASCII)
AGE_BEFORE = re.compile(r"(age|aged|leeftijd|geboren|born)\W{0,3}$", re.I)
AGE_AFTER = re.compile(r"^\s*(old|oud)\b", re.I)
RIGHT_AFTER = re.compile(r"[ \t]*[(:\-–][ \t]*")
LEVELS = {
    "native": ("native", "moedertaal", "mother tongue", "native speaker"),
    "fluent": ("fluent", "fluently", "vloeiend", "vloeiende", "perfect", "perfecte", "uitstekend", "uitstekende",
               "excellent", "full professional"),
    "advanced": ("advanced", "gevorderd", "gevorderde", "expert", "sterk", "sterke", "strong", "in-depth", "grondige",
                 "diepgaande", "zeer goed", "zeer goede"),
    "good": ("good", "goed", "goede", "solid", "degelijke", "professional working"),
    "intermediate": ("intermediate", "redelijk", "redelijke", "conversational"),
    "basic": ("basic", "basis", "basiskennis", "notions", "notie", "noties", "elementary", "beginner", "beperkte",
              "limited"),
}
_LEVEL_WORDS = sorted(((w, lvl) for lvl, ws in LEVELS.items() for w in ws), key=lambda p: -len(p[0]))
LEVEL = re.compile(r"\b(" + "|".join(re.escape(w) for w, _ in _LEVEL_WORDS) + r")\b", re.I)
_LEVEL_OF = {w: lvl for w, lvl in _LEVEL_WORDS}
CEFR = re.compile(r"\b([ABC][12])\b")
LEVEL_WINDOW = 30  # characters either side of a mention searched for a level word
NOT_REQUIREMENTS = {"about", "offer"}


def requirement_for(doc: Document, section: str | None, clause: str) -> Requirement | None:
    """Required or preferred for vacancy mentions; None for CVs and for offer/about sections.

    `section`: the kind of section the mention is in; `clause`: the part of its sentence it belongs to
    (see `preference_scope`).
    """
    if doc.kind != "vacancy" or section in NOT_REQUIREMENTS:
        return None
    if section == "nice_to_have" or PREFERRED.search(clause):
        return "preferred"
    return "required"


def preference_scope(text: str, mentions: list[Mention], i: int, sentence: tuple[int, int]) -> str:
    """The text a "preferred" cue must be in to apply to mention i: its comma-separated chunk, extended
    over following chunks while the chunks between are nothing but a list of skills
    ("Python, SQL and Docker are a plus" applies to all three; "SQL, and Python is a plus" only to Python)."""
    s, e = sentence
    bounds = [s] + [m.end() for m in CHUNK_BREAK.finditer(text, s, e)] + [e]
    chunks = list(zip(bounds, bounds[1:]))
    index = next((k for k, (a, b) in enumerate(chunks) if a <= mentions[i].start < b), len(chunks) - 1)
    scope_end = chunks[index][1]
    for a, b in chunks[index + 1:]:
        if not _only_skills(text, mentions, chunks[index][0], a):
            break
        scope_end = b
    return text[chunks[index][0]:scope_end]


def _within(mentions: list[Mention], start: int, end: int) -> range:
    """Indices of the mentions (sorted by start) that begin in [start, end)."""
    return range(bisect_left(mentions, start, key=_start), bisect_left(mentions, end, key=_start))


def _start(m: Mention) -> int:
    return m.start


def _only_skills(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether [start, end) holds only skill mentions, list punctuation and conjunctions."""
    rest = text[start:end]
    for i in _within(mentions, start, end):
        m = mentions[i]
        if m.end <= end:
            rest = rest.replace(m.text, " ", 1)
    return LIST_GAP.fullmatch(rest) is not None


LIST_GAP = re.compile(r"[\s,/&()]*(?:\b(?:and|en|or|of|as well as|alsook)\b)?[\s,/&()]*", re.I)


def assign_years(text: str, mentions: list[Mention], sentence: tuple[int, int]) -> dict[int, float]:
    """Years per mention index: a years phrase covers the list of skills right after it
    ("5+ years of Python, SQL and Docker"), else the nearest skill before it ("Python (5 jaar)")."""
    s, e = sentence
    lowered = text[s:e].lower()
    if "year" not in lowered and "jaar" not in lowered and "yrs" not in lowered:
        return {}  # YEARS cannot match: most sentences, and a substring test is much cheaper than the regex
    inside = list(_within(mentions, s, e))
    out: dict[int, float] = {}
    for match in YEARS.finditer(text, s, e):
        if AGE_BEFORE.search(text, max(s, match.start() - 12), match.start()) or AGE_AFTER.match(text[match.end():match.end() + 6]):
            continue  # "Leeftijd: 58 jaar", "24 years old": an age, not experience
        number = match.group(1).lower()
        years = float(NUMBER_WORDS.get(number) or number.replace(",", "."))
        before = [i for i in inside if mentions[i].end <= match.start()]
        after = [i for i in inside if mentions[i].start >= match.end()]
        if before and RIGHT_AFTER.fullmatch(text, mentions[before[-1]].end, match.start()):
            chain = before[-1:]  # "Python (5 years), Docker (2 years)": the years belong to the skill before
        elif after:
            chain = [after[0]]
            for prev, nxt in zip(after, after[1:]):
                if not LIST_GAP.fullmatch(text, mentions[prev].end, mentions[nxt].start):
                    break
                chain.append(nxt)
        else:
            chain = before[-1:]
        for i in chain:
            out.setdefault(i, years)
    return out


LEVEL_AFTER = re.compile(r"[ \t]*(?:[:(\-–]|\bniveau\b|\blevel\b)[ \t]*([^\n,;|)]{0,30})", re.I)


def level_for(text: str, mention: Mention) -> str | None:
    """A proficiency level right before the mention (vloeiend Frans) or after a colon (Frans: goed)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = " ".join(text[max(line_start, mention.start - LEVEL_WINDOW):mention.start].split()[-3:])
    after = LEVEL_AFTER.match(text, mention.end)
    for chunk, last in ((after.group(1) if after else "", False), (before, True)):
        found = LEVEL.findall(chunk) or CEFR.findall(chunk)
        if found:
            word = found[-1] if last else found[0]
            return _LEVEL_OF.get(word.lower(), word)
    return None


def classify(doc: Document) -> Document:
    """Stage: fill section, requirement, years and level on every mention."""
    mentions = sorted(doc.mentions, key=_start)  # the helpers below bisect on start offsets
    years: dict[int, float] = {}
    done_sentences: set[tuple[int, int]] = set()
    sentence_of = SentenceBounds(doc.text)
    bounds = [sentence_of(m.start, m.end) for m in mentions]
    for b in bounds:
        if b not in done_sentences:
            done_sentences.add(b)
            years.update(assign_years(doc.text, mentions, b))
    out = []
    for i, mention in enumerate(mentions):
        section = doc.section_at(mention.start)
        section_kind = section.kind if section else None
        out.append(Mention(  # not dataclasses.replace: this runs for every mention and replace is slow
            mention.skill_id, mention.start, mention.end, mention.text, mention.method, mention.confidence,
            section=section_kind,
            requirement=requirement_for(doc, section_kind, preference_scope(doc.text, mentions, i, bounds[i])),
            years=years.get(i),
            level=level_for(doc.text, mention),
        ))
    return doc.replace(mentions=tuple(out))
