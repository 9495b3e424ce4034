"""Per-document language detection: English or Dutch, other languages reported as they are."""

from __future__ import annotations

import re

from pipeline.model import Document

WORD = re.compile(r"[^\W\d_]{2,}")
# Function words carry the language even when half the nouns are English tool names.
STOPWORDS = {
    "en": frozenset("the and of to in for with on is are we you our your as at be this that have will from an by or "
                    "has can who all about it they their work".split()),
    "nl": frozenset("de het een en van in is op te met voor je jij wij we zijn ons onze bij als dat die niet naar "
                    "ook of aan door om je jouw hebben wordt heb ben kan er over uit tot".split()),
}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("en", "nl", "fr"…), or "und" when undecidable."""
    words = [w.lower() for w in WORD.findall(text[:20000])]
    if not words:
        return "und"
    en = sum(w in STOPWORDS["en"] for w in words)
    nl = sum(w in STOPWORDS["nl"] for w in words)
    if en + nl >= 3 and max(en, nl) >= 2 * min(en, nl) and (en + nl) / len(words) > 0.08:
        return "en" if en > nl else "nl"
    import py3langid

    lang, _ = py3langid.classify(" ".join(words))
    if lang in ("en", "nl") or len(words) >= 8:
        return lang
    if en + nl:
        return "en" if en >= nl else "nl"
    return "und"


def detect(doc: Document) -> Document:
    """Set `doc.language` unless the caller already gave one."""
    if doc.language:
        return doc
    return doc.replace(language=detect_language(doc.text))
