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
