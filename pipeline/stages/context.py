"""Drop mentions whose words name something other than a skill the person has or the role asks for.

A recruiter reads these as no skill at all (tests/eval/README.md, annotation guidelines), and so does this
stage; each rule came from errors on the real-document dev part:
- "National Society for Human Resources Management": an organisation;
- "Vice President of Sales", "Talent Acquisition Specialist", "the Sales team": job titles and units;
- "**Job Description**": a heading;
- "apply through our recruitment system": the application procedure; "we are recruiting for": the hiring;
- in a vacancy, "we value innovation", "a collaborative culture", soft skills in its company or offer text:
  the employer describing itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from pipeline import titles  # the module, not its names: titles imports pipeline.stages (a cycle)
from pipeline.model import Document, Mention
from pipeline.organisations import in_firm_name
from pipeline.personal_data import LANGUAGE_NOUNS
from pipeline.sentences import bounds_of
from pipeline.stages.language import in_french
from pipeline.taxonomy import Taxonomy

# Role and unit nouns: "<skill words> Manager", "Chauffeur CE" are job titles, "the Sales team", "Data Science
# Guild" and "Marketing department" are parts of the organisation, not the skill.
ROLE_AFTER = re.compile(
    r"[ \t]*(?:/[ \t]*)?(team|teams|department|departments|afdeling|guild|unit|division|collega's|colleagues|"
    r"manager|director|specialist|planner|executive|officer|coordinator|co-ordinator|assistant|"
    r"representative|supervisor|clerk|agent|lead|leader|partner|consultant|advisor|adviser|intern|trainee|"
    r"administrator|recruiter|medewerker|medewerkster|verantwoordelijke|coördinator|adviseur|consulent|directeur|"
    r"specialiste?)\b", re.I)
ROLE_BEFORE = re.compile(r"(\b(director|head|vice president|vp|manager|hoofd|directeur|diensthoofd)[ \t]+(of|van)[ \t]+"
                         r"(the[ \t]+)?|\b(chauffeur|begeleider|medewerker|medewerkster|verantwoordelijke|"
                         r"coördinator|coordinator)[ \t]+"
                         # "colleagues from Finance", "collega's van Marketing & Communicatie", "de afdeling Sales" (not
                         # English "department", a modifier too: "department filing", "Department Compliance")
                         r"|\b(?:(?:colleagues|collega's|collega’s)[ \t]+(?:from|in|at|of|van|bij|op)|afdeling)"
                         r"[ \t]+(?:the[ \t]+|de[ \t]+)?(?:[A-Z][\w-]*[ \t]*(?:&|and|en|,)[ \t]*)*)$", re.I)
# "National Society for Human Resources Management", "Fashion Institute of Design & Merchandising": a run of
# capitalised words (and of/for/&/van/voor) holding an organisation noun is a name, whatever skill words it has.
ORGANISATION = re.compile(r"\b(Society|Association|Institute|University|Universiteit|Hogeschool|College|School|Council|"
                          r"Foundation|Stichting|Ministry|Ministerie|Agency|Academy|Federation|Vereniging|Federatie)\b")
NAME_RUN = re.compile(r"(?:[A-Z][\w'&.-]*|of|for|and|&|van|voor|de|der)(?:[ \t]+(?:[A-Z][\w'&.-]*|of|for|and|&|van|voor|de|der))+")
# "een mensgerichte KMO", "a collaborative culture", "ambitious colleagues": a quality of the employer, its people
# or the job, not one asked of the candidate.
EMPLOYER_NOUN = re.compile(  # not across a verb: "Je bent stressbestendig en werkt graag in team" asks both
    r"(?:(?!\b(?:werkt|bent|ben|hebt|heeft|kan|kunt|wil|wilt|who)\b)[\w ,'-]){0,25}?"
    r"\b(kmo|bedrijf|onderneming|organisatie|werksfeer|sfeer|omgeving|werkomgeving|functie|job|team|teams|"
    r"collega's|collega|mensen|company|companies|environment|environments|organisation|organization|workplace|culture|"
    r"cultuur|colleagues|people|atmosphere|role|projects|projecten|werkgever|employer)\b"
    r"(?![ \t-]*(player|speler))", re.I)
# A vacancy's application procedure ("apply through our recruitment system", "during the hiring process")
# talks about the applicant, not about the work.
APPLICATION = re.compile(r"\b(apply(?![ \t]+(?:for[ \t]+(?:(?:a[ \t]+)?(?:recognition|registration|licen[cs]e|visa|permit|"
                         r"certification))|hygiene|safety|knowledge|best|principles|techniques|methods|your[ \t]+"
                         r"(?:knowledge|skills|expertise)))|applying|applicant|applicants|application process|"
                         # not a job board's buttons ("Solliciteer nu Bewaard Bewaar Deel vacature …": a page saved
                         # whole is one sentence, and its first holds the ad's terms, languages and licence)
                         r"sollicit(?!eer nu\s+(?:bewaar|bekijk|deel)\w*)\w*|"
                         r"privacy (policy|statement|notice)|recruitment privacy|hiring process|selection process|"
                         r"selectieprocedure|recruiting decisions|schedule (an |your )?(interview|assessment)s?|"
                         r"interviews? (and|en) (an )?online assessment|job description perfectly|"
                         # "Acquisitie naar aanleiding van deze vacature wordt niet op prijs gesteld": no agencies
                         r"acquisitie (naar aanleiding|n\.a\.v\.) van deze (vacature|advertentie)|"
                         r"no (recruitment )?agencies|geen (recruitment|werving|wervings|uitzend)\w*|"
                         # who to contact and how the candidate's data are kept, as labels ("Contactpersoon Mevr. …",
                         # "Contact person: …"; not "Je bent de contactpersoon voor klanten", a task) or promises ("Wij
                         # garanderen dat wij je gegevens met 100% discretie zullen behandelen")
                         r"(?:contactpersoon|contact person)(?=[ \t]*(?::|(?:mevr|dhr|mr|mrs|ms|mevrouw|de heer)\b))|"
                         r"(?:persoonsgegevens|personal data|gegevens)[\w \t%]{0,30}(?:discreet|discretie|vertrouwelijk|"
                         r"confidential)|(?:your|jouw|uw) (?:personal data|persoonsgegevens))\b", re.I)
# "We are currently recruiting for an Accounting Specialist", "Acme is hiring": the employer hiring, not recruitment
# asked of the candidate.
HIRING_WORD = re.compile(r"(recruit|hiring|rekrut|werven)", re.I)
HIRING_SUBJECT = re.compile(  # the employer as subject: we, or a name ("Acme is hiring"), never "you are recruiting"
    r"(?:\b[Ww]e|\b[Ww]e're|\b[Ww]ij|(?<![\w'])(?!You\b|Jij\b|Je\b|In\b|Your\b)[A-Z][\w&.-]+)"
    r"(?:[ \t]+(?:are|is|zijn))?(?:[ \t]+(?:currently|now|actively|momenteel|nu|actief))*[ \t]+$")
EMPLOYER_SENTENCE = re.compile(r"[\s*\\-•·]*(we|we're|our|wij|onze|ons|here at|at [A-Z]\w+,|bij [A-Z]\w+)\b", re.I)
# ... or with the employer as its subject anywhere ("The company is flexible", "Met 42.000 klanten is het bedrijf een
# betrouwbare partner")
_EMPLOYER = (r"(?:the|het|de|this|dit|deze|our|onze|ons)[ \t]+(?:company|bedrijf|organisatie|organisation|organization|"
             r"firm|firma|onderneming|client|klant|employer|werkgever)")
_BE_OR_HAVE = r"(?:is|has|was|heeft|biedt|offers|staat|stands)"
EMPLOYER_SUBJECT = re.compile(rf"\b(?:{_EMPLOYER}[ \t]+{_BE_OR_HAVE}|{_BE_OR_HAVE}[ \t]+{_EMPLOYER})\b", re.I)
ASKS = re.compile(r"\b(looking for|look for|seek|seeking|search|need|expect|require|ask|want|you|your|zoeken|zoekt|"
                  r"nodig|verwachten|vragen|verlangen|je|jij|jou|jouw|u|zoek|kandidaat|kandidaten|candidate|candidates)\b", re.I)
# A heading line: markdown emphasis or hashes around it, or a line that ends in a colon.
HEADING_LINE = re.compile(r"^[ \t]*(#{1,6}[ \t]*)?(\*\*|__)?(?P<words>[^\n*#:]{2,60}?)(\*\*|__)?[ \t]*:?[ \t]*$")
EMPLOYER_SECTIONS = {"about", "offer"}
LOWER = {pattern: re.compile(pattern.pattern) for pattern in (APPLICATION, ASKS)}  # for lower-cased text
NEWLINE = re.compile("\n")  # a vacancy's company text and what it offers


# A skill said not to be had or asked: "Rijbewijs: geen", "Heftruckattest: nee", "geen rijbewijs", "no driving
# licence", "zonder diploma", "without supervision"; not "Heftruck: geen probleem", "SAP: geen must".
NEGATED_VALUE = re.compile(r"[ \t]*[:\-–][ \t]*(?:geen|nee|neen|no|none|nvt|n\.v\.t\.?)(?=[ \t]*(?:[,.;)\n]|$))", re.I)
# A CV's certificate or licence not held yet or any more: "Rijbewijs CE: nog niet, in opleiding", "CE: bezig", "VCA verlopen in
# 2019", "Code 95 (expired)"; not "vervalt binnenkort", still valid. Only certificates: "PyTorch in training large
# models" and "de facturatie verlopen volgens de procedures" are other words.
NOT_HELD = re.compile(r"[ \t]*(?:\((?:gestart|begonnen|started|begun|sinds|since)\b[^()\n,]{0,25},[ \t]*"  # "(gestart in 2026,"
                      r"|[:\-–(][ \t]*)?"
                      r"(?:(?:is|was|werd|wordt|has been|is being)[ \t]+)?"
                      r"(?:(?:sinds|since|vanaf|in)[ \t]+(?:19|20)\d\d[ \t]+)?(?:nog niet(?![ \t]+"
                      r"(?:verlopen|vervallen))|not yet(?![ \t]+expired)|in opleiding|in training|in progress|verlopen|"
                      # ... or struck off, or only asked for: "RIZIV-visum: in aanvraag", "RIZIV visa pending",
                      # "… is sinds 2014 niet meer actief (geschrapt)", "application submitted"
                      r"niet meer (?:actief|geldig)|no longer (?:active|valid)|inactie[fv]|geschrapt|ingetrokken|"
                      r"geschorst|revoked|suspended|struck off|pending|in aanvraag|aanvraag (?:ingediend|lopende)|"
                      r"(?:application|aanvraag) (?:submitted|pending|in progress|in behandeling)|"
                      r"vervallen|expired|lapsed|aangevraagd|applied for|"
                      # ... or only started or planned: "Educatieve master (lopend)", "PGCE planned for 2027" (trial S);
                      # not "lopende hernieuwing", "expected renewal 2026", "verwacht CE in 2025" (held, a next one due)
                      r"(?:lopend|lopende|gepland|planned|expected|verwacht)(?=[ \t]*(?:[)\n.,;]|$|(?:in|for|voor|tegen|by)?"
                      r"[ \t]*(?:19|20)\d\d))|"
                      r"bezig(?![ \t]+met[ \t]+(?:de[ \t]+)?(?:verlenging|opfrissing|"
                      r"hernieuwing|vernieuwing|bijscholing|herhaling))|ongoing(?![ \t]+(?:refresher|renewal|recertification)))\b", re.I)
# ... held again after all: "… was verlopen maar is vernieuwd in 2023"; not "…, niet vernieuwd", "not yet renewed",
# "moet nog vernieuwd worden"
RENEWED = re.compile(r"[^.\n]{0,40}?\b(?:vernieuwd|verlengd|hernieuwd|renewed)\b", re.I)
NOT_RENEWED = re.compile(r"\b(?:niet|not|nooit|never|nog|yet)\b[^.\n]{0,20}\b(?:vernieuwd|verlengd|hernieuwd|renewed)\b", re.I)
# "geen rijbewijs", "no driving licence", "Nog geen RIZIV-visum", "I don't have a forklift licence", "no weekend or
# night work"; after a noun
# of knowing, through the items of its list up to a contrast: "geen ervaring met KWS of palliatieve zorg", "no
# experience with Python or Java" (not "Geen ervaring met SAP, wel Excel en Word", "No experience needed, training
# and coaching provided")
_ITEM_WORD = r"(?!(?:wel|maar|but|however|though|yet|except|behalve|alleen|only|enkel|slechts|just|merely)\b)[\w-]+"
NEGATED_BEFORE = re.compile(r"(?<![\w-])(?:geen|no|zonder|without|not yet|niet in het bezit van(?: een)?|not in possession"
                            r" of(?: a)?|(?:(?:do|does|did)[ \t]+not|(?:don|doesn|didn)['’]t)[ \t]+(?:yet[ \t]+)?"
                            r"(?:have|hold|possess)(?:[ \t]+(?:a|an|any))?)"
                            r"[ \t]+(?:(?:ervaring|werkervaring|experience|kennis|knowledge)[ \t]+"
                            r"(?:met|van|in|with|of)[ \t]+(?:" + _ITEM_WORD + r"(?:[ \t]+" + _ITEM_WORD
                            + r")?(?:[ \t]*,[ \t]*|[ \t]+(?:of|or|en|and|noch|nor)[ \t]+))*"
                            # ... and through one other item before "or": "geen weekend- of nachtwerk"
                            r"|" + _ITEM_WORD + r"[ \t]+(?:of|or|noch|nor)[ \t]+)?(?:[\w]+-)?$", re.I)


def negated(text: str, m: Mention, kind: str | None = None) -> bool:
    """Whether the text says the skill is not there: a "no" as its value, or right before it; in a CV (`kind`), a
    certificate not held yet or any more (NOT_HELD)."""
    return NEGATED_VALUE.match(text, m.end) is not None \
        or NEGATED_BEFORE.search(text, max(0, m.start - 40), m.start) is not None \
        or (kind == "cv" and m.skill_id.startswith(CERTIFICATE) and _not_held(text, m.end))


# A CV's wish: the field a job is wanted in ("Ik zoek een nieuwe uitdaging in de logistiek", "looking for a
# challenging role in finance") says what the person wants, not what they can do.
# ... a few words from the wish to the job, none of time or a past: not "Ik wil verder groeien na 8 jaar werk in de
# logistiek", "Looking back on ten years of work in accounting", "…; my last position in accounting"
WISHED_FIELD = re.compile(r"\b(?:zoek|zoeken|looking for|looking to|seeking|wil|want|hope|hoop|aspire|ambieer)\b"
                          r"(?:[ \t]+(?!(?:na|after|back|terug|on|op|my|mijn|last|laatste|previous|vorige|years?|jaar|"
                          r"jaren|of|van)\b)[^\W\d_][\w'-]*,?){0,4}?"
                          r"[ \t]+(?:uitdaging|job|functie|carrière|loopbaan|career|challenge|position|role|opportunity|"
                          r"werk|work|stage|internship)[ \t]+(?:in|within|binnen)[ \t]+(?:de[ \t]+|het[ \t]+|the[ \t]+)?$",
                          re.I)


def wished(text: str, m: Mention) -> bool:
    """Whether a CV names the skill as the field of a job it wants (WISHED_FIELD)."""
    return WISHED_FIELD.search(text, max(0, m.start - 120), m.start) is not None


def _not_held(text: str, end: int) -> bool:
    """Whether a certificate ending at `end` is said to be not held (yet, or any more), and not renewed since."""
    said = NOT_HELD.match(text, end)
    if said is None:
        return False
    renewed = RENEWED.match(text, said.end())
    return renewed is None or NOT_RENEWED.search(renewed.group()) is not None


CERTIFICATE = "cert."  # the taxonomy's certificates and licences


# A document that may have a French half (a bilingual Belgian ad): only then is each mention's stretch looked at.
# Its skills are asked in the Dutch or English half too; French phrases are no labels, and as open skills ("soin",
# "sens du détail") no Dutch or English CV can meet them. A CV keeps the skills it names in French lines (Excel,
# SAP), not French phrases as open skills.
FRENCH_HINT = re.compile(r"\b(?:[Vv]ous|[Nn]ous|avec|pour|dans|votre|êtes)\b")


# An ambiguous label (one a context rule guards) before a colon whose value names another skill in the same words:
# "Attesten/rijbewijs: VCA, Rijbewijs AM" (the bare "rijbewijs" would read as licence B)
LABEL_COLON = re.compile(r"[ \t]*(?:\*+[ \t]*)?:")  # (one run of blanks: linear on a long run)


def labels_its_value(text: str, m: Mention, line: tuple[int, int], bounds: Bounds) -> bool:
    """The mention ends in a colon, and a mention of another skill after it on the line holds its words."""
    colon = LABEL_COLON.match(text, m.end)
    if colon is None:
        return False
    words = re.compile(rf"(?<!\w){re.escape(m.text)}(?!\w)", re.I)
    return any(o.skill_id != m.skill_id and words.search(o.text) for o in bounds.mentions_in(colon.end(), line[1]))


class Bounds:
    """The line and the sentence around a mention, found by bisection over breaks found once per document and
    at most WINDOW characters either side, so a document that is one huge line costs no more per mention."""

    WINDOW = 400

    def __init__(self, text: str, mentions: Sequence[Mention] = ()) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.newlines = [m.start() for m in NEWLINE.finditer(text)]
        self.sentences = bounds_of(text)
        # where the cue words are, found once: a window is then asked by bisection, not searched again
        lower = text.lower()  # the case-insensitive cues run faster without re.I (same offsets unless a length changed)
        same = len(lower) == len(text)
        self.cues = {pattern: [m.start() for m in (LOWER[pattern].finditer(lower) if same and pattern in LOWER
                                                   else pattern.finditer(text))]
                     for pattern in (APPLICATION, ASKS, ORGANISATION)}

    def has(self, pattern: re.Pattern[str], span: tuple[int, int]) -> bool:
        """Whether a match of one of the cue patterns starts inside [start, end)."""
        starts = self.cues[pattern]
        k = bisect_left(starts, span[0])
        return k < len(starts) and starts[k] < span[1]

    def line(self, m: Mention) -> tuple[int, int]:
        k = bisect_left(self.newlines, m.start)
        start = self.newlines[k - 1] + 1 if k > 0 else 0
        end = self.newlines[k] if k < len(self.newlines) else len(self.text)
        return max(start, m.start - self.WINDOW), min(end, m.end + self.WINDOW)

    def sentence(self, m: Mention) -> tuple[int, int]:
        return self.sentences(m.start, m.end)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The document's mentions that start in [start, end), by bisection."""
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def in_organisation_name(text: str, m: Mention, line: tuple[int, int]) -> bool:
    """The mention is part of an organisation's name ("Society for Human Resources Management")."""
    return any(run.start() <= m.start and m.end <= run.end() and ORGANISATION.search(run.group())
               for run in NAME_RUN.finditer(text, *line))


# A degree programme's name after its degree ("HBO Communication & Multimedia Design", "HBO Creative Business",
# "opleiding Grafisch Ontwerp of Communication & Multimedia Design"): its soft-skill words name the programme, not a
# quality of the person (trial U: the holder of that degree missed it, anyone "communicatief" met it)
DEGREE_BEFORE = re.compile(r"(?:\b(?:HBO|MBO|WO|BSc|MSc|BA|MA|BBA|MBA)\b|(?i:\b(?:bachelor|master|opleiding|studie|degree|"
                           r"diploma|graduaat)\b))[ \t:-]*(?:in[ \t]+|of[ \t]+)?$")


def in_programme_name(text: str, m: Mention, line: tuple[int, int]) -> bool:
    """The mention is in a capitalised programme name right after a degree word (DEGREE_BEFORE)."""
    for run in NAME_RUN.finditer(text, line[0], line[1]):
        if run.start() <= m.start and m.end <= run.end():
            if ". " in text[run.start():m.start]:  # "Secundair Onderwijs. Flexibel": the name ended
                return False
            words = run.group().split()
            lead = DEGREE_BEFORE.search(text, max(line[0], run.start() - 20), run.start())
            own = DEGREE_BEFORE.search(words[0] + " ") if len(words) > 2 else None  # "HBO Creative Business"
            return (lead is not None and len(words) > 1) or (own is not None and m.start > run.start())
    return False


# A dated job line's parts: "2016-2024 Magazijnier, Vandemoortele Logistics, Gent", "Orderpicker bij DHL Supply Chain"
JOB_LINE_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
PART_BREAK = re.compile(r"\s[-–—|•·]\s|\s*[,;|()\t]\s*|\s{2,}|\s(?:at|bij|for|voor|@)\s|\b(?:19|20)\d\d\b")


def in_employer_name(text: str, m: Mention, line: tuple[int, int], bounds: Bounds,
                     known_words: frozenset[str] = frozenset()) -> bool:
    """On a dated job line, the mention ends the part after the job title, of capitalised words that no skill
    starts, one of them a name (no dictionary word, `known_words`, or an acronym): the employer's name ("Magazijnier,
    Vandemoortele Logistics", "Orderpicker bij DHL Supply Chain"), not a skill of the person. Not the ward or team
    ("Nurse, Pediatric Intensive Care", "Medewerker, Team Klantenservice"), nor "Used C#, Visual Studio 2014" or
    "Server 2003, Microsoft Active Directory" (no title before)."""
    if not m.text[:1].isupper() or not JOB_LINE_YEAR.search(text, *line):
        return False
    breaks = list(PART_BREAK.finditer(text, line[0], m.start))
    if not breaks:
        return False
    after = PART_BREAK.search(text, m.end, line[1])
    if text[m.end:after.start() if after else line[1]].strip():
        return False  # more words follow in its part: "Logistics Coordinator"
    start = breaks[-1].end()
    words = text[start:m.start].split()
    title = text[breaks[-2].end() if len(breaks) > 1 else line[0]:breaks[-1].start()]
    return bool(words) and all(w[:1].isupper() for w in words) and not bounds.mentions_in(start, m.start) \
        and any(w.casefold() not in known_words or ACRONYM.fullmatch(w) for w in words) \
        and any(titles.is_role_word(w) for w in title.split())


ACRONYM = re.compile(r"[A-Z]{2,4}")  # "DHL", "KPN": a company's initials


# A capitalised title whose role noun comes first: "Adviseur Werving & Selectie", "Consultant Recruitment" (a
# recruiter's own title in the contact lines); both capitalised, so "je bent specialist in recruitment" stays
TITLE_NOUN_BEFORE = re.compile(r"\b(?:Adviseur|Consultant|Specialist|Specialiste|Medewerker|Medewerkster|Officer|"
                               r"Coördinator|Coordinator|Verantwoordelijke|Assistent|Assistant|Manager)[ \t]+"
                               r"(?:[A-Z][\w-]*[ \t]+(?:(?:\\?&|en|and)[ \t]+)?){0,3}$")  # "… Werving & Selectie"


def in_job_title(text: str, m: Mention) -> bool:
    """The mention is followed by a role noun ("Sales Planner"), follows "Director of" ("VP of Sales") or a
    capitalised role noun ("Adviseur Werving & Selectie")."""
    return bool(ROLE_AFTER.match(text, m.end) or ROLE_BEFORE.search(text, max(0, m.start - 40), m.start)
                or m.text[:1].isupper() and TITLE_NOUN_BEFORE.search(text, max(0, m.start - 25), m.start)
                or m.text[:1].isupper() and JOINT_UNIT_AFTER.match(text, m.end))


# "Sales & Marketingteam", "Finance en HR-afdeling": the first of two units joined into one team's name (trial U)
JOINT_UNIT_AFTER = re.compile(r"[ \t]*(?:&|\+|and|en)[ \t]*[A-Z][\w]*?-?(?:team|teams|afdeling|department)\b")


INDEPENDENCE = "soft.independence"
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w-]*)")


def _self_employed(text: str, m: Mention) -> bool:
    """"Zelfstandig kinesitherapeut", "Independent consultant": independence right before a job's role noun is the
    job's terms (self-employed), not a way of working. (Other soft words there describe the person, "geduldige
    leerkracht", and stay: measured on the dev part.)"""
    after = NEXT_WORD.match(text, m.end) if m.skill_id == INDEPENDENCE else None
    return after is not None and titles.is_role_word(after.group(1))


def employer_speaks(text: str, sentence: tuple[int, int], bounds: Bounds) -> bool:
    """The sentence is the employer describing itself ("We value innovation", "Our culture is collaborative",
    "At AWS, it's in our nature to be curious"), not what it asks of the candidate ("We are looking for ...")."""
    return bool(EMPLOYER_SENTENCE.match(text, *sentence) or EMPLOYER_SUBJECT.search(text, *sentence)) \
        and not bounds.has(ASKS, sentence)


def on_section_heading(doc: Document, m: Mention) -> bool:
    """The mention is in the heading that opens its section ("Core Qualifications", "Personal Information"), not
    running on into the section ("Rijbewijs" / "B") nor in the next cell of a table row it heads
    ("Vaardigheden⇥Python, SQL")."""
    section = doc.section_at(m.start)
    if section is None or not section.heading:
        return False
    line_end = doc.text.find("\n", section.start)
    line_end = line_end if line_end >= 0 else len(doc.text)
    heading = doc.text.find(section.heading, section.start, line_end)
    return m.end <= (heading + len(section.heading) if heading >= 0 else line_end)


# A heading that names a kind of skill: on a line of its own it opens a section, but as a line's label it asks for
# the skill ("Communication Skills: excellent written and verbal …", "Rijbewijs: B")
SKILL_HEADING = re.compile(r"skill|vaardigheid|vaardigheden|kennis|competen|rijbewij", re.I)


@lru_cache(maxsize=1)
def section_names() -> frozenset[str]:
    """The names of the sections CVs and vacancies are written in ("job description", "career overview"), not
    those naming a kind of skill."""
    from pipeline.kind import CV_HEADINGS, VACANCY_HEADINGS  # here: kind imports the stages
    from pipeline.stages.sections import HEADINGS

    names = CV_HEADINGS | VACANCY_HEADINGS | {name for names in HEADINGS.values() for name in names}
    return frozenset(name for name in names if not SKILL_HEADING.search(name))


def is_heading(text: str, m: Mention, line: tuple[int, int]) -> bool:
    """The mention is a whole line marked as a heading (`**Job Description**`, `## Sales`, `Administration:`), or a
    section's name that labels its line ("Job description: answer the phone", "Career overview: …")."""
    if m.text.casefold() in section_names() and not text[line[0]:m.start].strip(" \t#*_-•") \
            and LABEL_COLON.match(text, m.end):
        return True
    if line[1] - line[0] > len(m.text) + 20:  # a heading is the skill's words and its marks, nothing more
        return False
    stripped = text[line[0]:line[1]].strip()
    if not (stripped.startswith(("#", "**", "__")) or stripped.endswith(":")):
        return False
    words = HEADING_LINE.match(stripped)
    return words is not None and words.group("words").strip().casefold() == m.text.strip().casefold()


# Where a job board's page goes on past the ad, saved whole (VDAB's pages as one line): other jobs ("Mogelijk ook
# interessant: Aankoper HVAC …"), the report and share links, the site's footer ("Volg VDAB Facebook … TikTok").
PAGE_AFTER_THE_AD = re.compile(r"\b(?:Mogelijk ook interessant|Vergelijkbare vacatures|Gelijkaardige vacatures|"
                               r"Soortgelijke vacatures|Rapporteer (?:deze )?vacature|Bekijk alle \d+ vacatures|"
                               r"Similar (?:jobs|vacancies)|Related jobs|More jobs like this|Report this job)\b", re.I)
PAGE_END_MIN_SHARE = 0.3  # a marker in the first part of a text is a menu's link ("Vind een job"), not the ad's end


def end_of_the_ad(text: str) -> int:
    """Where a vacancy's own text ends: at the first marker of a job board's page after it, or the text's end."""
    found = PAGE_AFTER_THE_AD.search(text, int(len(text) * PAGE_END_MIN_SHARE))
    return found.start() if found else len(text)



# A language named as the adjective of a thing is a nationality: "a Swedish maker of beds", "an English company";
# not of these, which are about the language ("a Dutch speaker", "an English version"). Dropped here rather than
# in the matcher, so that the words stay covered and no open skill "Swedish maker" is read from them.
NATIONALITY_BEFORE = re.compile(r"(?<![\w-])an?[ \t]+$", re.I)
# ... a firm's nouns, which are role words too ("a Swedish maker of beds", "a Dutch provider of …")
FIRM_NOUNS = frozenset("maker producer manufacturer provider supplier retailer distributor wholesaler brand leader "
                       "player company firm group bank insurer".split())
THING_AFTER = re.compile(r"[ \t]+([a-z]+)\b(?:[ \t]+([a-z]+)\b)?(?:[ \t]+([a-z]+)\b)?")


def as_nationality(text: str, m: Mention) -> bool:
    """Whether a language mention is the nationality of a thing ("a Swedish maker"); not of a role, where it is
    the language spoken in it ("a German customer service agent", "a French sales representative")."""
    if not m.skill_id or not m.skill_id.startswith("lang."):
        return False
    noun = THING_AFTER.match(text, m.end)
    if noun is None or noun.group(1) in LANGUAGE_NOUNS or noun.group(1) in ("and", "or", "en", "of") \
            or NATIONALITY_BEFORE.search(text, max(0, m.start - 4), m.start) is None:
        return False
    return noun.group(1) in FIRM_NOUNS or not any(word and titles.is_role_word(word) for word in noun.groups())


class DropNonSkillContexts:
    """Stage: remove mentions in degree names, organisation names, job titles and headings, in a vacancy's
    application procedure, and a vacancy's soft skills where the employer describes itself (its company and
    offer text, "we ..." sentences, qualities of the company or the team; its hard skills there still say what
    the work is)."""

    name = "context"

    def __init__(self, taxonomy: Taxonomy, known_words: frozenset[str] = frozenset()) -> None:
        self.taxonomy = taxonomy
        self.known_words = known_words  # dictionary words: a capitalised word that is none is a name

    def __call__(self, doc: Document) -> Document:
        if not doc.mentions:
            return doc
        bounds = Bounds(doc.text, doc.mentions)
        french = doc.language in ("en", "nl") and FRENCH_HINT.search(doc.text) is not None
        page_end = end_of_the_ad(doc.text) if doc.kind == "vacancy" else len(doc.text)
        kept = tuple(m for m in doc.mentions if m.start < page_end and not self.drops(doc, m, bounds)
                     and not (french and (doc.kind == "vacancy" or m.method == "open")
                              and in_french(doc.text, m.start, m.end)))
        return doc if len(kept) == len(doc.mentions) else doc.replace(mentions=kept)

    def drops(self, doc: Document, m: Mention, bounds: Bounds) -> bool:
        """Whether `m` names no skill of the person or the role."""
        text, line = doc.text, bounds.line(m)
        skill = self.taxonomy.skills.get(m.skill_id)
        rule = self.taxonomy.context.get(m.skill_id)
        guarded = rule is not None and (not rule.applies_to
                                        or any(label.casefold() == m.text.casefold() for label in rule.applies_to))
        kind = skill.type if skill is not None else m.type
        if doc.kind == "vacancy":
            sentence = bounds.sentence(m)
            if bounds.has(APPLICATION, sentence):  # the application procedure, not the job
                return True
            if HIRING_WORD.match(m.text) and HIRING_SUBJECT.search(text, max(0, m.start - 30), m.start):
                return True
            section = doc.section_at(m.start)
            if kind == "soft" and ((section is not None and section.kind in EMPLOYER_SECTIONS)
                                   or employer_speaks(text, sentence, bounds) or EMPLOYER_NOUN.match(text, m.end)):
                return True
        # A degree's field is what was studied (a CV's "MBO-4 Mechatronica" meets a vacancy's "MBO-4 mechatronica
        # of elektrotechniek"; measured on the dev part, keeping them in CVs: +6 true, +9 false, F1 the same).
        # A soft skill before a role noun describes the person ("een loyale medewerker"); a hard one is part of a
        # job title.
        return (negated(text, m, doc.kind) or (doc.kind == "cv" and wished(text, m)) or as_nationality(text, m)
                or (kind == "hard" and in_job_title(text, m)) or _self_employed(text, m)
                or is_heading(text, m, line) or on_section_heading(doc, m) or (guarded and labels_its_value(text, m, line, bounds))
                or (bounds.has(ORGANISATION, line) and in_organisation_name(text, m, line))
                or (kind == "soft" and m.text[:1].isupper() and in_programme_name(text, m, line))
                or in_firm_name(text, m.start, m.end, line)
                or (doc.kind == "cv" and in_employer_name(text, m, line, bounds, self.known_words)))
