"""A vacancy's job title, read from its text the way a recruiter finds it.

In order: a labelled line ("Job title: …", "Functie: …", "Vacature: …", or the label with the title on the next
line); a heading-like line near the top that names a role ("**Senior Data Engineer**", "Aankoper" before the
ad's first sentence); a sentence that introduces the role ("We are looking for a Data Engineer who …", "As a
DevOps Engineer at …", "Als Projectleider ben je …", "Wij zoeken een enthousiaste Aankoper om …"). A line or
phrase counts only when it holds a role noun (engineer, manager, verpleegkundige, aankoopmedewerker, …: ESCO's
one-word occupation labels in role_words.txt, and compounds ending in one), so "Company Description", "About
Us:" and a page header with a reference number are passed over. None when nothing names a role: no title,
rather than a random sentence.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pipeline.gendered import canonical
from pipeline.stages.sections import heading_kind

META_KEY = "title"  # Document.meta: a title the caller gave (a JSONL record's "title"), which wins over the text
HEAD_LINES = 40  # marked heading lines are looked for in the first lines (labelled ones, "Job title: …", anywhere)
TOP_LINES = 8  # heading-like lines in the first lines only: further down they are the ad's own sections
HEAD_CHARS = 3000  # role-introducing sentences in the first characters
MAX_WORDS = 10
ROLE_WORDS_PATH = Path(__file__).with_name("role_words.txt")
# Heads of multi-word job titles that ESCO has no one-word label for.
MORE_ROLE_WORDS = {
    "engineer", "scientist", "analyst", "analist", "developer", "consultant", "specialist", "specialiste", "lead",
    "leader", "head", "chief", "officer", "intern", "internship", "traineeship", "trainee", "stagiair", "student",
    "werkstudent", "nurse", "owner", "partner", "associate", "executive", "counsel", "advocate", "expert",
    "medewerker", "medewerkster", "verantwoordelijke", "bediende", "leidinggevende", "technician", "technicus",
    "administrator", "coordinator", "coördinator", "co-ordinator", "representative", "advisor", "adviser",
    "adviseur", "designer", "researcher", "onderzoeker", "postdoc", "phd", "fellow", "residency", "founder",
    "programmer", "tester", "auditor", "strategist", "generalist", "ambassador", "evangelist", "architect",
    "manager", "director", "assistant", "assistent", "operator", "planner", "recruiter", "teacher", "leerkracht",
    "docent", "lecturer", "technieker", "professor", "trader", "buyer", "worker", "master", "marketeer", "accountmanager",
    "operative", "attendant", "cleaner", "mechanic", "foreman", "physician", "doctor", "hygienist", "pharmacist",
    "paramedic", "caregiver", "housekeeper", "kok", "arts", "opvoeder", "juf", "poetshulp", "verzorgende",
    "afwasser", "afwasster", "kassier", "kassierster",  # Flemish shop and kitchen jobs ESCO words otherwise
    "vp", "cto", "cfo", "ceo", "coo", "cio", "ciso", "rep",
}
ROLE_SUFFIX_MIN = 5  # a word ending in a role word this long is a role too ("aankoopmedewerker")
ROLE_SUFFIX_MAX = 20  # ... up to this long ("filiaalverantwoordelijke" ends in the 17 letters of "verantwoordelijke")
TOKEN = re.compile(r"\S+")
WORDLIKE = re.compile(r"[^\W_]")
GLUED_MARK = re.compile(r"(?<=\w)(?:\*\*|__)(?=\w)")
BULLET = re.compile(r"^\s*(?:[-*•·▪●]|\d+[.)])\s")
SEPARATORS = re.compile(r"\s+(?:[-–—|•·]|//|::)\s+|\s*:\s+|,\s+")
TRAILER = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
# "M/V", "m/v/x", "(h/f)" after a title ("bakker / banketbakker M/V"): who may apply; the title is what precedes it
GENDER_MARK = re.compile(r"[(\[]?[mvfhwxd](?:/[mvfhwxd]){1,3}[)\]]?", re.I)
KEEP_IN_PARENTHESES = re.compile(r"^(?:junior|medior|senior|jr\.?|sr\.?)$", re.I)
LABEL = re.compile(
    r"^(?:job\s*title|position(?:\s+title)?|role(?:\s+title)?|job\s+role|vacancy(?:\s+title)?|functie|"
    r"functietitel|functienaam|vacature|vacaturetitel|jobtitel|job|titel|title)\s*(?::|\s[-–—|]\s|$)\s*"
    r"(?P<value>.*)$", re.I)
PREPOSITION = re.compile(r"^(?:at|bij|in|te|@|met|with|for|voor|op|within|binnen)$", re.I)
OTHER_LABEL = re.compile(r"^[^:]{1,30}:\s")  # "Type: Permanent", "Location: Utrecht"
INTRO = re.compile(
    r"(?i:\b(?:looking for|seeking|searching for|hiring(?: for)?|recruiting(?: for)?|in search of|on the lookout for)\s+"
    r"(?:(?:an?|our|two|a new|new)\s+)?|"
    r"\b(?:opportunity|opening|vacancy) for\s+(?:an?|our)\s+|"
    r"\b(?:join (?:us|our team|the team) as|work(?:ing)? as|in the role of|in (?:this|the|your) role as|"
    r"the position of|the role of|your role as)\s+(?:an?\s+|the\s+|our\s+)?|"
    r"\b(?:je|jij|u)\s+als\s+(?:nieuwe\s+|onze\s+|een\s+)?|\baan de slag als\s+(?:een\s+)?|"
    r"\bde (?:rol|functie|job) van\s+(?:een\s+)?|\b(?:experience|ervaring) as\s+an?\s+|\bervaring als\s+(?:een\s+)?|"
    r"\b(?:zoeken|zoekt|zoek)\s+(?:[\w.-]+\s+){0,3}?(?:nu\s+|momenteel\s+|dringend\s+|graag\s+)?"
    r"(?:een|twee|drie|meerdere|enkele|nog een)\s+|"
    r"\bop ?zoek naar\s+(?:een|twee|drie|meerdere|enkele|onze|nieuwe)\s+)|"
    r"\b(?:[Bb]en jij|[Bb]en je|[Aa]re you)\s+(?:een|an?)\s+(?=[A-Z])|"  # a capitalised title, not "a student"
    r"\bAs\s+(?:an?\s+|our\s+|a new\s+|(?=[A-Z]))|\bAls\s+(?:nieuwe\s+|onze\s+|een\s+)?|\bals\s+(?=[A-Z])|"
    r"(?:^|\n)[ \t]*The\s+(?=(?:[A-Z][\w-]*\s+){2,6}(?:[a-z]+s|will)\b)")  # "The Data Engineer extracts"
# ... and "as a" (counted only before an emphasised title: "as a team" is none) or "as" before a capital ("… in the
# last year of study as Sales Reporting Intern")
INTRO_OR_AS = re.compile(INTRO.pattern + r"|(?P<plain_as>\bas an?\s+)|\bas\s+(?=[A-Z][a-z])")
# Words a title does not run through: prepositions, articles, verbs, relative pronouns.
STOP = re.compile(
    r"^(?:who|that|to|with|for|at|in|on|bij|om|die|dat|voor|met|op|binnen|within|from|based|join|ter|te|uit|aan|"
    r"wie|which|where|waar|zodat|located|responsible|verantwoordelijk|het|the|een|an?|ideally|is|are|will|can|"
    r"zal|kan|zijn|wordt|word|was|were|has|have|had|m/v|m/v/x|m/f|m/f/x|h/f|or|of|who's|this|dit|deze|"
    r"capable|able|eager|ready|like|zoals|such|as|als|and|en|&)$", re.I)
# Terms of employment a heading adds after the title.
TERMS = {"contract", "freelance", "interim", "temporary", "permanent", "fulltime", "full-time", "parttime", "part-time",
         "voltijds", "deeltijds", "vacature", "vacancy", "job", "remote", "hybrid", "hybride", "internship", "stage"}
JOINERS = {"of", "van", "and", "en", "&"}  # inside a title only between two parts that are title words
HEADING_JOINERS = JOINERS | {"for", "voor"}  # "Engineer for Autonomous Systems" as a heading of its own
PRONOUN = re.compile(r"^(?:je|jij|u|you|we|wij|ze|zij|hij|ik|i)$", re.I)
SENTENCE_START = re.compile(  # a first line that runs on from the title into the ad: "Aankoper Ben jij een …"
    r"^(?:Ben|Heb|Wil|Zoek|Ken|Hou|Droom|Sta|Ga|Kan|Wij|We|Onze|Ons|Voor|Bij|Als|Jij|Je|Are|Do|Have|Would|Want|"
    r"Looking|Our|We're|Join|Is|Dit|Deze|Wat|Welkom|In)$")
ADJECTIVES = re.compile(
    r"^(?:enthousiaste?|ervaren|gedreven|gemotiveerde?|nieuwe|talented|motivated|experienced|passionate|"
    r"driven|skilled|dedicated|enthusiastic|ambitious|ambitieuze?|energieke?|dynamische?|creatieve?|"
    r"hands-on|allround|all-round|full-time|part-time|voltijdse?|deeltijdse?|highly|proactive|proactieve?|"
    r"zelfstandige?|sterke?|strong|great|brilliant|exceptional|outstanding|goede?|fulltime|parttime|"
    r"getalenteerde?|remote|hybrid|detail-oriented|and|en|&)$", re.I)

# Describing words a sentence puts before the title, commas included: "a hands-on, execution-focused data analyst".
DESCRIPTION = re.compile(
    r"^(?:(?:highly\s+|very\s+)?(?:[\w]+-(?:focused|oriented|driven|minded|savvy|on|motivated|starter)|" +
    ADJECTIVES.pattern[4:-2] + r")(?:\s*,\s*|\s+(?:and|en|&)\s+|\s+))+", re.I)


@cache
def role_words() -> frozenset[str]:
    """The nouns that name a job (lowercase): ESCO's one-word occupation labels and MORE_ROLE_WORDS, each also in
    its canonical gendered form (pipeline.gendered: "poetsvrouw" makes "poetsman" one too)."""
    lines = ROLE_WORDS_PATH.read_text(encoding="utf-8").splitlines()
    words = frozenset(w for w in lines if w and not w.startswith("#")) | MORE_ROLE_WORDS
    return words | {canonical(w) for w in words}


def is_role_word(word: str) -> bool:
    """Whether a word names a job: a role word, or a compound ending in one ("aankoopmedewerker"), in any of its
    gendered forms ("magazijnierster")."""
    word = word.lower().strip(".,;:!?()[]'’\"“”*")
    words = role_words()
    return any(w in words or any(w[-n:] in words for n in range(ROLE_SUFFIX_MIN, min(len(w), ROLE_SUFFIX_MAX + 1)))
               for w in {word, canonical(word)})


def _unmark(text: str) -> str:
    """Text without Markdown escapes and emphasis; a mark glued between two words leaves a space ("Analyst**for")."""
    return GLUED_MARK.sub(" ", text).replace("\\", "").replace("**", "").replace("__", "")


def _unmark_with_emphasis(text: str) -> tuple[str, list[tuple[int, int]]]:
    """As _unmark, and where the bold spans ("**…**", "__…__") are in the text it returns (start, end)."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pieces = re.split(r"(\*\*|__)", text.replace("\\", ""))
    size, opened = 0, None
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            plain.append(piece)
            size += len(piece)
            continue
        if pieces[i - 1][-1:].isalnum() and pieces[i + 1][:1].isalnum():  # glued between two words
            plain.append(" ")
            size += 1
        if opened is None:
            opened = size
        else:
            spans.append((opened, size))
            opened = None
    return "".join(plain), spans


def _clean(line: str) -> str:
    """A line without Markdown marks, escapes and list marks."""
    line = _unmark(line).strip().lstrip("#*_=|-•·> \t").rstrip("#*_=|-•· \t")
    return " ".join(line.split())


def _without_trailers(title: str) -> str:
    """A title without what follows it in brackets ("(Freelance)", "(m/v/x)"); "(Medior)" stays."""
    while True:
        match = TRAILER.search(title)
        if not match or KEEP_IN_PARENTHESES.match(match.group(1).strip()):
            return title.strip(" -–—|,")
        title = title[:match.start()]


def title_words(text: str, heading: bool) -> str | None:
    """The title at the start of `text`: its words up to the first that cannot be in a title (a preposition,
    a verb before a pronoun, a clause's end), holding a role word. In a heading every word until then counts;
    in a sentence the title ends at its last role word and the capitalised words right after it ("Data
    Scientist AI"), and description before a capitalised title is left out ("a highly motivated Business
    Analyst" -> "Business Analyst")."""
    words: list[str] = []
    if not heading:
        text = DESCRIPTION.sub("", text[:250])
    for token in TOKEN.findall(text[:250])[:MAX_WORDS + 6]:
        if token.startswith(("(", "[")) and not KEEP_IN_PARENTHESES.match(token.strip("()[].,;:")):
            break  # "(Freelance)", "(pre-sales)", "(m/v)"
        abbreviation = re.fullmatch(r"[A-Z][a-z]{0,2}\.", token)  # "Jr."
        word = token if abbreviation else token.strip(".,;:!?\"“”*")
        if not word:
            break
        if PRONOUN.match(word):  # "Als Projectmanager leid je": the word before the pronoun is a verb
            words = words[:-1] if not heading else []
            break
        if STOP.match(word) and not (word.lower() in (HEADING_JOINERS if heading else JOINERS) and words):
            break
        words.append(word)
        if token[-1] in ".,;:!?" and not token.endswith("."):  # a clause ends here ("Jr." does not)
            break
        if token.endswith(".") and not abbreviation:
            break
    roles = [i for i, w in enumerate(words) if is_role_word(w)]
    if not roles:
        return None
    if not heading:
        end = roles[-1] + 1
        while end < len(words) and end - roles[-1] <= 3 and (words[end][:1].isupper() or (
                words[end].lower() in JOINERS and end + 1 < len(words) and words[end + 1][:1].isupper())):
            end += 1  # "Data Scientist AI", "Werkstudent Marketing & Communicatie"
        words = words[:end]
        first_capital = next((i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit()
                              or w.startswith("(")), None)
        if first_capital is not None and any(is_role_word(w) for w in words[first_capital:]):
            words = words[first_capital:]
    while len(words) > 1 and (ADJECTIVES.match(words[0]) or words[0].lower() in ("vacature", "vacancy")):
        words = words[1:]  # "Ervaren Werfleider", "Vacature Onderhoudsmonteur"
    while words and (words[-1].lower() in JOINERS or words[-1].lower() in TERMS and any(map(is_role_word, words[:-1]))):
        words = words[:-1]  # "Data Scientist Contract", "Data Engineer Internship": the terms, not the title
    if not words or len(words) > MAX_WORDS or not any(is_role_word(w) for w in words):
        return None
    if words[0].islower():  # a title as a heading shows it: "werfleider" after "Ervaren" is "Werfleider"
        digraph = 2 if words[0].startswith("ij") else 1  # Dutch "ij" is one letter: "IJzervlechter"
        words[0] = words[0][:digraph].upper() + words[0][digraph:]
    return _without_trailers(" ".join(words))


def heading_title(line: str) -> str | None:
    """A heading-like line as a title: short, no sentence, with a role word; a subtitle after a dash, colon or
    comma goes ("Data Scientist – Insurance Innovation" is a Data Scientist), and a heading that introduces
    the role ("Your role as a Data Engineer") gives the role."""
    line = _without_trailers(_clean(line))  # "Warehouse Operator Reach Truck (Venlo, NL)": a comma inside
    if not line or line.endswith((".", "!", "?", ";")) or len(line) > 120:
        return None
    intro = INTRO.search(line)
    if intro:
        return title_words(line[intro.end():], heading=False)
    for part in SEPARATORS.split(line)[:2]:
        part = _without_trailers(part.strip())
        found = title_words(part, heading=True)
        if not found:
            continue
        words, title = part.casefold().split(), found.casefold().split()
        start = next((i for i in range(len(words)) if words[i:i + len(title)] == title), 0)
        rest = words[start + len(title):]  # after the title ("Ervaren werfleider bouwsector": none)
        # the whole part is the title, not a sentence that holds a role word; or a title and what it is about,
        # where or with whom: "Magazijnmedewerker met heftruckcertificaat", "Data Engineer at Booking"
        if not rest or all(w.lower() in TERMS or GENDER_MARK.fullmatch(w) for w in rest) \
                or (PREPOSITION.match(rest[0]) and is_role_word(found.split()[-1])):
            return found
    return None


def run_on_title(line: str) -> str | None:
    """A title that a first line runs on from into the ad's first sentence ("Aankoper Ben jij een …")."""
    words = line.split()
    for n in range(1, min(MAX_WORDS, len(words) - 2) + 1):
        starts = SENTENCE_START.match(words[n]) or (words[n].isupper() and len(words[n]) > 2
                                                    and not words[n - 1].isupper())  # "Bediende FUNCTIE …"
        if starts and is_role_word(words[n - 1]):
            return heading_title(" ".join(words[:n]))
    return None


def find_title(text: str) -> str | None:
    """The job title of a vacancy's text, or None when no line or phrase names a role."""
    every = [line for line in text.splitlines() if line.strip()]
    lines = every[:HEAD_LINES]
    for i, line in enumerate(every):  # "Job title: Data Engineer"; "Functie" with the title on the next line
        match = LABEL.match(_clean(line))
        if match:
            value = match.group("value").strip() or next((v for v in every[i + 1:i + 3] if WORDLIKE.search(v)), "")
            found = heading_title(value)
            if found:
                return found
    for n, line in enumerate(lines):  # a heading near the top; not a list item or a "Location: …" line
        cleaned = _clean(line)
        marked = line.strip().startswith(("#", "**", "__"))
        if n >= TOP_LINES and not (marked and n < HEAD_LINES):
            break
        if BULLET.match(line) or OTHER_LABEL.match(cleaned) or heading_kind(cleaned, "vacancy") or (
                n >= TOP_LINES and not line.strip().endswith(("**", "__")) and not line.strip().startswith("#")):
            continue
        found = heading_title(line)
        if found:
            return found
    if lines:
        found = run_on_title(_clean(lines[0]))
        if found:
            return found
    head, emphasised = _unmark_with_emphasis(text[:HEAD_CHARS])
    starts = {start + len(head[start:end]) - len(head[start:end].lstrip()): end for start, end in emphasised}
    for intro in INTRO_OR_AS.finditer(head):
        # an emphasised phrase right after the intro is the title, whole: "join Danone as **GenAI Lab Technical
        # Lead**"; a plain "as a" counts only then (it also says "as a team")
        end = starts.get(intro.end())
        found = heading_title(head[intro.end():end]) if end is not None and end - intro.end() <= 120 else None
        if not found and not intro.group("plain_as"):
            found = title_words(head[intro.end():], heading=False)
        if found:
            return found
    return None
