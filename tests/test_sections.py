"""Section headings as real CVs and ads write them (resume builders, Europass, job boards)."""

from __future__ import annotations

import pytest

from pipeline.stages.sections import heading_kind


@pytest.mark.parametrize("line,doc_kind,kind", [
    ("Highlights", "cv", "skills"),
    ("Core Qualifications", "cv", "skills"),
    ("Qualifications", "cv", "skills"),
    ("Qualifications", "vacancy", "requirements"),
    ("Accomplishments", "cv", "experience"),
    ("Executive Profile", "cv", "profile"),
    ("Personal Information", "cv", "other"),
    ("PERSOONLIJKE VAARDIGHEDEN", "cv", "skills"),
    ("AANVULLENDE INFORMATIE", "cv", "other"),
    ("**Job Description \\& Summary**", "vacancy", "tasks"),
    ("ONDERWIJS EN OPLEIDING", "cv", "education"),
    ("**What do we offer?**", "vacancy", "offer"),
    ("How to apply", "vacancy", "about"),
    ("**Job Requirements:**", "vacancy", "requirements"),
    ("Wat breng jij mee?", "vacancy", "requirements"),
    ("**Wat mag je van ons verwachten?**", "vacancy", "offer"),
    ("Waar werk je aan?", "vacancy", "tasks"),
    # whether the reader fits the role is the profile asked for; why the reader would like it, the offer
    ("**Waarom past deze vacature bij jou?**", "vacancy", "requirements"),
    ("**Waarom past deze job bij je?**", "vacancy", "requirements"),
    ("**Why you can make the difference?**", "vacancy", "requirements"),
    ("**Why You'll Love Working with Us:**", "vacancy", "offer"),
    ("**Why you'll enjoy working here**", "vacancy", "offer"),
    ("**Waarom jij voor Acme moet kiezen**", "vacancy", "offer"),
])
def test_headings_real_documents_use(line, doc_kind, kind):
    assert heading_kind(line, doc_kind) == kind


@pytest.mark.parametrize("line", ["Talen en informatica", "Sales and Marketing", "Tom and Jerry"])
def test_two_words_joined_are_a_heading_only_when_both_are(line):
    assert heading_kind(line, "cv") is None


@pytest.mark.parametrize("heading, kind", [
    ("Wat wij vragen", "requirements"), ("Wij vragen:", "requirements"), ("Wat vragen wij van jou?", "requirements"),
    ("Dit neem je mee", "requirements"), ("Wat heb jij in huis?", "requirements"), ("Jouw achtergrond", "requirements"),
    ("Wij bieden jou", "offer"), ("Dit krijg je ervoor terug", "offer"), ("Jouw verantwoordelijkheden", "tasks"),
])
def test_dutch_vacancy_headings_recruiters_write(heading, kind):
    """Trial: "Wat wij vragen" was no heading, so a Dutch ad's whole profile list was read as its company text."""
    assert heading_kind(heading, "vacancy") == kind


def test_a_marked_line_with_an_abbreviation_or_a_question_about_the_role_heads_a_section():
    assert heading_kind("**Tot jouw takenpakket behoren o.a.:**", "vacancy", by_words=True, apart=True) == "tasks"
    assert heading_kind("**Ga jij verder als Automation Manager?**", "vacancy", by_words=True, apart=True) == "tasks"
    assert heading_kind("Je taken zijn o.a. het beheren van SAP.", "vacancy", by_words=True, apart=True) is None
