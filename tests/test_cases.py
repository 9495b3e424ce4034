"""Declarative extraction cases: tests/cases/extract_en.yml and tests/cases/extract_nl.yml.

Each file is a YAML list of cases (see the header of either file). One parametrised test runs every
case through the bundled-taxonomy extractor (the session fixture `extractor` from conftest.py):

- `expect`: concept ids that must all be found (subset check);
- `reject`: concept ids that must not be found;
- `mentions`: for each entry, some mention with this skill id and exactly this text must exist, and
  every other key given (method, requirement, years, level, section) must equal that mention's value
  (`null` in YAML asserts None);
- every mention's offsets must point at its text: `doc.text[m.start:m.end] == m.text`.

`kind` defaults to `cv`. `language` defaults to the file's language (`en` / `nl`); write
`language: null` to let the pipeline detect it. A case with `xfail: "reason"` documents a known
extractor shortcoming: it is marked `xfail(strict=True)`, so the suite stays green while it fails
and turns red as soon as it starts passing (then remove the marker).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASE_FILES = {"en": CASES_DIR / "extract_en.yml", "nl": CASES_DIR / "extract_nl.yml"}
CASE_KEYS = {"name", "text", "kind", "language", "expect", "reject", "mentions", "xfail"}
MENTION_KEYS = {"skill", "text", "method", "requirement", "years", "level", "section"}
MENTION_FIELDS = {"method": "method", "requirement": "requirement", "years": "years", "level": "level",
                  "section": "section"}


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    """(file language, case) for every case in both files, in file order."""
    out = []
    for lang, path in CASE_FILES.items():
        cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for case in cases:
            out.append((lang, case))
    return out


ALL_CASES = load_cases()


def case_params():
    params = []
    for lang, case in ALL_CASES:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(reason=str(case["xfail"]), strict=True))
        params.append(pytest.param(lang, case, id=f"{lang}:{case.get('name')}", marks=marks))
    return params


def describe(doc) -> str:
    """The mentions found, one per line, for assertion messages."""
    lines = [f"  {m.skill_id:32} {m.text!r:40} method={m.method} section={m.section} "
             f"requirement={m.requirement} years={m.years} level={m.level}" for m in doc.mentions]
    return "\n".join(lines) or "  (no mentions)"


def test_case_files_are_well_formed(extractor):
    """Every case has a unique name, known keys and only concept ids that exist in the taxonomy
    (a misspelt id would make a `reject` pass vacuously)."""
    known = set(extractor.taxonomy.skills)
    seen: set[str] = set()
    problems = []
    for lang, case in ALL_CASES:
        name = f"{lang}:{case.get('name')}"
        if not case.get("name") or not isinstance(case.get("text"), str):
            problems.append(f"{name}: needs a name and a text")
        if name in seen:
            problems.append(f"{name}: duplicate name")
        seen.add(name)
        if set(case) - CASE_KEYS:
            problems.append(f"{name}: unknown keys {sorted(set(case) - CASE_KEYS)}")
        if case.get("kind", "cv") not in ("cv", "vacancy"):
            problems.append(f"{name}: kind must be cv or vacancy")
        ids = list(case.get("expect") or []) + list(case.get("reject") or [])
        for mention in case.get("mentions") or []:
            if set(mention) - MENTION_KEYS or not {"skill", "text"} <= set(mention):
                problems.append(f"{name}: mention {mention} needs skill and text and only {sorted(MENTION_KEYS)}")
            ids.append(mention.get("skill"))
        problems += [f"{name}: unknown concept id {i!r}" for i in ids if i not in known]
        if set(case.get("expect") or []) & set(case.get("reject") or []):
            problems.append(f"{name}: an id is both expected and rejected")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("file_lang", "case"), case_params())
def test_case(extractor, file_lang, case):
    language = case["language"] if "language" in case else file_lang
    doc = extractor.extract(case["text"], kind=case.get("kind", "cv"), language=language)
    found = describe(doc)

    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text, f"offsets of {m} do not point at its text"

    ids = {m.skill_id for m in doc.mentions}
    missing = [i for i in case.get("expect") or [] if i not in ids]
    assert not missing, f"expected but not found: {missing}\nfound:\n{found}"
    unwanted = [i for i in case.get("reject") or [] if i in ids]
    assert not unwanted, f"found but rejected: {unwanted}\nfound:\n{found}"

    for want in case.get("mentions") or []:
        candidates = [m for m in doc.mentions if m.skill_id == want["skill"] and m.text == want["text"]]
        assert candidates, f"no mention {want['skill']} with text {want['text']!r}\nfound:\n{found}"
        checks = {key: want[key] for key in MENTION_FIELDS if key in want}
        matching = [m for m in candidates
                    if all(getattr(m, MENTION_FIELDS[key]) == value for key, value in checks.items())]
        assert matching, f"mention {want['skill']} {want['text']!r} lacks {checks}\nfound:\n{found}"


def test_a_list_of_three_with_an_item_on_no_list_is_one_list(extractor):
    """"keukens, totaalinterieurs of maatwerk is een meerwaarde": three items (maatwerk named by no label), so the
    cue covers the first too ("Python, Django would be a bonus" is two clauses: Python stays required)."""
    doc = extractor.extract("Profiel\n- Ervaring in keukens, totaalinterieurs of maatwerk is zeker een meerwaarde.\n",
                            kind="vacancy")
    assert {m.text: m.requirement for m in doc.mentions}.get("keukens") == "preferred"
    doc = extractor.extract("Requirements\n- Experience with Python, Django would be a bonus\n", kind="vacancy")
    assert [(m.text, m.requirement) for m in doc.mentions] == [("Python", "required"), ("Django", "preferred")]
