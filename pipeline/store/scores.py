"""Fit scores of every candidate for every role at once, stored in the `fit_scores` table.

The `fit` view (views.sql) defines a score; this module computes the same numbers for all roles at once with
matrix products and stores them (every pair, or the best `keep` candidates of each role) with their rank, so
that ranking a role is a lookup instead of a join over all mentions.

How. A candidate's credit for a skill a role asks for is the best (the max, not a sum) of
`relation credit x strength x years factor` over the candidate's skills that relate to it (skill_relations), where
the strength is 1 for a skill the CV names and fit_weights.written_in for the language it is written in
(candidate_held), the years factor is min(1, candidate years / years asked) when both are given and the level factor
1 - fit_weights.level x (1 - min(1, level held / level asked)) when both are given. DuckDB's hash aggregates compute
that max per candidate and asked skill, years and level asked aside: B (skills x candidates, dense, one block of
candidates at a time). A role's points are then a weighted sum of B's rows:

    hard points = W_hard @ B,  soft points = W_soft @ B,  required met = R @ (B >= 1)

with W and R sparse roles x skills matrices of weights and required-indicators (a role asks for a dozen skills).
Requirements that ask for years are corrected for the candidates whose years lower their credit, by a sparse
D (requirement key (skill, years asked, level asked) x candidates: credit with them - credit without). A group of
alternatives ("PostgreSQL, SQL Server or MySQL") is one requirement met by its best member: its members' rows
of B (years corrected) are gathered, the max taken per group (G, groups x candidates), and the groups weighted
as skills are: + W_group @ G. An asked skill is a (skill, "or equivalent") pair, since equivalents (siblings)
earn credit only where the vacancy says so. The score is
`floor((100 * points / total weight + 1e-10) * 10 + 0.5) / 10`, as the `fit_score` macro (views.sql) computes
it; the nudge keeps float noise in the last bit (which depends on the order of additions) from flipping a x.x5.
The best `keep` per role are merged block by block (score descending, then candidate id, as the view ranks).

`fit_scores_state` records what the stored scores were computed from (the `fit_fingerprint()` macro: documents
and the run that loaded each, the number of mentions, the taxonomy, fit_weights); `is_fresh` compares it with
the database as it is now, and `ranked` answers None for stale scores, so that callers fall back to the
`fit_for_role` macro and never show outdated numbers. `refresh` recomputes them when stale; `skillfit load`,
`screen`, `forget`, `purge` and `scores` call it, `skillfit fit --refresh` too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import duckdb
import numpy as np

DEFAULT_KEEP = 1000  # candidates stored per role unless told otherwise; 0 = every pair
CHUNK = 16_384  # candidates per block of the matrix products: bounds memory at 100k+ candidates
MIN_BLOCK = 1024  # ... but never fewer, however many skills (a block is skills x candidates doubles)
NUDGE = 1e-10  # added before rounding, as in the fit view

COLUMNS = ("role_id", "candidate_id", "rank", "score", "hard_score", "soft_score", "required_met", "required_total")


@dataclass
class Computed:
    """The scores of every role's best `keep` candidates (all of them when keep is None): arrays of
    roles x width, in rank order (best `keep`) or in candidate order (every pair), each with its rank."""

    roles: np.ndarray  # role ids, sorted
    candidates: np.ndarray  # candidate ids, sorted as DuckDB sorts them (the view's tie-break)
    cand_ix: np.ndarray  # index into candidates
    rank: np.ndarray  # 1 = best, per role
    score10: np.ndarray  # roles x width: 10 x the rounded score (integers, exact)
    hard10: np.ndarray
    soft10: np.ndarray
    required_met: np.ndarray
    required_total: np.ndarray  # per role
    null_role: np.ndarray  # per role: total weight 0 or NULL, so the view's scores are NULL
    keep: int | None
    seconds: float

    def __len__(self) -> int:
        return self.cand_ix.size

    def to_arrow(self):
        """The rows as a pyarrow Table with fit_scores' columns, role by role (ids dictionary-encoded: cheap
        to build, and DuckDB reads them as VARCHAR)."""
        import pyarrow as pa

        n_r, width = self.cand_ix.shape
        null = np.repeat(self.null_role, width)

        def ids(index: np.ndarray, values: np.ndarray):
            return pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32)), pa.array(values.tolist(), pa.string()))

        def tenths(v: np.ndarray):
            return pa.array(v.ravel() / 10.0, pa.float64(), mask=null if null.any() else None)

        return pa.table({
            "role_id": ids(np.repeat(np.arange(n_r), width), self.roles),
            "candidate_id": ids(np.ascontiguousarray(self.cand_ix).ravel(), self.candidates),
            "rank": pa.array(np.ascontiguousarray(self.rank).ravel().astype(np.int64, copy=False)),
            "score": tenths(self.score10), "hard_score": tenths(self.hard10), "soft_score": tenths(self.soft10),
            "required_met": pa.array(self.required_met.ravel().astype(np.int64)),
            "required_total": pa.array(np.repeat(self.required_total, width).astype(np.int64))})


def round10(x: np.ndarray) -> np.ndarray:
    """10 x the `fit_score` macro's rounding, in place: floor(x * 10 + 0.5), the same IEEE operations in the same
    order as the SQL, so the bits agree on any DuckDB version. Returns float integers; NaN stays NaN."""
    x *= 10.0
    x += 0.5
    np.floor(x, out=x)
    return x


def _fetch(con, sql: str, params=None) -> dict[str, np.ndarray]:
    return con.execute(sql, params or {}).fetchnumpy()


def _ids(values) -> np.ndarray:
    return np.asarray(values, dtype=object).astype(str)


def _requirements(con) -> dict[str, Any]:
    """role_weights as arrays, one row per role, requirement and skill, with indexes: role, asked skill (a skill
    and whether equivalents count for it: "or equivalent" lets siblings earn credit), and requirement (a
    skill asked on its own, or a group of alternatives, whose rows share a weight, type and requirement)."""
    req = _fetch(con, "SELECT role_id, req_id, skill_id, coalesce(ends_with(alt_group, '+equivalent'), false) AS equivalent,"
                      " type, requirement = 'required' AS required, years, level_rank, weight FROM role_weights")
    level_weight = con.execute("SELECT coalesce(max(value) FILTER (name = 'level'), 0) FROM fit_weights").fetchall()[0]
    raw_weight = np.ma.asarray(req["weight"], dtype=np.float64)
    roles, role_ix = np.unique(_ids(req["role_id"]), return_inverse=True)
    role_ix = role_ix.ravel()
    names, name_ix = np.unique(_ids(req["skill_id"]), return_inverse=True)
    pairs, skill_ix = np.unique(name_ix.ravel() * 2 + np.asarray(req["equivalent"], bool), return_inverse=True)
    req_names, req_ix = np.unique(_ids(req["req_id"]), return_inverse=True)
    units, unit_ix = np.unique(role_ix.astype(np.int64) * max(len(req_names), 1) + req_ix.ravel(), return_inverse=True)
    unit_ix = unit_ix.ravel()
    by_unit = np.argsort(unit_ix, kind="stable")
    first = by_unit[np.searchsorted(unit_ix[by_unit], np.arange(len(units)))]  # a row of each requirement
    members = np.bincount(unit_ix, minlength=len(units))
    return dict(roles=roles, role_ix=role_ix, skills=names[pairs // 2], equivalent=pairs % 2 == 1,
                skill_ix=skill_ix.ravel(), unit_ix=unit_ix, first=first, single=members[unit_ix] == 1,
                type=_ids(req["type"]), required=np.asarray(req["required"], bool),
                years=np.ma.filled(np.ma.asarray(req["years"], dtype=np.float64), np.nan),
                level=np.ma.filled(np.ma.asarray(req["level_rank"], dtype=np.float64), np.nan),
                level_weight=float(level_weight[0]) if level_weight else 0.0,
                weight=np.ma.filled(raw_weight, 0.0), weighted=~np.ma.getmaskarray(raw_weight))


def _credits(con, candidates: np.ndarray, req: dict) -> tuple[dict, dict]:
    """(base, scaled): base = the credit of each candidate for each asked skill, ignoring years and level asked,
    as (c, s, credit) arrays; scaled = for each requirement key (skill, years asked, level asked) the candidates
    whose credit is lower because of them, as (c, k, credit, base) arrays; keys index req["ykeys"]."""
    import pyarrow as pa

    years, level = np.nan_to_num(req["years"]), np.nan_to_num(req["level"]) * (req["level_weight"] > 0)
    scaled_req = (years > 0) | (level > 0)  # as fit_member_credit: only then do they change the credit
    ykeys, ykey_ix = np.unique(np.stack([req["skill_ix"][scaled_req].astype(np.float64), years[scaled_req],
                                         level[scaled_req]], axis=1), axis=0, return_inverse=True)
    ykeys = ykeys.reshape(-1, 3)
    req["ykeys"], req["ykey_ix"], req["scaled"] = ykeys, ykey_ix.ravel(), scaled_req
    con.register("_sf_cands", pa.table({"doc_id": pa.array(candidates.tolist(), pa.string()),
                                        "c": pa.array(np.arange(len(candidates), dtype=np.int32))}))
    con.register("_sf_skills", pa.table({"skill_id": pa.array(req["skills"].tolist(), pa.string()),
                                         "equivalent": pa.array(req["equivalent"].tolist(), pa.bool_()),
                                         "s": pa.array(np.arange(len(req["skills"]), dtype=np.int32))}))
    con.register("_sf_ykeys", pa.table({"s": pa.array(ykeys[:, 0].astype(np.int32)),
                                        "years": pa.array(ykeys[:, 1], pa.float64()),
                                        "level": pa.array(ykeys[:, 2], pa.float64()),
                                        "k": pa.array(np.arange(len(ykeys), dtype=np.int32))}))
    try:
        # held: the same candidate skills as fit_credit's (candidate_held: max years, strength and level per CV and
        # skill); then the max credit per candidate and asked skill (base), and for asked years or level the same max
        # with their factors applied (the order of multiplications is fit_member_credit's).
        rows = _fetch(con, """
            WITH held AS MATERIALIZED (
                SELECT c.c, h.skill_id, h.years, h.strength, h.level_rank
                FROM candidate_held h JOIN _sf_cands c ON c.doc_id = h.candidate_id
            ), related AS NOT MATERIALIZED (  -- not stored: scaled wants only the rows with years or a level
                SELECT h.c, x.s, rel.credit * h.strength AS credit, h.years, h.level_rank
                FROM held h JOIN skill_relations rel ON rel.candidate_skill = h.skill_id
                JOIN _sf_skills x ON x.skill_id = rel.required_skill AND (rel.relation <> 'equivalent' OR x.equivalent)
            ), base AS MATERIALIZED (
                SELECT c, s, max(credit) AS credit,
                       max(credit) FILTER (WHERE years IS NULL AND level_rank IS NULL) AS credit_unscaled
                FROM related GROUP BY ALL
            ), scaled AS (
                SELECT r.c, y.k, y.s,
                       max(r.credit * CASE WHEN y.years > 0 AND r.years IS NOT NULL THEN least(1.0, r.years / y.years)
                                           ELSE 1.0 END
                           * CASE WHEN y.level > 0 AND r.level_rank IS NOT NULL AND $lw > 0
                                  THEN 1.0 - $lw * (1.0 - least(1.0, r.level_rank / y.level)) ELSE 1.0 END) AS credit
                FROM related r JOIN _sf_ykeys y ON y.s = r.s
                WHERE r.years IS NOT NULL OR r.level_rank IS NOT NULL GROUP BY ALL
            )
            SELECT c, s AS col, credit, NULL::DOUBLE AS base FROM base
            UNION ALL
            SELECT y.c, y.k, greatest(y.credit, coalesce(b.credit_unscaled, 0)), b.credit
            FROM scaled y JOIN base b ON b.c = y.c AND b.s = y.s
            WHERE greatest(y.credit, coalesce(b.credit_unscaled, 0)) < b.credit""", {"lw": req["level_weight"]})
    finally:
        for name in ("_sf_cands", "_sf_skills", "_sf_ykeys"):
            con.unregister(name)
    base_value = np.ma.asarray(rows["base"], dtype=np.float64)
    is_scaled = ~np.ma.getmaskarray(base_value)
    c, col = np.asarray(rows["c"], np.int64), np.asarray(rows["col"], np.int64)
    credit = np.asarray(rows["credit"], np.float64)
    return ({"c": c[~is_scaled], "s": col[~is_scaled], "credit": credit[~is_scaled]},
            {"c": c[is_scaled], "k": col[is_scaled], "credit": credit[is_scaled],
             "base": np.ma.filled(base_value, 0.0)[is_scaled]})


def compute(con: duckdb.DuckDBPyConnection, keep: int | None = DEFAULT_KEEP) -> Computed:
    """Score every candidate for every role as the `fit` view does, and keep the best `keep` per role
    (0 or None: every pair). Reads only; works on a read-only connection."""
    from scipy import sparse

    started = time.perf_counter()
    keep = keep or None
    candidates = _ids(_fetch(con, "SELECT doc_id FROM documents WHERE kind = 'cv' ORDER BY doc_id")["doc_id"])
    req = _requirements(con)
    roles, n_r, n_c, n_s = req["roles"], len(req["roles"]), len(candidates), len(req["skills"])
    # the view's totals, over requirements (a group counts once): sum(weight) per role (NULL when every weight
    # is NULL) and the number required
    first = req["first"]
    unit_role = req["role_ix"][first]
    total = np.bincount(unit_role, weights=req["weight"][first], minlength=n_r)
    null_role = (np.bincount(unit_role, weights=req["weighted"][first], minlength=n_r) == 0) | (total == 0)
    n_required = np.bincount(unit_role, weights=req["required"][first], minlength=n_r).astype(np.int64)
    base, scaled = _credits(con, candidates, req) if n_r and n_c else ({}, {})
    n_k = len(req.get("ykeys", ()))
    ykey_of = np.full(len(req["role_ix"]), -1, np.int64)  # per row: its (skill, years, level asked) key, -1 without
    if n_k:
        ykey_of[req["scaled"]] = req["ykey_ix"]

    # Requirements asked as one skill: role x skill weights and required-indicators, one matrix per skill type
    # (sparse: a role asks for a few skills), and the same per requirement key with years asked, for the corrections.
    one = req["single"]
    types = [req["type"] == "hard", req["type"] == "soft", (req["type"] != "hard") & (req["type"] != "soft")]
    weights = [sparse.csr_matrix((req["weight"][t & one], (req["role_ix"][t & one], req["skill_ix"][t & one])),
                                 shape=(n_r, n_s)) for t in types]
    r = req["required"] & one
    required = sparse.csr_matrix((np.ones(r.sum(), np.float32), (req["role_ix"][r], req["skill_ix"][r])),
                                 shape=(n_r, n_s))  # counts: float32 is exact
    if n_k:
        y = (ykey_of >= 0) & one
        key_weights = [sparse.csr_matrix((req["weight"][y & t], (req["role_ix"][y & t], ykey_of[y & t])),
                                         shape=(n_r, n_k)) for t in types]
        key_required = sparse.csr_matrix((np.ones((y & r).sum()), (req["role_ix"][y & r], ykey_of[y & r])),
                                         shape=(n_r, n_k))
    # Groups of alternatives: each member's credit (years applied), then the best per group, weighted per role.
    members = np.flatnonzero(~one)
    members = members[np.argsort(req["unit_ix"][members], kind="stable")]
    group_units, group_start = np.unique(req["unit_ix"][members], return_index=True)
    n_g = len(group_units)
    g_rows = first[group_units]
    group_weights = [sparse.csr_matrix((req["weight"][g_rows][t[g_rows]], (req["role_ix"][g_rows][t[g_rows]],
                                        np.flatnonzero(t[g_rows]))), shape=(n_r, n_g)) for t in types]
    g_req = req["required"][g_rows]
    group_required = sparse.csr_matrix((np.ones(g_req.sum(), np.float32), (req["role_ix"][g_rows][g_req],
                                        np.flatnonzero(g_req))), shape=(n_r, n_g))
    member_skill, member_key = req["skill_ix"][members], ykey_of[members]
    keyed = member_key >= 0
    totals = np.where(null_role, np.nan, total)[:, None]

    depth = n_c if keep is None else min(keep, n_c)
    # skills (and group members) x block doubles: at most 128 MB
    block = max(MIN_BLOCK, min(CHUNK, 16_000_000 // max(n_s + len(members), 1)))
    names = ("score10", "hard", "soft", "met")
    if depth == n_c:  # every pair: blocks go side by side in candidate order, ranked at the end
        kept = {k: np.zeros((n_r, n_c)) for k in names}
        kept["cand_ix"] = np.broadcast_to(np.arange(n_c), (n_r, n_c))
    else:  # the best `depth`: each block is merged into the best so far
        kept = {k: np.zeros((n_r, 0)) for k in (*names, "cand_ix")}
        kept["key"] = np.zeros((n_r, 0), np.int16)
    if n_r and n_c:
        order = np.argsort(base["c"], kind="stable")
        bounds = np.searchsorted(base["c"][order], np.arange(0, n_c + block, block))
        s_order = np.argsort(scaled["c"], kind="stable")
        s_bounds = np.searchsorted(scaled["c"][s_order], np.arange(0, n_c + block, block))
    with np.errstate(divide="ignore", invalid="ignore"):
        for i, start in enumerate(range(0, n_c if n_r else 0, block)):
            m = min(block, n_c - start)
            pick = order[bounds[i]:bounds[i + 1]]
            credit = np.zeros((n_s, m))  # asked skills x candidates of this block
            credit[base["s"][pick], base["c"][pick] - start] = base["credit"][pick]
            parts = [w @ credit if w.nnz else None for w in weights]  # hard, soft, other points: roles x candidates
            met = required @ (credit >= 1.0).astype(np.float32)
            if n_k:  # years asked: the scaled credit replaces the base one for the candidates it lowers
                sp = s_order[s_bounds[i]:s_bounds[i + 1]]
                sc, sk = scaled["c"][sp] - start, scaled["k"][sp]
                delta = sparse.csr_matrix((scaled["credit"][sp] - scaled["base"][sp], (sk, sc)), shape=(n_k, m))
                for part, w in zip(parts, key_weights):
                    if w.nnz:
                        assert part is not None  # a years requirement is also a weight of its type
                        _add_sparse(part, w @ delta)
                flips = sparse.csr_matrix(((scaled["credit"][sp] >= 1.0).astype(np.float32)
                                           - (scaled["base"][sp] >= 1.0), (sk, sc)), shape=(n_k, m))
                _add_sparse(met, key_required @ flips)
            if n_g:  # a group's credit is its best member's
                member_credit = credit[member_skill]
                if n_k and keyed.any():
                    member_credit[keyed] += delta[member_key[keyed]].toarray()
                best = np.maximum.reduceat(member_credit, group_start, axis=0)
                for t_ix, w in enumerate(group_weights):
                    if w.nnz:
                        if parts[t_ix] is None:
                            parts[t_ix] = np.zeros((n_r, m))
                        parts[t_ix] += w @ best
                met += group_required @ (best >= 1.0).astype(np.float32)
            hard, soft, other = (np.zeros((n_r, m)) if p is None else p for p in parts)
            points = hard + soft
            if parts[2] is not None:
                points += other
            # 100.0 * points / total (the view's order of operations), nudged, rounded as fit_score does
            points *= 100.0
            points /= totals
            points += NUDGE
            score10 = round10(points)
            score10[null_role] = 0.0  # NaN: the view's score is NULL; all equal, so in id order
            chunk = {"score10": score10, "hard": hard, "soft": soft, "met": met}
            if depth == n_c:
                for k in names:
                    kept[k][:, start:start + m] = chunk[k]
            else:
                chunk["key"] = _rank_key(score10)
                kept = _best(kept, chunk, depth, start)
    if depth == n_c:  # rank = position in (score descending, candidate id): a stable sort, then its inverse
        rank = np.empty((n_r, n_c), np.int64)
        np.put_along_axis(rank, _rank_order(_rank_key(kept["score10"])),
                          np.arange(1, n_c + 1)[None, :].repeat(n_r, axis=0), axis=1)
    else:
        rank = np.broadcast_to(np.arange(1, kept["cand_ix"].shape[1] + 1), kept["cand_ix"].shape)
    scaled10 = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for part in (kept["hard"], kept["soft"]):
            part *= 100.0
            part /= totals
            part += NUDGE
            scaled10.append(round10(part))
    for values in scaled10:
        values[null_role] = 0.0  # NaN there; stored as NULL
    return Computed(roles=roles, candidates=candidates, cand_ix=kept["cand_ix"], rank=rank,
                    score10=kept["score10"], hard10=scaled10[0], soft10=scaled10[1],
                    required_met=np.rint(kept["met"]).astype(np.int64), required_total=n_required, null_role=null_role,
                    keep=keep, seconds=time.perf_counter() - started)


def _rank_key(score10: np.ndarray) -> np.ndarray:
    """A sort key per role and candidate: the negated score, as int16 where it fits (numpy radix-sorts
    those: always, unless fit_weights hold odd values)."""
    if score10.size == 0 or (-30_000 < score10.min() and score10.max() < 30_000):
        return (-score10).astype(np.int16)
    return -score10


def _rank_order(key: np.ndarray) -> np.ndarray:
    """Per role (row), the candidate columns from best to worst: score descending, then candidate id. Columns
    are in id order, so a stable sort on the score alone breaks ties as the view does; a role whose scores are
    all NULL keeps id order too."""
    return np.argsort(key, axis=1, kind="stable")


def _add_sparse(dense: np.ndarray, product) -> None:
    """dense += a sparse matrix (few entries: no need to make it dense)."""
    coo = product.tocoo()  # from a product in CSR form: no duplicate entries
    dense[coo.row, coo.col] += coo.data


def _best(kept: dict, chunk: dict, depth: int, start: int) -> dict:
    """Merge a block of candidates (numbered from `start`) into the best `depth` of each role so far (blocks
    come in candidate order, after the kept ones): sort the small keys side by side, then gather only the
    rows that stay."""
    width = kept["key"].shape[1]
    key = np.concatenate([kept["key"], chunk["key"]], axis=1)
    if key.dtype != kept["key"].dtype or key.dtype != chunk["key"].dtype:
        key = key.astype(np.float64)
    order = _rank_order(key)[:, :depth]
    rows = np.arange(order.shape[0])[:, None]
    old = order < width
    old_flat = (np.minimum(order, max(width - 1, 0)) + rows * width).ravel()
    new_flat = (np.maximum(order - width, 0) + rows * chunk["key"].shape[1]).ravel()
    merged = {}
    for k, v in kept.items():
        if k == "cand_ix":
            fresh = start + order - width
        else:
            fresh = np.ascontiguousarray(chunk[k]).ravel().take(new_flat).reshape(order.shape)
        merged[k] = np.where(old, v.ravel().take(old_flat).reshape(order.shape), fresh) if width else fresh
    return merged


def fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """What fit scores depend on, as it is now (None for a file of an older schema opened read-only)."""
    try:
        return con.execute("SELECT fit_fingerprint()").fetchall()[0][0]
    except duckdb.Error:
        return None


def state(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The fit_scores_state row (what the stored scores were computed from), or None when never computed."""
    try:
        cur = con.execute("SELECT * FROM fit_scores_state ORDER BY computed_at DESC LIMIT 1")
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error:  # a file of an older schema, opened read-only
        return None
    return dict(zip(names, rows[0])) if rows else None


def is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether fit_scores hold the scores of the data as it is now."""
    current = state(con)
    return current is not None and current["fingerprint"] == fingerprint(con)


def refresh(con: duckdb.DuckDBPyConnection, keep: int | None = None, force: bool = False) -> dict[str, Any]:
    """Recompute fit_scores, unless they are fresh already (and keep as many candidates per role); `keep`:
    the best N candidates per role (0 = every pair; None = as many as last time, else DEFAULT_KEEP).

    Needs a writable connection; one transaction, so readers see the old scores or the new ones.
    Returns the new fit_scores_state row, with `refreshed` saying whether anything was recomputed.
    """
    current = state(con)
    if keep is None:
        keep = current["keep"] if current else DEFAULT_KEEP
    if not force and current and current["keep"] == keep and current["fingerprint"] == fingerprint(con):
        return {**current, "refreshed": False}
    con.execute("BEGIN")
    try:
        digest = fingerprint(con)  # in the transaction: the scores and the fingerprint see the same data
        computed = compute(con, keep)
        con.register("_sf_scores", computed.to_arrow())
        con.execute("DELETE FROM fit_scores")
        con.execute(f"INSERT INTO fit_scores ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)} FROM _sf_scores")
        con.execute("DELETE FROM fit_scores_state")
        from pipeline import __version__

        con.execute("INSERT INTO fit_scores_state VALUES ($fp, $keep, $at, $roles, $cands, $rows, $s, $version)",
                    {"fp": digest, "keep": keep or 0, "at": datetime.now(timezone.utc), "roles": len(computed.roles),
                     "cands": len(computed.candidates), "rows": len(computed), "s": round(computed.seconds, 3),
                     "version": __version__})
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_sf_scores")
    return {**(state(con) or {}), "refreshed": True}


RANKED = ("rank", "candidate_id", "score", "required_met", "required_total", "hard_score", "soft_score")


def ranked(con: duckdb.DuckDBPyConnection, role_id: str, top: int | None = None,
           min_score: float = 0.0) -> list[tuple] | None:
    """One role's candidates from fit_scores, best first, as (rank, candidate_id, score, required_met,
    required_total, hard_score, soft_score) rows (the columns and order of fit_for_role) with score >=
    min_score, at most `top`. None when the table cannot answer: stale, never computed, or holding fewer
    candidates per role than asked for; then use fit_for_role."""
    current = state(con)
    if current is None or current["fingerprint"] != fingerprint(con):
        return None
    keep = current["keep"]
    if keep and current["candidates"] > keep and (top is None or top > keep):
        # Only the best `keep` are stored: enough when the last of them is below min_score already.
        last = con.execute("SELECT score FROM fit_scores WHERE role_id = ? AND rank = ?", [role_id, keep]).fetchall()
        if last and last[0][0] is not None and last[0][0] >= min_score:  # (all NULL: no role rows pass anyway)
            return None
    return con.execute(f"SELECT {', '.join(RANKED)} FROM fit_scores WHERE role_id = $role AND score >= $min"
                       " ORDER BY rank LIMIT $top", {"role": role_id, "min": min_score, "top": top or 2**62}).fetchall()
