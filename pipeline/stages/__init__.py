"""Pipeline stages. A stage is any callable `Document -> Document`; the pipeline is a list of them.

The default order: detect the language, split sections, match skills, find skills the taxonomy lacks, drop personal data that looked
like skills, drop words that name a degree, a job title, a heading or the employer's own qualities, classify,
group a vacancy's alternatives ("PostgreSQL, SQL Server or MySQL").
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.model import Document
from pipeline.stages.alternatives import GroupAlternatives
from pipeline.stages.context import DropNonSkillContexts
from pipeline.stages.language import detect as detect_language
from pipeline.stages.match import MatchSkills
from pipeline.stages.occupations import find_occupations
from pipeline.stages.open_skills import FindOpenSkills
from pipeline.stages.personal import drop_personal_data
from pipeline.stages.requirements import classify as classify_mentions
from pipeline.stages.sections import segment as segment_sections

Stage = Callable[[Document], Document]

__all__ = ["Stage", "MatchSkills", "FindOpenSkills", "DropNonSkillContexts", "detect_language", "segment_sections", "drop_personal_data",
           "classify_mentions", "GroupAlternatives", "find_occupations"]
