#!/usr/bin/env python3
"""Does skill fit rank the right resumes first, better than keyword search over the same texts?

    .venv/bin/python bench/fit_ranking.py                 # what `make bench-fit` runs; a table on stdout
    .venv/bin/python bench/fit_ranking.py --json out.json --per-role

The resumes: the 473 LiveCareer resumes of ../shared/data/resumes-livecareer-480, up to 20 in each of 24
categories (folders). The roles: one per category, bench/roles/en/<CATEGORY>.md, written from a real job ad of
that occupation in ../shared/data where there is one (jobads-nl-en-jobzoeker, vacatures-nl-vdab; never the ads
of real-ads-sample) and otherwise from the ESCO occupation profile's essential and optional skills
(esco-occupation-profiles-v1.2.0); each file's first comment names its source. bench/roles/nl/ has the same
roles written in Dutch, as a Flemish or Dutch employer would.

Every resume is ranked for every role:
- skillfit: the resumes and roles loaded into a temporary DuckDB by the pipeline, every pair scored
  (pipeline.store.scores.compute, the numbers of the `fit` view), best score first, ties by candidate id;
  variants with specificity off (fit_weights.common = 1), occupations off (fit_weights.occupation = 0: the job
  the vacancy is for no longer counts), title words off (fit_weights.title = 0: the words of the vacancy's title
  that a resume's job titles hold no longer count) and alternatives off (every requirement on its own);
- BM25: rank-bm25's BM25Okapi over the same resume texts (lower-cased word tokens, English and Dutch stop words
  removed), the role's text as the query. Keyword search cannot match a Dutch query to English resumes: its
  Dutch figures show that.

A resume is relevant to a role when it is in the role's category. Categories are noisy labels (an "HR" resume
can be a payroll clerk's), so read the means over the 24 roles, not single roles. Figures: precision at 10,
nDCG at 20 (binary gains) and mean average precision (over all resumes of the category), each the mean over
roles; random ranking gives about 20/473 = 0.04 for P@10 and MAP.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

RESUMES = REPO.parent / "shared" / "data" / "resumes-livecareer-480" / "data"
ROLES = REPO / "bench" / "roles"
LANGUAGES = ("en", "nl")
K_PRECISION, K_NDCG = 10, 20
STOP_WORDS = frozenset("""a an and are as at be by for from has have in is it its of on or our that the their this to was
were will with you your we us i my me he she they them his her not but if so than then there these those such
can could would should must may also all any each other more most some into about over under within without
de het een en van in op te voor met is zijn je jij u uw we wij ons onze die dat dit deze of bij als aan om tot
naar ook niet maar door uit over er ze zij hun heb hebt heeft wordt worden kan kunnen zal zullen moet moeten
""".split())
TOKEN = re.compile(r"[a-zà-ÿ0-9+#]+(?:[.'][a-z0-9]+)*")


# ---------------------------------------------------------------- metrics


def precision_at(ranked: Sequence[bool], k: int) -> float:
    """Share of relevant items among the first k."""
    return sum(ranked[:k]) / k


def ndcg_at(ranked: Sequence[bool], k: int, n_relevant: int) -> float:
    """nDCG at k with binary gains: DCG of the first k over the DCG of the best possible ranking."""
    dcg = sum(1.0 / math.log2(i + 2) for i, rel in enumerate(ranked[:k]) if rel)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, n_relevant)))
    return dcg / ideal if ideal else 0.0


def average_precision(ranked: Sequence[bool], n_relevant: int) -> float:
    """Mean of the precision at each relevant item's rank, over all n_relevant (unfound ones count 0)."""
    hits, total = 0, 0.0
    for i, rel in enumerate(ranked):
        if rel:
            hits += 1
            total += hits / (i + 1)
    return total / n_relevant if n_relevant else 0.0


def evaluate(order: Sequence[str], category: dict[str, str], wanted: str) -> dict[str, float]:
    """The three figures for one ranking of resume ids, relevant = in category `wanted`."""
    ranked = [category[r] == wanted for r in order]
    n = sum(1 for c in category.values() if c == wanted)
    return {"p@10": precision_at(ranked, K_PRECISION), "ndcg@20": ndcg_at(ranked, K_NDCG, n),
            "map": average_precision(ranked, n)}


# ---------------------------------------------------------------- rankings


def tokens(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text.lower()) if t not in STOP_WORDS and len(t) > 1]


def role_text(path: Path) -> str:
    """A role file without its source comment."""
    return re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)


def bm25_rankings(resumes: dict[str, str], roles: dict[str, str]) -> dict[str, list[str]]:
    """role -> resume ids, best BM25 score first (ties by id)."""
    from rank_bm25 import BM25Okapi

    ids = sorted(resumes)
    index = BM25Okapi([tokens(resumes[i]) for i in ids])
    out = {}
    for role, text in roles.items():
        scores = index.get_scores(tokens(text))
        out[role] = [ids[j] for j in sorted(range(len(ids)), key=lambda j: (-scores[j], ids[j]))]
    return out


def fit_rankings(con) -> dict[str, list[str]]:
    """role -> candidate ids, best fit score first (ties by id), from the stored-scores computation."""
    from pipeline.store import scores

    computed = scores.compute(con, keep=0)
    out = {}
    for r, role in enumerate(computed.roles):
        order = np.argsort(computed.rank[r], kind="stable")
        out[str(role)] = [str(computed.candidates[computed.cand_ix[r][j]]) for j in order]
    return out


def load(db: Path, workers: int | None) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Extract the resumes and roles into `db`; returns (resume id -> category, resume id -> text, role -> text)."""
    from pipeline import Extractor
    from pipeline.api import Failure
    from pipeline.batch import Limits, extract_batch
    from pipeline.store import Store

    extractor = Extractor()
    paths = sorted(RESUMES.glob("*/*.pdf"))
    category, texts, docs = {}, {}, []
    started = time.perf_counter()
    for path, doc in zip(paths, extract_batch(extractor, paths, "cv", workers, Limits(120, 2048))):
        if isinstance(doc, Failure):
            print(f"skipped {path.name}: {doc.status}", file=sys.stderr)
            continue
        category[doc.id], texts[doc.id] = path.parent.name, doc.text
        docs.append(doc)
    print(f"extracted {len(docs)} resumes in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    roles = {}
    for lang in LANGUAGES:
        for path in sorted((ROLES / lang).glob("*.md")):
            role_id = f"{lang}:{path.stem}"
            roles[role_id] = role_text(path)
            docs.append(extractor.extract(roles[role_id], kind="vacancy", doc_id=role_id, language=lang))
    with Store(db, retention_days=None) as store:
        store.sync_taxonomy(extractor.taxonomy)
        store.write(docs, extractor.taxonomy, store.start_run(extractor.taxonomy, "bench fit_ranking"))
    return category, texts, roles


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: sum(r[k] for r in rows) / len(rows) for k in rows[0]} if rows else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=None, help="extraction worker processes (default: one per core)")
    parser.add_argument("--json", type=Path, help="also write every figure, per role, to this file")
    parser.add_argument("--per-role", action="store_true", help="print the figures of each role too")
    args = parser.parse_args()
    if not RESUMES.is_dir():
        sys.exit(f"{RESUMES}: not found (the resumes live in ../shared/data)")
    from pipeline.store import connect

    tmp = Path(tempfile.mkdtemp(prefix="skillfit-bench-"))
    try:
        db = tmp / "bench.duckdb"
        category, texts, roles = load(db, args.workers)
        wanted = {r: r.split(":", 1)[1] for r in roles}
        rankings: dict[str, dict[str, list[str]]] = {}
        with connect(db) as con:
            rankings["skillfit"] = fit_rankings(con)
            con.execute("UPDATE fit_weights SET value = 1 WHERE name = 'common'")
            rankings["skillfit, specificity off"] = fit_rankings(con)
            con.execute("UPDATE fit_weights SET value = 0.15 WHERE name = 'common'")
            con.execute("UPDATE fit_weights SET value = 0 WHERE name = 'occupation'")
            rankings["skillfit, occupations off"] = fit_rankings(con)
            con.execute("UPDATE fit_weights SET value = 2 WHERE name = 'occupation'")
            con.execute("UPDATE fit_weights SET value = 0 WHERE name = 'title'")
            rankings["skillfit, title words off"] = fit_rankings(con)
            con.execute("UPDATE fit_weights SET value = 2 WHERE name = 'title'")
            con.execute("UPDATE mentions SET alt_group = NULL")
            rankings["skillfit, alternatives off"] = fit_rankings(con)
        rankings["BM25"] = bm25_rankings(texts, roles)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    results: dict[str, dict] = {}
    for method, by_role in rankings.items():
        for lang in LANGUAGES:
            per_role = {r.split(":", 1)[1]: evaluate(order, category, wanted[r])
                        for r, order in by_role.items() if r.startswith(f"{lang}:")}
            results[f"{method} | {lang}"] = {"mean": mean(list(per_role.values())), "roles": per_role}
    print(f"Ranking {len(category)} LiveCareer resumes for {len(roles) // 2} roles (one per category), relevant ="
          f" same category; mean over roles.\n")
    print(f"| method | role language | P@{K_PRECISION} | nDCG@{K_NDCG} | MAP |")
    print("|---|---|---:|---:|---:|")
    for key, value in results.items():
        method, lang = key.split(" | ")
        m = value["mean"]
        print(f"| {method} | {lang} | {m['p@10']:.3f} | {m['ndcg@20']:.3f} | {m['map']:.3f} |")
    en, nl = results["skillfit | en"]["mean"], results["skillfit | nl"]["mean"]
    bm = results["BM25 | en"]["mean"]
    print(f"\nskillfit vs BM25 on the English roles: MAP {en['map']:.3f} vs {bm['map']:.3f};"
          f" Dutch roles keep {100 * nl['map'] / en['map']:.0f}% of skillfit's English MAP"
          f" ({100 * nl['p@10'] / en['p@10']:.0f}% of P@10)." if en["map"] and en["p@10"] else "")
    if args.per_role:
        print("\nMAP per role (skillfit en / nl, BM25 en):")
        for role in sorted(results["skillfit | en"]["roles"]):
            print(f"  {role:24} {results['skillfit | en']['roles'][role]['map']:.3f} / "
                  f"{results['skillfit | nl']['roles'].get(role, {}).get('map', 0):.3f}   "
                  f"{results['BM25 | en']['roles'][role]['map']:.3f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
