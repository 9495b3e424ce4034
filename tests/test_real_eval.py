"""The real-document yardstick (tests/eval/real): the corpus is whole and blind-annotated, the scorer does what
tests/eval/README.md says, and the test part meets its gates.

The gates: precision on the test part at least MIN_PRECISION, recall at least the figure reached when the
corpus was made minus 0.02 (RECALL_REACHED: raise it when later work improves recall; never lower it).
MIN_PRECISION went from 0.88 to 0.85 with issue 13's open vocabulary, a measured trade: on the dev part, method
"open" costs about 0.01 of precision for 0.09 of recall; and to 0.84 with four more rounds of tagger training
text and the tagger reading unsectioned ads (2-fold on dev: about +83 hits, +4 false; test part 0.852 -> 0.848
precision, 0.592 -> 0.613 recall; 0.842 at its lowest, after the third round).
Nothing here may be tuned on the test part's errors (tests/eval/README.md).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import needs_shared
from pipeline.model import Document, Mention
from pipeline.real_corpus import document_text
from pipeline.span_eval import LabelIndex, SpanReport, evaluate_real, load_real_gold, occurrences, requirement_tally, score_document

REAL = Path(__file__).resolve().parent / "eval" / "real"
MIN_PRECISION = 0.84
# test part: 0.5.5, the highest reached (0.5.4: 0.659/0.662/0.654; 0.5.3: 0.624/0.646/0.594; 0.5.2: 0.613/0.629/0.590; 0.5.1:
# 0.592/0.597/0.585; 0.4.1: 0.540/0.529/0.554)
RECALL_REACHED = {"all": 0.661, "en": 0.662, "nl": 0.659}
TYPE_ACCURACY_MIN = 0.9
# test part, required/preferred/not asked on the vacancies' gold items the extractor hits (annotated for 0.6.1;
# 0.6.0's rules scored 0.920), and the F1 of the years and levels stated for them (0.6.0: years 0.467, level 0.528):
# the figures reached, never lowered; the floors stay above 0.6.0's
REQUIREMENT_ACCURACY_REACHED = 0.932
STATED_F1_REACHED = {"years": 0.467, "level": 0.812}


def gold_files() -> list[dict]:
    docs = []
    for path in sorted(REAL.glob("*/*.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold["part"] = path.parent.name
        docs.append(gold)
    return docs


def test_corpus_is_whole_balanced_and_split():
    docs = gold_files()
    assert len(docs) >= 120
    assert all(d["annotator"] for d in docs), "every drawn document is annotated"
    vacancy_items = [item for d in docs if d["kind"] == "vacancy" for item in d["skills"]]
    assert {item.get("requirement") for item in vacancy_items} == {"required", "preferred", "not_asked"}
    assert not [item for d in docs if d["kind"] == "cv" for item in d["skills"] if "requirement" in item]
    assert all(isinstance(item.get("years", 0), (int, float)) for item in vacancy_items)
    levels = {"native", "fluent", "advanced", "good", "intermediate", "basic", "A1", "A2", "B1", "B2", "C1", "C2"}
    assert {item["level"] for item in vacancy_items if "level" in item} <= levels
    assert {d["part"] for d in docs} == {"dev", "test"} and all(d["split"] == d["part"] for d in docs)
    assert len({d["id"] for d in docs}) == len(docs)
    by = Counter((d["language"], d["kind"]) for d in docs)
    assert all(0.2 <= n / len(docs) <= 0.3 for n in by.values()), by  # about a quarter each
    test_share = sum(d["part"] == "test" for d in docs) / len(docs)
    assert 0.35 <= test_share <= 0.45
    assert not any("text" in d for d in docs), "real texts are referred to by path, never copied"
    reserved = (REAL.parents[2].parent / "shared" / "data" / "real-ads-sample" / "SOURCE.md")
    if reserved.exists():
        ids = reserved.read_text(encoding="utf-8")
        assert not [d for d in docs if "#" in d.get("source", "") and d["source"].split("#")[1] in ids]


def test_every_surface_occurs_in_the_text_skillfit_reads():
    for gold in gold_files():
        if gold.get("source"):
            needs_shared(gold["source"].split("#")[0])
        text = document_text(gold, REAL)
        for item in gold["skills"]:
            assert item["type"] in ("hard", "soft"), (gold["id"], item)
            assert occurrences(item["text"], text), (gold["id"], item["text"])
        for surface in gold["acceptable"]:
            assert occurrences(str(surface), text), (gold["id"], surface)


# -- the scorer on a document made here ---------------------------------------------------------------------

TEXT = "Skills: MS Excel, forklift driving and teamwork. We offer a company car. Logistics environment."


def mention(skill_id: str, word: str, taxonomy_text: str = TEXT) -> Mention:
    start = taxonomy_text.index(word)
    return Mention(skill_id, start, start + len(word), word, "exact", 1.0)


@pytest.fixture(scope="module")
def scored(extractor):
    gold = {"id": "d", "split": "dev", "language": "en", "kind": "cv",
            "skills": [{"text": "MS Excel", "type": "hard"}, {"text": "forklift driving", "type": "hard"},
                       {"text": "teamwork", "type": "soft"}, {"text": "ms   excel", "type": "hard"}],
            "acceptable": ["Logistics"]}
    doc = Document("d", TEXT, kind="cv", mentions=(
        mention("hard.microsoft_excel", "Excel"),        # inside "MS Excel": a hit
        mention("soft.teamwork", "teamwork"),            # a hit
        mention("hard.logistics_management", "Logistics"),  # only an acceptable item: left out
        mention("hard.company_car", "company car"),      # nothing: a false positive
    ))
    report = SpanReport()
    score_document(report, gold, TEXT, doc, LabelIndex(extractor.taxonomy), extractor.taxonomy)
    return report


def test_hits_inside_a_surface_and_acceptable_items_are_neutral(scored):
    tally = scored.tally("dev")
    assert (tally.tp, tally.fp) == (2, 1)
    assert tally.fn == 1  # forklift driving ("ms   excel" is the same surface as "MS Excel", also hit)
    assert scored.tally("dev", "en", "cv").tp == 2


def test_type_accuracy_is_against_the_annotation(scored):
    assert scored.type_checked["dev"] == 2 and scored.type_accuracy("dev") == 1.0


def test_error_classes(scored, extractor):
    assert scored.false_classes["dev"]["non_skill"] == 1
    index = LabelIndex(extractor.taxonomy)
    assert index.miss_class("teamwork") == "context_veto"  # a label, word for word
    assert index.miss_class("Teamworking") in ("morphology", "context_veto")
    assert index.miss_class("zzyzx quorbling") == "missing_concept"


def test_a_mention_mostly_outside_the_item_is_a_boundary_error(extractor):
    text = "Experience: customer service management of large accounts."
    gold = {"id": "b", "split": "dev", "language": "en", "kind": "cv", "skills": [{"text": "customer", "type": "hard"}],
            "acceptable": []}
    doc = Document("b", text, mentions=(mention("hard.customer_service", "customer service management", text),))
    report = SpanReport()
    score_document(report, gold, text, doc, LabelIndex(extractor.taxonomy), extractor.taxonomy)
    assert report.false_classes["dev"]["boundary"] == 1 and report.tally("dev").fn == 1


def test_requirement_levels_are_scored_against_the_annotation(extractor):
    text = "You have SQL and Excel. Python is a plus, Java too. We offer a Scrum training."
    gold = {"id": "v", "split": "dev", "language": "en", "kind": "vacancy", "acceptable": [],
            "skills": [{"text": "SQL", "type": "hard", "requirement": "required"},
                       {"text": "Excel", "type": "hard", "requirement": "required"},
                       {"text": "Python", "type": "hard", "requirement": "preferred"},
                       {"text": "Java", "type": "hard", "requirement": "preferred"},
                       {"text": "Scrum", "type": "hard", "requirement": "not_asked"}]}

    def asked(skill_id: str, word: str, requirement: str | None) -> Mention:
        start = text.index(word)
        return Mention(skill_id, start, start + len(word), word, "exact", 1.0, requirement=requirement)

    doc = Document("v", text, kind="vacancy", mentions=(
        asked("hard.sql", "SQL", "required"), asked("hard.microsoft_excel", "Excel", "preferred"),
        asked("hard.python", "Python", "preferred"), asked("hard.java", "Java", "required"),
        asked("hard.scrum", "Scrum", None)))
    report = SpanReport()
    score_document(report, gold, text, doc, LabelIndex(extractor.taxonomy), extractor.taxonomy)
    pairs = report.requirements["dev", "en"]
    assert pairs == {("required", "required"): 1, ("required", "preferred"): 1, ("preferred", "preferred"): 1,
                     ("preferred", "required"): 1, ("not_asked", "not_asked"): 1}
    preferred = requirement_tally(pairs, "preferred")
    assert (preferred.tp, preferred.fp, preferred.fn) == (1, 1, 1)
    row = next(r for r in report.rows() if r["scope"] == "real dev requirement accuracy")
    assert (row["tp"], row["fn"], row["precision"]) == (3, 2, 0.6)
    assert {e["text"] for e in report.errors if e["error"].startswith("requirement")} == {"Excel", "Java"}


def test_years_and_levels_stated_are_scored_against_the_annotation(extractor):
    text = "5 years of Python, Java and Excel. Fluent Dutch."
    gold = {"id": "y", "split": "dev", "language": "en", "kind": "vacancy", "acceptable": [],
            "skills": [{"text": "Python", "type": "hard", "requirement": "required", "years": 5},
                       {"text": "Java", "type": "hard", "requirement": "required", "years": 5},
                       {"text": "Excel", "type": "hard", "requirement": "required"},
                       {"text": "Dutch", "type": "hard", "requirement": "required", "level": "fluent"}]}

    def stated(skill_id: str, word: str, **fields) -> Mention:
        start = text.index(word)
        return Mention(skill_id, start, start + len(word), word, "exact", 1.0, requirement="required", **fields)

    doc = Document("y", text, kind="vacancy", mentions=(
        stated("hard.python", "Python", years=5.0), stated("hard.java", "Java"),
        stated("hard.microsoft_excel", "Excel", years=2.0), stated("lang.dutch", "Dutch", level="fluent")))
    report = SpanReport()
    score_document(report, gold, text, doc, LabelIndex(extractor.taxonomy), extractor.taxonomy)
    years, level = report.stated["dev", "en", "years"], report.stated["dev", "en", "level"]
    assert (years.tp, years.fp, years.fn) == (1, 1, 1)  # Python right, Excel's years invented, Java's missed
    assert (level.tp, level.fp, level.fn) == (1, 0, 0)
    assert {e["text"] for e in report.errors if e["error"].startswith("years")} == {"Java", "Excel"}


# -- the gates ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def test_part(extractor):
    needs_shared("jobads-nl-en-jobzoeker")
    return evaluate_real(extractor, load_real_gold(REAL, "test"), REAL)


def test_test_part_precision(test_part):
    assert test_part.tally("test").precision >= MIN_PRECISION, test_part.tally("test").row()


@pytest.mark.parametrize("language", ["all", "en", "nl"])
def test_test_part_recall(test_part, language):
    tally = test_part.tally("test") if language == "all" else test_part.tally("test", language)
    assert tally.recall >= RECALL_REACHED[language] - 0.02, tally.row()


def test_test_part_type_accuracy(test_part):
    assert test_part.type_accuracy("test") >= TYPE_ACCURACY_MIN


@pytest.mark.parametrize("name", sorted(STATED_F1_REACHED))
def test_test_part_years_and_levels(test_part, name):
    tally = test_part.stated["test", name]
    assert tally.f1 >= STATED_F1_REACHED[name] - 0.02, tally.row()


def test_test_part_requirement_accuracy(test_part):
    row = next(r for r in test_part.rows() if r["scope"] == "real test requirement accuracy")
    assert row["precision"] >= REQUIREMENT_ACCURACY_REACHED - 0.01, row
