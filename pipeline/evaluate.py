"""Score extraction against annotated gold documents: precision, recall, F1 per language, type and method.

Gold format (one YAML file per document, or a list of documents per file), see tests/eval/README.md:

    id: nl_cv_verpleegkundige
    kind: cv                 # cv | vacancy
    language: nl
    text: |
      ...
    skills: [hard.wound_care, soft.stress_resistance, ...]     # every concept a careful recruiter marks
    not_skills: [hard.go]    # optional: traps that must NOT be found; one that fires is a false positive

Scoring is per document on the set of concept ids (a skill named three times counts once). This is the team's
own set; the yardstick is the blind real-document corpus, scored by pipeline/span_eval.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.api import Extractor


@dataclass
class Tally:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Report:
    """Evaluation results, overall and broken down."""

    overall: Tally = field(default_factory=Tally)
    by_language: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_method: Counter = field(default_factory=Counter)
    traps_fired: list[tuple[str, str]] = field(default_factory=list)  # (doc id, trap id) found although listed as not a skill
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    documents: int = 0

    def rows(self) -> list[dict[str, Any]]:
        """One row per breakdown, for table/JSON output."""
        out = [{"scope": "overall", **self.overall.row()}]
        out += [{"scope": f"language={k}", **v.row()} for k, v in sorted(self.by_language.items())]
        out += [{"scope": f"type={k}", **v.row()} for k, v in sorted(self.by_type.items())]
        return out


def load_gold(folder: str | Path) -> list[dict[str, Any]]:
    """Every gold document under `folder` (*.yml, *.yaml)."""
    docs: list[dict[str, Any]] = []
    for path in sorted(Path(folder).rglob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and "text" in item:
                item.setdefault("id", path.stem)
                docs.append(item)
    return docs


def evaluate(extractor: Extractor, gold_docs: Iterable[dict[str, Any]]) -> Report:
    """Run the extractor over each gold document and tally the comparison."""
    report = Report()
    skills = extractor.taxonomy.skills
    for gold in gold_docs:
        report.documents += 1
        doc = extractor.extract(gold["text"], kind=gold.get("kind"), language=gold.get("language"),
                                doc_id=str(gold["id"]))
        lang = gold.get("language") or doc.language or "und"
        expected = set(gold.get("skills") or [])
        traps = set(gold.get("not_skills") or [])
        found: dict[str, str] = {}
        for m in doc.mentions:  # the set is labelled with concept ids: a phrase outside the taxonomy has none
            if m.skill_id in skills:
                found.setdefault(m.skill_id, m.method)
        for sid in found.keys() | expected:
            gold_type = skills[sid].type if sid in skills else "unknown"
            hit, predicted = sid in expected, sid in found
            key = "tp" if hit and predicted else "fn" if hit else "fp"
            for tally in (report.overall, report.by_language[lang], report.by_type[gold_type]):
                setattr(tally, key, getattr(tally, key) + 1)
            if key == "tp":
                report.by_method[found[sid]] += 1
            elif key == "fn":
                report.misses.append((gold["id"], sid))
            else:
                text = next(m.text for m in doc.mentions if m.skill_id == sid)
                report.false_positives.append((gold["id"], sid, text))
                if sid in traps:
                    report.traps_fired.append((gold["id"], sid))
    return report
