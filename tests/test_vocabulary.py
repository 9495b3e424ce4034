"""The generated ESCO vocabulary layer (taxonomy/esco_attested.yml) and the rules of bench/build_vocabulary.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline import taxonomy as tx

ROOT = Path(__file__).resolve().parents[1]
LAYER = ROOT / "taxonomy" / "esco_attested.yml"
NL_LAYER = ROOT / "taxonomy" / "nl_attested.yml"


def _builder():
    spec = importlib.util.spec_from_file_location("build_vocabulary", ROOT / "bench" / "build_vocabulary.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder():
    return _builder()


@pytest.fixture(scope="module")
def layer():
    if not LAYER.exists():
        pytest.skip("taxonomy/esco_attested.yml not generated")
    return tx.read_concepts(LAYER)


def test_layer_validates_and_is_imported_esco(layer):
    assert tx.problems() == []
    assert len(layer) > 100
    ids = [c["id"] for c in layer]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for concept in layer:
        assert concept["id"].startswith("esco.") and tx.ID_PATTERN.match(concept["id"])
        assert concept["imported"] is True and tx.ESCO_URI.match(concept["esco"])
        assert concept["type"] in ("hard", "soft") and concept["category"].startswith("esco_")
        assert concept.get("en") or concept.get("nl")


def test_layer_never_duplicates_the_curated_taxonomy(layer):
    curated = [c for f in tx.concept_files(ROOT / "taxonomy") if not f.stem.startswith("esco_attested")
               for c in tx.read_concepts(f)]
    uris = {c.get("esco") for c in curated if c.get("esco")}
    labels = {str(lab).casefold() for c in curated for lang in ("en", "nl") for lab in c.get(lang) or []}
    for concept in layer:
        assert concept["esco"] not in uris
        assert not {lab.casefold() for lang in ("en", "nl") for lab in concept.get(lang) or []} & labels


def test_esco_only_skill_is_found_in_a_cv_with_its_uri_in_english_and_dutch_text(layer, extractor):
    by_label = {lab.casefold(): c for c in layer for lab in c.get("en") or []}
    if "disaster recovery plans" not in by_label:
        pytest.skip("the regenerated layer no longer holds 'disaster recovery plans'")
    cv = ("Jan Peeters\nSystem administrator\n\nSkills\n- Disaster recovery plans\n- Windows Server\n\n"
          "Experience\n2019-2024 System administrator at Acme: backups and disaster recovery plans.")
    doc = extractor.extract(cv, kind="cv")
    found = {m.skill_id: m for m in doc.mentions}
    concept = by_label["disaster recovery plans"]
    assert concept["id"] in found
    assert extractor.taxonomy.skills[concept["id"]].esco_uri == concept["esco"]
    dutch = extractor.extract("Vaardigheden\n- Disaster recovery plans\n- back-ups en herstel", kind="cv", language="nl")
    assert concept["id"] in {m.skill_id for m in dutch.mentions}  # no Dutch label: the English one still matches


def test_everyday_words_are_not_in_the_layer(layer):
    labels = {lab.casefold() for c in layer for lang in ("en", "nl") for lab in c.get(lang) or []}
    # ESCO has these as (alternative) labels; they are ordinary words in a CV
    for word in ("development", "board", "retrieval", "content", "delivery", "well"):
        assert word not in labels


def test_alternative_labels_broader_than_their_concept_are_not_in_the_layer(layer):
    labels = {lab.casefold() for c in layer for lab in c.get("en") or []}
    # ESCO's alternative labels of "guide staff", "procurement of ICT network equipment", "assess mortgage risk",
    # "web strategy assessment", "select intraocular lenses for surgery": a CV's words would stand for the narrow
    # concept ("online assessment" is a step of a vacancy's selection process)
    for label in ("co-workers", "juniper networks", "credit risk", "online assessment", "selection process"):
        assert label not in labels
    assert "product development" in labels  # two of the three words of "develop new products": a synonym


def test_everyday_word_in_a_cv_is_not_an_esco_skill():
    from pipeline import Extractor

    doc = Extractor().extract("I worked on the board of a sports club and on content for its newsletter.", kind="cv")
    assert not [m for m in doc.mentions if m.skill_id.startswith("esco.")]


def test_verb_phrase_gives_noun_forms(builder):
    forms = builder.generate_forms("manage construction projects", verbs=frozenset({"manage"}))
    assert "construction project management" in forms
    assert "managing construction projects" in forms
    assert "construction projects" in forms  # the object alone
    assert "data analysis" in builder.generate_forms("perform data analysis", verbs=frozenset({"perform"}))
    assert "welding" in builder.generate_forms("weld")


def test_trailing_qualifier_is_dropped(builder):
    forms = builder.generate_forms("mentor individuals in specialised nursing care", verbs=frozenset({"mentor"}))
    assert "mentor individuals" in forms


def test_us_uk_spelling(builder):
    assert "organize events" in builder.spelling_variants("organise events")
    assert "analyze data" in builder.spelling_variants("analyse data")
    assert "behavior therapy" in builder.spelling_variants("behaviour therapy")
    assert "organisation" in builder.spelling_variants("organization")
    assert builder.spelling_variants("supervise staff") == set()  # -ise that is not British spelling


def test_singular_and_plural(builder):
    assert builder.singular("audits") == "audit"
    assert builder.singular("policies") == "policy"
    assert builder.singular("process") == "process"
    assert builder.plural("policy") == "policies"
    assert builder.gerund("plan") == "planning" and builder.gerund("negotiate") == "negotiating"


def test_clean_label_and_slugs(builder):
    assert builder.clean_label("Python (computer programming)") == "Python"
    assert builder.slug("ICT project management") == "ict_project_management"
    assert len(builder.slug("x " * 80, 40)) <= 40


def test_build_from_shared_data_is_deterministic(builder, tmp_path):
    from pipeline.real_corpus import shared_data

    data = shared_data()
    if not (data / builder.ESCO_EN_ZIP).exists():
        pytest.skip("../shared/data not available")
    pytest.importorskip("pypdfium2")
    if not builder.DEFAULT_CACHE.exists():
        pytest.skip("no corpus cache in /tmp/vocab_cache (run bench/build_vocabulary.py once)")
    out = tmp_path / "esco_attested.yml"
    assert builder.main(["--data", str(data), "--out", str(out)]) == 0
    if LAYER.exists():
        assert out.read_text(encoding="utf-8") == LAYER.read_text(encoding="utf-8")
    if NL_LAYER.exists():
        assert (tmp_path / "nl_attested.yml").read_text(encoding="utf-8") == NL_LAYER.read_text(encoding="utf-8")


def test_dutch_verb_phrase_gives_noun_forms(builder):
    forms = builder.generate_nl_forms("gegevens analyseren")
    assert {"gegevensanalyse", "analyse van gegevens", "analyseren van gegevens"} <= forms
    forms = builder.generate_nl_forms("projecten beheren")
    assert {"projectbeheer", "beheer van projecten"} <= forms
    assert "data-analyse" in builder.generate_nl_forms("data analyseren")  # two vowels meet: a hyphen
    assert "ICT-systeembeheer" in builder.generate_nl_forms("ICT-systemen beheren")
    assert "planning van werkzaamheden" in builder.generate_nl_forms("werkzaamheden plannen")
    assert builder.generate_nl_forms("organiseren") == {"organisatie"}
    assert "aankoopprocessen" in builder.generate_nl_forms("aankoopproces")
    assert "condensatieketel" in builder.generate_nl_forms("condensatieketels")
    assert builder.generate_nl_forms("zelfstandig") == set()  # an adjective gets no plural


def test_vdab_items_are_cleaned(builder):
    assert builder.clean_vdab_item("Het hout zagen (massief, panelen, ...)") == "hout zagen"
    assert builder.clean_vdab_item("Bestellingen plaatsen") == "bestellingen plaatsen"
    assert builder.clean_vdab_item("Werken op een werf: Afbraak") is None
    assert builder.clean_vdab_item("Documenten coderen, klasseren en archiveren") is None
    assert builder.clean_vdab_item("MVO-beleid opvolgen") == "MVO-beleid opvolgen"


@pytest.fixture(scope="module")
def nl_layer():
    if not NL_LAYER.exists():
        pytest.skip("taxonomy/nl_attested.yml not generated")
    return tx.read_concepts(NL_LAYER)


def test_nl_layer_extends_curated_concepts_and_adds_vdab_ones(nl_layer):
    assert tx.problems() == []
    curated = {c["id"] for f in tx.concept_files(ROOT / "taxonomy") if not f.stem.endswith("_attested")
               for c in tx.read_concepts(f)}
    for concept in nl_layer:
        assert concept.get("nl")
        if concept["id"].startswith("vdab."):
            assert concept["imported"] is True and concept["category"] == "vdab_competence"
            assert concept["type"] in ("hard", "soft")
        else:  # an extension: the id of a curated concept, labels only
            assert concept["id"] in curated and set(concept) == {"id", "nl"}


def test_dutch_generated_and_vdab_forms_are_found_in_dutch_text(nl_layer, extractor):
    labels = {lab: c["id"] for c in nl_layer for lab in c.get("nl") or []}
    vdab = [lab for lab, cid in labels.items() if cid.startswith("vdab.")]
    if "aankoopprocessen" not in labels or not vdab:
        pytest.skip("the regenerated layer no longer holds these forms")
    text = ("Profiel\nJe optimaliseert onze aankoopprocessen.\n\nCompetenties\n- " + vdab[0].capitalize()
            + "\n- Excel")
    found = {m.skill_id for m in extractor.extract(text, kind="vacancy", language="nl").mentions}
    assert labels["aankoopprocessen"] in found
    assert labels[vdab[0]] in found
