#!/usr/bin/env python3
"""Build an evidence-based ESCO vocabulary layer: taxonomy/esco_attested.yml (and taxonomy/nl_attested.yml).

The curated taxonomy holds ~780 concepts; real documents name far more skills. This script takes every ESCO
skill (v1.1.1 English, plus Dutch labels where the v1.2.x Dutch collections have them), turns its labels into
surface forms, and keeps only the forms that real documents actually use. The result is an `imported: true`
layer that the loader reads beside the curated files (about 500 concepts today: the filters below keep the forms
that measured precise on the dev part; its header gives the counts).

Regenerate (about a minute once the corpus cache is warm; the first run extracts ~530 PDFs, several minutes):

    .venv/bin/python bench/build_vocabulary.py                       # writes taxonomy/esco_attested.yml
    .venv/bin/python bench/build_vocabulary.py --out /tmp/vocab/esco_attested.yml --min-docs 3 --report
    .venv/bin/skillfit taxonomy validate                            # then check the layer loads
    .venv/bin/skillfit eval tests/eval --part dev --no-show-errors --taxonomy /tmp/vocab/esco_attested.yml

Inputs (read-only, from ../shared/data or $SKILLFIT_SHARED_DATA; nothing is copied into the repository):

- ESCO: `esco-v1.1.1-en` (skills_en.csv, broaderRelationsSkillPillar.csv, skillsHierarchy_en.csv,
  occupations_en.csv), `esco-v1.2.x-nl` (*SkillsCollection_nl.csv: Dutch labels for ~2.4k skills;
  occupations_nl.csv).
- Attestation corpus (one "document" each): jobzoeker ads (description), VDAB ads (functieomschrijving, profiel,
  anbod; scraping failures skipped), LiveCareer resumes (480 + 48 PDFs), SoupBoss resumes (a DOCX/PDF pair
  counts once), Doniol's Dutch IT ads, SkillSpan postings (sentences grouped by posting), the Green 2022 test set
  (one document), and the team-written Dutch CVs of the real corpus's dev part.
  EXCLUDED: every document that is the `source:`/`file:` of a file in tests/eval/real/test/ (and the other format
  of a DOCX/PDF twin), so the held-out figures stay honest, and the ten ads of real-ads-sample/ (rows of the two
  ad CSVs, reserved for checks from outside the team: only its SOURCE.md is read, for their row ids).
  Extracted texts are cached under --corpus-cache (default /tmp/vocab_cache), never in the repository.

Rules, in order:

1. Concepts. Every released ESCO skill whose URI no curated concept carries (curated = every taxonomy/*.yml except
   this script's own output). Language skills (hierarchy branch L) are left out: taxonomy/languages.yml has them.
   Type `soft` for skills under the transversal branches T2 thinking, T3 self-management and T4 social and
   communication (and other `transversal` skills outside T1/T5/T6), else `hard`. Category: `esco_` + the slug of the
   skill's level-1 group in the ESCO skills hierarchy (e.g. `esco_management_skills`, `esco_working_with_computers`,
   `esco_business_administration_and_law`), found by walking broaderRelationsSkillPillar up to a skill group.
2. Surface forms, per concept. ESCO labels: preferredLabel and altLabels (hiddenLabels are misspellings: not used),
   English, and Dutch where the collections have them; a trailing parenthesis is dropped ("Python (computer
   programming)" -> "Python"). Generated forms, from English labels:
   - verb phrase -> noun phrase: "manage construction projects" -> "construction project management" (object
     singularised + the verb's nominalisation from a table) and the gerund "managing construction projects";
   - light verbs dropped: "use/apply/perform/conduct/carry out/undertake X" -> "X" (only when X is 2+ words);
   - -ing form of a one-verb label: "weld" -> "welding", "negotiate" -> "negotiating";
   - plural/singular of the last word ("audits" <-> "audit");
   - US/UK spelling of every word: spaCy's en_lexeme_norm table plus -ise/-ize, -isation/-ization, -yse/-yze,
     -our/-or, -tre/-ter, -ogue/-og, -elling/-eling, licence/license, programme/program.
3. Attestation. Counting is whole-word and case-insensitive on skillfit's own tokenizer (pipeline.tokens), a phrase
   never crossing a comma, full stop or blank line; a form also counts when its English lemma key matches (as
   the matcher does). A form is kept when it occurs in at least --min-docs documents (default 2, chosen on dev).
   Per form the script also records how often it is written capitalised mid-sentence (not first on its line or
   after . : ; • - |) and how often it sits in a document's title zone (an ad's title and company fields, a
   resume's first line).
4. Ambiguity control, generic (no label-by-label lists):
   - labels already in the curated taxonomy (casefolded, or with the same lemma key) are left out: the curated
     concept owns them;
   - forms of fewer than 3 characters, or made only of stop words (spaCy's en + nl lists), are left out;
   - one-word forms that are everyday words are left out: English words with log-probability above
     --everyday-logprob in spaCy's en_lexeme_prob, Dutch words in the Dutch lemma table, unless the form is written
     capitalised mid-sentence in at least --caps-share of its occurrences (a product or tool name: then it is kept
     case-sensitive in the way it is mostly written). One-word forms that are no dictionary word are kept;
   - forms that are ESCO occupation labels or their plurals (en or nl: "accountant", "verpleegkundige") are job
     titles, left out;
   - forms that start with a base-form verb ("assist customers": the verbs that start ESCO skill labels) are left
     out with --verb-phrases drop (the default; their noun forms stay), or matched as written only with `cased`;
   - multi-word forms with a content word more frequent than --generic-logprob ("new products", "complex
     issues") are left out;
   - forms that are rarely a list item of their own (a whole bullet, line or comma-separated item in less than
     --standalone-share of their occurrences: "sales team", "development process") are left out: skills are listed,
     generic noun phrases sit inside sentences;
   - forms that SkillSpan and Green 2022 annotators mostly leave outside skill spans (at least --span-min
     occurrences there, under --span-share inside) are left out, and one-word forms more frequent than
     --one-word-logprob need that evidence the other way round (at least 2 occurrences, half of them inside);
   - one-word ESCO alternative labels that are dictionary words ("retrieval" for repossession) are left out: only
     a preferred label (or a form made from it) may be a single ordinary word;
   - an English form of ordinary words stands only for the concepts whose preferred label's content words it names
     at least half of (more than half of four or more; first five letters compared), goes to the one it names most
     of, and is left out when it names none: "co-workers" for "guide staff", "technical skills" cut from
     "demonstrate technical skills during neurological surgery" name something broader than the concept;
     "customer satisfaction" goes to "satisfy customers", not to "ensure passenger comfort" (names and acronyms
     stay with every concept);
   - forms found in a title zone in at least half of their attesting documents are left out (job titles, company
     names);
   - a form that several ESCO concepts share goes to one concept only: the one whose preferred label it is, else
     the one with most attested forms, then the lowest URI (deterministic).
5. Dutch (issue 13 item 1, the Dutch half). Candidate Dutch forms come from three sources:
   - ESCO's Dutch labels (the v1.2.x collections), and generated forms of them: verb phrase -> noun forms
     ("gegevens analyseren" -> "gegevensanalyse", "analyse van gegevens", "analyseren van gegevens"; "X beheren"
     -> "Xbeheer"/"X-beheer", "beheer van X"; "X plannen" -> "Xplanning", "planning van X"; NL_NOMINAL holds the
     infinitive -> noun table, the compound joins with a hyphen after an acronym or where two vowels meet), a
     one-verb label's nominalisation ("organiseren" -> "organisatie") and the plural/singular of a last word
     that is no adjective ("aankoopproces" <-> "aankoopprocessen"; over-generated, attestation keeps real ones);
   - the curated concepts' Dutch labels (and ESCO's Dutch labels of their URI), with the same generation: kept
     forms EXTEND the curated concept (an entry with only its id and `nl` labels in nl_attested.yml);
   - VDAB's own competence lists (`professionele_vaardigheden`, split as bench/eval_public.py does; an item is
     cleaned: parentheses and ellipses dropped, a leading article dropped; specialisations "X: Y", items with a
     comma or of more than six words left out), with their generated forms. An item is linked to the ESCO or
     curated concept whose English or Dutch label it matches (same words, or rapidfuzz token_sort_ratio >= 95 on
     folded text), else it is its own concept `vdab.<slug>` (imported: true, category vdab_competence, type soft
     when a word of it is in soft concepts' labels and no hard one's, as the open-skills stage tells type; its
     phrase stands as the English label too). Competence lists are NOT read from the test and dev parts' VDAB
     rows (they label those documents) nor from the rows bench/yardsticks.py holds out (`held_out(job_id)`), so
     the VDAB yardstick's held-out figure stays honest.
   A Dutch form counts only in Dutch documents, and never in the VDAB rows whose list it came from. The rules of
   4 apply (Dutch everyday words: the Dutch lemma table), except that a generated or VDAB one-word Dutch form of
   at least --nl-compound-min letters that is no dictionary word (a compound: "inkoopprocessen", "eindcontroles")
   needs no list-item evidence: compounds sit inside sentences but are specific.
6. Output: concepts sorted by id, one line per label list (flow style), `imported: true`, `esco:` URI, ids
   `esco.<slug of the preferred label>` (a uuid suffix only when two slugs collide). Concepts left with no form are
   dropped. The header states counts per source (ESCO label, generated form, VDAB competence), per language, and
   the settings. ESCO concepts go to esco_attested.yml; the extensions of curated concepts and the vdab.* concepts
   go to nl_attested.yml beside it (both read by the loader; neither counts as curated when the script reruns).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.tokens import TOKEN, fold, tokenize  # noqa: E402

OUTPUT_STEM = "esco_attested"
NL_STEM = "nl_attested"  # the second output: Dutch forms of curated concepts and VDAB competences
DEFAULT_OUT = REPO / "taxonomy" / f"{OUTPUT_STEM}.yml"
DEFAULT_CACHE = Path("/tmp/vocab_cache")
GOLD_TEST = REPO / "tests" / "eval" / "real" / "test"
GOLD_DEV = REPO / "tests" / "eval" / "real" / "dev"
ESCO_EN_ZIP = "esco-v1.1.1-en/ESCO dataset - v1.1.1 - classification - en - csv.zip"
ESCO_REL_ZIP = "esco-v1.1.1-en/ESCO dataset - v1.1.1 - classification -  - csv.zip"
ESCO_NL_DIR = "esco-v1.2.x-nl"
JOBZOEKER = "jobads-nl-en-jobzoeker/all_jobs.csv"
VDAB = "vacatures-nl-vdab/data_scrapping/vdab_jobs_playwright_preview_New5.csv"
VDAB_COLUMNS = ("functieomschrijving", "profiel", "anbod")
VDAB_FAILURE = "Ga naar de inhoud"
MAX_WORDS = 8  # longest form counted
SOFT_BRANCHES = ("T2", "T3", "T4")  # thinking, self-management, social and communication
NOT_SOFT_BRANCHES = ("T1", "T5", "T6")  # core (numeracy, digital), physical/manual, life skills
LIST_START = re.compile(r"(^|[\n,;•|·▪●◦*:(\[]|\band|\bor|\ben|\bof)\s*$")
LIST_END = re.compile(r"^\s*($|[\n,;.|)\]]|and\b|or\b|en\b|of\b)")
CAPS_BREAK = re.compile(r"(^|[\n.:;•|·▪●◦*\-–—(\[])\s*$")

# -- generation tables ------------------------------------------------------------------------------------

# verb -> its nominalisation ("manage X" -> "X management"). Only common, regular skill verbs.
NOMINAL = {
    "manage": "management", "develop": "development", "analyse": "analysis", "analyze": "analysis",
    "design": "design", "maintain": "maintenance", "install": "installation", "operate": "operation",
    "plan": "planning", "prepare": "preparation", "create": "creation", "coordinate": "coordination",
    "evaluate": "evaluation", "monitor": "monitoring", "administer": "administration", "negotiate": "negotiation",
    "implement": "implementation", "supervise": "supervision", "train": "training", "assess": "assessment",
    "calculate": "calculation", "write": "writing", "repair": "repair", "inspect": "inspection", "test": "testing",
    "process": "processing", "control": "control", "organise": "organisation", "organize": "organization",
    "optimise": "optimisation", "optimize": "optimization", "integrate": "integration", "configure": "configuration",
    "document": "documentation", "schedule": "scheduling", "budget": "budgeting", "forecast": "forecasting",
    "audit": "auditing", "model": "modelling", "program": "programming", "research": "research",
    "recruit": "recruitment", "sell": "sales", "market": "marketing", "clean": "cleaning", "cook": "cooking",
    "edit": "editing", "translate": "translation", "interpret": "interpretation", "produce": "production",
    "purchase": "purchasing", "procure": "procurement", "report": "reporting", "present": "presentation",
    "deliver": "delivery", "distribute": "distribution", "diagnose": "diagnosis", "treat": "treatment",
    "assemble": "assembly", "construct": "construction", "measure": "measurement", "select": "selection",
    "handle": "handling", "store": "storage", "ship": "shipping", "track": "tracking", "validate": "validation",
    "verify": "verification", "review": "review", "consult": "consultation", "advise": "advice",
    "support": "support", "mentor": "mentoring", "coach": "coaching", "teach": "teaching", "supply": "supply",
    "secure": "security", "protect": "protection", "prevent": "prevention", "estimate": "estimation",
    "build": "building", "migrate": "migration", "automate": "automation", "visualise": "visualisation",
    "visualize": "visualization", "plan and organise": "planning", "lead": "leadership", "price": "pricing",
    "invoice": "invoicing", "file": "filing", "weld": "welding", "paint": "painting", "drive": "driving",
}
LIGHT_VERBS = ("use", "apply", "perform", "conduct", "carry out", "undertake", "utilise", "utilize", "do",
               "provide", "execute", "practise", "practice", "employ")
# UK -> US spelling rules for words the lexeme_norm table does not know (applied both ways).
SPELLING = [
    (re.compile(r"isation(s?)$"), r"ization\1"), (re.compile(r"ise(s|d|r|rs)?$"), r"ize\1"),
    (re.compile(r"ising$"), r"izing"), (re.compile(r"yse(s|d|r|rs)?$"), r"yze\1"), (re.compile(r"ysing$"), "yzing"),
    (re.compile(r"(?<=[a-z][abceginlmrw])our(s|ed|ing|ful|able)?$"), r"or\1"), (re.compile(r"([bc])tre(s?)$"), r"\1ter\2"),
    (re.compile(r"(?<=[a-z])tre(s?)$"), r"ter\1"), (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"elling$"), "eling"), (re.compile(r"elled$"), "eled"), (re.compile(r"^licence(s?)$"), r"license\1"),
    (re.compile(r"^programme(s?)$"), r"program\1"), (re.compile(r"^defence$"), "defense"),
]
# -ise words that are not British spellings: never turned into -ize.
NOT_ISE = frozenset("""advise advertise apprise arise chastise circumcise comprise compromise concise demise
despise devise disguise enterprise excise exercise expertise franchise improvise incise merchandise noise
premise precise promise raise revise rise supervise surmise surprise televise treatise wise otherwise
likewise clockwise paradise poise praise cruise bruise anise""".split())
NOT_OUR = frozenset("four hour your our tour pour flour sour dour course source resource journey".split())


@dataclass
class Concept:
    uri: str
    preferred: str
    skill_type: str
    reuse: str
    labels: dict[str, list[str]] = field(default_factory=lambda: {"en": [], "nl": []})
    branch: str = ""  # level-1 hierarchy code (S4, T3, K...) or ""
    group: str = ""  # level-1 hierarchy term


@dataclass
class Form:
    """One candidate surface form, its sources, and its attestation."""

    text: str
    language: str
    sources: set[str] = field(default_factory=set)  # "label" | "generated"
    concepts: set[str] = field(default_factory=set)  # URIs
    preferred_of: set[str] = field(default_factory=set)  # URIs whose preferred label this is
    from_preferred: set[str] = field(default_factory=set)  # ... or a form generated from it
    exclude: set[str] = field(default_factory=set)  # corpus keys that do not count (the VDAB rows it came from)


@dataclass
class Attestation:
    docs: set[int] = field(default_factory=set)
    title_docs: set[int] = field(default_factory=set)
    mid: int = 0  # occurrences not first on a line/sentence
    mid_caps: int = 0  # of which written with a capital
    total: int = 0  # occurrences (exact key)
    standalone: int = 0  # of which a whole list item: between line breaks, commas, bullets, semicolons
    surfaces: Counter = field(default_factory=Counter)


# -- ESCO ---------------------------------------------------------------------------------------------------

def _zip_csv(path: Path, member: str) -> Iterator[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with zipfile.ZipFile(path) as archive:
        with archive.open(member) as raw:
            yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))


def _file_csv(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").splitlines() if x.strip()]


def clean_label(label: str) -> str:
    """An ESCO label as a surface: trailing parenthesis dropped, spaces normalised."""
    label = re.sub(r"\s*\([^()]*\)\s*$", "", label)
    return " ".join(label.split())


def load_esco(data: Path) -> tuple[dict[str, Concept], set[str]]:
    """ESCO skills by URI and every occupation label (casefolded, en and nl)."""
    concepts: dict[str, Concept] = {}
    en_zip, rel_zip = data / ESCO_EN_ZIP, data / ESCO_REL_ZIP
    for row in _zip_csv(en_zip, "skills_en.csv"):
        if row.get("status") != "released" or not row.get("conceptUri"):
            continue
        labels = [row["preferredLabel"]] + _split(row.get("altLabels"))
        c = Concept(row["conceptUri"], clean_label(row["preferredLabel"]), row.get("skillType", ""),
                    row.get("reuseLevel", ""))
        c.labels["en"] = list(dict.fromkeys(cl for cl in map(clean_label, labels) if cl))
        concepts[c.uri] = c
    for path in sorted((data / ESCO_NL_DIR).glob("*SkillsCollection_nl.csv")):
        for row in _file_csv(path):
            c = concepts.get(row.get("conceptUri", ""))
            if c is None:
                continue
            labels = [row.get("preferredLabel", "")] + _split(row.get("altLabels"))
            c.labels["nl"] = list(dict.fromkeys(c.labels["nl"] + [cl for cl in map(clean_label, labels) if cl]))
    # hierarchy: group URI -> (level-1 code-ish, level-1 term)
    group_top: dict[str, tuple[str, str]] = {}
    for row in _zip_csv(en_zip, "skillsHierarchy_en.csv"):
        code0, term0 = row.get("Level 0 code") or "", row.get("Level 0 preferred term", "")
        if row.get("Level 0 URI"):
            group_top.setdefault(row["Level 0 URI"], (code0, term0))
        top = ((row.get("Level 1 code") or code0), row.get("Level 1 preferred term") or term0)
        for level in (1, 2, 3):
            if row.get(f"Level {level} URI"):
                group_top.setdefault(row[f"Level {level} URI"], top)
    broader: dict[str, list[str]] = defaultdict(list)
    for row in _zip_csv(rel_zip, "broaderRelationsSkillPillar.csv"):
        broader[row["conceptUri"]].append(row["broaderUri"])
    for c in concepts.values():
        seen, todo = set(), [c.uri]
        while todo:
            node = todo.pop(0)
            if node in seen:
                continue
            seen.add(node)
            if node != c.uri and node in group_top:
                c.branch, c.group = group_top[node]
                break
            todo.extend(sorted(broader.get(node, ())))
    occupations = set()
    for row in _zip_csv(en_zip, "occupations_en.csv"):
        for label in [row.get("preferredLabel", "")] + _split(row.get("altLabels")):
            occupations.add(label.casefold().strip())
    nl_occ = data / ESCO_NL_DIR / "occupations_nl.csv"
    if nl_occ.exists():
        for row in _file_csv(nl_occ):
            for label in [row.get("preferredLabel", "")] + _split(row.get("altLabels")):
                occupations.add(label.casefold().strip())
    occupations.discard("")
    return concepts, occupations


def concept_type(c: Concept) -> str:
    branch = c.branch
    if branch.startswith(SOFT_BRANCHES):
        return "soft"
    if c.reuse == "transversal" and not branch.startswith(NOT_SOFT_BRANCHES) and branch[:1] in ("T", ""):
        return "soft"
    return "hard"


def slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", fold(text).replace("&", " and ").replace("+", "plus")).strip("_")
    s = re.sub(r"_(?:not_elsewhere_classified|not_further_defined)$", "", s)
    if len(s) > limit:  # cut at a word boundary
        s = s[:limit + 1].rsplit("_", 1)[0]
    return s or "skill"


def category(c: Concept) -> str:
    group = c.group or c.skill_type or "skill"
    group = re.sub(r"\(icts\)|\bskills and competences\b|\band\b", " ", group)
    return "esco_" + slug(group, 40)


# -- curated taxonomy ----------------------------------------------------------------------------------------

def load_curated(taxonomy_dir: Path) -> tuple[set[str], set[str]]:
    """URIs and casefolded labels of every curated concept (all taxonomy files but this script's output)."""
    from pipeline.taxonomy import concept_files, read_concepts

    uris, labels = set(), set()
    for path in concept_files(taxonomy_dir):
        if path.stem.startswith((OUTPUT_STEM, NL_STEM)):
            continue
        for concept in read_concepts(path):
            if concept.get("esco"):
                uris.add(str(concept["esco"]))
            for lang in ("en", "nl"):
                raw = concept.get(lang) or []
                for label in [raw] if isinstance(raw, str) else raw:
                    labels.add(" ".join(str(label).split()).casefold())
    return uris, labels


# -- lexical resources ---------------------------------------------------------------------------------------

def _lookups(name: str) -> dict:
    path = resources.files("spacy_lookups_data") / "data" / f"{name}.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return json.load(fh)


@dataclass
class Lexical:
    logprob: dict[str, float]
    nl_words: frozenset[str]
    en_lemma: dict[str, str]
    uk_us: dict[str, str]
    us_uk: dict[str, str]
    stop: frozenset[str]

    def lemma_key(self, words: Iterable[str]) -> str:
        out = []
        for w in words:
            lemma = self.en_lemma.get(w, w)
            out.append(w if w.endswith("ing") and not lemma.endswith("ing") else lemma)
        return " ".join(out)

    def frequency(self, word: str) -> float:
        """English log-probability of a word or of its lemma, whichever is higher ("developments" as common
        as "development")."""
        return max(self.logprob.get(word, -99.0), self.logprob.get(self.en_lemma.get(word, word), -99.0))

    def is_everyday(self, word: str, threshold: float) -> bool:
        return self.frequency(word) > threshold or word in self.nl_words

    def is_dictionary(self, word: str) -> bool:
        return self.logprob.get(word, -99.0) > -15.5 or word in self.nl_words or word in self.en_lemma


def load_lexical() -> Lexical:
    logprob: dict[str, float] = {}
    for w, p in _lookups("en_lexeme_prob").items():  # "Board" and "board": the most frequent spelling counts
        key = fold(w)
        logprob[key] = max(p, logprob.get(key, -99.0))
    nl = _lookups("nl_lemma_lookup")
    nl_words = frozenset(fold(w) for pair in nl.items() for w in pair if isinstance(w, str))
    en_lemma = {fold(k): fold(v) for k, v in _lookups("en_lemma_lookup").items() if isinstance(v, str)}
    norm = _lookups("en_lexeme_norm")
    uk_us = {k.lower(): v.lower() for k, v in norm.items() if " " not in v and k.lower() != v.lower()
             and k.isalpha() and v.isalpha() and abs(len(k) - len(v)) <= 2 and k[:2].lower() == v[:2].lower()}
    us_uk = {}
    for k, v in sorted(uk_us.items()):
        us_uk.setdefault(v, k)
    try:
        from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
        from spacy.lang.nl.stop_words import STOP_WORDS as NL_STOP
        stop = frozenset(fold(w) for w in EN_STOP | NL_STOP)
    except ImportError:  # pragma: no cover
        stop = frozenset("a an and or the of to in on for with at by from as is are be de het een en van in op".split())
    return Lexical(logprob, nl_words, en_lemma, uk_us, us_uk, stop)


# -- generation ------------------------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return [m.group() for m in TOKEN.finditer(text)]


def plural(word: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def singular(word: str, lemma: dict[str, str] | None = None) -> str:
    if lemma and word in lemma and len(lemma[word]) < len(word):
        return lemma[word]
    if re.search(r"[^aeiou]ies$", word):
        return word[:-3] + "y"
    if re.search(r"(ss|us|is)$", word):
        return word
    if re.search(r"(ches|shes|xes|sses)$", word):
        return word[:-2]
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word


def gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb) and len(verb) <= 4:  # plan -> planning, run -> running
        return verb + verb[-1] + "ing"
    return verb + "ing"


def spelling_variants(text: str, lex: Lexical | None = None) -> set[str]:
    """UK <-> US spellings of a phrase, one word changed at a time and all words at once."""
    words = text.split(" ")
    alternatives = []
    for w in words:
        low = w.lower()
        alt = None
        if lex:
            alt = lex.uk_us.get(low) or lex.us_uk.get(low)
        if alt is None and low not in NOT_ISE and low not in NOT_OUR and len(low) > 4:
            for pattern, repl in SPELLING:
                new = pattern.sub(repl, low)
                if new != low:
                    alt = new
                    break
            if alt is None:  # US -> UK for the -ize family
                for pattern, repl in ((r"ization(s?)$", r"isation\1"), (r"ize(s|d|r|rs)?$", r"ise\1"),
                                      (r"izing$", "ising"), (r"yze(s|d|r|rs)?$", r"yse\1"), (r"yzing$", "ysing")):
                    new = re.sub(pattern, repl, low)
                    if new != low:
                        alt = new
                        break
        if alt and w[:1].isupper():
            alt = alt[:1].upper() + alt[1:]
        alternatives.append(alt)
    out = set()
    for i, alt in enumerate(alternatives):
        if alt:
            out.add(" ".join(words[:i] + [alt] + words[i + 1:]))
    if sum(1 for a in alternatives if a) > 1:
        out.add(" ".join(a or w for a, w in zip(alternatives, words)))
    return out


QUALIFIER_WORDS = frozenset("""in for of with to on at according and or from by the a an using through into within as
via under over during between per than its their your his her""".split())


def generate_forms(label: str, lex: Lexical | None = None, verbs: frozenset[str] = frozenset()) -> set[str]:
    """Rule-generated English surface forms of one ESCO label (the label itself not included)."""
    words = label.split(" ")
    low = [w.lower() for w in words]
    lemma = lex.en_lemma if lex else None
    out: set[str] = set()
    # verb + object: "produce sales reports" -> "sales reports"; a trailing qualifier goes:
    # "mentor individuals in specialised nursing care" -> "mentor individuals"
    if len(words) >= 2 and (low[0] in verbs or low[0] in NOMINAL):
        cut = next((i for i in range(1, len(low)) if low[i] in QUALIFIER_WORDS), len(low))
        if 1 <= cut - 1 <= 4:
            out.add(" ".join(words[1:cut]))
        if 2 <= cut < len(low) and low[cut] in ("in", "for", "within", "during", "using"):
            out.add(" ".join(words[:cut]))
    # light verb + object: "perform data analysis" -> "data analysis"
    for lv in LIGHT_VERBS:
        lv_words = lv.split(" ")
        if low[:len(lv_words)] == lv_words and len(words) - len(lv_words) >= 2:
            out.add(" ".join(words[len(lv_words):]))
    verb = low[0]
    rest = words[1:]
    if verb in NOMINAL and rest and len(rest) <= 4 and not any(r.lower() in ("and", "or", "to", "with", "for", "of", "in",
                                                                                "on", "at", "from", "by", "the", "a", "an")
                                                                 for r in rest):
        obj = rest[:-1] + [singular(rest[-1].lower(), lemma) if rest[-1].islower() else rest[-1]]
        out.add(" ".join(obj + [NOMINAL[verb]]))
    if verb in NOMINAL or (lex and lex.en_lemma.get(gerund(verb)) == verb):
        if len(words) == 1 or (rest and rest[0].lower() not in ("and", "or")):
            out.add(" ".join([gerund(verb)] + rest))
    # number of the last word
    last = low[-1]
    if len(words) >= 2 and last.isalpha() and words[-1].islower():
        sing = singular(last, lemma)
        if sing != last:
            out.add(" ".join(words[:-1] + [sing]))
        elif not last.endswith(("ing", "ment", "ion", "ics", "ship", "ness", "ance", "ence", "ity", "ism")):
            out.add(" ".join(words[:-1] + [plural(last)]))
    for form in list(out) + [label]:
        out |= spelling_variants(form, lex)
    out.discard(label)
    return {" ".join(f.split()) for f in out if f.strip()}


# -- Dutch generation ------------------------------------------------------------------------------------------

# Dutch infinitive -> its nominalisation ("gegevens analyseren" -> "gegevensanalyse", "analyse van gegevens").
NL_NOMINAL = {
    "analyseren": "analyse", "beheren": "beheer", "plannen": "planning", "inplannen": "planning",
    "organiseren": "organisatie", "ontwikkelen": "ontwikkeling", "onderhouden": "onderhoud",
    "coördineren": "coördinatie", "rapporteren": "rapportage", "registreren": "registratie",
    "controleren": "controle", "administreren": "administratie", "begeleiden": "begeleiding", "adviseren": "advies",
    "installeren": "installatie", "programmeren": "programmering", "verkopen": "verkoop", "inkopen": "inkoop",
    "aankopen": "aankoop", "onderhandelen": "onderhandeling", "evalueren": "evaluatie",
    "implementeren": "implementatie", "monitoren": "monitoring", "optimaliseren": "optimalisatie",
    "presenteren": "presentatie", "communiceren": "communicatie", "documenteren": "documentatie",
    "ontwerpen": "ontwerp", "berekenen": "berekening", "inspecteren": "inspectie", "repareren": "reparatie",
    "herstellen": "herstel", "verwerken": "verwerking", "bereiden": "bereiding", "opleiden": "opleiding",
    "trainen": "training", "coachen": "coaching", "leiden": "leiding", "beoordelen": "beoordeling",
    "voorbereiden": "voorbereiding", "uitvoeren": "uitvoering", "opvolgen": "opvolging", "behandelen": "behandeling",
    "verzorgen": "verzorging", "onderzoeken": "onderzoek", "meten": "meting", "factureren": "facturatie",
    "budgetteren": "budgettering", "rekruteren": "rekrutering", "werven": "werving", "selecteren": "selectie",
    "archiveren": "archivering", "klasseren": "klassering", "vervoeren": "vervoer", "opslaan": "opslag",
    "leveren": "levering", "distribueren": "distributie", "produceren": "productie", "assembleren": "assemblage",
    "monteren": "montage", "schoonmaken": "schoonmaak", "reinigen": "reiniging", "vertalen": "vertaling",
    "redigeren": "redactie", "ontvangen": "ontvangst", "onthalen": "onthaal", "bestellen": "bestelling",
    "afsluiten": "afsluiting", "opmaken": "opmaak", "valideren": "validatie", "verifiëren": "verificatie",
    "integreren": "integratie", "configureren": "configuratie", "automatiseren": "automatisering",
    "migreren": "migratie", "testen": "test", "auditen": "audit", "auditeren": "audit", "screenen": "screening",
    "beveiligen": "beveiliging", "verzekeren": "verzekering", "boeken": "boeking", "verhuren": "verhuur",
    "bewaken": "bewaking", "inventariseren": "inventarisatie", "schatten": "schatting", "ramen": "raming",
    "begroten": "begroting", "financieren": "financiering", "informeren": "informatie", "diagnosticeren": "diagnose",
    "toedienen": "toediening", "verplegen": "verpleging", "lassen": "laswerk", "schilderen": "schilderwerk",
    "isoleren": "isolatie", "renoveren": "renovatie", "ventileren": "ventilatie", "verwarmen": "verwarming",
    "sorteren": "sortering", "verpakken": "verpakking", "laden": "lading", "lossen": "lossing",
    "prospecteren": "prospectie", "werken": "werk", "opstellen": "opstelling", "rapporteren over": "rapportage",
}
NL_VERB_SET = frozenset(NL_NOMINAL)
NL_FUNCTION = frozenset("""de het een van voor met in op aan bij te om en of door naar over uit tot zich als die dat
deze dit je uw hun zijn haar zoals volgens""".split())
VOWELS = "aeiouy"
NL_ADJECTIVE = re.compile(r"(ig|lijk|isch|baar|ief|end|eel|aal|ele|ale|ieve|ige|lijke|ische|bare)$")  # no plural


def nl_singulars(word: str) -> set[str]:
    """Candidate singulars of a Dutch plural (over-generated: attestation keeps the real ones)."""
    out = set()
    if word.endswith("ingen"):
        out.add(word[:-2])
    elif word.endswith("heden"):
        out.add(word[:-5] + "heid")
    elif word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            out.add(stem[:-1])  # processen -> proces
        elif len(stem) > 2 and stem[-1] not in VOWELS and stem[-2] in "aeou" and stem[-3] not in VOWELS:
            out.add(stem[:-2] + stem[-2] + stem[-2:])  # systemen -> systeem (vowel doubled)
            out.add(stem)
        else:
            out.add(stem)
        if stem.endswith("v"):
            out.add(stem[:-1] + "f")
        if stem.endswith("z"):
            out.add(stem[:-1] + "s")
    elif word.endswith("'s") or (word.endswith("s") and word[-2:-1] in ("e", "r", "l", "n", "m") and len(word) > 4):
        out.add(word[:-2] if word.endswith("'s") else word[:-1])
    return {w for w in out if len(w) >= 3}


def nl_plurals(word: str) -> set[str]:
    """Candidate plurals of a Dutch noun (over-generated: attestation keeps the real ones)."""
    if word.endswith("heid"):
        return {word[:-4] + "heden"}
    if word.endswith("ing"):
        return {word + "en"}
    out = {word + "en", word + "s"}
    if word.endswith(("a", "o", "i", "u", "y")):
        out = {word + "'s", word + "s"}
    if re.search(r"[^aeiou][aeiou]([^aeiouwj])$", word):  # proces -> processen
        out.add(word + word[-1] + "en")
    m = re.search(r"([aeou])\1([^aeiou])$", word)  # systeem -> systemen
    if m:
        out.add(word[:-3] + m.group(1) + m.group(2) + "en")
    if word.endswith("f"):
        out.add(word[:-1] + "ven")
    if word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1] + "zen")
    return out


def nl_compound(left: str, right: str) -> set[str]:
    """Dutch compounds of two words: closed ("gegevensanalyse"), with a hyphen after an acronym or where two
    vowels meet ("data-analyse", "ICT-beheer")."""
    if not left or not right:
        return set()
    last = left.rsplit("-", 1)[-1]
    if last.isupper() or (last[-1].lower() in VOWELS and right[0].lower() in VOWELS):
        return {f"{left}-{right}"}
    return {left + right, f"{left}-{right}"}


def generate_nl_forms(label: str) -> set[str]:
    """Rule-generated Dutch surface forms of one Dutch label (the label itself not included):
    "gegevens analyseren" -> "gegevensanalyse", "analyse van gegevens", "analyseren van gegevens";
    "X beheren" -> "X-beheer"/"Xbeheer", "beheer van X"; "X plannen" -> "planning van X", "Xplanning";
    a one-verb label -> its nominalisation ("organiseren" -> "organisatie"); plural/singular of the last word."""
    words = label.split(" ")
    low = [w.lower() for w in words]
    out: set[str] = set()
    verb = low[-1]
    if verb in NL_NOMINAL:
        nominal = NL_NOMINAL[verb]
        obj = words[:-1]
        if not obj:
            out.add(nominal)
        elif len(obj) <= 3 and not any(w.lower() in NL_FUNCTION for w in obj):
            obj_text = " ".join(obj)
            out.add(f"{verb} van {obj_text}")
            out.add(f"{nominal} van {obj_text}")
            head = obj[-1]
            prefix, _, tail = head.rpartition("-")
            prefix = prefix + "-" if prefix else ""
            stems = {head} | ({prefix + s for s in nl_singulars(tail)} if tail.islower() else set())
            for stem in stems:
                for comp in nl_compound(stem, nominal):
                    out.add(" ".join(obj[:-1] + [comp]))
    elif words[-1].islower() and words[-1].isalpha() and len(words) <= 4 and low[-1] not in NL_FUNCTION \
            and not NL_ADJECTIVE.search(low[-1]):
        last = low[-1]
        for alt in nl_singulars(last) | nl_plurals(last):
            out.add(" ".join(words[:-1] + [alt]))
    out.discard(label)
    return {" ".join(f.split()) for f in out if f.strip()}


# -- corpus -------------------------------------------------------------------------------------------------------

@dataclass
class Doc:
    key: str
    language: str
    text: str
    title: str = ""


def excluded_sources(parts: tuple[Path, ...] = (GOLD_TEST,), data: Path | None = None) -> set[str]:
    """Every document of the held-out test part (or of `parts`), by source path (without suffix for files) or
    CSV row, and the ads of real-ads-sample (reserved for checks from outside the team) as their CSV rows."""
    import yaml

    out = set()
    if data is not None:
        reserved = data / "real-ads-sample" / "SOURCE.md"
        for row_id in re.findall(r"\| ((?:li|in|gd|vdab)-[\w-]+) \|", reserved.read_text(encoding="utf-8")):
            out |= {f"{JOBZOEKER}#{row_id}", f"{VDAB}#{row_id}"}
    for path in sorted(p for part in parts for p in part.glob("*.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        src = gold.get("source") or ("nl_cv/" + Path(gold["file"]).name if gold.get("file") else None)
        if src:
            out.add(src if "#" in src else str(Path(src).with_suffix("")))
    return out


def _cached_read(path: Path, cache: Path) -> str:
    from pipeline.readers import read_path

    digest = hashlib.sha1(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode()).hexdigest()
    target = cache / f"{digest}.txt"
    if target.exists():
        return target.read_text(encoding="utf-8")
    try:
        text = read_path(path, ocr="never")
    except Exception as exc:  # a broken file is skipped, not fatal
        print(f"  skipped {path.name}: {exc}", file=sys.stderr)
        text = ""
    target.write_text(text, encoding="utf-8")
    return text


def corpus(data: Path, cache: Path, exclude_dev: bool = False) -> list[Doc]:
    """The attestation documents (test part excluded; dev part too with `exclude_dev`), texts cached under
    `cache`."""
    import yaml

    cache.mkdir(parents=True, exist_ok=True)
    skip = excluded_sources((GOLD_TEST, GOLD_DEV) if exclude_dev else (GOLD_TEST,), data)
    docs: list[Doc] = []
    csv.field_size_limit(1 << 30)
    with (data / JOBZOEKER).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = f"{JOBZOEKER}#{row['id']}"
            if key in skip or not row.get("description", "").strip():
                continue
            docs.append(Doc(key, "nl" if row.get("lang") == "nl" else "en", row["description"],
                            f"{row.get('title', '')}\n{row.get('company', '')}"))
    with (data / VDAB).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = f"{VDAB}#{row['job_id']}"
            text = "\n\n".join(row[c].strip() for c in VDAB_COLUMNS if row.get(c, "").strip())
            if key in skip or not text or VDAB_FAILURE in text:
                continue
            docs.append(Doc(key, "nl", text, f"{row.get('title', '')}\n{row.get('company', '')}"))
    files: dict[str, Path] = {}
    for pattern in ("resumes-livecareer-480/data/*/*.pdf", "resumes-livecareer-kaggle-pdf/data/*/*.pdf",
                    "resumes-docx-pdf-pairs-soupboss/**/*.pdf", "resumes-docx-pdf-pairs-soupboss/**/*.docx",
                    "resumes-docx-pdf-pairs-soupboss/**/*.txt"):
        for path in sorted(data.glob(pattern)):
            stem = str(path.relative_to(data).with_suffix(""))
            if stem not in skip:
                files.setdefault(stem, path)  # a DOCX/PDF twin counts once
    for i, (stem, path) in enumerate(sorted(files.items())):
        if i and i % 100 == 0:
            print(f"  read {i}/{len(files)} resume files", file=sys.stderr)
        text = _cached_read(path, cache)
        if text.strip():
            docs.append(Doc(stem, "en", text, text.strip().split("\n", 1)[0]))
    for path in sorted((data / "vacatures-nl-keywords-doniol" / "dataset").glob("vac_*.txt")):
        if "keywords" not in path.name:
            text = path.read_text(encoding="utf-8", errors="replace")
            docs.append(Doc(f"doniol/{path.name}", "nl", text, text.strip().split("\n", 1)[0]))
    for path in sorted(GOLD_DEV.glob("*.yml")):  # the team-written Dutch CVs of the dev part
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if gold.get("file") and "nl_cv/" + Path(gold["file"]).name not in skip:
            text = _cached_read(GOLD_DEV.parent / gold["file"], cache)
            docs.append(Doc(gold["file"], "nl", text, text.strip().split("\n", 1)[0]))
    postings: dict[str, list[str]] = defaultdict(list)
    for split in ("train", "dev", "test"):
        path = data / "skillspan" / "json" / f"{split}.json"
        if path.exists():
            for line in path.open(encoding="utf-8"):
                if line.strip():
                    rec = json.loads(line)
                    postings[f"skillspan/{split}/{rec['source']}/{rec['idx']}"].append(" ".join(rec["tokens"]))
    for key, sentences in sorted(postings.items()):
        docs.append(Doc(key, "en", "\n".join(sentences)))
    green = data / "green2022-job-ner" / "raw_data" / "testset.txt"
    if green.exists():
        sentences, current = [], []
        for line in green.read_text(encoding="utf-8").splitlines():
            if line.strip():
                current.append(line.split(" ")[0])
            elif current:
                sentences.append(" ".join(current))
                current = []
        docs.append(Doc("green2022/testset", "en", "\n".join(sentences + [" ".join(current)])))
    return docs


# -- VDAB competence lists and curated Dutch labels -------------------------------------------------------------

VDAB_COMPETENCES = "professionele_vaardigheden"
VDAB_CATEGORY = "vdab_competence"


def clean_vdab_item(item: str) -> str | None:
    """One VDAB competence item as a surface form, or None: parentheses and ellipses dropped, a leading article
    dropped, lower-cased unless an acronym starts it; specialisations ("Werken op een werf: Afbraak") and items of
    more than six words are left out."""
    if ":" in item:
        return None
    item = re.sub(r"\([^()]*\)?", " ", item)
    item = re.sub(r"(\.\.\.|…)", " ", item)
    item = " ".join(item.replace(" ,", ",").split()).strip(" ,;.-")
    item = re.sub(r"^(de|het|een)\s+", "", item, flags=re.I)
    if not item or "," in item or len(item.split(" ")) > 6:
        return None
    if not (len(item) > 1 and item[1].isupper()):
        item = item[:1].lower() + item[1:]
    return item


def vdab_items(data: Path, skip: set[str]) -> dict[str, set[str]]:
    """Cleaned VDAB competence item -> the VDAB rows (corpus keys) whose list holds it. Lists of rows in `skip`
    (the test and dev parts, real-ads-sample) and of rows bench/yardsticks.py holds out are not read."""
    from bench.eval_public import split_competences
    from bench.yardsticks import held_out

    out: dict[str, set[str]] = defaultdict(set)
    with (data / VDAB).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = f"{VDAB}#{row['job_id']}"
            if key in skip or held_out(row["job_id"]):
                continue
            for raw in split_competences(row.get(VDAB_COMPETENCES) or ""):
                item = clean_vdab_item(raw)
                if item:
                    out[item].add(key)
    return dict(out)


def load_curated_concepts(taxonomy_dir: Path) -> dict[str, dict]:
    """Curated concepts by id (files merged as the loader does), this script's outputs left out."""
    from pipeline.taxonomy import concept_files, read_concepts

    merged: dict[str, dict] = {}
    for path in concept_files(taxonomy_dir):
        if path.stem.startswith((OUTPUT_STEM, NL_STEM)):
            continue
        for concept in read_concepts(path):
            base = merged.setdefault(str(concept["id"]), {"en": [], "nl": []})
            for key, value in concept.items():
                if key in ("en", "nl"):
                    labels = [value] if isinstance(value, str) else (value or [])
                    base[key] += [" ".join(str(v).split()) for v in labels if str(v) not in base[key]]
                else:
                    base[key] = value
    return merged


def soft_words(curated: dict[str, dict]) -> frozenset[str]:
    """Words in soft concepts' labels and in no hard concept's label (as the open-skills stage tells type)."""
    words: dict[str, set[str]] = {"hard": set(), "soft": set()}
    for c in curated.values():
        bucket = words.get(c.get("type", ""))
        if bucket is not None:
            for lang in ("en", "nl"):
                for label in c.get(lang) or []:
                    bucket.update(form_key(label).split(" "))
    return frozenset(words["soft"] - words["hard"])


# -- attestation -------------------------------------------------------------------------------------------------

def attest(docs: list[Doc], forms: dict[str, Form], lex: Lexical) -> dict[str, Attestation]:
    """Whole-word, case-insensitive document counts of each form key (exact and English-lemma keys)."""
    exact_keys: dict[str, list[str]] = defaultdict(list)
    lemma_keys: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        words = key.split(" ")
        exact_keys[key].append(key)
        lemma_keys[lex.lemma_key(words)].append(key)
    prefixes = set()
    for index in (exact_keys, lemma_keys):
        for key in index:
            parts = key.split(" ")
            for n in range(1, len(parts) + 1):
                prefixes.add(" ".join(parts[:n]))
    stats: dict[str, Attestation] = defaultdict(Attestation)
    for d, doc in enumerate(docs):
        toks = tokenize(doc.text)
        folded = toks.folded
        lemmas = [lex.lemma_key([w]) for w in folded]
        title_keys = set()
        if doc.title:
            tt = tokenize(doc.title)
            for i in range(len(tt.folded)):
                for j in range(i, min(i + MAX_WORDS, len(tt.folded))):
                    title_keys.add(" ".join(tt.folded[i:j + 1]))
        for i in range(len(folded)):
            before = toks.text[max(0, toks.starts[i] - 40):toks.starts[i]]
            mid = not CAPS_BREAK.search(before)
            for seq, index in ((folded, exact_keys), (lemmas, lemma_keys)):
                key = seq[i]
                for j in range(i, min(i + MAX_WORDS, len(folded))):
                    if j > i:
                        if not toks.joinable[j - 1] or re.search(r"[,.;]", toks.text[toks.ends[j - 1]:toks.starts[j]]):
                            break
                        key = f"{key} {seq[j]}"
                    if key not in prefixes:
                        break
                    for form_key in index.get(key, ()):
                        st = stats[form_key]
                        if d not in st.docs:
                            st.docs.add(d)
                            if form_key in title_keys:
                                st.title_docs.add(d)
                        if seq is folded:
                            surface = toks.text[toks.starts[i]:toks.ends[j]]
                            st.surfaces[surface] += 1
                            st.total += 1
                            after = toks.text[toks.ends[j]:toks.ends[j] + 40]
                            st.standalone += bool(LIST_START.search(before) and LIST_END.match(after))
                            if mid:
                                st.mid += 1
                                st.mid_caps += surface[:1].isupper()
    return stats


def span_evidence(data: Path, forms: dict[str, Form], lex: Lexical) -> dict[str, list[int]]:
    """form key -> [occurrences inside an annotated skill/knowledge span, occurrences outside] in SkillSpan
    (all splits) and the Green 2022 test set: whether annotators call the phrase a skill where it occurs."""
    sentences: list[tuple[list[str], list[bool]]] = []
    for split in ("train", "dev", "test"):
        path = data / "skillspan" / "json" / f"{split}.json"
        if path.exists():
            for line in path.open(encoding="utf-8"):
                if line.strip():
                    rec = json.loads(line)
                    inside = [a != "O" or b != "O" for a, b in zip(rec["tags_skill"], rec["tags_knowledge"])]
                    sentences.append((rec["tokens"], inside))
    green = data / "green2022-job-ner" / "raw_data" / "testset.txt"
    if green.exists():
        words, inside = [], []
        for line in green.read_text(encoding="utf-8").splitlines() + [""]:
            parts = line.split()
            if len(parts) >= 2:
                words.append(parts[0])
                inside.append(parts[-1].endswith("Skill"))
            elif words:
                sentences.append((words, inside))
                words, inside = [], []
    by_lemma: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        by_lemma[lex.lemma_key(key.split(" "))].append(key)
    prefixes = {" ".join(k.split(" ")[:n]) for k in by_lemma for n in range(1, len(k.split(" ")) + 1)}
    evidence: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for words, inside in sentences:
        folded = [lex.lemma_key([fold(w)]) for w in words]
        for i in range(len(folded)):
            key = folded[i]
            for j in range(i, min(i + MAX_WORDS, len(folded))):
                if j > i:
                    key = f"{key} {folded[j]}"
                if key not in prefixes:
                    break
                for form in by_lemma.get(key, ()):
                    evidence[form][0 if all(inside[i:j + 1]) else 1] += 1
    return evidence


# -- building --------------------------------------------------------------------------------------------------

def form_key(text: str) -> str:
    return " ".join(fold(w) for w in _words(text))


def esco_verbs(concepts: dict[str, Concept], lex: Lexical) -> frozenset[str]:
    """Base-form verbs that start ESCO skill labels ("manage", "assist"): first words of two or more multi-word
    skill/competence preferred labels that the English lemma table knows as verbs (a past or -ing form maps to
    them)."""
    firsts = Counter(c.preferred.split(" ")[0].lower() for c in concepts.values()
                     if c.skill_type == "skill/competence" and " " in c.preferred)
    verbs = set()
    for word, n in firsts.items():
        if n >= 2 and any(lex.en_lemma.get(w) == word for w in (word + "ed", word + "d", gerund(word), word[:-1] + "ied")):
            verbs.add(word)
    return frozenset(verbs)


def named_concepts(f: Form, words: list[str], concepts: dict, lex: Lexical) -> dict[str, float]:
    """The concepts a form names, each with the share of its preferred label's content words the form names.

    For an English form of ordinary words, only those it names at least half of (more than half of a label of four
    words or more: "staff training" is not "train staff in safety procedures"). A form naming less is broader than
    the concept, which it would stand for wherever the words occur: an alternative label ("co-workers" for "guide
    staff") or a piece cut from the preferred label ("technical skills" from "demonstrate technical skills during
    neurological surgery"). Words match on their first five letters ("product development" names two of "develop
    new products", "singing" names "sing"). Acronyms ("JS", "IoT", "PM²", "uml": two capitals, a digit, or a short
    word no word list has) are no ordinary words: every concept, at share 1. A capital alone makes no name
    ("Juniper Networks" is not "procurement of ICT network equipment"), nor does a long rare word
    ("authorisation" is not "acquire licences for the use of weapons")."""
    named_like = sum(ch.isupper() for ch in f.text) >= 2 and not f.text.istitle() \
        or any(ch.isdigit() or ch in "&+#²" for ch in f.text) \
        or any(len(w) <= 4 and not lex.is_dictionary(w) for w in words)
    if f.language != "en" or named_like:
        return dict.fromkeys(f.concepts, 1.0)
    mine = {w[:5] for w in words if w not in lex.stop}  # first five letters: "development" is "develop"
    named = {}
    for uri in f.concepts:
        theirs = {w[:5] for w in form_key(concepts[uri].preferred).split(" ") if w not in lex.stop}
        shared = sum(any(a.startswith(b) or b.startswith(a) for a in mine) for b in theirs)
        if not theirs or 2 * shared > len(theirs) or (2 * shared == len(theirs) and len(theirs) < 4):
            named[uri] = shared / len(theirs) if theirs else 1.0
    return named


def decide(f: Form, st: Attestation | None, ev: list[int], settings: dict, lex: Lexical, curated_labels: set[str],
           curated_lemma: set[str], occupation_keys: set[str], concepts: dict | None = None) -> str:
    """'keep', 'keep-cased' or the reason a form is left out (rules 3 and 4 of the module docstring)."""
    key = form_key(f.text)
    words = key.split(" ")
    if key in curated_labels or lex.lemma_key(words) in curated_lemma:
        return "curated label"
    if st is None or len(st.docs) < settings["min_docs"]:
        return "not attested"
    if len(key.replace(" ", "")) < 3 or all(w in lex.stop or w.isdigit() for w in words):
        return "too short / function words"
    if len(words) > 1 and (words[0] in lex.stop or words[-1] in lex.stop):
        return "starts or ends with a function word"
    if key in occupation_keys or lex.lemma_key(words) in occupation_keys:
        return "occupation label (job title)"
    if len(st.title_docs) * 2 >= len(st.docs):
        return "mostly in titles/company names"
    inside, outside = ev
    if inside + outside >= settings["span_min"] and inside < settings["span_share"] * (inside + outside):
        return "annotated data: rarely a skill span"
    compound = (f.language == "nl" and len(words) == 1 and len(key) >= settings["nl_compound_min"]
                and not lex.is_everyday(key, settings["everyday_logprob"]) and "label" not in f.sources)
    if (st.standalone < 1 or st.standalone < settings["standalone_share"] * st.total) and not compound:
        return "rarely a list item of its own"
    if len(words) > 1 and any(w not in lex.stop and lex.frequency(w) > settings["generic_logprob"] for w in words):
        return "generic phrase (a very common word)"
    if len(words) == 1 and lex.is_dictionary(words[0]) and not f.from_preferred:
        return "one-word alternative label"
    if concepts is not None and not named_concepts(f, words, concepts, lex):
        return "broader than its concept"
    caps = st.mid_caps / st.mid if st.mid else 0.0
    if len(words) == 1 and lex.is_everyday(words[0], settings["everyday_logprob"]):
        if caps < settings["caps_share"] or st.mid < 2:
            return "everyday word"
        return "keep-cased"
    if len(words) == 1 and lex.is_everyday(words[0], settings["one_word_logprob"]) \
            and (inside < 2 or inside < 0.5 * (inside + outside)):
        return "one common word without skill-span evidence"
    return "keep"


def add_forms(forms: dict[str, Form], owner: str, lang: str, candidates: list[tuple[str, str]], preferred: bool,
              exclude: Iterable[str] = ()) -> None:
    """Record candidate (text, source) forms of one concept (an ESCO URI, `curated:<id>` or `vdab:<slug>`)."""
    for text, source in candidates:
        key = form_key(text)
        if not key or len(key.split(" ")) > MAX_WORDS:
            continue
        f = forms.setdefault(key, Form(text, lang))
        f.sources.add(source)
        f.concepts.add(owner)
        f.exclude.update(exclude)
        if preferred:
            f.from_preferred.add(owner)
            if (text, source) == candidates[0]:
                f.preferred_of.add(owner)


def label_linker(concepts: dict[str, Concept], curated: dict[str, dict], uri_owner: dict[str, str]):
    """A function: VDAB item -> the concept whose English or Dutch label it matches (same words, or rapidfuzz
    token_sort_ratio >= 95 on folded text), as `curated:<id>` where a curated concept has the label or the ESCO
    URI, else the ESCO URI; None when nothing matches."""
    from rapidfuzz import fuzz, process

    owners: dict[str, str] = {}
    for uri, c in sorted(concepts.items()):
        if uri.startswith("http") and not c.branch.startswith("L"):
            target = f"curated:{uri_owner[uri]}" if uri in uri_owner else uri
            for lang in ("en", "nl"):
                for label in c.labels[lang]:
                    owners.setdefault(form_key(label), target)
    for cid, cc in sorted(curated.items()):
        for lang in ("en", "nl"):
            for label in cc.get(lang) or []:
                owners[form_key(label)] = f"curated:{cid}"
    keys = sorted(k for k in owners if k)

    def link(item: str) -> str | None:
        key = form_key(item)
        if key in owners:
            return owners[key]
        best = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=95)
        return owners[best[0]] if best else None

    return link


def build(data: Path, cache: Path, taxonomy_dir: Path, settings: dict,
          dump_forms: Path | None = None) -> tuple[list[dict], dict]:
    t0 = time.time()
    concepts, occupations = load_esco(data)
    curated_uris, curated_labels = load_curated(taxonomy_dir)
    lex = load_lexical()
    curated_lemma = {lex.lemma_key(form_key(lab).split(" ")) for lab in curated_labels if form_key(lab)}
    occupation_keys = {form_key(o) for o in occupations}
    occupation_keys |= {lex.lemma_key(k.split(" ")) for k in occupation_keys if k}
    verbs = esco_verbs(concepts, lex)
    settings = {**settings, "verbs": len(verbs)}
    forms: dict[str, Form] = {}
    skipped = Counter()
    for uri, c in sorted(concepts.items()):
        if uri in curated_uris:
            skipped["concept in curated taxonomy (URI)"] += 1
            continue
        if c.branch.startswith("L"):
            skipped["language skill (curated languages.yml)"] += 1
            continue
        for lang in ("en", "nl"):
            for n, label in enumerate(c.labels[lang]):
                candidates = [(label, "label")]
                if lang == "en":
                    candidates += [(g, "generated") for g in sorted(generate_forms(label, lex, verbs))]
                else:
                    candidates += [(g, "generated") for g in sorted(generate_nl_forms(label))]
                add_forms(forms, uri, lang, candidates, preferred=n == 0)
    n_esco = len(concepts)
    # Dutch forms of curated concepts: their Dutch labels' generated forms, and ESCO's Dutch labels of their URI
    curated = load_curated_concepts(taxonomy_dir)
    esco_nl = {c["esco"]: concepts[c["esco"]].labels["nl"] for c in curated.values() if c.get("esco") in concepts}
    uri_owner = {c["esco"]: cid for cid, c in curated.items() if c.get("esco")}
    for cid, cc in sorted(curated.items()):
        labels = list(dict.fromkeys(cc.get("nl", []) + esco_nl.get(cc.get("esco"), [])))
        if not labels or cc.get("type") not in ("hard", "soft"):
            continue
        pseudo = f"curated:{cid}"
        concepts[pseudo] = Concept(pseudo, labels[0], cc["type"], "", {"en": [], "nl": labels})
        for n, label in enumerate(labels):
            candidates = [(label, "label")] + [(g, "generated") for g in sorted(generate_nl_forms(label))]
            add_forms(forms, pseudo, "nl", candidates, preferred=n == 0)
    # VDAB competence items: linked to an ESCO or curated concept whose label they match, else their own concept
    docs_skip = excluded_sources((GOLD_TEST, GOLD_DEV), data)
    items = vdab_items(data, docs_skip)
    link = label_linker(concepts, curated, uri_owner)
    soft = soft_words(curated)
    n_vdab = Counter()
    for item, rows in sorted(items.items()):
        target = link(item)
        if target is None:
            target = f"vdab:{slug(item)}"
            kind = "soft" if set(form_key(item).split(" ")) & soft else "hard"
            concepts.setdefault(target, Concept(target, item, kind, "", {"en": [], "nl": [item]}))
            n_vdab["own concept"] += 1
        else:
            n_vdab["linked"] += 1
        candidates = [(item, "vdab")] + [(g, "vdab") for g in sorted(generate_nl_forms(item))]
        add_forms(forms, target, "nl", candidates, preferred=target.startswith("vdab:"), exclude=rows)
    settings = {**settings, "vdab_items": len(items), "vdab_items_linked": n_vdab["linked"]}
    t1 = time.time()
    docs = corpus(data, cache, settings.get("exclude_dev", False))
    t2 = time.time()
    stats = attest(docs, forms, lex)
    for key, f in forms.items():  # a Dutch form counts in Dutch documents, never in the VDAB rows it came from
        st = stats.get(key)
        if st is not None and f.language == "nl":
            st.docs = {d for d in st.docs if docs[d].language == "nl" and docs[d].key not in f.exclude}
            st.title_docs &= st.docs
    evidence = span_evidence(data, forms, lex)
    t3 = time.time()
    kept: dict[str, Form] = {}
    reasons = Counter()
    case_forms: dict[str, list[str]] = {}
    verdicts = {}
    for key, f in forms.items():
        st = stats.get(key)
        verdict = decide(f, st, evidence.get(key, [0, 0]), settings, lex, curated_labels, curated_lemma,
                         occupation_keys, concepts)
        verdicts[key] = verdict
        if not verdict.startswith("keep"):
            reasons[verdict] += 1
            continue
        words = f.text.split(" ")
        if verdict == "keep-cased":
            case_forms[key] = [st.surfaces.most_common(1)[0][0]]
        elif len(words) > 1 and words[0].lower() in verbs and f.language == "en" and settings["verb_phrases"] == "drop":
            reasons["verb phrase"] += 1
            verdicts[key] = "verb phrase"
            continue
        elif len(words) > 1 and words[0].lower() in verbs and f.language == "en":
            # a verb phrase matches as written only, in lower case or capitalised: no lemma lookup, so the
            # past tense of a CV bullet ("Maintained equipment") is not read as the skill
            low = words[0].lower() + " " + " ".join(words[1:])
            case_forms[key] = [low, low[:1].upper() + low[1:]]
        kept[key] = f
    if dump_forms:
        with dump_forms.open("w", encoding="utf-8") as fh:
            for key, f in sorted(forms.items()):
                st = stats.get(key)
                if st is None:
                    continue
                fh.write(json.dumps({"key": key, "lang": f.language, "sources": sorted(f.sources),
                                     "concepts": sorted(concepts[u].preferred for u in f.concepts),
                                     "preferred": bool(f.from_preferred), "docs": len(st.docs),
                                     "title": len(st.title_docs), "mid": st.mid, "caps": st.mid_caps,
                                     "total": st.total, "standalone": st.standalone,
                                     "span": evidence.get(key, [0, 0]), "verdict": verdicts[key]},
                                    ensure_ascii=False) + "\n")
    # one concept per form
    attested_count = Counter(uri for f in kept.values() for uri in f.concepts)
    by_concept: dict[str, list[str]] = defaultdict(list)
    for key, f in sorted(kept.items()):  # among the concepts it names, the one it names most of
        named = named_concepts(f, key.split(" "), concepts, lex)
        owner = sorted(named, key=lambda u: (u not in f.preferred_of, -named[u], u not in f.from_preferred,
                                             -attested_count[u], u))[0]
        by_concept[owner].append(key)
    out: list[dict] = []
    nl_out: list[dict] = []
    used_ids: dict[str, str] = {}
    per_source = Counter()
    per_lang = Counter()
    per_file = Counter()
    for uri in sorted(by_concept, key=lambda u: (slug(concepts[u].preferred), u)):
        c = concepts[uri]
        if uri.startswith("curated:"):  # extends a curated concept: only its new Dutch labels
            concept: dict = {"id": uri.split(":", 1)[1]}
        elif uri.startswith("vdab:"):
            cid = "vdab." + uri.split(":", 1)[1]
            concept = {"id": cid, "type": c.skill_type, "category": VDAB_CATEGORY, "imported": True}
        else:
            cid = "esco." + slug(c.preferred)
            if cid in used_ids:
                cid = f"{cid}_{uri.rsplit('/', 1)[-1][:8].replace('-', '')}"
            used_ids[cid] = uri
            concept = {"id": cid, "type": concept_type(c), "category": category(c), "esco": uri, "imported": True}
        case_sensitive: list[str] = []
        lemma_seen: set[str] = set()
        for lang in ("en", "nl"):
            order = {form_key(lab): n for n, lab in enumerate(c.labels[lang])}
            labels = []
            for key in sorted((k for k in by_concept[uri] if kept[k].language == lang),
                              key=lambda k: (order.get(k, 999), len(k), k)):
                lemma = lex.lemma_key(key.split(" "))
                if lemma in lemma_seen and key not in case_forms:
                    continue  # the matcher's lemma lookup finds this inflection already
                lemma_seen.add(lemma)
                texts = case_forms.get(key) or [kept[key].text]
                if key in case_forms:
                    case_sensitive += texts
                labels += texts
                sources = kept[key].sources
                per_source["label" if "label" in sources else "vdab" if "vdab" in sources else "generated"] += 1
                per_lang[lang] += 1
            if labels:
                concept[lang] = list(dict.fromkeys(labels))
        if case_sensitive:
            concept["case_sensitive"] = sorted(set(case_sensitive))
        if uri.startswith("vdab:"):
            # VDAB's phrase has no translation; it stands as the English label too (a non-ESCO concept carries both
            # languages), and labels match in either language's text anyway
            concept["en"] = list(concept.get("nl", []))
        if uri.startswith(("curated:", "vdab:")):
            nl_out.append(concept)
            per_file["curated extended" if uri.startswith("curated:") else "vdab concepts"] += 1
        else:
            out.append(concept)
    out.sort(key=lambda c: c["id"])
    nl_out.sort(key=lambda c: c["id"])
    summary = {
        "documents": len(docs), "documents_by_language": dict(Counter(d.language for d in docs)),
        "esco_concepts": n_esco, "candidate_forms": len(forms),
        "candidate_forms_by_source": dict(Counter("label" if "label" in f.sources else "vdab" if "vdab" in f.sources
                                                  else "generated" for f in forms.values())),
        "concepts": len(out), "nl_concepts": dict(per_file), "forms": sum(per_source.values()),
        "forms_by_source": dict(per_source),
        "forms_by_language": dict(per_lang), "case_sensitive": len(case_forms), "skipped_concepts": dict(skipped),
        "dropped_forms": dict(reasons), **settings,
        "seconds": {"esco": round(t1 - t0, 1), "corpus": round(t2 - t1, 1), "attest": round(t3 - t2, 1)},
    }
    return out, nl_out, summary


def _scalar(value) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("\n...").strip()


def _concept_lines(concepts: list[dict]) -> list[str]:
    lines = []
    for c in concepts:
        lines.append(f"- id: {c['id']}")
        for k in ("type", "category", "esco", "imported", "en", "nl", "case_sensitive"):
            if k in c:
                lines.append(f"  {k}: {_scalar(c[k])}")
    return lines


def _settings_line(summary: dict) -> str:
    return (f"# attested in >= {summary['min_docs']} of {summary['documents']} documents "
            f"({', '.join(f'{k} {v}' for k, v in sorted(summary['documents_by_language'].items()))}; test part, "
            f"real-ads-sample out; a Dutch form counts in Dutch documents only); "
            f"everyday-word log-prob > {summary['everyday_logprob']}, capitalised share >= {summary['caps_share']}, "
            f"list-item share >= {summary['standalone_share']}, generic-word log-prob > {summary['generic_logprob']}, "
            f"verb phrases: {summary['verb_phrases']}")


def dump(concepts: list[dict], summary: dict) -> str:
    """Deterministic, compact YAML: one line per concept field, label lists in flow style."""
    n_en = sum(len(c.get("en", [])) for c in concepts)
    n_nl = sum(len(c.get("nl", [])) for c in concepts)
    lines = [
        "# GENERATED by bench/build_vocabulary.py: do not edit by hand (rerun the script; rules in its docstring).",
        "# ESCO skills whose labels real documents use: imported concepts beside the curated taxonomy.",
        "# This service uses the ESCO classification of the European Commission (v1.1.1 en, v1.2.x nl labels).",
        f"# concepts: {len(concepts)}; forms: {n_en + n_nl} (en {n_en}, nl {n_nl}); all outputs together, by source: "
        f"ESCO labels {summary['forms_by_source'].get('label', 0)}, generated {summary['forms_by_source'].get('generated', 0)}, "
        f"VDAB competences {summary['forms_by_source'].get('vdab', 0)}; case-sensitive {summary['case_sensitive']}",
        _settings_line(summary),
    ]
    return "\n".join(lines + _concept_lines(concepts)) + "\n"


def dump_nl(concepts: list[dict], summary: dict) -> str:
    """The second output: Dutch forms that extend curated concepts (id and labels only) and VDAB's competences."""
    ext = [c for c in concepts if "type" not in c]
    vdab = [c for c in concepts if "type" in c]
    lines = [
        "# GENERATED by bench/build_vocabulary.py: do not edit by hand (rerun the script; rules in its docstring).",
        "# Dutch surface forms attested in real Dutch documents: entries with only an id and labels extend curated",
        "# concepts (later files add labels, see README); vdab.* concepts are VDAB competence items no ESCO or",
        "# curated label matches (imported: true).",
        f"# curated concepts extended: {len(ext)} ({sum(len(c.get('nl', [])) for c in ext)} nl forms); "
        f"VDAB concepts: {len(vdab)} ({sum(len(c.get('nl', [])) for c in vdab)} forms); VDAB items read "
        f"{summary['vdab_items']} ({summary['vdab_items_linked']} linked to an ESCO or curated concept)",
        _settings_line(summary),
    ]
    return "\n".join(lines + _concept_lines(concepts)) + "\n"


def main(argv: list[str] | None = None) -> int:
    from pipeline.real_corpus import shared_data

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="../shared/data (default: beside the checkout)")
    parser.add_argument("--corpus-cache", type=Path, default=DEFAULT_CACHE, help="extracted corpus texts")
    parser.add_argument("--taxonomy", type=Path, default=REPO / "taxonomy", help="curated taxonomy folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--everyday-logprob", type=float, default=-12.0)
    parser.add_argument("--caps-share", type=float, default=0.7)
    parser.add_argument("--one-word-logprob", type=float, default=-14.0,
                        help="one-word forms more frequent than this need skill-span evidence")
    parser.add_argument("--generic-logprob", type=float, default=-8.0,
                        help="multi-word forms with a content word more frequent than this are left out")
    parser.add_argument("--standalone-share", type=float, default=0.2,
                        help="least share of occurrences that are a list item of their own")
    parser.add_argument("--nl-compound-min", type=int, default=8,
                        help="a generated or VDAB Dutch one-word form this long that is no dictionary word (a "
                             "compound: aankoopprocessen) needs no list-item evidence")
    parser.add_argument("--exclude-dev", action="store_true",
                        help="leave the real corpus's dev documents out too (to measure on dev without leakage)")
    parser.add_argument("--span-min", type=int, default=3, help="annotated occurrences needed to judge a form")
    parser.add_argument("--span-share", type=float, default=0.25, help="least share inside skill spans")
    parser.add_argument("--verb-phrases", choices=("drop", "cased"), default="drop",
                        help="forms that start with a base-form verb: left out, or matched as written only")
    parser.add_argument("--dump-forms", type=Path, default=None, help="write every attested form (JSON lines)")
    parser.add_argument("--report", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    data = args.data or shared_data()
    if not (data / ESCO_EN_ZIP).exists():
        print(f"ESCO not found under {data}", file=sys.stderr)
        return 2
    settings = {"min_docs": args.min_docs, "everyday_logprob": args.everyday_logprob, "caps_share": args.caps_share,
                "span_min": args.span_min, "span_share": args.span_share, "verb_phrases": args.verb_phrases,
                "one_word_logprob": args.one_word_logprob, "generic_logprob": args.generic_logprob,
                "standalone_share": args.standalone_share, "exclude_dev": args.exclude_dev,
                "nl_compound_min": args.nl_compound_min}
    concepts, nl_concepts, summary = build(data, args.corpus_cache, args.taxonomy, settings, args.dump_forms)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(concepts, summary), encoding="utf-8")
    nl_path = args.out.parent / f"{NL_STEM}.yml"
    nl_path.write_text(dump_nl(nl_concepts, summary), encoding="utf-8")
    print(f"wrote {args.out}: {summary['concepts']} concepts, {summary['forms']} forms "
          f"({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    if args.report:
        print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
