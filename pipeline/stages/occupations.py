"""Occupations: the job a vacancy is for and the jobs a CV's holder has done, as ISCO-08 unit groups.

Job titles are looked up in ESCO's occupation labels, English and Dutch (pipeline.occupations), longest label
first; a label names its ISCO-08 unit group (5120 cooks, 7232 aircraft engine mechanics), or a few of them.

- A vacancy asks for the group its title names ("Senior Aircraft Maintenance Technician"): required, with the
  years it asks, where the ad asks for experience as one ("3 years of experience as a chef"), else preferred.
  A title that names none gives way to the first job the ad asks experience as.
- A CV names the jobs its holder has done: job-title lines of its experience sections ("Company Name City ,
  State Aviation Mechanic", "Kok | Restaurant De Zwaan | 2018 - 2021": with the years of the date range), its
  headline ("CHEF"), a job its profile names with years ("Chef with 6 years' experience") and a job after
  "experience as". A title line is short (at most MAX_LINE_WORDS words), no sentence (no full stop at its end),
  with the label written as a title (each word capitalised, or the line in capitals) and not as the verb of a
  task ("Cook meals for 200 guests": a lower-case word follows it).

Both are mentions of `occupation:<isco>` (method "occupation"), so the fit views count "has done this job" like a
skill, with its own weight (fit_weights.occupation); they are no skills, and `Document.occupations` keeps them
apart from `Document.mentions`. `Document.title_words` holds the words of the job titles (method "title",
pipeline.job_titles), whether or not ESCO names their group: the vacancy's title's words, preferred, and those of
a CV's job-title lines that name a role (a role word: engineer, mechanic, verpleegkundige …), up to the role word,
without the holder's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from rapidfuzz.distance import OSA

from pipeline import job_titles, titles  # modules, not names: titles imports pipeline.stages.sections, so this package
from pipeline.gendered import canonical
from pipeline.kind import MONTH
from pipeline.lexicon import lookup_table
from pipeline.model import Document, Mention
from pipeline.occupations import OCCUPATION_PREFIX, WORD, lexicon
from pipeline.organisations import firm_spans
from pipeline.personal_data import name_line, name_words, private_spans
from pipeline.sentences import bounds_of
from pipeline.stages.personal import REFERENCE_HEADING, personal_spans
from pipeline.stages.requirements import PREFERRED, YEARS, is_age, years_value
from pipeline.stages.sections import heading_kind

ALTERNATIVES = "occupation"  # the alt_group of a vacancy's occupations when its title names several groups
MAX_LINE_WORDS = 12
HEADLINE_LINES = 3  # a CV's headline: among its first non-empty lines, before any section
# Words that may follow a job title on its line ("Chef at Hilton", "Kok bij De Zwaan", "Nurse in ICU").
TITLE_FOLLOWERS = frozenset("""at bij for voor in te with met and en of van de het der des du la le and/or""".split())
# A date range on a job-title line ("2018 - 2021", "04/2017 to Current", "Jan 2018 – mrt 2019"): how long the job
# lasted, to the month where both ends name one.
_AT = r"(?:(?P<{0}m>{month})\s*|(?P<{0}n>\d{{1,2}})\s*[/.-]\s*)?(?P<{0}y>(?:19|20)\d\d)"
DATE_RANGE = re.compile(r"(?<!\w)" + _AT.format("s", month=MONTH) + r"\s*(?:[-–—]|to|tot|until)\s*(?:"
                        + _AT.format("e", month=MONTH) + r"|(?P<open>present|current|now|today|heden|nu|vandaag))\b",
                        re.I)
MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "mrt": 3, "maa": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6, "jul": 7,
                 "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12}
DATE_LINE_WORDS = 2  # a line of dates may hold a word or two more ("Since 11/2014 to Current", "Period:")
DATED_LINE_WORDS = 6  # ... and a line after a title its employer and town ("Restaurant De Zwaan, Amsterdam 2018 - 2021")
BLOCK_LINES = 2  # lines after a title that may hold its dates
BULLET = re.compile(r"\s*(?:[-*•·▪]|\d{1,2}[.)])\s")
MAX_GAP = 25  # characters between "experience as" and the job it names: a word or two ("ervaring als zelfstandig kok")
BREAK = re.compile(r"[.,;:!?()\n]")
# After a job in a CV's profile: "with 6 years' experience", "met ruim 10 jaar ervaring", "with over 5 years of".
LABEL_WINDOW = 80  # characters before "with N years" that may hold the job's label
WITH_YEARS = re.compile(r"\s+(?:with|met)\s+(?:over\s+|more than\s+|ruim\s+|meer dan\s+|bijna\s+|nearly\s+)?"
                        + YEARS.pattern, re.I | re.ASCII)
# Experience asked in the role itself, without naming it: "Minimaal 2 jaar ervaring in een gelijkaardige functie",
# "3+ years of experience in a similar role", "5 jaar relevante werkervaring in deze rol".
IN_SIMILAR_ROLE = re.compile(
    r"\s*(?:of\s+)?(?:relevant\w*\s+)?(?:(?:professional|work|werk)\s*)?(?:experience|ervaring|werkervaring)\s+"
    r"(?:in|als|op|at|as)\s+(?:an?\s+|een\s+|deze\s+|this\s+|the\s+same\s+|dezelfde\s+)?"
    r"(?:(?:gelijkaardige|soortgelijke|vergelijkbare|gelijkwaardige|similar|comparable|equivalent|relevante|relevant)"
    r"\s+)?(?:functie|rol|positie|job|role|position|capacity"
    # the workplace the role is done in: "2 jaar ervaring in een ziekenhuis" for a nurse's role
    r"|(?:\(\w+\))?(?:ziekenhuis|ziekenhuisapotheek|apotheek|woonzorgcentrum|zorginstelling|keuken|magazijn|hospital|"
    r"pharmacy|care home|nursing home|kitchen|warehouse|sector|branche|industry))\b", re.I)
ASKED_AS = re.compile(r"\b(?:experience|ervaring|werkervaring|background)\s+(?:working\s+)?(?:as|als)\s+(?:an?\s+|een\s+)?",
                      re.I)
# A CV's "worked 3 years as an order picker", "was 6 jaar werkzaam als kok" (the years may stand inside), the job
# a word or two after it ("as a senior nurse", not "as a team member performing cashier duties"); not a job wished
# for ("Seeking to be employed as a registered nurse"). In a vacancy only the past asks: "Je hebt 3 jaar gewerkt als
# kok" (not "Je bent werkzaam als magazijnier", "You will be employed as", the job offered).
WORKED_AS = re.compile(r"\b(?:worked|werkte|gewerkt|werkzaam|employed)\s+(?:[\w.']+\s+){0,4}?(?:as|als)\s+(?:an?\s+|een\s+)?"
                       # ... and Dutch, the verb at the end: "Ik heb 3 jaar als hulpkok gewerkt" (not "Ik heb een
                       # opleiding als kok gevolgd", "Ik heb nog nooit als kelner gewerkt"), "Ik werk al 2 jaar als
                       # afwasser" (not "Ik werk graag als kelner")
                       r"|\b(?:ik\s+heb|heb\s+ik)\s+(?:(?!nooit\b|niet\b|geen\b)[\w.']+\s+){0,3}?als\s+(?:een\s+)?"
                       r"(?=(?:[\w-]+\s+){1,3}gewerkt\b)"
                       # (and "…, en werk sinds 2018 als kredietanalist": its subject said before, trial V)
                       r"|\b(?:ik\s+werk|werk\s+ik|ik\s+werkte|en\s+werk|en\s+werkte)\s+"
                       r"(?:(?!graag\b|liefst\b|niet\b|nooit\b|ook\b)[\w.']+\s+){0,3}?"
                       r"als\s+(?:een\s+)?"
                       # ... and one saying what they are, as a mail does: "Ik ben lasser sinds 2008", "I have been
                       # an experienced welder since 2008" (trial T: the mail named no job); the job must follow
                       r"|\b(?:ik\s+ben|i\s+am|i['’]m|i\s+have\s+been)\s+(?:al\s+)?(?:an?\s+|een\s+)?"
                       r"(?:(?:ervaren|experienced|gediplomeerde?|qualified|certified|zelfstandige?)\s+)?(?=[^\W\d_])", re.I)
# Experience said to be not needed or not had: "Beschik je niet over ervaring als monteur …", "Geen ervaring als kok
# nodig", "no experience as a welder required" (trial T: the job the ad trains for became its heaviest requirement)
NO_EXPERIENCE = re.compile(r"\b(?:niet\s+over|geen|no|zonder|without|not\s+have)\s+(?:(?:relevante|enige|eerdere|prior|"
                           r"previous|any|relevant)\s+)?(?:\w+\s+)?$", re.I)
SAYS_WHAT_ONE_IS = re.compile(r"(?:ik|i)\b", re.I)  # the cue of "Ik ben lasser": the job must follow it at once
# "… lasser sinds 2008": the years a job has been held, to this year
SINCE_YEAR = re.compile(r"\s+(?:al\s+)?(?:sinds|since|vanaf)\s+((?:19|20)\d\d)\b", re.I)
WORKED_AS_ASKED = re.compile(r"\b(?:worked|gewerkt)\s+(?:[\w.']+\s+){0,4}?(?:as|als)\s+(?:an?\s+|een\s+)?", re.I)
# Between a years phrase and the cue after it, what makes the years something else: "Sarah (19 jaar), ervaring als
# kelner", "Sarah, 19 jaar - werkte als kok" (an age: without a verb is_age cannot tell); not "5 jaar ervaring als"
YEARS_CUT_OFF = re.compile(r"[,;:()\n|•]|\s[-–]\s")
# ... unless the years say they are experience: "**5+ Years of Experience**\n\nBackground as a Data Scientist", "Ik heb
# 8 jaar, voltijds, gewerkt als kelner" (an age has no "heb")
HAVE_BEFORE = re.compile(r"\b(?:heb|hebt|had|have|has)\b", re.I)
OF_EXPERIENCE_AFTER = re.compile(r"[*_ \t]*(?:of[ \t]+)?(?:\w+[ \t]+)?(?:experience|ervaring|werkervaring)\b", re.I)
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")  # the years of a job are in its own sentence (or the heading above it)
# What may stand before the job: "senior ", "zelfstandig "; not "the" ("Worked as the Dealer and Funds Manager of
# the Bank": a role named, not an ESCO title)
WORKED_GAP = re.compile(r"(?!(?:the|de|het)\s)(?:[^\W\d_][\w-]*\s+){0,2}", re.I)
WISHED = re.compile(r"\b(?:to be|te worden|te zijn|zoek\w*|wil|would like|hope|hoop|seeking|looking)\s+$", re.I)


@dataclass(frozen=True)
class Found:
    """An occupation label in a text: [start, end) and the unit groups it names (one, or a few: "sales
    representative" is 1420 or 3322)."""

    start: int
    end: int
    isco: tuple[str, ...]


# a label's words and an ampersand, its "and" ("Learning & Development Officer")
LABEL_WORD = re.compile(rf"{WORD.pattern}|&")


def find(text: str, language: str | None, start: int = 0, end: int | None = None) -> list[Found]:
    """The occupation labels of `language` in text[start:end], longest first, left to right, never overlapping.
    English labels count in Dutch text too ("Business Developer"), Dutch ones only there ("manager" is a Dutch
    label of one group, and no English one)."""
    lex = lexicon()
    languages = ("nl", "en") if language == "nl" else ("en",)
    tables = [lex.groups[lang] for lang in languages]
    starts = [lex.starts[lang] for lang in languages]
    words = [(m.start(), m.end(), m.group().casefold()) for m in LABEL_WORD.finditer(text, start, len(text) if end is None
                                                                                      else end)]
    found, i = [], 0
    while i < len(words):
        longest = max(first.get(words[i][2], 0) for first in starts)  # 0: no label starts with this word
        longest += sum(w == "&" for _, _, w in words[i + 1:i + longest + 1])  # "m & a analyst" is "m a analyst"
        for n in range(min(longest, len(words) - i), 0, -1):
            if words[i + n - 1][2] == "&" or words[i][2] == "&":
                continue  # a label neither starts nor ends with its "and": "President & CEO" is two
            key = " ".join(w for _, _, w in words[i:i + n])
            keys = (key.replace(" &", ""), key.replace("&", "and"), key.replace("&", "en")) if "&" in key else (key,)
            isco = next((table[k] for k in keys for table in tables if k in table), None)
            if isco:
                found.append(Found(words[i][0], words[i + n - 1][1], isco))
                i += n
                break
        else:
            i += 1
    return found


def _written_as_title(text: str, line: tuple[int, int], hit: Found) -> bool:
    """The label is capitalised as a job title is ("Servicedesk Medewerker", or in sentence case where it opens its
    line, after dates at most: "2022 – heden  Servicedesk medewerker | Rijnstate"), and is not the verb of a task
    ("Cook meals ...")."""
    words = WORD.findall(text, hit.start, hit.end)
    line_text = text[line[0]:line[1]]
    label = JOB_LABEL.match(text, *line)
    opens_line = LINE_OPENING.fullmatch(text, label.end() if label else line[0], hit.start) is not None
    # a title that opens a dated or labelled line may be in lower case, as people write them ("2018 - nu
    # heftruckchauffeur bij Katoen Natie", "Huidige functie: magazijnmedewerker")
    plain = opens_line and (label is not None or _dated_job(text, line))
    if not (line_text.isupper() or all(w[0].isupper() for w in words if len(w) > 3 or w == words[0])
            or (opens_line and words[0][0].isupper()) or plain):
        return False
    after = WORD.search(text, hit.end, line[1])  # a verb's object follows it; a comma or dash parts the title
    return after is None or not after.group().islower() or after.group() in TITLE_FOLLOWERS \
        or not text[hit.end:after.start()].isspace()


# What may stand before a title that opens its line: dates and a separator ("2019 - 2022: "); a bullet only before
# dates ("* 2023-nu: Social media specialist bij Jumbo", trial U), else it opens a task ("- Technical support …")
LINE_OPENING = re.compile(r"(?![ \t]*[-*•·▪][ \t](?![ \t]*\d))[\s\-–—|:/.,()\d*•·▪]*"
                          r"(?:(?:heden|now|present|nu|current|today)[\s\-–—|:,()]*)?")


def _lines(text: str, start: int, end: int):
    """(start, end) of each line in text[start:end]."""
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        yield pos, stop
        pos = stop + 1


def _title_lines(doc: Document) -> list[tuple[int, int]]:
    """A CV's lines that may hold a job title: those of its experience sections (not their headings), its headline,
    a line labelled with a job held ("Huidige functie: Vrachtwagenchauffeur CE", an intake form's) and, in a CV
    without a work heading, a line dated as a job is ("2018 - nu  heftruckchauffeur bij Katoen Natie"); short and
    no sentence."""
    text, spans = doc.text, list[tuple[int, int]]()
    headed = any(section.kind == "experience" for section in doc.sections)
    for section in doc.sections:
        if section.kind == "experience":
            heading, *lines = _lines(text, section.start, section.end)
            # its first line is the heading, but for a labelled job heading a table row ("Ervaring⇥7 jaar X")
            spans += [heading, *lines] if JOB_LABEL.match(text, *heading) else lines
        elif section.kind in ("profile", "other") and not (section.kind == "other" and section.heading):
            # a CV without a work heading dates its jobs where they stand; a labelled job line anywhere but in
            # references, awards and the like ("other" under a heading)
            spans += [line for line in _lines(text, section.start, section.end)
                      if JOB_LABEL.match(text, *line) or (not headed and _dated_job(text, line))]
    top = next((s.start for s in doc.sections if s.kind not in ("other", "profile")), len(text))
    spans += [line for line in _lines(text, 0, top) if text[line[0]:line[1]].strip()][:HEADLINE_LINES]
    spans = [_without_tasks(text, line) for line in spans]
    return sorted({line for line in spans if (stripped := text[line[0]:line[1]].strip())
                   and not stripped.endswith(".") and len(stripped.split()) <= MAX_LINE_WORDS
                   and not TASK_OPENING.match(text, *line)})


# A task written without a full stop: "Developed reports for Ministry Coordinator and Senior Pastor" (whose job
# words are someone else's); not a qualified job ("Registered nurse", "Certified welder", "Experienced bookkeeper")
TASK_OPENING = re.compile(r"[ \t•*·-]*(?!(?:Registered|Licensed|Certified|Chartered|Qualified|Experienced|Skilled|"
                          r"Specialised|Specialized|Trained|Retired|Dedicated|Accomplished|Seasoned|Talented|Motivated|"
                          r"Enrolled|Authorized|Authorised|Accredited)\b)[A-Z][a-z]+ed[ \t]+(?=[a-z])(?!(?:and|or)\b)")
# Tasks run on after a job on its own line: "2016-2024 forklift operator at Nike, Laakdal - loading trucks, …"
TASKS_AFTER = re.compile(r"[ \t][-–—][ \t]+(?=[a-z])")


def _without_tasks(text: str, line: tuple[int, int]) -> tuple[int, int]:
    """The line up to a dash before lower-case words (its tasks), past its first word (the dates' own dash), where
    what comes before reads as a job line (dates, an employer after a comma or "at"); the whole line when the dates
    come after the tasks. Not "Chosen by Corporate Controller for special project - acted as …"."""
    first = re.search(r"[^\W\d_]", text[line[0]:line[1]])
    dates = [d.span() for d in DATE_RANGE.finditer(text, *line)]  # "mei 2018 - heden": the range's own dash
    tasks = next((t for t in TASKS_AFTER.finditer(text, line[0] + first.start(), line[1])
                  if not any(a <= t.start() < b for a, b in dates)), None) if first else None
    if tasks is None or DATE_RANGE.search(text, tasks.start(), line[1]) \
            or not (DATE_RANGE.search(text, line[0], tasks.start()) or EMPLOYER_AFTER.search(text, line[0], tasks.start())):
        return line
    return line[0], tasks.start()


EMPLOYER_AFTER = re.compile(r",|\s(?:at|bij|@)\s|\s[|]\s")
# What parts a job from its employer on a title line: "at", "bij"; a dash or a bar only where the name goes on past
# the job word ("Bakker Barendrecht", "Visser & Smit"): "Process Technician - Welder 04/2015", "Kok –
# Zaalverantwoordelijke, Restaurant De Kroon" name two jobs (so "Storemanager – Zeeman, Vilvoorde" does too). Not a
# comma, which may list a second job too.
EMPLOYER_AT = re.compile(r"\s(?:at|bij|@)\s", re.I)
EMPLOYER_DASH = re.compile(r"\s[|–—-]\s")
NAME_GOES_ON = re.compile(r"[ \t]*(?:&|[A-Z][a-z])")


def _employer_part(text: str, job_end: int, hit: Found, line_end: int) -> bool:
    """Whether `hit`, past the job that ends at `job_end` on its title line, is in the employer's part of it."""
    if EMPLOYER_AT.search(text, job_end, hit.start):
        return True
    return EMPLOYER_DASH.search(text, job_end, hit.start) is not None \
        and NAME_GOES_ON.match(text, hit.end, line_end) is not None


# A line that names a job held with its label, as intake forms and CV templates do (not the job wanted: "Gewenste
# functie" says what the person looks for)
JOB_LABEL = re.compile(r"[ \t*•-]*(?:huidige functie|laatste functie|functie|functietitel|beroep|job title|"
                       r"current position|current role|current job|last position|ervaring|werkervaring|experience)"
                       r"[ \t]*(?::|\t)[ \t]*(?:(?P<years>\d{1,2})\+?[ \t]*(?:jaar|years?)[ \t]+(?:als[ \t]+|as[ \t]+(?:an?[ \t]+)?)?)?",
                       re.I)  # "Ervaring: 7 jaar productieoperator bij Ardo"
# A dated line that is a course, not a job: "2012 - 2014 verpleegkundige HBO5, Thomas More"
STUDY = re.compile(r"\b(?:\w*(?:opleiding|studie|studies|school|cursus|vorming)|student|hbo\d?|mbo\d?|bachelor|"
                   r"master|graduaat|diploma|universiteit|university|college|course|training|stage|internship|"
                   r"vdab)\b", re.I)


MIN_TYPO_WORD = 8  # shorter words are too often another word one letter away ("Koker", "Kok")


def misspelt(text: str, language: str | None, start: int, end: int) -> list[Found]:
    """A one-word job title misspelt by one letter on a dated job line ("2019 - 2024 Orderpiker bij Colruyt"): the
    first word of eight letters or more that no dictionary knows and that is one edit (OSA: a transposition counts
    as one) from exactly one occupation label of the language, or of English, and a title of its own (what follows
    it is a separator, dates or nothing: not "Childcare Provider", "Healthcare Representative")."""
    for m in WORD.finditer(text, start, end):
        word = m.group().casefold()
        alone = job_titles.SEGMENT.match(text, m.end(), end) or not text[m.end():end].strip() \
            or text[m.end():end].lstrip()[:1].isdigit()
        if len(word) >= MIN_TYPO_WORD and alone and word not in _dictionary() and word not in _label_words() \
                and canonical(word) == word:
            # (a gendered form is a word of its own: "forewoman" is no misspelt "firewoman")
            groups = {isco for lang in (("nl", "en") if language == "nl" else ("en",))
                      for label, isco in _one_word_labels(lang).get(word[0], ())
                      if abs(len(label) - len(word)) <= 1 and OSA.distance(word, label, score_cutoff=1) <= 1}
            if len(groups) == 1:
                return [Found(m.start(), m.end(), groups.pop())]
    return []


@cache
def _one_word_labels(language: str) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The one-word occupation labels of a language, MIN_TYPO_WORD letters or more, by their first letter."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for label, isco in lexicon().groups.get(language, {}).items():
        if " " not in label and len(label) >= MIN_TYPO_WORD:
            out.setdefault(label[0], []).append((label, isco))
    return out


@cache
def _dictionary() -> frozenset[str]:
    """English and Dutch words and lemmas (spaCy's lookup tables): "verkopen" is a word, no misspelt "verkoper"."""
    words: set[str] = set()
    for table in ("en_lemma_lookup", "nl_lemma_lookup"):
        found = lookup_table(table)
        words.update(found, (lemma for lemma in found.values() if isinstance(lemma, str)))
    return frozenset(words)


@cache
def _label_words() -> frozenset[str]:
    """The words of occupation labels: "healthcare" (of "healthcare director") is a word, no misspelt "healthcarer"
    (a trial: the employer "Randstad Healthcare" made an HR business partner a nurse)."""
    return frozenset(word for labels in lexicon().groups.values() for label in labels for word in label.split())


def _dated_job(text: str, line: tuple[int, int]) -> bool:
    """Whether a line holds a job's date range and no word of a course."""
    return DATE_RANGE.search(text, *line) is not None and STUDY.search(text, *line) is None



def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by spaces: offsets stay as they were."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def held(doc: Document) -> tuple[Mention, ...]:
    """The jobs a CV's holder has done: job-title lines in its experience sections and its headline, a job its
    profile names with years, and jobs named after "experience as"."""
    text = doc.text
    name = name_line(text)  # "Jan Bakker", "JOHN SMITH": surnames that are job titles are no jobs
    split_name = _span_of(text, name) if name and "\n" in name else None  # "Tom" / "Visser": no fisherman
    name_words = {w.casefold() for w in WORD.findall(name)} if name else set()
    out: list[Mention] = []
    seen: set[int] = set()
    jobs: dict[tuple[int, int], list[Found]] = {}  # job-title line -> the jobs it names
    # "221B Baker Street" names no baker, "Bouwbedrijf Kok" no cook; a special category is no reason to drop a job
    # held (an imam's job and years are his: its evidence is withheld instead)
    private = [*private_spans(text, special=False), *firm_spans(text)]
    masked = _blanked(text, private)  # a title read without them: "Male Nurse" is a nurse, its protected word left out
    for line in _title_lines(doc):
        stripped = text[line[0]:line[1]].strip()
        on_name_line = name is not None and name in stripped
        language = language_at(doc, line[0])
        for hit in find(masked, language, *line) or (misspelt(text, language, *line) if _dated_job(text, line) else []):
            if on_name_line and {w.casefold() for w in WORD.findall(text, hit.start, hit.end)} < name_words:
                continue  # part of the name; a title that is the whole line ("LINE COOK") stays
            if any(a < hit.end and hit.start < b for a, b in private) \
                    or split_name and split_name[0] <= hit.start < split_name[1]:
                continue
            if line in jobs and _employer_part(text, jobs[line][0].end, hit, line[1]):
                continue  # past the job, the employer: "Storemanager – Zeeman", "Accountmanager bij Visser & Smit"
            if _written_as_title(masked, line, hit) and hit.start not in seen \
                    and not IN_TRAINING.match(text, hit.end, line[1]):  # "vrachtwagenchauffeur in opleiding"
                seen.add(hit.start)
                jobs.setdefault(line, []).append(hit)
    lasted = job_years(doc, sorted(jobs))
    for line, hits in jobs.items():
        for hit in hits:
            out += _mentions(doc, hit, None, lasted[line])
    for hit, years in [*experience_as(doc), *job_with_years(doc)]:  # "5 years of experience as a chef"
        if hit.start not in seen:
            seen.add(hit.start)
            out += _mentions(doc, hit, None, years)
    return tuple(sorted(out, key=lambda m: (m.start, m.skill_id)))


def asked(doc: Document, title: str | None) -> tuple[Mention, ...]:
    """The job a vacancy is for: the occupation its title names, where the text shows it, required when the ad
    asks for experience as one of that group ("3 years of experience as a chef"), else preferred; when the
    title names none (or there is no title), the first job the ad asks experience as, required."""
    cues = list(experience_as(doc))
    hits = find(title, doc.language) if title else []
    shared = _shared_head_title(title) if title else None
    joint = find(shared, doc.language) if shared else []
    if joint and len(joint) == 1 and joint[0].end - joint[0].start == len(shared or ""):
        hits = [Found(hits[0].start if hits else 0, hits[0].end if hits else len(title or ""),
                      tuple(dict.fromkeys((*joint[0].isco, *(hits[0].isco if hits else ())))))]
    if hits:
        isco = hits[0].isco  # "Chef de Partie / Sous Chef": the first named
        label = title[hits[0].start:hits[0].end] if title else ""
        at = doc.text.casefold().find(label.casefold())
        if at < 0:
            return ()
        asked_as = [(h, years) for h, years in cues if set(h.isco) & set(isco)]
        hit, matching = Found(at, at + len(label), isco), [years for _, years in asked_as]
    elif cues:
        asked_as = cues[:1]
        hit, matching = cues[0][0], [cues[0][1]]
    else:
        return ()
    # the jobs the ad takes instead ("ervaring als hulpkok of kok"): one requirement, any of them meets it
    others = [isco for h, _ in asked_as for isco in _alternative_jobs(doc, h)]
    hit = Found(hit.start, hit.end, tuple(dict.fromkeys((*hit.isco, *others))))
    years = next((y for y in matching if y is not None), None)
    if hits and years is None:
        similar = years_in_similar_role(doc.text)
        if similar is not None:
            matching, years = [similar], similar
    # asked as a plus in its own clause, wherever it is asked ("Work experience as a paralegal is an advantage";
    # trial V: read as required); not "3 years as an accountant, knowledge of Exact is a plus"
    plus = bool(asked_as) and all(PREFERRED.search(doc.text, *_clause(doc.text, h)) for h, _ in asked_as)
    return _mentions(doc, hit, "required" if matching and not plus else "preferred", years)


def _clause(text: str, hit: Found) -> tuple[int, int]:
    """[start, end) of the clause of the sentence around `hit`, cut at commas and semicolons."""
    start, end = bounds_of(text)(hit.start, hit.end)
    before = max(text.rfind(",", start, hit.start), text.rfind(";", start, hit.start))
    after = [i for i in (text.find(",", hit.end, end), text.find(";", hit.end, end)) if i >= 0]
    return (before + 1 if before >= 0 else start), min(after, default=end)


ALTERNATIVE_JOB = re.compile(r"[ \t]*(?:,|/|\bof\b|\bor\b)[ \t]*(?:een[ \t]+|an?[ \t]+)?", re.I)
MAX_ALTERNATIVE_JOBS = 3


def _alternative_jobs(doc: Document, hit: Found) -> tuple[str, ...]:
    """The groups of the jobs named right after `hit` as its alternatives: "als hulpkok of kok", "as a cook, chef or
    kitchen assistant"."""
    out: tuple[str, ...] = ()
    end = hit.end
    for _ in range(MAX_ALTERNATIVE_JOBS):
        joint = ALTERNATIVE_JOB.match(doc.text, end)
        if joint is None or joint.end() == end:
            break
        named = next((h for h in find(doc.text, language_at(doc, joint.end()), joint.end(),
                                      min(len(doc.text), joint.end() + 40)) if h.start == joint.end()), None)
        if named is None:
            break
        out, end = out + named.isco, named.end
    return out


def years_in_similar_role(text: str) -> float | None:
    """The years a vacancy asks in the role it is for, named or not ("2 jaar ervaring in een gelijkaardige
    functie", "3+ years of experience in a similar role"); not where the line calls them a plus ("2 jaar ervaring
    in een magazijn is een pluspunt", "…similar role, preferred"); a plus said of something else leaves them
    asked ("…, kennis van Engels is een pluspunt")."""
    for years in YEARS.finditer(text):
        similar = IN_SIMILAR_ROLE.match(text, years.end())
        if similar:
            line_end = text.find("\n", similar.end())
            cue = PREFERRED.search(text, similar.end(), line_end if line_end >= 0 else len(text))
            if cue is None or any(w.casefold() not in CUE_FILLER for w in WORD.findall(text, similar.end(), cue.start())):
                return years_value(years.group(1))
    return None


# Words that may stand between what a cue is about and the cue ("…, which is a plus", "…, is een pluspunt")
CUE_FILLER = frozenset("which that this is are would be will strongly highly very dit wat die is zijn een a an het "
                       "the strekt tot sterk".split())


def experience_as(doc: Document) -> Iterator[tuple[Found, float | None]]:
    """The jobs a text names after "experience as" ("ervaring als kok", "3 years of experience as a chef"), with
    the years before it: what an ad asks, or what a CV says its holder did."""
    cues = [(cue, False) for cue in ASKED_AS.finditer(doc.text)
            if not NO_EXPERIENCE.search(doc.text, max(0, cue.start() - 30), cue.start())]
    cues += [(cue, True) for cue in (WORKED_AS if doc.kind == "cv" else WORKED_AS_ASKED).finditer(doc.text)
             if not WISHED.search(doc.text, max(0, cue.start() - 30), cue.start())]
    for cue, worked in cues:
        named = find(doc.text, language_at(doc, cue.start()), cue.end(), min(len(doc.text), cue.end() + 60))[:1]
        near = named and (WORKED_GAP.fullmatch(doc.text, cue.end(), named[0].start) if worked
                          else named[0].start - cue.end() <= MAX_GAP) \
            and not (SAYS_WHAT_ONE_IS.match(cue.group()) and named[0].start != cue.end())  # "een harde werker"
        if near and not BREAK.search(doc.text, cue.end(), named[0].start):
            reach = max(0, cue.start() - 30, *(b.end() for b in SENTENCE_END.finditer(doc.text, max(0, cue.start() - 30),
                                                                                        cue.start())))
            before = [y for y in YEARS.finditer(doc.text, reach, cue.end()) if not is_age(doc.text, y)
                      and (OF_EXPERIENCE_AFTER.match(doc.text, y.end()) or HAVE_BEFORE.search(doc.text, reach, y.start())
                           or not YEARS_CUT_OFF.search(doc.text, y.end(), max(y.end(), cue.start())))]
            yield named[0], years_value(before[-1].group(1)) if before else (_years_after(doc.text, named[0].end)
                                                                             if worked else None)


def _years_after(text: str, end: int) -> float | None:
    """The years a held job's own words give after it: "lasser sinds 2008" (to this year), "lasser met 18 jaar
    ervaring"."""
    since = SINCE_YEAR.match(text, end)
    if since:
        return float(max(0, date.today().year - int(since.group(1))))
    years = WITH_YEARS.match(text, end)
    return years_value(years.group(1)) if years else None


def job_with_years(doc: Document) -> Iterator[tuple[Found, float]]:
    """The jobs a CV's profile names with years of experience ("Chef with 6 years' experience", "Kok met 10 jaar
    ervaring"): the years are the job's (not the next word's, issue 14). The years phrase is found first, then a
    label ending right before it, so a long profile costs one regex pass."""
    for section in doc.sections:  # a profile, or the untitled opening of a CV without headings
        if section.kind != "profile" and not (section.kind == "other" and not section.heading):
            continue
        for years in WITH_YEARS.finditer(doc.text, section.start, section.end):
            window = max(section.start, years.start() - LABEL_WINDOW)
            hit = next((h for h in find(doc.text, language_at(doc, years.start()), window, years.start())
                        if h.end == years.start()), None)
            line_start = doc.text.rfind("\n", 0, hit.start) + 1 if hit else 0
            if hit and (section.kind == "profile" or not doc.text[line_start:hit.start].strip()):
                yield hit, years_value(years.group(1))  # untitled: "Productieoperator met 7 jaar ervaring" opens it


def years_on_line(line: str, today: date | None = None) -> float | None:
    """How long a job lasted, from a date range on its title line ("Kok | De Zwaan | 2018 - 2021": 3.0; "04/2017 -
    09/2017": 0.4, to the month where both ends name one); an open range ("2019 - heden") runs to `today`."""
    match = DATE_RANGE.search(line)
    if not match:
        return None
    today = today or date.today()
    start_year, start_month = int(match["sy"]), _month(match["sm"], match["sn"])
    end_year = today.year if match["open"] else int(match["ey"])
    end_month = today.month if match["open"] else _month(match["em"], match["en"])
    if start_month and end_month:
        years = round(((end_year - start_year) * 12 + end_month - start_month) / 12, 1)
    else:
        years = float(end_year - start_year)
    return years if 0 <= years <= 50 else None


def job_years(doc: Document, lines: list[tuple[int, int]]) -> dict[tuple[int, int], float | None]:
    """How long the job of each job-title line (sorted) lasted: from a date range on the line; else, where a
    section's dates stand on lines of their own, from the line right before the title when the section's first
    title has its dates before it ("11/2014 to Current" above "Pastry Sous Chef Company Name", as resume builders
    lay it out), or from the first of the next two lines before the next title that holds a date range and little
    else ("Sous Chef" / "Restaurant De Zwaan, Amsterdam" / "2018 - 2021"). Never the dates of another job."""
    text, out = doc.text, {}
    by_section: dict[int, list[tuple[int, int]]] = {}
    for line in lines:
        section = doc.section_at(line[0])
        by_section.setdefault(section.start if section else 0, []).append(line)
    for floor, group in by_section.items():
        dates_first = _dates_only(_line_before(text, group[0][0], floor))
        for i, line in enumerate(group):
            years = years_on_line(text[line[0]:line[1]])
            label = JOB_LABEL.match(text, *line)
            if years is None and label and label.group("years"):  # "Ervaring: 7 jaar productieoperator"
                years = float(label.group("years"))
            elif years is None and dates_first:
                before = _line_before(text, line[0], floor)
                years = years_on_line(before) if _dates_only(before) else None
            elif years is None:
                stop = group[i + 1][0] if i + 1 < len(group) else len(text)
                following = [text[a:b] for a, b in _lines(text, line[1] + 1, stop) if text[a:b].strip()][:BLOCK_LINES]
                years = next((years_on_line(f) for f in following if DATE_RANGE.search(f) and not BULLET.match(f)
                              and len(DATE_RANGE.sub(" ", f).split()) <= DATED_LINE_WORDS), None)
            out[line] = years
    return out


def _line_before(text: str, start: int, floor: int) -> str:
    """The last non-blank line before `start`, not before `floor`; "" when there is none."""
    lines = [text[a:b] for a, b in _lines(text, floor, max(floor, start - 1)) if text[a:b].strip()]
    return lines[-1] if lines else ""


def _dates_only(line: str) -> bool:
    """Whether a line holds a date range and at most DATE_LINE_WORDS other words."""
    return DATE_RANGE.search(line) is not None and len(DATE_RANGE.sub(" ", line).split()) <= DATE_LINE_WORDS


def _month(name: str | None, number: str | None) -> int | None:
    """1-12 from "Jan", "maart", "04", else None."""
    month = MONTH_NUMBERS.get(name[:3].lower()) if name else int(number) if number else None
    return month if month and 1 <= month <= 12 else None


def language_at(doc: Document, offset: int) -> str | None:
    """The language of the section at `offset`, else the document's."""
    section = doc.section_at(offset)
    return (section.language if section else None) or doc.language


def _mentions(doc: Document, hit: Found, requirement: str | None, years: float | None = None) -> tuple[Mention, ...]:
    """A mention per unit group the label names; a vacancy's are one requirement (alternatives, group
    ALTERNATIVES): a CV of any of them meets it."""
    section = doc.section_at(hit.start)
    group = ALTERNATIVES if requirement and len(hit.isco) > 1 else None
    return tuple(Mention(skill_id=OCCUPATION_PREFIX + isco, start=hit.start, end=hit.end,
                         text=doc.text[hit.start:hit.end], method="occupation", confidence=1.0,
                         section=section.kind if section else None, requirement=requirement,  # type: ignore[arg-type]
                         years=years, group=group) for isco in hit.isco)


MAX_TITLE_WORDS = 3  # title words kept before a role word ("Senior Aircraft Maintenance Technician")
GENERIC_ROLE = 0.35  # a role word this unspecific that opens a title takes the words after it ("Medewerker Boekhouding")
OF = re.compile(r"\s+(?:of|van)\s", re.I)  # ... and so does one before "of" ("Head of Sales", "Director of Engineering")
SENTENCE_CASE_WORDS = 4  # the most words a title in sentence case has ("Medewerker klantenservice export")
IN_TRAINING = re.compile(r"[ \t]*(?:[(,-][ \t]*)?(?:in opleiding|in training|leerling|trainee)\b", re.I)
EMPLOYER = re.compile(r"\s(?:at|bij|@)\s", re.I)  # what follows it on a title line is the employer
NOT_A_TITLE = re.compile(r"\d|@|www\.|://")  # a part holding a number, an address or a link names no job
# ... but the end of a date range before or after the title is no part of it: "2019 - 2025 Java Developer at Ordina"
_EDGE_DATE = rf"(?:(?:{MONTH})\s*|\d{{1,2}}\s*[/.-]\s*)?(?:19|20)\d\d"
_EDGE_RANGE = rf"{_EDGE_DATE}(?:\s*[-–—]\s*(?:{_EDGE_DATE}|present|current|now|heden|nu)\b)?"  # "2019-2025"
DATE_BEFORE = re.compile(rf"[ \t]*{_EDGE_RANGE}\b[ \t]*", re.I)
DATE_AFTER = re.compile(rf"[ \t]+{_EDGE_RANGE}[ \t]*$", re.I)
LIST_LINE = re.compile(r"^\s*(?:[-*•·▪●◦►✓]|\d+[.)])\s")  # a bullet: a task, not a job title


def held_title_words(doc: Document) -> tuple[Mention, ...]:
    """The words of a CV's job titles: in each title line (see _title_lines) that is no bullet, heading or personal
    data line ("Naam:", "Address:", a references section), the parts that name a role (see _role_words): "Company
    Name City , State Aviation Mechanic": aviation, mechanic; "Kok | Restaurant De Zwaan | 2018 - 2021": kok. Words
    of the holder's name are left out, and so is a part that starts with a name ("Jan Peeters Verpleegkundige",
    "Bram Kok" on the first line)."""
    text = doc.text
    private = personal_spans(text) + [(s.start, s.end) for s in doc.sections
                                      if s.heading and REFERENCE_HEADING.match(s.heading)]
    # "221B Baker Street", "een Turkse man", "Administratiekantoor Visser & Co": no words of a job on a job's line
    protected = [*private_spans(text), *firm_spans(text)]
    names = {job_titles.key_of(w) for w in name_words(text)}
    name = name_line(text)
    if name and "\n" in name:  # a name on two lines ("Tom" / "Visser"): each line is the name's, however short
        private.append(_span_of(text, name))
    first_line = next((m.start() for m in re.finditer(r"[^\s]", text)), 0)
    out: list[Mention] = []
    for line_start, line_end in _title_lines(doc):
        line = text[line_start:line_end]
        if LIST_LINE.match(line) or heading_kind(line, "cv") or any(a < line_end and line_start < b for a, b in private) \
                or IN_TRAINING.search(line):
            continue
        found = _role_words(text, line_start, line_end, strict=True, first_line=line_start <= first_line < line_end)
        # a name's word beside another of the name's words is the name ("Jan Kok Verpleegkundige"); alone on a
        # job's line it is the job ("Kok | De Zwaan | 2018 - 2021" in Bram Kok's CV)
        named = {job_titles.key_of(w) for w in WORD.findall(line)} & names
        out += [_title_mention(doc, key, s, e, None) for key, s, e in found if (key not in names or len(named) < 2)
                and not any(a < e and s < b for a, b in protected)]
    return tuple(sorted(out, key=lambda m: m.start))


def _span_of(text: str, part: str) -> tuple[int, int]:
    """[start, end) of the first `part` in `text`."""
    start = text.find(part)
    return start, start + len(part)


def _role_words(text: str, start: int, end: int, strict: bool = False,
                first_line: bool = False) -> list[tuple[str, int, int]]:
    """The title words of text[start:end] that name the job: in each part between separators that holds a role
    word (capitalised, or in a line of capitals, where `strict`: a CV's line), the words of ESCO's job titles up to
    its last one, at most MAX_TITLE_WORDS before it, and the words after a generic one that opens the part or
    stands before "of" ("Aircraft Maintenance Technician"; "Verpleegkundige interne geneeskunde": verpleegkundige,
    the ward aside; "Medewerker Boekhouding": both; "Store Manager Company Name": store, manager). A part holding
    a number or an address names none; where `strict`, neither does one that starts with capitalised words that
    are in no job title (a name: "Jan Peeters Verpleegkundige"; one is enough on the first line, "Bram Kok")."""
    separators = list(job_titles.SEGMENT.finditer(text, start, end))
    bounds = [start, *(x for m in separators for x in m.span()), end]
    capitals = text[start:end].isupper()
    plain = strict and (JOB_LABEL.match(text, start, end) is not None or _dated_job(text, (start, end)))
    out: list[tuple[str, int, int]] = []
    first = 0  # the part that holds the title, after any parts of dates alone
    pending: list[tuple[str, int, int]] = []
    for k, (a, b) in enumerate(zip(bounds[::2], bounds[1::2])):
        modifier, pending = pending, []  # of the part before, when it shares this part's head
        if k == first and (date := DATE_BEFORE.match(text, a, b)):  # the title's part: not an employer's after it
            a = date.end()
            if a >= b or not text[a:b].strip():
                first += 1  # "2019" of "2019 - 2025 Java Developer": the title is in the next part
                continue
        if (k == first or not out) and (date := DATE_AFTER.search(text, a, b)):  # "Ordina | Java Developer 2019 - 2025"
            b = date.start()
        if NOT_A_TITLE.search(text, a, b) or (strict and k and EMPLOYER.fullmatch(separators[k - 1].group())):
            continue  # a number, an address, a link; the employer after "at" ("Sales Engineer at Smith & Taylor")
        found = job_titles.words(text, a, b)
        # a title in sentence case, as Dutch writes one ("Financieel controller"): a capital first, then nothing
        # but words of job titles, and short; on a dated or labelled line, in any case
        sentence_case = bool(found) and len(found) <= SENTENCE_CASE_WORDS and all(
            job_titles.is_title_word(key) for key, _, _ in found) and (text[found[0][1]].isupper() or plain)
        roles = [i for i, (_, s, e) in enumerate(found) if titles.is_role_word(text[s:e])
                 and (not strict or capitals or sentence_case or text[s].isupper())]
        if not roles:
            if k < len(separators) and _shares_the_head(found, separators[k].group()):
                pending = found  # "HR / People Operations Manager": an HR manager too
            continue
        last = roles[-1]
        unknown = [i for i, (key, _, _) in enumerate(found[:last]) if not job_titles.is_title_word(key)]
        if strict and unknown and unknown[0] == 0 and text[found[0][1]].isupper() and (len(unknown) > 1 or first_line):
            continue
        kept = found[max(0, last - MAX_TITLE_WORDS):last + 1]
        if (last == 0 and job_titles.specificity(found[0][0]) < GENERIC_ROLE) or OF.match(text, found[last][2]):
            kept += found[last + 1:last + 1 + MAX_TITLE_WORDS]  # "Medewerker Boekhouding", "Head of Sales"
        if modifier and not _names_a_job(text, modifier, found[last]):
            modifier = []  # "Nacht / Weekend Verpleegkundige", "Junior / Senior Accountant": no job of their own
        out += [w for w in modifier + kept if job_titles.is_title_word(w[0])]
    return out


def _names_a_job(text: str, modifier: list[tuple[str, int, int]], head: tuple[str, int, int]) -> bool:
    """Whether a modifier before a slash and the head after it name a job ("HR Manager" of "HR / People
    Operations Manager")."""
    joint = " ".join(text[s:e] for _, s, e in (*modifier, head))
    hits = find(joint, "nl")
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(joint)


MAX_MODIFIER_WORDS = 2


def _shares_the_head(words: list[tuple[str, int, int]], separator: str) -> bool:
    """Whether a part of a title without a role word, before a slash, is a modifier of the next part's role
    ("HR / People Operations Manager", "Sales / Marketing Manager"): a word or two of job titles."""
    return "/" in separator and 0 < len(words) <= MAX_MODIFIER_WORDS \
        and all(job_titles.is_title_word(key) for key, _, _ in words)


MAX_TITLE_CHARS = 120  # a longer "title" is no job title (and no pattern runs over it)
SENIORITY = frozenset("junior senior medior ervaren experienced trainee stagiair".split())
# A title's modifier before a slash and the part whose head it shares: "HR / People Operations Manager"
SHARED_HEAD = re.compile(r"^[ \t]*(?P<modifier>[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)[ \t]*/[ \t]*[^/]*?(?P<head>[^\W\d_]+)[ \t]*$")


def _shared_head_title(title: str) -> str | None:
    """The title its modifier before a slash names with the head after it ("HR Manager" of "HR / People
    Operations Manager"), or None."""
    found = SHARED_HEAD.match(title) if len(title) <= MAX_TITLE_CHARS else None
    if found is None or titles.is_role_word(found.group("modifier").split()[-1]) \
            or found.group("modifier").casefold() in SENIORITY:
        return None  # "Boekhouder / Accountant": two titles, each with its own head; "Junior / Senior Accountant": one
    return f"{found.group('modifier')} {found.group('head')}"


def asked_title_words(doc: Document, title: str | None) -> tuple[Mention, ...]:
    """The words of a vacancy's title that name the job (see _role_words; all of ESCO's job-title words in it when
    none is a role word), preferred: at the title's own line when the text has it, else at each word's first place
    in the text, or at the text's start for a word it lacks (a record's title field names the job all the same)."""
    if not title:
        return ()
    text = doc.text
    line = re.search(re.escape(title), text, re.I)
    if line:
        found = _role_words(text, line.start(), line.end()) or [
            w for w in job_titles.words(text, line.start(), line.end()) if job_titles.is_title_word(w[0])]
        return tuple(_title_mention(doc, key, s, e, "preferred") for key, s, e in found)
    out = []
    for key, _, _ in _role_words(title, 0, len(title)) or [
            w for w in job_titles.words(title) if job_titles.is_title_word(w[0])]:
        word = re.search(r"\b" + re.escape(key) + r"\w*", text, re.I)
        out.append(_title_mention(doc, key, *(word.span() if word else (0, 0)), "preferred"))
    return tuple(out)


def _title_mention(doc: Document, key: str, start: int, end: int, requirement: str | None) -> Mention:
    section = doc.section_at(start)
    return Mention(skill_id=job_titles.TITLE_PREFIX + key, start=start, end=end, text=doc.text[start:end] or key,
                   method="title", confidence=job_titles.specificity(key), section=section.kind if section else None,
                   requirement=requirement)  # type: ignore[arg-type]


def find_occupations(doc: Document) -> Document:
    """Stage: `doc.occupations`, the jobs a CV's holder has done or the job a vacancy is for, and `doc.title_words`,
    the words of their job titles. A vacancy's title, found here once, is kept in `doc.meta` for the stored row
    (pipeline.rows.title_of)."""
    if doc.kind == "cv":
        return doc.replace(occupations=held(doc), title_words=held_title_words(doc))
    title = doc.meta.get(titles.META_KEY) or titles.find_title(doc.text)
    meta = {**doc.meta, titles.META_KEY: title} if title else doc.meta
    return doc.replace(occupations=asked(doc, title), title_words=asked_title_words(doc, title), meta=meta)


find_occupations.name = "occupations"  # type: ignore[attr-defined]
