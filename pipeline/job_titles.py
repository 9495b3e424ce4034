"""The words of job titles: what a vacancy's title and a CV's job-title lines say the job is, word by word.

ESCO's labels name the ISCO unit group of many titles (pipeline.occupations), but not of many that people write
("Aviation Mechanic", "Platform Engineer", "Farm Manager" on a CV, "Aircraft Maintenance Technician" asked). Their
words still tell the job. A vacancy asks for its title's words (skill `title:<word>`, category `title`,
preferred), a CV holds the words of its job titles, and fit counts each word a CV's titles hold, weighted by how
specific the word is: one in few of ESCO's occupation labels ("aircraft", "accountant") says more about the job
than one in hundreds ("manager", "assistant"). The word's specificity is the mention's confidence (0.05-1).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

from pipeline.gendered import canonical
from pipeline.model import Mention
from pipeline.occupations import Lexicon, lexicon

TITLE_PREFIX = "title:"  # skill_id of a job-title word: "title:" + the word, lower case, singular
CATEGORY = "title"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
MIN_SPECIFICITY = 0.05
# Between the parts of a title line: "Kok | Restaurant De Zwaan | 2018 - 2021", "Accountant at Deloitte", "An Claes,
# Verpleegkundige, Voorbeeldplein 3"
SEGMENT = re.compile(r"\s[-–—|/•·]\s|\s*[,;:|()\t]\s*|\s{2,}|\s(?:at|bij|for|voor|in|te|@)\s", re.I)
# Words of a title that do not say which job: articles, prepositions, seniority, terms of employment, who may apply.
STOP = frozenset("""
a an the and or of for in at on to with from by as van voor en of de het een met bij in op te aan
senior junior medior sr jr trainee intern internship stage stagiair stagiaire student working werkstudent jobstudent
freelance interim temporary permanent fulltime parttime voltijds deeltijds remote hybrid hybride
m v x f h w d mv nl fr
""".split())


def key_of(word: str) -> str:
    """A title word as stored: lower case, an English or Dutch plural's -s dropped ("Technicians" -> technician;
    not "Technicus", "Analysis"), in its canonical gendered form ("Serveerster" -> kelner, "Waitress" -> waiter:
    pipeline.gendered)."""
    word = word.casefold()
    if canonical(word) != word:  # a gendered form as it is: "lerares" is no plural of "lerare"
        return canonical(word)
    return canonical(word[:-1] if len(word) > 4 and word.endswith("s") and word[-2] not in "suiï" else word)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(key, start, end) of each word of text[start:end] that says something of the job: not a stop word, and of
    three letters or more unless written in capitals (HR, IT, QA, UX)."""
    out = []
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        key = key_of(m.group())
        if key not in STOP and (len(key) > 2 or (len(key) == 2 and m.group().isupper())):
            out.append((key, m.start(), m.end()))
    return out


def part_around(text: str, start: int, end: int) -> str:
    """The part of its line between separators (SEGMENT) that holds text[start:end]: a title word's evidence, so
    that what else the line holds (an address, a phone number) is not stored with it."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    a, b = line_start, line_end
    for m in SEGMENT.finditer(text, line_start, line_end):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return " ".join(EDGE_DATE.sub("", text[a:b]).split())


# A date left at either end of the part ("2019 Wegenwerker" of "2014 - 2019 Wegenwerker"): half of a range, which
# would say the job began in 2019; the job's years are in the mention's own column.
EDGE_DATE = re.compile(r"^\s*(?:(?:\d{1,2}[/.-])?\d{4}|heden|now|present|today)\b\s*|\s*\b(?:\d{1,2}[/.-])?\d{4}\s*$",
                       re.I)


def _label_counts() -> tuple[Counter[str], int]:
    """How many occupation labels hold each word, of the lexicon in use (one per taxonomy folder)."""
    return _counts(lexicon())


@cache
def _counts(lex: Lexicon) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    for labels in lex.groups.values():
        for label in labels:
            counts.update({key_of(w) for w in label.split()})
    return counts, max(counts.values(), default=1)


def is_title_word(key: str) -> bool:
    """Whether a word is one of ESCO's job-title words (English or Dutch occupation labels): only those are kept,
    so a name, an e-mail address or a town on a title line is not."""
    return key in _label_counts()[0]


def specificity(key: str) -> float:
    """Near 1 for a word few ESCO occupation labels hold, down to MIN_SPECIFICITY for the word most labels hold
    (manager): 1 - ln(1 + labels holding it) / ln(1 + the most labels any word is in)."""
    counts, most = _label_counts()
    return max(MIN_SPECIFICITY, round(1 - math.log1p(counts.get(key, 0)) / math.log1p(most), 3))


def stored_label(skill_id: str, language: str = "en") -> str:
    """How a title word is listed beside skills: "job title: aircraft", "functietitel: aircraft"."""
    return ("functietitel: " if language == "nl" else "job title: ") + skill_id[len(TITLE_PREFIX):]


def title_columns(mention: Mention) -> dict[str, str | None]:
    """What the stored rows say of a title word (as rows.skill_columns of a skill)."""
    return {"label_en": stored_label(mention.skill_id), "type": "hard", "category": CATEGORY, "esco_uri": None}


def title_row(skill_id: str) -> dict[str, str | None]:
    """The skills-table row of a title word, so the fit views join it like a concept."""
    return {"skill_id": skill_id, "type": "hard", "category": CATEGORY, "esco_uri": None,
            "label_en": stored_label(skill_id, "en"), "label_nl": stored_label(skill_id, "nl")}
