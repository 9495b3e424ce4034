"""The taxonomy: validation, stats, search, user extension, ESCO import, ESCO alignment of the core."""

from __future__ import annotations

import csv
import json
import zipfile

import pytest
from click.testing import CliRunner

from conftest import needs_shared
from pipeline.cli import main
from pipeline.taxonomy import load, problems

REFERENCE_EN = """communication, active listening, building rapport, engaging people, closing a deal, leadership,
people management, influencing, flexibility, sense of urgency, handling pressure, emotional intelligence,
adaptability, collaboration, teamwork, problem solving, innovation, attention to detail, project management,
storytelling, giving and receiving feedback, team building"""
REFERENCE_NL = """communicatieve vaardigheden, actief luisteren, empathisch vermogen, goed kunnen samenwerken,
ideeën duidelijk overbrengen, feedback geven en ontvangen, conflicten oplossen, creativiteit, analytische
vaardigheden, besluitvorming, zelfmotivatie, time management, logisch redeneren, data analyseren, flexibiliteit,
leervermogen, emotionele intelligentie, leiderschap, growth mindset, probleemoplossend vermogen, kritisch denken"""


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_bundled_taxonomy_is_valid_and_large_enough():
    assert problems() == []
    stats = load().stats()
    assert stats["concepts"] >= 500
    assert stats["by_type"]["soft"] >= 150 and stats["by_type"]["hard"] >= 350


@pytest.mark.parametrize("lang, phrases", [("en", REFERENCE_EN), ("nl", REFERENCE_NL)])
def test_reference_skills_are_labels(lang, phrases):
    labels = {lab.casefold() for s in load().skills.values() for lab in s.labels[lang]}
    missing = [p.strip() for p in phrases.split(",") if " ".join(p.split()).casefold() not in labels]
    assert missing == []


def test_every_curated_concept_has_both_languages():
    """The ESCO-derived layer (esco.*) has Dutch labels only where ESCO's Dutch collections give one; its English
    labels match in Dutch text too (tested in test_vocabulary.py)."""
    for skill in load().skills.values():
        if skill.id.startswith("esco."):
            assert skill.labels["en"] or skill.labels["nl"], skill.id
        else:
            assert skill.labels["en"] and skill.labels["nl"], skill.id


@pytest.mark.parametrize("concepts, message", [
    ([{"id": "hard.a", "type": "hard", "category": "x", "en": ["a1"], "nl": ["a1"]}] * 2, "duplicate id"),
    ([{"id": "hard.a", "type": "hard", "category": "x", "en": ["same"], "nl": ["a"]},
      {"id": "hard.b", "type": "hard", "category": "x", "en": ["Same"], "nl": ["b"]}], "also belongs to"),
    ([{"id": "hard.a", "type": "hard", "category": "x", "en": ["a"]}], "no nl label"),
    ([{"id": "hard.a", "type": "hard", "category": "x", "en": ["a"], "nl": ["a"], "broader": "hard.zz"}],
     "does not exist"),
    ([{"id": "hard.a", "type": "hard", "category": "x", "en": ["a"], "nl": ["a"], "esco": "http://x/1"}],
     "malformed ESCO URI"),
])
def test_validate_names_each_problem(tmp_path, concepts, message):
    (tmp_path / "bad.yml").write_text(json.dumps(concepts))
    result = invoke("taxonomy", "validate", "--taxonomy", str(tmp_path / "bad.yml"))
    assert result.exit_code == 1
    assert message in result.stderr


def test_stats_json_for_scripts():
    stats = json.loads(invoke("taxonomy", "stats", "--format", "json").stdout)
    assert {"concepts", "by_type", "labels", "esco_uris", "version"} <= set(stats)
    assert stats["labels"]["en"] > 0 and stats["labels"]["nl"] > 0


def test_search_finds_either_language():
    en = invoke("taxonomy", "search", "active listening", "--format", "json")
    nl = invoke("taxonomy", "search", "actief luisteren", "--format", "json")
    assert {r["id"] for r in json.loads(en.stdout)} & {r["id"] for r in json.loads(nl.stdout)}


def test_user_file_adds_skills_and_synonyms(tmp_path):
    extra = tmp_path / "acme.yml"
    extra.write_text("- id: hard.acme_erp\n  type: hard\n  category: office_software\n"
                     "  en: [AcmeERP]\n  nl: [AcmeERP]\n")
    taxonomy = load([extra])
    assert "hard.acme_erp" in taxonomy.skills
    assert taxonomy.version.endswith("+custom") and taxonomy.content_hash != load().content_hash


def write_esco_fixture(tmp_path):
    """A tiny ESCO v1.1-style export: skills_en.csv and skills_nl.csv in a zip, plus broader relations."""
    header = ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
              "hiddenLabels", "status", "modifiedDate", "scopeNote", "definition", "inScheme", "description"]
    base = "http://data.europa.eu/esco/skill/"
    rows = {
        "en": [("aaaa-1", "skill/competence", "transversal", "show resilience", "bounce back\nstay resilient"),
               ("bbbb-2", "knowledge", "sector-specific", "beekeeping", "apiculture"),
               ("cccc-3", "knowledge", "cross-sector", "queen rearing", "")],
        "nl": [("aaaa-1", "skill/competence", "transversal", "veerkracht tonen", "tegenslag snel te boven komen"),
               ("bbbb-2", "knowledge", "sector-specific", "bijenteelt", "imkeren")],
    }
    archive = tmp_path / "esco.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for lang, items in rows.items():
            lines = [header] + [["KnowledgeSkillCompetence", base + u, t, r, p, alt, "", "released", "", "", "", "", ""]
                                for u, t, r, p, alt in items]
            zf.writestr(f"skills_{lang}.csv", "".join(",".join(f'"{c}"' for c in line) + "\n" for line in lines))
        zf.writestr("broaderRelationsSkillPillar.csv",
                    "conceptType,conceptUri,broaderType,broaderUri\n"
                    f"KnowledgeSkillCompetence,{base}cccc-3,KnowledgeSkillCompetence,{base}bbbb-2\n")
    return archive


def test_import_esco_merges_languages_types_and_hierarchy(tmp_path):
    out = tmp_path / "esco.json"
    result = invoke("taxonomy", "import-esco", str(write_esco_fixture(tmp_path)), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    taxonomy = load([out])
    by_uri = {s.esco_uri: s for s in taxonomy.skills.values() if s.esco_uri}
    resilience = by_uri["http://data.europa.eu/esco/skill/aaaa-1"]
    assert resilience.type == "soft" and "stay resilient" in resilience.labels["en"]
    assert "tegenslag snel te boven komen" in resilience.labels["nl"]
    bees = by_uri["http://data.europa.eu/esco/skill/bbbb-2"]
    assert bees.type == "hard" and by_uri["http://data.europa.eu/esco/skill/cccc-3"].broader == bees.id
    stats = json.loads(invoke("taxonomy", "stats", "--format", "json", "--taxonomy", str(out)).stdout)
    assert stats["concepts"] == len(load().skills) + 3


@pytest.mark.shared
def test_core_esco_uris_exist_in_esco():
    zip_path = needs_shared("esco-v1.1.1-en", "ESCO dataset - v1.1.1 - classification - en - csv.zip")
    with zipfile.ZipFile(zip_path) as zf:
        name = next(n for n in zf.namelist() if n.endswith("skills_en.csv"))
        with zf.open(name) as fh:
            uris = {row["conceptUri"] for row in csv.DictReader(line.decode("utf-8") for line in fh)}
    core = [s for s in load().skills.values() if s.esco_uri]
    assert len(core) >= 250
    assert [s.id for s in core if s.esco_uri not in uris] == []
