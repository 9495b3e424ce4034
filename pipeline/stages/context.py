"""Drop mentions whose words name something other than a skill the person has or the role asks for.

A recruiter reads these as no skill at all (tests/eval/README.md, annotation guidelines), and so does this
stage; each rule came from errors on the real-document dev part:
- in a CV, "Master of Business Administration": a degree;
- "National Society for Human Resources Management": an organisation;
- "Vice President of Sales", "Talent Acquisition Specialist", "the Sales team": job titles and units;
- "**Job Description**": a heading;
- "apply through our recruitment system": the application procedure;
- in a vacancy, "we value innovation", "a collaborative culture", soft skills in its company or offer text:
  the employer describing itself.
"""

from __future__ import annotations

import re

from pipeline.model import Document, Mention
from pipeline.taxonomy import Taxonomy

# "Bachelor of Science : Business Administration", "MBA in Finance", "BA in Business Administration",
# "Master in de Rechten", "diploma Bedrijfsbeheer": the rest of the line after a degree word names the degree.
DEGREE = re.compile(  # MS, MA, BS, BA without dots are Microsoft, Master's-or-not, …: only dotted forms count
    r"\b(?:bachelor(?:'?s)?|masters?|master's|associate(?:'?s)?|doctor(?:ate)?|ph\.?d\.?|mba|bba|b\.?sc\.?|m\.?sc\.?|"
    r"b\.s\.|m\.s\.|b\.a\.|m\.a\.|degree|diploma|graduaat|licentiaat|bso|tso|kso|aso|vmbo|mbo|hbo)(?!\w)"
    r"(?: (?:of|in|degree in|of science|of arts|in de|in het|of applied science)\b)?[^\n.;|]{0,80}", re.I)
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
                         r"coördinator|coordinator)[ \t]+)$", re.I)
# "National Society for Human Resources Management", "Fashion Institute of Design & Merchandising": a run of
# capitalised words (and of/for/&/van/voor) holding an organisation noun is a name, whatever skill words it has.
ORGANISATION = re.compile(r"\b(Society|Association|Institute|University|Universiteit|Hogeschool|College|School|Council|"
                          r"Foundation|Stichting|Ministry|Ministerie|Agency|Academy|Federation|Vereniging|Federatie)\b")
NAME_RUN = re.compile(r"(?:[A-Z][\w'&.-]*|of|for|and|&|van|voor|de|der)(?:[ \t]+(?:[A-Z][\w'&.-]*|of|for|and|&|van|voor|de|der))+")
# "een mensgerichte KMO", "a collaborative culture", "ambitious colleagues": a quality of the employer, its people
# or the job, not one asked of the candidate.
EMPLOYER_NOUN = re.compile(
    r"[\w ,'-]{0,25}?\b(kmo|bedrijf|onderneming|organisatie|werksfeer|sfeer|omgeving|werkomgeving|functie|job|team|teams|"
    r"collega's|collega|mensen|company|companies|environment|environments|organisation|organization|workplace|culture|"
    r"cultuur|colleagues|people|atmosphere|role|projects|projecten|werkgever|employer)\b(?![ \t-]*(player|speler))", re.I)
# A vacancy's application procedure ("apply through our recruitment system", "during the hiring process")
# talks about the applicant, not about the work.
APPLICATION = re.compile(r"\b(apply|applying|applicant|applicants|application process|sollicit\w*|"
                         r"privacy (policy|statement|notice)|recruitment privacy)\b", re.I)
EMPLOYER_SENTENCE = re.compile(r"[\s*\\-•·]*(we|we're|our|wij|onze|ons|here at|at [A-Z]\w+,|bij [A-Z]\w+)\b", re.I)
ASKS = re.compile(r"\b(looking for|look for|seek|seeking|search|need|expect|require|ask|want|you|your|zoeken|zoekt|"
                  r"nodig|verwachten|vragen|verlangen|je|jij|jou|jouw|u)\b", re.I)
# A heading line: markdown emphasis or hashes around it, or a line that ends in a colon.
HEADING_LINE = re.compile(r"^[ \t]*(#{1,6}[ \t]*)?(\*\*|__)?(?P<words>[^\n*#:]{2,60}?)(\*\*|__)?[ \t]*:?[ \t]*$")
EMPLOYER_SECTIONS = {"about", "offer"}  # a vacancy's company text and what it offers


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def in_degree_name(text: str, m: Mention) -> bool:
    """The mention is part of a degree's name on its line ("Master of Business Administration")."""
    line_start, line_end = _line_bounds(text, m.start, m.end)
    return any(d.start() < m.start and m.end <= d.end() for d in DEGREE.finditer(text, line_start, line_end))


def in_organisation_name(text: str, m: Mention) -> bool:
    """The mention is part of an organisation's name ("Society for Human Resources Management")."""
    line_start, line_end = _line_bounds(text, m.start, m.end)
    return any(run.start() <= m.start and m.end <= run.end() and ORGANISATION.search(run.group())
               for run in NAME_RUN.finditer(text, line_start, line_end))


def in_job_title(text: str, m: Mention) -> bool:
    """The mention is followed by a role noun ("Sales Planner") or follows "Director of" ("VP of Sales")."""
    return bool(ROLE_AFTER.match(text, m.end) or ROLE_BEFORE.search(text, max(0, m.start - 40), m.start))


def in_application_procedure(doc: Document, m: Mention) -> bool:
    """A vacancy's sentence about applying (the procedure, not the job)."""
    if doc.kind != "vacancy":
        return False
    start = max(doc.text.rfind(".", 0, m.start), doc.text.rfind("\n", 0, m.start)) + 1
    end = min(i for i in (doc.text.find(".", m.end), doc.text.find("\n", m.end), len(doc.text)) if i >= 0)
    return bool(APPLICATION.search(doc.text, start, end))


def sentence_of(text: str, m: Mention) -> tuple[int, int]:
    """[start, end) of the sentence or list item around a mention."""
    start = max(text.rfind(c, 0, m.start) for c in ".!?\n;") + 1
    ends = [i for i in (text.find(c, m.end) for c in ".!?\n;") if i >= 0]
    return start, min(ends, default=len(text))


def employer_speaks(text: str, m: Mention) -> bool:
    """The sentence is the employer describing itself ("We value innovation", "Our culture is collaborative",
    "At AWS, it's in our nature to be curious"), not what it asks of the candidate ("We are looking for ...")."""
    start, end = sentence_of(text, m)
    return bool(EMPLOYER_SENTENCE.match(text, start, end)) and not ASKS.search(text, start, end)


def is_heading(text: str, m: Mention) -> bool:
    """The mention is a whole line marked as a heading (`**Job Description**`, `## Sales`, `Administration:`)."""
    line_start, line_end = _line_bounds(text, m.start, m.end)
    line = text[line_start:line_end]
    marked = line.lstrip().startswith(("#", "**", "__")) or line.rstrip().endswith(":")
    words = HEADING_LINE.match(line)
    return marked and words is not None and words.group("words").strip().casefold() == m.text.strip().casefold()


class DropNonSkillContexts:
    """Stage: remove mentions in degree names, job titles and headings, and a vacancy's soft skills in its
    company and offer text (the employer describing itself; its hard skills there still say what the work is)."""

    name = "context"

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def __call__(self, doc: Document) -> Document:
        if not doc.mentions:
            return doc
        text = doc.text
        kept = tuple(m for m in doc.mentions if not self.drops(doc, text, m))
        return doc if len(kept) == len(doc.mentions) else doc.replace(mentions=kept)

    def drops(self, doc: Document, text: str, m: Mention) -> bool:
        skill = self.taxonomy.skills.get(m.skill_id)
        if doc.kind == "vacancy" and skill is not None and skill.type == "soft":
            section = doc.section_at(m.start)
            if (section is not None and section.kind in EMPLOYER_SECTIONS) or employer_speaks(text, m) \
                    or EMPLOYER_NOUN.match(text, m.end):
                return True
        # In a CV a degree's field names the diploma; in a vacancy ("a bachelor in accounting") it is knowledge asked.
        # a soft skill before a role noun describes the person ("een loyale medewerker"); a hard one names the job
        hard = skill is not None and skill.type == "hard"
        return ((doc.kind == "cv" and in_degree_name(text, m)) or (hard and in_job_title(text, m))
                or is_heading(text, m) or in_organisation_name(text, m) or in_application_procedure(doc, m))
