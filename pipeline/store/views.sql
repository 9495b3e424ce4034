-- Analyst views and macros. CREATE OR REPLACE: re-applied on every writable connect, after migrations.
-- Comments on columns that migrations add live here, since schema.sql runs before the migrations.
COMMENT ON COLUMN documents.expires_at IS 'When a CV''s data is due for removal by `skillfit purge` (retention); NULL means no expiry.';

-- Every fit score is rounded here, in plain IEEE arithmetic (floor, half up), never with round(x, 1): DuckDB 1.x
-- and 2.x round x.x5 differently, and store/scores.py must compute the same bits in numpy on any version.
-- + 1e-10 before rounding: a sum of weights such as 0.4 and 0.6 is off in its last bit depending on the order
-- DuckDB adds them in (which varies with threads); the nudge makes an exact x.x5 round up whatever that order.
CREATE OR REPLACE MACRO fit_score(points, total) AS floor((100.0 * points / nullif(total, 0) + 1e-10) * 10 + 0.5) / 10;
COMMENT ON MACRO fit_score IS 'A fit score 0-100 with one decimal (half up) from points met and the role''s total weight; NULL when the total is 0.';

CREATE OR REPLACE VIEW candidate_skills AS
SELECT m.doc_id AS candidate_id, m.skill_id, s.type, s.category, s.label_en, s.label_nl, s.esco_uri,
       count(*) AS mentions, max(m.years) AS years, max(m.confidence) AS confidence,
       arg_max(m.evidence, m.confidence) AS evidence
FROM mentions m JOIN documents d USING (doc_id) JOIN skills s USING (skill_id)
WHERE d.kind = 'cv'
GROUP BY ALL;
COMMENT ON VIEW candidate_skills IS 'One row per candidate (CV) and skill: mention count, years stated, best evidence sentence.';

CREATE OR REPLACE VIEW role_requirements AS
SELECT m.doc_id AS role_id, m.skill_id, s.type, s.category, s.label_en, s.label_nl,
       CASE WHEN bool_or(m.requirement = 'required') THEN 'required' ELSE 'preferred' END AS requirement,
       max(m.years) AS years
FROM mentions m JOIN documents d USING (doc_id) JOIN skills s USING (skill_id)
WHERE d.kind = 'vacancy' AND m.requirement IS NOT NULL
GROUP BY ALL;
COMMENT ON VIEW role_requirements IS 'One row per role (vacancy) and skill it asks for: required or preferred, years asked.';

CREATE OR REPLACE VIEW skill_relations AS
WITH w AS (SELECT map_from_entries(list((name, value))) AS m FROM fit_weights),
rel AS (
    SELECT s.skill_id AS required_skill, s.skill_id AS candidate_skill, 'exact' AS relation, w.m['exact'] AS credit FROM skills s, w
    UNION ALL
    SELECT c.broader, c.skill_id, 'narrower', w.m['narrower'] FROM skills c, w WHERE c.broader IS NOT NULL
    UNION ALL
    SELECT c.skill_id, c.broader, 'broader', w.m['broader'] FROM skills c, w WHERE c.broader IS NOT NULL
    UNION ALL
    SELECT a.skill_id, b.skill_id, 'sibling', w.m['sibling'] FROM skills a JOIN skills b ON a.broader = b.broader AND a.skill_id <> b.skill_id, w
    WHERE w.m['sibling'] > 0
)
SELECT * FROM rel WHERE credit > 0;
COMMENT ON VIEW skill_relations IS 'Which candidate skill gives how much credit for a required skill: exact, narrower, broader or sibling in the taxonomy.';

CREATE OR REPLACE VIEW role_weights AS
WITH w AS (SELECT map_from_entries(list((name, value))) AS m FROM fit_weights)
SELECT r.*, w.m[r.requirement] * w.m[r.type] AS weight FROM role_requirements r, w;
COMMENT ON VIEW role_weights IS 'Role requirements with their weight in the score (requirement weight x hard/soft multiplier).';

CREATE OR REPLACE VIEW fit_credit AS
SELECT r.role_id, c.doc_id AS candidate_id, r.skill_id, r.type, r.requirement, r.weight,
       max(rel.credit * CASE WHEN r.years > 0 AND c.years IS NOT NULL THEN least(1.0, c.years / r.years) ELSE 1.0 END) AS credit
FROM role_weights r
JOIN skill_relations rel ON rel.required_skill = r.skill_id
JOIN (SELECT m.doc_id, m.skill_id, max(m.years) AS years FROM mentions m JOIN documents d USING (doc_id)
      WHERE d.kind = 'cv' GROUP BY ALL) c ON c.skill_id = rel.candidate_skill
GROUP BY ALL;
COMMENT ON VIEW fit_credit IS 'Per role, candidate and required skill the candidate meets fully or partly: the best credit (lean, numbers only; fit_evidence adds the why).';

CREATE OR REPLACE VIEW fit_evidence AS
SELECT r.role_id, c.candidate_id, r.skill_id, r.label_en, r.type, r.requirement, r.weight,
       max(rel.credit * CASE WHEN r.years > 0 AND c.years IS NOT NULL THEN least(1.0, c.years / r.years) ELSE 1.0 END) AS credit,
       arg_max(rel.relation, rel.credit) AS relation,
       arg_max(c.label_en, rel.credit) AS via_skill,
       arg_max(c.evidence, rel.credit) AS evidence
FROM role_weights r
JOIN skill_relations rel ON rel.required_skill = r.skill_id
JOIN candidate_skills c ON c.skill_id = rel.candidate_skill
GROUP BY ALL;
COMMENT ON VIEW fit_evidence IS 'Per role, candidate and required skill that the candidate meets fully or partly: credit, how (exact/narrower/broader/sibling) and the CV sentence.';

CREATE OR REPLACE VIEW fit AS
WITH totals AS (
    SELECT role_id, sum(weight) AS total, count(*) FILTER (requirement = 'required') AS n_required
    FROM role_weights GROUP BY role_id
), met AS (
    SELECT role_id, candidate_id, sum(weight * credit) AS points,
           sum(weight * credit) FILTER (type = 'hard') AS hard_points,
           sum(weight * credit) FILTER (type = 'soft') AS soft_points,
           count(*) FILTER (requirement = 'required' AND credit >= 1.0) AS required_met
    FROM fit_credit GROUP BY ALL
), pairs AS (
    SELECT r.doc_id AS role_id, c.doc_id AS candidate_id FROM documents r, documents c
    WHERE r.kind = 'vacancy' AND c.kind = 'cv'
)
SELECT p.role_id, p.candidate_id,
       fit_score(coalesce(met.points, 0), t.total) AS score,
       coalesce(met.required_met, 0) AS required_met, coalesce(t.n_required, 0) AS required_total,
       fit_score(coalesce(met.hard_points, 0), t.total) AS hard_score,
       fit_score(coalesce(met.soft_points, 0), t.total) AS soft_score
FROM pairs p
JOIN totals t ON t.role_id = p.role_id
LEFT JOIN met ON met.role_id = p.role_id AND met.candidate_id = p.candidate_id;
COMMENT ON VIEW fit IS 'Every candidate x role: score 0-100 (weighted share of the role''s skills the candidate meets), required skills met, and the hard and soft parts of the score (hard_score + soft_score = score).';

-- The fit view's numbers for one role, computed from the mentions of the skills that count for it only
-- (a role asks for a dozen skills of hundreds), so ranking a role does not aggregate every CV's mentions.
-- tests/test_fit_scale.py checks it against the fit view for every role and candidate.
CREATE OR REPLACE MACRO fit_for_role(role) AS TABLE
WITH req AS (
    SELECT *, dense_rank() OVER (ORDER BY label_en) AS label_no FROM role_weights WHERE role_id = role
), labels AS (
    -- the role's labels by label_no, then the same with '~' (partial credit): matched lists are built as
    -- numbers into this list, much cheaper to aggregate than strings
    SELECT max(label_no) AS n, list(label ORDER BY partial, label_no) AS labels
    FROM (SELECT DISTINCT false AS partial, label_no, label_en AS label FROM req
          UNION ALL SELECT DISTINCT true, label_no, '~' || label_en FROM req)
), totals AS (
    SELECT role_id, sum(weight) AS total, count(*) FILTER (requirement = 'required') AS n_required
    FROM req GROUP BY role_id
), rel AS (
    SELECT r.skill_id, r.label_no, r.type, r.requirement, r.weight, r.years AS years_asked, s.candidate_skill, s.credit
    FROM req r JOIN skill_relations s ON s.required_skill = r.skill_id
), held AS (
    SELECT m.doc_id AS candidate_id, m.skill_id, max(m.years) AS years
    FROM mentions m JOIN documents d USING (doc_id)
    WHERE d.kind = 'cv' AND m.skill_id IN (SELECT candidate_skill FROM rel)
    GROUP BY ALL
), credit AS (  -- as fit_credit
    SELECT h.candidate_id, r.skill_id, r.label_no, r.type, r.requirement, r.weight,
           max(r.credit * CASE WHEN r.years_asked > 0 AND h.years IS NOT NULL THEN least(1.0, h.years / r.years_asked) ELSE 1.0 END) AS credit
    FROM rel r JOIN held h ON h.skill_id = r.candidate_skill
    GROUP BY ALL
), met AS (  -- as the fit view's met, plus what fit_evidence lists
    SELECT candidate_id, sum(weight * credit) AS points,
           sum(weight * credit) FILTER (type = 'hard') AS hard_points,
           sum(weight * credit) FILTER (type = 'soft') AS soft_points,
           count(*) FILTER (requirement = 'required' AND credit >= 1.0) AS required_met,
           list(label_no + CASE WHEN credit < 1 THEN l.n ELSE 0 END ORDER BY weight * credit DESC, label_no) AS matched
    FROM credit CROSS JOIN labels l GROUP BY candidate_id
), scored AS (
    SELECT t.role_id, c.doc_id AS candidate_id,
           fit_score(coalesce(met.points, 0), t.total) AS score,
           coalesce(met.required_met, 0) AS required_met, coalesce(t.n_required, 0) AS required_total,
           fit_score(coalesce(met.hard_points, 0), t.total) AS hard_score,
           fit_score(coalesce(met.soft_points, 0), t.total) AS soft_score,
           coalesce(list_select(l.labels, met.matched), []) AS matched
    FROM documents c CROSS JOIN totals t CROSS JOIN labels l LEFT JOIN met ON met.candidate_id = c.doc_id
    WHERE c.kind = 'cv'
)
SELECT row_number() OVER (ORDER BY score DESC, candidate_id) AS rank, *
FROM scored
ORDER BY score DESC, candidate_id;
COMMENT ON MACRO TABLE fit_for_role IS 'Candidates ranked for one role, with the skills they match (~ marks partial credit through the taxonomy or fewer years than asked): FROM fit_for_role(''<role_id>'').';

CREATE OR REPLACE MACRO fit_fingerprint() AS (
    SELECT md5(concat_ws('|',
        (SELECT count(*) || ':' || coalesce(bit_xor(hash(doc_id, kind, run_id, loaded_at)), 0) FROM documents),
        (SELECT count(*) FROM mentions),
        (SELECT count(*) || ':' || coalesce(bit_xor(hash(skill_id, type, broader)), 0) FROM skills),
        (SELECT coalesce(string_agg(name || '=' || value::VARCHAR, ',' ORDER BY name), '') FROM fit_weights)))
);
COMMENT ON MACRO fit_fingerprint IS 'A digest of what fit scores depend on: documents (and the run that loaded each), the number of mentions, the taxonomy, fit_weights.';

CREATE OR REPLACE VIEW fit_scores_status AS
SELECT s.*, s.fingerprint = fit_fingerprint() AS fresh FROM fit_scores_state s;
COMMENT ON VIEW fit_scores_status IS 'When fit_scores were computed, how many candidates per role they keep (0 = all), and whether they are still fresh (the data has not changed since).';

CREATE OR REPLACE MACRO skill_gap(candidate, role) AS TABLE
SELECT r.skill_id, r.label_en, r.label_nl, r.type, r.requirement, r.years AS years_asked, r.weight,
       coalesce(e.credit, 0) AS credit,
       CASE WHEN e.credit >= 1.0 THEN 'met' WHEN e.credit > 0 THEN 'partial' ELSE 'missing' END AS status,
       e.relation, e.via_skill, e.evidence
FROM role_weights r
LEFT JOIN fit_evidence e ON e.role_id = r.role_id AND e.skill_id = r.skill_id AND e.candidate_id = candidate
WHERE r.role_id = role
ORDER BY (CASE WHEN e.credit >= 1.0 THEN 2 WHEN e.credit > 0 THEN 1 ELSE 0 END), r.weight DESC, r.label_en;
COMMENT ON MACRO TABLE skill_gap IS 'What one candidate meets, partly meets and misses of one role: FROM skill_gap(''<candidate_id>'', ''<role_id>'').';

CREATE OR REPLACE VIEW skills_gap_by_role AS
WITH pool AS (SELECT count(*) AS candidates FROM documents WHERE kind = 'cv'),
have AS (
    SELECT role_id, skill_id, count(DISTINCT candidate_id) AS candidates_with
    FROM fit_credit WHERE credit >= 1.0 GROUP BY ALL
)
SELECT r.role_id, r.skill_id, r.label_en, r.type, r.requirement,
       pool.candidates - coalesce(h.candidates_with, 0) AS candidates_lacking,
       round(100.0 * (pool.candidates - coalesce(h.candidates_with, 0)) / nullif(pool.candidates, 0), 1) AS pct_lacking
FROM role_weights r CROSS JOIN pool
LEFT JOIN have h ON h.role_id = r.role_id AND h.skill_id = r.skill_id
WHERE r.requirement = 'required'
ORDER BY r.role_id, pct_lacking DESC, r.label_en;
COMMENT ON VIEW skills_gap_by_role IS 'Per role, each required skill and how much of the candidate pool lacks it (the organisation-level skills gap).';
