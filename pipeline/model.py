"""The nouns of skillfit: frozen dataclasses passed between readers, stages and the store."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

DocKind = Literal["cv", "vacancy"]
SectionKind = Literal[
    "profile", "experience", "education", "skills", "languages", "certificates", "hobbies",
    "about", "tasks", "requirements", "nice_to_have", "offer", "other",
]
Method = Literal["exact", "lemma", "compound", "fuzzy", "acronym", "inferred", "open", "occupation", "title"]
SkillType = Literal["hard", "soft"]
OPEN_PREFIX = "open:"  # skill_id of a skill the taxonomy does not know: "open:" + its normalised key
Requirement = Literal["required", "preferred"]


@dataclass(frozen=True)
class Skill:
    """A taxonomy concept: one skill with labels in English and Dutch."""

    id: str
    type: SkillType
    category: str
    labels: dict[str, tuple[str, ...]]
    esco_uri: str | None = None
    broader: str | None = None

    def label(self, language: str) -> str:
        """Preferred label in `language`, falling back to English."""
        for lang in (language, "en", "nl"):
            if self.labels.get(lang):
                return self.labels[lang][0]
        return self.id


@dataclass(frozen=True)
class Section:
    """A stretch of a document under one heading: [start, end) character offsets."""

    kind: SectionKind
    start: int
    end: int
    heading: str = ""
    language: str | None = None


@dataclass(frozen=True)
class Mention:
    """One occurrence of a skill in a document's text."""

    skill_id: str
    start: int
    end: int
    text: str
    method: Method
    confidence: float
    section: str | None = None
    requirement: Requirement | None = None
    years: float | None = None
    level: str | None = None
    group: str | None = None  # vacancies: the same id for the alternatives of one requirement ("g1", "g2+equivalent")
    type: SkillType | None = None  # method "open" only: hard or soft, as the phrase's words tell
    key: str | None = None  # method "open" only: the normalised phrase, the same in every document
    link: str | None = None  # method "open" linked to a taxonomy concept: why


@dataclass(frozen=True)
class Document:
    """A CV or vacancy as it flows through the pipeline; stages return modified copies."""

    id: str
    text: str
    kind: DocKind | None = None
    source: str | None = None
    language: str | None = None
    sections: tuple[Section, ...] = ()
    mentions: tuple[Mention, ...] = ()
    occupations: tuple[Mention, ...] = ()  # method "occupation": the job a vacancy is for, the jobs a CV names
    title_words: tuple[Mention, ...] = ()  # method "title": the words of those job titles (pipeline.job_titles)
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def replace(self, **changes: Any) -> Document:
        """Return a copy with `changes` applied (stages use this; documents are immutable)."""
        return dataclasses.replace(self, **changes)

    def section_at(self, offset: int) -> Section | None:
        """The section containing character `offset`, if any (by bisection: a stage asks for every mention)."""
        starts = self._section_starts
        if starts is None:  # sections out of order: the first that holds it
            return next((s for s in self.sections if s.start <= offset < s.end), None)
        i = bisect_right(starts, offset) - 1
        return self.sections[i] if i >= 0 and offset < self.sections[i].end else None

    @functools.cached_property
    def _section_starts(self) -> list[int] | None:
        """The sections' starts when they are in order and apart (as `segment_sections` makes them), else None."""
        starts = [s.start for s in self.sections]
        ordered = all(a.end <= b.start for a, b in zip(self.sections, self.sections[1:]))
        return starts if ordered else None


def document_id(text: str) -> str:
    """Stable id from the content: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
