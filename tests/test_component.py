"""The spaCy component: add_pipe by name, spans in doc.spans["skills"], to_disk / spacy.load round trip."""

from __future__ import annotations

import spacy


def test_add_pipe_puts_skills_in_spans(small_taxonomy):
    nlp = spacy.blank("nl")
    nlp.add_pipe("skillfit_matcher")
    doc = nlp("Ervaren ontwikkelaar met Python en SQL, sterke communicatievaardigheden.")
    spans = {(s.text, s.label_, s.id_) for s in doc.spans["skills"]}
    assert spans == {("Python", "hard", "hard.python"), ("SQL", "hard", "hard.sql"),
                     ("communicatievaardigheden", "soft", "soft.communication")}


def test_round_trip_keeps_the_taxonomy(small_taxonomy, tmp_path, monkeypatch):
    nlp = spacy.blank("en")
    nlp.add_pipe("skillfit_matcher")
    nlp.initialize()
    nlp.to_disk(tmp_path / "pipe")
    monkeypatch.setenv("SKILLFIT_TAXONOMY_DIR", str(tmp_path / "nowhere"))  # loading must not need it
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("Java and Excel; I excel in teamwork.")
    assert [(s.text, s.id_) for s in doc.spans["skills"]] == [
        ("Java", "hard.java"), ("Excel", "hard.excel"), ("teamwork", "soft.teamwork")]
