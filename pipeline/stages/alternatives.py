"""Alternatives: the skills of a vacancy that ask for one thing between them get the same `group`.

"PostgreSQL, SQL Server or MySQL", "Exact Online of AFAS", "a cloud platform such as Azure or AWS", "one of:
Python, Java, Go", "Word/Excel", "Salesforce or equivalent": a candidate who has one of them meets the
requirement, so the fit score counts a group once, met by its best member (pipeline/store/views.sql).

How a group is found, within one sentence (or bullet line) of a vacancy, among mentions that are asked for
(`requirement` set by the classify stage, which runs before this one):

- a *run* is a sequence of mentions with nothing between them but list punctuation and conjunctions
  (", ", "/", "or", "and", Dutch "of" and "en", "and/or", "en/of");
- a run is cut at its conjunctive "and"/"en" into *segments*; a segment whose last items are joined by a
  disjunction ("or", "/", "and/or"; Dutch "of" only in Dutch text, where "knowledge of" cannot occur) is a group:
  "Python, Java or C# and Git" is the group {Python, Java, C#} and Git on its own; a disjunction inside a list
  joins only its own items ("HACCP, BA4 of BA5, VCA": HACCP, VCA, and one of BA4 and BA5);
- a list after "one of", "either", "any of", "één van", "een van de volgende", "sectors such as", "sectoren zoals"
  is a group however it is joined;
- a list introduced by "such as", "e.g.", "for example", "zoals", "bijvoorbeeld", or in parentheses with a
  disjunction, gives examples of the skill named just before it (the head): head and examples are one group
  ("relational databases (PostgreSQL, SQL Server or MySQL)", "a cloud platform such as Azure or AWS"; at most
  two words between the head and the cue);
- "or equivalent", "or similar", "or another ...", "of gelijkwaardig", "of een andere ..." after a segment
  makes it a group that also accepts equivalents (siblings in the taxonomy, with `fit_weights.equivalent`
  credit), even with one member.

One phrase, one requirement: two skills found in one word or phrase, where one is a certificate or the two are
a product and its broader concept ("RIZIV-visum": a RIZIV number and the visa; "Salesforce CRM"), ask for one
thing, so they form a group too (joined by nothing or a hyphen; by one space only for a product and its broader
concept, since "Rijbewijs B VCA" lists two certificates). This needs the taxonomy: the stage is
`GroupAlternatives(taxonomy)`; `alternatives(doc)` without one skips it.

Group ids are "g1", "g2", ... in text order; a group that accepts equivalents has "+equivalent" appended
("g3+equivalent"). CVs and mentions that are not asked for never get a group.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.model import Document, Mention
from pipeline.sentences import bounds_of

if TYPE_CHECKING:
    from pipeline.taxonomy import Taxonomy

EQUIVALENT_SUFFIX = "+equivalent"

# What may stand between two items of a list: punctuation, at most one conjunction, an "or another"/"or
# equivalent" phrase, or the cue that starts a list of examples ("such as"); nothing else. A suspended compound's
# hyphen comes first: "heftruck- of reachtruckattest".
_CONJUNCTION = r"and\s*/\s*or|en\s*/\s*of|and|or|en|of|as well as|alsook|either|hetzij"
GAP = re.compile(r"[-\u2010\u2011]?[\s,/&():]*(?:\b(?:" + _CONJUNCTION + r")\b[\s,/&():]*)?", re.I)
DISJUNCTION = re.compile(r"/|\bor\b|\band\s*/\s*or\b|\ben\s*/\s*of\b|\bhetzij\b|\beither\b", re.I)
DUTCH_OR = re.compile(r"\bof\b", re.I)
CONJUNCTION_AND = re.compile(r"\b(?:and|en|as well as|alsook)\b(?!\s*/)", re.I)
# "or equivalent" after an item (in the gap before the next one, or after the last one)
EQUIVALENT = re.compile(
    # ... past a list item on no list: "Bachelor in marketing, communicatie of gelijkwaardig"
    r"^[\s,]*(?:[^\W\d_]+,?\s+)?(?:\bor\b|\bof\b)\s+(?:an?\s+|een\s+)?(?:equivalent|similar|comparable|another|other|any other|"
    r"gelijkwaardige?|gelijkaardige?|vergelijkba(?:ar|re)|soortgelijke?|andere?)\b"
    # "a degree in marketing, or equivalent experience": the equivalent is of the degree, not of the skill
    r"(?!\s+(?:work\s+|relevant\s+|professional\s+|practical\s+|combination\s+of\s+)?(?:experience|ervaring|werkervaring|qualifications?|diploma|degree|opleiding|"
    r"niveau|level|education|training)\b)", re.I)
# A cue right before a list that makes it one group whatever joins it.
ONE_OF = re.compile(r"\b(?:(?:at least |minstens |minimaal )?(?:one|één|een|1) (?:of|van)(?: the following| de volgende)?"
                    r"(?: \w+)?|either|any of|hetzij|(?:sectors|sectoren|industries|branches|markets|markten|domains|"
                    r"domeinen) (?:such as|like|including|zoals|waaronder))\s*[:(]?\s*$", re.I)
# A cue between a head and its examples: "cloud platform such as Azure or AWS".
EXAMPLES = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:\(\s*)?(?:such as|e\.\s?g\.|for example|for instance|"
                      r"zoals|bijvoorbeeld|bijv\.|bv\.)\s*:?\s*$", re.I)
# Words allowed between a head and an opening parenthesis: "CI/CD pipelines (GitHub Actions or GitLab CI)".
PAREN_HEAD = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?\($", re.I)
ONE_OF_WINDOW = 40  # characters before a list searched for "one of"
WORD_JOINT = re.compile(r"[-\u2010\u2011]?")  # within one word: "RIZIV-visum"
PHRASE_JOINT = re.compile(r"[ \t]")  # within one phrase: "Salesforce CRM"


# "or" and capitalised words that begin the next item's name, where only its last words are a skill:
# "Finance, Accounting or Business Economics"
OR_NAME_WORDS = re.compile(r"[\s,]*\b(?P<word>or|of)\s+(?:[A-Z][\w&-]*\s+){1,2}")


def _gap_kind(gap: str, dutch: bool) -> str | None:
    """How two neighbouring items are joined: "or", "slash" (a bare "/"), "or-other" ("or another", "or equivalent"), "and",
    "list" (a comma, a colon or nothing) or None (the gap holds other words: not one list)."""
    if EQUIVALENT.match(gap):
        return "or-other"  # "Airflow or another orchestration tool", "Salesforce or equivalent CRM"
    named = OR_NAME_WORDS.fullmatch(gap)
    if named and (named.group("word") == "or" or dutch):  # Dutch "of" only in Dutch text
        return "or"
    if not GAP.fullmatch(gap):
        return None
    if DISJUNCTION.search(gap) or (dutch and DUTCH_OR.search(gap)):
        return "slash" if gap.strip() == "/" else "or"
    if CONJUNCTION_AND.search(gap):
        return "and"
    return "list"


class _Groups:
    """Union-find over mention indices, with the equivalent flag per root."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.equivalent: set[int] = set()

    def find(self, i: int) -> int:
        while self.parent.get(i, i) != i:
            i = self.parent[i]
        return i

    def join(self, items: list[int], equivalent: bool = False) -> None:
        """Put `items` in one group (a single item only when it accepts equivalents)."""
        if not items or (len(items) < 2 and not equivalent):
            return
        roots = sorted({self.find(i) for i in items})
        root = roots[0]
        self.parent.setdefault(root, root)
        for other in roots[1:]:
            self.parent[other] = root
            if other in self.equivalent:
                self.equivalent.add(root)
        if equivalent:
            self.equivalent.add(root)

    def grouped(self, i: int) -> bool:
        return i in self.parent


def _closes_with_equivalent(text: str, end: int) -> bool:
    """Whether "or equivalent" (or "or another ...") follows right after offset `end`."""
    return EQUIVALENT.match(text[end:end + 60]) is not None


def _lists(text: str, mentions: list[Mention], idx: list[int], dutch: bool, groups: _Groups) -> None:
    """Lists among the asked-for mentions `idx` (indices into `mentions`, in text order) of one sentence."""
    runs: list[list[int]] = []  # items with only list punctuation and conjunctions between them
    joins: list[list[str]] = []  # the kind of each gap in a run
    for i in idx:
        if runs:
            prev = runs[-1][-1]
            overlap = mentions[i].start < mentions[prev].end
            kind = None if overlap else _gap_kind(text[mentions[prev].end:mentions[i].start], dutch)
            if kind is not None:
                runs[-1].append(i)
                joins[-1].append(kind)
                continue
        runs.append([i])
        joins.append([])
    for run, join in zip(runs, joins):
        # Cut at "and" into segments, unless "one of" comes before the list; a segment with a disjunction, or
        # followed by "or equivalent", is a group.
        lead = text[max(0, mentions[run[0]].start - ONE_OF_WINDOW):mentions[run[0]].start]
        one_of = ONE_OF.search(lead) is not None
        segment, kinds = [run[0]], list[str]()
        for item, kind in [*zip(run[1:], join), (None, "end")]:
            if item is None or (kind == "and" and not one_of):
                equivalent = "or-other" in kinds or _closes_with_equivalent(text, mentions[segment[-1]].end)
                if not _all_languages_asked(text, mentions, segment, kinds):
                    for part in _disjoined(segment, kinds, whole=one_of or equivalent):
                        groups.join(part, equivalent)
                if item is not None:
                    segment, kinds = [item], []
            else:
                segment.append(item)
                kinds.append(kind)


def _disjoined(segment: list[int], kinds: list[str], whole: bool) -> list[list[int]]:
    """The groups of one segment: all of it when `whole` ("one of", "or equivalent"), when its last join other than a
    slash is the word "or" ("X, Y or Z", "X, Y, or Z/W") or when slashes join all of it ("X/Y/Z"); else each
    stretch of items joined by "or" or a slash ("HACCP, BA4 of BA5, VCA" asks for HACCP, VCA and one of BA4 and
    BA5; "HTML, CSS, JavaScript/TypeScript" for HTML, CSS and one of the two scripting languages)."""
    words = [kind for kind in kinds if kind != "slash"]  # "Power Apps, Python, or Agile/Scrum": the "or" is last
    if whole or (words and words[-1] == "or") or (kinds and not words):
        return [segment]
    parts: list[list[int]] = []
    for k, kind in enumerate(kinds):
        if kind in ("or", "slash"):
            if parts and parts[-1][-1] == segment[k]:
                parts[-1].append(segment[k + 1])
            else:
                parts.append([segment[k], segment[k + 1]])
    return parts


# "Vlot 2-talig Nederlands/Frans", "bilingual English/Dutch": the languages a multilingual word names are all asked
MULTILINGUAL = re.compile(r"\b(?:tweetalig|drietalig|meertalig|[23]-talig|bilingual|trilingual|multilingual)\w*[\s:(]*$",
                          re.I)
# ... and a slash list of them after "speaks": "Je spreekt NL/FR/EN" (with "or", "Nederlands of Frans", one will do)
SPEAKS = re.compile(r"\b(?:spreekt|spreek|speak|speaks)[\s:(]*$", re.I)


def _all_languages_asked(text: str, mentions: list[Mention], segment: list[int], kinds: list[str]) -> bool:
    """Whether a segment is languages after a word saying the candidate speaks them all ("tweetalig NL/FR")."""
    if not all(mentions[i].skill_id.startswith("lang.") for i in segment):
        return False
    start, end = max(0, mentions[segment[0]].start - ONE_OF_WINDOW), mentions[segment[0]].start
    return MULTILINGUAL.search(text, start, end) is not None \
        or (all(k == "slash" for k in kinds) and SPEAKS.search(text, start, end) is not None)


def _examples(text: str, mentions: list[Mention], idx: list[int], dutch: bool, groups: _Groups) -> None:
    """A head, a cue ("such as", "zoals", an opening parenthesis) and the list after it: one group."""
    for k, (a, b) in enumerate(zip(idx, idx[1:])):
        between = text[mentions[a].end:mentions[b].start]
        if mentions[b].start < mentions[a].end:
            continue
        paren = PAREN_HEAD.match(between) is not None
        if not (paren or EXAMPLES.match(between)):
            continue
        examples, kinds = [b], []  # b and the items listed right after it
        for c in idx[k + 2:]:
            gap = text[mentions[examples[-1]].end:mentions[c].start]
            kind = _gap_kind(gap, dutch)
            if kind is None or (paren and ")" in gap):
                break
            examples.append(c)
            kinds.append(kind)
        equivalent = "or-other" in kinds or _closes_with_equivalent(text, mentions[examples[-1]].end)
        if paren and "or" not in kinds and "slash" not in kinds and not equivalent:
            continue  # "Python (pandas, NumPy)": the parentheses detail the head, they offer no choice
        groups.join([a, *examples], equivalent)


def _one_phrase(text: str, mentions: list[Mention], idx: list[int], taxonomy: Taxonomy, groups: _Groups) -> None:
    """Two skills in one word or phrase that ask for one thing: a certificate and what it certifies, a product and
    its broader concept."""
    for a, b in zip(idx, idx[1:]):
        first, second = taxonomy.skills.get(mentions[a].skill_id), taxonomy.skills.get(mentions[b].skill_id)
        if first is None or second is None or first.id == second.id or mentions[b].start < mentions[a].end:
            continue
        related = first.broader == second.id or second.broader == first.id
        if WORD_JOINT.fullmatch(text, mentions[a].end, mentions[b].start):
            if related or "certificates" in (first.category, second.category):
                groups.join([a, b])
        elif related and PHRASE_JOINT.fullmatch(text, mentions[a].end, mentions[b].start):
            groups.join([a, b])


def _language(doc: Document, offset: int) -> str | None:
    section = doc.section_at(offset)
    return (section.language if section and section.language else None) or doc.language


class GroupAlternatives:
    """Stage: give the asked-for mentions of a vacancy that are alternatives of one requirement, or two skills in
    one phrase, the same `group`."""

    name = "alternatives"

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy

    def __call__(self, doc: Document) -> Document:
        return alternatives(doc, self.taxonomy)


def alternatives(doc: Document, taxonomy: Taxonomy | None = None) -> Document:
    """Give the asked-for mentions of a vacancy that are alternatives of one requirement the same `group` (and,
    with a taxonomy, two skills in one phrase)."""
    if doc.kind != "vacancy" or not doc.mentions:
        return doc
    mentions = list(doc.mentions)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    sentence_of = bounds_of(doc.text)
    # alternatives share their requirement: "Finance or Economics (RA/RC is a plus)" asks for a degree, and
    # prefers a title on top of it
    by_sentence: dict[tuple[tuple[int, int], str | None], list[int]] = {}
    for i in order:
        if mentions[i].requirement is not None:
            key = (sentence_of(mentions[i].start, mentions[i].end), mentions[i].requirement)
            by_sentence.setdefault(key, []).append(i)
    groups = _Groups()
    for idx in by_sentence.values():
        dutch = _language(doc, mentions[idx[0]].start) == "nl"
        _lists(doc.text, mentions, idx, dutch, groups)
        _examples(doc.text, mentions, idx, dutch, groups)
        if taxonomy is not None:
            _one_phrase(doc.text, mentions, idx, taxonomy, groups)
    if not groups.parent:
        return doc
    # Number the groups in text order of their first member.
    names: dict[int, str] = {}
    for i in order:
        if groups.grouped(i):
            root = groups.find(i)
            if root not in names:
                names[root] = f"g{len(names) + 1}" + (EQUIVALENT_SUFFIX if root in groups.equivalent else "")
    out = []
    for i, m in enumerate(mentions):
        group = names[groups.find(i)] if groups.grouped(i) else None
        out.append(m if group is None else Mention(
            m.skill_id, m.start, m.end, m.text, m.method, m.confidence, section=m.section, requirement=m.requirement,
            years=m.years, level=m.level, group=group, type=m.type, key=m.key, link=m.link))
    return doc.replace(mentions=tuple(out))
