"""Language detection: English or Dutch, robust for short and mixed text; other languages reported."""

from __future__ import annotations

import pytest

from conftest import needs_shared
from pipeline.stages.language import detect_language

CASES = [
    ("Vaardigheden: Python, SQL, Power BI, Excel, Scrum, teamspeler, stressbestendig", "nl"),
    ("Ervaring met machine learning, deep learning en MLOps in een Agile team", "nl"),
    ("We are based in Gent and Leuven, and work with clients in Antwerpen and 's-Hertogenbosch.", "en"),
    ("Profile\nSenior developer with a passion for clean code and mentoring.", "en"),
    ("Nous cherchons un développeur passionné pour rejoindre notre équipe à Bruxelles.", "fr"),
    ("Wir suchen eine engagierte Pflegekraft für unser Team in Aachen.", "de"),
    ("", "und"),
    ("12345 — 2024", "und"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_detects_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.shared
def test_real_ads_sample_all_correct():
    folder = needs_shared("real-ads-sample")
    files = sorted(folder.glob("real_*.txt"))
    assert files
    wrong = [f.name for f in files if detect_language(f.read_text(encoding="utf-8")) != f.name.split("_")[1]]
    assert wrong == []


FRENCH_AD = ("Nous recherchons un gestionnaire de dossiers pour notre service client à Liège. Vous êtes en contact "
             "avec les clients et les partenaires, vous traitez les demandes de remboursement et vous suivez les "
             "dossiers de A à Z. Vous avez une première expérience en gestion administrative, vous maîtrisez la "
             "suite Office et vous avez de bonnes connaissances en néerlandais et en anglais. Nous offrons un "
             "contrat à durée indéterminée, des chèques-repas et une formation continue au sein de notre équipe. ") * 3
GERMAN_AD = ("Wir suchen für unser Team in Eupen eine engagierte Pflegekraft. Sie betreuen die Bewohner in allen "
             "Bereichen des täglichen Lebens, arbeiten eng mit Ärzten und Therapeuten zusammen und dokumentieren die "
             "Pflege. Sie haben eine abgeschlossene Ausbildung und die Fähigkeit, im Team zu arbeiten. Wir bieten "
             "ein gutes Gehalt, flexible Arbeitszeiten und die Möglichkeit zur Weiterbildung. ") * 3


@pytest.mark.parametrize("text, expected", [(FRENCH_AD, "fr"), (GERMAN_AD, "de")])
def test_long_french_and_german_are_not_taken_for_dutch_or_english(text, expected):
    # Long texts usually skip the n-gram model when the function words settle it; French and German
    # share a few of those words with Dutch and English ("de", "en", "die") and must not slip through.
    assert detect_language(text) == expected


BILINGUAL_AD = ("Magazijnmedewerker gezocht\n\nFunctie\nVoor ons distributiecentrum in Vilvoorde zoeken we een "
                "magazijnmedewerker die de goederen ontvangt, de bestellingen klaarmaakt en de vrachtwagens laadt. "
                "Je werkt in een team van acht collega's en je rapporteert aan de ploegleider.\n\n"
                "Profiel\nJe werkt nauwkeurig ✅ Je hebt een heftruckattest ✅ Ervaring met "
                "orderpicking is een pluspunt ✅ Je bent flexibel Magasinier recherché Nous cherchons un magasinier. "
                "Profil : ✅ Vous travaillez avec précision ✅ Vous avez le sens de l'organisation ✅ Une expérience "
                "dans la préparation de commandes est un atout\n")


def test_the_french_half_of_a_bilingual_ad_asks_nothing(extractor):
    """Belgian ads often repeat themselves in French, in the same paragraph: its phrases are no skills a Dutch or
    English CV can show ("sens de l'organisation" as an open skill), and its cue does not reach the Dutch half."""
    doc = extractor.extract(BILINGUAL_AD, kind="vacancy")
    assert doc.language == "nl"
    french = BILINGUAL_AD.index("Magasinier")
    assert [m.text for m in doc.mentions if m.start > french] == []
    asked = {m.text: m.requirement for m in doc.mentions}
    assert asked.get("heftruckattest") == "required" and asked.get("flexibel") == "required"
    assert asked.get("orderpicking") == "preferred"  # the inline bullets bound the cue "is een pluspunt"


def test_a_cv_keeps_the_skills_it_names_in_french(extractor):
    """A Belgian CV may describe a job in French: its tools are the person's skills; only French phrases as open
    skills are left out."""
    text = ("Profile\nAccountant with eight years of experience in Belgian SMEs, reporting to the CFO.\n\n"
            "Experience\n2016 - now: Comptable chez Fiduciaire Dupont, Bruxelles\n"
            "- Je prépare les déclarations TVA avec Exact Online et je fais les clôtures mensuelles dans Excel pour "
            "nos clients\n")
    doc = extractor.extract(text, kind="cv")
    assert {"hard.exact_online", "hard.microsoft_excel"} <= {m.skill_id for m in doc.mentions}
