"""A level below the one a vacancy asks earns less (fit_weights.level): "Nederlands: basis" no longer fully meets
"Je spreekt vloeiend Nederlands"; a CV that states no level, or the level asked or more, keeps full credit."""

from __future__ import annotations

import pytest

from pipeline.store import Store, connect, scores

VACANCY = "Boekhouder\nProfiel\n- Je spreekt vloeiend Nederlands.\n- Kennis van Exact Online.\n"
CVS = {
    "basis": "Vaardigheden\nExact Online\n\nTalen\nNederlands: basis\n",
    "moedertaal": "Vaardigheden\nExact Online\n\nTalen\nNederlands: moedertaal\n",
    "geen": "Vaardigheden\nExact Online\n\nTalen\nNederlands\n",
}


@pytest.fixture
def db(extractor, tmp_path):
    path = tmp_path / "levels.duckdb"
    docs = [extractor.extract(VACANCY, kind="vacancy", doc_id="v", language="nl")]
    docs += [extractor.extract(text, kind="cv", doc_id=i, language="nl") for i, text in CVS.items()]
    levels = {d.id: next(m.level for m in d.mentions if m.skill_id == "lang.dutch") for d in docs}
    assert levels == {"v": "fluent", "basis": "basic", "moedertaal": "native", "geen": None}
    with Store(path) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    return path


def dutch_credit(con, candidate: str) -> float:
    return con.execute("SELECT credit FROM skill_gap($c, 'v') WHERE skill_id = 'lang.dutch'", {"c": candidate}).fetchone()[0]


def test_a_lower_level_earns_part_of_the_credit(db):
    with connect(db) as con:
        assert dutch_credit(con, "basis") == pytest.approx(1 - 0.5 * (1 - 1 / 5))  # basic (1) of fluent (5) asked
        assert dutch_credit(con, "moedertaal") == 1.0 and dutch_credit(con, "geen") == 1.0
        gap = con.execute("SELECT status, level_asked FROM skill_gap('basis', 'v') WHERE skill_id = 'lang.dutch'").fetchone()
        assert gap == ("partial", "fluent")
        fit = dict(con.execute("SELECT candidate_id, score FROM fit WHERE role_id = 'v'").fetchall())
        assert fit["basis"] < fit["moedertaal"] == fit["geen"]
        assert con.execute("SELECT level, level_rank FROM candidate_skills WHERE candidate_id = 'basis'"
                           " AND skill_id = 'lang.dutch'").fetchone() == ("basic", 1.0)
        # the pool's gap: one candidate lacks fluent Dutch in full, and meets it in part
        assert con.execute("SELECT candidates_lacking, candidates_partial FROM skills_gap_by_role"
                           " WHERE role_id = 'v' AND skill_id = 'lang.dutch'").fetchone() == (1, 1)


def test_the_level_weight_is_adjustable_and_the_stored_scores_follow(db):
    with connect(db) as con:
        con.execute("UPDATE fit_weights SET value = 0 WHERE name = 'level'")
        assert dutch_credit(con, "basis") == 1.0
        con.execute("UPDATE fit_weights SET value = 1 WHERE name = 'level'")
        assert dutch_credit(con, "basis") == pytest.approx(0.2)
        view = dict(con.execute("SELECT candidate_id, score FROM fit WHERE role_id = 'v'").fetchall())
        computed = scores.compute(con, keep=0)
        matrix = {str(computed.candidates[computed.cand_ix[0][j]]): computed.score10[0][j] / 10
                  for j in range(len(computed.candidates))}
        assert matrix == view


def test_gap_says_which_level_was_asked(db):
    from click.testing import CliRunner

    from pipeline.cli import main

    result = CliRunner().invoke(main, ["gap", "--db", str(db), "--candidate", "basis", "--role", "v"])
    assert result.exit_code == 0, result.stderr
    assert "Dutch (60%: fluent asked, less held)" in result.stdout


def test_a_soft_skills_level_is_not_compared(extractor, tmp_path):
    """"Excellent communication skills" asked, "Good communication skills" held: wording, not a lower level (a
    new-user trial saw partial credit for it)."""
    path = tmp_path / "soft.duckdb"
    docs = [extractor.extract("Sales manager\nRequirements\n- Excellent communication skills.\n- Fluent English.\n",
                              kind="vacancy", doc_id="v", language="en"),
            extractor.extract("Skills\nGood communication skills\n\nLanguages\nEnglish: basic\n", kind="cv", doc_id="c",
                              language="en")]
    levels = {(d.id, m.skill_id): m.level for d in docs for m in d.mentions}
    assert levels[("v", "soft.communication")] == "fluent" and levels[("c", "soft.communication")] == "good"
    with Store(path) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    with connect(path) as con:
        credit = dict(con.execute("SELECT skill_id, credit FROM skill_gap('c', 'v')").fetchall())
        assert credit["soft.communication"] == 1.0 and credit["lang.english"] == pytest.approx(0.6)  # a language's is
        computed = scores.compute(con, keep=0)
        view = con.execute("SELECT score FROM fit WHERE role_id = 'v' AND candidate_id = 'c'").fetchone()[0]
        assert computed.score10[0][0] / 10 == view


def test_excellent_in_a_hard_skill_is_met_by_an_expert(extractor, tmp_path):
    """"Je kan uitstekend overweg met Excel" reads as the level word list says (fluent), but fluency is how a language
    is spoken: in Excel it is the top of the scale, advanced, and an expert meets it in full; a basic user does not."""
    path = tmp_path / "hard.duckdb"
    docs = [extractor.extract("Boekhouder\nProfiel\n- Je kan uitstekend overweg met Excel.\n", kind="vacancy",
                              doc_id="v", language="nl"),
            extractor.extract("Vaardigheden\nExcel: expert\n", kind="cv", doc_id="expert", language="nl"),
            extractor.extract("Vaardigheden\nExcel: basis\n", kind="cv", doc_id="basis", language="nl")]
    levels = {d.id: next(m.level for m in d.mentions if m.skill_id == "hard.microsoft_excel") for d in docs}
    assert levels == {"v": "fluent", "expert": "advanced", "basis": "basic"}
    with Store(path) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    with connect(path) as con:
        credit = {c: con.execute("SELECT credit FROM skill_gap($c, 'v') WHERE skill_id = 'hard.microsoft_excel'",
                                 {"c": c}).fetchone()[0] for c in ("expert", "basis")}
        assert credit["expert"] == 1.0 and credit["basis"] < 1.0
        assert con.execute("SELECT level_rank FROM role_requirements WHERE skill_id = 'hard.microsoft_excel'").fetchone()[0] == 4.0
