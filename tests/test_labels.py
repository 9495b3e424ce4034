"""Skills named in Dutch (--labels nl, SKILLFIT_LABELS): fit, screen, gap and the report for a Dutch-speaking
hiring manager, from the Dutch labels the fit views carry beside the English ones."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from conftest import role_and_cvs_db
from pipeline import screening
from pipeline.cli import main
from pipeline.report import render_report

VACANCY = ("Boekhouder\nProfiel\n- Ervaring met Exact Online of AFAS.\n- Kennis van boekhouding en btw-aangiftes.\n"
           "- Je bent klantgericht.\n")
CVS = {"c-afas": "Profiel\nBoekhouder met vijf jaar ervaring in AFAS en boekhouding.\n",
       "c-cook": "Profiel\nKok in een restaurant.\n"}


@pytest.fixture(scope="module")
def db(extractor, tmp_path_factory):
    return role_and_cvs_db(extractor, tmp_path_factory.mktemp("labels") / "nl.duckdb", VACANCY, CVS, "nl")


def ranked(db, labels: str) -> dict[str, dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {r["candidate_id"]: r for r in screening.ranking(con, str(db), "role", labels=labels)}


def test_ranking_names_skills_in_the_language_asked(db):
    english, dutch = ranked(db, "en"), ranked(db, "nl")
    assert "bookkeeping" in english["c-afas"]["matched"] and "VAT" in english["c-afas"]["missing_required"]
    assert "boekhouding" in dutch["c-afas"]["matched"] and "btw" in dutch["c-afas"]["missing_required"]
    assert "AFAS (één van 2)" in dutch["c-afas"]["matched"]  # the alternative met, worded in Dutch too
    assert "klantgerichtheid" in dutch["c-cook"]["missing_required"]
    # the labels change, nothing else: same scores, same order
    assert [(c, r["score"]) for c, r in english.items()] == [(c, r["score"]) for c, r in dutch.items()]


def test_an_unknown_label_language_is_refused(db):
    with duckdb.connect(str(db), read_only=True) as con, pytest.raises(ValueError, match="en, nl"):
        screening.ranking(con, str(db), "role", labels="fr")


def test_gap_words_its_report_and_names_the_member_met_in_dutch(db):
    result = CliRunner().invoke(main, ["gap", "--db", str(db), "--candidate", "c-afas", "--role", "role",
                                       "--labels", "nl"])
    assert result.exit_code == 0, result.output
    assert "Exact Online / AFAS [AFAS]" in result.stdout
    missing = result.stdout.split("Ontbreekt, vereist")[1].split("\n\n")[0]  # trial U: the report in Dutch too
    assert "btw" in missing and "VAT" not in missing
    assert "boekhouding" in result.stdout.split("\nVoldaan\n")[1]
    assert "vereiste vaardigheden voldaan" in result.stdout and "Missing" not in result.stdout
    assert "alternatieven, één ervan volstaat" in result.stdout


def test_fit_takes_the_language_from_the_environment(db):
    runner = CliRunner()
    by_env = runner.invoke(main, ["fit", "--db", str(db), "--role", "role", "--format", "json"],
                           env={"SKILLFIT_LABELS": "nl"})
    by_flag = runner.invoke(main, ["fit", "--db", str(db), "--role", "role", "--format", "json", "--labels", "nl"])
    english = runner.invoke(main, ["fit", "--db", str(db), "--role", "role", "--format", "json"],
                            env={"SKILLFIT_LABELS": None})
    assert by_env.exit_code == by_flag.exit_code == english.exit_code == 0
    assert by_env.stdout == by_flag.stdout and "klantgerichtheid" in by_env.stdout
    assert "customer focus" in english.stdout and "klantgerichtheid" not in english.stdout
    wrong = runner.invoke(main, ["fit", "--db", str(db), "--role", "role", "--labels", "fr"])
    assert wrong.exit_code == 2 and "'fr' is not one of 'en', 'nl'" in wrong.stderr


def test_the_report_names_skills_in_dutch(db):
    with duckdb.connect(str(db), read_only=True) as con:
        dutch, english = render_report(con, labels="nl"), render_report(con, labels="en")
    assert "klantgerichtheid" in dutch and "customer focus" not in dutch
    assert "customer focus" in english
