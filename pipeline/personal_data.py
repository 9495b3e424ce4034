"""Personal-data rules: finding a CV's name line and the person's name words, and redacting a sentence.

A text utility below the stages and the store: the `personal` stage uses the name rules to drop mentions
that are really the person's name, and the evidence sentences stored per mention are redacted with them.
"""

from __future__ import annotations

import re
from collections.abc import Set

# Two or more characters starting with a letter, hyphens and apostrophes included (El-Amrani, O'Neill):
# the unit a name line is split into and a sentence is searched for.
HYPHENATED_WORD = re.compile(r"[^\W\d_][\w'’-]+")
# Linear time on any input: a match may only start where a run of address characters starts (the lookbehind),
# and every repetition is bounded (RFC 5321's 64-character local part, 63-character labels), so a CV that is one
# long run of letters, dots or hyphens without an "@" cannot make the search backtrack quadratically.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])")
PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()./-]{7,24}\d")
# A first line with one of these is a job title ("Senior Python Developer", "PASTRY CHEF"), not a name. Not "kok",
# a common Dutch surname ("Peter Kok"): _job_title tells "Chef Kok" by all its words.
JOB_WORDS = re.compile(r"\b(developer|engineer|manager|analyst|analist|consultant|medewerker|medewerkster|"
                       r"verpleegkundige|nurse|accountant|boekhouder|specialist|officer|assistant|technician|"
                       r"technicus|operator|chauffeur|chef|teacher|leerkracht|docent|recruiter|designer|"
                       r"architect|director|directeur|lead|senior|junior|intern|stagiair|profile|profiel)\b", re.I)
NAME_WORD = re.compile(r"[^\W\d_a-zß-ÿ][^\W\d_]*(?:['’-][^\W\d_]+)*")  # Capitalised, letters only: Jan, El-Amrani
NAME_PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "el", "al", "la", "le", "du", "da", "di",
                  "von", "op", "in", "'t"}
MAX_PARTICLES = 3  # "van de", "van der", "in 't", "de la": the most a name has in a row
# A particle before the name's words in any case ("van der [name]"), after them only capitalised ("Hoa Le"; not
# "[name] in Gent")
_PARTICLES = sorted(NAME_PARTICLES, key=len, reverse=True)
PARTICLE_BY_NAME = re.compile(
    r"(?<![\w'’-])(?i:" + "|".join(map(re.escape, _PARTICLES)) + r")(?=[ \t]+\[name\])"
    r"|(?<=\[name\] )(?:" + "|".join(re.escape(p[:1].upper() + p[1:]) for p in _PARTICLES) + r")(?![\w'’-])")
CV_HEADER = re.compile(r"(curriculum vitae|cv|resume|résumé|levensloop)\W*", re.I)
# A full date (day, month and year) is a birth date as CVs give one: "14/03/1988", "7 juni 1991", "2 February 1990",
# "February 2, 1990"; a month and year alone ("June 2019") dates a job and stays.
_MONTH = (r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|maa(?:rt)?|mrt|mar(?:ch)?|apr(?:il)?|mei|may|jun[ie]?|jul[iy]?|"
          r"aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|o[kc]t(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
BIRTH_DATE = re.compile(r"\b(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th|e|ste)?(?:[ \t]+|-)" + _MONTH
                        + r"(?:[ \t]+|-)(?:19|20)\d\d|" + _MONTH + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d)\b",
                        re.I)
# "linkedin.com/in/jan-peeters-12ab", "github.com/jpeeters": the handle often spells the name
PROFILE_URL = re.compile(r"(?:linkedin\.com/in|github\.com|gitlab\.com|twitter\.com|x\.com|instagram\.com)/"
                         r"([\w.-]{1,100})", re.I)
NAME_LABEL = re.compile(r"^(?:naam|name|full name|volledige naam)[ \t]*:[ \t]*", re.I)
# "Jan Peeters – Senior Developer", "Jan Peeters | Verpleegkundige": a name, then the title
NAME_THEN_TITLE = re.compile(r"\s+[–—|•·,]\s+|\s+-\s+")


def name_words(text: str) -> set[str]:
    """Words that identify the person: the words of the CV's name line and the parts of e-mail addresses and
    profile links. Not a name's particles ("de", "van", "der" of "Sanne de Vries"; "Le", "Van", "Du" of "Le Thi
    Hoa", "Nguyen Van Minh"): they are everyday words, and redacting them in every sentence would make evidence
    unreadable; `redact` removes them where they stand next to the name's own words."""
    words: set[str] = set()
    line = name_line(text)
    if line:
        words |= set(HYPHENATED_WORD.findall(line))
    for email in EMAIL.findall(text):
        words |= {part for part in re.split(r"[._+-]", email.split("@")[0]) if len(part) > 2}
    for handle in PROFILE_URL.findall(text):
        words |= {part for part in re.split(r"[._-]", handle) if len(part) > 2 and not any(c.isdigit() for c in part)}
    return {w.casefold() for w in words} - NAME_PARTICLES


def name_line(text: str) -> str | None:
    """The line holding the person's name: the first line that is not a CV header ("Curriculum Vitae")
    and looks like a name (two to four capitalised words, no digits); None when the top lines are not."""
    for line in [ln.strip(" \t\ufeff#*|") for ln in text.splitlines() if ln.strip(" \t\ufeff#*|")][:3]:
        if CV_HEADER.fullmatch(line):
            continue
        line = NAME_LABEL.sub("", line, count=1)  # "Naam: Tim Bakker"
        line = NAME_THEN_TITLE.split(line, maxsplit=1)[0]  # the title after the name is not part of it
        words = line.split()
        capitalised = [w for w in words if w.lower() not in NAME_PARTICLES]
        if 2 <= len(words) <= 5 and len(capitalised) >= 2 and all(NAME_WORD.fullmatch(w) for w in capitalised) \
                and not JOB_WORDS.search(line) and not _job_title(words):
            return line
        return None
    return None


def _job_title(words: list[str]) -> bool:
    """Whether a name-like line is a job title: all its words are words of ESCO's job titles and one is a head
    noun no surname is ("CUSTOMER SERVICE ADVOCATE", "AVIATION MECHANIC"; not "Jan Kok", "Hunter Baker")."""
    from pipeline import job_titles, titles  # here: both import modules that import this one

    keys = [job_titles.key_of(w) for w in words]
    return all(job_titles.is_title_word(k) for k in keys) and any(k in titles.MORE_ROLE_WORDS for k in keys)


def redact(sentence: str, names: Set[str]) -> str:
    """A sentence without e-mail addresses, phone numbers, dates of birth and the person's name, its particles
    included where they stand next to its words ("Sanne [name] [name]" for "Sanne de Vries", not "de" elsewhere)."""
    sentence = PHONE.sub("[phone]", EMAIL.sub("[email]", BIRTH_DATE.sub("[date]", sentence)))
    if names:
        sentence = HYPHENATED_WORD.sub(lambda m: "[name]" if m.group().casefold() in names else m.group(), sentence)
        for _ in range(MAX_PARTICLES):  # "van der [name]": one particle a round (bounded: linear on any input)
            joined = PARTICLE_BY_NAME.sub("[name]", sentence) if "[name]" in sentence else sentence
            if joined == sentence:
                break
            sentence = joined
    return sentence
