"""Is a text a CV or a vacancy? A small logistic model over what a recruiter sees at a glance.

A vacancy addresses the reader ("you will", "je bent", "jouw profiel") and speaks for an employer ("we offer",
"wij bieden", "our client"); a CV speaks in the first person or in verbless lines, lists dated jobs ("01/2016 to
03/2018", "2019 – heden"), opens with a contact block and has CV headings (Skills, Highlights, Accomplishments,
Werkervaring, Opleiding). Each of `FEATURES` counts one such sign per 100 words (log-scaled, so one long
document does not outweigh the rest); the weights in `kind_model.json` were fitted by `bench/train_kind.py`
on public resumes and job ads (never on the real-document test part or on real-ads-sample).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pipeline.personal_data import EMAIL  # linear on any text

MODEL_PATH = Path(__file__).with_name("kind_model.json")
META_KEY = "kind_confidence"  # Document.meta: how sure the kind is (1.0 when given by the caller or the folder)
SURE = 0.8  # below this probability of its own kind, a guess is reported as unsure
DOUBT_KEY = "reads_like_cv"  # Document.meta: a file in a vacancies folder that the classifier is sure is a CV
VACANCY_DOUBT_KEY = "reads_like_vacancy"  # ... and one in a CVs folder that it is sure is a vacancy
# A text shorter than this many words is weak evidence whatever it says: its bias is shrunk, and its guess is never
# sure (a line such as "Python and SQL" is neither a CV nor a vacancy yet).
FULL_EVIDENCE_WORDS = 120
HEAD_CHARS = 20_000  # a kind shows in the first pages; the rest of a long document only costs time

MONTH = (r"(?:jan|feb|febr|mar|mrt|maa|apr|may|mei|jun|jul|aug|sep|sept|oct|okt|nov|dec)[a-z]*\.?|"
          r"(?:january|february|march|april|june|july|august|september|october|november|december|januari|"
          r"februari|maart|juni|juli|augustus|oktober)")
_DATE = rf"(?:(?:{MONTH})\s*'?(?:19|20)\d\d|\d{{1,2}}\s*[/.-]\s*(?:19|20)\d\d|(?:19|20)\d\d)"
_UNTIL = r"(?:present|current|now|today|date|heden|nu|huidig|vandaag|ongoing|lopend)"
DATE_RANGE = re.compile(rf"\b{_DATE}\s*(?:-|–|—|to|tot|until|t/m|>)\s*(?:{_DATE}|{_UNTIL})\b", re.I)
YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{2,4}\)?[\s./-]?){2,4}\d{2,4}")

SECOND_PERSON = {"you", "your", "you'll", "you're", "you've", "yourself", "je", "jij", "jou", "jouw", "uw", "jezelf",
                 "you’ll", "you’re", "you’ve"}
EMPLOYER_WE = {"we", "wij", "our", "us", "ons", "onze", "we're", "we’re", "we'll", "we’ll", "ours"}
FIRST_PERSON = {"i", "my", "me", "i'm", "i’m", "i've", "i’ve", "ik", "mijn", "mij", "myself"}
FUTURE = {"will", "zal", "zult", "zullen", "gaat"}

CV_HEADINGS = {
    "summary", "professional summary", "executive summary", "career summary", "summary of qualifications",
    "skills", "skill highlights", "highlights", "accomplishments", "achievements", "experience", "work experience",
    "professional experience", "work history", "employment history", "career history", "relevant experience",
    "education", "education and training", "academic background", "certifications", "certificates",
    "licenses", "interests", "hobbies", "languages", "references", "core qualifications", "qualifications summary",
    "technical skills", "key skills", "core competencies", "personal details", "personal information",
    "contact", "contact information", "additional information", "career overview", "professional profile",
    "affiliations", "publications", "volunteer experience", "awards", "projects", "objective", "career objective",
    "werkervaring", "beroepservaring", "opleiding", "opleidingen", "opleiding en training", "vaardigheden",
    "competenties", "talen", "talenkennis", "persoonlijke gegevens", "personalia", "hobby's", "interesses",
    "cursussen", "certificaten", "referenties", "loopbaan", "persoonlijk profiel", "over mij",
    "computervaardigheden", "it-kennis", "rijbewijs", "vrijwilligerswerk", "nevenactiviteiten", "stages",
    "werkgeschiedenis", "kerncompetenties", "samenvatting", "contactgegevens",
}
VACANCY_HEADINGS = {
    "about us", "about the role", "about the job", "about you", "about the company", "company description",
    "job description", "role description", "the role", "your role", "the job", "your profile",
    "requirements", "qualifications", "responsibilities", "key responsibilities", "your responsibilities",
    "what you will do", "what you'll do", "what you’ll do", "what we offer", "what we expect",
    "what you bring", "what you'll bring", "who you are", "who we are", "benefits", "our offer", "we offer",
    "what's in it for you", "nice to have", "must have", "preferred qualifications", "minimum qualifications",
    "basic qualifications", "job requirements", "perks", "how to apply", "the opportunity", "your tasks",
    "wat bieden wij", "wat bieden we", "ons aanbod", "aanbod", "jouw profiel", "je profiel",
    "functieomschrijving", "functie-eisen", "functievereisten", "wat ga je doen", "wat ga jij doen",
    "wat vragen wij", "wat vragen we", "wat verwachten we", "wat verwachten wij", "wie ben jij", "wie zijn wij",
    "over ons", "jouw taken", "taken", "de functie", "functie", "jouw functie", "wat breng je mee", "wie zoeken wij",
    "wie zoeken we", "arbeidsvoorwaarden", "wat krijg je", "wat krijg je ervoor terug", "dit bieden wij",
    "solliciteren", "interesse", "vereisten", "het bedrijf", "onze klant", "jouw rol", "wat neem je mee",
}
VACANCY_PHRASES = re.compile(
    r"\b(?:we are looking for|we're looking for|we’re looking for|we are seeking|we are hiring|we're hiring|"
    r"looking for an?|the ideal candidate|successful candidate|you will|you'll|you’ll|you are|you have|you bring|"
    r"apply|applicants?|candidates?|join (?:us|our)|our client|our team|equal opportunit\w+|salary|competitive|"
    r"benefits|full[- ]time|part[- ]time|permanent contract|fixed[- ]term|job type|wij zoeken|we zoeken|"
    r"zijn wij op zoek|zijn we op zoek|op zoek naar|je bent|jij bent|ben jij|ben je|je hebt|heb je|je gaat|"
    r"je werkt|je krijgt|jouw profiel|wij bieden|we bieden|onze klant|solliciteer\w*|sollicitatie\w*|"
    r"kandida\w+|vacature\w*|voltijds|deeltijds|contract van onbepaalde duur|vast contract|maaltijdcheques|"
    r"ecocheques|salaris|loon|verloning|m/v|m/f|m/v/x|h/f|(?:m|v|f|x)/(?:m|v|f|x)/(?:m|v|f|x))",
    re.I)
CV_PHRASES = re.compile(
    r"\b(?:curriculum vitae|resume|résumé|date of birth|geboortedatum|geboren|place of birth|nationality|"
    r"nationaliteit|marital status|burgerlijke staat|references available|referenties op aanvraag|"
    r"available upon request|op aanvraag|company name|city\s*,\s*state|present|heden|tot heden|"
    r"responsible for|verantwoordelijk voor|gpa|graduated|afgestudeerd|diploma behaald|stage bij|"
    r"internship|hobby's|hobbies|rijbewijs b)\b", re.I)
# The case-insensitive patterns above, for lower-cased text: the same matches, two or three times faster.
LOWER = {p: re.compile(p.pattern) for p in (DATE_RANGE, VACANCY_PHRASES, CV_PHRASES)}
PAST_LINE = re.compile(r"^\W{0,3}(?:[A-Z][a-z]+ed|[A-Z][a-z]+(?:de|te))\b", re.M)


@dataclass(frozen=True)
class KindGuess:
    """The kind a text most likely is, and the model's probability of that kind (0.5 to 1)."""

    kind: Literal["cv", "vacancy"]
    confidence: float

    @property
    def sure(self) -> bool:
        """Whether the guess is confident enough to use without a warning."""
        return self.confidence >= SURE


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _heading_key(line: str) -> str:
    return line.replace("\\", "").strip(" \t#*_=-•·|:").rstrip(":?!").strip(" \t*_").lower().replace("’", "'")


def features(text: str) -> dict[str, float]:
    """The signs `FEATURES` names, measured on `text` (rates per 100 words, log-scaled)."""
    return _measure(text)[0]


def _measure(text: str) -> tuple[dict[str, float], int]:
    """`features(text)`, and how many words the head of the text has (the evidence behind them)."""
    head = text[:HEAD_CHARS]
    words = LETTER_WORD.findall(head)
    lowered = [w.lower() for w in words]
    per = 100.0 / max(len(words), 50)  # short texts: counts stay counts rather than inflating to rates
    lines = _lines(head)
    keys = [_heading_key(line) for line in lines if len(line) <= 60]

    def rate(count: float) -> float:
        return math.log1p(count * per)

    first = head[:400]
    lower = head.lower()
    same = len(lower) == len(head)  # lower-casing kept every length: counts on it are the same

    def count(pattern: re.Pattern[str]) -> int:
        return len(LOWER[pattern].findall(lower) if same else pattern.findall(head))

    return {
        "second_person": rate(sum(w in SECOND_PERSON for w in lowered)),
        "employer_we": rate(sum(w in EMPLOYER_WE for w in lowered)),
        "first_person": rate(sum(w in FIRST_PERSON for w in lowered) + sum(w == "I" for w in words)),
        "future": rate(sum(w in FUTURE for w in lowered)),
        "date_ranges": math.log1p(count(DATE_RANGE)),
        "years": rate(len(YEAR.findall(head))),
        "cv_headings": math.log1p(sum(k in CV_HEADINGS for k in keys)),
        "vacancy_headings": math.log1p(sum(k in VACANCY_HEADINGS for k in keys)),
        "vacancy_phrases": rate(count(VACANCY_PHRASES)),
        "cv_phrases": rate(count(CV_PHRASES)),
        "contact_on_top": float(bool(EMAIL.search(first) or PHONE.search(first))),
        "past_tense_lines": math.log1p(len(PAST_LINE.findall(head))),
    }, len(words)


FEATURES: tuple[str, ...] = tuple(features("x"))


@cache
def _model() -> tuple[dict[str, float], dict[str, float], float]:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return data["weights"], data["scale"], data["bias"]


def vacancy_probability(text: str, model: Callable[[], tuple] | None = None) -> float:
    """The model's probability that `text` is a vacancy: for a short text, from the signs it shows (0.5 for one that
    shows none)."""
    weights, scale, bias = (model or _model)()
    found, n_words = _measure(text)
    evidence = min(1.0, n_words / FULL_EVIDENCE_WORDS)
    if evidence < 1.0 and not any(found.values()):
        return 0.5  # "Python and SQL": nothing to go on (a long text without a CV's signs is a vacancy, though)
    # the bias says "no CV signs: a vacancy", which a few words cannot show: it is shrunk more than the signs found
    # ("I have 5 years of experience as a Java developer" was a vacancy, its first person outweighed by the bias;
    # power 0.75 chosen on the short real ads of the dev part, which stay vacancies)
    score = bias * evidence ** 0.75 + sum(weights[name] * value / scale[name] for name, value in found.items())
    p = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, score))))
    # ... and a short text is a sure guess only from about 43 words ("Summer job June 2025 - August 2025: warehouse
    # assistant …" has a CV's date range and is a vacancy)
    cap = 0.5 + 0.5 * math.sqrt(evidence)  # sure (0.8) from about 43 words
    return min(cap, max(1.0 - cap, p))


def guess_kind(text: str) -> KindGuess:
    """`cv` or `vacancy` from the text alone, with the model's confidence in it (a tie is `cv`)."""
    p = vacancy_probability(text)
    return KindGuess("vacancy", round(p, 3)) if p > 0.5 else KindGuess("cv", round(1.0 - p, 3))
