"""Shared fixtures: an isolated matcher cache, a small taxonomy, and the bundled-taxonomy extractor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SMALL_TAXONOMY = """
- id: hard.programming
  type: hard
  category: software_development
  en: [programming, software development]
  nl: [programmeren, softwareontwikkeling]
- id: hard.python
  type: hard
  category: software_development
  broader: hard.programming
  en: [Python]
  nl: [Python]
- id: hard.java
  type: hard
  category: software_development
  broader: hard.programming
  en: [Java]
  nl: [Java]
- id: hard.sql
  type: hard
  category: data_analytics
  en: [SQL]
  nl: [SQL]
- id: hard.excel
  type: hard
  category: office_software
  en: [Excel, Microsoft Excel]
  nl: [Excel]
  context: {reject_next: [in, at]}
- id: soft.communication
  type: soft
  category: communication
  en: [communication skills, communication]
  nl: [communicatievaardigheden, communicatieve vaardigheden, communicatie]
- id: soft.teamwork
  type: soft
  category: collaboration
  en: [teamwork, team player]
  nl: [samenwerken, teamspeler]
"""


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """Compiled matchers go to a per-session temp dir, never to the user's ~/.cache."""
    os.environ["SKILLFIT_CACHE_DIR"] = str(tmp_path_factory.getbasetemp() / "matcher-cache")
    os.environ["SKILLFIT_CONFIG_DIR"] = str(tmp_path_factory.getbasetemp() / "config")  # the cache-signing key
    os.environ["SKILLFIT_PLUGINS"] = "0"  # test the core, whatever stage plugins this machine has installed


@pytest.fixture
def small_taxonomy(tmp_path, monkeypatch) -> Path:
    """A seven-concept taxonomy used instead of the bundled one (SKILLFIT_TAXONOMY_DIR)."""
    folder = tmp_path / "taxonomy"
    folder.mkdir()
    (folder / "core.yml").write_text(SMALL_TAXONOMY, encoding="utf-8")
    monkeypatch.setenv("SKILLFIT_TAXONOMY_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def extractor():
    """An Extractor over the bundled taxonomy, built once per test session."""
    from pipeline import Extractor

    return Extractor()


def needs_shared(*parts: str) -> Path:
    """Path under ../shared/data, skipping the test when it is absent (failing it where CI sets
    SKILLFIT_REQUIRE_SHARED=1: CI has the data, so a skip there would hide a test that never ran)."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        if os.environ.get("SKILLFIT_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} not present, and SKILLFIT_REQUIRE_SHARED=1 says it must be")
        pytest.skip(f"{path} not present")
    return path


def role_and_cvs_db(extractor, path: Path, role: str, cvs: dict[str, str], language: str) -> Path:
    """A database at `path` holding one vacancy (`role`, id "role") and CVs (id -> text), all in `language`."""
    from pipeline.store import Store

    docs = [extractor.extract(role, kind="vacancy", doc_id="role", language=language)]
    docs += [extractor.extract(text, kind="cv", doc_id=cid, language=language) for cid, text in cvs.items()]
    with Store(path) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    return path
