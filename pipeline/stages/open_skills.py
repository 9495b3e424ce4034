"""Skills that are on no list: phrases the taxonomy does not know, found where a recruiter reads skills.

Six places name skills whatever their words (measured on the real-document dev part):
- a CV's skills section, one item per bullet, comma or semicolon ("Quicken, Lotus Notes, Business Objects");
- the phrase after a cue ("experience with Kronos", "knowledge of transfer pricing", "ervaring met Navision",
  "kennis van Exact Online", "API's zoals Stripe of Modal", "certifications such as CKAD"), split at its commas
  and conjunctions;
- the values of a run of stack lines holding a known skill ("* Back-end: Python", "* Authenticatie: Auth0");
- a short list whose other members are known skills ("Excel, Quicken and Lotus Notes": Quicken and Lotus Notes);
- a short bullet of a CV's experience or profile whose parts are short phrases ("- Werkkapitaalanalyse en
  debiteurenrapportage"): CVs list their tasks as nouns. Not in vacancies, where such bullets measured as often
  wrong as right on the dev part;
- a phrase the trained tagger of its language (`pipeline.span_model`: English, Dutch) marks as a skill in a section
  that names the candidate's skills ("Performed line maintenance and routine servicing"), split like a list and
  judged by the same rules as every other item.

Each item becomes a Mention with method "open", a normalised `key` (the same unknown skill in a CV and a
vacancy gets the same key, so fit matches them) and skill_id `open:<key>`; an item whose words are a taxonomy
label in another order or number links to that concept instead (`link` says so). Items that overlap a taxonomy
mention, sentences, headings, dates, contact details and lone everyday words are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, cached_property

from pipeline import titles  # the module, not its names: titles imports pipeline.stages (a cycle)
from pipeline.lexicon import lookup_table
from pipeline.model import OPEN_PREFIX, Document, Mention, SkillType
from pipeline.occupations import lexicon as occupation_lexicon
from pipeline.personal_data import EMAIL, PROFILE_URL
from pipeline.span_model import LINE, Phrase, default_tagger
from pipeline.stages.context import TITLE_NOUN_BEFORE
from pipeline.taxonomy import Taxonomy
from pipeline.tokens import TOKEN, fold, label_words

CONFIDENCE = 0.6
MAX_WORDS = 4  # a longer item is a sentence or a description, not a skill's name
MAX_CHARS = 50
# Between list items; "of" is "or" in Dutch only ("kennis van Exact of AFAS", "management of change").
# Not " - ": "Accountmanager – Packworks B.V. – Amersfoort" is a job line.
# (a match starts where a run of spaces starts: tried inside one, a long run would cost its length squared)
SEPARATORS = r"(?<!\s)\s*(?:[,;|•·▪●◦►✓]|\t|&|/(?!\w+/)|\b(?:{}|such as|like|including|zoals|waaronder|inclusief)\b)\s*"
LIST_SEPARATOR = {"en": re.compile(SEPARATORS.format("and|or")), "nl": re.compile(SEPARATORS.format("en|of"))}
ITEM_BREAK = re.compile(r"\n|[.!?](?=\s|$)|[:()\[\]{}\"“”]")
LIST_CLAUSE_BREAK = re.compile(ITEM_BREAK.pattern + r"|\t")  # ... and a table row's cells: "2016 – 2018⇥Employer, Breda"
MAX_LIST_CHARS = 1000  # a longer clause around a known skill is prose (or a one-line document), not a list
# A cue ("experience with", "kennis van"): the phrase after it, to the end of its clause, names skills. One word and
# its preposition, no optional adjectives before it: the regex then costs one pass over the text.
CUE = re.compile(
    r"\b(?:experience|knowledge|expertise|understanding|proficiency|familiarity|background|experienced|skilled|"
    r"proficient|versed|competent|certified|trained|familiar|knowledgeable|ervaring|kennis|vertrouwd|bekend|thuis|"
    r"onderlegd|vaardig|beheersing) (?:with|in|of|using|about|met|van|op het vlak van)[ \t]+", re.I)
CUE_LOWER = re.compile(CUE.pattern)  # on lower-cased text: twice as fast as re.I
# Examples of a kind of tool are a cue too ("API's zoals Stripe of Modal", "certifications such as CKAD"); not
# examples of anything else ("klanten zoals ziekenhuizen"). Found by the example word first: one fast pass.
EXAMPLES = re.compile(r"\b(?:such as|zoals|e\.g\.|like|bijvoorbeeld|bv\.)[ \t]+")  # on lower-cased text
KIND_OF_TOOL = re.compile(
    r"(?:tools|tooling|platforms|platformen|frameworks|certific\w*|languages|software|systems|systemen|technolog\w*|"
    r"packages|pakketten|applications|applicaties|api[’']?s|databases|libraries|bibliotheken|methodolog\w*|programs|"
    r"programma[’']?s)[ \t]*\(?[ \t]*$")
LEADING_WORD = re.compile(r"([^\W\d_][\w-]*)\s+")
# Words an item may start with that are not part of the skill's name ("the", "strong", "advanced").
LEADING = frozenset("""
a an the any all various other some strong good solid excellent basic advanced proven deep sound thorough
working practical extensive relevant similar related modern common standard hands-on in-depth
de het een alle andere diverse verschillende goede grondige degelijke sterke basis uitgebreide relevante
including incl inclusief waaronder zoals bijvoorbeeld bv
""".split())  # (and what opens an example: "… administratie, waaronder nacalculatie": nacalculatie)
# An item holding one of these is a clause, not a name ("how to", "that", "years").
CLAUSE_WORDS = frozenset("""
i you he she we they it my your our their his her him me us them is are was were be been being have has had will
would can could should may might must do does did to that which who whom whose this these those there here
not no yes if than then when where while because since as at by for from into onto on per via with without
year years month months day days week weeks time times plus etc e.g i.e the a an including through between
over within across during after before about against among around please need required preferred desired
first second third degree yet still already also too
ik jij je u hij zij ze wij we het mijn jouw uw onze ons hun haar hem hen is zijn was waren ben bent heeft hebben had
wordt worden kan kunnen moet moeten zal zullen te dat die wie wat dit deze daar hier niet geen als dan
wanneer waar omdat bij voor van naar met zonder op in aan per jaar jaren maand maanden dag dagen week weken
de een om over tot door tijdens na vereist gewenst eerste tweede derde graad diploma
""".split())
# Clause words that carry a label's meaning: "time management" without "time" is not a key of time management.
MEANINGFUL_CLAUSE_WORDS = frozenset("""
year years month months day days week weeks time times plus degree first second third need required preferred
desired jaar jaren maand maanden dag dagen week weken vereist gewenst eerste tweede derde graad diploma
""".split())
# Everyday words that are no skill on their own, whatever list they stand in.
NOT_ALONE = frozenset("""
skills skill experience knowledge tools tool software systems system other others more various etc languages
language abilities ability competencies competences strengths qualities areas including such frameworks platforms
platform applications programs methods techniques technologies environment environments growth value pride culture
opportunities role position function bachelor bachelor's bachelors master's masters
vaardigheden kennis ervaring talen andere enz overige omgeving werkomgeving mogelijkheden doorgroeimogelijkheden
functie rol sector interests hobbies interesses hobby's
hbo mbo wo vmbo havo vwo
another similar comparable equivalent gelijkwaardig gelijkwaardige gelijkaardig gelijkaardige vergelijkbaar vergelijkbare
soortgelijk soortgelijke both either beide
""".split())
# Terms of employment an ad offers and a CV accepts ("Flexi-job of studentenjob is mogelijk", "deeltijds contract",
# "flexi-job ok"): conditions to agree on, not skills (a trial saw them as required skills no CV could meet).
EMPLOYMENT_TERMS = frozenset("""
flexi flexijob flexijobs studentenjob studentenjobs jobstudent jobstudenten vakantiejob weekendjob deeltijds deeltijdse
voltijds voltijdse parttime fulltime uitzendcontract dagcontract dagcontracten
""".split())
EMPLOYMENT_PHRASES = frozenset({"student job", "summer job", "holiday job", "weekend job", "side job"})
# Verbs a task starts with ("Create detailed documentation", "Implement secure APIs"); past tenses are found by -ed.
TASK_VERBS = frozenset("""
create implement develop manage build design ensure support maintain provide drive lead coordinate perform prepare
write deliver analyse analyze monitor review identify improve define collaborate communicate organise organize plan
handle assist help conduct execute establish use apply make take participate contribute own run oversee optimize
optimise automate document test deploy configure install troubleshoot train mentor coach negotiate sell present report
ensuring creating implementing developing managing building designing maintaining providing driving leading
coordinating performing preparing writing delivering analysing analyzing monitoring reviewing identifying improving
defining conducting executing establishing using handling assisting supporting
""".split())
DANGLING = frozenset("of and or in with van en met".split())  # an item ending or starting in one was cut from a clause
# A unit of the organisation: "Marketing department", "VGD transfer pricing team" (named: see _names_a_unit), but
# "lead technical teams" is leading, and "Teams" alone a tool.
DEPARTMENTS = frozenset("department departments afdeling afdelingen".split())
UNIT_NOUNS = DEPARTMENTS | {"team", "teams"}
# Levels and how a language was learnt: "zeer goed", "vloeiend", "tweetalig opgevoed" (the taxonomy's job).
LEVEL_WORDS = frozenset("""
very good fluent native basic intermediate advanced excellent limited moderate proficient beginner expert working
zeer heel goed goede vloeiend moedertaal basis basiskennis gemiddeld uitstekend redelijk beperkt tweetalig opgevoed
gevorderd gevorderde starter junior medior senior niveau level
user independent proficient listening reading spoken interaction production understanding speaking writing
both written verbal oral mondeling schriftelijk woord geschrift
gebruiker basisgebruiker onafhankelijke vaardige luisteren lezen interactie productie begrijpen spreken schrijven
""".split())  # and the words of the European language grid ("Luisteren Lezen Interactie", "vaardige gebruiker")
# What the rest of the document says when an item is really something else.
# Contact details, dates, house numbers, language levels (C1), company forms: an item holding one is no skill.
NOT_A_SKILL = re.compile(r"@|https?:|www\.|(?<![^\W\d_])\d+(?![^\W\d_])|\b[ABC][12]\b|"
                         r"\b(?:B\.?V|N\.?V|Ltd|Inc|GmbH|LLC|Corp|S\.?A|(?i:bvba|vzw|srl|sprl))\b\.?")
# Sections where lists name other things: the employer and its offer, schools, languages (the taxonomy's own
# job), hobbies; and a section with an unknown heading ("Additional Information", "Awards").
SKIP_SECTIONS = frozenset({"about", "offer", "education", "languages", "hobbies"})
# A line with a date is a job or school line ("Receptionist, Grand Hotel, Haarlem, 2019 - heden"), not a list.
JOB_LINE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:present|heden|today|now|nu)\b", re.I)
MIN_LIST = 3  # items in a list around a known skill: two are a phrase ("sales and marketing" is the list's job)
BULLET_SECTIONS = frozenset({"experience", "profile", "certificates"})  # a CV's; vacancies have tasks, requirements
BULLET_LINE = re.compile(r"^[ \t]*[-*•·▪●◦►✓][ \t]+([^\n]+)", re.M)
MAX_BULLET_WORDS = 8
MAX_HEADER_WORDS = 12  # a job's heading line: title, employer, town, dates
MAX_DATE_LINE_WORDS = 8  # "03/2021 – present", "Jan 2019 to Current, Antwerpen": a line of dates, not a job's name
BRACKETED = re.compile(r"\([^()\n]*\)")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A bullet that names a part of a stack and what fills it: "* Front-end: JavaScript", "- **Cloud:** AWS, Azure".
STACK_LINE = re.compile(r"^[ \t]*\\?[-*•·▪●◦►✓][ \t]+(?:\*\*)?[^\W\d_][^:\n]{0,30}:(?:\*\*)?[ \t]+([^\n]*\S)", re.M)
# The trained taggers (pipeline.span_model): the sections where a CV or a vacancy names the candidate's skills
# (real dev part, 2-fold, when they came: English +92 hits, +59 false; Dutch +22, +12), and the whole text of an ad
# with no section that says what it asks (VDAB's ads are often one block). With max-marginal decoding every phrase
# is more likely a skill than not; a higher bar for the whole-ad text (0.7 of the lowest word's probability) cost
# 2-fold on the dev part Dutch ads 10 hits for 1 false positive and English ads 3 for none.
MODEL_SECTIONS = frozenset({"skills", "experience", "profile", "certificates", "requirements", "nice_to_have", "tasks"})
ASKING_SECTIONS = frozenset({"requirements", "nice_to_have", "tasks"})  # a vacancy's sections that say what it asks
LONE_OK = ("stack", "model")  # sources whose one-word items may stand alone (not an everyday word, still)
GENERIC_TAIL = ("skills", "skill", "software", "tools", "vaardigheden", "kennis")


@dataclass(frozen=True)
class Item:
    start: int
    end: int


def _items(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[Item]:
    """Stretches of text[start:end] between list separators, trimmed of spaces and leading filler words."""
    out, pos = [], start
    for sep in [*separator.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        if stop > pos:
            out.append(_trim(text, pos, stop))
        if sep is None:
            break
        pos = sep.end()
    return [item for item in out if item.end > item.start]


def _trim(text: str, start: int, end: int) -> Item:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "+#"):
        end -= 1
    while True:  # drop leading filler words ("strong", "the")
        m = LEADING_WORD.match(text, start, end)
        if not m or m.group(1).casefold() not in LEADING:
            break
        start = m.end()
    return Item(start, end)


ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{1,7}")
IN_BRACKETS = re.compile(r"[ \t]*\($")


def _abbreviates(text: str, before: Mention, m: Mention) -> bool:
    """Whether `m` is the abbreviation in brackets of the skill named just before it: "Vlaamse
    rechtspositieregeling (RPR)" (its letters, capitals first, in order in the name)."""
    if not ABBREVIATION.fullmatch(m.text) or sum(c.isupper() for c in m.text) < 2 \
            or not IN_BRACKETS.search(text, before.end, m.start) or text[m.end:m.end + 1] != ")":
        return False
    name, letters = before.text.casefold(), m.text.casefold()
    if not name.startswith(letters[0]) and not any(w.startswith(letters[0]) for w in name.split()):
        return False
    position = 0
    for letter in letters:
        position = name.find(letter, position) + 1
        if not position:
            return False
    return True


def normalise_key(phrase: str, language: str | None = None) -> str:
    """The key of an unknown skill: its folded words, a final lower-case plural made singular ("tax packages" and
    "Tax package" share a key; a capitalised name keeps its s: "Kronos", "Lotus Notes"). -ies is English -y
    ("activities") but Dutch -ie ("voorraadmutaties"), so the language of the text decides that one."""
    return _key(label_words(phrase), language)


# Dutch plurals made singular by their ending; "-en" alone is left (klanten/klant, but systemen/systeem)
DUTCH_PLURALS = (("heden", "heid"), ("ingen", "ing"), ("ssen", "s"), ("ies", "ie"))


def _key(surface: list[str] | tuple[str, ...], language: str | None = None) -> str:
    words = [fold(w) for w in surface]
    if words and words[-1].endswith(("'s", "’s")):  # "trainingsschema's", "video's": a Dutch plural, no "schema'"
        return " ".join([*words[:-1], words[-1][:-2]])
    if words and surface[-1].islower() and len(words[-1]) > 4:
        words[-1] = _dutch_singular(words[-1]) if language == "nl" else _english_singular(words[-1])
    return " ".join(words)


def _english_singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def _dutch_singular(word: str) -> str:
    """"processen" and "recruitmentproces" share a key, and "proces" keeps its s."""
    for plural, singular in DUTCH_PLURALS:
        if word.endswith(plural):
            return word[:-len(plural)] + singular
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "proces", "adres")):
        return word[:-1]  # managers, tools, services (an English word in Dutch text)
    return word


class FindOpenSkills:
    """Stage: add a Mention with method "open" for each skill phrase the taxonomy does not know (see module)."""

    name = "open"
    # Where it looks (see the module docstring); a subclass or instance may narrow it, e.g. to ("skills",).
    sources: tuple[str, ...] = ("skills", "cue", "list", "bullet", "stack", "model")

    def __init__(self, taxonomy: Taxonomy, known_words: frozenset[str] = frozenset()) -> None:
        self.taxonomy = taxonomy
        self.known_words = known_words  # dictionary words: a lone one is an everyday word, not a tool's name

    @cached_property
    def vocabulary(self) -> tuple[frozenset[str], frozenset[str], dict[tuple[str, ...], str]]:
        """From every label, once: the words that make a phrase soft (in soft concepts' labels and no hard one's);
        the labels' folded words (such a phrase is the taxonomy's to judge, never an open skill); and each label's
        key words, sorted, to its concept ("management of projects" finds project management; acronyms only in
        capitals, so "haccp" is not HACCP)."""
        words: dict[str, set[str]] = {"hard": set(), "soft": set()}
        exact: set[str] = set()
        keys: dict[tuple[str, ...], str] = {}
        for skill in self.taxonomy.skills.values():
            cased = self.taxonomy.case_sensitive.get(skill.id, frozenset())
            for language, labels in skill.labels.items():
                for label in labels:
                    surface = TOKEN.findall(label)
                    folded = [fold(w) for w in surface]
                    words[skill.type].update(w for w in folded if len(w) > 3)
                    exact.add(" ".join(folded))
                    key = _key(surface, language).split()
                    if label not in cased and MEANINGFUL_CLAUSE_WORDS.isdisjoint(key):
                        keys.setdefault(tuple(sorted(w for w in key if w not in CLAUSE_WORDS)), skill.id)
        return frozenset(words["soft"] - words["hard"]), frozenset(exact), keys

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        separator = LIST_SEPARATOR["nl" if doc.language == "nl" else "en"]
        covered = Spans([(m.start, m.end) for m in doc.mentions])
        taken = Spans([])  # the open items found so far
        found: dict[tuple[int, int], Mention] = {}
        for start, end, source in dict.fromkeys(self._regions(doc, covered.spans, separator)):
            items = _items(text, start, end, separator)
            known = sum(covered.overlaps(i) for i in items)
            if source == "bullet" and any(len(TOKEN.findall(text, i.start, i.end)) > MAX_WORDS for i in items):
                continue
            if source == "list" and (len(items) < MIN_LIST or any(
                    len(TOKEN.findall(text, i.start, i.end)) > MAX_WORDS for i in items)):
                continue  # prose around a known skill, not a list of skills
            for item in items:  # sources in order of trust: an item overlapping one found before is left out
                if not covered.overlaps(item) and not taken.overlaps(item):
                    mention = self._mention(doc, item, lone_ok=known > 0 or len(items) > 1 or source in LONE_OK)
                    if mention:
                        found[(mention.start, mention.end)] = mention
                        taken.add(mention.start, mention.end)
        if not found:
            return doc
        mentions = sorted(doc.mentions + tuple(found.values()), key=lambda m: m.start)
        for k in range(1, len(mentions)):  # one skill, one requirement: the abbreviation takes its name's skill
            name, short = mentions[k - 1], mentions[k]
            if short.method == "open" and _abbreviates(text, name, short):
                mentions[k] = replace(short, skill_id=name.skill_id, type=name.type, key=name.key, link=name.link) \
                    if name.method == "open" else replace(short, skill_id=name.skill_id, type=name.type,
                                                          method="acronym", key=None, link=None)
        return doc.replace(mentions=tuple(mentions))

    def _regions(self, doc: Document, covered: list[tuple[int, int]],
                 separator: re.Pattern[str]) -> list[tuple[int, int, str]]:
        """Stretches of text holding lists of skills, and why: skills-section lines ("skills"), cue phrases ("cue"),
        short bullets of a CV's work sections ("bullet"), stack lines ("stack"), lists around a known skill ("list")."""
        text, regions = doc.text, []
        for section in doc.sections:
            if section.kind == "skills" and "skills" in self.sources:
                for line in re.finditer(r"[^\n]+", text[section.start:section.end]):
                    clauses = _clauses(text, section.start + line.start(), section.start + line.end())
                    if clauses and text.startswith(":", clauses[0][1]) and len(clauses) > 1:
                        clauses = clauses[1:]  # a label before its values: "Persoonlijke eigenschappen: nauwkeurig"
                    regions += [(*clause, "skills") for clause in clauses]
        lower = text.lower()  # same offsets unless lower-casing changed a length (İ): then the slower pattern
        cues = CUE_LOWER.finditer(lower) if len(lower) == len(text) else CUE.finditer(text)
        if "cue" in self.sources:
            ends = [cue.end() for cue in cues] + [m.end() for m in EXAMPLES.finditer(lower) if len(lower) == len(text)
                                                  and KIND_OF_TOOL.search(lower, max(0, m.start() - 40), m.start())]
            for end in ends:
                stop = ITEM_BREAK.search(text, end)
                regions.append((end, stop.start() if stop else len(text), "cue"))
        if "bullet" in self.sources and doc.kind == "cv":  # a vacancy's "Experience" heading lists what it asks
            for section in doc.sections:
                if section.kind not in BULLET_SECTIONS:
                    continue
                for line in BULLET_LINE.finditer(text, section.start, section.end):
                    if len(TOKEN.findall(text, line.start(1), line.end(1))) <= MAX_BULLET_WORDS \
                            and not JOB_LINE.search(text, line.start(1), line.end(1)):
                        regions += [(*clause, "bullet") for clause in _clauses(text, line.start(1), line.end(1))]
        if "stack" in self.sources:
            regions += [(*clause, "stack") for value in _stack_values(text, Spans(covered))
                        for clause in _clauses(text, *value)]
        headers = _job_headers(doc)
        if "model" in self.sources:  # not on a contact line or a job's heading line that names the job
            named = Spans([(a, b) for a, b in headers.spans if CONTACT.search(text, a, b)
                           or any(titles.is_role_word(w) for w in TOKEN.findall(text, a, b))])
            regions += [(phrase.start, phrase.end, "model") for phrase in _tagged_phrases(doc)
                        if not named.overlaps(Item(phrase.start, phrase.end))]
        if "list" in self.sources:  # a short list around a known skill: the clause holding it
            stops = [b.start() for b in LIST_CLAUSE_BREAK.finditer(text)]  # one character each
            for k in sorted({bisect_left(stops, m_start) for m_start, _ in covered}):  # each clause once
                start, end = stops[k - 1] + 1 if k else 0, stops[k] if k < len(stops) else len(text)
                if end - start <= MAX_LIST_CHARS and separator.search(text, start, end) \
                        and not JOB_LINE.search(text, start, end) and not headers.overlaps(Item(start, end)):
                    regions.append((start, end, "list"))
        return regions

    def _mention(self, doc: Document, item: Item, lone_ok: bool) -> Mention | None:
        section = doc.section_at(item.start)
        if section is not None and (section.kind in SKIP_SECTIONS or (section.kind == "other" and section.heading)):
            return None
        phrase = doc.text[item.start:item.end]
        words = TOKEN.findall(phrase)
        folded = [fold(w) for w in words]
        if not words or len(words) > MAX_WORDS or len(phrase) > MAX_CHARS or "\n" in phrase:
            return None
        if NOT_A_SKILL.search(phrase) or any(w in CLAUSE_WORDS for w in folded) or folded[0] in NOT_ALONE \
                or folded[-1] in NOT_ALONE or folded[-1] in DANGLING or folded[0] in DANGLING \
                or folded[-1].endswith("niveau") or not EMPLOYMENT_TERMS.isdisjoint(folded) \
                or " ".join(folded) in EMPLOYMENT_PHRASES \
                or len(words) > 1 and folded[-1] in UNIT_NOUNS and (folded[-1] in DEPARTMENTS or _names_a_unit(words)):
            return None
        if sum(ch.isalpha() for ch in phrase) < 2 or (doc.language == "nl" and _ends_in_finite_verb(words[-1])):
            return None  # "stress schiet", "overzicht bewaart": a clause's verb, no skill
        # "Je onderhoudt contacten": an ad's task, its finite verb first; a CV writes "Contacten onderhouden"
        verb_first = doc.language == "nl" and words[0].islower() and words[0].endswith("t") \
            and SUBJECT_BEFORE.search(doc.text, max(0, item.start - 8), item.start) is not None
        if verb_first and len(words) == 1:
            return None  # "Je traint …": a verb alone names nothing
        if len(words) == 1 and not lone_ok or set(folded) <= LEVEL_WORDS:
            return None
        soft_words, exact_labels, label_keys = self.vocabulary
        if " ".join(folded) in exact_labels:
            return None  # a taxonomy label the matcher saw and turned down in context (or in lower case)
        if len(words) > 1 and (folded[0] in TASK_VERBS or folded[0].endswith("ed") and folded[0] in self.known_words):
            # a task ("Create detailed documentation", "Reconciled intercompany balances"): its object names the skill
            second = list(TOKEN.finditer(phrase))[1].start()
            return self._mention(doc, Item(item.start + second, item.end), lone_ok)
        if len(words) == 1 and doc.language == "nl" and _inflected_adjective(words[0]):
            return None  # "vroege" of "vroege, late en nachtploeg": a shift's adjective, no skill
        if len(words) == 1 and folded[0] in self.known_words and not _named(words[0]) \
                and not (words[0][0].isupper() and not _starts_line(doc.text, item.start)):
            return None  # an everyday word ("reports", "billing") on its own is too often no skill
        if len(words) == 1 and _adverb(folded[0], self.known_words):
            return None  # "Communicate Effectively": the manner, no skill
        key = normalise_key(phrase, section.language if section is not None and section.language else doc.language)
        infinitive = dutch_infinitive(fold(words[0])) if verb_first else None
        if infinitive:  # the key of the infinitive after its object, as the CV's task: "contacten onderhouden"
            key = _key([*label_words(phrase)[1:], infinitive], "nl")
        if _ends_in_job_title(key, doc.language) or phrase[:1].isupper() and \
                TITLE_NOUN_BEFORE.search(doc.text, max(0, item.start - 25), item.start) or _opens_job_title(doc.text, item):
            return None  # "warehouse operator", "Adviseur Werving & Selectie": who does the work, not what they can do
        link = label_keys.get(tuple(sorted(key.split())))
        skill_type: SkillType = "soft" if not soft_words.isdisjoint(folded) else "hard"
        return Mention(skill_id=link or OPEN_PREFIX + key, start=item.start, end=item.end, text=phrase, method="open",
                       confidence=CONFIDENCE, type=skill_type, key=key,
                       link="same words as a taxonomy label" if link else None)


# A Dutch subject right before a phrase: its first word is the clause's finite verb
SUBJECT_BEFORE = re.compile(r"\b(?:je|jij|u|hij|zij|ze|we|wij|ik)[ \t]+$", re.I)
TITLE_RUN = re.compile(r"(?:[ \t]+[^\W\d_a-z][\w&-]*){1,2}")  # capitalised words after an item, on its line


def _opens_job_title(text: str, item: Item) -> bool:
    """Whether the item opens a job title that the capitalised words after it end ("HR" of "experience as HR
    Business Partner"): a role noun itself, not a word that only ends in one ("Administer": minister)."""
    after = TITLE_RUN.match(text, item.end)
    return after is not None and after.group().split()[-1].lower() in titles.role_words()


def _adverb(word: str, known: frozenset[str]) -> bool:
    """An English adverb of a known adjective of five letters or more ("effectively", "professionally"; not
    "Plotly", "Dolly")."""
    return word.endswith("ly") and word in known and len(word) > 6 and word[:-2] in known


def _inflected_adjective(word: str) -> bool:
    """A Dutch adjective with its -e ("vroege", "snelle", "late"): in lower case, a Dutch lemma without it (its
    doubled consonant single, its long vowel written twice: "snel", "laat"). Not "professionalisme"."""
    if not (word.islower() and word.endswith("e") and len(word) > 3):
        return False
    stem = word[:-1]
    undoubled = stem[:-1] if stem[-1] == stem[-2] else stem[:-2] + stem[-2] * 2 + stem[-1]  # snell -> snel, lat -> laat
    return stem in _dutch_lemmas() or undoubled in _dutch_lemmas()


@cache
def _dutch_lemmas() -> frozenset[str]:
    """The lemmas of spaCy's Dutch lookup table (read once)."""
    return frozenset(lemma for lemma in _dutch_lemma_table().values() if isinstance(lemma, str))


def _ends_in_finite_verb(word: str) -> bool:
    """A Dutch finite verb form (its lemma an infinitive, itself none): "schiet", "automatiseert", "betreft"."""
    return word.islower() and not word.endswith(("en", "s")) and word in _dutch_finite_verbs()  # "gegevens", "ovens"


def dutch_infinitive(verb: str) -> str | None:
    """The infinitive of a Dutch finite verb form ("onderhoudt" -> "onderhouden", "analyseert" -> "analyseren");
    None where neither the lemma table nor the regular -eert/-eren tells it ("schrijft", "plant": guessing would
    give "schrijfen", "planen")."""
    lemma = _dutch_lemma_table().get(verb)
    if isinstance(lemma, str) and lemma.endswith("en"):
        return lemma
    return verb[:-1] + "n" if verb.endswith("eert") else None


@cache
def _dutch_lemma_table() -> dict:
    """spaCy's Dutch lemma lookup table, word -> lemma (read once: it is large)."""
    return lookup_table("nl_lemma_lookup")


@cache
def _dutch_finite_verbs() -> frozenset[str]:
    """Words whose Dutch lemma is another word ending in -en (read once: the table is large)."""
    return frozenset(word for word, lemma in _dutch_lemma_table().items()
                     if isinstance(lemma, str) and lemma != word and lemma.endswith("en"))


def _ends_in_job_title(key: str, language: str | None) -> bool:
    """Whether a key (singular) ends in an ESCO occupation label of two or more words in the text's language (or
    English): "warehouse operator", "business analysts". One-word labels are tools as often ("Chef", "Packer")."""
    words = key.split()
    tables = [occupation_lexicon().groups[lang] for lang in (("nl", "en") if language == "nl" else ("en",))]
    return any(" ".join(words[k:]) in table for k in range(len(words) - 1) for table in tables)


def _names_a_unit(words: list[str]) -> bool:
    """Whether a team's words name it: an acronym ("VGD transfer pricing team") or a capital after the first word
    ("Data Platform Team"); "Scaling engineering teams" is a task."""
    return any(len(w) > 1 and w.isupper() for w in words[:-1]) or any(w[:1].isupper() for w in words[1:-1])


def _named(word: str) -> bool:
    """A product-like name: capitals after the first letter (QuickBooks, SAP) or digits (S4)."""
    return any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word)


def _starts_line(text: str, start: int) -> bool:
    """Whether only bullets, spaces or a sentence end come before `start` on its line or table cell (capitals mean
    nothing there)."""
    before = text[max(0, start - 80):start].rsplit("\n", 1)[-1].rstrip(" ")
    return not before.strip(" \t•·▪●◦►✓*-–") or before.endswith((".", "!", "?", ":", "\t"))


class Spans:
    """Non-overlapping [start, end) spans sorted by start (a document's mentions), asked by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, item: Item) -> bool:
        k = bisect_left(self.starts, item.end)  # spans starting before the item ends; the last one may reach in
        return k > 0 and self.spans[k - 1][1] > item.start

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none of them."""
        k = bisect_left(self.starts, start)
        self.spans.insert(k, (start, end))
        self.starts.insert(k, start)


def _tagged_phrases(doc: Document) -> list[Phrase]:
    """The phrases the trained tagger of each section's language finds in MODEL_SECTIONS, and in the text of an
    ad that has none of ASKING_SECTIONS (none in a language without a tagger)."""
    out: list[Phrase] = []
    unsectioned_ad = doc.kind == "vacancy" and not any(s.kind in ASKING_SECTIONS for s in doc.sections)
    for section in doc.sections:
        whole_ad = unsectioned_ad and section.kind == "other"
        tagger = default_tagger(section.language or doc.language) if section.kind in MODEL_SECTIONS or whole_ad \
            else None
        if tagger is not None:
            out += tagger.phrases(doc.text, section.start, section.end)
    return out


# A contact line: an e-mail address, a profile link or a phone number by its label or country code (PHONE alone
# takes a date range, "2015-2016", for one; "C++17" and "+40%" are none)
CONTACT = re.compile(EMAIL.pattern + "|" + PROFILE_URL.pattern
                     + r"|\b(?:tel|phone|gsm|mobile|mobiel)\b\.?[ \t]*:|(?<![\w+])\+\d{2}[\d ()./-]{6,}\d", re.I)


def _job_headers(doc: Document) -> Spans:
    """The lines of a CV's experience section that head a job: "HR Officer | Voorbeeld Logistics Group, Antwerpen"
    beside a date line ("03/2021 – present"), or holding the dates themselves. Their names are the employer's and
    the town's, not skills (the tagger reads a capitalised name as a tool's)."""
    if doc.kind != "cv":
        return Spans([])
    text = doc.text
    # and a contact line anywhere ("Salesforce Administrator | Amersfoort, NL | anouk@…"): its town is no skill
    out = [(m.start(), m.end()) for m in LINE.finditer(text) if CONTACT.search(text, m.start(), m.end())]
    for section in doc.sections:
        if section.kind != "experience":
            continue
        lines = [(m.start(), m.end()) for m in LINE.finditer(text, section.start, section.end) if text[m.start():m.end()].strip()]
        dated = [bool(JOB_LINE.search(text, s, e)) for s, e in lines]
        short_date = [d and len(TOKEN.findall(text, s, e)) <= MAX_DATE_LINE_WORDS for d, (s, e) in zip(dated, lines)]
        for k, (start, end) in enumerate(lines):
            if BULLET_LINE.match(text, start) or SENTENCE_END.search(text, start, end) \
                    or len(TOKEN.findall(text, start, end)) > MAX_HEADER_WORDS:
                continue  # a task or a sentence, not a heading line
            if dated[k] or (k and short_date[k - 1]) or (k + 1 < len(lines) and short_date[k + 1]):
                out.append((start, end))
    return Spans(sorted(set(out)))


def _stack_values(text: str, covered: Spans) -> list[tuple[int, int]]:
    """[start, end) of the values of runs of stack lines ("* Back-end: Python", "* Authenticatie: Auth0") that hold a
    known skill; a value that is a sentence ("**Build:** Design and deliver product trials.") is no stack part."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # the values of consecutive stack lines
    last = 0
    for line in [*STACK_LINE.finditer(text), None]:
        if line is None or text.count("\n", last, line.start()) > 1:
            if any(covered.overlaps(Item(*value)) for value in run):
                out += run
            run = []
        if line is None:
            break
        value = BRACKETED.sub("", line.group(1))  # "Juvoly (speech-to-text)" names one thing
        if len(TOKEN.findall(value)) <= MAX_BULLET_WORDS and not SENTENCE_END.search(value):
            run.append(line.span(1))
        last = line.end()
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of the clauses of one line: split at sentence ends, colons and brackets."""
    out, pos = [], start
    for stop in ITEM_BREAK.finditer(text, start, end):
        if stop.start() > pos:
            out.append((pos, stop.start()))
        pos = stop.end()
    if end > pos:
        out.append((pos, end))
    return out
