"""The ranking benchmark's metrics (bench/fit_ranking.py), on rankings whose figures are known by hand."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.fit_ranking import average_precision, evaluate, ndcg_at, precision_at, tokens  # noqa: E402
from conftest import needs_shared  # noqa: E402


def test_precision_at_k():
    assert precision_at([True, False, True, False], 2) == 0.5
    assert precision_at([True] * 3, 10) == 0.3  # fewer than k ranked: the rest count as misses


def test_ndcg_is_one_for_the_ideal_ranking_and_discounts_late_hits():
    assert ndcg_at([True, True, False], 20, 2) == 1.0
    late = ndcg_at([False, True], 20, 1)
    assert late == pytest.approx(1 / math.log2(3))
    assert ndcg_at([False] * 5, 20, 3) == 0.0


def test_average_precision_counts_unfound_relevant_items_as_zero():
    assert average_precision([True, False, True], 2) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([True, False], 4) == pytest.approx(1 / 4)


def test_evaluate_uses_the_category_as_relevance():
    category = {"a": "HR", "b": "CHEF", "c": "HR"}
    got = evaluate(["b", "a", "c"], category, "HR")
    assert got["map"] == pytest.approx((1 / 2 + 2 / 3) / 2)
    assert got["p@10"] == pytest.approx(0.2)


def test_keyword_tokens_drop_stop_words_in_both_languages():
    assert tokens("The Python and SQL developer, de kennis van C# en .NET") == ["python", "sql", "developer", "kennis",
                                                                              "c#", "net"]


def test_the_tagger_training_reads_conll_skill_and_knowledge_tags_as_one(tmp_path):
    from bench.train_span_model import read_conll, spans

    path = tmp_path / "tiny.conll"
    path.write_text("Strong\tO\tO\nPython\tO\tB\nand\tO\tO\nteam\tB\tO\nwork\tI\tO\n.\tO\tO\n\n"
                    "Java\tO\tI\n\n", encoding="utf-8")
    sentences = read_conll(path)
    assert sentences[0] == (["Strong", "Python", "and", "team", "work", "."], ["O", "B", "O", "B", "I", "O"])
    assert sentences[1][1] == ["B"]  # a phrase that starts with I starts a phrase
    assert spans(sentences[0][1]) == {(1, 2), (3, 5)}


def test_the_shipped_tagger_still_reads_its_own_features_on_skillspan_test():
    """A feature change without retraining (bench/train_span_model.py) leaves the model reading other features."""
    from bench.train_span_model import score, split

    needs_shared("skillspan", "conll")
    from pipeline.span_model import default_tagger

    tagger = default_tagger()
    assert tagger is not None
    figures = score(tagger.tagger, split("test"))
    strict_f1 = float(figures.split("F1 ")[1].split()[0])
    assert strict_f1 >= 0.40, figures  # 0.404 with max-marginal decoding (0.5.4; 0.409 in 0.5.3, 0.411 in 0.5.2)
