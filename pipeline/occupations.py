"""ESCO's occupation labels, English and Dutch, and the ISCO-08 unit group each names (taxonomy/occupations.tsv, made
by bench/build_occupations.py): the lexicon that pipeline.stages.occupations looks job titles up in, and how an
occupation is stored (a mention and a skills row of `occupation:<isco>`, category "occupation").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache

from pipeline.model import Mention
from pipeline.taxonomy import OCCUPATIONS_FILE, bundled_dir

OCCUPATION_PREFIX = "occupation:"  # skill_id of an occupation: "occupation:" + its ISCO-08 unit group
CATEGORY = "occupation"
ISCO_URI = "http://data.europa.eu/esco/isco/C"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, eq=False)  # hashed by identity: one per taxonomy folder
class Lexicon:
    """ESCO occupation labels per language (casefolded words joined by one space) -> ISCO unit group, and the
    groups' names."""

    groups: dict[str, dict[str, tuple[str, ...]]]  # language -> label -> the unit groups it names (1-4)
    names: dict[str, tuple[str, str]]  # isco -> (English name, Dutch name)
    starts: dict[str, dict[str, int]]  # language -> a label's first word -> words in the longest label it starts

    def name(self, isco: str, language: str = "en") -> str:
        en, nl = self.names.get(isco, (isco, isco))
        return nl if language == "nl" else en


def lexicon() -> Lexicon:
    """The bundled occupation lexicon, read once per process and taxonomy folder; empty when the folder has none (a
    $SKILLFIT_TAXONOMY_DIR of concept files only): then no occupations are found."""
    return _lexicon_for(os.environ.get("SKILLFIT_TAXONOMY_DIR"))  # the folder bundled_dir() reads (cheap: per line)


@cache
def _lexicon_for(override: str | None) -> Lexicon:
    """The lexicon of bundled_dir(); `override` ($SKILLFIT_TAXONOMY_DIR, which decides that folder) keys the cache."""
    groups: dict[str, dict[str, tuple[str, ...]]] = {"en": {}, "nl": {}}
    names: dict[str, tuple[str, str]] = {}
    path = bundled_dir() / OCCUPATIONS_FILE
    if not path.is_file():
        return Lexicon(groups, names, {"en": {}, "nl": {}})
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            first, second, third = line.rstrip("\n").split("\t")
            if first.startswith("="):
                names[first[1:]] = (second, third)
            else:
                labels = groups.setdefault(second, {})
                key = " ".join(WORD.findall(third))
                labels[key] = (*labels.get(key, ()), first)
    starts: dict[str, dict[str, int]] = {}
    for language, labels in groups.items():
        firsts = starts.setdefault(language, {})
        for key in labels:
            first_word, length = key.split(" ", 1)[0], key.count(" ") + 1
            firsts[first_word] = max(firsts.get(first_word, 0), length)
    return Lexicon(groups, names, starts)


def isco_of(mention: Mention) -> str:
    return mention.skill_id[len(OCCUPATION_PREFIX):]


def stored_label(isco: str, language: str = "en") -> str:
    """How an occupation is listed beside skills (fit tables, gap, report): "job: Cooks", "beroep: Koks"."""
    return ("beroep: " if language == "nl" else "job: ") + lexicon().name(isco, language)


def occupation_columns(mention: Mention) -> dict[str, str]:
    """What the stored rows say of an occupation mention (as rows.skill_columns of a skill)."""
    isco = isco_of(mention)
    return {"label_en": stored_label(isco), "type": "hard", "category": CATEGORY, "esco_uri": ISCO_URI + isco}


def occupation_row(skill_id: str) -> dict[str, str]:
    """The skills-table row of an occupation, so the fit views join it like a concept."""
    isco = skill_id[len(OCCUPATION_PREFIX):]
    return {"skill_id": skill_id, "type": "hard", "category": CATEGORY, "esco_uri": ISCO_URI + isco,
            "label_en": stored_label(isco, "en"), "label_nl": stored_label(isco, "nl")}
