"""Skills outside the taxonomy (method "open"): found where documents list skills, matched across documents by key."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.api import document_to_dict
from pipeline.cli import main
from pipeline.stages.open_skills import FindOpenSkills, normalise_key
from pipeline.store import Store

CV = """Anna Verbeke
Skills
Excel, Kronos, Lotus Notes, budgeting
Additional Information
Veterans Affairs Award, Union Member
Experience
Accountant – Packworks B.V. – Amersfoort
Ensuring consistency, reducing costs and improving security across the office.
"""
VACANCY = """Payroll Accountant
Requirements
- Experience with Kronos and Excel.
- Knowledge of transfer pricing.
"""


def open_mentions(doc):
    return {m.text: m for m in doc.mentions if m.method == "open"}


def test_skills_section_items_and_cue_phrases_are_found_with_their_offsets(extractor):
    cv = extractor.extract(CV, kind="cv", doc_id="cv", language="en")
    found = open_mentions(cv)
    assert {"Kronos", "Lotus Notes"} <= set(found)
    for m in found.values():
        assert CV[m.start:m.end] == m.text
    vacancy = extractor.extract(VACANCY, kind="vacancy", doc_id="role", language="en")
    assert {"Kronos", "transfer pricing"} <= set(open_mentions(vacancy))
    assert open_mentions(vacancy)["Kronos"].requirement == "required"


def test_an_abbreviation_in_brackets_is_no_second_skill(extractor):
    """Trial S: "Vlaamse rechtspositieregeling (RPR)" was two requirements, so the candidate who knew it missed
    "rpr": the abbreviation names its name's skill."""
    ad = "Profiel\n- Kennis van de Vlaamse rechtspositieregeling (RPR) is een plus.\n"
    found = open_mentions(extractor.extract(ad, kind="vacancy", language="nl"))
    assert set(found) == {"Vlaamse rechtspositieregeling", "RPR"}
    assert found["RPR"].skill_id == found["Vlaamse rechtspositieregeling"].skill_id


def test_an_example_opener_is_no_part_of_an_open_skill(extractor):
    """Trial T: "waaronder nacalculatie" was a required open skill no CV could meet."""
    ad = "Profiel\n- Je beheert de administratie, waaronder nacalculatie en facturatie.\n"
    assert not any(t.lower().startswith("waaronder") for t in open_mentions(extractor.extract(ad, kind="vacancy")))


def test_awards_places_companies_and_clauses_are_not_skills(extractor):
    found = set(open_mentions(extractor.extract(CV, kind="cv", language="en")))
    assert not found & {"Veterans Affairs Award", "Union Member", "Packworks B.V", "Amersfoort", "Ensuring consistency",
                        "improving security", "Accountant"}


def test_degrees_clauses_and_a_recruiters_title_in_an_ad_are_not_skills(extractor):
    ad = ("Requirements\n- Bachelor's, Kronos, Lotus Notes\n- You are not familiar with Effectory yet, Kronos\n\n"
          "Questions? Contact Maaike van Buul, Manager Business Development.\n")
    found = set(open_mentions(extractor.extract(ad, kind="vacancy", language="en")))
    assert "Kronos" in found
    assert not found & {"Bachelor's", "Effectory yet", "Business Development"}


def test_words_that_open_a_job_title_or_say_another_are_not_skills(extractor):
    """ATS trial: "experience as HR Business Partner" asked for the open skill "hr" (5 years), and "Kafka or
    another streaming technology" for "another streaming technology" instead of Kafka or an equivalent."""
    ad = ("Your profile\n- 5+ years of experience as HR Business Partner or HR Generalist\n"
          "- Knowledge of Kafka or another streaming technology\n")
    found = set(open_mentions(extractor.extract(ad, kind="vacancy", language="en")))
    assert "HR" not in found and "another streaming technology" not in found, found


def test_a_job_heading_beside_its_dates_names_no_skills(extractor):
    # The employer and the town after a job title with a known skill in it ("Recruitment") are a list around a
    # known skill by their commas, but the dates on the next line make the line a job's heading.
    cv = ("Work experience\nHR Officer – Recruitment | Voorbeeld Logistics Group, Antwerpen\n03/2021 – present\n"
          "* Screening CVs, conducting interviews and onboarding.\n")
    found = set(open_mentions(extractor.extract(cv, kind="cv", language="en")))
    assert not found & {"Voorbeeld Logistics Group", "Antwerpen"}


DUTCH_CV = """Sofie Peeters
Werkervaring
Financieel medewerker – Bakkerij De Kroon – Gent, 2019 - heden
- Werkkapitaalanalyse en debiteurenrapportage
- Ik maak elke maand de afsluiting op tijd klaar en rapporteer aan de directeur
"""


def test_short_bullets_of_cv_experience_name_skills_but_the_same_bullets_in_a_vacancy_do_not(extractor):
    cv = open_mentions(extractor.extract(DUTCH_CV, kind="cv", language="nl"))
    assert {"Werkkapitaalanalyse", "debiteurenrapportage"} <= set(cv)
    assert not {text for text in cv if " " in text and len(text.split()) > 4}  # no sentence bullet comes out
    stage = next(s for s in extractor.stages if isinstance(s, FindOpenSkills))
    rules = FindOpenSkills(stage.taxonomy, stage.known_words)
    rules.sources = tuple(s for s in stage.sources if s != "model")  # the bullet rule alone, not the tagger
    for heading in ("Taken", "Werkervaring"):  # a vacancy's "Werkervaring" lists what it asks, as tasks do
        vacancy = DUTCH_CV.replace("Werkervaring", heading).replace("Sofie Peeters", "Financieel medewerker")
        doc = extractor.extract(vacancy, kind="vacancy", language="nl")
        assert not open_mentions(rules(doc.replace(mentions=tuple(m for m in doc.mentions if m.method != "open"))))


STACK_VACANCY = """Full-stack developer
Jouw profiel
- Ervaring met Node.js.
- Bekendheid met het koppelen van externe API’s (zoals Stripe of Modal).
- Je werkt graag samen met klanten zoals ziekenhuizen of scholen.
De tech-stack:
\\* Back\\-end: Python
\\* LLMs: Juvoly (speech\\-to\\-text)
\\* Authenticatie: Auth0
\\* **Samenwerking:** Je zorgt dat het platform stabiel draait.
"""


def test_examples_of_a_kind_of_tool_and_the_parts_of_a_stack_are_skills(extractor):
    found = open_mentions(extractor.extract(STACK_VACANCY, kind="vacancy", language="nl"))
    assert {"Stripe", "Modal", "Juvoly", "Auth0"} <= set(found)
    # "zoals" after clients is no tool list; a stack line that is a sentence is no stack (its label, "Samenwerking",
    # may be a skill: the annotators mark such labels, and the Dutch tagger learnt it)
    assert not set(found) & {"ziekenhuizen", "scholen", "platform"}


def test_a_section_heading_is_no_open_skill(extractor):
    cv = "OFFICE MANAGER\nCore Qualifications\nQuickBooks, Kronos, Excel\nPersonal Information\nDriving licence"
    found = open_mentions(extractor.extract(cv, kind="cv", language="en"))
    assert "Kronos" in found
    assert not set(found) & {"Core Qualifications", "Personal Information"}


def test_the_european_language_grid_is_no_skill(extractor):
    cv = ("Persoonlijke vaardigheden\nKahoot, GeoGebra, Excel\nAndere talen\nBEGRIJPEN, SPREKEN, SCHRIJVEN\n"
          "Luisteren, Lezen, Interactie, Productie\nC1/C2: vaardige gebruiker, B1/B2: onafhankelijke gebruiker")
    found = open_mentions(extractor.extract(cv, kind="cv", language="nl"))
    assert {"Kahoot", "GeoGebra"} <= set(found)
    assert not {text.casefold() for text in found} & {"luisteren", "lezen", "vaardige gebruiker", "spreken"}


def test_json_gives_no_skill_id_but_a_stable_key(extractor):
    doc = document_to_dict(extractor.extract(CV, kind="cv", language="en"), extractor.taxonomy)
    kronos = next(s for s in doc["skills"] if s["text"] == "Kronos")
    assert kronos["skill_id"] is None and kronos["method"] == "open" and kronos["key"] == "kronos"
    assert kronos["type"] == "hard" and kronos["category"] == "open"
    assert normalise_key("tax packages") == normalise_key("Tax package") == "tax package"
    assert normalise_key("Lotus Notes") == normalise_key("LOTUS NOTES") == "lotus notes"
    assert normalise_key("reporting activities") == "reporting activity"
    assert normalise_key("voorraadmutaties", "nl") == normalise_key("voorraadmutatie", "nl") == "voorraadmutatie"
    assert normalise_key("recruitmentprocessen", "nl") == normalise_key("recruitmentproces", "nl") == "recruitmentproces"
    assert normalise_key("vaardigheden", "nl") == "vaardigheid" and normalise_key("opleidingen", "nl") == "opleiding"
    assert normalise_key("data analytics", "nl") == normalise_key("data analytics", "en")  # an English word in Dutch


def test_an_open_phrase_links_to_a_concept_only_when_it_has_all_of_a_labels_words(extractor):
    cv = "Skills\nCustomer service, Management, Sales\nTools\nKronos, analysis data\n"
    found = open_mentions(extractor.extract(cv, kind="cv", language="en"))
    assert found["Management"].skill_id != "soft.time_management"  # "time" is not an empty word of "time management"
    assert found["analysis data"].skill_id == "hard.data_analysis"
    assert found["analysis data"].link == "same words as a taxonomy label"


def test_items_cut_from_a_clause_or_naming_a_unit_are_no_skills(extractor):
    cv = ("Skills\nSAML, Kerberos, of process manuals, VGD Transfer Pricing team, Scaling engineering teams, "
          "Logistics BVBA, De Kade vzw\n")
    found = set(open_mentions(extractor.extract(cv, kind="cv", language="en")))
    assert {"Kerberos", "Scaling engineering teams"} <= found  # a team named by no acronym or capital is a task
    assert not found & {"of process manuals", "VGD Transfer Pricing team", "Logistics BVBA", "De Kade vzw"}


def test_the_same_unknown_skill_in_a_cv_and_a_vacancy_counts_in_fit_and_forget_removes_its_phrase(extractor, tmp_path):
    path = tmp_path / "open.duckdb"
    docs = [extractor.extract(VACANCY, kind="vacancy", doc_id="role", language="en"),
            extractor.extract(CV, kind="cv", doc_id="anna", language="en")]
    with Store(path) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy))
        store.sync_taxonomy(extractor.taxonomy)  # a later run keeps the open skills its mentions use
        gap = dict(store.con.execute("SELECT label_en, status FROM skill_gap('anna', 'role')").fetchall())
        assert gap["kronos"] == "met" and gap["transfer pricing"] == "missing"
        store.forget(["anna"])
    with duckdb.connect(str(path), read_only=True) as con:
        labels = {r[0] for r in con.execute("SELECT label_en FROM skills WHERE category = 'open'").fetchall()}
    assert "lotus notes" not in labels  # only the CV named it
    assert "kronos" in labels  # the vacancy still does


def test_a_requirement_on_no_list_weighs_fit_weights_open(extractor, tmp_path):
    """A required phrase the taxonomy does not know weighs `fit_weights.open` (0.5), a known hard skill 1: the
    extractor is less sure of it, and a CV meets it only in the same words (a new-user trial saw such phrases take
    half a Dutch vacancy's weight while almost no CV could meet them)."""
    with Store(tmp_path / "open.duckdb") as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write([extractor.extract(VACANCY, kind="vacancy", doc_id="role", language="en")], extractor.taxonomy,
                    store.start_run(extractor.taxonomy))
        query = "SELECT requirement, weight FROM role_weights WHERE skill_id = 'open:kronos'"
        assert store.con.execute(query).fetchone() == ("required", 0.5)
        store.con.execute("UPDATE fit_weights SET value = 1 WHERE name = 'open'")
        assert store.con.execute(query).fetchone() == ("required", 1.0)


@pytest.mark.parametrize("flag, expected", [((), True), (("--no-open",), False)])
def test_no_open_switches_it_off(tmp_path, flag, expected):
    path = tmp_path / "cv.txt"
    path.write_text(CV, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--kind", "cv", *flag])
    assert result.exit_code == 0, result.output
    methods = {s["method"] for s in json.loads(result.stdout.splitlines()[0])["skills"]}
    assert ("open" in methods) is expected


TAGGED_CV = """Jan Peeters
Experience
Aircraft Mechanic, Regional Air, Antwerpen, 2016 - 2020
Performed line maintenance and routine servicing on regional aircraft.
"""


def test_the_trained_tagger_finds_english_skill_phrases_that_no_list_names(extractor):
    found = open_mentions(extractor.extract(TAGGED_CV, kind="cv", language="en"))
    assert {"line maintenance", "routine servicing"} <= set(found)
    assert all(m.skill_id.startswith("open:") and m.key for m in found.values())
    assert TAGGED_CV[found["line maintenance"].start:found["line maintenance"].end] == "line maintenance"


def test_each_language_has_its_own_tagger_and_it_can_be_left_out(extractor):
    from pipeline.span_model import default_tagger
    from pipeline.stages.open_skills import _tagged_phrases

    dutch = extractor.extract("Sofie Peeters\nProfiel\nJe werkt nauwkeurig, bent stressbestendig en hebt ervaring met "
                              "retourverwerking en inventarisbeheer.\n", kind="cv")
    assert dutch.language == "nl"
    assert "retourverwerking" in {dutch.text[p.start:p.end] for p in _tagged_phrases(dutch)}  # the Dutch tagger
    assert default_tagger("nl") is not default_tagger("en") and default_tagger("fr") is None
    stage = next(s for s in extractor.stages if isinstance(s, FindOpenSkills))
    without = FindOpenSkills(stage.taxonomy, stage.known_words)
    without.sources = tuple(s for s in stage.sources if s != "model")
    doc = extractor.extract(TAGGED_CV, kind="cv", language="en")
    bare = doc.replace(mentions=tuple(m for m in doc.mentions if m.method != "open"))
    assert "line maintenance" not in open_mentions(without(bare))
    assert "line maintenance" in open_mentions(stage(bare))


def test_the_tagger_reads_the_whole_text_of_an_ad_without_requirement_sections(extractor):
    from pipeline.stages.open_skills import _tagged_phrases

    body = ("Voor onze klant in Gent zoeken we een magazijnier. Als magazijnier sta je in voor orderpicking, "
            "voorraadbeheer en het laden en lossen van vrachtwagens.\n")
    one_block = extractor.extract(body, kind="vacancy")
    tagged = {body[p.start:p.end] for p in _tagged_phrases(one_block)}
    assert "voorraadbeheer" in tagged and len(tagged) >= 2  # and "orderpicking" or "laden en lossen", by model
    sectioned = extractor.extract(body + "\nProfiel\nJe hebt een rijbewijs B.\n", kind="vacancy")
    tagged = {sectioned.text[p.start:p.end] for p in _tagged_phrases(sectioned)}
    assert "voorraadbeheer" not in tagged  # the ad says what it asks elsewhere: its opening is about the client


def test_tagger_features_use_word_classes_and_its_phrases_point_into_the_text():
    from pipeline.span_model import default_tagger, sentence_features

    features = sentence_features(["Menu", "management", ","])
    assert any(f.startswith("c8=") for f in features[1])  # a frequent word has its Brown cluster
    assert "pos=n" in features[1] and "BOS" in features[0] and "EOS" in features[2]
    text = "Skills\nPerformed line maintenance on aircraft.\n"
    tagger = default_tagger()
    assert tagger is not None, "the model ships in the package"
    for phrase in tagger.phrases(text, 7, len(text)):
        assert 7 <= phrase.start < phrase.end <= len(text) and 0 < phrase.confidence <= 1


def test_the_tagger_gives_the_same_phrases_from_many_threads_at_once():
    """An Extractor may be shared by threads; a crfsuite Tagger keeps state between tag and marginal calls."""
    from concurrent.futures import ThreadPoolExecutor

    from pipeline.span_model import default_tagger

    tagger = default_tagger()
    texts = [f"Experience\nPerformed line maintenance on {n} regional aircraft and routine servicing.\n" * 3
             for n in range(40)]
    alone = [list(tagger.phrases(t)) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda t: list(tagger.phrases(t)), texts))
    assert together == alone and all(alone)


def test_a_recruiters_title_with_an_escaped_ampersand_names_no_skill(extractor):
    """Job boards escape "&" as "\\&": "Adviseur Werving \\& Selectie" in the contact line is still the recruiter's
    title, not a skill "Selectie" (a new-user trial)."""
    text = ("Profiel\n- Je bent stressbestendig.\n\nNeem dan contact op met Sjors Twigt, Adviseur Werving \\& Selectie"
            " op nummer 0622102634.\n")
    doc = extractor.extract(text, kind="vacancy", language="nl")
    assert [m.text for m in doc.mentions] == ["stressbestendig"]


def test_towns_and_employers_on_contact_and_job_heading_lines_are_no_skills(extractor):
    """Trial: Amersfoort, Haarlem, Bangalore and Coolblue were stored as hard skills (the tagger reads a
    capitalised name as a tool's)."""
    cv = ("Anouk Peters\nSalesforce Administrator | Amersfoort, NL | anouk.peters@example.com\n\n"
          "Experience\nJunior Developer | Webfabriek, Haarlem | 2019 - 2021\n- Built Django websites\n"
          "Software Engineer – Infosys, Bangalore\n07/2017 – 02/2020\n- Developed ETL jobs in PySpark and Kafka\n")
    doc = extractor.extract(cv, kind="cv", language="en")
    found = {m.text for m in doc.mentions}
    assert {"Django", "PySpark"} <= found
    assert not found & {"Amersfoort", "NL", "Webfabriek", "Haarlem", "Infosys", "Bangalore"}, found
    from pipeline.stages.open_skills import CONTACT

    assert CONTACT.search("Developed firmware in C++17, coverage +40%") is None  # no phone numbers
    assert CONTACT.search("+32 470 12 34 56") and CONTACT.search("Tel: 0470 12 34 56")


def test_a_dutch_adjective_on_its_own_is_no_skill(extractor):
    """Staffing trial: "(vroege, late en nachtploeg)" asked for the open skill "vroege" no CV can meet."""
    ad = "Productiemedewerker\nProfiel\n- Je werkt in 3 ploegen (vroege, late en nachtploeg).\n- Ervaring met Kardex Shuttle.\n"
    found = set(open_mentions(extractor.extract(ad, kind="vacancy", language="nl")))
    assert "Kardex Shuttle" in found
    assert not found & {"vroege", "late"}


def test_a_level_of_education_is_no_skill(extractor):
    """Trial O: "MBO-4 of HBO werk- en denkniveau" asked for the skills "HBO werk" and "denkniveau", which no CV
    can meet."""
    doc = extractor.extract("Salarisadministrateur\nProfiel\nJe hebt HBO werk- en denkniveau, ervaring met payroll en "
                            "kennis van Nmbrs.\n", kind="vacancy", language="nl")
    assert not {text for text in open_mentions(doc) if "niveau" in text or "HBO" in text}
    assert {"hard.payroll", "hard.hris"} <= {m.skill_id for m in doc.mentions}


def test_terms_of_employment_are_no_skills(extractor):
    """Trial P: "Flexi-job of studentenjob is mogelijk" and "Aanbod: deeltijds contract" were required skills no CV
    met, and a CV's "flexi-job ok" a skill; contract work itself ("contract management") stays."""
    ad = extractor.extract("Hulpkok\nWat vragen wij\n- HACCP.\n- Flexi-job of studentenjob is mogelijk.\nAanbod: "
                           "deeltijds contract, flexi-job mogelijk.\n", kind="vacancy", language="nl")
    cv = extractor.extract("Beschikbaar: weekends en avonden, flexi-job ok.\nSkills\nContract management, HACCP, "
                           "student job\n", kind="cv")
    assert not open_mentions(ad) and not open_mentions(cv)
    assert "Contract management" in {m.text for m in cv.mentions}


def test_an_ads_task_and_a_cvs_task_share_one_key(extractor):
    """Trial U: "Je onderhoudt contacten" (an ad, its verb first) and "Contacten onderhouden" (a CV, the infinitive
    last) were two open skills that never met; a finite verb alone ("Je traint …") names no skill."""
    ad = extractor.extract("Inkoper\nWat ga je doen?\n- Je onderhoudt contacten met leveranciers.\n- Je traint "
                           "collega's op de winkelvloer.\n", kind="vacancy", language="nl")
    cv = extractor.extract("Ervaring\n- Contacten onderhouden met leveranciers\n", kind="cv", language="nl")
    asked, held = open_mentions(ad), open_mentions(cv)
    assert asked["onderhoudt contacten"].key == held["Contacten onderhouden"].key == "contacten onderhouden"
    assert "traint" not in asked


def test_a_dutch_plural_with_an_apostrophe_keeps_its_word():
    """Trial V: "trainingsschema's" had the key "trainingsschema'" (its s taken for a plural's)."""
    from pipeline.stages.open_skills import normalise_key

    assert normalise_key("trainingsschema's", "nl") == "trainingsschema"
    assert normalise_key("video’s", "nl") == "video"


def test_an_adverb_on_its_own_is_no_skill(extractor):
    """Trial V: "Communicate Effectively and Professionally", a bank's competency line, asked for "Effectively"."""
    doc = extractor.extract("Legal Counsel\nCompetencies\n* Communicate Effectively and Professionally\n"
                            "* Plotly dashboards\n", kind="vacancy", language="en")
    assert "Effectively" not in open_mentions(doc)
