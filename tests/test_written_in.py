"""A CV written in a language, fluently and at length, is evidence of that language (written_languages,
fit_weights.written_in): an English CV in fluent English is no longer "missing English"."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.store import Store, connect, scores

VACANCIES = {
    "v-en": "Support engineer\nRequirements\n- Fluent English\n- SQL\n",
    "v-nl": "Supportmedewerker\nProfiel\n- Je spreekt vloeiend Nederlands\n- Kennis van SQL\n",
}
PROSE_EN = ("I have worked for eight years as a support engineer for a software company, where I answered questions "
            "from customers, wrote reports with SQL and trained new colleagues in the team. ")
PROSE_NL = ("Ik werk al acht jaar als supportmedewerker bij een softwarebedrijf, waar ik vragen van klanten beantwoord, "
            "rapporten maak met SQL en nieuwe collega's in het team opleid. ")
CVS = {
    "c-en-long": "Profile\n" + PROSE_EN * 8,
    "c-en-short": "Profile\n" + PROSE_EN,
    "c-nl-long": "Profiel\n" + PROSE_NL * 8,
}


@pytest.fixture
def db(extractor, tmp_path):
    path = tmp_path / "w.duckdb"
    docs = [extractor.extract(text, kind="vacancy", doc_id=i) for i, text in VACANCIES.items()]
    docs += [extractor.extract(text, kind="cv", doc_id=i) for i, text in CVS.items()]
    assert {d.id: d.language for d in docs} == {"v-en": "en", "v-nl": "nl", "c-en-long": "en", "c-en-short": "en",
                                                "c-nl-long": "nl"}
    assert not any(m.skill_id.startswith("lang.") for d in docs if d.kind == "cv" for m in d.mentions)
    with Store(path) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    return path


def status(con, candidate: str, role: str, skill: str):
    return con.execute("SELECT status, relation, evidence FROM skill_gap(?, ?) WHERE skill_id = ?",
                       [candidate, role, skill]).fetchone()


def test_a_long_cv_in_a_language_meets_that_language(db):
    with duckdb.connect(str(db), read_only=True) as con:
        met, relation, evidence = status(con, "c-en-long", "v-en", "lang.english")
        assert (met, relation) == ("met", "exact") and evidence.startswith("CV written in English")
        assert status(con, "c-nl-long", "v-nl", "lang.dutch")[0] == "met"
        assert status(con, "c-en-long", "v-nl", "lang.dutch")[0] == "missing"  # written in English, not Dutch
        assert status(con, "c-en-short", "v-en", "lang.english")[0] == "missing"  # too short to show fluency


def test_written_in_is_a_weight_and_can_be_switched_off(db):
    con = connect(db)
    con.execute("UPDATE fit_weights SET value = 0.5 WHERE name = 'written_in'")
    assert con.execute("SELECT credit FROM skill_gap('c-en-long', 'v-en') WHERE skill_id = 'lang.english'"
                       ).fetchone()[0] == 0.5
    view = dict(con.execute("SELECT role_id || candidate_id, score FROM fit").fetchall())
    matrix = scores.compute(con, keep=0).to_arrow()  # noqa: F841 - read below
    assert dict(duckdb.sql("SELECT role_id || candidate_id, score FROM matrix").fetchall()) == view
    con.execute("UPDATE fit_weights SET value = 0 WHERE name = 'written_in'")
    assert status(con, "c-en-long", "v-en", "lang.english")[0] == "missing"
    assert con.execute("SELECT count(*) FROM written_languages").fetchone()[0] == 0
    con.close()


def test_naming_the_language_in_the_cv_wins_over_the_written_in_evidence(extractor, db):
    with Store(db) as store:
        doc = extractor.extract("Profile\n" + PROSE_EN * 8 + "\nLanguages: English (native).\n", kind="cv", doc_id="c-named")
        store.write([doc], extractor.taxonomy, store.start_run(extractor.taxonomy))
        evidence = status(store.con, "c-named", "v-en", "lang.english")[2]
    assert "native" in evidence
