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
