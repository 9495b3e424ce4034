"""Keep personal data out of the skills: a CV's name, address, nationality or age is never a skill.

Without this stage "Nationality: Dutch" would count as the language Dutch, a candidate named Patience
would get the soft skill patience and one living in Sale the hard skill sales: protected attributes
would change the score. Dropped: mentions on the CV's name line, on a protected attribute stated in prose ("een
63-jarige Turkse man", "arbeidsgehandicapt"), an address or a bank account (in a vacancy too: "arbeidsgehandicapte
kandidaten zijn welkom" asks for nothing), in its references section (referees are other
people: their names and contact lines are not kept in any evidence sentence), in personal-data lines ("Address:",
"Nationality:", "Leeftijd:"… — after a list separator on an age or contact line the rest counts again:
"Leeftijd: 58 jaar, rijbewijs B" keeps the licence), and words of the person's name elsewhere. A town
named in running text ("lives in Sale") is not recognised.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.model import Document
from pipeline.personal_data import name_line, name_words, private_spans

PERSONAL_LINE = re.compile(
    r"^[ \t•*-]*(name|naam|voornaam|achternaam|full name|address|adres|woonplaats|domicilie|residence|"
    r"nationality|nationaliteit|citizenship|herkomst|origin|date of birth|birth ?date|geboortedatum|geboren|born|"
    r"place of birth|geboorteplaats|pronouns|voornaamwoorden|gender|geslacht|sex|marital status|burgerlijke staat|"
    r"e-?mail|phone|telephone|tel|telefoon|gsm|mobile|mobiel|age|leeftijd|references?|referees?|referenties?|"
    r"referentiepersonen|contact ?person|contactpersoon|iban|bank ?account|bankrekening(?:nummer)?|rekeningnummer|"
    r"bsn|rijksregisternummer|national (?:register|insurance) number|religion|religie|godsdienst|"
    r"children|kinderen)\b[ \t]*[:\-–]"
    # by a colon only ("Foto- en videobewerking:", "Health-and-safety" are skills), and not in a skills section
    # ("Skills / Photo: Lightroom, Photoshop"): see personal_spans
    r"|^[ \t•*-]*(?:(health|gezondheid|gezondheidstoestand)|(photo|foto|pasfoto))[ \t]*:", re.I | re.M)
# A CV's references section names other people (referees) and their contact details, never the candidate's skills.
REFERENCE_HEADING = re.compile(r"\W*(references?|referees?|referenties?|referentiepersonen)\b", re.I)
SEPARATOR = re.compile(r"[,;|·•\t]")  # a tab: the next cell of a table row
# Keys whose value is short, so what follows a separator on the same line is something else
# ("Leeftijd: 58 jaar, rijbewijs B"); an address or a name runs to the end of its line.
SHORT_VALUES = re.compile(r"age|leeftijd|date of birth|birth ?date|geboortedatum|geboren|born|e-?mail|phone|"
                          r"telephone|tel|telefoon|gsm|mobile|mobiel", re.I)


def personal_spans(text: str, skill_lines: Callable[[int], bool] = lambda offset: False) -> list[tuple[int, int]]:
    """[start, end) of the personal values: from a personal-data key to the end of its line or first separator
    (a photo or health line's value too, unless `skill_lines` says its offset is in a list of skills)."""
    spans = []
    for m in PERSONAL_LINE.finditer(text):
        if m.group(1) is None and skill_lines(m.start()):
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        short = m.group(3) or (m.group(1) and SHORT_VALUES.fullmatch(m.group(1)))  # "Foto: zie bijlage, rijbewijs B"
        sep = SEPARATOR.search(text, m.end(), line_end) if short else None
        spans.append((m.start(), sep.start() if sep else line_end))
    return spans


def drop_personal_data(doc: Document) -> Document:
    """Stage: remove CV mentions that are really the person's name, address, nationality or age; in a vacancy,
    those on a protected attribute ("arbeidsgehandicapt en Wajong kandidaten zijn welkom" asks for no skill)."""
    if not doc.mentions:
        return doc
    if doc.kind != "cv":
        private = private_spans(doc.text, special=False)  # a vacancy states no person's special data
        kept = tuple(m for m in doc.mentions if not any(s < m.end and m.start < e for s, e in private))
        return doc if len(kept) == len(doc.mentions) else doc.replace(mentions=kept)
    spans = personal_spans(doc.text, lambda offset: (section := doc.section_at(offset)) is not None
                           and section.kind == "skills")
    spans += [(s.start, s.end) for s in doc.sections if s.heading and REFERENCE_HEADING.match(s.heading)]
    line = name_line(doc.text)
    if line:
        start = doc.text.find(line)
        spans.append((start, start + len(line)))
    names = name_words(doc.text)
    private = private_spans(doc.text)  # overlapping, not only starting in: "Turkse man" holds no skill
    kept = tuple(
        m for m in doc.mentions
        if not any(s <= m.start < e for s, e in spans) and not any(s < m.end and m.start < e for s, e in private)
        and not (names and m.text[:1].isupper() and set(m.text.casefold().split()) <= names)
    )
    return doc if len(kept) == len(doc.mentions) else doc.replace(mentions=kept)


drop_personal_data.name = "personal"  # type: ignore[attr-defined]
