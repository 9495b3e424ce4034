"""skillfit-hobby-filter: a skillfit stage plugin that drops skills found in a CV's hobbies section.

"Hobby's: koken, voetbal" says what a candidate does at the weekend, not that they can work as a cook.
skillfit itself keeps those mentions (with ``section == "hobbies"``) because some users want them; this
plugin removes them for everyone who installs it.

How skillfit finds it (see README.md): ``pyproject.toml`` declares an entry point in the
``skillfit.stages`` group::

    [project.entry-points."skillfit.stages"]
    drop_hobbies = "skillfit_hobby_filter:make_stage"

Every ``pipeline.Extractor()`` built with the default stages and plugins on (the default, unless the
environment sets ``SKILLFIT_PLUGINS=0``) calls ``make_stage(extractor)`` once and inserts the returned stage
where its ``position`` attribute says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.model import Document

__all__ = ["DropHobbyMentions", "make_stage", "HOBBY_LABELS"]
__version__ = "0.1.0"

# Labels that start an inline hobbies line such as "Hobby's: koken, voetbal" or "Interests - chess".
# skillfit's section splitter only recognises a heading that stands on a line of its own, so a label
# followed by a colon on the same line leaves the mentions in whatever section came before.
HOBBY_LABELS: tuple[str, ...] = (
    "hobbies", "hobby's", "hobbys", "hobby", "interests", "interesses", "vrije tijd", "hobby's en interesses",
    "hobbies and interests", "hobbies & interests", "interests & hobbies", "persoonlijke interesses",
    "personal interests", "in mijn vrije tijd", "in my spare time", "in my free time",
)


class DropHobbyMentions:
    """Stage: remove mentions that sit in a CV's hobbies section or on an inline "Hobby's: …" line.

    A stage is any callable ``Document -> Document``. Documents are frozen dataclasses, so the stage
    returns a copy made with ``doc.replace(...)`` and never mutates its input.

    Attributes read by skillfit when the stage comes from an entry point:
        name: how other stages and error messages refer to this one.
        position: ``"after:classify"``, because the ``classify`` stage is the one that fills
            ``Mention.section``; before it, every mention's section is still ``None``.

    Args:
        sections: section kinds whose mentions are dropped (default: ``("hobbies",)``).
        inline_labels: labels that, followed by ``:`` or a dash at the start of a line, mark that line
            as hobbies. Pass ``()`` to rely on section headings only.
        kinds: document kinds the filter applies to; vacancies are left alone by default.
    """

    name = "drop_hobbies"
    position = "after:classify"

    def __init__(self, sections: Iterable[str] = ("hobbies",), inline_labels: Iterable[str] = HOBBY_LABELS,
                 kinds: Iterable[str | None] = ("cv",)) -> None:
        self.sections = frozenset(sections)
        self.kinds = frozenset(kinds)
        labels = sorted({label.lower() for label in inline_labels}, key=len, reverse=True)
        alternatives = "|".join(re.escape(label).replace("'", "['’]?") for label in labels)
        # "  - Hobby's: koken" / "Interests – chess": bullet, label, then a colon or dash, then more text.
        self._inline = re.compile(rf"^[ \t>*•·#-]*(?:{alternatives})[ \t]*[:\-–—][^\n]*", re.I | re.M) \
            if labels else None

    def __call__(self, doc: Document) -> Document:
        if doc.kind not in self.kinds or not doc.mentions:
            return doc
        spans = [(m.start(), m.end()) for m in self._inline.finditer(doc.text)] if self._inline else []
        kept = tuple(m for m in doc.mentions
                     if m.section not in self.sections and not any(s <= m.start < e for s, e in spans))
        dropped = len(doc.mentions) - len(kept)
        if not dropped:
            return doc
        # meta is not part of the extract contract; it is there for debugging and for later stages.
        return doc.replace(mentions=kept, meta={**doc.meta, "hobby_mentions_dropped": dropped})

    def __repr__(self) -> str:
        return f"DropHobbyMentions(sections={sorted(self.sections)!r})"


def make_stage(extractor) -> DropHobbyMentions:
    """Entry-point factory: skillfit calls it with the Extractor being built and inserts what it returns.

    The extractor is not needed here; a plugin that matches skills itself would use
    ``extractor.taxonomy`` (concepts and labels) or ``extractor.matcher``.
    """
    return DropHobbyMentions()
