"""The hobby filter, both as an installed plugin (entry point) and as a stage passed in by hand.

Needs the package installed: ``pip install -e examples/hobby_filter``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from skillfit_hobby_filter import DropHobbyMentions, make_stage

from pipeline import Extractor
from pipeline.api import insert_stage, stage_name

CV = "Vaardigheden\nPython\n\nHobby's\nKoken, voetbal\n"
INLINE_CV = "Jan Jansen\n\nWerkervaring\nPython developer bij Acme (2019-2024)\nHobby's: koken, voetbal\n"
CHEF_CV = "Werkervaring\nChef-kok bij Brasserie De Zon: koken voor 80 gasten per avond\n\nHobby's\nKoken\n"


def skill_ids(doc) -> set[str]:
    return {m.skill_id for m in doc.mentions}


@pytest.fixture(scope="module")
def with_plugins() -> Extractor:
    """What every user of skillfit gets once the plugin is installed.

    plugins=True rather than the default, because skillfit's own test suite sets SKILLFIT_PLUGINS=0 for
    its session, and that would switch the plugin off here when both suites run in one pytest process.
    """
    assert "drop_hobbies" in {ep.name for ep in entry_points(group="skillfit.stages")}, \
        "the plugin is not installed in this environment: pip install -e examples/hobby_filter"
    return Extractor(plugins=True)


@pytest.fixture(scope="module")
def without_plugins(with_plugins) -> Extractor:
    return Extractor(taxonomy=with_plugins.taxonomy, plugins=False)


def test_entry_point_is_registered():
    found = {ep.name: ep for ep in entry_points(group="skillfit.stages")}
    assert "drop_hobbies" in found, "install the example first: pip install -e examples/hobby_filter"
    assert found["drop_hobbies"].load() is make_stage


def test_plugin_stage_runs_right_after_classify(with_plugins, without_plugins):
    names = [stage_name(s) for s in with_plugins.stages]
    assert names.index("drop_hobbies") == names.index("classify") + 1
    assert "drop_hobbies" not in [stage_name(s) for s in without_plugins.stages]


def test_default_follows_the_skillfit_plugins_switch(with_plugins, monkeypatch):
    monkeypatch.delenv("SKILLFIT_PLUGINS", raising=False)
    names = [stage_name(s) for s in Extractor(taxonomy=with_plugins.taxonomy).stages]
    assert "drop_hobbies" in names  # installed means on, by default
    monkeypatch.setenv("SKILLFIT_PLUGINS", "0")
    assert "drop_hobbies" not in [stage_name(s) for s in Extractor(taxonomy=with_plugins.taxonomy).stages]


def test_the_taxonomy_knows_cooking(with_plugins):
    # The premise of the whole example: "koken" is a real concept, so without the filter it is matched.
    assert "koken" in with_plugins.taxonomy.skills["hard.cooking"].labels["nl"]


def test_installed_plugin_drops_hobby_mentions(with_plugins, without_plugins):
    plain = without_plugins.extract(CV, kind="cv")
    assert {"hard.python", "hard.cooking"} <= skill_ids(plain)
    assert {m.section for m in plain.mentions if m.skill_id == "hard.cooking"} == {"hobbies"}

    filtered = with_plugins.extract(CV, kind="cv")
    assert "hard.python" in skill_ids(filtered)
    assert "hard.cooking" not in skill_ids(filtered)
    assert all(m.section != "hobbies" for m in filtered.mentions)
    assert filtered.meta["hobby_mentions_dropped"] >= 1


def test_extract_contract_has_no_hobby_skills(with_plugins):
    record = with_plugins.to_dict(with_plugins.extract(CV, kind="cv"))
    assert "hard.python" in {s["skill_id"] for s in record["skills"]}
    assert "hard.cooking" not in {s["skill_id"] for s in record["skills"]}


def test_inline_hobby_line_is_dropped_too(with_plugins, without_plugins):
    # "Hobby's: …" on one line is not a heading for skillfit's section splitter: the mention stays in
    # the experience section, so only the inline-label rule catches it.
    plain = without_plugins.extract(INLINE_CV, kind="cv")
    assert "hard.cooking" in skill_ids(plain)
    filtered = with_plugins.extract(INLINE_CV, kind="cv")
    assert "hard.python" in skill_ids(filtered)
    assert "hard.cooking" not in skill_ids(filtered)


def test_cooking_as_work_experience_is_kept(with_plugins):
    doc = with_plugins.extract(CHEF_CV, kind="cv")
    cooking = [m for m in doc.mentions if m.skill_id == "hard.cooking"]
    assert cooking and {m.section for m in cooking} == {"experience"}


def test_vacancies_are_left_alone():
    stage = DropHobbyMentions()
    from pipeline.model import Document, Mention

    doc = Document(id="v1", text="Hobby's: koken", kind="vacancy",
                   mentions=(Mention("hard.cooking", 9, 14, "koken", "exact", 1.0, section="hobbies"),))
    assert stage(doc) is doc


def test_stage_returns_a_copy_and_leaves_its_input_alone(without_plugins):
    doc = without_plugins.extract(CV, kind="cv")
    before = doc.mentions
    out = DropHobbyMentions()(doc)
    assert out is not doc and doc.mentions == before
    assert "hard.cooking" in skill_ids(doc) and "hard.cooking" not in skill_ids(out)


def test_used_directly_without_installing(without_plugins):
    """The same stage, passed explicitly: no entry point involved (stages= also switches plugins off)."""
    custom = Extractor(taxonomy=without_plugins.taxonomy,
                       stages=[*without_plugins.default_stages(), DropHobbyMentions()])
    assert [stage_name(s) for s in custom.stages][-3:] == ["alternatives", "occupations", "drop_hobbies"]
    doc = custom.extract(CV, kind="cv")
    assert "hard.python" in skill_ids(doc) and "hard.cooking" not in skill_ids(doc)


def test_insert_stage_honours_position(without_plugins):
    stages = list(without_plugins.default_stages())
    insert_stage(stages, DropHobbyMentions())
    assert [stage_name(s) for s in stages] == ["detect", "segment", "match", "open", "personal", "context", "classify",
                                                   "drop_hobbies", "alternatives", "occupations"]


def test_options_other_sections_and_no_inline_labels(without_plugins):
    doc = without_plugins.extract(INLINE_CV, kind="cv")
    only_headings = DropHobbyMentions(inline_labels=())(doc)
    assert "hard.cooking" in skill_ids(only_headings)  # the inline line is not a heading
    no_experience = DropHobbyMentions(sections=("experience",), inline_labels=())(doc)
    assert doc.mentions and not [m for m in no_experience.mentions if m.section == "experience"]


def test_cli_uses_the_plugin(tmp_path):
    """`skillfit extract` builds a default Extractor, so the installed plugin applies there too."""
    skillfit = Path(sys.executable).with_name("skillfit")
    if not skillfit.exists():
        pytest.skip("no skillfit script next to this Python")
    record = json.dumps({"id": "c1", "text": CV, "kind": "cv"})
    env = {k: v for k, v in os.environ.items() if k != "SKILLFIT_PLUGINS"}  # the command's default
    run = subprocess.run([str(skillfit), "extract", "-"], input=record + "\n", capture_output=True, text=True,
                         env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    found = {s["skill_id"] for s in json.loads(run.stdout)["skills"]}
    assert "hard.python" in found and "hard.cooking" not in found
