"""The tagger's training corpus (bench/span_training) stays apart from what it is measured on."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import needs_shared
from pipeline.real_corpus import document_text
from pipeline.span_eval import occurrences

ROOT = Path(__file__).resolve().parents[1]
TRAINING = sorted((ROOT / "bench" / "span_training").glob("*.yml"))


def test_no_training_document_is_an_evaluation_or_reserved_document():
    golds = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in TRAINING]
    training = {gold.get("source") or gold["file"] for gold in golds}
    assert len(training) == len(TRAINING) >= 60
    evaluation = {yaml.safe_load(p.read_text(encoding="utf-8")).get("source")
                  for p in (ROOT / "tests" / "eval" / "real").glob("*/*.yml")}
    assert not training & evaluation
    sample = needs_shared("real-ads-sample", "SOURCE.md").read_text(encoding="utf-8")
    reserved = {f"{m.group(1)}#{m.group(2)}" for m in re.finditer(r"\| real_\w+\.txt \| (\S+) \| (\S+) \|", sample)}
    assert len(reserved) == 10 and not training & reserved


def test_training_surfaces_are_in_their_documents():
    needs_shared()
    missing = []
    for path in TRAINING:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = document_text(gold, path.parent)
        missing += [(gold["id"], s["text"]) for s in gold["skills"] if not occurrences(s["text"], text)]
    assert len(missing) <= 10, missing  # 6 of 1,989: a surface broken over a line


def test_written_training_cvs_share_no_line_with_the_written_evaluation_cvs():
    # The Dutch CVs of rounds 12, 14 and 15 were written for training by other writers than the evaluation's
    # (tests/eval/real/nl_cv): no line of eight words or more of one is a line of the other (a copied CV would make
    # the Dutch CV figures say nothing; shorter lines such as "- VCA basis (geldig tot 2026)" recur by chance).
    def lines(folder: Path) -> set[str]:
        return {" ".join(line.split()).casefold() for path in folder.glob("*.txt")
                for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) >= 8}

    training = lines(ROOT / "bench" / "span_training" / "nl_cv")
    assert len(training) > 500
    assert not training & lines(ROOT / "tests" / "eval" / "real" / "nl_cv")
