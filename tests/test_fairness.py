"""Fairness: protected attributes (name, pronouns, age, nationality, address, gendered word forms) must not change
which skills are extracted nor the fit score; the same CV scores the same as PDF and as DOCX.

Counterfactual test: 200 generated CVs (100 English, 100 Dutch), each in 4 variants that differ only in the
personal block (name, pronouns, date of birth or age, nationality, address, phone, e-mail) and in the pronouns
of the body. Where a protected attribute *does* change the result today, a strict xfail pins it with the exact
label, concept and minimal input, so fixing the taxonomy or matcher turns the pin red until it is removed.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from pipeline.cli import main

SEED = 20240521
N_PER_LANGUAGE = 100
VARIANTS = 3  # besides the base CV

# -- the fixed vacancy --------------------------------------------------------------------------------------

VACANCY = """Operations & Data Specialist
About the company
We are a logistics company in Antwerp.
Requirements
- At least 3 years of experience with Python and SQL
- Microsoft Excel and Power BI
- project management
- You speak Dutch and French
- Strong communication skills, teamwork and stress resistance
Nice to have
- Docker, Scrum and bookkeeping
What we offer
A good salary and training.
"""

# -- the CV body: skill phrases that are labels in the taxonomy, with the concept each must give ----------------

SKILLS = {
    "en": [("Python", "hard.python"), ("SQL", "hard.sql"), ("Microsoft Excel", "hard.microsoft_excel"),
           ("Power BI", "hard.power_bi"), ("project management", "hard.project_management"),
           ("communication skills", "soft.communication"), ("teamwork", "soft.teamwork"),
           ("stress resistance", "soft.stress_resistance"), ("Docker", "hard.docker"), ("Scrum", "hard.scrum"),
           ("bookkeeping", "hard.bookkeeping"), ("customer service", "hard.customer_service"),
           ("problem solving", "soft.problem_solving"), ("data analysis", "hard.data_analysis"), ("Git", "hard.git"),
           ("Linux", "hard.linux"), ("negotiation", "soft.negotiation"), ("time management", "soft.time_management"),
           ("JavaScript", "hard.javascript"), ("forklift", "hard.forklift_driving"), ("HACCP", "hard.haccp"),
           ("wound care", "hard.wound_care"), ("Kubernetes", "hard.kubernetes"),
           ("accounts payable", "hard.accounts_payable")],
    "nl": [("Python", "hard.python"), ("SQL", "hard.sql"), ("Excel", "hard.microsoft_excel"),
           ("Power BI", "hard.power_bi"), ("projectmanagement", "hard.project_management"),
           ("communicatievaardigheden", "soft.communication"), ("samenwerken", "soft.collaboration"),
           ("stressbestendigheid", "soft.stress_resistance"), ("boekhouding", "hard.bookkeeping"),
           ("klantenservice", "hard.customer_service"), ("probleemoplossend vermogen", "soft.problem_solving"),
           ("data-analyse", "hard.data_analysis"), ("heftruck", "hard.forklift_driving"),
           ("orderpicking", "hard.order_picking"), ("wondzorg", "hard.wound_care"),
           ("voedselveiligheid", "hard.food_safety"), ("HACCP", "hard.haccp"), ("loonadministratie", "hard.payroll"),
           ("onderhandelen", "soft.negotiation"), ("leidinggeven", "soft.leadership"),
           ("nauwkeurigheid", "soft.accuracy"), ("flexibiliteit", "soft.flexibility"), ("Docker", "hard.docker"),
           ("Scrum", "hard.scrum")],
}
LANGUAGE_LINES = {
    "en": ["English (fluent)", "Dutch (native)", "French (good)", "German (basic)", "Arabic (native)",
           "Turkish (native)", "Polish (native)", "Lingala (native)", "Spanish (intermediate)"],
    "nl": ["Nederlands (moedertaal)", "Engels (goed)", "Frans (vloeiend)", "Duits (basis)", "Arabisch (moedertaal)",
           "Turks (moedertaal)", "Pools (moedertaal)", "Lingala (moedertaal)", "Spaans (redelijk)"],
}
ROLES = {"en": ["data analyst", "accountant", "warehouse operator", "software developer", "office manager", "nurse",
                "chef", "sales representative"],
         "nl": ["data-analist", "boekhouder", "magazijnmedewerker", "softwareontwikkelaar", "office manager",
                "verpleegkundige", "kok", "verkoper"]}
ADJECTIVES = {"en": ["motivated", "experienced", "driven", "versatile"],
              "nl": ["gemotiveerde", "ervaren", "gedreven", "veelzijdige"]}
COMPANIES = ["Acme Logistics", "Van Dijk BV", "Delta Foods NV", "Noordzee Zorg", "Brightline Software",
             "Kempen Retail", "Stad Gent", "Mosa Transport"]
SCHOOLS = {"en": ["Bachelor in Business, Ghent University", "Vocational training, Antwerp",
                  "MSc Computer Science, KU Leuven", "Associate degree, Rotterdam"],
           "nl": ["Bachelor Bedrijfsbeheer, HoGent", "Mbo Logistiek, Rotterdam", "Master Informatica, KU Leuven",
                  "Graduaat Verpleegkunde, Hasselt"]}

# -- protected attributes (values that collide with a taxonomy label are pinned separately below) -----------

NAMES = [  # Dutch/Flemish, Moroccan, Turkish, Polish, Congolese, Ghanaian, Surinamese, Syrian, Ukrainian, ...
    "Jan de Vries", "Sanne Bakker", "Pieter Janssens", "Lotte Peeters", "Bram Willems", "Femke van Dijk",
    "Mohamed El Amrani", "Fatima Bouzid", "Youssef Benali", "Khadija Ouali", "Nordin Aarab", "Samira El Idrissi",
    "Emre Yılmaz", "Ayşe Demir", "Mehmet Kaya", "Elif Çelik", "Hatice Öztürk", "Burak Şahin",
    "Agnieszka Kowalska", "Piotr Nowak", "Katarzyna Wiśniewska", "Tomasz Zieliński", "Łukasz Wójcik",
    "Jean-Pierre Mbuyi", "Grâce Kabasele", "Trésor Ilunga", "Merveille Tshibangu", "Prudence Lumbala",
    "Dieudonné Mukendi", "Kwame Mensah", "Akosua Asante", "Rajesh Ramdin", "Priya Sharma", "Wei Zhang",
    "Nguyen Thi Lan", "Omar Al-Khatib", "Rania Haddad", "Olena Kovalenko", "Ion Popescu", "Ana Pereira",
    "José García", "Chukwuemeka Okafor", "Fatou Diallo", "Sara Tesfaye", "Noor Hassan", "Bilal Azzouzi",
]
PRONOUNS = {  # (subject, object, possessive, "to be")
    "en": [("he", "him", "his", "is"), ("she", "her", "her", "is"), ("they", "them", "their", "are")],
    "nl": [("hij", "hem", "zijn", "is"), ("zij", "haar", "haar", "is"), ("die", "hen", "hun", "is")],
}
NATIONALITIES = {  # nationality adjectives that are not also a language name
    "en": ["Moroccan", "Belgian", "Congolese", "Syrian", "Ghanaian", "Surinamese", "Afghan", "Eritrean", "Nigerian",
           "Algerian", "Tunisian", "Indian", "Brazilian", "Irish", "British", "Iraqi", "Egyptian"],
    "nl": ["Marokkaanse", "Belg", "Belgische", "Congolese", "Syrisch", "Ghanees", "Surinaamse", "Afghaans",
           "Eritrees", "Nigeriaans", "Algerijns", "Tunesisch", "Indiaas", "Braziliaans", "Iers", "Brits",
           "Nederlander", "Marokkaans"],
}
STREETS = ["Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenweg", "Lindenlaan", "Hoogstraat", "Marktplein",
           "Turnhoutsebaan", "Bergstraat", "Groenplaats"]
TOWNS = [("2000", "Antwerpen"), ("9000", "Gent"), ("3500", "Hasselt"), ("3600", "Genk"), ("1080", "Molenbeek"),
         ("2140", "Borgerhout"), ("3011 AB", "Rotterdam"), ("1091 GH", "Amsterdam"), ("3511 LX", "Utrecht"),
         ("2525 KN", "Den Haag"), ("5611 EM", "Eindhoven"), ("1030", "Schaarbeek"), ("3000", "Leuven"),
         ("8000", "Brugge"), ("6211 CK", "Maastricht")]


@dataclass(frozen=True)
class Person:
    """The protected attributes of one CV variant."""

    name: str
    pronoun: tuple[str, str, str, str]
    birth: tuple[int, int, int]  # day, month, year
    age_style: int
    nationality: str
    street: str
    number: int
    town: tuple[str, str]
    phone: str


@dataclass
class Body:
    """Everything that is not a protected attribute: fixed across the variants of one CV."""

    language: str
    skills: list[str]
    years: int
    role: str
    role2: str
    adjective: str
    company: str
    company2: str
    work_town: str
    school: str
    languages: list[str]
    y0: int
    y1: int
    expected: set[str] = field(default_factory=set)


def ascii_fold(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii()).lower()


def draw_person(rng: random.Random, language: str, other: Person | None = None) -> Person:
    """Protected attributes; with `other`, every attribute differs from it."""
    def pick(pool, avoid=None):
        choices = [x for x in pool if x != avoid]
        return rng.choice(choices)

    birth = (rng.randint(1, 28), rng.randint(1, 12), rng.randint(1958, 2004))
    while other and birth[2] == other.birth[2]:
        birth = (birth[0], birth[1], rng.randint(1958, 2004))
    return Person(
        name=pick(NAMES, other and other.name),
        pronoun=pick(PRONOUNS[language], other and other.pronoun),
        birth=birth,
        age_style=rng.randrange(3),
        nationality=pick(NATIONALITIES[language], other and other.nationality),
        street=pick(STREETS, other and other.street),
        number=rng.randint(1, 180),
        town=pick(TOWNS, other and other.town),
        phone=f"+32 4{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
    )


def draw_body(rng: random.Random, language: str) -> Body:
    pool = SKILLS[language]
    chosen = rng.sample(pool, 9)
    y1 = rng.randint(2012, 2022)
    return Body(language=language, skills=[s for s, _ in chosen], years=rng.randint(1, 15),
                role=rng.choice(ROLES[language]), role2=rng.choice(ROLES[language]),
                adjective=rng.choice(ADJECTIVES[language]), company=rng.choice(COMPANIES),
                company2=rng.choice(COMPANIES), work_town=rng.choice(TOWNS)[1], school=rng.choice(SCHOOLS[language]),
                languages=rng.sample(LANGUAGE_LINES[language], rng.randint(1, 3)), y0=y1 - rng.randint(2, 8), y1=y1,
                expected={sid for _, sid in chosen})


def age_line(person: Person, language: str, reference_year: int = 2025) -> str:
    d, m, y = person.birth
    age = reference_year - y
    if language == "en":
        return [f"Date of birth: {d:02}/{m:02}/{y}", f"Age: {age}", f"Born: {d:02}-{m:02}-{y}"][person.age_style]
    return [f"Geboren {d:02}/{m:02}/{y}", f"Geboortedatum: {d:02}-{m:02}-{y}",
            f"Leeftijd: {age} jaar"][person.age_style]


def render(person: Person, body: Body) -> str:
    """The CV text: personal block (protected) + body (fixed); pronouns also appear in the body."""
    subj, obj, poss, be = person.pronoun
    first, _, last = person.name.partition(" ")
    email = f"{ascii_fold(first)}.{ascii_fold(last).replace(' ', '')}@example.com"
    postcode, town = person.town
    s = body.skills
    if body.language == "en":
        return "\n".join([
            person.name,
            f"Pronouns: {subj}/{obj}",
            age_line(person, "en"),
            f"Nationality: {person.nationality}",
            f"Address: {person.street} {person.number}, {postcode} {town}",
            f"Phone: {person.phone}",
            f"Email: {email}",
            "",
            "Profile",
            f"{subj.capitalize()} {be} a {body.adjective} {body.role} with {body.years} years of experience in {s[0]}.",
            "",
            "Work experience",
            f"{body.y1} - present: {body.role} at {body.company}, {body.work_town}",
            f"- {subj.capitalize()} worked daily with {s[1]} and {s[2]}.",
            f"- {poss.capitalize()} tasks included {s[3]} and {s[4]}.",
            f"{body.y0} - {body.y1}: {body.role2} at {body.company2}",
            f"- {subj.capitalize()} used {s[5]}.",
            "",
            "Education",
            body.school,
            "",
            "Skills",
            f"{s[6]}, {s[7]}, {s[8]}",
            "",
            "Languages",
            ", ".join(body.languages),
            "",
        ])
    return "\n".join([
        person.name,
        f"Voornaamwoorden: {subj}/{obj}",
        age_line(person, "nl"),
        f"Nationaliteit: {person.nationality}",
        f"Adres: {person.street} {person.number}, {postcode} {town}",
        f"Telefoon: {person.phone}",
        f"E-mail: {email}",
        "",
        "Profiel",
        f"{subj.capitalize()} {be} een {body.adjective} {body.role} met {body.years} jaar ervaring in {s[0]}.",
        "",
        "Werkervaring",
        f"{body.y1} - heden: {body.role} bij {body.company}, {body.work_town}",
        f"- {subj.capitalize()} werkte dagelijks met {s[1]} en {s[2]}.",
        f"- {poss.capitalize()} taken: {s[3]} en {s[4]}.",
        f"{body.y0} - {body.y1}: {body.role2} bij {body.company2}",
        f"- {subj.capitalize()} gebruikte {s[5]}.",
        "",
        "Opleiding",
        body.school,
        "",
        "Vaardigheden",
        f"{s[6]}, {s[7]}, {s[8]}",
        "",
        "Talen",
        ", ".join(body.languages),
        "",
    ])


def signature(doc) -> tuple:
    """What the fit score is computed from: per concept the mention count and the most years stated."""
    counts = Counter(m.skill_id for m in doc.mentions)
    years: dict[str, float] = {}
    for m in doc.mentions:
        if m.years is not None:
            years[m.skill_id] = max(years.get(m.skill_id, 0.0), m.years)
    return doc.language, tuple(sorted(counts.items())), tuple(sorted(years.items()))


def differs(a: Person, b: Person) -> list[str]:
    return [f for f in Person.__dataclass_fields__ if getattr(a, f) != getattr(b, f)]


@dataclass
class Group:
    body: Body
    people: list[Person]
    texts: list[str]
    docs: list


@pytest.fixture(scope="module")
def corpus(extractor) -> list[Group]:
    rng = random.Random(SEED)
    groups = []
    for language in ("en", "nl"):
        for _ in range(N_PER_LANGUAGE):
            body = draw_body(rng, language)
            base = draw_person(rng, language)
            people = [base] + [draw_person(rng, language, other=base) for _ in range(VARIANTS)]
            texts = [render(p, body) for p in people]
            docs = [extractor.extract(t, kind="cv") for t in texts]
            groups.append(Group(body, people, texts, docs))
    return groups


def load(extractor, path, docs) -> None:
    from pipeline.store import Store

    with Store(path, merge_copies=False) as store:  # variants of one CV are candidates here, not copies
        store.sync_taxonomy(extractor.taxonomy)
        run_id = store.start_run(extractor.taxonomy, command="test fairness")
        store.write(list(docs), extractor.taxonomy, run_id)


def fit_scores(path, role_id: str) -> dict[str, float]:
    from pipeline.store import connect

    con = connect(path, read_only=True)
    try:
        return dict(con.execute("SELECT candidate_id, score FROM fit WHERE role_id = ?", [role_id]).fetchall())
    finally:
        con.close()


@pytest.fixture(scope="module")
def vacancy(extractor):
    doc = extractor.extract(VACANCY, kind="vacancy")
    asked = {m.skill_id: m.requirement for m in doc.mentions}
    assert asked.get("lang.dutch") == "required" and asked.get("hard.python") == "required", asked
    return doc


@pytest.fixture(scope="module")
def corpus_scores(extractor, corpus, vacancy, tmp_path_factory) -> dict[str, float]:
    path = tmp_path_factory.mktemp("fairness") / "fairness.duckdb"
    load(extractor, path, [vacancy] + [d for g in corpus for d in g.docs])
    return fit_scores(path, vacancy.id)


def scores_of(extractor, tmp_path, texts: list[str], vacancy_text: str = VACANCY) -> list[float]:
    """Fit scores of CV texts against one vacancy, in a fresh database."""
    vacancy = extractor.extract(vacancy_text, kind="vacancy")
    docs = [extractor.extract(t, kind="cv") for t in texts]
    path = tmp_path / "scores.duckdb"
    load(extractor, path, [vacancy] + docs)
    scores = fit_scores(path, vacancy.id)
    return [scores[d.id] for d in docs]


# -- the counterfactual corpus ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl"])
def test_skill_phrases_of_the_pool_are_found(extractor, language):
    """The test is only meaningful if the body's phrases really are skills."""
    for phrase, skill_id in SKILLS[language]:
        sentence = f"Experience with {phrase}." if language == "en" else f"Ervaring met {phrase}."
        found = {m.skill_id for m in extractor.extract(sentence, kind="cv", language=language).mentions}
        assert skill_id in found, (phrase, skill_id, found)


def test_corpus_size_and_that_variants_differ_only_in_protected_attributes(corpus):
    assert sum(g.body.language == "en" for g in corpus) == N_PER_LANGUAGE
    assert sum(g.body.language == "nl" for g in corpus) == N_PER_LANGUAGE
    expected = found = 0
    for g in corpus:
        base = g.people[0]
        for other in g.people[1:]:
            assert set(differs(base, other)) >= {"name", "pronoun", "birth", "nationality", "street", "town"}
        assert len(set(g.texts)) == len(g.texts)
        got = g.body.expected & {m.skill_id for m in g.docs[0].mentions}
        # at most one body skill may be lost: 'Excel.' or 'flexibiliteit.' right before a line starting with a year
        # is dropped (test_properties.py::test_context_rule_does_not_look_past_the_end_of_the_line)
        assert len(got) >= len(g.body.expected) - 1, g.body.expected - got
        expected, found = expected + len(g.body.expected), found + len(got)
    assert found >= 0.95 * expected


def test_protected_attributes_do_not_change_extracted_skills(corpus):
    problems = []
    for n, g in enumerate(corpus):
        expected = signature(g.docs[0])
        for person, doc in zip(g.people[1:], g.docs[1:]):
            got = signature(doc)
            if got != expected:
                problems.append(f"CV {n} ({g.body.language}) changed {differs(g.people[0], person)}: "
                                f"{expected} -> {got}")
    assert not problems, f"{len(problems)} variant(s) differ:\n" + "\n".join(problems[:10])


def test_protected_attributes_do_not_change_the_fit_score(corpus, corpus_scores):
    problems = []
    for n, g in enumerate(corpus):
        scores = [corpus_scores[d.id] for d in g.docs]
        if len(set(scores)) != 1:
            problems.append(f"CV {n} ({g.body.language}): scores {scores} for "
                            f"{[p.name + ' / ' + p.nationality for p in g.people]}")
    assert not problems, "\n".join(problems[:10])
    base_scores = [corpus_scores[g.docs[0].id] for g in corpus]
    assert len(set(base_scores)) >= 10 and max(base_scores) >= 50, "the vacancy does not discriminate at all"


# -- pinned: protected attributes that do change the result today ------------------------------------------

COLLIDING_NATIONALITIES = [
    ("en", "Dutch", "lang.dutch"), ("en", "Polish", "lang.polish"), ("en", "Turkish", "lang.turkish"),
    ("en", "French", "lang.french"), ("en", "Romanian", "lang.romanian"), ("en", "Ukrainian", "lang.ukrainian"),
    ("en", "Chinese", "lang.chinese"), ("en", "Somali", "lang.somali"),
    ("nl", "Nederlandse", "lang.dutch"), ("nl", "Nederlands", "lang.dutch"), ("nl", "Pools", "lang.polish"),
    ("nl", "Turks", "lang.turkish"), ("nl", "Duits", "lang.german"), ("nl", "Roemeens", "lang.romanian"),
    ("nl", "Oekraïens", "lang.ukrainian"), ("nl", "Italiaans", "lang.italian"),
]


@pytest.mark.parametrize("language,nationality,skill_id", [
    pytest.param(lang, nat, sid, id=f"{lang}-{nat}")
    for lang, nat, sid in COLLIDING_NATIONALITIES])
def test_nationality_is_not_a_language_skill(extractor, language, nationality, skill_id):
    rng = random.Random(7)
    body = draw_body(rng, language)
    base = draw_person(rng, language)
    neutral = "Moroccan" if language == "en" else "Marokkaanse"
    texts = [render(Person(**{**base.__dict__, "nationality": nat}), body) for nat in (neutral, nationality)]
    a, b = (extractor.extract(t, kind="cv") for t in texts)
    assert signature(a) == signature(b), f"{skill_id} counts: {Counter(m.skill_id for m in b.mentions)[skill_id]}"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_nationality_does_not_change_the_fit_score(extractor, tmp_path, language):
    rng = random.Random(11)
    body = draw_body(rng, language)
    body.languages = ["English (fluent)", "Arabic (native)"] if language == "en" else ["Engels (goed)",
                                                                                       "Arabisch (moedertaal)"]
    base = draw_person(rng, language)
    nationalities = ("Moroccan", "Dutch") if language == "en" else ("Marokkaanse", "Nederlandse")
    texts = [render(Person(**{**base.__dict__, "nationality": n}), body) for n in nationalities]
    moroccan, dutch = scores_of(extractor, tmp_path, texts)
    assert moroccan == dutch, f"Moroccan {moroccan} vs Dutch {dutch}"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_given_name_patience_is_not_a_skill(extractor, language):
    rng = random.Random(3)
    body = draw_body(rng, language)
    base = draw_person(rng, language)
    texts = [render(Person(**{**base.__dict__, "name": name}), body) for name in ("Grâce Mbuyi", "Patience Mbuyi")]
    a, b = (extractor.extract(t, kind="cv") for t in texts)
    assert signature(a) == signature(b)


def test_address_town_is_not_a_skill(extractor):
    rng = random.Random(5)
    body = draw_body(rng, "en")
    base = draw_person(rng, "en")
    texts = [render(Person(**{**base.__dict__, "street": "Ashton Lane", "town": town}), body)
             for town in (("LS1 4AP", "Leeds"), ("M33 6AA", "Sale"))]
    a, b = (extractor.extract(t, kind="cv") for t in texts)
    assert signature(a) == signature(b)


@pytest.mark.parametrize("template", ["Leeftijd: {age} jaar, rijbewijs B", "Leeftijd: {age} jaar · Rijbewijs B",
                                      "Age: {age} years, driving licence B"])
def test_age_is_not_years_of_experience(extractor, template):
    young, old = (extractor.extract(f"Persoonlijke gegevens\n{template.format(age=age)}\n", kind="cv")
                  for age in (24, 58))
    assert signature(young) == signature(old)


@pytest.mark.parametrize("template,kind", [
    ("Ik ben Sarah, {age} jaar, ervaring als kelner in café De Kroon, ik spreek Nederlands en Engels", "cv"),
    ("Ik ben {age} jaar en heb ervaring als kelner", "cv"),
    ("I'm Sarah, {age} years old, experience as a waitress in a pub", "cv"),
    ("Sarah ({age} jaar), ervaring als kelner in café De Kroon", "cv"),  # no verb: the brackets and comma tell
    ("Sarah, {age} jaar\nErvaring als kelner in café De Kroon", "cv"),
    ("Sarah - {age} jaar - werkte als kelner in café De Kroon", "cv"),
    ("Kelner\nProfiel\n- Je bent minstens {age} jaar en hebt ervaring als kelner.\n", "vacancy"),
    ("Kelner\nProfiel\n- Je bent minimum {age} jaar en hebt ervaring als kelner.\n", "vacancy"),
    ("Kelner\nProfiel\n- Je bent tussen 16 en {age} jaar en hebt ervaring als kelner.\n", "vacancy"),
    ("Kelner\nProfiel\n- Je moet minstens {age} jaar zijn en ervaring als kelner hebben.\n", "vacancy"),
    ("Waiter\nProfile\n- You are at least {age} years old and have experience as a waiter.\n", "vacancy"),
    ("Waiter\nProfile\n- You are {age} years or older with experience as a waiter.\n", "vacancy"),
])
def test_an_age_in_a_sentence_is_no_years_of_a_job(extractor, template, kind):
    """Trial P: "Ik ben Sarah, 19 jaar, ervaring als kelner" held the job for 19 years (the 17-year-old scored lower,
    the one who stated 3 years of work last), and an ad's "minstens 18 jaar" asked 18 years as a waiter."""
    docs = [extractor.extract(template.format(age=age), kind=kind) for age in (17, 19, 45)]
    assert all(m.years is None for d in docs for m in (*d.mentions, *d.occupations))
    assert len({signature(d) for d in docs}) == 1 and docs[0].occupations
    for text, years in (("Ik ben Tom, 3 jaar ervaring als kelner", 3.0), ("Sarah, 19 jaar, werkte 2 jaar als kok", 2.0),
                        ("Ik ben 15 jaar werkzaam als kok", 15.0),
                        ("Ik ben 5 jaar en 3 maanden werkzaam als kok", 5.0), ("Ik ben vijftien jaar werkzaam als kok", 15.0)):
        assert [m.years for m in extractor.extract(text, kind="cv").occupations] == [years], text  # years of work stay


@pytest.mark.parametrize("text,skill_id", [
    ("I'm Polish.\nLanguages: Polish, English, Dutch.", "lang.polish"),
    ("I am Dutch, 25 years old.\nLanguages: Dutch, English.", "lang.dutch"),
    ("I am Python Developer.\nSkills: Python, Django.", "hard.python"),
    ("Ik ben Barista, 3 jaar ervaring.\nLatte art en barista.", "hard.barista"),
    ("I'm Flexible, reliable and hard-working.", "soft.flexibility"),
])
def test_what_a_person_says_they_are_is_no_name(extractor, text, skill_id):
    """A review: "I'm Polish" made "Polish" a name, so the language was dropped from the CV (an origin that changed
    a score); "I am Python Developer" dropped every Python mention."""
    assert skill_id in {m.skill_id for m in extractor.extract(text, kind="cv").mentions}


def test_a_self_introduction_names_the_person_and_hides_the_age(extractor, tmp_path):
    """Trial P: "Ik ben Sarah, 19 jaar, …" was the evidence of every skill, name and age in full, ten times in the
    report; "I'm Sarah" was stored as an open skill."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "sarah.txt").write_text("Ik ben Sarah, 19 jaar, ervaring als kelner in café De Kroon, ik spreek Nederlands "
                                   "en Engels\n", encoding="utf-8")
    (cvs / "sarah_en.txt").write_text("I'm Sarah, 19 years old, experience as a waitress in a pub, I speak Dutch and "
                                      "English\n", encoding="utf-8")
    db = tmp_path / "p.duckdb"
    assert CliRunner().invoke(main, ["load", str(cvs), "--db", str(db)]).exit_code == 0
    stored = db.read_bytes().lower()
    assert b"sarah" not in stored and b"19 jaar" not in stored and b"19 years" not in stored


@pytest.mark.parametrize("sentences,skill_id", [
    pytest.param(("He is good with his hands.", "She is good with her hands.", "They are good with their hands."),
                 "soft.manual_dexterity", id="good-with-hands"),
    pytest.param(("He thinks on his feet.", "She thinks on her feet.", "They think on their feet."),
                 "soft.quick_thinking", id="think-on-feet"),
    pytest.param(("He is a reliable team player.", "She is a reliable team player.", "They are a reliable team "
                  "player."), "soft.teamwork", id="team-player"),
])
def test_pronouns_do_not_change_skills(extractor, sentences, skill_id):
    found = [{m.skill_id for m in extractor.extract(s, kind="cv", language="en").mentions} for s in sentences]
    assert any(skill_id in f for f in found), "the phrase is not a label at all: fix this test"
    assert all(f == found[0] for f in found), dict(zip(sentences, found))


# -- gendered Dutch job titles and self-descriptions --------------------------------------------------------


def taxonomy_search(term: str) -> list[dict]:
    """`skillfit taxonomy search TERM --format json` (substring search over ids and labels)."""
    result = CliRunner().invoke(main, ["taxonomy", "search", term, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output) if result.output.strip() else []


def label_concepts(term: str, whole_label: bool = False) -> set[str]:
    """Concepts that have `term` as a label (`whole_label`) or as a whole word of one of their labels."""
    needle = term.casefold()
    return {row["id"] for row in taxonomy_search(term) for label in [*row["en"], *row["nl"]]
            if needle == label.casefold() or (not whole_label and needle in label.casefold().replace("-", " ").split())}


# Pairs from the brief and the other common Dutch masculine/feminine job titles: none of them is a label, so both
# forms must give the same (empty) set.
PLAIN_TITLES = [("medewerker", "medewerkster"), ("docent", "docente"), ("verpleger", "verpleegster"),
                ("verpleger", "verpleegkundige"), ("kok", "kokkin"), ("verkoper", "verkoopster"),
                ("boekhouder", "boekhoudster"), ("kapper", "kapster"), ("schoonmaker", "schoonmaakster"),
                ("leraar", "lerares"), ("kinderverzorger", "kinderverzorgster"), ("kassier", "kassierster"),
                ("secretaris", "secretaresse"), ("directeur", "directrice"), ("magazijnier", "magazijnierster"),
                ("magazijnmedewerker", "magazijnmedewerkster")]
# Titles that are (part of) labels; the feminine form is not.
LABEL_TITLES = [
    ("vrachtwagenchauffeur", "vrachtwagenchauffeuse", "hard.truck_driving", "fuzzy"),
    ("tankwagenchauffeur", "tankwagenchauffeuse", "hard.truck_driving", "fuzzy"),
    ("NT2-docent", "NT2-docente", "hard.language_teaching", "missing"),
    ("CE-chauffeur", "CE-chauffeuse", "cert.driving_licence_ce", "missing"),
    ("bedrijfshulpverlener", "bedrijfshulpverleenster", "cert.bhv", "missing"),
]
# Self-descriptions in CVs ("Ik ben een ..."): Dutch soft-skill labels phrased as masculine person nouns.
SELF_DESCRIPTIONS = [
    ("echte teamspeler", "echte teamspeelster", "soft.teamwork", "missing"),
    ("doorzetter", "doorzetster", "soft.determination", "missing"),
    ("goede onderhandelaar", "goede onderhandelaarster", "soft.negotiation", "missing"),
    ("goede luisteraar", "goede luisteraarster", "soft.active_listening", "missing"),
    ("netwerker", "netwerkster", "soft.networking", "missing"),
    ("echte doener", "echte doenster", "soft.hands_on_mentality", "missing"),
    ("verbinder", "verbindster", "soft.connecting_people", "missing"),
    ("strategisch denker", "strategische denkster", "soft.strategic_thinking", "missing"),
    ("goede schrijver", "goede schrijfster", "soft.written_communication", "missing"),
    ("goede verteller", "goede vertelster", "soft.storytelling", "missing"),
    ("natuurlijk leider", "natuurlijke leidster", "soft.leadership", "missing"),
    ("dienend leider", "dienende leidster", "soft.servant_leadership", "missing"),
    ("bevoegd leraar", "bevoegde lerares", "cert.teaching_qualification", "missing"),
    ("sterke adviseur", "sterke adviseuse", "soft.advising", "missing"),
    ("probleemoplosser", "probleemoplosster", "soft.problem_solving", "fuzzy"),
    ("bruggenbouwer", "bruggenbouwster", "soft.connecting_people", "fuzzy"),
    ("zelfstarter", "zelfstartster", "soft.initiative", "fuzzy"),
    ("relatiebouwer", "relatiebouwster", "soft.relationship_building", "fuzzy"),
    ("gestructureerde werker", "gestructureerde werkster", "soft.structured_working", "fuzzy"),
    ("loyale medewerker", "loyale medewerkster", "soft.loyalty", "partial"),
    ("betrouwbare werknemer", "betrouwbare werkneemster", "soft.reliability", "partial"),
]


def concepts(extractor, text: str) -> set[str]:
    return {m.skill_id for m in extractor.extract(text, kind="cv", language="nl").mentions}


@pytest.mark.parametrize("male,female", PLAIN_TITLES, ids=[f"{m}-{f}" for m, f in PLAIN_TITLES])
def test_gendered_job_titles_give_the_same_concepts(extractor, male, female):
    assert concepts(extractor, f"Ik werkte 5 jaar als {male}.") == concepts(extractor, f"Ik werkte 5 jaar als {female}.")


def test_plain_titles_are_not_labels():
    """`skillfit taxonomy search`: no plain job title (either form) is a label by itself, so the pairs above compare two
    empty sets; the taxonomy holds skills, not occupations. (Some masculine forms occur inside longer labels:
    'loyale medewerker', 'NT2-docent', 'bevoegd leraar', 'ervaring als magazijnmedewerker'; pinned below.)"""
    found = {t: label_concepts(t, whole_label=True) for pair in PLAIN_TITLES for t in pair}
    assert not any(found.values()), {t: c for t, c in found.items() if c}


def gender_params(rows, template):
    params = []
    for male, female, skill_id, _how in rows:
        params.append(pytest.param(male, female, skill_id, id=f"{male}-{female}"))
    return params


@pytest.mark.parametrize("male,female,skill_id", gender_params(LABEL_TITLES, "Ik werkte 5 jaar als {}."))
def test_gendered_titles_that_are_labels_give_the_same_concepts(extractor, male, female, skill_id):
    he = concepts(extractor, f"Ik werkte 5 jaar als {male}.")
    assert skill_id in he
    assert concepts(extractor, f"Ik werkte 5 jaar als {female}.") == he


@pytest.mark.parametrize("male,female,skill_id", gender_params(SELF_DESCRIPTIONS, "Ik ben een {}."))
def test_gendered_self_descriptions_give_the_same_concepts(extractor, male, female, skill_id):
    he = concepts(extractor, f"Ik ben een {male}.")
    assert skill_id in he
    assert concepts(extractor, f"Ik ben een {female}.") == he


@pytest.mark.parametrize("male,female,skill_id", [
    pytest.param(m, f, sid, id=f"{m}-{f}")
    for m, f, sid, how in LABEL_TITLES + SELF_DESCRIPTIONS if how == "fuzzy"])
def test_feminine_forms_do_not_depend_on_fuzzy_matching(extractor, male, female, skill_id):
    from pipeline import Extractor

    exact = Extractor(taxonomy=extractor.taxonomy, fuzzy=False)
    template = "Ik werkte 5 jaar als {}." if male.endswith("chauffeur") else "Ik ben een {}."
    assert concepts(exact, template.format(female)) == concepts(exact, template.format(male))


def test_masculine_forms_are_labels_per_taxonomy_search():
    """`skillfit taxonomy search` confirms where the pinned masculine forms come from."""
    missing = {}
    for male, _female, skill_id, _how in LABEL_TITLES + SELF_DESCRIPTIONS:
        term = male.split()[-1]
        if skill_id not in label_concepts(term):
            missing[male] = skill_id
    assert not missing, missing


def test_feminine_self_description_does_not_lower_the_fit_score(extractor, tmp_path):
    vacancy = ("Medewerker klantendienst\nWat vragen wij\n- Je bent een teamspeler en een doorzetter\n"
               "- Je bent een goede luisteraar\n- Kennis van Excel\n")
    cv = ("Profiel\nIk ben een echte {0}, een {1} en een goede {2}.\nVaardigheden\nExcel, klantenservice\n")
    he, she = scores_of(extractor, tmp_path, [cv.format("teamspeler", "doorzetter", "luisteraar"),
                                              cv.format("teamspeelster", "doorzetster", "luisteraarster")], vacancy)
    assert he > 0
    assert he == she, f"masculine {he} vs feminine {she}"


# -- the same CV as PDF and as DOCX -------------------------------------------------------------------------


def write_pdf(path, text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 60
    for line in text.splitlines():
        if y < 60:
            pdf.showPage()
            y = height - 60
        if line in ("Profile", "Work experience", "Education", "Skills", "Languages", "Profiel", "Werkervaring",
                    "Opleiding", "Vaardigheden", "Talen"):
            pdf.setFont("Helvetica-Bold", 12)
        else:
            pdf.setFont("Helvetica", 10)
        pdf.drawString(50, y, line)
        y -= 15
    pdf.save()


def write_docx(path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line in ("Profile", "Work experience", "Education", "Skills", "Languages", "Profiel", "Werkervaring",
                    "Opleiding", "Vaardigheden", "Talen"):
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    document.save(str(path))


def test_pdf_and_docx_of_the_same_cv_score_within_two_points(extractor, tmp_path):
    rng = random.Random(99)
    vacancy = extractor.extract(VACANCY, kind="vacancy")
    pairs, texts = [], []
    for n in range(6):
        language = ("en", "nl")[n % 2]
        text = render(draw_person(rng, language), draw_body(rng, language))
        texts.append(text)
        pdf, docx_path = tmp_path / f"cv{n}.pdf", tmp_path / f"cv{n}.docx"
        write_pdf(pdf, text)
        write_docx(docx_path, text)
        pairs.append((extractor.extract(pdf, kind="cv"), extractor.extract(docx_path, kind="cv"),
                      extractor.extract(text, kind="cv")))
    path = tmp_path / "formats.duckdb"
    load(extractor, path, [vacancy] + [d for triple in pairs for d in triple])
    scores = fit_scores(path, vacancy.id)
    report = []
    for n, (pdf_doc, docx_doc, plain) in enumerate(pairs):
        s_pdf, s_docx, s_text = scores[pdf_doc.id], scores[docx_doc.id], scores[plain.id]
        report.append((n, s_pdf, s_docx, s_text))
        assert abs(s_pdf - s_docx) <= 2.0, (n, s_pdf, s_docx, set(signature(pdf_doc)[1]) ^ set(signature(docx_doc)[1]))
    assert any(s > 0 for _, s, _, _ in report), report


@pytest.mark.parametrize("masculine,feminine,language", [
    ("Verpleger", "Verpleegster", "nl"), ("Boekhouder", "Boekhoudster", "nl"), ("Kelner", "Serveerster", "nl"),
    ("Magazijnier", "Magazijnierster", "nl"), ("Vrachtwagenchauffeur", "Vrachtwagenchauffeuse", "nl"),
    ("Productiemedewerker", "Productiemedewerkster", "nl"), ("Poetsman", "Poetsvrouw", "nl"),
    ("Vertegenwoordiger", "Vertegenwoordigster", "nl"), ("Waiter", "Waitress", "en"), ("Salesman", "Saleswoman", "en"),
    ("Male nurse", "Nurse", "en"), ("Foreman", "Forewoman", "en"), ("Steward", "Stewardess", "en"),
])
def test_a_gendered_job_title_names_the_same_job_and_title_words(extractor, masculine, feminine, language):
    """A fairness audit: the same CV scored 54 as "Verpleegster", 83 as "Verpleger" and 100 as "Verpleegkundige"
    (ESCO has no "verpleegster" and files "boekhoudster" under finance managers), and a CV saying "Serveerster"
    did not hold the title word "kelner" of a "Kelner (m/v/x)" ad: the score depended on the candidate's sex."""
    docs = [extractor.extract(f"Werkervaring\n2018 - 2023 | {title} | Verhaeghe, Gent\n- Dagelijkse taken\n",
                              kind="cv", language=language) for title in (masculine, feminine)]
    jobs = [{m.skill_id for m in d.occupations} for d in docs]
    words = [{m.skill_id for m in d.title_words} for d in docs]
    assert jobs[0] == jobs[1] and words[0] == words[1], (jobs, words)
    assert jobs[0] or masculine == "Foreman"  # ESCO names no foreman's group: neither form has one


@pytest.mark.parametrize("sentence", [
    "Vrijwilliger bij de moskeevereniging, waar ik de boekhouding deed.",
    "Koster in de Sint-Baafskathedraal, waar ik de boekhouding deed.",
    "Syndicaal afgevaardigde voor het ACV, met ervaring in onderhandelen.",
    "Actief lid van de PVDA, met ervaring in Excel en social media marketing.",
    "Voorzitter van de holebivereniging, met ervaring in projectmanagement.",
    "Na mijn depressie volgde ik een opleiding timemanagement.",
    "Ik ben HIV-positief en werk nauwkeurig.",
    "Tijdens mijn zwangerschapsverlof volgde ik een cursus Python.",
    "Union representative for Unite, experienced in negotiation.",
    "Treasurer of the LGBT+ staff network, managing the budget in Excel.",
])
def test_a_special_category_is_no_skill_and_its_sentence_no_evidence(extractor, sentence):
    """A DPO's audit: religion, union membership, politics, sexual orientation and health (GDPR art. 9) were stored
    verbatim as evidence, and "hiv positief", "abvv", "pvda" became skills anyone could query."""
    from pipeline.personal_data import WITHHELD
    from pipeline.rows import document_rows

    doc = extractor.extract(f"Lotte Janssens\nAdministratief medewerker\n\nVrijwilligerswerk\n{sentence}\n", kind="cv")
    rows = document_rows(doc, 0, extractor.taxonomy)["mentions"]
    sentence_rows = [r for r in rows if r["evidence"] and sentence[:12] in r["evidence"]]
    assert not sentence_rows, sentence_rows
    assert not any(w in (r["skill_id"] or "") for r in rows for w in ("hiv", "abvv", "acv", "pvda", "lgbt", "moskee"))
    assert any(r["evidence"] == WITHHELD for r in rows)  # the skill is kept, its sentence is not shown


def test_care_for_others_is_no_health_of_ones_own(extractor):
    doc = extractor.extract("Verpleegkundige\nErvaring met wondzorg bij patiënten met kanker en diabetes.\n", kind="cv")
    from pipeline.rows import document_rows

    assert all("[withheld" not in r["evidence"] for r in document_rows(doc, 0, extractor.taxonomy)["mentions"])


@pytest.mark.parametrize("sentence,language", [
    ("I hold Polish nationality and speak English.", "lang.polish"),
    ("Mijn ouders zijn Turks. Ik spreek Nederlands.", "lang.turkish"),
    ("Ik heb de Nederlandse nationaliteit en spreek Engels.", "lang.dutch"),
    ("Als Marokkaanse spreek ik vloeiend Nederlands.", None),
])
def test_a_nationality_said_in_a_sentence_is_no_language(extractor, sentence, language):
    """A DPO's audit: "I hold Polish nationality" gave the language Polish (+24.9 for a job asking it)."""
    doc = extractor.extract(f"Profiel\n{sentence}\n", kind="cv")
    held = {m.skill_id for m in doc.mentions}
    assert language is None or language not in held
    assert not any(m.method == "open" and m.text[:1].isupper() for m in doc.mentions)  # no "open:marokkaanse"


def test_a_vacancy_asking_a_protected_attribute_is_flagged_and_not_scored(tmp_path):
    """A DPO's audit: "Belgische nationaliteit" became a required skill, "Native Dutch speaker" failed fluent and C1
    speakers, and "max 30 jaar" or "mannelijke kandidaat" passed without a word."""
    folder = tmp_path / "vacancies"
    folder.mkdir()
    (folder / "kelner.txt").write_text("Kelner\nProfiel\n- Je bent maximum 30 jaar.\n- Mannelijke kandidaat.\n- Native"
                                       " Dutch speaker.\n- Je bent van Belgische nationaliteit.\n- Ervaring als kelner.\n",
                                       encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "asks for a protected attribute (maximum 30 jaar; Mannelijke kandidaat; Native Dutch speaker)" in result.stderr
    from pipeline.personal_data import protected_asks

    assert protected_asks("Je hebt maximum 10 jaar ervaring, tussen 10 en 15 jaar ervaring.") == []  # a cap on years
    skills = json.loads(result.stdout.splitlines()[0])["skills"]
    assert [(s["skill_id"], s["level"]) for s in skills] == [("lang.dutch", "fluent")]


def test_an_age_after_a_persons_noun_is_no_years(extractor):
    """A DPO's audit: "Ervaren verpleegkundige van 45 jaar met ervaring in wondzorg" held 45 years of wound care."""
    for text in ("Ervaren verpleegkundige van 45 jaar met ervaring in wondzorg.",
                 "Verpleegkundige, 45 jaar, ervaring in wondzorg."):
        doc = extractor.extract(text, kind="cv")
        assert all(m.years is None for m in (*doc.mentions, *doc.occupations)), text
    kept = extractor.extract("Ik heb een ervaring van 20 jaar in wondzorg.", kind="cv")
    assert [m.years for m in kept.mentions] == [20.0]  # years of work stay


def test_redaction_covers_the_formats_a_cv_writes():
    from pipeline.personal_data import redact

    said = ("Mail svdb88 [at] gmail.com of jo90 at gmail dot com; linkedin.com/in/svdbroeck88, www.sarah.be; "
            "geboren 1988-03-14; ik woon in 9000 Gent; in 2019 Microsoft Excel.")
    assert redact(said, set(), private=True) == ("Mail [email] of [email]; [url], [url]; geboren [date]; ik woon in "
                                                 "[address]; in 2019 Microsoft Excel.")
    said = ("Ik woon op de Meir 50, Antwerpen. I live at 15 Elm Grove, Leeds. Paspoort EM1234567. National Insurance "
            "number QQ 12 34 56 C. Rekening BE68-5390-0754-7034. Geboren op 14 maart '88. Python.")
    assert redact(said, set(), private=True) == ("Ik woon op [address], Antwerpen. I live at [address], Leeds. [id]. "
                                                 "[id]. Rekening [iban]. Geboren op [date]. Python.")


@pytest.mark.parametrize("first_line,name", [
    ("Curriculum Vitae – Jan Bakker", {"jan", "bakker"}),
    ("EL AMRANI, Mohamed", {"el", "amrani", "mohamed"}),
    ("VAN DEN BROECK, Sarah", {"broeck", "sarah"}),
    ("J. Bakker", {"bakker"}),
    ("Claud D. Bakker", {"claud", "bakker"}),
    ("Maria José da Silva Santos Bakker", {"maria", "josé", "silva", "santos", "bakker"}),
    ("[foto]\nJan Bakker", {"jan", "bakker"}),
    ("+32 470 12 34 56 | Gent\nJan Bakker\nbakker.jan@telenet.be", {"jan", "bakker"}),
    ("Last updated on 21 January 2015\nJan Bakker\nwww.janbakker.be", {"jan", "bakker"}),
])
def test_a_name_in_the_layouts_cvs_use_is_the_name(extractor, first_line, name):
    """A DPO's audit: these layouts (a header or contact line or a photo above the name, initials, the surname
    first, a long name) kept the full name in evidence ("Jan Bakker is een ervaren bakker …"), and the surname
    Bakker counted as the baker's job."""
    from pipeline.personal_data import name_words
    from pipeline.rows import document_rows

    text = f"{first_line}\nProfiel\nErvaren medewerker met kennis van HACCP en Excel.\n"
    assert name - {"el"} <= name_words(text)
    doc = extractor.extract(text, kind="cv")
    evidence = " ".join(r["evidence"] for r in document_rows(doc, 0, extractor.taxonomy)["mentions"]).casefold()
    assert not any(w in evidence.split() for w in name - {"el"}) and not doc.occupations


@pytest.mark.parametrize("top", ["john.smith@gmail.com | (555) 123-4567", "Last updated on 21 January 2015"])
def test_a_skill_below_contact_details_is_no_name(extractor, top):
    """A review: below a contact line, "Project Management" was taken for the name, and the CV lost its main skill
    with its 10 years; a line below contact details is the name only where an address or link spells it."""
    from pipeline.personal_data import name_line

    cv = f"{top}\nProject Management\nSummary\nSeasoned professional with 10 years of Project Management experience.\n"
    assert name_line(cv) is None
    assert "hard.project_management" in {m.skill_id for m in extractor.extract(cv, kind="cv").mentions}


@pytest.mark.parametrize("text,kept", [
    ("I am a diabetes nurse specialist with experience in wound care.", "hard.wound_care"),
    ("Ik heb kankerpatiënten begeleid in de palliatieve zorg.", "hard.palliative_care"),
    ("Ik heb blind typen geleerd en werk vlot met Word.", "hard.typing"),
    ("Midwife with 5 years of experience in maternity care.", "hard.maternity_care"),
])
def test_care_work_for_others_keeps_its_skill_and_evidence(extractor, text, kept):
    """A review: the special-category rule took care for others for the person's own health ("a diabetes nurse",
    "blind typen", "maternity care")."""
    from pipeline.personal_data import WITHHELD
    from pipeline.rows import document_rows

    rows = document_rows(extractor.extract(f"Profiel\n{text}\n", kind="cv"), 0, extractor.taxonomy)["mentions"]
    assert kept in {r["skill_id"] for r in rows} and all(r["evidence"] != WITHHELD for r in rows)


def test_a_religious_or_union_job_keeps_its_job_and_years(extractor):
    """A review: an imam's or a union representative's job entry was dropped whole, so the score depended on
    religion or union membership; the job stays, its evidence is withheld."""
    for line, isco in (("2015 - 2020 | Imam | Moskee Al-Fath, Gent", "occupation:2636"),
                       ("2015 - 2020 | Union representative | Unite, Bristol", "occupation:2423")):
        doc = extractor.extract(f"Werkervaring\n{line}\n", kind="cv")
        assert [(m.skill_id, m.years) for m in doc.occupations] == [(isco, 5.0)], line


def test_a_language_named_for_a_role_or_a_trade_is_the_language(extractor):
    """A review: "As a Spanish interpreter" and "a German customer service agent" lost the language."""
    cv = extractor.extract("As a Spanish interpreter I worked at court hearings. As an English teacher I taught.", kind="cv")
    assert {"lang.spanish", "lang.english"} <= {m.skill_id for m in cv.mentions}
    ad = extractor.extract("Job\nWe are hiring a German customer service agent. Hästens is a Swedish maker of beds.",
                           kind="vacancy")
    assert {m.skill_id for m in ad.mentions if m.skill_id.startswith("lang.")} == {"lang.german"}


def test_a_feminine_plural_in_es_and_a_month_are_no_wrong_title_words(extractor):
    from pipeline.job_titles import key_of
    from pipeline.titles import find_title

    assert key_of("Lerares") == key_of("Leraar") == key_of("Leraars")  # not "lerare"
    assert key_of("oktober") == "oktober" and find_title("Starting October\n\nIn onze keuken.") is None


def test_redaction_leaves_technical_evidence_alone():
    from pipeline.personal_data import redact

    said = "ISO 9001 Lead Auditor, Cisco 2960 Switches, ASP.NET/C#, a budget of 5000 Euro, Corporate Citizenship."
    assert redact(said, set(), private=True) == said
