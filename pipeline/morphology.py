"""Inflected surface forms of taxonomy labels, generated when the matcher is compiled.

The lemma index already matches a label's words in any form the lemma tables know, in the label's own word order.
What it cannot match is a different word order or shape of the same phrase:

- Dutch main clauses put the finite verb second: `klanten adviseren` is written `adviseert (onze) klanten`,
  `vlot communiceren` `communiceert vlot`, the separable `relaties opbouwen` `bouwt (duurzame) relaties op`;
  `te` goes before the verb (`samen te werken`, `relaties op te bouwen`); the infinitive is used as a noun
  (`oplossen van problemen` for `problemen oplossen`); the lookup table lacks many finite forms (`coacht`);
  compounds inflect their head (`aankoopprocessen` for `aankoopproces`).
- English verb phrases have -ing and derived nouns (`negotiating contracts`, `negotiation of contracts`,
  `organisation of events`, `event organisation` for `organise events`, and back).

`Morphology.variants` gives contiguous forms (matched like labels); `Morphology.verb_first` gives (verb forms, rest)
pairs that the matcher finds with a few words allowed between the verb and the rest (Dutch only). A label of one
everyday verb gets no forms of its own: English one-word labels only from learned -ate/-ise verbs (negotiation ->
negotiating, never manage, lead, support, drive), Dutch one-word verbs only the present forms the lookup table
lacks (coacht), and no separable or `te` forms ("wij leiden u op", "werkt samen met").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.lexicon import Lexicon, lookup_table
from pipeline.tokens import fold

VOWELS = frozenset("aeiouy")
# Separable-verb particles. Ambiguous ones (door, over, onder, voor, om) count only when the table's participle
# shows the verb is separable (door-ge-vraagd); these count also when the table does not know the verb.
SURE_PARTICLES = ("samen", "terug", "schoon", "neer", "vast", "bij", "weg", "toe", "los", "mee", "uit", "aan", "op",
                  "af", "in", "na")
MAYBE_PARTICLES = ("vooruit", "door", "over", "onder", "voor", "om", "rond", "tegen")
MODALS_NL = {"kunnen": ("kan", "kunt"), "willen": ("wil", "wilt"), "durven": ("durf", "durft")}
# Words that never start the object of a verb phrase whose noun form we build (`negotiate with suppliers`
# keeps its preposition: `negotiation with suppliers`).
FUNCTION_EN = frozenset("a an the to of with for in on at by from and or as your our their my his her its".split())
FUNCTION_NL = frozenset("de het een van voor met in op aan bij te en of je uw jouw mijn ons onze hun".split())
LEARNED_VERB = ("ate", "ise", "ize")  # one-word English labels get an -ing form only from these verbs
MIN_VERB = 6  # shortest Dutch infinitive that gets forms of its own (leiden, maken, doen are everyday)


@dataclass
class Morphology:
    """Form generation for English and Dutch labels, from the lemma tables (compile time only)."""

    lexicon: Lexicon
    forms: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # lang -> lemma -> inflected forms
    pos: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # lang -> noun/verb -> lemmas

    def __post_init__(self) -> None:
        for lang, table in self.lexicon.lemmas.items():
            reverse: dict[str, list[str]] = defaultdict(list)
            for word, lemma in table.items():
                reverse[lemma].append(word)
            self.forms[lang] = dict(reverse)
            index = lookup_table(f"{lang}_lemma_index")
            self.pos[lang] = {p: frozenset(w if w.isascii() else fold(w) for w in index.get(p, ())) for p in ("noun", "verb")}

    # -- shared ------------------------------------------------------------------------------------

    def is_verb(self, lang: str, lemma: str) -> bool:
        return lemma in self.pos.get(lang, {}).get("verb", ()) or (lang == "nl" and lemma.endswith("eren"))

    def is_noun(self, lang: str, word: str) -> bool:
        return word in self.pos.get(lang, {}).get("noun", ())

    def lemma(self, lang: str, word: str) -> str:
        return self.lexicon.lemma(lang, word)

    # -- contiguous forms --------------------------------------------------------------------------

    def variants(self, lang: str, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Contiguous alternative forms of a label (folded words), not including the label itself."""
        out = self._variants_nl(words) if lang == "nl" else self._variants_en(words) if lang == "en" else []
        seen, kept = {words}, []
        for v in out:
            if v and v not in seen:
                seen.add(v)
                kept.append(v)
        return kept

    def verb_first(self, lang: str, words: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """(finite verb forms, rest) for labels whose verb may come first with words between it and the rest:
        Dutch main-clause order (`bouwt (duurzame) relaties op`, `adviseert (onze) klanten`)."""
        if lang == "nl":
            return self._verb_first_nl(words)
        if lang == "en":
            return self._verb_first_en(words)
        return []

    # -- Dutch ---------------------------------------------------------------------------------------

    def nl_split(self, verb: str) -> tuple[str, str]:
        """(particle, verb) of a separable verb (opbouwen -> op, bouwen), else ("", verb)."""
        participles = [f for f in self.forms["nl"].get(verb, ()) if "ge" in f]
        for particle in (*MAYBE_PARTICLES, *SURE_PARTICLES):
            rest = verb[len(particle):]
            if not verb.startswith(particle) or len(rest) < 4 or not rest.endswith("en"):
                continue
            attested = any(f.startswith(particle + "ge") for f in participles)
            if attested or (particle in SURE_PARTICLES and not participles and rest in self.forms["nl"]):
                return particle, rest
        return "", verb

    def nl_finite(self, verb: str) -> tuple[str, str, str] | None:
        """(stem, stem+t, past singular) of a Dutch infinitive: maken -> maak, maakt, maakte;
        communiceren -> communiceer, communiceert, communiceerde. None for what is no regular infinitive."""
        if not verb.endswith("en") or len(verb) < 5:
            return None
        known = self.forms["nl"].get(verb, [])
        base = verb[:-2]
        options = []
        if base[-1] == base[-2] and base[-1] not in VOWELS:
            options.append(base[:-1])  # plannen -> plan
        else:
            if len(base) >= 3 and base[-1] not in VOWELS and base[-2] in "aeou" and base[-3] not in VOWELS:
                options.append(base[:-2] + base[-2] * 2 + base[-1])  # maken -> maak
            options.append(base)
        devoice = {"v": "f", "z": "s"}
        stems = [o[:-1] + devoice.get(o[-1], o[-1]) for o in options]
        chosen = next((s for s in stems if s in known or _t(s) in known), None)
        if chosen is None:
            if len(stems) == 2 and not _doubles_by_default(verb, base):
                chosen = stems[1]
            else:
                chosen = stems[0]
        voiceless = options[stems.index(chosen)][-1] in "tkfschpx"
        return chosen, _t(chosen), chosen + ("te" if voiceless else "de")

    def _nl_verb(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
        """(words before the verb, the infinitive, extra finite words) of a Dutch verb-final label, with a modal
        folded in: `helder kunnen communiceren` -> ((helder,), communiceren, (kan, kunt))."""
        verb = words[-1]
        if not verb.endswith("en") or not self.is_verb("nl", verb) or len(verb) < 5:
            return None
        if len(words) >= 2 and words[-2] in MODALS_NL:
            return words[:-2], verb, MODALS_NL[words[-2]]
        return words[:-1], verb, ()

    def _verb_first_nl(self, words: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        found = self._nl_verb(words)
        if found is None:
            return []
        before, verb, modal = found
        if modal or not before:
            # kan helder communiceren holds the label itself; a single verb's finite forms are in the lemma index,
            # and a single separable verb's ("werkt samen", "leiden u op") is mostly no skill named
            return []
        particle, core = self.nl_split(verb)
        if any(w in FUNCTION_NL for w in before[-1:]) and not particle:
            return []  # `op tijd komen` -> `komt op tijd` is fine, but `aan de dag leggen` needs the particle rule
        finite = self.nl_finite(core)
        if finite is None:
            return []
        stem, t_form, past = finite
        forms = {stem, t_form, past, past + "n", core}
        rest = (*before, particle) if particle else before
        return [(tuple(sorted(forms)), rest)]

    def _variants_nl(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        found = self._nl_verb(words)
        if found is not None and not found[2]:
            before, verb, _ = found
            particle, core = self.nl_split(verb)
            te = (particle, "te", core) if particle else ("te", verb)
            if before:
                out.append((*before, *te))  # samen te werken, relaties op te bouwen, klanten te adviseren
            if 1 <= len(before) <= 2 and not any(w in FUNCTION_NL for w in before):
                out.append((verb, "van", *before))  # oplossen van problemen
            finite = self.nl_finite(core)
            if finite and not before and len(verb) >= MIN_VERB and finite[1] not in self.lexicon.lemmas["nl"]:
                t_form = finite[1]  # coacht: the table lacks it (coachte it has)
                out.append((particle + t_form,) if particle else (t_form,))
        if len(words) == 3 and words[1] == "van" and self.is_verb("nl", words[0]) and words[2] not in FUNCTION_NL:
            out.append((words[2], words[0]))  # organiseren van evenementen -> evenementen organiseren
        last = self._nl_noun_forms(words[-1])
        out += [(*words[:-1], form) for form in last]
        return out

    def _nl_noun_forms(self, word: str) -> list[str]:
        """Plural and singular of a Dutch compound the table does not know, through its head:
        aankoopproces -> aankoopprocessen, communicatievaardigheden -> communicatievaardigheid."""
        table, forms = self.lexicon.lemmas["nl"], self.forms["nl"]
        if len(word) < 7 or word in table or word in forms:
            return []
        for k in range(3, len(word) - 3):
            head = word[k:]
            if head in table and self.is_noun("nl", table[head]):
                return [word[:k] + table[head]]
            plurals = [f for f in forms.get(head, ()) if f.endswith(("en", "s")) and not f.startswith("ge")]
            if plurals and self.is_noun("nl", head) and not self.is_verb("nl", head):
                return [word[:k] + p for p in plurals]
        return []

    # -- English -------------------------------------------------------------------------------------

    def en_ing(self, verb: str) -> str | None:
        forms = self.forms["en"].get(verb, ())
        return next((f for f in sorted(forms) if f.endswith("ing")), None)

    def en_past(self, verb: str) -> str | None:
        forms = self.forms["en"].get(verb, ())
        return next((f for f in sorted(forms) if f.endswith("ed")), None)

    def en_nouns(self, verb: str) -> list[str]:
        """Derived nouns of an English verb that the word list knows: negotiate -> negotiation,
        organise -> organisation, manage -> management, analyse -> analysis."""
        stem = verb[:-1] if verb.endswith("e") else verb
        guesses = [stem + "ion", verb + "ment", stem + "ment"]
        if verb.endswith(("ise", "ize")) or not self.is_noun("en", verb):
            guesses.append(stem + "ation")  # organisation, implementation; not design -> designation
        if verb.endswith(("yse", "yze")):
            guesses.append(verb[:-2] + "is")
        known = self.lexicon.known["en"]
        return [g for g in dict.fromkeys(guesses) if g in known and g != verb]

    def en_verb_of(self, noun: str) -> str | None:
        """The verb an English derived noun comes from (negotiation -> negotiate, planning -> plan)."""
        if noun.endswith("ing"):
            lemma = self.lemma("en", noun)
            return lemma if lemma != noun and self.is_verb("en", lemma) else None
        guesses = []
        if noun.endswith("ation"):
            guesses += [noun[:-5] + "e", noun[:-5], noun[:-3] + "e"]
        elif noun.endswith("ion"):
            guesses += [noun[:-3] + "e", noun[:-3]]
        elif noun.endswith("ment"):
            guesses += [noun[:-4], noun[:-4] + "e"]
        elif noun.endswith("ysis"):
            guesses += [noun[:-2] + "e", noun[:-3] + "ze"]
        for g in guesses:
            if len(g) >= 4 and self.is_verb("en", g) and noun in self.en_nouns(g) + [self.en_ing(g)]:
                return g
        return None

    def _en_verb_head(self, words: tuple[str, ...]) -> str | None:
        """The verb lemma of a verb-first English label (`negotiating contracts` -> negotiate); None for a noun
        compound whose first word is a verb too (`project management`, `budget control`)."""
        lemma = self.lemma("en", words[0])
        if lemma == words[0] and words[0].endswith("ing"):
            return None
        if not self.is_verb("en", lemma) or not self.en_ing(lemma):
            return None
        if lemma == words[0] and self.is_noun("en", lemma) and self.en_verb_of(words[-1]):
            return None
        return lemma

    def _variants_en(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        if len(words) == 1:
            verb = self.en_verb_of(words[0])
            if verb and verb.endswith(LEARNED_VERB):
                # negotiation -> negotiating, communication -> communicating: only learned -ate/-ise verbs, whose
                # -ing form names the activity; everyday ones (manage, lead, support, drive; determine, imagine)
                # get none. Not the past tense: "forecasted", "recruited", "shipped", "valued" in a CV are what
                # someone did, rarely a skill named (measured on the dev part).
                ing = self.en_ing(verb)
                out += [(ing,)] if ing else []
            return out
        verb = self._en_verb_head(words) if len(words) <= 4 else None
        if verb:
            rest = words[1:]
            ing = self.en_ing(verb)
            if ing:
                out += [(ing, *rest), (verb, *rest)]  # negotiate contracts <-> negotiating contracts
            if words[0] != verb and (self.is_noun("en", verb) or len(rest) != 1 or self.lemma("en", rest[0]) == rest[0]):
                # `marketing campaigns`, `accounting software`: an -ing word may be no verb at all; `organising
                # events` (a plural object, a verb that is no noun) is one
                return out
            if rest[0] in FUNCTION_EN:
                if rest[0] not in ("to", "the", "a", "an", "your", "our"):
                    out += [(noun, *rest) for noun in self.en_nouns(verb)]  # negotiation with suppliers
            elif len(rest) <= 2 and not any(w in FUNCTION_EN for w in rest):
                for noun in self.en_nouns(verb) + ([ing] if ing else []):
                    out.append((*rest[:-1], self.lemma("en", rest[-1]), noun))  # event organisation
                    if noun != ing:
                        out.append((noun, "of", *rest))  # organisation of events
        # Noun compounds are not turned back into verb phrases: a participle before a noun is an adjective
        # ("managed office supplies", "prepared foods", "supervised team" for office management, food
        # preparation, team supervision), which the dev part showed more often than the verb phrase.
        return out

    def _verb_first_en(self, words: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        # English keeps verb and object together; words between ("managed the expectations", "solve any
        # problems", "speak both English") mostly were not the skill (measured on the dev part)
        return []


def _t(stem: str) -> str:
    return stem if stem.endswith("t") else stem + "t"


def _doubles_by_default(verb: str, base: str) -> bool:
    """Whether an unattested Dutch stem doubles its vowel: one-syllable stems do (spelen -> speel), stressed
    loan verbs in -eren do (factureren -> factureer), unstressed -elen/-enen/-eren do not (wandelen -> wandel)."""
    groups = sum(1 for i, ch in enumerate(base) if ch in VOWELS and (i == 0 or base[i - 1] not in VOWELS))
    if groups <= 1:
        return True
    if verb.endswith("eren"):
        return len(base) >= 4 and base[-4] in "iuoy" or base[-4:-2] in ("nt", "mm", "ct", "rt", "st")
    return False
