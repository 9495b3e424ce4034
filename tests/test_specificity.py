"""Specificity: requirements that CVs of nearly every occupation meet (a market language, driving licence B,
Office, communication skills) weigh less than a role's core skills (skill_commonness, fit_weights.common), so
an unrelated candidate no longer scores respectably on them while the right one keeps their score."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.store import Store, connect
from pipeline.store.privacy import SourceMap, sources_path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"
# Each sample vacancy, the CV written for it, and the CVs of related occupations (neither right nor unrelated).
RIGHT = {"vac_en_account_manager": "thomas_wouters", "vac_en_python_data_developer": "sophie_janssens",
         "vac_nl_be_hr_recruiter": "emma_de_smet", "vac_nl_be_verpleegkundige": "an_claes",
         "vac_nl_nl_boekhouder": "sanne_de_vries", "vac_nl_nl_magazijnmedewerker": "kevin_jansen"}
RELATED = {"vac_en_python_data_developer": ("pieter_de_vos", "lucas_vermeulen"), "vac_nl_be_verpleegkundige": ("zoe_maes",),
           "vac_nl_nl_boekhouder": ("mark_visser",), "vac_nl_nl_magazijnmedewerker": ("youssef_el_amrani",)}


@pytest.fixture(scope="module")
def samples(extractor, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("specificity") / "s.duckdb"
    docs = [extractor.extract(path, kind=kind) for kind, folder in (("vacancy", "vacancies"), ("cv", "cvs"))
            for path in sorted((SAMPLES / folder).iterdir()) if path.is_file()]
    with Store(db) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
    return db


def scores_by_name(db: Path, common: float | None = None) -> dict[str, dict[str, float]]:
    """vacancy stem -> CV stem -> score."""
    con = duckdb.connect(str(db))
    if common is not None:
        con.execute("UPDATE fit_weights SET value = ? WHERE name = 'common'", [common])
    rows = con.execute("SELECT d.source, f.candidate_id, f.score FROM fit f JOIN documents d ON d.doc_id = f.role_id"
                       ).fetchall()
    con.close()
    names = SourceMap(db).lookup({r[1] for r in rows})
    out: dict[str, dict[str, float]] = {}
    for source, cid, score in rows:
        out.setdefault(Path(source).stem, {})[Path(names[cid]).stem] = score
    return out


def test_unrelated_candidates_score_under_25_and_the_right_one_first(samples):
    for role, scored in scores_by_name(samples).items():
        right = next(c for c in scored if RIGHT[role] in c)
        assert max(scored, key=scored.get) == right, role
        unrelated = {c: s for c, s in scored.items() if c != right and not any(r in c for r in RELATED.get(role, ()))}
        assert max(unrelated.values()) < 25, (role, max(unrelated.items(), key=lambda kv: kv[1]))


def test_specificity_can_be_switched_off(samples, tmp_path):
    copy = tmp_path / "off.duckdb"
    shutil.copy(samples, copy)
    shutil.copy(sources_path(samples), sources_path(copy))
    on, off = scores_by_name(samples), scores_by_name(copy, common=1.0)
    account = "vac_en_account_manager"
    python_dev = next(c for c in on[account] if "sophie_janssens" in c)
    # languages, licence and soft skills: a score worth a look without specificity, under 25 with it
    assert off[account][python_dev] > on[account][python_dev] + 10 and on[account][python_dev] < 25, \
        (off[account][python_dev], on[account][python_dev])
    with duckdb.connect(str(copy), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM role_weights WHERE specificity <> 1").fetchone()[0] == 0


def test_common_skills_weigh_less_than_core_ones(samples):
    with duckdb.connect(str(samples), read_only=True) as con:
        spec = dict(con.execute("SELECT skill_id, min(specificity) FROM role_weights GROUP BY ALL").fetchall())
        common = con.execute("SELECT value FROM fit_weights WHERE name = 'common'").fetchone()[0]
    assert spec["lang.english"] == spec["cert.driving_licence_b"] == spec["soft.communication"] == pytest.approx(common)
    assert spec["hard.python"] > 0.8 and spec["hard.wound_care"] > 0.8


def test_a_language_is_common_only_in_a_vacancy_written_in_it(samples):
    """Trial Q: French asked in a Flemish ad weighed 0.15 as a "market language", so a US CV with neither Dutch nor
    French tied the Flemish NL/FR agent; those who answer a Dutch ad speak Dutch, not French."""
    with duckdb.connect(str(samples), read_only=True) as con:
        rows = con.execute("SELECT l.language = d.language, w.specificity FROM role_weights w JOIN documents d"
                           " ON d.doc_id = w.role_id JOIN language_skills l USING (skill_id)"
                           " WHERE w.alt_group IS NULL").fetchall()  # a group weighs as its most specific member
        weight = dict(con.execute("SELECT name, value FROM fit_weights").fetchall())
    assert {own for own, _ in rows} == {True, False}  # the samples ask both kinds
    assert weight["common"] < weight["other_language"] < 1
    assert all(spec == pytest.approx(weight["common"] if own else weight["other_language"]) for own, spec in rows)


def test_the_shipped_figures_fill_the_table_and_user_changes_stay(tmp_path):
    db = tmp_path / "c.duckdb"
    with connect(db) as con:
        n = con.execute("SELECT count(*) FROM skill_commonness").fetchone()[0]
        assert n > 100
        con.execute("UPDATE skill_commonness SET share = 0 WHERE skill_id = 'lang.english'")
        con.execute("DELETE FROM skill_commonness WHERE skill_id = 'soft.communication'")
    with connect(db) as con:  # every writable connect re-applies the schema
        assert con.execute("SELECT share FROM skill_commonness WHERE skill_id = 'lang.english'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM skill_commonness").fetchone()[0] == n  # a deleted row comes back
        kinds = {r[0] for r in con.execute("SELECT basis FROM skill_commonness").fetchall()}
    assert kinds == {"measured", "prior"}
