"""The readable gap report `skillfit gap` prints: what a candidate misses, meets in part and meets of a role, with
the evidence, worded in English or Dutch (the skills too: `labels`, as screening.in_language picks their columns).

Its rows are the skill_gap macro's (screening.gap); the wording is here, so that a hiring manager who reads Dutch
gets Dutch throughout, not Dutch skill names in English sentences (trial U)."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.job_titles import TITLE_PREFIX
from pipeline.screening import Fit, in_language

WORDING: dict[str, dict[str, str]] = {
    "en": {
        "fit": "Fit {score} / 100, required skills met: {met} of {total}\n",
        "explained": (
            "The score is the weighted share of the role's requirements the candidate meets: required ones weigh 1,"
            " preferred 0.4, soft skills 0.6 of that, and requirements nearly every CV meets (a market language,"
            " driving licence B, Office) less; a group of alternatives counts once; the job the vacancy is for"
            " (\"job: Cooks\") weighs twice as much, met by a CV naming a job of the same group, and each word of its"
            " title (\"job title: mechanic\") counts when the CV's job titles hold it, the more the fewer job titles"
            " hold the word (\"manager\" little).\n"
            "Partial credit (~): a related skill counts in part (a more specific one 75%, a broader one 40%; a more"
            " specific certificate in full: VOL-VCA for VCA), fewer years than asked count in proportion, and a lower"
            " level than asked in part.\n"),
        "missing": "Missing, required (most weight first)",
        "partial": "Met in part: fewer years or a lower level than asked, or a related skill",
        "nice": "Nice to have, missing",
        "met": "Met",
        "years": "{years:g}+ years", "asked": "asked", "less_held": "less held",
        "title_words": "Job title words", "held": "held", "not_held": "not held",
        "evidence": "Evidence: the CV sentence that shows each requirement, then the vacancy sentence that asks for it",
        "cv": "CV:     ", "vacancy": "vacancy:",
        "alternatives": "A / B: alternatives, one of them is enough; [X]: the one met.",
    },
    "nl": {
        "fit": "Fit {score} / 100, vereiste vaardigheden voldaan: {met} van {total}\n",
        "explained": (
            "De score is het gewogen aandeel van de vereisten van de functie waaraan de kandidaat voldoet: vereiste"
            " tellen voor 1, pluspunten voor 0,4, soft skills voor 0,6 daarvan, en vereisten waaraan bijna elk cv"
            " voldoet (een gangbare taal, rijbewijs B, Office) minder; een groep alternatieven telt één keer; het"
            " beroep waarvoor de vacature is (\"beroep: Koks\") telt dubbel, voldaan door een cv dat een job uit"
            " dezelfde groep noemt, en elk woord van de functietitel (\"functietitel: monteur\") telt wanneer de"
            " functietitels van het cv het bevatten, des te meer naarmate minder functietitels het woord bevatten"
            " (\"manager\" weinig).\n"
            "Deels voldaan (~): een verwante vaardigheid telt deels (een specifiekere 75%, een bredere 40%; een"
            " specifieker certificaat volledig: VOL-VCA voor VCA), minder jaren dan gevraagd tellen naar verhouding,"
            " en een lager niveau dan gevraagd deels.\n"),
        "missing": "Ontbreekt, vereist (zwaarste eerst)",
        "partial": "Deels voldaan: minder jaren of een lager niveau dan gevraagd, of een verwante vaardigheid",
        "nice": "Pluspunt, ontbreekt",
        "met": "Voldaan",
        "years": "{years:g}+ jaar", "asked": "gevraagd", "less_held": "minder in bezit",
        "title_words": "Woorden van de functietitel", "held": "in bezit", "not_held": "niet in bezit",
        "evidence": "Bewijs: de zin uit het cv die elke vereiste toont, dan de zin uit de vacature die erom vraagt",
        "cv": "cv:      ", "vacancy": "vacature:",
        "alternatives": "A / B: alternatieven, één ervan volstaat; [X]: die waaraan voldaan is.",
    },
}
# How a skill is related (skill_relations.relation) and the levels asked (mentions.level), where not English
RELATIONS = {"nl": {"narrower": "specifieker", "broader": "breder", "sibling": "verwant", "equivalent": "gelijkwaardig"}}
LEVELS = {"nl": {"basic": "basis", "intermediate": "gemiddeld", "good": "goed", "advanced": "gevorderd",
                 "fluent": "vloeiend", "native": "moedertaal"}}


def header(fit: Fit | None, language: str = "en") -> str:
    """The fit line and how the score is built, or "" when the fit is not known."""
    words = WORDING[language]
    if fit is None:
        return ""
    return words["fit"].format(score=fit.score, met=fit.required_met, total=fit.required_total) + words["explained"]


def gap_report(rows: list[dict], language: str = "en") -> str:
    """A readable gap report: what to learn first, what already counts partly, what is met; hard and soft apart;
    worded, skills included, in `language` (en or nl)."""
    words = WORDING[language]
    label, met_by_column, via = (in_language(c, language) for c in ("label_en", "met_by", "via_skill"))

    def block(title: str, picked: list[dict], detail: Callable[[dict], str] = lambda r: "") -> str:
        if not picked:
            return ""
        lines = [f"\n{title}"]
        for kind in ("hard", "soft"):
            names = [f"{r[label]}{detail(r)}" for r in picked if r["type"] == kind]
            if names:
                lines.append(f"  {kind:<5} " + "; ".join(names))
        return "\n".join(lines) + "\n"

    def asked(r: dict) -> str:  # the years and level the vacancy asks: why an exact skill may count only in part
        level = r.get("level_asked") or ""
        said = [words["years"].format(years=r["years_asked"]) if r.get("years_asked") else "",
                LEVELS.get(language, {}).get(level, level)]
        return f" ({', '.join(w for w in said if w)} {words['asked']})" if any(said) else ""

    def met_by(r: dict) -> str:  # of alternatives, the one the candidate meets
        return f" [{r[met_by_column]}]" if r.get(met_by_column) else ""

    def partly(r: dict) -> str:  # the skill itself with fewer years or a lower level than asked, or a related skill
        share = f"{round(100 * r['credit'])}%"
        if r["relation"] == "exact":  # "English (80%: fluent asked, less held)"
            return f"{met_by(r)} ({share}: {asked(r).strip()[1:-1] or words['asked']}, {words['less_held']})"
        relation = RELATIONS.get(language, {}).get(r["relation"], r["relation"])
        return f"{met_by(r)} <- {r[via]} ({relation}, {share}){asked(r)}"

    title_words = [r for r in rows if r["skill_id"].startswith(TITLE_PREFIX)]  # the title's words: nothing to learn
    rows = [r for r in rows if r not in title_words]
    missing = [r for r in rows if r["status"] == "missing"]
    return (
        title_words_line(title_words, language)
        + block(words["missing"],
                sorted((r for r in missing if r["requirement"] == "required"), key=lambda r: -r["weight"]), asked)
        + block(words["partial"], [r for r in rows if r["status"] == "partial"], partly)
        + block(words["nice"], [r for r in missing if r["requirement"] == "preferred"])
        + block(words["met"], [r for r in rows if r["status"] == "met"], lambda r: met_by(r) + asked(r))
        + evidence_block([r for r in rows if r["status"] != "missing"], lambda r: r[label] + met_by(r), language)
        + (f"\n{words['alternatives']}\n" if any(r.get("alt_group") for r in rows) else "")
    )


def title_words_line(rows: list[dict], language: str = "en") -> str:
    """The words of the vacancy's job title the CV's job titles hold, with where, and those they do not."""
    if not rows:
        return ""
    words = WORDING[language]
    held = [r for r in rows if r["status"] != "missing"]
    where = sorted({r["evidence"] for r in held if r.get("evidence")})
    said = [f"{words['held']} {', '.join(r['skill_id'][len(TITLE_PREFIX):] for r in held)}"
            + (f" ({'; '.join(clip(w, 60) for w in where)})" if where else "")] if held else []
    said += [f"{words['not_held']} {', '.join(r['skill_id'][len(TITLE_PREFIX):] for r in rows if r not in held)}"] \
        if len(held) < len(rows) else []
    return f"\n{words['title_words']}: {'; '.join(said)}\n"


def clip(text: str | None, limit: int = 110) -> str:
    """A sentence cut to `limit` characters, quoted (long sentences are stored from near their mention:
    pipeline.rows.EVIDENCE_SHOWN)."""
    text = " ".join((text or "").split())
    return f'"{text if len(text) <= limit else text[:limit - 1].rstrip() + "…"}"' if text else "-"


def evidence_block(rows: list[dict], name: Callable[[dict], str], language: str = "en") -> str:
    """Per requirement met or partly met (`name`: how it is listed): the CV sentence that shows it and the vacancy
    sentence that asks for it."""
    if not rows:
        return ""
    words = WORDING[language]
    lines = [f"\n{words['evidence']}"]
    for r in rows:
        lines.append(f"  {name(r)}:")
        lines.append(f"      {words['cv']} {clip(r.get('evidence'))}")
        lines.append(f"      {words['vacancy']} {clip(r.get('asked_in'))}")
    return "\n".join(lines) + "\n"
