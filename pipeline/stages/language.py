"""Language detection: English or Dutch per document (and per section); other languages reported as such.

py3langid's n-gram model (shipped inside the package, offline) restricted to 37 languages, corrected by a
count of English and Dutch function words: the model alone calls a Dutch CV full of English tool
names English and an English text with Dutch town names Dutch. Measured on 684 real job ads
(jobzoeker) 100%, on 280 Flemish VDAB ads 99.3% (after correcting 3 mislabelled English ads), on the
10 ads of real-ads-sample 10/10; see the README.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pipeline import cache
from pipeline.model import Document

# Regional look-alikes (af, fy, lb, li, la…) are left out: short Dutch or English text drifts into them.
LANGS = ("en nl fr de es it pt pl ro tr ar ru uk bg cs sk hu el hr sr sl da sv no fi et lv lt "
         "zh ja ko hi vi id fa he th").split()
EN_WORDS = frozenset("""the and to a an are for with you your our will be this that as on at by from have has or it
its they their them who which can all not more about into what would should must if than also other such these
those there when where how do does been being were was he she his her my me i us any some each only very just then
so but up out one present education languages native fluent english dutch german french years knowledge
responsibilities requirements looking work""".split())
NL_WORDS = frozenset("""de het een en van voor met op te dat die zijn je jij jouw wij ons onze bij naar om aan ook
niet als er dan maar wordt worden heb hebt heeft hebben kan kunnen uit tot meer wat wie welke deze dit nog zo zich u
uw ben bent wel geen waar hoe dus binnen tussen onder zoals omdat hun hem haar mij mijn ik nu zal zullen moet moeten
graag jou jullie werd waren na sinds iets veel andere ander goed waarbij hierbij tevens alle elke heden opleiding
opleidingen werkervaring vaardigheden talen ervaring kennis vacature functie uur jaar jaren nederlands engels duits
frans moedertaal vloeiend competenties profiel taken verantwoordelijkheden werkzaamheden zoeken bieden salaris
rijbewijs cursussen persoonlijke gegevens woonplaats geboortedatum teamspeler stressbestendig klantgericht
zelfstandig collega werkgever bedrijf organisatie werken""".split())
# French words that are no Dutch or English word: Belgian ads are often bilingual, a French half after the Dutch
# one ("Nous recherchons … Vous travaillez avec soin"), often in the same paragraph. ("de", "en", "les", "a" are
# Dutch or English words too.)
FR_WORDS = frozenset("""le la des du une est sont vous nous votre vos notre nos avec pour dans sur au aux et ou qui
que chez très pas être avez êtes sera cette ces leur leurs nous vos ainsi après avoir également""".split())
SHARED_WITH_FRENCH = frozenset({"de", "en", "a", "les", "on", "as", "an"})  # "sens de l'organisation"
FOREIGN_WINDOW = 150  # characters either side of a span that say which language it is in
# Letters only, with at most one inner apostrophe (it's, zo'n): the words counted against EN_WORDS and NL_WORDS.
LETTER_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
P_OTHER = 0.5  # report a language other than en/nl only at this probability
NEAR = 0.5  # ...else prefer en/nl when its probability is at least NEAR x the top one
SAMPLE = 5_000  # characters whose function words are counted: a page decides the language
MODEL_SAMPLE = 2_000  # characters given to the n-gram model, whose cost grows with length


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's model restricted to LANGS. Unpacking the shipped model (xz) takes ~0.5 s, so the
    restricted model is kept in the skillfit cache, which loads in ~0.06 s."""
    import py3langid
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    key = hashlib.sha256(" ".join(LANGS).encode()).hexdigest()[:8]
    path = cache.cache_dir() / f"langid-{py3langid.__version__}-{key}.pkl"
    identifier = cache.read(path)
    if not isinstance(identifier, LanguageIdentifier):
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(LANGS)
        # The full model is kept only to re-restrict it later, which skillfit never does: dropping it
        # halves the cached file.
        identifier._full_model = (identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes)
        cache.write(path, identifier)
    return identifier


def _word_vote(words: list[str]) -> str | None:
    """en or nl when the function words clearly say so (at least 2 hits, at least 2:1), else None."""
    en = sum(w in EN_WORDS for w in words)
    nl = sum(w in NL_WORDS for w in words)
    if en + nl >= 2 and max(en, nl) >= 2 * min(en, nl):
        return "en" if en > nl else "nl"
    return None


def _unmistakable(words: list[str], vote: str) -> bool:
    """Whether the function words alone settle it: many hits, many distinct ones, a big share of the
    text and at least 4:1 over the other language. French and German share a few short words with
    Dutch and English (de, en, die, a) but never many distinct ones."""
    own, other = (EN_WORDS, NL_WORDS) if vote == "en" else (NL_WORDS, EN_WORDS)
    hits = [w for w in words if w in own]
    others = sum(w in other for w in words)
    return len(hits) >= 25 and len(set(hits)) >= 12 and len(hits) >= 0.15 * len(words) and len(hits) >= 4 * others


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's main language ("en", "nl", "fr"…), or "und" when undecidable."""
    text = NOISE.sub(" ", (text or "")[:SAMPLE]).replace("\\", "")
    words = [w.lower() for w in LETTER_WORD.findall(text)]
    if sum(map(len, words)) < 3:
        return "und"
    vote = _word_vote(words)
    if vote and _unmistakable(words, vote):
        return vote  # the n-gram model would only confirm it, at most of this function's cost
    probs: dict[str, float] = dict(_identifier().rank(text[:MODEL_SAMPLE]))
    top = max(probs, key=probs.__getitem__)
    if top not in ("en", "nl"):
        if probs[top] >= P_OTHER:
            return top
        if max(probs["en"], probs["nl"]) >= NEAR * probs[top]:
            top = "en" if probs["en"] >= probs["nl"] else "nl"
        else:
            en = sum(w in EN_WORDS for w in words)
            nl = sum(w in NL_WORDS for w in words)
            return "und" if en == nl else ("en" if en > nl else "nl")
    return vote or top


def section_language(text: str, document_language: str | None) -> str | None:
    """A section's language: the function-word vote when it is clear, else the document's."""
    return _word_vote([w.lower() for w in LETTER_WORD.findall(text)]) or document_language


def in_french(text: str, start: int, end: int) -> bool:
    """Whether the text around [start, end) on its line is French rather than English or Dutch: at least three
    French words of two kinds, more than twice the English and Dutch function words there that are no French words
    too. A line of its own ("- Rijbewijs B") is judged by itself, not by a French paragraph below it."""
    line_start = text.rfind("\n", max(0, start - FOREIGN_WINDOW), start) + 1 or max(0, start - FOREIGN_WINDOW)
    line_end = text.find("\n", end, end + FOREIGN_WINDOW)
    words = [w.lower() for w in LETTER_WORD.findall(text, line_start, line_end if line_end >= 0 else end + FOREIGN_WINDOW)]
    french = [w for w in words if w in FR_WORDS]
    if len(french) < 3 or len(set(french)) < 2:
        return False
    return len(french) > 2 * sum((w in EN_WORDS or w in NL_WORDS) and w not in SHARED_WITH_FRENCH for w in words)


def detect(doc: Document) -> Document:
    """Stage: set `doc.language` unless the caller already gave one."""
    if doc.language:
        return doc
    return doc.replace(language=detect_language(doc.text))
