"""Section segmentation from English and Dutch headings (Werkervaring, Wat vragen wij, Requirements…)."""

from __future__ import annotations

import dataclasses
import re

from pipeline.model import Document, Section, SectionKind
from pipeline.stages.language import section_language

# A contact block: in a vacancy the recruiter's name and job title ("Adviseur Werving & Selectie") ask for nothing,
# in a CV it is personal data, not skills.
CONTACT = ("contact", "contactpersoon", "contactgegevens", "contact information", "contact details", "contact info",
           "contactinformatie", "meer info", "meer informatie", "more information", "for more information")
# Heading text (lowercase, without trailing colon) -> section kind. Matching is on the whole line.
# A vacancy's stack, the tools the team works with: known beforehand is a plus, learnt on the job is fine (in a CV,
# "Technische omgeving:" under a project lists what was used there: no heading)
STACK_HEADINGS = ("tech stack", "our tech stack", "our stack", "the stack", "technology stack", "techstack",
                  "tech environment", "technical environment", "technische omgeving", "onze stack", "onze techstack",
                  "onze tech stack", "technologies we use", "tools we use", "our tools")
HEADINGS: dict[SectionKind, tuple[str, ...]] = {
    "profile": ("profile", "profiel", "summary", "about me", "over mij", "personal profile", "persoonlijk profiel",
                "professional summary", "samenvatting", "objective", "introductie", "wie ben ik",
                # LiveCareer and other resume builders
                "executive profile", "professional profile", "career overview", "career focus", "executive summary",
                "career summary", "career objective", "summary of qualifications", "qualifications summary"),
    "experience": ("experience", "work experience", "werkervaring", "professional experience", "employment history",
                   "beroepservaring", "ervaring", "loopbaan", "career", "work history", "relevante ervaring",
                   "werkgeschiedenis", "professionele ervaring",
                   "accomplishments", "core accomplishments", "achievements", "key achievements", "realisaties",
                   "achievement", "relevant experience"),
    "education": ("education", "opleiding", "opleidingen", "studies", "training", "opleiding en training",
                  "education and training", "academic background", "scholing", "diploma's", "onderwijs",
                  "educational background", "vorming", "opleiding en vorming", "vorming en opleiding"),
    "skills": ("skills", "vaardigheden", "competenties", "competences", "competencies", "kennis en vaardigheden",
               "technical skills", "technische vaardigheden", "key skills", "core skills", "it skills",
               "computervaardigheden", "computerkennis", "it-kennis", "software", "tools", "expertise", "skills & tools", "soft skills",
               "hard skills", "kerncompetenties", "kwaliteiten",
               "highlights", "skill highlights", "qualifications", "core qualifications", "core competencies",
               "areas of expertise", "key qualifications", "technical proficiencies", "core strengths", "strengths",
               "computer skills",
               # Europass
               "personal skills", "persoonlijke vaardigheden", "digital skills", "digitale vaardigheden",
               "communication skills", "communicatieve vaardigheden", "organisational skills",
               "organisational / managerial skills", "organisatorische vaardigheden", "job-related skills",
               "beroepsgerelateerde vaardigheden", "other skills", "andere vaardigheden"),
    "languages": ("languages", "talen", "talenkennis", "language skills", "taalvaardigheid", "language"),
    "certificates": ("certificates", "certificaten", "certifications", "certificeringen", "attesten",
                     "licenses", "licences", "rijbewijs", "rijbewijzen", "licenties", "brevetten", "cursussen", "courses"),
    "hobbies": ("hobbies", "hobby's", "interests", "interesses", "vrije tijd", "hobby's en interesses",
                "interests & hobbies", "persoonlijke interesses", "volunteering", "vrijwilligerswerk",
                "community service"),
    "about": ("about us", "over ons", "who we are", "wie zijn wij", "wie zijn we", "het bedrijf", "the company",
              "about the company", "our client", "onze klant", "over de organisatie", "bedrijfsprofiel",
              "over het bedrijf", "context", "company description", "about the company", "bedrijfsomschrijving",
              "our story", "our mission", "our culture", "equal opportunity employer", "our hiring process",
              "hiring process", "diversity and inclusion", "diversity & inclusion", "sollicitatieprocedure",
              # how to apply and the fine print: no skills, no requirements
              "how to apply", "application process", "application procedure", "the hiring process",
              "who are we", "equal opportunity", "our commitment to diversity", "disclaimer", "any questions",
              "vragen", "interesse", "solliciteer nu", "solliciteren", "sollicitatie",
              "solliciteer direct", "waar kom je te werken", "de organisatie", "this is us", "dit zijn wij",
              "dit zijn we", "hier ga je werken", "waar ga je werken", *CONTACT),
    "tasks": ("tasks", "your tasks", "jouw taken", "taken", "wat ga je doen", "what you will do", "what you'll do",
              "responsibilities", "your responsibilities", "verantwoordelijkheden", "functieomschrijving",
              "job description", "the job", "de functie", "functie", "your role", "jouw rol", "the role", "about the role",
              "about the job", "over de functie", "over de job", "over de rol",
              "taakomschrijving", "wat houdt de job in", "jouw job", "job content", "functie-inhoud",
              "wat ga jij doen", "wat houdt de functie in", "jouw functie", "de job", "what will you do",
              "what you'll be doing", "key responsibilities", "duties", "main tasks",
              "what you will be doing", "what you are going to do", "role description", "role overview",
              "overview of the role", "position overview", "job purpose", "purpose of role", "main responsibilities",
              "the challenge", "de uitdaging", "your impact", "jouw werk", "de opdracht", "waar werk je aan",
              "jouw verantwoordelijkheden", "je verantwoordelijkheden"),
    "requirements": ("requirements", "requirement", "wat vragen wij", "wat vragen we", "jouw profiel", "profiel",
                     "your profile", "who you are", "wie ben jij", "wie zoeken wij", "wie zoeken we",
                     "wat breng je mee", "what you bring", "qualifications", "must have", "must-haves",
                     "functie-eisen", "functievereisten", "vereisten", "eisen", "what we ask", "what we're looking for",
                     "what we are looking for", "we are looking for", "je profiel", "gevraagd profiel", "profile required",
                     "skills and experience", "jouw vaardigheden", "wat verwachten we", "wat verwachten wij",
                     "wie ben je", "wat heb je nodig", "wat neem je mee", "what we expect", "what you need",
                     "about you", "your skills", "requirements and qualifications", "wat zoeken wij", "wat zoeken we",
                     "jij hebt", "you have", "you bring", "dit breng je mee", "dit vragen we", "dit vragen wij",
                     "essential", "essentials", "essential skills", "essential requirements", "required skills",
                     "minimum requirements", "minimum qualifications", "basic qualifications", "vereiste competenties",
                     "competencies required", "required competencies", "skills required", "experience required",
                     "required experience", "qualifications required", "required qualifications",
                     "job requirements", "required", "what you will bring", "what you'll bring", "wat breng jij mee",
                     "what do we ask of you", "your experience includes", "what you need to succeed",
                     "selection criteria", "wat wij vragen", "wat we vragen", "wij vragen", "we vragen",
                     "wat vragen wij van jou", "wat vragen we van jou", "wat vragen wij van je", "wat vragen we van je",
                     "wat wij van jou vragen", "wat we van jou vragen", "wat wij van je vragen",
                     "wat wij verwachten", "wat we verwachten", "wat verwachten wij van jou",
                     "wat verwachten we van jou", "wij verwachten", "functie-eisen en competenties", "dit ben jij",
                     "dit neem je mee", "wat neem jij mee", "jouw achtergrond", "je achtergrond", "wat je meebrengt",
                     "wat jij meebrengt", "dit heb je in huis", "wat heb jij in huis", "wat heb je in huis",
                     "kennis en ervaring", "vereiste kennis", "wat wij zoeken", "wat we zoeken",
                     "dit vragen wij van jou", "dit vragen we van jou", "wat zoeken we in jou", "wat zoeken wij in jou",
                     "jij bent", "your background", "must haves"),
    "nice_to_have": ("nice to have", "nice-to-have", "nice to haves", "nice-to-haves", "pluspunten", "pluspunt",
                     "een pré", "een pre", "pré", "pre", "troeven", "extra troeven", "een troef", "een pluspunt",
                     "bonus points", "bonus", "preferred", "preferred qualifications", "preferred skills", "extra",
                     "mooi meegenomen", "strekt tot aanbeveling", "it's a plus if", "is een plus", "a plus", "desirable",
                     "desired skills", "desirable skills", "good to have", "bonus skills", "it would be great if",
                     "even better if", "bonus if you have", "wat een pluspunt is", "een meerwaarde",
                     *STACK_HEADINGS),
    # CV headings of sections that list no skills: awards, memberships, references
    "other": ("additional information", "aanvullende informatie", "bijkomende informatie", "awards", "honors",
              "honours", "awards and honors", "honors and awards",
              "affiliations", "professional affiliations", "memberships", "references", "referenties",
              "publications", "publicaties", "activities and honors", "honors and activities",
              "personal information", "personal details", "persoonlijke gegevens", "personalia", *CONTACT),
    "offer": ("what we offer", "wat bieden wij", "wat bieden we", "ons aanbod", "aanbod", "we offer", "our offer",
              "benefits", "perks", "arbeidsvoorwaarden", "wat mag je verwachten", "what you get", "wat krijg je",
              "what's in it for you", "wij bieden", "salary", "salaris", "wat wij je bieden", "why join us",
              "dit bieden wij", "dit bieden we", "wat krijg je ervoor terug", "wat krijg je van ons", "we bieden",
              "our benefits", "compensation", "what's on offer", "ons aanbod aan jou", "jouw voordelen",
              "what do we offer", "what we offer you", "we offer you", "benefits & perks", "benefits and perks",
              "your benefits", "wat bieden wij jou", "wat bieden we jou", "what you'll love about working here",
              "conditions of employment", "aanvullende vergoedingen", "werkschema", "doorgroeimogelijkheden",
              "de doorgroeimogelijkheden", "jouw ontwikkeling", "relocation", "payment", "wat wij bieden",
              "wat mag je van ons verwachten", "wat kun jij van ons verwachten", "wat kan je van ons verwachten",
              "we will offer you", "we will offer", "we can offer you", "we can offer",
              "je wordt beloond met", "wat maakt deze rol extra tof", "dit krijg je ervoor terug", "wij bieden jou",
              "wij bieden je", "dit bieden we jou", "dit bieden wij jou"),
}
JOINED = re.compile(r" (?:&|and|en) |\s*\((?=.*\)$)|\)$")  # "X & Y", "X and Y", "X (Y)"
# Kinds that only make sense in one type of document, so "profiel" means requirements in a vacancy.
VACANCY_KINDS = {"about", "tasks", "requirements", "nice_to_have", "offer"}
CV_KINDS = {"profile", "experience", "education", "skills", "languages", "certificates", "hobbies"}
_LOOKUP: dict[str, list[SectionKind]] = {}
for _kind, _names in HEADINGS.items():
    for _name in _names:
        _LOOKUP.setdefault(_name, []).append(_kind)
LINE = re.compile(r"[^\n]*(?:\n|$)")
INNER_MARKS = re.compile(r"\*\*|__")
# Listed headings of two words or more, ending a marked heading line (Markdown, bold, capitals) after a lead-in
LEAD_IN = frozenset("this is dit zijn besides that daarnaast and en also ook here's here finally".split())
CONTAINED = re.compile(r"\b(?:" + "|".join(sorted((re.escape(n) for n in _LOOKUP if " " in n), key=len, reverse=True))
                       + r")\b")
SPACES = re.compile(r"\s+")
NUMBERING = re.compile(r"^\d+[.)]\s*")
MAX_HEADING_WORDS = 7
# A vacancy heading that names the company ("About Binance", "Over Lely", "Why Scribbr?") introduces the employer
# describing itself or what it offers; the listed role and candidate headings come first ("about you").
COMPANY_HEADING = re.compile(r"(about|over|why|waarom|working at|werken bij|life at|join)\b", re.I)
# ... unless it asks whether the reader fits the role ("Waarom past deze vacature bij jou?", "Waarom dit iets voor
# jou is", "Why you can make the difference", "Why you?"): what follows is the profile asked for. Named phrasings
# only: "Why you'll love it here" and "Waarom jij voor Acme moet kiezen" are the offer.
WHY_YOU = re.compile(r"^(?:why|waarom)\b(?:.*\b(?:past|passen|fit|fits|suit|suits|make the difference|iets voor (?:jou|je))\b"
                     r"|\s+(?:you|jij|jou)\s*$)")


# A vacancy's own headings are worded in endless ways ("A day in the life", "How you'll make an impact", "Skills you
# should have", "Examples of desirable expertise"): a heading line no listed heading names is read by its words, in
# this order (a desirable skill is no requirement; "what you'll need to succeed in this role" asks, not tasks).
_HEADING_PATTERNS: tuple[tuple[SectionKind, str], ...] = (
    ("requirements", r"^(?:what )?(?:you|jij|je) (?:offer|bring|bied|biedt)\b"),  # what the candidate offers
    ("nice_to_have", r"\b(?:desirable|nice[- ]to[- ]haves?|bonus|ideally|preferred|pluspunt\w*|troeven?|pré|a plus|"
                     r"meerwaarde)\b"),
    ("offer", r"\b(?:offers?|benefits?|perks?|remuneration|compensation|salary|salaris|bieden|aanbod|upsides|voordelen|"
              r"arbeidsvoorwaarden|what you (?:can expect|get))\b"),
    ("requirements", r"\b(?:requirements?|qualifications?|who you are|who are you|about you|you have|you bring|"
                     r"you(?:'|’)ll need|you need|we need|looking for|look for|skills|expertise|capabilities|"
                     r"superpowers|attributes|profiel|profile|competenc\w*|vereisten|eisen|vaardigheden|verwachten)\b"),
    # a question to the reader about taking the role ("Ga jij verder als Automation Manager?", "Are you our next
    # data engineer?"): the role's pitch follows
    ("tasks", r"^(?:ben|word|wordt|ga|start|begin|kom|are|will|could) (?:jij|je|you)\b.*\b(?:als|as|our|onze|next|"
              r"nieuwe|new)\b"),
    ("tasks", r"\b(?:responsibilit\w*|duties|tasks?|taken|takenpakket|(?:your|jouw|je) (?:new |nieuwe )?(?:mission|missie|impact|"
              r"challenge|uitdaging)|impact you|an impact|make a difference|day in the life|day[- ]to[- ]day|"
              r"you(?:'|’)ll do|you will do|you(?:'|’)ll be doing|you will be doing|get to do|ga je doen|ga jij doen|"
              r"trust you with|your role|jouw rol|the assignment)\b"),
)
HEADING_WORDS = tuple((kind, re.compile(pattern)) for kind, pattern in _HEADING_PATTERNS)
# A heading that says what would please the employer besides: "We will be extra happy if you have:", "It would be
# great if you also bring", "Helemaal blij worden we als je …": a desirable skill, whoever the subject, at any length
NICE_IF = re.compile(r"\b(?:(?:happy|happier|delighted|thrilled|blij|blijer|gelukkig) (?:if|when|als|wanneer)|"
                     r"would be (?:great|nice|a (?:big )?(?:plus|bonus)) if|bonus (?:points )?if|plus if) (?:you|je|jij|u)\b")
# ... but not one about the employer ("Our impact", "Our values"): that is the company describing itself
ABOUT_THE_EMPLOYER = re.compile(r"\b(?:our|ons|onze|we are|wij zijn|company|bedrijf)\b")
# A list item: "- ", "* ", "\- " (as a job board escapes it), "o ", "1. ", "a) "
BULLET_LINE = re.compile(r"\s*\\?(?:[-•·▪+o]|\*(?!\*)|\d{1,2}[.)]|[a-z][.)])\s")
# Not a heading: a sentence's end, a label with its value ("Salaris: €3.300 - €3.800 per maand", "You bring: Python")
NOT_A_HEADING = re.compile(r"[.,;]$|[.:!]\s*\S|\d")
ABBREVIATION = re.compile(r"\b(?:o\.a|e\.g|i\.e|bv|b\.v|m\.b\.t|incl)\.", re.I)  # "Tot jouw takenpakket behoren o.a.:"
SUBJECT_FIRST = re.compile(r"^(?:i|ik|we|wij|you|jij|je|u|they|zij)\b")  # "I am looking for a": a sentence


def _heading_by_words(line: str, key: str) -> SectionKind | None:
    """The kind of a vacancy heading no listed heading names, by its words (HEADING_WORDS); None for a line that
    is a list item, a table row (cells apart by tabs: "Docker\tNice to have") or a sentence, or about the employer
    (unless it names the offer)."""
    if NICE_IF.search(key) and not BULLET_LINE.match(line) and not NOT_A_HEADING.search(key) \
            and line.strip().rstrip("*_ ").endswith(":"):  # "Are you happy when you …?" asks, heads nothing
        return "nice_to_have"
    if BULLET_LINE.match(line) or "\t" in line.strip() or NOT_A_HEADING.search(ABBREVIATION.sub("", key).rstrip()) \
            or not key[:1].isalpha() \
            or SUBJECT_FIRST.match(key) and not HEADING_WORDS[0][1].match(key):
        return None
    employer = ABOUT_THE_EMPLOYER.search(key) is not None
    for kind, words in HEADING_WORDS:
        if words.search(key) and (kind == "offer" or not employer):
            return kind
    return None


def _led_in(key: str) -> str | None:
    """The listed heading that ends a heading line after a lead-in only ("this is what we offer", "besides that we
    will offer you"), else None: a line that goes on after it ("Technical skills: Python") or starts with other
    words ("Sales Manager – The Company BV") is no such heading."""
    for found in CONTAINED.finditer(key):
        if found.end() == len(key) and all(w in LEAD_IN for w in key[:found.start()].split()):
            return found.group()
    return None


def heading_kind(line: str, doc_kind: str | None, by_words: bool = False, apart: bool = False) -> SectionKind | None:
    """The section kind a line announces, or None when it is not a heading; `by_words`: a vacancy's heading that no
    listed heading names counts too, read by its words (HEADING_WORDS), when it is marked as one (Markdown, bold,
    capitals, a final colon or question mark) or stands `apart` (after a blank line): a line of a list that says
    "skills" or "bonus" is no heading."""
    # Markdown from job boards: "#### **About Miro**", "**Job Description \\& Summary**"
    # bold word by word ("**Besides** **that** **we will offer you**"): the marks inside go too
    stripped = INNER_MARKS.sub("", line.replace("\\", "")).strip(" \t\r\n#*=_-•·:|").rstrip(":?!").strip(" \t*_")
    if not stripped or len(stripped) > 60 or len(stripped.split()) > MAX_HEADING_WORDS \
            and not NICE_IF.search(stripped.lower()):
        return None
    if doc_kind == "cv" and stripped.lower() in STACK_HEADINGS:
        return None  # a CV's "Technische omgeving:" under a project lists what was used there
    key = NUMBERING.sub("", SPACES.sub(" ", stripped.lower().replace("’", "'")))
    # two headings in one ("Job Description & Summary", "Your Impact (Key Responsibilities)"): the first names it
    parts = [part for part in JOINED.split(key) if part]
    kinds = _LOOKUP.get(key) or (_LOOKUP.get(parts[0]) if len(parts) > 1 and all(map(_LOOKUP.get, parts)) else None)
    if not kinds and (line.strip().startswith(("#", "**", "__")) or stripped.isupper()):
        kinds = _LOOKUP.get(_led_in(key) or "")
    if not kinds:
        if doc_kind == "vacancy" and COMPANY_HEADING.match(key) and (line.strip().startswith(("#", "**", "__"))
                                                                    or line.rstrip().endswith((":", "?"))):
            if WHY_YOU.match(key):
                return "requirements"
            return "offer" if key.startswith(("why", "waarom", "working at", "werken bij", "life at", "join")) \
                else "about"
        marked = line.strip().startswith(("#", "**", "__")) or stripped.isupper() \
            or line.strip().rstrip("*_ ").endswith((":", "?"))
        return _heading_by_words(line, key) if by_words and (marked or apart) and doc_kind == "vacancy" else None
    preferred = VACANCY_KINDS if doc_kind == "vacancy" else CV_KINDS | {"other"}
    for kind in kinds:
        if kind in preferred:
            return kind
    return kinds[0]


def _split(section: Section, headings: list[Section]) -> list[Section]:
    """`section` cut at `headings` (empty sections at the heading lines inside it), each part of their kind."""
    out, part = [], section
    for h in headings:
        if h.start > part.start:
            out.append(dataclasses.replace(part, end=h.start))
        part = dataclasses.replace(h, end=section.end)
    return [*out, part]


def segment(doc: Document) -> Document:
    """Split the text into sections at recognised heading lines; text before the first is `other`."""
    sections: list[Section] = []
    kind: SectionKind = "other"
    start, heading = 0, ""
    opening: list[Section] = []  # headings read by their words in a vacancy's opening: see below
    role_listed = False  # whether a listed heading of the role's own (tasks, requirements) follows the opening
    apart, first = False, True  # after a blank line; the document's first line (its title, never a heading by words)
    for m in LINE.finditer(doc.text):
        if m.start() == len(doc.text):
            break
        if not m.group().strip():
            apart = True
            continue
        found, heading_text = heading_kind(m.group(), doc.kind), m.group().strip()
        if not found and "\t" in heading_text:  # a table row whose first cell heads it: "Hobby's⇥Koken, lezen"
            heading_text = heading_text.split("\t", 1)[0].strip()
            found = heading_kind(heading_text, doc.kind)
        role_listed = role_listed or found in ("tasks", "requirements", "nice_to_have")
        if not found and doc.kind == "vacancy" and not first \
                and (by_words := heading_kind(m.group(), doc.kind, by_words=True, apart=apart)):
            if kind != "other":
                found = by_words
            elif not sections:
                opening.append(Section(by_words, m.start(), m.start(), m.group().strip()))
        apart, first = False, False
        if found:
            if m.start() > start:
                sections.append(Section(kind, start, m.start(), heading))
            kind, start, heading = found, m.start(), heading_text
    if len(doc.text) > start or not sections:
        sections.append(Section(kind, start, len(doc.text), heading))
    if doc.kind == "vacancy" and sections[0].kind == "other" and role_listed:
        # the text before the role's own headings is the company introducing itself, up to a heading of its own
        # that says otherwise ("About Acme … A day in the life"); without listed role headings after it, headings
        # read by their words change nothing there (the opening asks for what it names)
        sections[:1] = _split(dataclasses.replace(sections[0], kind="about"), opening)
    sections = [dataclasses.replace(s, language=section_language(doc.text[s.start:s.end], doc.language))
                for s in sections]
    return doc.replace(sections=tuple(sections))
