"""Score extraction against the blind, surface-annotated real-document corpus (tests/eval/real).

The annotators wrote surfaces (the words in the text), not concept ids, so the scoring is on text: a gold item is
every occurrence of its surface; a mention hits it when they overlap and at least half of the mention lies
inside it. Recall counts gold items hit; precision counts predicted (concept, surface) pairs that hit a gold item,
leaving out those that only hit an `acceptable` item. The rules are in tests/eval/README.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.api import Extractor
from pipeline.evaluate import Tally
from pipeline.model import Document, Mention
from pipeline.real_corpus import available, document_text
from pipeline.taxonomy import Taxonomy

PARTS = ("dev", "test")
MISS_CLASSES = ("context_veto", "morphology", "missing_wording", "missing_concept")
FALSE_CLASSES = ("boundary", "wrong_concept", "non_skill")
# How a vacancy treats a skill (an annotator's `requirement` on a gold item; a mention's requirement None, in an
# offer or about section, is not_asked). Several mentions of one item: the strongest counts, as in fit.
REQUIREMENTS = ("required", "preferred", "not_asked")
# What a vacancy states for a skill (an annotator's `years` and `level` on a gold item, absent when none): several
# mentions of one item give the most years, and a level any of them has.
STATED = ("years", "level")
_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = ("ities", "ings", "ing", "ies", "ers", "en", "es", "er", "ed", "e", "s")  # crude, EN and NL


def load_real_gold(folder: str | Path, part: str | None = None) -> list[dict[str, Any]]:
    """Annotated gold files under folder/dev and folder/test (or one part), each with `split` set; a drawn
    document that no annotator has done yet (no `annotator`) is left out."""
    docs = []
    for name in (part,) if part else PARTS:
        for path in sorted((Path(folder) / name).glob("*.yml")):
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
            if gold.get("annotator"):
                gold["split"] = name
                docs.append(gold)
    return docs


def occurrences(surface: str, text: str) -> list[tuple[int, int]]:
    """[start, end) of every case-insensitive occurrence of `surface` in `text` as whole words (`R` is not the r
    in "for"), any whitespace between words. Word edges are ASCII letters and digits only, since real PDFs glue
    mojibake to words ("budgetsÂ")."""
    words = surface.split()
    if not words:
        return []
    pattern = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, words)) + r"(?![A-Za-z0-9])"
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def _hits(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps a span with at least half of its own characters inside it."""
    return any(min(end, e) - max(start, s) >= (end - start) / 2 for s, e in spans)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(min(end, e) > max(start, s) for s, e in spans)


def stem(word: str) -> str:
    word = word.casefold()
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(text))


class LabelIndex:
    """The taxonomy's labels, for telling apart why a skill was missed."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        labels = [label for skill in taxonomy.skills.values() for values in skill.labels.values() for label in values]
        self.exact = {" ".join(label.casefold().split()) for label in labels}
        self.stemmed = {tuple(sorted(stems(label))) for label in labels}
        self.compact = {"".join(stems(label)) for label in labels}  # "aankoop proces" ~ "aankoopprocessen"
        self.by_stem: dict[str, set[str]] = defaultdict(set)
        for label in labels:
            for s in stems(label):
                self.by_stem[s].add(label)

    def miss_class(self, surface: str) -> str:
        if " ".join(surface.casefold().split()) in self.exact:
            return "context_veto"
        surface_stems = stems(surface)
        if tuple(sorted(surface_stems)) in self.stemmed or "".join(surface_stems) in self.compact:
            return "morphology"
        content = [s for s in surface_stems if len(s) >= 4]
        if content and max(content, key=len) in self.by_stem:
            return "missing_wording"
        return "missing_concept"


@dataclass
class SpanReport:
    """Span-level results, overall and broken down by part, language, kind and error class."""

    tallies: dict[tuple[str, ...], Tally] = field(default_factory=lambda: defaultdict(Tally))
    miss_classes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # part -> class counts
    false_classes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    type_checked: Counter = field(default_factory=Counter)  # part -> count
    type_correct: Counter = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)  # one row per miss or false positive
    documents: Counter = field(default_factory=Counter)  # part -> documents scored
    requirements: dict[tuple[str, ...], Counter] = field(default_factory=lambda: defaultdict(Counter))  # (gold, found)
    stated: dict[tuple[str, ...], Tally] = field(default_factory=lambda: defaultdict(Tally))  # scope + (years|level,)
    unavailable: int = 0

    def tally(self, *scope: str) -> Tally:
        return self.tallies[scope]

    def type_accuracy(self, part: str) -> float:
        return self.type_correct[part] / self.type_checked[part] if self.type_checked[part] else 1.0

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for scope, tally in sorted(self.tallies.items()):
            out.append({"scope": "real " + " ".join(scope), **tally.row()})
        for part in sorted(self.type_checked):
            out.append({"scope": f"real {part} type accuracy", "precision": round(self.type_accuracy(part), 3)})
        for scope, pairs in sorted(self.requirements.items()):
            name = "real " + " ".join(scope) + " requirement"
            right = sum(n for (gold, found), n in pairs.items() if gold == found)
            out.append({"scope": f"{name} accuracy", "tp": right, "fn": sum(pairs.values()) - right,
                        "precision": round(right / sum(pairs.values()), 3)})
            for level in REQUIREMENTS[1:]:
                out.append({"scope": f"{name} {level}", **requirement_tally(pairs, level).row()})
        for scope, tally in sorted(self.stated.items()):
            out.append({"scope": "real " + " ".join(scope), **tally.row()})
        return out

    def class_rows(self, part: str) -> list[dict[str, Any]]:
        rows = [{"error": f"miss: {c}", "count": self.miss_classes[part][c]} for c in MISS_CLASSES]
        return rows + [{"error": f"false: {c}", "count": self.false_classes[part][c]} for c in FALSE_CLASSES]


def requirement_tally(pairs: Counter, level: str) -> Tally:
    """One requirement level as a class: found at that level and annotated so (tp), found but annotated otherwise
    (fp), annotated but found otherwise (fn)."""
    return Tally(tp=pairs[level, level], fp=sum(n for (gold, found), n in pairs.items() if found == level != gold),
                 fn=sum(n for (gold, found), n in pairs.items() if gold == level != found))


def _strongest(requirements: Iterable[str | None]) -> str:
    found = set(requirements)
    return next((level for level in REQUIREMENTS[:2] if level in found), "not_asked")


def _same(want: Any, got: Any) -> bool:
    """Years as numbers (2 == 2.0), levels as words in any case."""
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return float(want) == float(got)
    return str(want).casefold() == str(got).casefold()


def _stated(name: str, mentions: list[Mention], want: Any) -> Any:
    """What the mentions state: the most years (as the annotators took the occurrence that asks the most); for the
    level, the annotated one when any mention has it, else the first in the text."""
    values = [getattr(m, name) for m in sorted(mentions, key=lambda m: m.start) if getattr(m, name) is not None]
    if not values:
        return None
    if name == "years":
        return max(values)
    return next((v for v in values if want is not None and _same(want, v)), values[0])


def _own_spans(spans: list[tuple[int, int]], others: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """An item's occurrences that are not inside another item's longer one: "e-commerce" inside "e-commerce
    systems" is that item's, with its own level and years."""
    return [(s, e) for s, e in spans
            if not any(a <= s and e <= b and (a, b) != (s, e) for other in others for a, b in other)]


def _section_kind(doc: Document, offset: int) -> str | None:
    """The kind of section an offset is in (error records name it: where false positives come from)."""
    section = doc.section_at(offset)
    return section.kind if section else None


def score_document(report: SpanReport, gold: dict[str, Any], text: str, doc: Document, index: LabelIndex,
                   taxonomy: Taxonomy) -> None:
    """Tally one document's mentions against its gold items."""
    part, scopes = gold["split"], [(gold["split"],), (gold["split"], gold["language"]),
                                    (gold["split"], gold["language"], gold["kind"])]
    items = [(item["text"], item["type"], occurrences(item["text"], text)) for item in gold.get("skills") or []]
    acceptable = [span for surface in gold.get("acceptable") or [] for span in occurrences(str(surface), text)]
    predicted: dict[tuple[str, str], list] = defaultdict(list)
    for m in doc.mentions:
        predicted[(m.skill_id, " ".join(m.text.casefold().split()))].append(m)
    hit_items: set[int] = set()
    counts: Counter[str] = Counter()
    for (skill_id, surface), mentions in predicted.items():
        hits = {i for i, (_, _, spans) in enumerate(items) for m in mentions if _hits(m.start, m.end, spans)}
        skill_type = taxonomy.skills[skill_id].type if skill_id in taxonomy.skills else mentions[0].type
        if hits:
            hit_items |= hits
            gold_types = {items[i][1] for i in hits}
            report.type_checked[part] += 1
            report.type_correct[part] += skill_type in gold_types
            shared = any(set(stems(surface)) & set(stems(items[i][0])) for i in hits)
            if skill_type not in gold_types and not shared:
                counts["fp"] += 1
                report.false_classes[part]["wrong_concept"] += 1
                report.errors.append({"part": part, "doc": gold["id"], "error": "false: wrong_concept",
                                      "skill": skill_id, "text": mentions[0].text,
                                      "section": _section_kind(doc, mentions[0].start)})
            else:
                counts["tp"] += 1
            continue
        if any(_hits(m.start, m.end, acceptable) for m in mentions):
            continue
        cls = "boundary" if any(_overlaps(m.start, m.end, spans) for m in mentions for _, _, spans in items) \
            else "non_skill"
        counts["fp"] += 1
        report.false_classes[part][cls] += 1
        report.errors.append({"part": part, "doc": gold["id"], "error": f"false: {cls}", "skill": skill_id,
                              "text": mentions[0].text, "section": _section_kind(doc, mentions[0].start)})
    every = [spans for _, _, spans in items]
    for item, (surface, _, spans) in zip(gold.get("skills") or [], items):
        own = _own_spans(spans, every)
        if not item.get("requirement") or not (hitting := [m for m in doc.mentions if _hits(m.start, m.end, own)]):
            continue  # not a vacancy's item, or missed
        found = _strongest(m.requirement for m in hitting)
        for scope in scopes[:2]:
            report.requirements[scope][item["requirement"], found] += 1
        if found != item["requirement"]:
            report.errors.append({"part": part, "doc": gold["id"], "error": f"requirement: {item['requirement']}>{found}",
                                  "skill": None, "text": surface})
        for name in STATED:
            want = item.get(name)
            got = _stated(name, hitting, want)
            if want is None and got is None:
                continue
            right = want is not None and got is not None and _same(want, got)
            for scope in scopes[:2]:
                tally = report.stated[scope + (name,)]
                tally.tp, tally.fp, tally.fn = tally.tp + right, tally.fp + (got is not None and not right), \
                    tally.fn + (want is not None and not right)
            if not right:
                report.errors.append({"part": part, "doc": gold["id"], "error": f"{name}: {want}>{got}", "skill": None,
                                      "text": surface})
    for i, (surface, _, _) in enumerate(items):
        if i in hit_items:
            continue
        counts["fn"] += 1
        cls = index.miss_class(surface)
        report.miss_classes[part][cls] += 1
        report.errors.append({"part": part, "doc": gold["id"], "error": f"miss: {cls}", "skill": None, "text": surface})
    for scope in scopes:
        tally = report.tallies[scope]
        tally.tp, tally.fp, tally.fn = tally.tp + counts["tp"], tally.fp + counts["fp"], tally.fn + counts["fn"]


def evaluate_real(extractor: Extractor, gold_docs: Iterable[dict[str, Any]], gold_root: str | Path) -> SpanReport:
    """Extract every available gold document (kind given, language detected) and score it."""
    report, index, gold_root = SpanReport(), LabelIndex(extractor.taxonomy), Path(gold_root)
    for gold in gold_docs:
        if not available(gold):
            report.unavailable += 1
            continue
        text = document_text(gold, gold_root)
        doc = extractor.extract(text, kind=gold["kind"], doc_id=gold["id"])
        report.documents[gold["split"]] += 1
        score_document(report, gold, text, doc, index, extractor.taxonomy)
    return report
