"""One job, whatever the grammatical gender of its title: "verpleegster" is a "verpleger", "waitress" a "waiter".

Dutch and English job titles have masculine and feminine forms, and ESCO lists some forms only (it has "verpleger"
and no "verpleegster", and files "boekhoudster" under finance managers). A CV that writes the feminine form must
hold the same job and the same title words as one that writes the masculine form, or the score would depend on
the candidate's sex (a fairness audit: "Verpleegster" scored 54, "Verpleger" 83 for the same CV). Every form is
mapped to one canonical form, the masculine or neutral one ESCO uses most; a compound takes its last part's
(`medewerkster` → `medewerker`, so `productiemedewerkster` → `productiemedewerker`).
"""

from __future__ import annotations

from functools import cache, lru_cache

# canonical form: the other forms of the same job title (a form is a whole word or the last part of a compound)
FORMS_NL = {
    "verpleegkundige": ("verpleger", "verpleegster"),  # the neutral title, as Belgian law names the job
    "boekhouder": ("boekhoudster",),
    "verkoper": ("verkoopster",),
    "bakker": ("bakster",),
    "kapper": ("kapster",),
    "magazijnier": ("magazijnierster", "magazijnierse"),
    "vertegenwoordiger": ("vertegenwoordigster",),
    "huisbewaarder": ("huisbewaarster",),
    "leider": ("leidster",),
    "verzorger": ("verzorgster",),
    "opvoeder": ("opvoedster",),
    "schoonmaker": ("schoonmaakster",),
    "werker": ("werkster",),
    "arbeider": ("arbeidster",),
    "medewerker": ("medewerkster",),
    "assistent": ("assistente",),
    "chauffeur": ("chauffeuse",),
    "directeur": ("directrice",),
    "masseur": ("masseuse",),
    "adviseur": ("adviseuse",),
    "controleur": ("controleuse",),
    "programmeur": ("programmeuse",),
    "coördinator": ("coördinatrice",),
    "coordinator": ("coordinatrice",),
    "apotheker": ("apothekeres",),
    "secretaris": ("secretaresse",),
    "leraar": ("lerares",),
    "onderwijzer": ("onderwijzeres",),
    "zanger": ("zangeres",),
    "schrijver": ("schrijfster",),
    "vertaler": ("vertaalster",),
    "kelner": ("serveerster", "serveuse", "dienster", "ober"),
    "kassier": ("kassierster", "kassière"),
    "afwasser": ("afwasster",),
    "kok": ("kokkin",),
    "boer": ("boerin",),
    "steward": ("stewardess",),
    "receptionist": ("receptioniste",),
    "logopedist": ("logopediste",),
    "kinesist": ("kinesiste",),
    "psycholoog": ("psychologe",),
    # (not "advocaat": its feminine "advocate" is an English title word, "Customer Advocate")
    "barman": ("barmeid", "barvrouw"),
    "gastheer": ("gastvrouw",),
    "docent": ("docente",),
    "consulent": ("consulente",),
    "agent": ("agente",),
    "student": ("studente",),
    "animator": ("animatrice",),
    "presentator": ("presentatrice",),
    "redacteur": ("redactrice",),
    "inspecteur": ("inspectrice",),
    "pedagoog": ("pedagoge",),
    "bioloog": ("biologe",),
    "fotograaf": ("fotografe",),
    "bibliothecaris": ("bibliothecaresse",),
    "telefonist": ("telefoniste",),
    "journalist": ("journaliste",),
    "specialist": ("specialiste",),
    "man": ("vrouw",),  # poetsman, brandweerman, zakenman
}
FORMS_EN = {
    "waiter": ("waitress", "waitperson"),
    "host": ("hostess",),
    "steward": ("stewardess",),
    "actor": ("actress",),
    "headmaster": ("headmistress",),
    "manager": ("manageress",),
    "barman": ("barmaid", "barwoman"),
    "man": ("woman",),  # salesman, chairman, foreman, cameraman
    "seamster": ("seamstress",),
    "salesman": ("salesperson",),
    "nurse": ("male nurse",),
}
FORMS = {"nl": FORMS_NL, "en": FORMS_EN}
MIN_STEM = 2  # a compound's first part is at least this long: "vrouw" alone is no "man"
WHOLE_WORD = frozenset({"ober"})  # forms that are no compound's last part: "oktober" is no "oktkelner"
# Words that end like a form and are none: "mevrouw" is no "meman", "human" no "huwoman"
NOT_COMPOUNDS = frozenset("mevrouw jonkvrouw human woman german roman shaman ottoman caiman talisman".split())


@cache
def _by_form() -> dict[str, str]:
    """Every other form (either language) -> its canonical form, the longest first."""
    pairs = {form: canon for forms in (FORMS_NL, FORMS_EN) for canon, others in forms.items() for form in others}
    return dict(sorted(pairs.items(), key=lambda p: -len(p[0])))


@lru_cache(maxsize=1 << 16)
def canonical(word: str) -> str:
    """The canonical form of a (lower-case) job-title word or title: `verpleegster` → `verpleger`,
    `productiemedewerkster` → `productiemedewerker`, `camerawoman` → `cameraman`; any other word as it is."""
    forms = _by_form()
    if word in forms:
        return word if forms[word] == "man" else forms[word]  # "person", "vrouw" alone: no "man"
    if " " in word:  # a title's head is its first word or its last: "medewerkster klantenservice", "male nurse"
        first, _, rest = word.partition(" ")
        head, _, last = rest.rpartition(" ")
        return " ".join(w for w in (canonical(first), head, canonical(last)) if w)
    if word in NOT_COMPOUNDS:
        return word
    for form, canon in forms.items():  # the longest last part first: "-medewerkster", not "-werkster"
        if len(word) - len(form) >= MIN_STEM and word.endswith(form) and form not in WHOLE_WORD:
            return word[: -len(form)] + canon
    return word


def other_forms(label: str, language: str) -> list[str]:
    """The other gendered forms of a (lower-case) job title in `language`, by its last word or that word's last
    part: `boekhouder` → [`boekhoudster`], `productiemedewerker` → [`productiemedewerkster`]."""
    base = canonical(label)
    out = _word_forms(base, language, last=True)
    first, space, rest = base.partition(" ")
    if space:  # "medewerker klantenservice": "medewerkster klantenservice"
        out += [form + space + rest for form in _word_forms(first, language, last=False)]
    return [form for form in dict.fromkeys(out) if form != label]


def _word_forms(text: str, language: str, last: bool) -> list[str]:
    """The forms of `text` with its last word (or, last=False, all of it: one word) in each gendered form."""
    head, space, word = text.rpartition(" ") if last else ("", "", text)
    out = []
    for canon, forms in FORMS[language].items():
        if word == canon or (word.endswith(canon) and len(word) - len(canon) >= MIN_STEM and word not in NOT_COMPOUNDS):
            stem = word[: -len(canon)]
            out += [head + space + stem + form for form in (canon, *forms)
                    if not stem or (" " not in form and form not in WHOLE_WORD)]
    return out
