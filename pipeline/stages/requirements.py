"""Classify each mention: its section, required or preferred (vacancies), years and level stated."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from pipeline.model import Document, Mention, Requirement
from pipeline.sentences import NOT_BEFORE_CUE, bounds_of

# Not after a hyphen: "bij voorkeur in een productie-, logistieke of bouwomgeving" is one suspended compound; not
# before "etc.", which goes on the list ("Kennis van HACCP, VCA, etc. vormen sterke troeven").
# Also a dash between spaces ("\-" escaped by job boards), unless a cue follows it: "Python — a plus".
# And after a closing cue that a capitalised word follows with no stop, as a job board's text flattened from its
# bullets reads ("… is dit een plus Nauwkeurig werken is één van jouw sterktes"): the cue closes its own item.
CHUNK_BREAK = re.compile(r"(?<!\w-)[,;:]\s(?!etc\b|enz\b|e\.d\.|and so on\b|en zo verder\b"
                         r"|(?:or|of)\s+(?:(?:are|be|you are|je bent)\s+)?(?:willing|prepared|bereid|willingness|bereidheid)\b)"
                         r"|\s\\?[-–—]\s" + NOT_BEFORE_CUE +
                         r"|(?:(?<=een plus)|(?<=\ba plus)|(?<=pluspunt)|(?<=\btroef)|(?<=meegenomen)|(?<=voordeel)|(?<=advantage))"
                         r"[ \t](?=(?-i:[A-Z][a-z]))", re.I)
# Cues that a skill is preferred: some stand before what they qualify ("bij voorkeur SAP"), some after ("SAP is een
# troef"), some either way ("Bonus: Go", "Go is a bonus"). A cue before the skill that only stands after what it
# qualifies belongs to something else ("… is een pluspunt) Goede kennis van MS Office").
PRE_CUE = re.compile(r"\b(liefst|bij voorkeur|preferabl[ey]|ideally|idealiter|bonus if|extra if)\b", re.I)
# "a strong advantage", "een grote troef"; not any word ("a business asset" is no cue)
_INTENSIFIER = (r"(?:big|strong|huge|great|real|definite|distinct|significant|major|clear|considerable|serious|"
                r"extra|added|additional|important|enormous|absolute|groot|grote|sterke|echte?|duidelijke?|mooie?|"
                r"belangrijke?|enorme?|absolute?|dikke)")
# Or learnt on the job: "Dutch at B1 level or are willing to learn", "tweetalig of bereid om Frans te leren" (where
# it names a skill, only that one), "a RIZIV visa, or willingness to complete the recognition procedure"
# ... and in English the skill learnt follows: "or are willing to learn French", "or willing to get VCA"
WILLING = re.compile(r"(?:or|of)[ \t]+(?:(?:are|be|you are|you're|you’re|je bent|ben je|bent|u bent)[ \t]+)?"
                     r"(?:willing|prepared|ready|bereid)[ \t]+(?:om[ \t]+)?(?:[\w-]+[ \t]+){0,3}?(?:to|te)[ \t]+"
                     r"(?:(?:learn|acquire|obtain|get|complete)(?:[ \t]+(?:and[ \t]+)?(?!(?:it|them|this|these|one|that|"
                     r"within|in|on|the|a|an)\b)[\w+/-]+){0,3}|leren|behalen|halen|verwerven)|"
                     r"(?:or|of)[ \t]+(?:the[ \t]+|de[ \t]+)?(?:willingness|bereidheid)[ \t]+(?:to|om)\b", re.I)
# ... and a willingness to get a skill, alone: "Je bent bereid om VCA te behalen", "willing to obtain a forklift
# licence" (trial T: read as required)
WILLING_TO_GET = re.compile(r"\b(?:bereid|willing|prepared)[ \t]+(?:om[ \t]+(?:\w+[ \t]+){1,4}?te[ \t]+(?:behalen|halen)\b"
                            r"|to[ \t]+(?:obtain|get|acquire)(?:[ \t]+[\w+/-]+){1,4})", re.I)
POST_CUE = re.compile(
    r"\b(pluspunt\w*|is a plus|a plus|strekt tot aanbeveling|mooi meegenomen|"
    r"(?:an?|een) (?:" + _INTENSIFIER + r" )?(?:advantage|voordeel|troef|asset|meerwaarde|plus)|troef|troeven|meerwaarde|advantageous|"
    r"desirable|desired|beneficial|is an asset|would be great|niet verplicht|optional|optioneel|gewenst|wenselijk|"
    # "… geeft je een voorsprong", "dan heb je een streepje voor", "… is handig", "gives you an edge" (trial U)
    r"(?:geeft|geven)[ \t]+(?:je|jou|u)[ \t]+(?:een[ \t]+)?voorsprong|een streepje voor|(?:is|zijn)[ \t]+(?:ook[ \t]+)?handig|"
    r"gives?[ \t]+you[ \t]+(?:an?[ \t]+)?(?:edge|head start)|(?:is|would be)[ \t]+(?:useful|helpful|handy)|"
    # "… is geen vereiste, wel een sterke plus", "not required but a strong plus": a cue across the contrast
    r"geen (?:vereiste|verplichting|must|voorwaarde)|niet (?:vereist|noodzakelijk)|not (?:required|a must|mandatory|"
    r"essential|a requirement)|" + WILLING.pattern + r")\b",
    re.I)
EITHER_CUE = re.compile(r"\b(pr[ée](?![\w-]|\\-)|een plus|preferred|bonus|bonuspunt\w*|nice\\?[- ]to\\?[- ]have|good to have)\b", re.I)
PREFERRED = re.compile("|".join(f"(?:{c.pattern})" for c in (PRE_CUE, POST_CUE, EITHER_CUE)), re.I)
# A cue that the skill is required: with a preferred cue in the same chunk, each applies to its own clause
# ("Kennis van SQL is vereist en Python is een pluspunt").
REQUIRED = re.compile(r"\b(required|a must|must|mandatory|essential|vereist|noodzakelijk|verplicht|een must|"
                      r"onmisbaar)\b", re.I)
CLAUSE_BREAK = re.compile(r"\s(?:and|en|but|maar|whereas|terwijl|while)\s", re.I)
# A line that opens with a preferred label: the label covers the whole line ("Pré: kennis van SAP", "Bonus: Go",
# "[Nice to have] Je bezit certificeringen zoals AZ-204", the brackets escaped by a job board's Markdown or not).
_LABELS = (r"(?:(?:niet vereist|geen vereiste|geen must|not required|not a must)[ \t]*,?[ \t]*(?:(?:maar|wel|but)[ \t]+)*)?"
           r"(?:pr[ée]|pluspunt(?:en)?|troef|troeven|extra|nice\\?[- ]to\\?[- ]haves?|bonus|bonus points|preferred|"
           r"desirable|good to have|mooi meegenomen|een (?:pr[ée]|plus|pluspunt|troef)|an? (?:plus|bonus|advantage))")
PREFERRED_LABEL = re.compile(r"[ \t>*•·-]*(?:\*\*)?(?:" + _LABELS + r"\s*(?:\*\*)?\s*(?::|\\?[-–—]\s)|\\?\[\s*" + _LABELS
                             + r"\s*\\?\])", re.I)
NUMBER_WORDS = {"een": 1, "één": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4,
                "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8,
                "negen": 9, "nine": 9, "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
                "dertien": 13, "thirteen": 13, "veertien": 14, "fourteen": 14, "vijftien": 15, "fifteen": 15,
                "zestien": 16, "sixteen": 16, "zeventien": 17, "seventeen": 17, "achttien": 18, "eighteen": 18,
                "negentien": 19, "nineteen": 19, "twintig": 20, "twenty": 20}
# Markdown escapes from job boards stay in the text ("5\+ years", "3\-6 years"): a backslash may precede + and -
YEARS = re.compile(r"(\d{1,2}(?:[.,]5)?|(?<!\w)(?:" + "|".join(NUMBER_WORDS) + r"))\s*(?:\\?\+)?\s*"
                   r"(?:(?:\\?-|–|tot|to|à)\s*\d{1,2}\s*(?:\\?\+)?\s*)?(?:years?|yrs|jaar|jaren)\b", re.I | re.ASCII)
AGE_BEFORE = re.compile(r"(age|aged|leeftijd|geboren|born)\W{0,3}$", re.I)
AGE_AFTER = re.compile(r"^\s*(old|oud|jong|young|of age|or older|of ouder|en ouder|and older|and over|zijn)\b", re.I)
# ... and what a person is, or must be, before a clause ends: "Ik ben Sarah, 19 jaar, ervaring als kelner", "Je bent
# minstens 18 jaar en hebt ervaring als kelner" (not "Ik ben 15 jaar werkzaam als kok": years of work)
AGE_VERB_BEFORE = re.compile(r"\b(?:ben|bent|am|'m|’m|is|are|zijn|be)[ \t]+(?:[A-Z][\w-]+,[ \t]*)?"
                             r"(?:(?:minstens|minimaal|minimum|min\.|ten minste|at least|over|ouder dan|older than|"
                             r"jonger dan|younger than|maximaal|maximum|max\.)[ \t]+|(?:tussen|between)[ \t]+\d{2}[ \t]+"
                             r"(?:en|and)[ \t]+)?$", re.I)
# ... and the clause ends after it ("… 19 jaar, ervaring als", "… 18 jaar en hebt"; not "5 jaar en 3 maanden")
CLAUSE_AFTER_AGE = re.compile(r"[ \t]*(?:[,.;:)!?]|\b(?:en|and)\b(?![ \t]+\d)|\b(?:oud|old)\b|$)", re.I)
# A person's noun right before, then "van" or a comma: "verpleegkundige van 45 jaar", "Kelner, 45 jaar" (not
# "een ervaring van 10 jaar", "een contract van 2 jaar", "Python, 20 jaar": no person's noun)
PERSON_OF_AGE = re.compile(r"(?i:\w*(?:kundige|ster|eur|euse|ist|iste|man|vrouw|kracht|meid|dame|heer|nurse|worker|"
                           r"woman|medewerker|bediende|verzorgende|arbeider|chauffeur|kelner|kok|verkoper|boekhouder|"
                           r"leider|assistent|assistente|student|studente|moeder|vader|mama|papa))"
                           r"(?:[ \t]+(?:van|of)|[ \t]*,)[ \t]+$")
WITH_AFTER = re.compile(r"[ \t]+(?:met|with)\b", re.I)
# ... not the job of "Ervaring als vrachtwagenchauffeur, 22 jaar, met rijbewijs CE" (its years)
EXPERIENCE_AS = re.compile(r"\b(?:ervaring|experience|werkzaam|gewerkt|worked)[ \t]+(?:als|as)[ \t]+(?:an?[ \t]+|een[ \t]+)?\S*$"
                           r"|\b(?:ervaring|experience|werkzaam|gewerkt|worked)[ \t]+(?:als|as)\b", re.I)
ADULT = 18  # an age said without a verb is one from here: "Verpleegkundige, 12 jaar, …" is rather not
MIN_AGE = 14  # a smaller number after "ik ben" is years of work: "Ik ben 5 jaar en 3 maanden werkzaam als kok"
AGE_REACH = 40  # characters before a years phrase looked at for what makes it an age
RIGHT_AFTER = re.compile(r"[ \t]*[(:\-–][ \t]*")
LEVELS = {
    "native": ("native", "moedertaal", "mother tongue", "native speaker"),
    "fluent": ("fluent", "fluently", "fluency", "vloeiend", "vloeiende", "vlot", "vlotte", "perfect", "perfecte",
               "uitstekend", "uitstekende", "excellent", "full professional",
               # speaking two or three languages as one's own: "tweetalig Nederlands/Frans", "bilingual English-Dutch"
               "tweetalig", "tweetalige", "drietalig", "drietalige", "bilingual", "trilingual"),
    "advanced": ("advanced", "gevorderd", "gevorderde", "expert", "sterk", "sterke", "strong", "in-depth", "grondige",
                 "diepgaande", "zeer goed", "zeer goede"),
    "good": ("good", "goed", "goede", "solid", "degelijke", "professional working", "machtig"),
    "intermediate": ("intermediate", "redelijk", "redelijke", "conversational"),
    "basic": ("basic", "basis", "basiskennis", "notions", "notie", "noties", "elementary", "beginner", "beperkte",
              "limited"),
}
LANGUAGE_ONLY_LEVELS = frozenset({"tweetalig", "tweetalige", "drietalig", "drietalige", "bilingual", "trilingual"})
assert LANGUAGE_ONLY_LEVELS <= set(LEVELS["fluent"])  # levels of languages only, not of a job or a tool
_LEVEL_WORDS = sorted(((w, lvl) for lvl, ws in LEVELS.items() for w in ws), key=lambda p: -len(p[0]))
_LEVEL_ALTERNATIVES = "|".join(re.escape(w) for w, _ in _LEVEL_WORDS)
# Not inside a hyphenated word ("cloud-native"), but "native-level", "Expert-level", "business-fluent"
LEVEL = re.compile(r"(?<![\w-])(?:business-)?(" + _LEVEL_ALTERNATIVES + r")(?=-(?:level|niveau)\b|(?![\w-]))", re.I)
_LEVEL_OF = {w: lvl for w, lvl in _LEVEL_WORDS}
CEFR = re.compile(r"\b([ABC][12])\b")
LANGUAGE = "lang."  # the taxonomy's languages: the only skills a CEFR code grades
LEVEL_WINDOW = 30  # characters either side of a mention searched for a level word
LEVEL_BEFORE_REACH = 60  # ... and before it for a level phrase ("Goede mondelinge en schriftelijke kennis van")
LABEL_REACH = 300  # a "Pré:" label is looked for at the start of the mention's line, this far back at most
NOT_REQUIREMENTS = {"about", "offer"}
# ... except a sentence there that says, without negation, that a skill is required ("Voor alle functies is een VOG
# vereist"; not "SAP is not required, we train you") or, in the company's own text (not an application, contact or
# process section), turns to the reader as the one hired: an ad's untitled opening often pitches the role ("You have
# knowledge of the latest data science techniques", "As Program Director, you are responsible for …", "I am
# looking for an engineer with experience in LLMs"), and "Wie zijn wij?" runs on into it ("Je werkt aan projecten
# zoals … Terraform"). Not what the reader gets or can count on ("You will enjoy …", "Je krijgt een opleiding in
# SAP"), and not the company addressing a client ("Acme helps you with …").
SAYS_REQUIRED = re.compile(r"\b(?:required|vereist|verplicht|mandatory|noodzakelijk)\b", re.I)
NEGATION = re.compile(r"\b(?:not|no|niet|geen|without|zonder|never|nooit)\b", re.I)
ADDRESSED = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|en|also|ook|daarnaast|additionally)\s+)(?:you|je|jij)(?:['’](?:ll|re))?\s+"
    r"(?!(?:will\s+|zult\s+|zal\s+)?(?:enjoy|get|receive|benefit|can|may|need|geniet|krijg|krijgt|ontvang|ontvangt|"
    r"kan|kunt|mag|hoeft)\b)(?:will\s+|zult\s+)?\w", re.I)
# (not what a reader seeks: "a home for anyone seeking a meaningful future in cybersecurity")
SOUGHT = re.compile(r"(?<!anyone )(?<!everyone )(?<!those )(?<!who )(?<!iedereen die )(?<!wie )"
                    r"\b(?:looking for|seeking|searching for|zoeken|zoekt)\s+(?:(?:wij|we|nu|momenteel)\s+)?"
                    r"(?:an?|een|our|onze|new|nieuwe|two|twee|someone|somebody|iemand|people|mensen)\s", re.I)
# About sections that speak to the reader as an applicant, not as the one hired
APPLYING = re.compile(r"vragen|question|interesse|interested|sollicit|apply|application|contact|meer info|"
                      r"more information|process|procedure|equal|diversity|divers|inclusi|privacy|disclaimer", re.I)
PARENS = re.compile(r"\([^()\n]{0,200}\)")
# A line that opens with a cue standing before what it qualifies: the cue covers its sentence ("Preferably
# experience with GAAP, usage of an ERP system and/or group consolidation") ...
OPENING_CUE = re.compile(r"[ \t>*•·▪\\-]*(?:\*\*)?" + PRE_CUE.pattern, re.I)
# A sentence about what the employer does ("Als firma ligt onze expertise binnen leidingwerk en elektromechanische
# installaties", "We specialise in SAP consulting", "Acme is gespecialiseerd in HVAC"): its domain, no skill asked,
# unless the sentence asks something (ASKING).
COMPANY_DOMAIN = re.compile(
    r"\b(?:onze|our)[ \t]+(?:\w+[ \t]+)?(?:expertise|specialisatie|specialiteit|kernactiviteit\w*|core business|"
    r"kerncompetentie\w*)\b|\b(?:wij zijn|we are|we're|zijn wij|(?:klant|bedrijf|firma|company|organisation|"
    r"organization|onderneming|groep|group)\b[^.\n]{0,40}?\b(?:is|zijn))[ \t]+(?:\w+[ \t]+)?"
    r"(?:gespecialiseerd|specialised|specialized)[ \t]+in\b|\bwe[ \t]+speciali[sz]e[ \t]+in\b", re.I)
# A list of sectors or industries in a sentence about the employer ("we serve industries such as logistics and
# defense"): where it or its clients work, not skills asked. Said to the reader ("je werkt in sectoren zoals
# logistics, HR en sales"), the list asks for one of them (pipeline.stages.alternatives.ONE_OF).
SECTORS = re.compile(r"\b(?:sectors|sectoren|industries|branches|markets|markten|verticals)[ \t]+"
                     r"(?:such as|like|including|zoals|waaronder|bijvoorbeeld|e\.g\.,?|bv\.)[ \t:]*", re.I)
# What the employer gives the one hired ("Bij de start zorgen we voor een grondige onboarding", "We provide training
# in SAP"): not asked of the candidate.
EMPLOYER_GIVES = re.compile(r"\b(?:we|wij)[ \t]+(?:\w+[ \t]+)?(?:zorgen[ \t]+(?:\w+[ \t]+)?voor|voorzien|bieden|"
                            r"provide|offer|give[ \t]+you|geven[ \t]+(?:je|jou|u))\b"
                            r"|\b(?:zorgen|voorzien|bieden|geven)[ \t]+(?:we|wij)\b", re.I)
# ... or that the one hired obtains on the job ("VCA kan je bij ons behalen", "Het heftruckattest wordt voorzien", "the
# forklift licence can be obtained with us"; trial T: starters' ads say so, and it read as required)
OBTAINED_HERE = re.compile(r"\b(?:kan|kun|mag)[ \t]+(?:je|jij|u)[ \t]+(?:\w+[ \t]+){0,3}?(?:behalen|halen)\b"
                           r"|\b(?:wordt|worden)[ \t]+(?:door[ \t]+ons[ \t]+)?(?:voorzien|aangeboden|(?:terug)?betaald)\b"
                           r"|\bcan[ \t]+be[ \t]+(?:obtained|earned|gained)[ \t]+(?:with|at|through)[ \t]+us\b", re.I)
# A skill said not to be needed, to widen the pool ("Je hoeft geen kennis van vastgoed te hebben", "Ervaring met
# Photoshop is niet nodig", "No experience with SAP required", "a degree is not necessary"; trial U: read as required)
NOT_NEEDED_BEFORE = re.compile(r"\b(?:hoeft|hoef|hoeven)[ \t]+(?:je[ \t]+|jij[ \t]+|u[ \t]+)?(?:nog[ \t]+)?geen\b"
                               r"|\bgeen[ \t]+(?:voorkennis|ervaring|kennis|diploma)\b(?=[^.;:!?\n]*\b(?:nodig|vereist)\b)"
                               r"|\b(?:you[ \t]+)?(?:do[ \t]+not|don['’]t)[ \t]+need[ \t]+(?:to[ \t]+(?:have|know|bring)[ \t]+)?"
                               r"|\bno[ \t]+(?:prior[ \t]+|previous[ \t]+)?(?:experience|knowledge|degree)\b"
                               r"(?=[^.;:!?\n]*\b(?:required|needed|necessary)\b)", re.I)
NOT_NEEDED_AFTER = re.compile(r"\b(?:is|zijn|are)[ \t]+(?:geen[ \t]+(?:vereiste|must|vereisten)|niet[ \t]+(?:nodig|vereist|"
                              r"noodzakelijk|verplicht)|not[ \t]+(?:required|needed|necessary|a[ \t]+must|"
                              r"mandatory|essential))\b", re.I)
CLAUSE_PUNCTUATION = re.compile(r"[,;:()]")
# ... in a sentence with no turn in it ("…, maar", "…, wel een troef")
TURN = re.compile(r"\b(?:maar|but|wel|however|echter)\b", re.I)


def _not_needed(text: str, sentence: tuple[int, int], mention: Mention) -> bool:
    """Whether the clause of the skill says it is not needed ("Ervaring met Photoshop is niet nodig"), in a sentence
    with no turn: with one, the skill may be asked after all ("Je hoeft geen expert te zijn, maar Excel ken je") or
    called a plus ("Frans is niet vereist, wel een troef"). Only its own clause: "Rijbewijs B is vereist, ervaring
    is niet nodig" still asks the licence (a review: the whole sentence's requirements were lost)."""
    start, end = sentence
    if TURN.search(text, start, end):
        return False
    after = NOT_NEEDED_AFTER.search(text, mention.end, end)  # not from inside brackets: "English (Dutch is not …)"
    if after is not None and not CLAUSE_PUNCTUATION.search(text, mention.end, after.start()):
        return True
    # searched to the sentence's end: the Dutch "geen ervaring … nodig" looks ahead past the mention
    return any(cue.end() <= mention.start and not CLAUSE_PUNCTUATION.search(text, cue.end(), mention.start)
               for cue in NOT_NEEDED_BEFORE.finditer(text, start, end))


# A sentence that asks, however it opens ("We are specialised in logistics and are looking for …", "Wij bieden je
# een opleiding, maar we verwachten dat je …"): the rules above leave it alone.
ASKING = re.compile(r"\b(?:looking for|seek|seeking|zoeken|zoekt|verwachten|expect|need|nodig|require[sd]?|vereist|"
                    r"must|moet|moeten|maar|but|however|heb je|je hebt|you have|you bring|breng je|beschik je)\b", re.I)
READER = re.compile(r"\b(?:you|your|je|jij|jou|jouw|u|uw)\b", re.I)
# ... up to a clause with a subject of its own or a contrast: "Preferably based in Amsterdam, you have 5 years of Java"
OWN_CLAUSE = re.compile(r"[,;:]\s+(?:you|je|jij|u|we|wij)\b|\s(?:but|maar|above all|vooral)\s", re.I)


def requirement_for(doc: Document, section: str | None, scope: tuple[int, int], mention: Mention,
                    mentions: Sequence[Mention] = (), sentence: tuple[int, int] | None = None,
                    heading: str = "") -> Requirement | None:
    """Required or preferred for vacancy mentions; None for CVs and for offer/about sections (but see
    NOT_REQUIREMENTS).

    `section`: the kind of section the mention is in, `heading` its heading; `scope`: [start, end) of the part of
    its sentence a cue must be in (see `preference_scope`); `sentence`: the mention's sentence.
    """
    if doc.kind != "vacancy":
        return None
    if section in NOT_REQUIREMENTS and not _asks_anyway(doc.text, sentence or scope, mention, section, heading):
        return None
    if _not_asked(doc.text, sentence or scope, mention):
        return None
    if section == "nice_to_have" or preferred_in(doc.text, scope, mention, mentions) \
            or (sentence is not None and (_likewise(doc.text, sentence[0], mention.start)
                                          or _answered_by_a_cue(doc.text, sentence))):
        return "preferred"
    return "required"


# A question answered by a preferred cue alone: "Heb je VCA? Mooi meegenomen!", "Ken je SAP? Dat is een plus."
ANSWER_CUE = re.compile(r"[ \t]*(?:(?:dan[ \t]+)?(?:is[ \t]+)?(?:dat|dit|that)(?:'s|[ \t]+is)?[ \t]+(?:zeker[ \t]+|mooi[ \t]+)?)?"
                        r"(?:mooi meegenomen|(?:een|a|an)[ \t]+(?:extra[ \t]+|grote[ \t]+|big[ \t]+)?(?:plus|pluspunt|troef|pr[ée]|"
                        r"bonus|advantage|voordeel)|pluspunt|nice to have)[ \t]*[!.]", re.I)


def _answered_by_a_cue(text: str, sentence: tuple[int, int]) -> bool:
    """Whether the sentence is a question the next sentence answers with a preferred cue alone."""
    return text[sentence[1]:sentence[1] + 1] == "?" and ANSWER_CUE.match(text, sentence[1] + 1) is not None


def _likewise(text: str, start: int, end: int) -> bool:
    """Whether a preferred cue that goes on to more ("…is een pluspunt, net als") stands before `end`, with no
    contrast or required cue between ("… as well as Kubernetes, but Python is required")."""
    cues = list(LIKEWISE.finditer(text, start, end))
    return bool(cues) and not CONTRAST.search(text, cues[-1].end(), end) \
        and not REQUIRED.search(text, cues[-1].end(), end)


CONTRAST = re.compile(r"\b(?:but|maar|however|echter|whereas|terwijl)\b", re.I)


# A sentence that opens with what the job pays or gives, in an offer that has no heading of its own ("Verloning
# gebaseerd op weddeschaal Paritair Comité 329 met …", "Salary according to …"): its skill words are the pay's
# (what follows the word says it is the pay: "Salaris- en personeelsadministratie in AFAS" is a task)
OFFER_OPENING = re.compile(r"[\s>*•·▪-]*(?:(?:verloning|bezoldiging|loon|salaris|wedde|vergoeding|salary|compensation|"
                           r"remuneration|pay(?:ment)?)[ \t]+(?:volgens|gebaseerd|op basis|conform|in lijn|tussen|van|"
                           r"according|in line|based|between|of|range|package|commensurate)\b|"
                           r"contract van (?:on)?bepaalde duur|een (?:vast|voltijds|deeltijds) contract|"
                           r"maaltijdcheques|ecocheques|groepsverzekering|hospitalisatieverzekering|"
                           r"(?:a )?(?:permanent|full-time|fixed-term) contract|meal vouchers)\b", re.I)


def _not_asked(text: str, sentence: tuple[int, int], mention: Mention) -> bool:
    """Whether the sentence names the skill without asking for it: one it says is not needed (NOT_NEEDED_BEFORE,
    NOT_NEEDED_AFTER); the employer's own domain (COMPANY_DOMAIN), the sectors it or its clients work in (SECTORS),
    what it gives the one hired (EMPLOYER_GIVES) and what the job pays (OFFER_OPENING), in a sentence that asks
    nothing (ASKING)."""
    start, end = sentence
    if _not_needed(text, sentence, mention):
        return True
    if ASKING.search(text, start, end):  # "… maar we verwachten dat je …", "… and are looking for …"
        return False
    if OFFER_OPENING.match(text, start):
        return True
    return COMPANY_DOMAIN.search(text, start, end) is not None \
        or EMPLOYER_GIVES.search(text, start, mention.start) is not None \
        or OBTAINED_HERE.search(text, mention.end, end) is not None \
        or (READER.search(text, start, end) is None  # said to the reader, a sector list asks one (alternatives)
            and any(cue.end() <= mention.start for cue in SECTORS.finditer(text, start, mention.start)))


def _asks_anyway(text: str, sentence: tuple[int, int], mention: Mention, section: str | None, heading: str) -> bool:
    """Whether a sentence of an about or offer section asks for its skills all the same (see NOT_REQUIREMENTS)."""
    start, end = sentence
    if NEGATION.search(text, start, end):
        return False
    if SAYS_REQUIRED.search(text, start, end):
        return True
    if section != "about" or APPLYING.search(heading):
        return False
    own = text[start:end].lstrip(" \t\r\n*#>•·▪-")
    sought = SOUGHT.search(text, start, end)
    return bool(ADDRESSED.search(own)) or (sought is not None and sought.end() <= mention.start)


def preferred_in(text: str, scope: tuple[int, int], mention: Mention, mentions: Sequence[Mention] = ()) -> bool:
    """Whether a preferred cue in `scope` applies to the mention: one that may stand anywhere, one that stands
    before what it qualifies found before the mention, or one that stands after it found after the mention.
    A cue in parentheses qualifies only what the parentheses hold, or the item right before them: in "Nederlands,
    Frans en Engels (Duits is een plus)" only German is preferred, in "SQL, Java (a plus)" only Java (parentheses
    that hold no skill of their own qualify the item before them; `mentions`: the document's, sorted). A cue
    outside still covers the parentheses: "a BI tool (Power BI or Tableau) is a plus"."""
    start, end = scope
    parens = [(p.start(), p.end()) for p in PARENS.finditer(text, start, end)]
    own = next(((a, b) for a, b in parens if a < mention.start < b), None)
    if own and PREFERRED.search(text, *own):
        start, end = own
    parens = [p for p in parens if p != own]

    def applies(cue: re.Match[str]) -> bool:
        held = next(((a, b) for a, b in parens if a <= cue.start() < b), None)
        named = {mentions[k].skill_id for k in _within(mentions, *cue.span())  # not the willingness itself
                 if not mentions[k].skill_id.startswith("soft.")} if WILLING.match(cue.group()) else ()
        return (held is None or (mention.end <= held[0] and not text[mention.end:held[0]].strip()
                                 and not _within(mentions, *held))) and (not named or mention.skill_id in named)

    willing = next((w for w in chain(WILLING.finditer(text, start, end), WILLING_TO_GET.finditer(text, start, end))
                    if w.start() < mention.start < w.end()), None)
    label = PREFERRED_LABEL.match(text, start)  # "Pluspunt: je spreekt Frans" (a scope opened by its label)
    return willing is not None or (label is not None and label.end() <= mention.start) \
        or any(map(applies, EITHER_CUE.finditer(text, start, end))) \
        or any(map(applies, PRE_CUE.finditer(text, start, mention.start))) \
        or any(map(applies, POST_CUE.finditer(text, mention.end, end)))


def preference_scope(text: str, mentions: list[Mention], i: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """[start, end) of the text a "preferred" cue must be in to apply to mention i.

    Its comma-separated chunk, extended over the chunks of the list it is in: forward while the chunks between are
    nothing but skills ("Python, SQL and Docker are a plus" applies to all three; "SQL, and Python is a plus" only
    to Python), backward to the chunk that opens the list ("Preferably SAP, Excel and Power BI"). A line that
    opens with a label ("Pré: kennis van SAP") is one scope; where the chunk holds a required and a preferred cue,
    each covers its own clause ("SQL is vereist en Python is een pluspunt")."""
    m = mentions[i]
    reach = max(0, m.start - LABEL_REACH)  # bounded: a text that is one long line stays linear
    line_start = text.rfind("\n", reach, m.start) + 1
    if (line_start or reach == 0) and PREFERRED_LABEL.match(text, line_start):
        line_end = text.find("\n", m.end)
        return line_start, len(text) if line_end < 0 else line_end
    s, e = sentence
    if s > line_start and PREFERRED_LABEL.match(text, s):  # a label opening a sentence ("… and Spark. Nice to have: …")
        return s, e
    if line_start >= s and OPENING_CUE.match(text, line_start) and not REQUIRED.search(text, line_start, e):
        own_clause = OWN_CLAUSE.search(text, line_start, e)
        if own_clause is None or own_clause.start() > m.start:
            return line_start, own_clause.start() if own_clause else e
    parens = [(p.start(), p.end()) for p in PARENS.finditer(text, s, e)]  # a list in parentheses is one chunk
    bounds = [s] + [b.end() for b in CHUNK_BREAK.finditer(text, s, e)
                    if not any(a < b.start() < z for a, z in parens)] + [e]
    chunks = list(zip(bounds, bounds[1:]))
    index = next((k for k, (a, b) in enumerate(chunks) if a <= m.start < b), len(chunks) - 1)
    if _cue_is_its_value(text, mentions, chunks, index):  # "Rijbewijs B: geen vereiste, wel een pluspunt"
        return chunks[index][0], e
    first = index
    while first > 0 and _list_items(text, mentions, *chunks[first]) and _ends_in_skill(text, mentions,
                                                                                       *chunks[first - 1]):
        first -= 1  # this chunk continues the list the chunk before began
    scope_end = chunks[index][1]
    led_in = _plain_lead_in(text, mentions, *chunks[index])
    # a level leads into a list of languages as plain words do: "Fluent in Dutch, French, English and German is a
    # plus" is one list, where "Fluent in English, Python is a plus" is two clauses
    level_led = not led_in and m.skill_id.startswith("lang.") and _count_items(mentions, *chunks[index]) == 1 \
        and _level_lead_in(text, mentions, *chunks[index])
    before_lead_in: int | None = None  # the scope's end before it went on behind lead-in words
    last_chunk = chunks[index][0]  # where the last chunk the scope took begins
    for step, (a, b) in enumerate(chunks[index + 1:]):
        if _list_closed(text, mentions, chunks[first][0], a):
            break  # "Fluent in Dutch, English and French, German is a plus": the list closed before this chunk
        if not _only_skills(text, mentions, chunks[index][0], a):
            # words that lead into a list do not end it ("Kennis van DTP, SEO is een plus"), but a chunk with words
            # of its own before its skill is another item ("Vlot Nederlands/Frans, een goede kennis van Engels is
            # een plus"), and so is one after ", and" behind a single skill ("You have SQL, and Python is a plus")
            if not ((led_in or level_led) and _only_skills(text, mentions, m.start, a)
                    and _opens_with_skill(text, mentions, a, b, step > 0)):
                break
            before_lead_in = scope_end if before_lead_in is None else before_lead_in
        scope_end, last_chunk = b, a
    if before_lead_in is not None and max(_count_items(mentions, m.start, scope_end),
                                          1 + len(LIST_JOINT.findall(text, m.start, scope_end))) < 3:
        scope_end = before_lead_in  # two skills are two clauses: "Experience with Python, Django would be a bonus"
    elif before_lead_in is not None and level_led and (not _languages_only(mentions, m.start, scope_end)
                                                        or LIST_CLOSED.search(text, m.start, last_chunk)):
        scope_end = before_lead_in  # "Fluent in Dutch, English and French, German is a plus": the list closed
    scope_start = chunks[first][0]
    if PREFERRED.search(text, scope_start, scope_end) and REQUIRED.search(text, scope_start, scope_end):
        cuts = [scope_start] + [c.start() for c in CLAUSE_BREAK.finditer(text, scope_start, scope_end)] + [scope_end]
        for a, b in zip(cuts, cuts[1:]):
            if a <= m.start < b:
                return a, b
    return scope_start, scope_end


# A skill as the label of its own line and a cue as its value: "Rijbewijs B: geen vereiste, wel een pluspunt",
# "Python: nice to have", "Docker - a plus"
LABEL_END = re.compile(r"[ \t]*(?::|\\?[-–—])\s*$")


def _cue_is_its_value(text: str, mentions: list[Mention], chunks: list[tuple[int, int]], index: int) -> bool:
    """Whether chunk `index` opens its sentence, holds nothing but skills and a colon, and what follows the colon
    names no skill and holds a preferred cue."""
    if index != 0 or len(chunks) < 2:
        return False
    start, end = chunks[0]
    inside = _within(mentions, start, end)
    if not inside or not _only_skills(text, mentions, start, mentions[inside[-1]].end) \
            or not LABEL_END.fullmatch(text, max(mentions[i].end for i in inside), end):
        return False
    rest_start, rest_end = chunks[1][0], chunks[-1][1]
    return not _within(mentions, rest_start, rest_end) and PREFERRED.search(text, rest_start, rest_end) is not None


def _within(mentions: Sequence[Mention], start: int, end: int) -> range:
    """Indices of the mentions (sorted by start) that begin in [start, end)."""
    return range(bisect_left(mentions, start, key=_start), bisect_left(mentions, end, key=_start))


def _start(m: Mention) -> int:
    return m.start


def _only_skills(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether [start, end) holds only skill mentions, list punctuation and conjunctions."""
    rest = text[start:end].lstrip(BULLET_MARKS)  # a bullet's mark is no word of its own
    for i in _within(mentions, start, end):
        m = mentions[i]
        if m.end <= end:
            rest = rest.replace(m.text, " ", 1)
    return LIST_GAP.fullmatch(rest) is not None


# A preferred cue that goes on to more ("Een rijbewijs C is een pluspunt, net als basiskennis van sanitair"): what
# follows in the sentence is preferred too.
LIKEWISE = re.compile(r"\b(?:pluspunt|plus|troef|meerwaarde|voordeel|advantage|asset|bonus|pr[ée])\b[\s,]*"
                      r"(?:net als|evenals|alsook|as well as|just like|as is|as are|like)\b", re.I)
# Between the items of a list, named skills or not ("keukens, totaalinterieurs of maatwerk": three items)
# not "and", which joins words inside names too, unless another item follows ("Frans, Engels en eventueel een andere
# taal": three items)
LIST_JOINT = re.compile(r",\s|\s(?:or|of)\s|\s(?:and|en)\s+(?:(?:eventueel|possibly|perhaps|ideally)\s+)?"
                        r"(?:(?:een|an?)\s+)?(?:other|another|andere)\s", re.I)
LIST_GAP = re.compile(r"[\s,/&()]*(?:\b(?:and|en|én|or|of|as well as|alsook)\b[\s,/&()]*)?", re.I)
BULLET_MARKS = " \t-*•·▪>"
LIST_END = re.compile(r"[\s,/&()]*[.!?:;]?[\s*]*")


def _list_items(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether [start, end) holds only skills, list punctuation and conjunctions (and a full stop at its end)."""
    inside = _within(mentions, start, end)
    if not inside:
        return False
    last = mentions[inside[-1]]
    return last.end <= end and _only_skills(text, mentions, start, last.end) and \
        LIST_END.fullmatch(text, last.end, end) is not None


def _plain_lead_in(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether the words before the first skill of [start, end) only lead into it ("Kennis van", "Experience with"):
    no level, years or required cue of their own ("Must have Python, Docker would be nice to have", "Fluent in
    English, Python is a plus")."""
    inside = _within(mentions, start, end)
    lead_in = text[start:mentions[inside[0]].start] if inside else ""
    return not (LEVEL.search(lead_in) or REQUIRED.search(lead_in) or YEARS.search(lead_in))


def _preferred_language_list(text: str, mentions: list[Mention], run: list[int], lead: re.Match[str],
                             clause_end: int) -> bool:
    """Whether a list of languages after a level is a plus as a whole: "Fluent in Dutch, French, English and German
    is a plus", "Goede kennis van het Frans en Engels is een pluspunt"; not "You speak fluent English and Dutch would
    be a plus" (a bare level before two: Dutch alone is the plus) or "fluent in English (Dutch is not required)"."""
    first, last = mentions[run[0]], mentions[run[-1]]
    return _languages_only(mentions, first.start, last.end) and "(" not in text[first.end:last.start] \
        and (len(run) >= 3 or bool(lead.group("noun") or lead.group("link"))) \
        and LIST_IS_PREFERRED.fullmatch(text, last.end, clause_end) is not None


LIST_CLOSED = re.compile(r"\s(?:and|en|&)\s", re.I)  # a list's last item comes after it


def _list_closed(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether two skills in [start, end) are joined by "and" alone ("English and French"): a list's last item, not
    "SQL and knowledge in Fabric"."""
    inside = _within(mentions, start, end)
    return any(mentions[i].end <= mentions[j].start and LIST_CLOSED.fullmatch(text, mentions[i].end, mentions[j].start)
               for i, j in zip(inside, inside[1:]))


def _level_lead_in(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether the words before the first skill of [start, end) state a level and nothing else that binds it: no
    required cue, no years ("Fluent in", "Vloeiend")."""
    inside = _within(mentions, start, end)
    lead_in = text[start:mentions[inside[0]].start] if inside else ""
    return bool(LEVEL.search(lead_in)) and not (REQUIRED.search(lead_in) or YEARS.search(lead_in))


def _languages_only(mentions: list[Mention], start: int, end: int) -> bool:
    """Whether every skill [start, end) names is a language."""
    return all(mentions[i].skill_id.startswith("lang.") for i in _within(mentions, start, end))


def _count_items(mentions: list[Mention], start: int, end: int) -> int:
    """How many skills [start, end) names, overlapping mentions counted once."""
    count, reach = 0, -1
    for i in _within(mentions, start, end):
        if mentions[i].start >= reach:
            count += 1
        reach = max(reach, mentions[i].end)
    return count


def _opens_with_skill(text: str, mentions: list[Mention], start: int, end: int, conjunction: bool) -> bool:
    """Whether [start, end) opens with a skill mention, after list punctuation (and a conjunction) at most."""
    inside = _within(mentions, start, end)
    opening = ITEM_OPENING if conjunction else ITEM_OPENING_BARE
    return bool(inside) and opening.fullmatch(text, start, mentions[inside[0]].start) is not None


# What may open a list's next item before its skill: "…, PowerPoint, and other data visualization tools is a plus"
# ... or an article: "Kennis van het Frans, het Engels en eventueel … is een troef"
_OTHER = r"(?:(?:the|het|de)\s+)?(?:(?:other|similar|related|andere|vergelijkbare|gelijkaardige)\s+)?"
ITEM_OPENING = re.compile(LIST_GAP.pattern + _OTHER, re.I)
ITEM_OPENING_BARE = re.compile(r"[\s,/&()]*" + _OTHER, re.I)


def _ends_in_skill(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether [start, end) ends with a skill mention and list punctuation after it."""
    inside = _within(mentions, start, end)
    return bool(inside) and mentions[inside[-1]].end <= end and \
        LIST_GAP.fullmatch(text, mentions[inside[-1]].end, end) is not None


# What may stand between a years phrase and the skills it governs ("5+ years of Python", "3 jaar ervaring met SQL",
# "5 years' hands-on experience in Java", "5 years of experience in aircraft systems and quality assurance"): no
# clause break, and no other word unless "experience in/with/…" links the years to what follows.
YEARS_BEFORE_SKILL = re.compile(
    r"['’]?s?\s*(?:(?:of|van)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:experience|ervaring|werkervaring)\s*)?"
    r"(?:(?:in|with|of|met|als|as|using|on|within|binnen|op het gebied van|werken met|working with)\s+"
    r"(?:(?!experience\b|ervaring\b)[\w&/-]+\s+){0,4}?)?(?:(?:the|de|het|een|a|an)\s+)?", re.I)
# ... and for a hard skill, through the task the experience is in ("7 years of experience building Kubernetes
# platforms"); a soft skill there is an adjective of the task ("… building reliable pipelines")
YEARS_BEFORE_HARD_SKILL = re.compile(  # Markdown's bold and escapes as job boards leave them: "**6\+ years** of hands\-on"
    r"['’]?s?(?:\*\*|__)?\s*(?:(?:of|van)\s+)?(?:[\w\\-]+\s+){0,2}?(?:experience|ervaring|werkervaring)?\s*"
    r"(?:(?:in|with|of|met|als|as|using|on|within|binnen|op het gebied van|werken met|working with)\s+"
    r"(?:[\w&/-]+\s+){0,4}?)?(?:(?:the|de|het|een|a|an)\s+)?", re.I)
# A word that qualifies the experience the years are of ("6+ years of hands-on professional experience in Java"), not
# a skill they count ("5 years of people management experience", "3+ years Application Development experience")
HANDS_ON = re.compile(r"hands[\\-]*[ -]?on|practical|praktische?", re.I)
OF_EXPERIENCE = re.compile(r"(?:\s+[\w\\-]+)?\s+(?:experience|ervaring|werkervaring)\b", re.I)
# What may stand between a skill and the years phrase after it ("Python: 5 years", "SQL, 3 jaar", "Java for 4
# years", "Projectmanagementervaring: 5 jaar"); with a role noun or an adjective in between, that word governs
# the years instead ("Nurse with 6 years' experience, resilient").
SKILL_BEFORE_YEARS = re.compile(
    r"(?:\t(?:" + _LEVEL_ALTERNATIVES + r"))?"  # a table row's level cell between: "Python⇥Expert⇥5 jaar"
    r"[-\s]?(?:ervaring|experience|werkervaring)?\s*(?:with|met|for|voor|during|gedurende|[:(\-–,])?\s*"
    r"(?:(?:at least|minimum|minimaal|min\.|over|more than|meer dan|ruim|about|circa|ca\.|±|~)\s*)?", re.I)


# Between the skills of a list a years phrase heads: list punctuation, and items no skill was found in ("8-10 years
# of experience in data analytics, reporting, and dashboard development"), of up to three words and no clause of
# their own ("3 years of SAP, based in Utrecht, Excel is a plus": Excel has no years).
UNMATCHED_ITEM = re.compile(r"[ \t]*[\w-]+(?:[ \t]+[\w-]+){0,2}[ \t]*")
CLAUSE_WORD = re.compile(r"\b(?:in|to|at|for|with|of|on|by|from|is|are|be|based|willing|able|must|can|will|you|we|"
                         r"je|jij|te|met|van|voor|op|bij|zijn|ben|bent|wil|kan|moet)\b", re.I)


def years_list_gap(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], between two skill mentions, continues a list a years phrase heads."""
    if LIST_GAP.fullmatch(text, start, end):
        return True
    parts = text[start:end].split(",")
    if len(parts) < 3:
        return False
    first, *items, last = parts
    return not first.strip() and LIST_GAP.fullmatch(last) is not None and all(
        UNMATCHED_ITEM.fullmatch(item) and not CLAUSE_WORD.search(item) for item in items)


def _soft(m: Mention) -> bool:
    return m.skill_id.startswith("soft.") or m.type == "soft"


def years_value(number: str) -> float:
    """The number of a YEARS match: "5", "2,5", "vijf"."""
    number = number.lower()
    return float(NUMBER_WORDS.get(number) or number.replace(",", "."))


def is_age(text: str, years: re.Match[str]) -> bool:
    """Whether a years phrase (a YEARS match) states an age: "Leeftijd: 58 jaar", "24 years old", "Ik ben Sarah, 19
    jaar, …", "Je bent minstens 18 jaar en …". An age is never experience: it must not count in any score."""
    start, end = years.start(), years.end()
    person = PERSON_OF_AGE.search(text, max(0, start - AGE_REACH), start)
    if years_value(years.group(1)) >= ADULT and person and (CLAUSE_AFTER_AGE.match(text, end) or WITH_AFTER.match(text, end)) \
            and not EXPERIENCE_AS.search(text, max(0, person.start() - 20), person.start() + 1):
        return True  # "Ervaren verpleegkundige van 45 jaar met ervaring in …", "Verpleegkundige, 45 jaar, …"
    return AGE_BEFORE.search(text, max(0, start - 12), start) is not None \
        or AGE_AFTER.match(text[end:end + 16]) is not None \
        or (years_value(years.group(1)) >= MIN_AGE and AGE_VERB_BEFORE.search(text, max(0, start - AGE_REACH), start)
            is not None and CLAUSE_AFTER_AGE.match(text, end) is not None)


def assign_years(text: str, mentions: list[Mention], sentence: tuple[int, int]) -> dict[int, float]:
    """Years per mention index: a years phrase covers the skill it governs and the list it heads ("5+ years of
    Python, SQL and Docker", "3 jaar ervaring met SQL"), else the skill right before it ("Python (5 jaar)",
    "SQL: 3 years"); nothing when it governs a word that is no skill mention ("Nurse with 6 years' experience,
    resilient": the years are the nurse's, not resilience's)."""
    s, e = sentence
    lowered = text[s:e].lower()
    if "year" not in lowered and "jaar" not in lowered and "yrs" not in lowered:
        return {}  # YEARS cannot match: most sentences, and a substring test is much cheaper than the regex
    inside = list(_within(mentions, s, e))
    out: dict[int, float] = {}
    for match in YEARS.finditer(text, s, e):
        if is_age(text, match):
            continue  # "Leeftijd: 58 jaar", "24 years old": an age, not experience
        years = years_value(match.group(1))
        before = [i for i in inside if mentions[i].end <= match.start()]
        after = [i for i in inside if mentions[i].start >= match.end()]
        if len(after) > 1 and HANDS_ON.fullmatch(mentions[after[0]].text) and OF_EXPERIENCE.match(text, mentions[after[0]].end):
            after = after[1:]  # "6+ years of hands-on professional experience in Java": hands-on describes it
        chain: list[int] = []
        if before and RIGHT_AFTER.fullmatch(text, mentions[before[-1]].end, match.start()):
            chain = before[-1:]  # "Python (5 years), Docker (2 years)": the years belong to the skill before
        elif after and (YEARS_BEFORE_SKILL if _soft(mentions[after[0]]) else YEARS_BEFORE_HARD_SKILL).fullmatch(
                text, match.end(), mentions[after[0]].start):
            chain = [after[0]]
            for prev, nxt in zip(after, after[1:]):
                if not years_list_gap(text, mentions[prev].end, mentions[nxt].start):
                    break
                chain.append(nxt)
        elif before and SKILL_BEFORE_YEARS.fullmatch(text, mentions[before[-1]].end, match.start()):
            chain = before[-1:]
        for i in chain:
            out.setdefault(i, years)
    return out


# After the skill: behind a colon, a bracket or a free-standing dash (not "Python-expert", a person), "niveau",
# "level", or "at"/"op" before a level ("English at C1 level", "Nederlands op niveau B2"; not "op basis van": based on)
LEVEL_AFTER = re.compile(r"[ \t]*(?:[:(]|[-–](?=[ \t])|\bniveau\b|\blevel\b|\b(?:at|op)\b(?![ \t]+basis[ \t]+van\b)"
                         r"(?=[ \t]+(?:an?[ \t]+|een[ \t]+)?"
                         r"(?:niveau[ \t]+|level[ \t]+)?(?:[ABC][12]\b|(?:" + _LEVEL_ALTERNATIVES + r")\b)))"
                         r"[ \t]*([^\n,;|)]{0,30})", re.I)
# After a list, a level behind a dash or colon covers the whole list ("MS Office (Word, Excel, Outlook) – goed",
# "Frans, Engels: basis"); one in brackets right after an item is that item's ("Python, Java (basic)").
LEVEL_AFTER_LIST = re.compile(r"[ \t]*(?:\)[ \t]*)?(?:[:\-–]|\bniveau\b|\blevel\b)[ \t]*([^\n,;|)]{0,30})", re.I)
LIST_ITEMS_GAP = re.compile(r"[ \t,/&()]*(?:\b(?:and|en|én|or|of)\b[ \t,/&()]*)?|-", re.I)  # "Nederlands-Frans"
# Where the words before a mention stop being about it: a level before a comma or a full stop describes something
# else ("Strong negotiator, resilient", "– goed. VCA basis").
CLAUSE_END = re.compile(r".*(?:[.;,!?|•()\t]|\s[-–]\s)", re.S)  # a tab: the next cell of a table row
# A level right after the skill with nothing between, before a clause ends ("Word goed, Excel goed", "Engels C1", a
# Europass grid's first code: "Frans C1 C1 B2 B2 B2"); not
# "basis"/"basic", which there is mostly part of the name ("VCA basis", "EHBO basis").
LEVEL_RIGHT_AFTER = re.compile(r"[ \t]+(" + "|".join(re.escape(w) for w, lvl in _LEVEL_WORDS if lvl != "basic")
                               + r"|(?-i:[ABC][12])(?:[ \t]+(?-i:[ABC][12]))*)[ \t]*(?=[,;.)|\n\t]|$)", re.I)
# A table row's level cell behind its years cells ("SQL⇥6 jaar⇥Gevorderd"); right behind the skill, LEVEL_RIGHT_AFTER
TABLE_ROW_LEVEL = re.compile(r"(?:\t[ ]*" + YEARS.pattern + r"[ ]*)+\t[ ]*(" + _LEVEL_ALTERNATIVES + r")[ ]*(?=\t|\r?\n|$)",
                             re.I | re.ASCII)
# ... except after a language, where "basis" is a level ("Frans goed, Engels basis", "EN basis")
BASIC_RIGHT_AFTER = re.compile(r"[ \t]+(" + "|".join(re.escape(w) for w, lvl in _LEVEL_WORDS if lvl == "basic")
                               + r")[ \t]*(?=[,;.)|\n]|$)", re.I)
# A level label before a list covers the list ("Moedertaal: Nederlands, Portugees").
LEVEL_LABEL_BEFORE = re.compile(r"\b(" + "|".join(re.escape(w) for w, _ in _LEVEL_WORDS) + r")[ \t]*:[ \t]*$", re.I)


# A level before the skill: right before it ("vloeiend Frans", "strong Python"), or before what it is a level of
# ("goede kennis van het Nederlands", "a strong command of the Dutch language", "Fluent in English", "deep
# understanding of LLMs", "Strong skills in performing SQL queries", "Je kan vlot overweg met Excel"); not before
# another word ("strong interest in AI", "advanced analytics and ML").
_MODIFIER = (r"(?:written|spoken|verbal|oral|working|practical|technical|programming|communication|mondelinge|"
             r"schriftelijke|praktische|technische|algemene|tweetalig|drietalig|[23]-talig|bilingual|trilingual)")
_AND = r"[ \t]+(?:and|en|&|or|of)[ \t]+"
LEVEL_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<level>" + _LEVEL_ALTERNATIVES + r"|deep|diepe|[ABC][12])"
    r"(?:\\?[- ](?:level|niveau|taalvaardigheid|taalniveau|taalkennis))?[ \t]+)"
    r"(?:" + _MODIFIER + "(?:" + _AND + _MODIFIER + r")?[ \t]+|" + _MODIFIER + _AND + r")?"
    r"(?P<noun>(?:kennis|talenkennis|taalkennis|beheersing|knowledge|command|understanding|expertise|experience|ervaring|skills?|"
    r"vaardigheden|use|gebruik|proficiency|grasp|mastery|overweg)[ \t]+)?(?P<link>(?:van|of|in|with|met|over|on|at)[ \t]+)?"
    r"(?P<doing>[a-z]+ing[ \t]+)?(?:(?:the|de|het|both|zowel)[ \t]+)?[*_]*$", re.I)
# Two skills sharing a head after a level word, the first one no skill of its own: "Excellent quantitative and
# analytical skills"
PAIRED_BEFORE = re.compile(r"(?<![\w-])(?P<level>" + _LEVEL_ALTERNATIVES + r")[ \t]+[\w-]+" + _AND + "$", re.I)
SHARED_HEAD_AFTER = re.compile(r"[ \t]*(?:skills|vaardigheden|abilities|capaciteiten)\b", re.I)


BASED_ON = re.compile(r"\bop[ \t]+$", re.I)


def level_before(text: str, start: int) -> re.Match[str] | None:
    """The LEVEL_BEFORE match ending at `start`, in the clause that holds it, or None."""
    line_start = text.rfind("\n", max(0, start - LEVEL_BEFORE_REACH), start) + 1
    window = text[max(line_start, start - LEVEL_BEFORE_REACH):start]
    clause = CLAUSE_END.match(window)
    found = LEVEL_BEFORE.search(window, clause.end() if clause else 0)
    if found is None or found.group("level").lower() in ("deep", "diepe") and not found.group("noun"):
        return None  # "deep" is a level only of knowledge or understanding: "deep learning" is a skill
    if found.group("level").lower() == "basis" and BASED_ON.search(window, 0, found.start()):
        return None  # "op basis van lastenboeken": based on, no level
    if found.group("doing") and not (found.group("noun") and found.group("link")):
        return None  # "strong skills in performing SQL queries", not "strong leading teams"
    if not found.group("noun") and DELIVERS.search(window, 0, found.start()):
        return None  # the quality of the work, not of the skill: "Je zorgt voor een uitstekende klantenservice"
    return found


# A verb whose object is the work delivered: a bare level word right after it describes that work ("Provided
# excellent customer service"); not "offering", which a CV uses of its writer ("offering excellent communication")
DELIVERS = re.compile(r"\b(?:zorg(?:t|en)?[ \t]+(?:\w+[ \t]+)?voor|bied(?:t|en)|lever(?:t|en)|garandeer(?:t)?|garanderen|"
                      r"geef(?:t)?|geven|provid(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|ensur(?:e|es|ed|ing)|"
                      r"give(?:s|n)?|gave)[ \t]+(?:(?:een|an?|the|de|het|our|onze?)[ \t]+)?$", re.I)


def _asked_level(kind: str | None, level: str | None) -> str | None:
    """A vacancy's "native speaker" asks what a fluent speaker has: being born to a language is an origin, which
    must not decide who is hired (a fairness audit: C1 and fluent CVs missed a required "Native Dutch speaker")."""
    return "fluent" if kind == "vacancy" and level == "native" else level


def level_for(text: str, mention: Mention, next_start: int | None = None) -> str | None:
    """A proficiency level before the mention in its clause (LEVEL_BEFORE) or after a colon, dash or bracket
    (Frans: goed), but not behind the next skill (`next_start`: "Accounting Software: SAP : Basic user" is SAP's
    level); never one inside the skill's own name ("Basic Life Support", "VCA basis")."""
    after = LEVEL_AFTER.match(text, mention.end) or LEVEL_RIGHT_AFTER.match(text, mention.end) \
        or TABLE_ROW_LEVEL.match(text, mention.end) or (mention.skill_id.startswith("lang.") and BASIC_RIGHT_AFTER.match(text, mention.end))
    level = after.lastindex or 1 if after else 1  # the level's group: the last (TABLE_ROW_LEVEL's years have one)
    behind = text[after.start(level):min(after.end(level), next_start or len(text))] if after else ""
    found = _level_in(behind, last=False)
    if found and CEFR.fullmatch(found) and not mention.skill_id.startswith(LANGUAGE):
        found = None  # a CEFR code is a language's level: "Gegradueerde verpleegkunde (A1)" is a diploma's grade
    if found:
        return found
    before = level_before(text, mention.start)
    if before is None and _has_shared_head(text, mention):
        window = text[max(0, mention.start - LEVEL_WINDOW):mention.start]
        clause = CLAUSE_END.match(window)
        before = PAIRED_BEFORE.search(window, clause.end() if clause else 0)
    if before is None or (before.group("level").lower() in LANGUAGE_ONLY_LEVELS and not mention.skill_id.startswith(LANGUAGE)):
        return None  # "Tweetalig administratief bediende": bilingual is a level of languages only
    return _level_of(before.group("level"))


def _has_shared_head(text: str, mention: Mention) -> bool:
    """Whether the mention is, or stands right before, a head two coordinated skills can share ("… skills")."""
    return SHARED_HEAD.match(mention.text) is not None or SHARED_HEAD_AFTER.match(text, mention.end) is not None


def _level_in(chunk: str, last: bool) -> str | None:
    found = LEVEL.findall(chunk) or CEFR.findall(chunk)
    if not found:
        return None
    return _level_of(found[-1] if last else found[0])


def _level_of(word: str) -> str:
    """The level a level word names ("vloeiend" -> fluent, "deep" -> advanced); a CEFR code as it is."""
    return _LEVEL_OF.get(word.lower(), "advanced" if word.lower() in ("deep", "diepe") else word)


def list_levels(text: str, mentions: list[Mention]) -> dict[int, str]:
    """Levels that cover a whole list of skills, per mention index (mentions sorted by start): after it ("Frans,
    Engels: basis"), as a label before it ("Moedertaal: Nederlands, Portugees") or before it as the level of
    knowledge or use ("Goede kennis van het Nederlands en Engels", "Fluent in English and Dutch"); a bare level
    word only before a list of languages ("Je spreekt vlot Nederlands, Frans en Engels": "advanced analytics and
    machine learning" is no advanced machine learning)."""
    out: dict[int, str] = {}
    run = [0] if mentions else []
    for k in range(1, len(mentions) + 1):
        if k < len(mentions) and mentions[k - 1].end <= mentions[k].start and \
                LIST_ITEMS_GAP.fullmatch(text, mentions[k - 1].end, mentions[k].start):
            run.append(k)
            continue
        examples = _examples_level(text, mentions[run[0]].start)
        if examples:
            out.update(dict.fromkeys(run, examples))
        elif len(run) > 1:
            after = LEVEL_AFTER_LIST.match(text, mentions[run[-1]].end)
            level = _level_in(after.group(1), last=False) if after else None
            if not level:
                start = mentions[run[0]].start
                reach = max(0, start - LEVEL_WINDOW)
                label = LEVEL_LABEL_BEFORE.search(text, text.rfind("\n", reach, start) + 1 or reach, start)
                level = _level_in(label.group(1), last=False) if label else None
            if not level:
                lead = level_before(text, mentions[run[0]].start)
                whole = run
                run = _own_clause_cut(text, mentions, run) if lead else run
                clause_end = _clause_end(text, mentions[run[-1]].end)
                # a list cut before a clause of its own ends there ("…, Frans en Engels (Duits is een plus)")
                if lead and lead.group("level").lower() in LANGUAGE_ONLY_LEVELS \
                        and not all(mentions[k].skill_id.startswith(LANGUAGE) for k in run):
                    lead = None
                if lead and (len(run) < len(whole) or LEVEL_LIST_END.fullmatch(text, mentions[run[-1]].end, clause_end)
                             or _preferred_language_list(text, mentions, run, lead, clause_end)) \
                        and (lead.group("noun") or lead.group("link") or _languages_or_paired(text, mentions, run)):
                    level = _level_of(lead.group("level"))
            if level:
                out.update(dict.fromkeys(run, level))
        run = [k]
    return out


def _own_clause_cut(text: str, mentions: list[Mention], run: list[int]) -> list[int]:
    """The run of a list without the items after its one comma where they make a clause of their own with a
    preferred cue ("Fluent in Dutch and English, French is a plus": the level covers Dutch and English)."""
    gaps = [text[mentions[run[k - 1]].end:mentions[run[k]].start] for k in range(1, len(run))]
    # the first comma after items joined by "and": "Dutch and English, French and German are a plus", "Dutch,
    # English and French, German is a plus"; not a list of commas, "Fluent in Dutch, French, English and German is
    # a plus", one list
    closed = next((k for k, gap in enumerate(gaps, 1) if LIST_CLOSED.fullmatch(gap)), None)
    cut = next((k for k, gap in enumerate(gaps, 1) if ("," in gap or "(" in gap) and closed is not None and k > closed),
               None)  # ... or a bracket: "Nederlands, Frans en Engels (Duits is een plus)"
    if cut is not None and PREFERRED.search(text, mentions[run[cut]].start, _clause_end(text, mentions[run[-1]].end)):
        return run[:cut]
    return run


# Examples of what a level is stated for: "Diepgaande kennis van platforms zoals TikTok, YouTube", "Solid
# understanding of deep learning architectures, including transformers, BERT"; the level phrase must name
# knowledge or use ("Strong interest in tools such as Docker" states no level of Docker).
EXAMPLES_CUE = re.compile(r",?[ \t]*\b(?:such as|like|including|incl\.|e\.g\.|zoals|waaronder|bijvoorbeeld|bv\.|o\.a\.|"
                          r"onder andere)[ \t]*:?[ \t]*\(?[ \t]*", re.I)
UNMATCHED_ITEMS = re.compile(r"(?:[\w .+#/-]{1,40},[ \t]*){0,4}")  # examples before the list's first skill mention
WORD_START = re.compile(r"(?<![\w&/+#.\\-])[\w&/+#.\\-]")
CLAUSE_BREAK_BEFORE = re.compile(r".*[.;:!?,](?=\s)", re.S)  # the last clause break in a stretch, and what precedes it


def _examples_level(text: str, start: int) -> str | None:
    """The level stated for what a list starting at `start` gives examples of, or None: the level phrase ends
    at most four words before the examples cue."""
    line_start = text.rfind("\n", max(0, start - 2 * LEVEL_BEFORE_REACH), start) + 1
    line_start = max(line_start, start - 2 * LEVEL_BEFORE_REACH)
    cue = None
    for found in EXAMPLES_CUE.finditer(text, line_start, start):
        if UNMATCHED_ITEMS.fullmatch(text, found.end(), start):
            cue = found
    if cue is None:
        return None
    clause = CLAUSE_BREAK_BEFORE.search(text, line_start, cue.start())  # not across "SQL. Experience with tools"
    heads = [m.start() for m in WORD_START.finditer(text, clause.end() if clause else line_start, cue.start())][-4:]
    for head in reversed(heads):
        lead = level_before(text, head)
        if lead and lead.group("noun") and lead.group("link"):
            return _level_of(lead.group("level"))
    return None


# After a list a level before it covers: nothing more in its clause but how the languages are used ("Goede
# beheersing van de Nederlandse en Engelse taal in woord en geschrift").
LEVEL_LIST_END = re.compile(r"(?:[ \t]+(?:taal|talen|language|languages))?(?:[ \t]+(?:in woord en geschrift|"
                            r"mondeling en schriftelijk|schriftelijk en mondeling|(?:both[ \t]+)?(?:written and "
                            r"(?:spoken|verbal|oral)|(?:spoken|verbal|oral) and written)))?" + LIST_END.pattern, re.I)
# ... or that it is a plus: "Fluent in Dutch, French, English and German is a plus" (all four, fluent)
LIST_IS_PREFERRED = re.compile(r"[ \t]+(?:(?:is|are|zijn|would be|will be)[ \t]+)?(?:(?:een|an?)[ \t]+)?(?:"
                               + POST_CUE.pattern + r")"
                               + LIST_END.pattern, re.I)
PAIRED = re.compile(r"[ \t]+(?:and|en|&)[ \t]+", re.I)
SHARED_HEAD = re.compile(r".*\b(?:skills|vaardigheden|abilities|capaciteiten)$", re.I)
CLAUSE_STOP = re.compile(r"[\n,;.!?]")


def _clause_end(text: str, start: int) -> int:
    """Where the clause going on at `start` ends (a line end or punctuation), at most 80 characters on."""
    stop = CLAUSE_STOP.search(text, start, start + 80)
    return stop.start() if stop else min(len(text), start + 80)


def _languages_or_paired(text: str, mentions: list[Mention], run: list[int]) -> bool:
    """Whether a bare level word before a list covers all of it: a list of languages ("Je spreekt vlot Nederlands,
    Frans en Engels"), or two skills sharing one head ("Excellent communication and organizational skills");
    not "advanced analytics and machine learning"."""
    if all(mentions[i].skill_id.startswith("lang.") for i in run):
        return True
    return len(run) == 2 and PAIRED.fullmatch(text, mentions[run[0]].end, mentions[run[1]].start) is not None \
        and _has_shared_head(text, mentions[run[1]])


CUE_CHARS = 60  # longer than any preferred cue: a cue a search from inside a scope finds starts this near one found
# by a search of the whole text (which may have matched an overlapping cue first)


def _cue_near(text: str, cues: list[int], mention: Mention, sentence: tuple[int, int]) -> bool:
    """Whether a preferred cue (`cues`: where PREFERRED matches start) may lie in any scope preference_scope can
    give the mention: its sentence, or its line from a label LABEL_REACH back. Without one the scope changes
    nothing, and is not worked out."""
    reach = max(0, mention.start - LABEL_REACH)
    line_end = text.find("\n", mention.end)
    low = min(sentence[0], text.rfind("\n", reach, mention.start) + 1) - CUE_CHARS
    high = max(sentence[1], len(text) if line_end < 0 else line_end)
    k = bisect_left(cues, low)
    if k < len(cues) and cues[k] < high:
        return True
    # A sentence cut inside a word (bounds_of caps long ones): a search that stops there sees a word end that the
    # whole text has not ("a plus" of "a plushie").
    end = sentence[1]
    return 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum() \
        and PREFERRED.search(text, sentence[0], end) is not None


def classify(doc: Document) -> Document:
    """Stage: fill section, requirement, years and level on every mention."""
    mentions = sorted(doc.mentions, key=_start)  # the helpers below bisect on start offsets
    years: dict[int, float] = {}
    done_sentences: set[tuple[int, int]] = set()
    sentence_of = bounds_of(doc.text)
    bounds = [sentence_of(m.start, m.end) for m in mentions]
    for b in bounds:
        if b not in done_sentences:
            done_sentences.add(b)
            years.update(assign_years(doc.text, mentions, b))
    levels = list_levels(doc.text, mentions)
    # Where a preferred cue starts (a vacancy's only): a mention with none near needs no scope, the costly part
    cues = _cue_starts(doc.text) if doc.kind == "vacancy" else []
    out = []
    for i, mention in enumerate(mentions):
        section = doc.section_at(mention.start)
        section_kind = section.kind if section else None
        scope = preference_scope(doc.text, mentions, i, bounds[i]) if _cue_near(doc.text, cues, mention, bounds[i]) \
            else bounds[i]
        out.append(Mention(  # not dataclasses.replace: this runs for every mention and replace is slow
            mention.skill_id, mention.start, mention.end, mention.text, mention.method, mention.confidence,
            section=section_kind,
            requirement=requirement_for(doc, section_kind, scope, mention, mentions, bounds[i],
                                        section.heading if section else ""),
            years=years.get(i),
            level=_asked_level(doc.kind, level_for(doc.text, mention, mentions[i + 1].start if i + 1 < len(mentions)
                                                   else None) or levels.get(i)),
            type=mention.type, key=mention.key, link=mention.link,
        ))
    return doc.replace(mentions=tuple(_preferred_over_tasks(out) if doc.kind == "vacancy" else out))


PREFERRED_LOWER = re.compile(PREFERRED.pattern)  # on lower-cased text: three times as fast as re.I


def _cue_starts(text: str) -> list[int]:
    """Where a preferred cue starts in `text` (on its lower case where that keeps every offset)."""
    lower = text.lower()
    found = PREFERRED_LOWER.finditer(lower) if len(lower) == len(text) else PREFERRED.finditer(text)
    return [c.start() for c in found]


def _preferred_over_tasks(mentions: list[Mention]) -> list[Mention]:
    """A skill the ad calls a plus in so many words is preferred, though a task names it too ("Je registreert in SAP"
    under the tasks, "Kennis van SAP is een pluspunt" under the profile): a task asks for no skill explicitly. Not
    for a skill that is merely listed under "Nice to have" as well: the tasks of an AI role are its core, whatever
    a bonus item adds ("Contributions to open-source AI projects")."""
    def skill(m: Mention) -> str | None:
        return m.skill_id or m.key

    preferred = {skill(m) for m in mentions if m.requirement == "preferred" and m.section != "nice_to_have"}
    asked = {skill(m) for m in mentions if m.requirement == "required" and m.section != "tasks"}
    softened = preferred - asked
    return [replace(m, requirement="preferred") if m.requirement == "required" and skill(m) in softened else m
            for m in mentions]
