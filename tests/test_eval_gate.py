"""The quality gate: extraction on the team's annotated evaluation set (tests/eval) meets its targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, load_gold

EVAL_DIR = Path(__file__).resolve().parent / "eval"
MIN_PRECISION, MIN_RECALL, MIN_TYPE_ACCURACY = 0.90, 0.85, 0.95


@pytest.fixture(scope="module")
def report(extractor):
    gold = load_gold(EVAL_DIR)
    assert len(gold) >= 30
    return evaluate(extractor, gold)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_precision_and_recall_per_language(report, language):
    tally = report.by_language[language]
    assert tally.precision >= MIN_PRECISION, f"{language} precision {tally.precision:.3f}"
    assert tally.recall >= MIN_RECALL, f"{language} recall {tally.recall:.3f}"


def test_hard_soft_type_of_found_skills(report):
    assert report.type_accuracy() >= MIN_TYPE_ACCURACY
