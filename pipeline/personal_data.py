"""Personal-data rules: finding a CV's name line and the person's name words, and redacting a sentence.

A text utility below the stages and the store: the `personal` stage uses the name rules to drop mentions
that are really the person's name, and the evidence sentences stored per mention are redacted with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from functools import lru_cache

# Two or more characters starting with a letter, hyphens and apostrophes included (El-Amrani, O'Neill):
# the unit a name line is split into and a sentence is searched for.
HYPHENATED_WORD = re.compile(r"[^\W\d_][\w'’-]+")
# Linear time on any input: a match may only start where a run of address characters starts (the lookbehind),
# and every repetition is bounded (RFC 5321's 64-character local part, 63-character labels), so a CV that is one
# long run of letters, dots or hyphens without an "@" cannot make the search backtrack quadratically.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])")
PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()./-]{7,24}\d")
PHONE_DIGITS = 9  # the fewest a phone number (or BSN) has: "2015 - 2019" (8) is a job's years
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
BIRTH_DATE = re.compile(r"\b(?:\d{1,2}[ \t]+" + _MONTH + r"[ \t]+['’]\d\d(?!\d)|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d"
                        r"|(?:19|20)\d\d-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d\d"
                        r"|\d{1,2}(?:st|nd|rd|th|e|ste)?(?:[ \t]+of)?(?:[ \t]+|-)" + _MONTH
                        + r"(?:[ \t]+|-)(?:19|20)\d\d|" + _MONTH + r"[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d)\b",
                        re.I)
# "linkedin.com/in/jan-peeters-12ab", "github.com/jpeeters": the handle often spells the name
PROFILE_URL = re.compile(r"(?:linkedin\.com/in|github\.com|gitlab\.com|twitter\.com|x\.com|instagram\.com)/"
                         r"([\w.-]{1,100})", re.I)
NAME_LABEL = re.compile(r"^[*_]*(?:naam|name|full name|volledige naam)[*_]*[ \t]*:[*_]*[ \t]*", re.I)
# ... and a forwarded mail's sender, when it is a person ("From: Ahmed El Amrani <ahmed.elamrani@…>"; not a job
# board or a shared mailbox: "From: Indeed Apply <indeedapply@indeed.com>", "Van: Customer Service <service@…>")
SENDER = re.compile(r"^[*_]*(?:from|van|afzender|sender)[*_]*[ \t]*:[*_]*[ \t]*(?P<name>[^<>‹›()\[\]\n@]{1,80}?)[ \t]*"
                    r"[<‹(\[](?P<local>[^<>‹›()\[\]\n@]{1,64})@(?P<domain>[^<>‹›()\[\]\n]{1,255})[>›)\]][ \t]*$", re.I)
MAIL_HEADER = re.compile(r"^[*_]*(?:subject|onderwerp|to|aan|cc|date|datum|sent|verzonden|reply-to)[*_]*[ \t]*:", re.I)
SHARED_MAILBOXES = frozenset("""info service noreply no-reply jobs job careers career recruitment recruiting hr apply
applications notifications notification mailer-daemon support contact sollicitatie sollicitaties vacatures werving
team hello""".split())
# A particle and surname written as one word in an e-mail address ("elamrani", "vandenberg"): their words are
# the name's wherever they stand ("Tom El Amrani | Java Developer" in the signature; particles are in NAME_PARTICLES)
JOINED_WORDS = 3  # at most this many words written as one ("van den Berg")
# A CV that opens by introducing its writer, as short CVs typed in a mail or chat do, where the words can only be a
# name: after "mijn naam is", "ik heet", "my name is", or before an age ("Ik ben Sarah, 19 jaar", "I'm Sarah de Smet,
# 19"). Not "I'm Polish", "Ik ben Kelner", "I am Python Developer": a nationality, a job or a skill (a review found
# those dropped as names: a protected attribute that changed a score).
_NAME = r"[^\W\d_a-z][^\W\d_]+(?:-[^\W\d_a-z][^\W\d_]+)?"
_FULL_NAME = rf"{_NAME}(?:[ \t]+(?:(?:{'|'.join(sorted(NAME_PARTICLES, key=len, reverse=True))})[ \t]+)*{_NAME}){{0,2}}"
SELF_INTRODUCTION = re.compile(
    r"(?:^|[.!?\n][ \t]*)(?:(?i:hallo|hoi|hi|hello|dag|beste)[ \t]*[,!]?[ \t]*)?"
    rf"(?:(?i:mijn naam is|ik heet|my name is)[ \t]+(?P<named>{_FULL_NAME})(?=[ \t]*(?:[,.!;:(]|$)|[ \t]+(?i:en|and)\b)"
    rf"|(?i:ik ben|i am|i'm|i’m)[ \t]+(?P<aged>{_FULL_NAME}),[ \t]*\d{{2}}(?![\w.,]\d)"
    # or about them: "Scott Kachelek is a sales and business development executive …" (a LiveCareer summary; a
    # role noun must follow, see _names_a_person: "Power BI is a tool …" is no name)
    rf"|(?P<third>{_NAME}(?:[ \t]+{_NAME}){{1,2}})[ \t]+(?:is|was)[ \t]+(?:an?|een)[ \t](?P<what>[^.\n]{{0,80}}))", re.M)
# ... nor a nationality or language before an age ("I am Dutch, 25 years old"): its word would be redacted as a name
# and the language it also names dropped from the CV
NATIONALITIES = frozenset("""
dutch english french german spanish italian portuguese polish turkish moroccan belgian flemish romanian bulgarian
russian ukrainian arabic chinese indian american british irish greek syrian afghan congolese hungarian czech
slovak croatian serbian albanian brazilian nigerian eritrean somali iranian iraqi pakistani vietnamese filipino
nederlands nederlandse nederlander belg belgische vlaams vlaamse waals waalse frans franse duits duitse engels
engelse spaans spaanse italiaans italiaanse portugees portugese pools poolse turks turkse marokkaans marokkaanse
roemeens roemeense bulgaars bulgaarse russisch russische oekraïens oekraïense arabisch arabische chinees chinese
syrisch syrische afghaans afghaanse congolees congolese hongaars hongaarse grieks griekse braziliaans
braziliaanse
""".split())
SELF_INTRODUCTION_REACH = 400  # the opening of the text: later, "I am Certified …" is no introduction
# A title before a name ("Dhr. Kees Bakker", "Mr. John Smith"): not part of the name, and it states a gender
HONORIFIC = re.compile(r"^(?:dhr|mevr|mw|mr|mrs|ms|miss|mx|dr|drs|ir|ing|prof|heer|mevrouw|meneer|de heer)\.?[ \t]+",
                       re.I)
# Degrees after a name ("Emily O'Connor, PhD", "Jan Peeters MSc")
DEGREE_AFTER = re.compile(r",?[ \t]+(?:PhD|Ph\.D\.|MSc|M\.Sc\.|MBA|MD|BSc|B\.Sc\.|MA|BA|LLM|RN)\.?$")
# A heading over the personal block, before the name ("Curriculum Vitae / Persoonlijke gegevens / Naam: …")
PERSONAL_HEADING = re.compile(r"(?:persoonlijke gegevens|personalia|personal (?:details|information|data)|contact"
                              r"(?:gegevens| details| information)?)\W*", re.I)
# "Jan Peeters – Senior Developer", "Jan Peeters | Verpleegkundige": a name, then the title (not after a comma:
# "Digital Marketing, Content Strategy" is no name and a town)
NAME_THEN_TITLE = re.compile(r"\s+[–—|•·]\s+|\s+-\s+")
MAX_NAME_LINE = 120  # characters: a longer line is no name's (and no pattern runs over a line of lost spaces)
# An initial in a name ("J. Peeters", "Claud D. Park"): no word of its own to redact, but part of the name line
INITIAL = re.compile(r"(?:[^\W\d_a-zß-ÿ]\.){1,3}")
# Top lines above the name that are no name and no reason to stop looking: contact details, a date ("Last updated
# on 21 January 2015"), a photo's placeholder (a fairness audit: with such a line first, the name was not found);
# below contact details or a date, a line is the name only where an address or link spells a word of it (a review:
# "Project Management" below a phone line was taken for a name, and the CV's main skill dropped)
PHOTO_LINE = re.compile(r"\W*(?:foto|photo|picture|image|afbeelding|pasfoto)\W*", re.I)
MAX_NAME_WORDS = 5  # not counting particles and initials: "Maria José da Silva Santos Oliveira"
# A CV header before the name on its line, and a name written surname first (a fairness audit: both kept the full
# name in evidence, and in 9 of 14 common layouts the name was not found)
CV_HEADER_BEFORE = re.compile(r"^(?:curriculum vitae|cv|resume|résumé|levensloop)[ \t]*[–—|:\-][ \t]*", re.I)
# (the surname in capitals, as forms write it: "Kok, Antwerpen" is a job and a town)
SURNAME_FIRST = re.compile(r"^((?:[A-Z'’-]{2,}[ \t]+){0,3}[A-Z'’-]{2,}),[ \t]*([A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+)?)$")


# Protected attributes a CV states in prose, not on a labelled line: age ("63-jarige", "Ik ben 52 jaar", "a man of
# 58 years"), gender and origin ("een Nederlandse man", "van Marokkaanse afkomst", "nationality Dutch"), religion,
# family and health. Never a skill nor evidence: "Nederlandse" would read as the language Dutch, "arbeidsgehandicapt"
# as an open skill. Only the person's own status: "ervaring met personen met een beperking" is care work and stays.
_AGE = (r"(?:born|geboren|dob|d\.o\.b\.)(?:[ \t]+(?:on|op|in))?[ \t:]*(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2}(?:\d\d)?|(?:19|20)\d\d)\b"
        r"|\d{2}[- ]?jarige?|\d{2}[- ]years?[- ]old|\d{2}[ \t]+(?:jaar|years)[ \t]+(?:oud|old|jong|young)"
        r"|(?:ik ben|i am|i'm|i’m|ben ik)[ \t]+(?:[^\W\d_][\w-]*(?:[ \t]+[^\W\d_][\w-]*){0,3},[ \t]*)?\d{2}"
        r"(?:[ \t]+(?:jaar|years))?(?=[ \t]*(?:[,.;)]|en\b|and\b|$))"  # "Ik ben 52 jaar", "Ik ben Sarah, 19 jaar, …"
        r"|(?:age|aged|leeftijd)[ \t]*:?[ \t]*\d{2}\b(?:[ \t]+(?:jaar|years))?"
        r"|(?:man|vrouw|male|female|woman|heer|dame)[ \t]+(?:van|of)[ \t]+\d{2}(?:[ \t]+(?:jaar|years))?")
_ORIGIN = (r"(?:(?i:jonge|oudere|young|older)\W{1,3})?[A-Z][a-zé]+(?:se|sche|e|an|ish|ese|i|ch)[ \t]+"
           r"(?:man|vrouw|jongen|meisje|dame|heer|moeder|vader|woman|male|female|mother|father|national|citizen)"
           r"(?:[ \t]+(?:van|of)[ \t]+\d{2}(?:[ \t]+(?:jaar|years))?)?"
           r"|(?:van|of)[ \t]+[A-Z][a-zé]+[ \t]+(?:afkomst|origine|komaf|descent|origin|heritage)"
           r"|(?i:nationality|nationaliteit)[ \t]*(?:[:\-–][ \t]*)?[A-Z][a-zé]+"
           # where a person comes from: "Ik kom uit Marokko", "originally from Syria", "Geboren en getogen in Istanbul"
           r"|(?i:ik kom (?:oorspronkelijk )?uit|kom ik uit|afkomstig uit|geboren in|i come from|i'm from|i am from|"
           r"originally from|born in|geboren en getogen in|born and raised in|opgegroeid in|grew up in)[ \t]+[A-Z][\w-]+"
           # a nationality or roots said in a sentence: "I hold Polish nationality", "Ik heb de Nederlandse
           # nationaliteit", "met Marokkaanse roots", "Je bent van Belgische nationaliteit" (a vacancy's ask)
           # (a nationality's ending: not "Corporate Citizenship", "Same Origin")
           r"|(?:[A-Z][a-zé]+(?:se|sche|an|ish|ese|i|ch)[ \t]+(?:and|en|&)[ \t]+)?[A-Z][a-zé]+(?:se|sche|an|ish|ese|i|ch)"
           r"[ \t]+(?i:nationality|nationaliteit|citizenship|staatsburgerschap|passport|paspoort|roots|wortels|afkomst)"
           # ... or one's family's: "Mijn ouders zijn Turks", "My parents are Polish", "mijn vader komt uit Marokko"
           r"|(?i:(?:mijn|my)[ \t]+(?:ouders|vader|moeder|familie|parents|father|mother|family)[ \t]+(?:zijn|is|are|was|"
           r"were|komen|komt|come|comes)(?:[ \t]+(?:uit|from))?)[ \t]+[A-Z][\w-]+")
_STATUS = (r"vrouw|female|woman|male|mannelijke?|vrouwelijke?|moslima?|muslim|christen|christelijke?|joods|jewish|"
           r"hindoe|hindu|boeddhist(?:isch)?e?|buddhist|"
           r"islamitische?|islamic|moskee|mosque|synagoge|synagogue|keppeltje|hoofddoek|headscarf|hijab|"
           r"arbeidsgehandicapte?|arbeidsbeperking|wajong(?:er)?|rolstoelgebruiker|wheelchair user|chronische?[ \t]+ziekte?|"
           r"burn-?out|zwanger(?:schap)?|pregnan(?:t|cy)|"
           r"getrouwd|gehuwd|ongehuwd|gescheiden|married|divorced|widow(?:ed|er)?|weduwe(?:naar)?|"
           r"(?:katholieke?|catholic|protestantse?|protestant)(?![ \t]+(?:universiteit|university|hogeschool|school|college))|"
           r"(?:vader|moeder|father|mother)[ \t]+(?:van|of)[ \t]+(?:\d+|een|één|twee|drie|vier|vijf|zes|one|two|three|"
           r"four|five|six)(?:[ \t]+(?:kinderen|kids|children|zonen|dochters|sons|daughters))?"
           r"|\d+[ \t]+(?:kinderen|children|kids)")
# Nouns after a language's name that make it the language, not a nationality: "a Dutch speaker", "an English
# teacher", "a Spanish interpreter"
LANGUAGE_NOUNS = frozenset("""speaker speakers speaking sprekende talige language level proficiency skills knowledge
    course courses lessons class classes teacher tutor leraar lerares docent translation translator vertaler
    interpreter tolk version text texts document documents writer writing copywriter editor native fluency certificate
    test exam degree diploma literature grammar""".split())
_NATIONALITY = "(?i:" + "|".join(sorted(NATIONALITIES, key=len, reverse=True)) + ")"
# ... and one said as what a person is, at a clause's start (not "zowel Nederlands als Engels"): "Als Marokkaanse
# spreek ik …", "As a Pakistani I …", "I am Polish", "Ik ben Pools" (not "As a French speaker": a language)
_AS_NATIONAL = (r"(?:(?<![^\n])|(?<=[.!?;:•*-] )|(?<=[.!?;:•*-]))[ \t]*"
                r"(?i:als|as an?|i am|i'm|i’m|ik ben)[ \t]+" + _NATIONALITY +
                r"(?![\w-]|[ \t]+(?i:" + "|".join(sorted(LANGUAGE_NOUNS)) + r")\b)")
PROTECTED = re.compile(rf"(?<![\w-])(?:(?i:{_AGE})|{_ORIGIN}|{_AS_NATIONAL}|(?i:{_STATUS}))(?![\w-])")
# Special categories of personal data (GDPR art. 9) a CV may state in passing: religion, union membership, political
# opinion, sexual orientation, the person's own health. Never a skill, and a sentence that holds one is no
# evidence at all (redact): "Vrijwilliger bij de moskeevereniging, waar ik de boekhouding deed" shows the
# bookkeeping, not where. Compounds count ("Sint-Baafskathedraal", "holebivereniging"); care work for others does
# not ("ervaring met patiënten met kanker", "autism support worker": the health words need "my", "ik ben", …).
_HEALTH = (r"depressie|depression|burn-?out|kanker|kankerbehandeling|cancer|chemo(?:therapie|therapy)?|hiv|aids|"
           r"autisme|autism|autistisch|autistic|adhd|diabetes|epilepsie|epilepsy|psychose|psychosis|bipolaire?|"
           r"bipolar|dyslexie|dyslexia|handicap|beperking|disability|ziekte|illness|verslaving|addiction|doof|deaf|"
           r"blind|slechtziend|slechthorend")
# ... not a word of care work after it: "I am a diabetes nurse", "ik heb autistische jongeren begeleid", "blind typen"
_CARE_AFTER = (r"(?![ \t]+(?:\w+[ \t]+)?(?:patiënt\w*|patient\w*|cliënt\w*|client\w*|jongeren|kinderen|children|"
               r"youth|people|mensen|personen|nurse\w*|verpleeg\w*|care|zorg\w*|coach\w*|specialist\w*|test\w*|"
               r"onderzoek\w*|research\w*|begeleid\w*|unit|afdeling|ward|typen|typing|educator|educatie|team)\b)")
SPECIAL = re.compile(
    r"(?i:(?:moskee|mosque|parochie|kathedraal|cathedral|synago[gc]|kerkgemeenschap|kerkkoor|holebi|"
    r"vakbondsafgevaardigde|vakbondsdelegee|vakbondslid|vakbondsmilitant)\w{0,30}"
    r"|(?<![\w-])(?:parish\w*|church(?:es)?|chapels?(?![ \t]+Hill)|a\.m\.e|imam|priester|pastoor|pastor|dominee|rabbi|devout|"
    r"bijbel\w*|bible|koran\w*|"
    r"quran|ramadan|lid van (?:de |het )?vakbond|union (?:representative|rep|member|steward|delegate)|shop steward|"
    r"syndica(?:al|le) (?:afgevaardigde|delegee)|délégué syndical|vlaams belang|n-va|pvda|pvv|vvd|groenlinks|cd&v|"
    r"open vld|d66|labour party|conservative party|democratic party|republican party|politieke partij\w*|"
    r"political part(?:y|ies)|lgbt\w*\+?|homoseksue\w+|lesbisch\w*|biseksue\w+|transgender\w*|queer|gay|lesbian|"
    r"bisexual|wel jong niet hetero|hiv[- ]?positie[fv]|"
    # pregnancy as leave or a state, not midwifery ("maternity care", "zwangerschapsbegeleiding")
    r"zwangerschapsverlof|moederschapsrust|moederschapsverlof|bevallingsverlof|ouderschapsverlof|maternity leave|"
    r"(?:ik ben|ik was|i am|i'm|i’m|i was)[ \t]+(?:\w+[ \t]+)?(?:zwanger|pregnant)|"
    r"alleenstaande (?:mama|moeder|papa|vader)|"
    r"(?:mijn|my|ik ben|ik heb|ik had|i am|i'm|i’m|i have|i had|being|na mijn|after my|tijdens mijn|during my|"
    r"door mijn|because of my|due to my|met mijn|with my)"
    r"[ \t]+(?:\w+[ \t]+)?(?:" + _HEALTH + r")" + _CARE_AFTER + r")(?![\w-])"
    r"|(?<![\w-])(?:ACV|ABVV|ACLVB|FNV|CNV)(?![\w-]))")
WITHHELD = "[withheld: personal]"
# Words one of which every SPECIAL match holds (lower case): a text with none is not searched (a long hostile text
# of digits would cost the full pattern at every position)
SPECIAL_HINTS = ("moskee", "mosque", "parochie", "kathedraal", "cathedral", "synago", "kerk", "holebi", "vakbond",
                 "parish", "church", "chapel", "a.m.e", "pastor", "imam", "priester", "pastoor", "dominee", "rabbi",
                 "devout", "bijbel", "bible",
                 "koran", "quran", "ramadan", "union", "steward", "syndica", "syndical", "belang", "n-va", "pvda", "pvv", "vvd",
                 "groenlinks", "cd&v", "vld", "d66", "part", "lgbt", "homo", "lesbi", "bisex", "biseks", "transgender",
                 "queer", "gay", "hetero", "hiv", "zwanger", "moederschap", "bevalling", "ouderschap", "maternity",
                 "pregnan",
                 "alleenstaande", "mijn", "my", "ik ", "i am", "i'm", "i’m", "i have", "i had", "being", "acv",
                 "abvv", "aclvb", "fnv", "cnv")


def special_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each special category of personal data (SPECIAL) in `text`."""
    lowered = text.lower()
    return [m.span() for m in SPECIAL.finditer(text)] if any(h in lowered for h in SPECIAL_HINTS) else []


# What a vacancy may not ask (the Belgian and Dutch anti-discrimination acts): an age limit, a sex, a nationality,
# a native speaker, a religion's sign, no pregnancy or children. skillfit scores none of it (an age is no years,
# a nationality no skill, "native" asks fluent) and says so when it loads the vacancy.
PROTECTED_ASK = re.compile(
    r"(?i:\b(?:max(?:imum|imaal|\.)?|hoogstens|niet ouder dan|jonger dan|younger than|not older than|under|onder de|"
    r"tussen[ \t]+\d{2}[ \t]+en|between[ \t]+\d{2}[ \t]+and)[ \t]+\d{2}[ \t]*(?:jaar|years|yrs)\b"
    r"(?![ \t]+(?:\w+[ \t]+)?(?:ervaring|werkervaring|experience|of experience))"  # "maximum 10 jaar ervaring": a cap
    r"|\b(?:born after|geboren na)[ \t]+(?:19|20)\d\d\b"
    r"|\b(?:mannelijke|vrouwelijke|male|female)[ \t]+(?:kandida(?:at|ten)|candidates?|medewerk(?:er|ster)s?|applicants?)\b"
    r"|\bnative[ \t]+(?:\w+[ \t]+)?speakers?\b|\bmoedertaal[ \t]+\w+\b"
    # "Nederlands is je moedertaal", "Dutch as their native language"; "Je bent een man", "… en mannelijk" (trials U, V)
    r"|\b(?:is|als)[ \t]+(?:je|jouw|uw|hun)[ \t]+moedertaal\b|\b(?:native|mother)[ \t]+(?:language|tongue)\b"
    r"|\b(?:bent|ben|are|be)[ \t]+(?:een[ \t]+|a[ \t]+)?(?:man|vrouw|woman|mannelijk|vrouwelijk|male|female)\b"
    r"(?![ \t]*(?:[-/]|(?:of|or|en|and|van)\b))"  # not "een man of vrouw", "een man van zijn woord"
    r"|\b(?:en|and)[ \t]+(?:mannelijk|vrouwelijk|male|female)(?=[ \t]*[.;,!\n])"
    r"|\b(?:geen|no)[ \t]+(?:hoofddoek|headscarf|hijab|kinderen|children)\b|\b(?:niet zwanger|not pregnant)\b"
    r"|\bjong(?:e)?[ \t]+(?:en[ \t]+dynamisch(?:e)?[ \t]+)?team\b)"
    r"|\b[A-Z][a-zé]+[ \t]+(?i:nationaliteit|nationality)\b")


def protected_asks(text: str) -> list[str]:
    """The phrases of a vacancy that ask for a protected attribute ("max 30 jaar", "mannelijke kandidaat")."""
    return list(dict.fromkeys(" ".join(m.group().split()) for m in PROTECTED_ASK.finditer(text)))
# Where the person lives and banks: a street and number, a postcode, an IBAN (dropped as skills, e.g. "221B Baker
# Street" as bakers; never in evidence)
_NUMBER = r"(?!(?:19|20)\d\d\b)\d{1,4}"  # a house number, not a year ("Amsterdam 2018", "2019 IT Manager")
# A street and number: "Kerkstraat 12", "Sint-Pietersnieuwstraat 33", "Grote Markt 1", "Rue de la Loi 16", "221B Baker
# Street", and "14 Baker Drive, Leeds" (a street type that is also a word only after one or two names and before a
# comma and a town or the line's end: not "2 TB Google Drive, SharePoint", "10 Day Month End Close, with SAP"). A
# postcode before a town: Dutch ("3581 AB Utrecht", letters as PostNL uses them, not a year, not after a standard's
# name or a hyphen: "ISO 9001 QA Auditor", "NEN-3140 VP"), Belgian after a comma ("…, 9000 Gent", "B-2000
# Antwerpen"), British ("NW1 6XE"). A street's word starts at a word's start, so "A-A-A-…" is looked at once.
_DUTCH_POSTCODE_LETTERS = "[A-EGHJ-NPR-TV-XZ]"
ADDRESS = re.compile(
    r"(?<![\w'’-])[A-Z]\w*(?:-[A-Za-z]\w*)?(?:straat|laan|weg|plein|dreef|lei|steenweg|kade|gracht|singel|dijk|pad|hof|markt"
    r"|baan|dam)[ \t]+" + _NUMBER + r"[a-zA-Z]?\b"
    r"|\b[A-Z][a-z]+[ \t]+(?:Markt|Plein|Straat|Laan|Dreef|Kaai|Kade|Steenweg)[ \t]+" + _NUMBER + r"\b"
    r"|\b(?:Rue|Avenue|Chaussée|Boulevard|Place|Quai)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?" + _NUMBER + r"\b"
    r"|\b" + _NUMBER + r"[A-Z]?[ \t]+(?:[A-Z][\w'-]+[ \t]+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Boulevard)"
    r"|\b" + _NUMBER + r"[A-Z]?[ \t]+(?:[A-Z][a-z][\w'-]*[ \t]+){1,2}(?:Drive|Way|Close|Court|Place|Square|Crescent|Gardens)"
    r"(?=[ \t]*(?:,[ \t]*[A-Z]|\n|$))"
    r"|(?<![A-Z][A-Z] )(?<![A-Z]{3} )(?<![A-Z]{4} )(?<![\w-])(?!(?:19|20)\d\d\b)[1-9]\d{3}[ \t]?"
    + _DUTCH_POSTCODE_LETTERS + "{2}" + r"\b(?=[ \t]+[A-Z][a-z])"
    r"|(?<=, )(?:B-)?(?!(?:19|20)\d\d\b)[1-9]\d{3}(?=[ \t]+[A-Z][a-z]+(?:[ \t,.;)]|$))|\bB-[1-9]\d{3}\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}\b|\b(?:Postbus|P\.?O\.? Box)[ \t]+\d{1,6}\b", re.M)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \t-]?[A-Z0-9]{4}){2,7}(?:[ \t-]?[A-Z0-9]{1,3})?\b")  # "BE68-5390-0754-7034" too
# Where a sentence says where the person lives ("Ik woon op de Meir 50", "I live at 15 Elm Grove"): the rest of its
# clause; and identity document numbers after their name
LIVES_AT = re.compile(r"(?P<lead>(?i:\b(?:ik woon|wij wonen|woonachtig|i live|we live|living)[ \t]+(?:op|in|aan|at|on|"
                      r"te)[ \t]+))[^,.;\n]{1,60}")
IDENTITY_NUMBER = re.compile(r"(?i:\b(?:paspoort|passport|identiteitskaart|id card|national insurance|ni)"
                             r"(?:[ \t]*(?:nummer|number|nr\.?|no\.?))?[ \t]*:?[ \t]*)[A-Z]{1,2}[ \t]?\d[\d \t]{4,10}[A-Z0-9]?\b")
# "kees[at]vandenberg[dot]nl", "kees (at) example (dot) com": an e-mail address written against spam robots
# ... or "svdb88 [at] gmail.com", "jo90 at gmail dot com"
OBFUSCATED_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}[ \t]?[\[(]at[\])][ \t]?[\w-]{1,63}"
                              r"(?:(?:[ \t]?[\[(]dot[\])][ \t]?|\.)[\w-]{1,63}){1,8}"
                              r"|(?<![\w.+-])[\w.+-]{1,64}[ \t]+at[ \t]+[\w-]{1,63}(?:[ \t]+dot[ \t]+[a-z]{2,10}){1,4}\b", re.I)
# A web address: a profile's handle or a personal site often spells the name
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\],;]{1,300}"
                 r"|(?<![\w.-])(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|instagram\.com|facebook\.com|"
                 r"behance\.net|medium\.com)/[^\s<>\"')\],;]{0,300}", re.I)  # not "ASP.NET/C#"
# A postcode and its town after "in"/"te" or a comma ("Ik woon in 9000 Gent", ", 1012 AB Amsterdam"); not a year
# ("in 2019 Microsoft"), nor a model number ("ISO 9001 Lead", "Cisco 2960 Switches")
POSTCODE_TOWN = re.compile(r"(?P<lead>(?:\b(?i:in|te)|,)[ \t]+)(?!(?:19|20)\d\d\b)[1-9]\d{3}[ \t]?(?:[A-Z]{2}[ \t]+)?"
                           r"[A-Z][a-zé]+(?:-[A-Z][a-zé]+)?\b")


OBFUSCATED_AT = re.compile(r"[\[(]at[\])]|[ \t]at[ \t]+[\w-]+[ \t]+dot[ \t]", re.I)
DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4)  # the personal and occupations stages ask for the same CV's spans several times
def private_spans(text: str, special: bool = True) -> tuple[tuple[int, int], ...]:
    """[start, end) of protected attributes stated in prose, addresses and bank accounts anywhere in `text`, and
    (`special`) the special categories of a person's data (SPECIAL: a CV's, not a vacancy's, and not a job held:
    an imam's job is his job)."""
    spans = [m.span() for m in PROTECTED.finditer(text)] + (special_spans(text) if special else [])
    # An address or IBAN lies on one line and holds a digit: only such lines are searched (most lines have none)
    for start, end in _lines_with_digits(text):
        spans += [m.span() for pattern in (ADDRESS, IBAN) for m in pattern.finditer(text, start, end)]
    if OBFUSCATED_AT.search(text):
        spans += [m.span() for m in OBFUSCATED_EMAIL.finditer(text)]
    return tuple(spans)


def _lines_with_digits(text: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each line of `text` that holds a digit, in order."""
    position = 0
    while digit := DIGIT.search(text, position):
        start = text.rfind("\n", 0, digit.start()) + 1
        end = text.find("\n", digit.end())
        end = len(text) if end < 0 else end
        yield start, end
        position = end + 1


@lru_cache(maxsize=4)  # the personal and occupations stages and the rows ask for the same CV's words
def name_words(text: str) -> frozenset[str]:
    """Words that identify the person: the words of the CV's name line and the parts of e-mail addresses and
    profile links. Not a name's particles ("de", "van", "der" of "Sanne de Vries"; "Le", "Van", "Du" of "Le Thi
    Hoa", "Nguyen Van Minh"): they are everyday words, and redacting them in every sentence would make evidence
    unreadable; `redact` removes them where they stand next to the name's own words."""
    words: set[str] = set()
    line = name_line(text)
    if line:
        words |= set(HYPHENATED_WORD.findall(line))
    for intro in SELF_INTRODUCTION.finditer(text, 0, SELF_INTRODUCTION_REACH):  # "Ik ben Sarah, 19 jaar, …"
        named = HYPHENATED_WORD.findall(intro.group("named") or intro.group("aged") or intro.group("third"))
        if NATIONALITIES.isdisjoint(w.casefold() for w in named) \
                and not (intro.group("third") and not _names_a_person(named, intro.group("what"))):
            words |= set(named)
    for email in EMAIL.findall(text):  # not a shared mailbox's ("service@acme.be": no name)
        words |= {part for part in re.split(r"[._+-]", email.split("@")[0]) if len(part) > 2
                  and part.casefold() not in SHARED_MAILBOXES}
    for email in OBFUSCATED_EMAIL.findall(text):
        words |= {part for part in re.split(r"[._+-]", re.split(r"[ \t]?[\[(]", email)[0]) if len(part) > 2}
    for handle in PROFILE_URL.findall(text):
        words |= {part for part in re.split(r"[._-]", handle) if len(part) > 2 and not any(c.isdigit() for c in part)}
    joined = {w.casefold() for w in words if len(w) > 4}
    if joined:  # windows around each particle: "(Tom) El Amrani", not "Indeed Apply" of indeedapply@
        found = HYPHENATED_WORD.findall(text.casefold())
        for k in [k for k, w in enumerate(found) if w in NAME_PARTICLES]:
            for i in range(max(0, k - 1), k + 1):
                for n in range(2, JOINED_WORDS + 1):
                    window = found[i:i + n]
                    if k < i + n and "".join(window) in joined:
                        words |= set(window)
    return frozenset(w.casefold() for w in words) - NAME_PARTICLES


def name_line(text: str) -> str | None:
    """The line holding the person's name: the first line that is not a CV header ("Curriculum Vitae")
    and looks like a name (two to four capitalised words, no digits); None when the top lines are not. A name set
    on two lines, as designed CVs do ("Tom" / "Visser" in a sidebar), is returned as it stands, line break and all."""
    from pipeline.kind import CV_HEADINGS, VACANCY_HEADINGS  # here: kind imports this module

    lines = [ln.strip(" \t\ufeff#*|") for ln in text.splitlines() if ln.strip(" \t\ufeff#*|")][:5]
    below_details = False
    for n, line in enumerate(lines[:4]):
        if len(line) > MAX_NAME_LINE:
            return None
        if CV_HEADER.fullmatch(line) or PERSONAL_HEADING.fullmatch(line) or PHOTO_LINE.fullmatch(line):
            continue
        if n + 1 < len(lines) and _first_name_alone(line, lines[n + 1]):  # "Tom" / "Visser"
            split = re.search(rf"{re.escape(line)}[ \t]*\r?\n[ \t]*{re.escape(lines[n + 1])}", text)
            if split:
                return split.group()
        sender = SENDER.match(line)
        if sender and not _a_persons_mail(sender):
            continue  # a job board forwarding the CV: the name is below
        if MAIL_HEADER.match(line):
            continue
        line = sender.group("name") if sender else line
        line = CV_HEADER_BEFORE.sub("", line, count=1)  # "Curriculum Vitae – Jan Bakker"
        line = SURNAME_FIRST.sub(r"\2 \1", line, count=1)  # "EL AMRANI, Mohamed", "Peeters, Jan"
        line = HONORIFIC.sub("", NAME_LABEL.sub("", line, count=1), count=1)  # "Naam: Tim Bakker", "Dhr. Tim Bakker"
        line = DEGREE_AFTER.sub("", line)
        line = NAME_THEN_TITLE.split(line, maxsplit=1)[0]  # the title after the name is not part of it
        if _above_the_name(line):
            below_details = True
            continue
        words = line.split()
        capitalised = [w for w in words if w.lower() not in NAME_PARTICLES and not INITIAL.fullmatch(w)]
        if 2 <= len(words) and 1 <= len(capitalised) <= MAX_NAME_WORDS and not INITIAL.fullmatch(words[-1]) \
                and len(capitalised) + (len(capitalised) < len(words)) >= 2 \
                and all(NAME_WORD.fullmatch(w) for w in capitalised) and not JOB_WORDS.search(line) \
                and not _job_title(words) and line.casefold() not in CV_HEADINGS | VACANCY_HEADINGS \
                and (not below_details or _spelt_in_contacts(capitalised, text)):
            return line
        return None
    return None


def _above_the_name(line: str) -> bool:
    """Whether a top line is one a CV may put above the name: contact details or a date (anything with a digit,
    an e-mail address or a link: never a name)."""
    return any(c.isdigit() for c in line) or "@" in line or URL.search(line) is not None


def _spelt_in_contacts(words: list[str], text: str) -> bool:
    """Whether an e-mail address or a link of the text spells a word of the name, or the name's words run
    together ("jan.peeters@…", "debarghyadas.com")."""
    folded = [w.casefold() for w in words]
    parts = [p.casefold() for found in (*EMAIL.findall(text), *URL.findall(text)) for p in re.split(r"[@._+/:-]", found)]
    return any(w in parts for w in folded) or any("".join(folded) in p for p in parts if p)


def _a_persons_mail(sender: re.Match[str]) -> bool:
    """Whether a mail's sender is a person, not an organisation's mailbox: the address is no shared mailbox
    ("service@", "jobs@") and its domain holds no word of the name unless the local part is one ("indeedapply@indeed.com"
    is a job board; "jan@peeters.be" is Jan Peeters)."""
    words = {w.casefold() for w in HYPHENATED_WORD.findall(sender.group("name"))} - NAME_PARTICLES
    local, domain = sender.group("local").casefold(), sender.group("domain").casefold()
    parts = set(re.split(r"[._+-]", local))
    return not parts & SHARED_MAILBOXES and (bool(parts & words) or not any(w in domain for w in words))


def _first_name_alone(line: str, below: str) -> bool:
    """Whether `line` is a first name alone and `below` the rest of the name: one name word, then up to three
    (particles included), no heading ("Vaardigheden" / "Java – 5 jaar" is no name) and no job title above a
    name ("Schilder" / "Piet Jansen")."""
    from pipeline.kind import CV_HEADINGS, VACANCY_HEADINGS  # here: kind imports this module
    from pipeline.occupations import lexicon

    rest = below.split()
    job = any(line.casefold() in labels for labels in lexicon().groups.values())  # "Schilder" / "Piet Jansen"
    return NAME_WORD.fullmatch(line) is not None and 1 <= len(rest) <= 3 and not job \
        and all(NAME_WORD.fullmatch(w) or w.lower() in NAME_PARTICLES for w in rest) \
        and not {line.lower(), below.lower()} & (CV_HEADINGS | VACANCY_HEADINGS) \
        and name_line(f"{line} {below}") == f"{line} {below}"


def _job_title(words: list[str]) -> bool:
    """Whether a name-like line is a job title: all its words are words of ESCO's job titles and one is a head
    noun no surname is ("CUSTOMER SERVICE ADVOCATE", "AVIATION MECHANIC"; not "Jan Kok", "Hunter Baker")."""
    from pipeline import job_titles, titles  # here: both import modules that import this one

    keys = [job_titles.key_of(w) for w in words]
    return all(job_titles.is_title_word(k) for k in keys) and any(k in titles.MORE_ROLE_WORDS for k in keys)


def redact(sentence: str, names: Set[str], private: bool = False) -> str:
    """A sentence without e-mail addresses, phone numbers, dates of birth and the person's name, its particles
    included where they stand next to its words ("Sanne [name] [name]" for "Sanne de Vries", not "de" elsewhere);
    `private` (a CV's): nor addresses, bank accounts and protected attributes stated in prose (PROTECTED), and
    none of it where it holds a special category (SPECIAL: WITHHELD)."""
    if private and special_spans(sentence):
        return WITHHELD
    if private:  # first: an IBAN's digits would read as a phone number
        sentence = OBFUSCATED_EMAIL.sub("[email]", IBAN.sub("[iban]", ADDRESS.sub("[address]", sentence)))
        sentence = POSTCODE_TOWN.sub(r"\g<lead>[address]", URL.sub("[url]", sentence))
        sentence = IDENTITY_NUMBER.sub("[id]", LIVES_AT.sub(r"\g<lead>[address]", sentence))
        sentence = PROTECTED.sub("[personal]", sentence)
    sentence = PHONE.sub(_phone, EMAIL.sub("[email]", BIRTH_DATE.sub("[date]", sentence)))
    if names:
        sentence = HYPHENATED_WORD.sub(lambda m: "[name]" if m.group().casefold() in names else m.group(), sentence)
        for _ in range(MAX_PARTICLES):  # "van der [name]": one particle a round (bounded: linear on any input)
            joined = PARTICLE_BY_NAME.sub("[name]", sentence) if "[name]" in sentence else sentence
            if joined == sentence:
                break
            sentence = joined
    return sentence


def _names_a_person(words: list[str], what: str) -> bool:
    """Whether "<words> is a <what>" says who a person is: a role noun in what follows ("… is a sales executive", "…
    is een ervaren boekhouder"; not "Power BI is a tool", "Customer Service is a passion"), and no job noun or
    seniority before the last of the words ("Senior Accountant is a …"; the last may be a surname that is one too:
    "John Smith")."""
    from pipeline.titles import role_words  # here: titles imports the stages, which import this module

    roles = role_words()
    jobs = roles | {"senior", "junior", "medior", "lead", "chief", "head", "hoofd"}
    return not any(w.casefold() in jobs for w in words[:-1]) \
        and any(w.casefold() in roles for w in re.findall(r"[^\W\d_]+", what))


def _phone(found: re.Match[str]) -> str:
    return "[phone]" if sum(c.isdigit() for c in found.group()) >= PHONE_DIGITS else found.group()
