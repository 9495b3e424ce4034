"""The skillfit matcher as a spaCy component: `nlp.add_pipe("skillfit_matcher")`.

Mentions go to `doc.spans["skills"]`: label = skill type (hard/soft), `id_` = skill id. The taxonomy is saved with
`nlp.to_disk` and read back by `spacy.load`, not kept in the config.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.api import Extractor
from pipeline.model import Document
from pipeline.stages import (
    DropNonSkillContexts,
    GroupAlternatives,
    MatchSkills,
    classify_mentions,
    drop_personal_data,
    segment_sections,
)
from pipeline.taxonomy import from_concepts, to_concepts
from pipeline.taxonomy import load as load_taxonomy

SPANS_KEY = "skills"


class SkillfitMatcher:
    """spaCy pipeline component wrapping skillfit's matcher (same results as `skillfit extract`)."""

    def __init__(self, nlp: Language, name: str, taxonomy_files: list[str], fuzzy: bool, spans_key: str) -> None:
        self.nlp, self.name, self.fuzzy, self.spans_key = nlp, name, fuzzy, spans_key
        self.taxonomy_files = list(taxonomy_files)
        self._extractor: Extractor | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, taxonomy_files: list[str] | None = None):
        """Load and compile the taxonomy (bundled plus `taxonomy_files`)."""
        if taxonomy_files is not None:
            self.taxonomy_files = list(taxonomy_files)
        self._build(load_taxonomy(self.taxonomy_files))

    def _build(self, taxonomy) -> None:
        extractor = Extractor(taxonomy=taxonomy, plugins=False)
        # The document language is the pipeline's own (nlp.lang); the other stages are extract's.
        extractor.stages = [segment_sections, MatchSkills(extractor.matcher, fuzzy=self.fuzzy), drop_personal_data,
                            DropNonSkillContexts(extractor.taxonomy, extractor.matcher.known_words), classify_mentions,
                            GroupAlternatives(extractor.taxonomy)]
        self._extractor = extractor

    @property
    def extractor(self) -> Extractor:
        """The Extractor behind the component (built on first use if `initialize` was not called)."""
        if self._extractor is None:
            self.initialize()
        assert self._extractor is not None
        return self._extractor

    def __call__(self, doc: Doc) -> Doc:
        language = self.nlp.lang if self.nlp.lang in ("en", "nl") else None
        result = self.extractor.process(Document(id="", text=doc.text, language=language, kind="cv"))
        spans = []
        for m in result.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            skill = self.extractor.taxonomy.skills[m.skill_id]
            labelled = doc.char_span(span.start_char, span.end_char, label=skill.type, span_id=m.skill_id)
            if labelled is not None:  # the expanded span lies on token bounds, so this always holds
                spans.append(labelled)
        doc.spans[self.spans_key] = filter_spans(spans)
        return doc

    def to_disk(self, path, exclude=()) -> None:
        """Save the compiled taxonomy's concepts next to the pipeline."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        taxonomy = self.extractor.taxonomy
        (path / "taxonomy.json").write_text(
            json.dumps({"version": taxonomy.version, "concepts": to_concepts(taxonomy)}, ensure_ascii=False),
            encoding="utf-8")

    def from_disk(self, path, exclude=()) -> SkillfitMatcher:
        """Load the taxonomy saved by `to_disk`."""
        data = json.loads((Path(path) / "taxonomy.json").read_text(encoding="utf-8"))
        self._build(from_concepts(data["concepts"], data.get("version", "0")))
        return self


@Language.factory("skillfit_matcher", default_config={"taxonomy_files": [], "fuzzy": True, "spans_key": SPANS_KEY})
def make_skillfit_matcher(nlp: Language, name: str, taxonomy_files: list[str], fuzzy: bool,
                          spans_key: str) -> SkillfitMatcher:
    """Factory registered under the `spacy_factories` entry point."""
    return SkillfitMatcher(nlp, name, taxonomy_files, fuzzy, spans_key)
