#!/usr/bin/env python3
"""Build taxonomy/occupations.tsv: ESCO's occupation labels (English and Dutch) and the ISCO-08 unit group of each.

skillfit reads which job a vacancy is for (its title) and which jobs a CV's holder held (its job-title lines) as
ISCO-08 unit groups (four digits: 5120 cooks, 7232 aircraft engine mechanics), so that "Chef" on a CV meets a
vacancy for a "Sous-chef" and "Aviation Mechanic" one for an "Aircraft Maintenance Technician" (pipeline/occupations.py).

    .venv/bin/python bench/build_occupations.py        # writes taxonomy/occupations.tsv

Inputs (read-only, ../shared/data or $SKILLFIT_SHARED_DATA): esco-v1.2.0-en (occupations_en.csv and
ISCOGroups_en.csv: 1.2.0 has newer job titles than 1.1.1, "machine learning engineer", "data engineer") and
esco-v1.2.x-nl (occupations_nl.csv, ISCOGroups_nl.csv).

Rules:
- every released occupation's preferred and alternative labels (hidden labels are misspellings: not used), a
  trailing parenthesis dropped, casefolded, whitespace collapsed;
- a label that names occupations of several ISCO unit groups in its language names all of them ("advocate":
  2611 and 3411; "chef-kok": 3434 and 5120), up to MAX_GROUPS; a label naming more is left
  out: it cannot tell which job (labels are looked up in the document's language: Dutch "chef" is a boss);
- a one-word label that ends the labels of GENERIC_HEAD or more unit groups ("manager": "hotel manager", "sales
  manager", ...; "assistant", "technician", "teacher") is a generic head, left out even where it names one group
  ("chef", "cook", "accountant" end the labels of three to five groups, and stay);
- a few everyday titles ESCO has only inside longer labels are added (CURATED: "nurse", "verpleegkundige",
  "grondwerker", "ploegleider", …), and Dutch forms it leaves out: feminine titles ("doktersassistente",
  "-medewerkster"), two-word titles written as one word ("servicedeskmedewerker") and the Flemish "-technieker" of
  every "-technicus" ("onderhoudstechnieker");
- everyday titles ESCO files under a group that is not what people mean by them are corrected (CORRECTED: "sales
  associate" is a shop sales assistant, not an accounting clerk; "maintenance technician" no welder; "Chauffeur CE"
  a truck driver), found by reading the groups of the titles real resumes name most often;
- labels of one or two characters are left out, and one-word English labels that English also uses as an
  adjective ("general", "major", "sensitive", "principal": parts of speech from the word classes that ship with
  the span tagger, pipeline/models/word_classes_en.tsv);
- a label holding an abbreviation that today's job ads use for something else is left out outside the groups that
  mean it (CLASHING: "AI engineer" is artificial intelligence, 25xx, not the artificial insemination of 3240), and
  labels that documents nearly always use for something else are left out (NOT_TITLES: "25 FTE", the Dutch "cao").

Output: tab-separated, sorted; `#` lines are comments. Group lines `=<isco>\t<name en>\t<name nl>` name each unit
group; label lines `<isco>\t<language>\t<label>`, one per group a label names.
This service uses the ESCO classification of the European Commission.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from pipeline.gendered import canonical, other_forms  # noqa: E402

MAX_GROUPS = 4  # a label naming more unit groups than this says too little about the job
GENERIC_HEAD = 8  # a one-word label ending the labels of this many unit groups is a generic head
CLASHING = {"ai": "25"}  # abbreviation -> the ISCO prefix of the groups whose labels may hold it
# Labels that documents nearly always use for something else: abbreviations ("25 FTE" full-time equivalents, the
# Dutch "cao" collective agreement, CRM, SEO, ISO standards, VOC) and everyday words or first names ("Bas", "helm")
NOT_TITLES = {"fte", "cao", "crm", "seo", "iso", "voc", "bas", "helm", "alt", "non", "sen", "whip"}
OUT = REPO / "taxonomy" / "occupations.tsv"
# Everyday job titles ESCO has only inside longer labels ("algemeen verpleegkundige", "district nurse"), each with
# the unit group all of ESCO's labels ending in it name, or the one a Flemish or Dutch recruiter means by it.
CURATED = {("en", "nurse"): {"2221"}, ("nl", "verpleegkundige"): {"2221"}, ("nl", "verpleger"): {"2221"},
           ("nl", "wijkverpleegkundige"): {"2221"}, ("nl", "grondwerker"): {"9312"}, ("nl", "ploegleider"): {"3122"},
           ("nl", "productieoperator"): {"8189"}, ("nl", "productiemedewerker"): {"9329"},
           ("en", "aviation mechanic"): {"7232"}, ("en", "aircraft mechanic"): {"7232"},
           ("nl", "werfleider"): {"1323", "3123"},
           # the controller of a firm's finance, as ESCO's "financial controller" (not a bare "controller": a stock,
           # traffic or planning controller is named so too)
           ("en", "business controller"): {"2411"}, ("nl", "business controller"): {"2411"},
           ("nl", "financieel controller"): {"2411"},
           # Flemish shop and restaurant jobs (a trial with a temp agency's hospitality and retail ads)
           ("nl", "kassier"): {"5230"}, ("nl", "kassierster"): {"5230"}, ("nl", "afwasser"): {"9412"},
           ("nl", "afwasster"): {"9412"}, ("nl", "zaalmedewerker"): {"5131"}, ("nl", "zaalmedewerkster"): {"5131"},
           ("nl", "zaalverantwoordelijke"): {"5131"}, ("nl", "verkoper"): {"5223"}, ("nl", "verkoopster"): {"5223"},
           ("nl", "receptionist"): {"4226"}}
# Labels ESCO files under a group that is not what people mean by them (an alternative label of one narrow
# occupation: "sales associate" of a sales support assistant, 4311 accounting clerks; "maintenance technician" of
# a welder), each with the groups it is replaced by (none: no job title). Found by reading the groups of the job
# titles real resumes name most often (those of ../shared/data's resume folders, held jobs three times or more),
# and the Flemish trade titles a recruiter writes ("Chauffeur CE" is a truck driver, not a taxi driver).
CORRECTED = {("en", "sales associate"): {"5223"}, ("en", "maintenance technician"): {"7233"},
             ("en", "customer service representative"): {"4222", "4225"},
             ("en", "administrative assistant"): {"3343", "4120"}, ("en", "operations manager"): {"1213", "1321"},
             ("en", "service manager"): {"1349"}, ("en", "area manager"): {"1420"}, ("en", "security officer"): {"5414"},
             ("en", "operations supervisor"): {"1321"}, ("en", "hostess"): {"5131"}, ("en", "host"): {"5131"},
             ("en", "consumer"): set(), ("en", "site manager"): {"1323"}, ("en", "crew member"): {"5246"},
             ("en", "sales representative"): {"3322"},
             ("en", "teaching assistant"): {"5312"}, ("en", "editor"): {"2642"}, ("en", "carpenter"): {"7115"},
             ("en", "electronics technician"): {"3114"}, ("en", "reach truck driver"): {"8344"},
             ("en", "reach truck operator"): {"8344"}, ("en", "it expert"): {"2511"},
             ("en", "data scientist"): {"2511"}, ("nl", "data scientist"): {"2511"}, ("nl", "reachtruckchauffeur"): {"8344"},
             ("nl", "monteur"): {"7231", "7233", "7411", "7412"}, ("nl", "onderhoudstechnicus"): {"7233"},
             ("nl", "onderhoudsmonteur"): {"7233"}, ("nl", "boekhouder"): {"3313"},
             ("nl", "chauffeur c"): {"8332"}, ("nl", "chauffeur ce"): {"8332"}, ("nl", "chauffeur c-e"): {"8332"},
             ("nl", "chauffeur c e"): {"8332"}, ("nl", "chauffeur d"): {"8331"},
             ("nl", "logistiek medewerker"): {"4321", "9333"}, ("nl", "medewerker logistiek"): {"4321", "9333"},
             ("nl", "logistiek medewerkster"): {"4321", "9333"}, ("nl", "medewerkster logistiek"): {"4321", "9333"},
             ("en", "account managers"): {"3322"}, ("nl", "medewerker klantenservice"): {"4222", "4225"},
             ("nl", "winkelmedewerker"): {"5223"}, ("nl", "winkelbediende"): {"5223"}, ("en", "marketeer"): {"2431"},
             # sales and customer-service titles of Flemish and Dutch CVs and ads (trial Q): an account manager sells
             # to firms (ESCO has only "sales account manager", a retail manager, and "account managers", a loans
             # officer); "binnendienst" is the office side of B2B sales
             ("en", "account manager"): {"3322"}, ("nl", "account manager"): {"3322"}, ("nl", "accountmanager"): {"3322"},
             ("en", "inside sales representative"): {"3322"}, ("nl", "binnendienst verkoper"): {"3322"},
             ("nl", "binnendienstverkoper"): {"3322"}, ("nl", "verkoper binnendienst"): {"3322"},
             ("nl", "binnendienstmedewerker"): {"3322"}, ("nl", "commercieel binnendienstmedewerker"): {"3322"},
             ("nl", "inside sales medewerker"): {"3322"}, ("nl", "klantenservicemedewerker"): {"4222", "4225"},
             ("nl", "klantenservicemedewerkster"): {"4222", "4225"}, ("nl", "callcenter agent"): {"4222", "5244"},
             ("nl", "callcentermedewerker"): {"4222", "5244"}, ("nl", "callcentermedewerkster"): {"4222", "5244"},
             ("nl", "assistent storemanager"): {"1420"}, ("nl", "assistent winkelmanager"): {"1420"},
             # Flemish HR and payroll titles (trial S: ESCO's Dutch payroll labels are the Netherlands'
             # "salarisadministrateur"; a Flemish city writes "loonadministratie", "deskundige", "verantwoordelijke")
             ("nl", "loonadministrateur"): {"4313"}, ("nl", "medewerker loonadministratie"): {"4313"},
             ("nl", "deskundige loonadministratie"): {"4313"}, ("nl", "loonbediende"): {"4313"},
             ("nl", "payroll officer"): {"4313"}, ("nl", "payroll administrator"): {"4313"},
             ("nl", "opleidingsverantwoordelijke"): {"2424"}, ("en", "learning and development officer"): {"2424"},
             ("en", "learning and development specialist"): {"2424"},
             ("en", "hr business partner"): {"2423"}, ("nl", "hr business partner"): {"2423"},
             ("nl", "hr-medewerker"): {"2423", "4416"}, ("nl", "hr medewerker"): {"2423", "4416"},
             ("nl", "medewerker personeelsdienst"): {"2423", "4416"}, ("nl", "personeelsmedewerker"): {"2423", "4416"},
             ("en", "people operations manager"): {"1212"}, ("en", "hr operations manager"): {"1212"},
             # trade titles of Flemish technical staffing (trial T): ESCO files "cnc-operator" under programmers
             # and "tig-lasser" and "hvac-technieker" under engineering technicians and boiler operators
             ("nl", "cnc-operator"): {"7223"}, ("nl", "cnc operator"): {"7223"}, ("nl", "lasser"): {"7212"},
             ("nl", "tig-lasser"): {"7212"}, ("nl", "mig-lasser"): {"7212"}, ("nl", "lasser-monteur"): {"7212"},
             ("nl", "hvac-technieker"): {"7127"}, ("nl", "hvac technieker"): {"7127"}, ("nl", "hvac-technicus"): {"7127"},
             ("en", "hvac technician"): {"7127"}, ("en", "hvac mechanic"): {"7127"},
             ("en", "construction superintendent"): {"3123"}, ("en", "construction site supervisor"): {"3123"},
             ("en", "foreman"): {"3122", "3123"},
             ("nl", "ploegbaas"): {"3122", "3123"}, ("en", "draftsman"): {"3118"}, ("en", "draughtsman"): {"3118"},
             ("nl", "laborant"): {"3111", "3212"}, ("nl", "laboranalist"): {"3111", "3212"},
             ("nl", "labo-analist"): {"3111", "3212"}, ("en", "lab technician"): {"3111", "3141", "3212"},
             ("en", "laboratory technician"): {"3111", "3141", "3212"},
             # marketing, communication and bank titles (trials U and V): ESCO files "klantenadviseur" under
             # advertising professionals, "content specialist" under web developers, and has no "communicatieadviseur"
             ("nl", "klantenadviseur"): {"3312", "3321", "4222"}, ("nl", "klantenadviseur bank"): {"3312", "3321"},
             ("nl", "communicatieadviseur"): {"2432"}, ("nl", "communicatiemedewerker"): {"2432"},
             ("nl", "communicatiespecialist"): {"2432"}, ("nl", "communicatieverantwoordelijke"): {"2432"},
             ("en", "communications advisor"): {"2432"}, ("en", "communications specialist"): {"2432"},
             ("en", "content specialist"): {"2431", "2513"}, ("nl", "content specialist"): {"2431", "2513"},
             ("en", "content marketer"): {"2431"}, ("nl", "content marketeer"): {"2431"},
             ("en", "social media manager"): {"1222", "2431", "2432"}, ("nl", "social media manager"): {"1222", "2431", "2432"},
             ("en", "social media specialist"): {"2431", "2432"}, ("nl", "social media specialist"): {"2431", "2432"},
             ("nl", "social media specialiste"): {"2431", "2432"}, ("nl", "social media marketeer"): {"2431", "2432"},
             ("en", "social media marketer"): {"2431", "2432"}}
# Dutch forms ESCO leaves out: the feminine of a title ("doktersassistente", "klantenservicemedewerkster") and a
# two-word title written as one word, as Dutch writes it ("servicedesk medewerker": "servicedeskmedewerker").
FEMININE = {"assistent": "assistente", "medewerker": "medewerkster"}
FLEMISH = {"technicus": "technieker"}  # "onderhoudstechnieker", "technieker onderhoud": the Flemish form
COMPOUND_HEADS = ("medewerker", "assistent", "monteur", "technicus", "chauffeur", "operator", "adviseur")
ADJECTIVE = re.compile(r"(?:isch|ig|lijk|eel|aal|ief|iek|iel|iem|ier|baar|end|air|oir|eus|e)$")  # "statistisch medewerker" stays two
csv.field_size_limit(10_000_000)


def shared_data() -> Path:
    return Path(os.environ.get("SKILLFIT_SHARED_DATA") or REPO.parent / "shared" / "data")


def rows_from_file(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def normalise(label: str) -> str:
    label = re.sub(r"\s*\([^)]*\)\s*$", "", label)
    return " ".join(label.casefold().split())


def is_adjective(word: str) -> bool:
    """Whether English also uses a word as an adjective (its parts of speech in the word classes that ship with
    the span tagger, from spacy-lookups-data): "General", "Major", "Sensitive", "Principal" on a line of their own
    say no job."""
    from pipeline.span_model import word_classes

    return "a" in word_classes().get(word, ("", ""))[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = shared_data()
    en, nl = data / "esco-v1.2.0-en", data / "esco-v1.2.x-nl"
    if not en.is_dir() or not nl.is_dir():
        sys.exit(f"{data}: ESCO folders not found")
    sources = {"en": rows_from_file(en / "occupations_en.csv"), "nl": rows_from_file(nl / "occupations_nl.csv")}
    names = {"en": {r["code"]: r["preferredLabel"] for r in rows_from_file(en / "ISCOGroups_en.csv")},
             "nl": {r["code"]: r["preferredLabel"] for r in rows_from_file(nl / "ISCOGroups_nl.csv")}}
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lang, rows in sources.items():
        for row in rows:
            if row.get("status", "released") != "released" or not re.fullmatch(r"\d{4}", row["iscoGroup"] or ""):
                continue
            for label in [row["preferredLabel"], *(row["altLabels"] or "").splitlines()]:
                key = normalise(label)
                clash = next((prefix for word, prefix in CLASHING.items() if word in key.split()), None)
                if len(key) > 2 and key not in NOT_TITLES and (clash is None or row["iscoGroup"].startswith(clash)):
                    groups[(lang, key)].add(row["iscoGroup"])
    for (lang, key), codes in list(groups.items()):
        if lang != "nl":
            continue
        words = key.split()
        joinable = len(words) == 2 and words[0].isalpha() and not ADJECTIVE.search(words[0])
        if joinable and words[1] in COMPOUND_HEADS:
            groups[(lang, words[0] + words[1])] |= codes
        for male, female in FEMININE.items():
            if key.endswith(male):
                groups[(lang, key[: -len(male)] + female)] |= codes
                if joinable and words[1] == male:
                    groups[(lang, words[0] + female)] |= codes
        for word, flemish in FLEMISH.items():
            if word in key:
                groups[(lang, key.replace(word, flemish))] |= codes
    heads: dict[str, set[str]] = defaultdict(set)  # last word of a multi-word label (either language) -> its groups
    for (_, key), g in groups.items():
        if " " in key:
            heads[key.rsplit(" ", 1)[1]] |= g
    generic = {key for _, key in groups if " " not in key and len(heads.get(key, ())) >= GENERIC_HEAD}
    adjectives = {key for lang, key in groups if lang == "en" and " " not in key and is_adjective(key)}
    kept = {k: sorted(g) for k, g in groups.items()
            if len(g) <= MAX_GROUPS and k[1] not in generic and not (k[0] == "en" and k[1] in adjectives)}
    for (lang, key), codes in CURATED.items():  # after the generic heads: "nurse" ends labels of eight groups
        kept[(lang, key)] = sorted(set(kept.get((lang, key), ())) | codes)
    for (lang, key), codes in CORRECTED.items():
        kept[(lang, key)] = sorted(codes)
        for derived in [key.replace(word, flemish) for word, flemish in FLEMISH.items() if word in key]:
            kept[(lang, derived)] = sorted(codes)
    kept = {k: g for k, g in kept.items() if g}
    # every gendered form of a title names the job its canonical (masculine or neutral) form names: ESCO has
    # "verpleger" and no "verpleegster", and files "boekhoudster" under finance managers (a fairness audit: the
    # same CV scored 54 as "Verpleegster", 83 as "Verpleger"); a form ESCO has alone lends its groups to the others
    for lang, key in sorted(kept):
        canon = canonical(key)
        groups_of = kept.get((lang, canon)) or kept[(lang, key)]
        for form in {canon, *other_forms(canon, lang)}:
            kept[(lang, form)] = groups_of
    used = sorted({code for codes in kept.values() for code in codes})
    lines = ["# GENERATED by bench/build_occupations.py: do not edit by hand (rules in its docstring).",
             "# ESCO occupation labels (v1.2.0 en, v1.2.x nl) and their ISCO-08 unit groups."
             " This service uses the ESCO classification of the European Commission.",
             f"# groups: {len(used)}; labels: {len(kept)} (en {sum(1 for lang, _ in kept if lang == 'en')},"
             f" nl {sum(1 for lang, _ in kept if lang == 'nl')}); naming 2-{MAX_GROUPS} groups"
             f" {sum(1 for g in kept.values() if len(g) > 1)}; left out: naming more"
             f" {sum(1 for g in groups.values() if len(g) > MAX_GROUPS)}, generic heads {len(generic)},"
             f" English adjectives {len(adjectives)}"]
    lines += [f"={code}\t{names['en'].get(code, code)}\t{names['nl'].get(code, names['en'].get(code, code))}"
              for code in used]
    lines += sorted(f"{code}\t{lang}\t{key}" for (lang, key), codes in kept.items() for code in codes)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(used)} groups, {len(kept)} labels", file=sys.stderr)


if __name__ == "__main__":
    main()
