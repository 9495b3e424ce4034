-- Analyst views and macros. CREATE OR REPLACE: re-applied on every writable connect, after migrations.
-- Comments on columns that migrations add live here, since schema.sql runs before the migrations.
COMMENT ON COLUMN documents.kind_confidence IS 'How sure the kind is: 1.0 when given (--kind, a folder named cvs/ or vacancies/, a record''s kind), else the classifier''s probability; below 0.8 skillfit warned that it was unsure.';
COMMENT ON COLUMN documents.extracted_with IS 'A hash of the settings the document was extracted with (skillfit version, taxonomy, stages and their options: --no-open, fuzzy matching, plugins, the PDF engine, OCR); a load with other settings replaces its rows. NULL for documents loaded before skillfit 0.8.0.';
COMMENT ON COLUMN documents.signature IS 'A CV''s MinHash of its set of words (no words kept): finds the same CV in another file (a DOCX and its PDF), which is then not stored twice. NULL for vacancies, short CVs and CVs loaded before skillfit 0.10.0.';
COMMENT ON COLUMN documents.expires_at IS 'When a CV''s data is due for removal by `skillfit purge` (retention); NULL means no expiry.';

-- Every fit score is rounded here, in plain IEEE arithmetic (floor, half up), never with round(x, 1): DuckDB 1.x
-- and 2.x round x.x5 differently, and store/scores.py must compute the same bits in numpy on any version.
-- + 1e-10 before rounding: a sum of weights such as 0.4 and 0.6 is off in its last bit depending on the order
-- DuckDB adds them in (which varies with threads); the nudge makes an exact x.x5 round up whatever that order.
CREATE OR REPLACE MACRO fit_score(points, total) AS floor((100.0 * points / nullif(total, 0) + 1e-10) * 10 + 0.5) / 10;
COMMENT ON MACRO fit_score IS 'A fit score 0-100 with one decimal (half up) from points met and the role''s total weight; NULL when the total is 0.';

-- Proficiency levels (mentions.level) in order, words and CEFR codes on one scale: basic 1 … native 6.
CREATE OR REPLACE MACRO level_rank(level) AS CAST(CASE lower(level)  -- a DOUBLE: JSON exports write a number
    WHEN 'basic' THEN 1.0 WHEN 'a1' THEN 1.0 WHEN 'a2' THEN 1.5 WHEN 'intermediate' THEN 2.0 WHEN 'b1' THEN 2.0
    WHEN 'good' THEN 3.0 WHEN 'b2' THEN 3.0 WHEN 'advanced' THEN 4.0 WHEN 'fluent' THEN 5.0 WHEN 'c1' THEN 5.0
    WHEN 'native' THEN 6.0 WHEN 'c2' THEN 6.0 END AS DOUBLE);
COMMENT ON MACRO level_rank IS 'A proficiency level (mentions.level) as a number: basic/A1 1, A2 1.5, intermediate/B1 2, good/B2 3, advanced 4, fluent/C1 5, native/C2 6; NULL for none.';
-- A language's level is how it is spoken; in any other skill the words of fluency ("uitstekende kennis van Excel",
-- "excellent communication") say no more than advanced, the top of its scale: an expert Excel user meets them.
CREATE OR REPLACE MACRO skill_level_rank(skill_id, level) AS
    CASE WHEN level_rank(level) > 4.0 AND NOT starts_with(skill_id, 'lang.') THEN 4.0 ELSE level_rank(level) END;
COMMENT ON MACRO skill_level_rank IS 'level_rank for a skill: a language''s as it is; any other skill''s at most 4 (advanced), since fluent and native say how a language is spoken; NULL for none.';

CREATE OR REPLACE VIEW candidate_skills AS
SELECT m.doc_id AS candidate_id, m.skill_id, s.type, s.category, s.label_en, s.label_nl, s.esco_uri,
       count(*) AS mentions, max(m.years) AS years,
       first(m.level ORDER BY skill_level_rank(m.skill_id, m.level) DESC NULLS LAST, m.start_offset) AS level,
       max(skill_level_rank(m.skill_id, m.level)) AS level_rank, max(m.confidence) AS confidence,
       -- the sentence that states the years shown, else the surest; ties broken by place in the CV, so that
       -- every query cites the same sentence
       first(m.evidence ORDER BY m.years DESC NULLS LAST, m.confidence DESC, m.start_offset) AS evidence
FROM mentions m JOIN documents d USING (doc_id) JOIN skills s USING (skill_id)
WHERE d.kind = 'cv'
GROUP BY ALL;
COMMENT ON VIEW candidate_skills IS 'One row per candidate (CV) and skill: mention count, years stated, the highest level stated (level, and level_rank: see level_rank()), best evidence sentence (the one stating the years shown, else the surest, else the first); the jobs a CV names are rows of category occupation ("job: Cooks", years from the dates on the title line), the words of its job titles rows of category title ("job title: mechanic").';

-- The languages the language detector reports, as taxonomy concepts.
CREATE OR REPLACE VIEW language_skills AS
SELECT * FROM (VALUES
    ('en', 'lang.english'), ('nl', 'lang.dutch'), ('fr', 'lang.french'), ('de', 'lang.german'), ('es', 'lang.spanish'),
    ('it', 'lang.italian'), ('pt', 'lang.portuguese'), ('pl', 'lang.polish'), ('ro', 'lang.romanian'),
    ('tr', 'lang.turkish'), ('ar', 'lang.arabic'), ('ru', 'lang.russian'), ('uk', 'lang.ukrainian'),
    ('bg', 'lang.bulgarian'), ('cs', 'lang.czech'), ('sk', 'lang.slovak'), ('hu', 'lang.hungarian'),
    ('el', 'lang.greek'), ('hr', 'lang.croatian'), ('sr', 'lang.serbian'), ('da', 'lang.danish'),
    ('sv', 'lang.swedish'), ('no', 'lang.norwegian'), ('fi', 'lang.finnish'), ('lt', 'lang.lithuanian'),
    ('zh', 'lang.chinese'), ('ja', 'lang.japanese'), ('ko', 'lang.korean'), ('hi', 'lang.hindi'),
    ('vi', 'lang.vietnamese'), ('fa', 'lang.persian')) t(language, skill_id);
COMMENT ON VIEW language_skills IS 'The languages the language detector reports (ISO 639-1 code) as taxonomy concepts.';

-- A CV written in a language, fluently and at length, counts as evidence of it (fit_weights.written_in).
CREATE OR REPLACE VIEW written_languages AS
WITH w AS (SELECT map_from_entries(list((name, value))) AS m FROM fit_weights)
SELECT d.doc_id AS candidate_id, l.skill_id, d.language, d.chars, s.label_en, w.m['written_in'] AS strength,
       'CV written in ' || s.label_en || ', ' || format('{:,}', d.chars) || ' characters: counts as fluent' AS evidence,
       s.label_nl
FROM documents d JOIN language_skills l ON l.language = d.language JOIN skills s ON s.skill_id = l.skill_id, w
WHERE d.kind = 'cv' AND w.m['written_in'] > 0 AND d.chars >= coalesce(w.m['written_in_min_chars'], 0);
COMMENT ON VIEW written_languages IS 'The language each CV is written in, fluently and at length (documents.language, at least fit_weights.written_in_min_chars characters), as evidence of that language with credit fit_weights.written_in (0 = off). It cannot tell a CV someone else translated: the evidence says "written in".';

-- What a candidate holds, as fit scores count it: each skill the CV names (strength 1, with the most years it
-- states), and the language it is written in (strength fit_weights.written_in) where it does not name it.
CREATE OR REPLACE VIEW candidate_held AS
SELECT candidate_id, skill_id, max(years) AS years, max(strength) AS strength, max(level_rank) AS level_rank
FROM (SELECT m.doc_id AS candidate_id, m.skill_id, m.years, 1.0 AS strength, skill_level_rank(m.skill_id, m.level) AS level_rank
      FROM mentions m JOIN documents d USING (doc_id) WHERE d.kind = 'cv'
      UNION ALL
      SELECT candidate_id, skill_id, NULL, strength, NULL FROM written_languages)
GROUP BY ALL;
COMMENT ON VIEW candidate_held IS 'Per candidate and skill, what fit scores count: the most years stated, the strength of the evidence (1 for a skill the CV names, fit_weights.written_in for the language it is written in) and the highest level stated (level_rank; none for a language only written in).';

CREATE OR REPLACE VIEW role_requirements AS
SELECT m.doc_id AS role_id, coalesce(m.alt_group, m.skill_id) AS req_id, m.alt_group, m.skill_id, s.type, s.category,
       s.label_en, s.label_nl,
       CASE WHEN bool_or(m.requirement = 'required') THEN 'required' ELSE 'preferred' END AS requirement,
       max(m.years) AS years, arg_max(m.level, skill_level_rank(m.skill_id, m.level)) AS level,
       max(skill_level_rank(m.skill_id, m.level)) AS level_rank,
       min(m.start_offset) AS position, arg_min(m.evidence, m.start_offset) AS asked_in, max(m.confidence) AS confidence
FROM mentions m JOIN documents d USING (doc_id) JOIN skills s USING (skill_id)
WHERE d.kind = 'vacancy' AND m.requirement IS NOT NULL
GROUP BY ALL;
COMMENT ON VIEW role_requirements IS 'One row per role (vacancy), requirement and skill: a skill asked on its own is a requirement (req_id = skill_id); alternatives ("PostgreSQL, SQL Server or MySQL") share one (req_id = alt_group: g1, g2, ...; "+equivalent" when equivalents count too). Required or preferred, years asked, where in the vacancy and the sentence that asks for it (asked_in); confidence: the best of the mentions that ask for it (for a job-title word, category title, how specific the word is).';

CREATE OR REPLACE VIEW skill_relations AS
WITH w AS (SELECT map_from_entries(list((name, value))) AS m FROM fit_weights),
rel AS (
    SELECT s.skill_id AS required_skill, s.skill_id AS candidate_skill, 'exact' AS relation, w.m['exact'] AS credit FROM skills s, w
    UNION ALL
    -- a more specific certificate is that certificate: VOL-VCA is a VCA, a CE licence holds C
    SELECT c.broader, c.skill_id, 'narrower', CASE WHEN c.category = 'certificates'
               THEN coalesce(w.m['narrower_certificate'], w.m['narrower']) ELSE w.m['narrower'] END
    FROM skills c, w WHERE c.broader IS NOT NULL
    UNION ALL
    -- ... two steps down too: a CE licence is issued only to a C holder, a C licence only to a B holder
    SELECT p.broader, c.skill_id, 'narrower', coalesce(w.m['narrower_certificate'], w.m['narrower'])
    FROM skills c JOIN skills p ON c.broader = p.skill_id, w
    WHERE c.category = 'certificates' AND p.category = 'certificates' AND p.broader IS NOT NULL
    UNION ALL
    -- a broader skill is evidence of a narrower one only as far as it is specific: "sales" on any CV says little
    -- about B2B sales (the specificity of role_weights, of the candidate's skill)
    SELECT c.skill_id, c.broader, 'broader', w.m['broader'] * (1 - (1 - coalesce(w.m['common'], 1))
               * CASE WHEN w.m['common_share'] > 0 THEN least(1.0, coalesce(k.share, 0) / w.m['common_share']) ELSE 0 END)
    FROM skills c LEFT JOIN skill_commonness k ON k.skill_id = c.broader, w
    WHERE c.broader IS NOT NULL AND NOT starts_with(c.skill_id, 'cert.driving_licence')  -- licence B says nothing of C
    UNION ALL
    SELECT a.skill_id, b.skill_id, 'sibling', w.m['sibling'] FROM skills a JOIN skills b ON a.broader = b.broader AND a.skill_id <> b.skill_id, w
    WHERE w.m['sibling'] > 0
    UNION ALL
    SELECT a.skill_id, b.skill_id, 'equivalent', w.m['equivalent'] FROM skills a JOIN skills b ON a.broader = b.broader AND a.skill_id <> b.skill_id, w
    WHERE w.m['equivalent'] > 0
)
SELECT * FROM rel WHERE credit > 0;
COMMENT ON VIEW skill_relations IS 'Which candidate skill gives how much credit for a required skill: exact, narrower, broader (less for a common broader skill, as specificity lowers weights) or sibling in the taxonomy; equivalent (a sibling) only where the vacancy says "or equivalent".';

CREATE OR REPLACE VIEW role_weights AS
WITH w AS (SELECT map_from_entries(list((name, value))) AS m FROM fit_weights),
spec AS (  -- specificity: 1 for a skill no other occupation's CVs hold, down to fit_weights.common for a common one;
           -- a language is that common only in a vacancy written in it: those who answer a Dutch ad speak Dutch, but
           -- the French it asks sorts them (fit_weights.other_language; trial Q: a Flemish NL/FR agent tied a US CV
           -- with neither language)
    SELECT r.*, CASE WHEN l.language IS DISTINCT FROM d.language AND l.language IS NOT NULL
                     THEN greatest(coalesce(w.m['other_language'], 1), coalesce(w.m['common'], 1))  -- common 1: off
                     ELSE 1 - (1 - coalesce(w.m['common'], 1))
                          * CASE WHEN w.m['common_share'] > 0
                                 THEN least(1.0, coalesce(c.share, 0) / w.m['common_share']) ELSE 0 END END
               AS specificity
    FROM role_requirements r LEFT JOIN skill_commonness c USING (skill_id) LEFT JOIN language_skills l USING (skill_id)
         LEFT JOIN documents d ON d.doc_id = r.role_id, w
),
req AS (  -- a requirement: required if any of its alternatives is, hard if any is, as specific as its most specific
    SELECT role_id, req_id, max(specificity) AS specificity,
           CASE WHEN bool_or(requirement = 'required') THEN 'required' ELSE 'preferred' END AS requirement,
           CASE WHEN bool_or(type = 'hard') THEN 'hard' ELSE 'soft' END AS type,
           string_agg(label_en, ' / ' ORDER BY position, label_en)
               || CASE WHEN bool_or(ends_with(alt_group, '+equivalent')) THEN ' (or equivalent)' ELSE '' END AS requirement_label,
           string_agg(coalesce(label_nl, label_en), ' / ' ORDER BY position, label_en)
               || CASE WHEN bool_or(ends_with(alt_group, '+equivalent')) THEN ' (of gelijkwaardig)' ELSE '' END AS requirement_label_nl,
           count(*) AS members, bool_and(category IS NOT DISTINCT FROM 'open') AS open
    FROM spec GROUP BY role_id, req_id
)
SELECT r.role_id, r.req_id, r.alt_group, r.skill_id, q.type, r.category, r.label_en, r.label_nl, q.requirement, r.years,
       -- the level of a soft skill is not compared: "strong" or "excellent" communication is wording
       r.level, CASE WHEN q.type = 'soft' THEN NULL ELSE r.level_rank END AS level_rank,
       coalesce(w.m['level'], 0) AS level_weight, r.position, r.asked_in, q.requirement_label, q.requirement_label_nl, q.members,
       CASE WHEN q.members > 1 THEN r.label_en || ' (one of ' || q.members || ')' ELSE r.label_en END AS matched_label,
       q.specificity,
       CASE WHEN r.category = 'title' THEN coalesce(w.m['title'], 0) * r.confidence  -- a word of the job title
            ELSE w.m[q.requirement] * w.m[q.type] * q.specificity
                 * CASE WHEN r.category = 'occupation' THEN coalesce(w.m['occupation'], 1)
                        WHEN q.open THEN coalesce(w.m['open'], 1) ELSE 1 END END AS weight,
       CASE WHEN q.members > 1 THEN coalesce(r.label_nl, r.label_en) || ' (één van ' || q.members || ')'
            ELSE coalesce(r.label_nl, r.label_en) END AS matched_label_nl
FROM role_requirements r JOIN req q USING (role_id, req_id), w
WHERE (r.category IS DISTINCT FROM 'occupation' OR coalesce(w.m['occupation'], 1) > 0)
  AND (r.category IS DISTINCT FROM 'title' OR coalesce(w.m['title'], 0) > 0);
COMMENT ON VIEW role_weights IS 'Role requirements with their weight in the score (requirement weight x hard/soft multiplier x specificity, which is lower for skills CVs of nearly every occupation hold: skill_commonness, fit_weights.common; the job the vacancy is for, category occupation, times fit_weights.occupation; a word of its job title, category title, fit_weights.title times the word''s specificity; a requirement on no list, all of its alternatives open skills, times fit_weights.open), one row per skill: the alternatives of a group share its weight, type (hard if any is), requirement (required if any is), requirement_label ("PostgreSQL / SQL Server / MySQL") and number of members; matched_label is how a met alternative is listed ("MySQL (one of 3)"; in Dutch matched_label_nl and requirement_label_nl); level_rank is null for a soft skill (a level asked of communication is wording: not compared).';

-- The credit of one skill a role asks for, from one skill a candidate has: the relation's credit, scaled by
-- min(1, candidate years / years asked) when both are known, and by 1 - level_weight x (1 - min(1, level held /
-- level asked)) when both levels are known (fit_weights.level). fit_credit, fit_evidence and fit_for_role use it,
-- and store/scores.py computes the same.
CREATE OR REPLACE MACRO fit_member_credit(relation_credit, strength, years_asked, years_held, level_asked, level_held,
                                          level_weight) AS
    relation_credit * strength * CASE WHEN years_asked > 0 AND years_held IS NOT NULL THEN least(1.0, years_held / years_asked) ELSE 1.0 END
    * CASE WHEN level_asked > 0 AND level_held IS NOT NULL AND level_weight > 0
           THEN 1.0 - level_weight * (1.0 - least(1.0, level_held / level_asked)) ELSE 1.0 END;
COMMENT ON MACRO fit_member_credit IS 'Credit for one asked skill from one held skill: the relation''s credit (skill_relations) times the strength of the evidence (candidate_held) times min(1, years held / years asked) when both are known, times 1 - fit_weights.level x (1 - min(1, level held / level asked)) when both levels are known (level_rank).';

CREATE OR REPLACE VIEW fit_credit AS
WITH member AS (
    SELECT r.role_id, h.candidate_id, r.req_id, r.skill_id, r.label_en, r.type, r.requirement, r.weight,
           max(fit_member_credit(rel.credit, h.strength, r.years, h.years, r.level_rank, h.level_rank, r.level_weight))
               AS credit
    FROM role_weights r
    JOIN skill_relations rel ON rel.required_skill = r.skill_id
         AND (rel.relation <> 'equivalent' OR ends_with(r.alt_group, '+equivalent'))
    JOIN candidate_held h ON h.skill_id = rel.candidate_skill
    GROUP BY ALL
)
SELECT role_id, candidate_id, req_id, first(skill_id ORDER BY credit DESC, label_en, skill_id) AS skill_id,
       type, requirement, weight, max(credit) AS credit
FROM member GROUP BY role_id, candidate_id, req_id, type, requirement, weight;
COMMENT ON VIEW fit_credit IS 'Per role, candidate and requirement the candidate meets fully or partly: the best credit, and the skill (of a group''s alternatives, the best) that earns it (lean, numbers only; fit_evidence adds the why).';

CREATE OR REPLACE VIEW fit_evidence AS
WITH member AS (
    SELECT r.role_id, c.candidate_id, r.req_id, r.alt_group, r.requirement_label, r.skill_id, r.label_en, r.matched_label,
           r.type, r.requirement, r.weight, r.requirement_label_nl, coalesce(r.label_nl, r.label_en) AS label_nl,
           r.matched_label_nl,
           max(fit_member_credit(rel.credit, c.strength, r.years, c.years, r.level_rank, c.level_rank, r.level_weight))
               AS credit,
           -- of the held skills that earn the most, the first by id: relation, skill and sentence of one row
           first(rel.relation ORDER BY fit_member_credit(rel.credit, c.strength, r.years, c.years, r.level_rank,
                                                         c.level_rank, r.level_weight) DESC, c.skill_id) AS relation,
           first(c.label_en ORDER BY fit_member_credit(rel.credit, c.strength, r.years, c.years, r.level_rank,
                                                       c.level_rank, r.level_weight) DESC, c.skill_id) AS via_skill,
           first(coalesce(c.label_nl, c.label_en) ORDER BY fit_member_credit(rel.credit, c.strength, r.years, c.years,
                 r.level_rank, c.level_rank, r.level_weight) DESC, c.skill_id) AS via_skill_nl,
           first(c.evidence ORDER BY fit_member_credit(rel.credit, c.strength, r.years, c.years, r.level_rank,
                                                       c.level_rank, r.level_weight) DESC, c.skill_id) AS evidence
    FROM role_weights r
    JOIN skill_relations rel ON rel.required_skill = r.skill_id
         AND (rel.relation <> 'equivalent' OR ends_with(r.alt_group, '+equivalent'))
    JOIN (SELECT candidate_id, skill_id, label_en, label_nl, years, level_rank, 1.0 AS strength, evidence FROM candidate_skills
          UNION ALL  -- the language a CV is written in, where it does not name it
          SELECT w.candidate_id, w.skill_id, w.label_en, w.label_nl, NULL, NULL, w.strength, w.evidence FROM written_languages w
          ANTI JOIN candidate_skills c USING (candidate_id, skill_id)) c ON c.skill_id = rel.candidate_skill
    GROUP BY ALL
)
SELECT role_id, candidate_id, req_id, alt_group,
       first(skill_id ORDER BY credit DESC, label_en, skill_id) AS skill_id,
       first(label_en ORDER BY credit DESC, label_en, skill_id) AS label_en,
       CASE WHEN alt_group IS NOT NULL THEN requirement_label END AS alternatives,
       first(matched_label ORDER BY credit DESC, label_en, skill_id) AS matched_label,
       type, requirement, weight, max(credit) AS credit,
       first(relation ORDER BY credit DESC, label_en, skill_id) AS relation,
       first(via_skill ORDER BY credit DESC, label_en, skill_id) AS via_skill,
       first(evidence ORDER BY credit DESC, label_en, skill_id) AS evidence,
       -- the same labels in Dutch (English where the taxonomy has no Dutch label): skillfit --labels nl
       first(label_nl ORDER BY credit DESC, label_en, skill_id) AS label_nl,
       CASE WHEN alt_group IS NOT NULL THEN requirement_label_nl END AS alternatives_nl,
       first(matched_label_nl ORDER BY credit DESC, label_en, skill_id) AS matched_label_nl,
       first(via_skill_nl ORDER BY credit DESC, label_en, skill_id) AS via_skill_nl
FROM member
GROUP BY role_id, candidate_id, req_id, alt_group, requirement_label, requirement_label_nl, type, requirement, weight;
COMMENT ON VIEW fit_evidence IS 'Per role, candidate and requirement that the candidate meets fully or partly: credit, the skill asked (of alternatives, the one met best, also as matched_label "MySQL (one of 3)"; all of them in `alternatives`), how (exact/narrower/broader/sibling/equivalent), through which skill of the CV, and the CV sentence; label_nl, matched_label_nl, alternatives_nl and via_skill_nl are the same in Dutch (English where the taxonomy has no Dutch label).';

CREATE OR REPLACE VIEW fit AS
WITH totals AS (
    SELECT role_id, sum(weight) AS total, count(*) FILTER (requirement = 'required') AS n_required
    FROM (SELECT DISTINCT role_id, req_id, requirement, weight FROM role_weights) GROUP BY role_id
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
COMMENT ON VIEW fit IS 'Every candidate x role: score 0-100 (weighted share of the role''s requirements the candidate meets; a group of alternatives counts once, met by its best member), required requirements met, and the hard and soft parts of the score (hard_score + soft_score = score, within 0.1: each part is rounded on its own).';

-- A document named by its id or by the start of it, as the CLI prints ids (8 characters or more): the id when one
-- document of that kind starts with it, an error when several do, else the reference as given (which then
-- matches nothing). fit_for_role and skill_gap take their ids through it.
CREATE OR REPLACE MACRO document_id_of(reference, doc_kind) AS (
    SELECT CASE WHEN bool_or(doc_id = reference) THEN reference
                WHEN count(*) = 1 THEN min(doc_id)
                WHEN count(*) > 1 THEN error(doc_kind || ' ' || reference || ' names ' || count(*)
                                             || ' documents: give more of its id')
                ELSE error('no ' || doc_kind || ' ' || reference || ' in this database (skillfit roles lists the'
                           || ' roles; tables show the candidates'' ids)') END
    FROM documents WHERE kind = doc_kind
         AND (doc_id = reference OR (length(reference) >= 8 AND starts_with(doc_id, reference))));
COMMENT ON MACRO document_id_of IS 'The id of the one document of a kind (cv, vacancy) that a reference is, or whose id starts with a reference of 8 characters or more (as skillfit prints ids); an error when several do or none does (fit_for_role and skill_gap with an unknown id fail rather than return nothing).';

-- The fit view's numbers for one role, computed from the mentions of the skills that count for it only
-- (a role asks for a dozen skills of hundreds), so ranking a role does not aggregate every CV's mentions.
-- tests/test_fit_scale.py checks it against the fit view for every role and candidate.
CREATE OR REPLACE MACRO fit_for_role(role) AS TABLE
WITH req AS (
    SELECT *, dense_rank() OVER (ORDER BY label_en, matched_label) AS label_no FROM role_weights
    WHERE role_id = document_id_of(role, 'vacancy')
), labels AS (
    -- the role's labels by label_no, then the same with '~' (partial credit): matched lists are built as
    -- numbers into this list, much cheaper to aggregate than strings
    SELECT max(label_no) AS n, list(label ORDER BY partial, label_no) AS labels
    FROM (SELECT DISTINCT false AS partial, label_no, matched_label AS label FROM req
          UNION ALL SELECT DISTINCT true, label_no, '~' || matched_label FROM req)
), totals AS (
    SELECT role_id, sum(weight) AS total, count(*) FILTER (requirement = 'required') AS n_required
    FROM (SELECT DISTINCT role_id, req_id, requirement, weight FROM req) GROUP BY role_id
), rel AS (
    SELECT r.req_id, r.skill_id, r.label_no, r.type, r.requirement, r.weight, r.years AS years_asked,
           r.level_rank AS level_asked, r.level_weight, s.candidate_skill, s.credit
    FROM req r JOIN skill_relations s ON s.required_skill = r.skill_id
         AND (s.relation <> 'equivalent' OR ends_with(r.alt_group, '+equivalent'))
), held AS (  -- candidate_held, for the skills that count for this role only
    SELECT candidate_id, skill_id, max(years) AS years, max(strength) AS strength, max(level_rank) AS level_rank
    FROM (SELECT m.doc_id AS candidate_id, m.skill_id, m.years, 1.0 AS strength, skill_level_rank(m.skill_id, m.level) AS level_rank
          FROM mentions m JOIN documents d USING (doc_id)
          WHERE d.kind = 'cv' AND m.skill_id IN (SELECT candidate_skill FROM rel)
          UNION ALL
          SELECT candidate_id, skill_id, NULL, strength, NULL FROM written_languages
          WHERE skill_id IN (SELECT candidate_skill FROM rel))
    GROUP BY ALL
), member AS (  -- as fit_credit's
    SELECT h.candidate_id, r.req_id, r.skill_id, r.label_no, r.type, r.requirement, r.weight,
           max(fit_member_credit(r.credit, h.strength, r.years_asked, h.years, r.level_asked, h.level_rank,
                                 r.level_weight)) AS credit
    FROM rel r JOIN held h ON h.skill_id = r.candidate_skill
    GROUP BY ALL
), credit AS (  -- as fit_credit: a requirement's credit is its best member's
    SELECT candidate_id, req_id, type, requirement, weight, max(credit) AS credit,
           first(label_no ORDER BY credit DESC, label_no, skill_id) AS label_no
    FROM member GROUP BY candidate_id, req_id, type, requirement, weight
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
COMMENT ON MACRO TABLE fit_for_role IS 'Candidates ranked for one role, with the requirements they match (of alternatives, the one they meet best; ~ marks partial credit through the taxonomy or fewer years than asked): FROM fit_for_role(''<role_id>'').';

CREATE OR REPLACE MACRO fit_fingerprint() AS (
    SELECT md5(concat_ws('|',
        -- each row's hash is of one string: hash(a, b) combines linearly in its last value, so a bit_xor over
        -- hash(skill_id, share) did not change when two rows' shares changed alike (a user's UPDATE of two languages)
        (SELECT count(*) || ':' || coalesce(bit_xor(hash(concat_ws('|', doc_id, kind, run_id, loaded_at))), 0) FROM documents),
        (SELECT count(*) FROM mentions),
        (SELECT count(*) || ':' || coalesce(bit_xor(hash(concat_ws('|', skill_id, type, broader))), 0) FROM skills),
        (SELECT coalesce(string_agg(name || '=' || value::VARCHAR, ',' ORDER BY name), '') FROM fit_weights),
        (SELECT count(*) || ':' || coalesce(bit_xor(hash(concat_ws('|', skill_id, share))), 0) FROM skill_commonness)))
);
COMMENT ON MACRO fit_fingerprint IS 'A digest of what fit scores depend on: documents (and the run that loaded each), the number of mentions, the taxonomy, fit_weights, skill_commonness.';

CREATE OR REPLACE VIEW fit_scores_status AS
SELECT s.*, s.fingerprint = fit_fingerprint() AS fresh FROM fit_scores_state s;
COMMENT ON VIEW fit_scores_status IS 'When fit_scores were computed, how many candidates per role they keep (0 = all), and whether they are still fresh (the data has not changed since).';

CREATE OR REPLACE MACRO skill_gap(candidate, role) AS TABLE
WITH req AS (
    SELECT role_id, req_id, alt_group, requirement_label, requirement_label_nl, type, requirement, weight,
           max(years) AS years_asked, arg_max(level, level_rank) AS level_asked,
           first(skill_id ORDER BY position, skill_id) AS first_skill,
           first(asked_in ORDER BY position, skill_id) AS asked_in
    FROM role_weights WHERE role_id = document_id_of(role, 'vacancy') GROUP BY ALL
)
SELECT coalesce(e.skill_id, r.first_skill) AS skill_id, r.requirement_label AS label_en, r.requirement_label_nl AS label_nl,
       r.type, r.requirement, r.years_asked, r.level_asked, r.weight,
       coalesce(e.credit, 0) AS credit,
       CASE WHEN e.credit >= 1.0 THEN 'met' WHEN e.credit > 0 THEN 'partial' ELSE 'missing' END AS status,
       e.relation, e.via_skill, e.evidence, r.req_id, r.alt_group,
       CASE WHEN r.alt_group IS NOT NULL THEN e.label_en END AS met_by, r.asked_in,
       CASE WHEN r.alt_group IS NOT NULL THEN e.label_nl END AS met_by_nl, e.via_skill_nl
FROM req r
LEFT JOIN fit_evidence e ON e.role_id = r.role_id AND e.req_id = r.req_id
     -- starts_with, implied by the id, reaches the view's scans (the resolved id, a subquery, does not): one CV's
     -- evidence is computed, not every CV's (0.5 s for 2,000 CVs)
     AND e.candidate_id = document_id_of(candidate, 'cv') AND starts_with(e.candidate_id, candidate)
ORDER BY (CASE WHEN e.credit >= 1.0 THEN 2 WHEN e.credit > 0 THEN 1 ELSE 0 END), r.weight DESC, r.requirement_label;
COMMENT ON MACRO TABLE skill_gap IS 'What one candidate meets, partly meets and misses of one role, one row per requirement (alternatives in one row, with the one met in met_by), with the CV sentence that shows it (evidence) and the vacancy sentence that asks for it (asked_in); label_nl, met_by_nl and via_skill_nl in Dutch: FROM skill_gap(''<candidate_id>'', ''<role_id>'').';

CREATE OR REPLACE VIEW skills_gap_by_role AS
WITH pool AS (SELECT count(*) AS candidates FROM documents WHERE kind = 'cv'),
req AS (
    SELECT DISTINCT role_id, req_id, alt_group, requirement_label, requirement_label_nl, type, requirement FROM role_weights
    WHERE requirement = 'required'
),
have AS (
    SELECT role_id, req_id, count(DISTINCT candidate_id) FILTER (credit >= 1.0) AS candidates_with,
           count(DISTINCT candidate_id) FILTER (credit > 0 AND credit < 1.0) AS candidates_partial
    FROM fit_credit GROUP BY ALL
)
SELECT r.role_id, CASE WHEN r.alt_group IS NULL THEN r.req_id END AS skill_id, r.requirement_label AS label_en, r.type,
       r.requirement, pool.candidates - coalesce(h.candidates_with, 0) AS candidates_lacking,
       round(100.0 * (pool.candidates - coalesce(h.candidates_with, 0)) / nullif(pool.candidates, 0), 1) AS pct_lacking,
       r.req_id, coalesce(h.candidates_partial, 0) AS candidates_partial, r.requirement_label_nl AS label_nl
FROM req r CROSS JOIN pool
LEFT JOIN have h ON h.role_id = r.role_id AND h.req_id = r.req_id
ORDER BY r.role_id, pct_lacking DESC, r.requirement_label;
COMMENT ON VIEW skills_gap_by_role IS 'Per role, each required requirement (a skill, or a group of alternatives) and how much of the candidate pool lacks it in full (the organisation-level skills gap; candidates_partial of them meet it in part: a related skill, fewer years or a lower level); label_nl is the requirement in Dutch.';

-- The two kinds of document as an analyst names them: one row per role and per candidate, to join by id
CREATE OR REPLACE VIEW roles AS
SELECT d.doc_id AS role_id, coalesce(d.title, d.source, d.doc_id) AS title, d.language, d.source,
       count(DISTINCT r.req_id) FILTER (WHERE r.requirement = 'required') AS required,
       count(DISTINCT r.req_id) FILTER (WHERE r.requirement = 'preferred') AS preferred, d.loaded_at
FROM documents d LEFT JOIN role_requirements r ON r.role_id = d.doc_id
WHERE d.kind = 'vacancy'
GROUP BY ALL;
COMMENT ON VIEW roles IS 'One row per role (vacancy): its id, title (the file where no line names a role), language, file, how many requirements it asks (required and preferred; alternatives count once) and when it was loaded.';

CREATE OR REPLACE VIEW candidates AS
SELECT doc_id AS candidate_id, language, chars, loaded_at, expires_at FROM documents WHERE kind = 'cv';
COMMENT ON VIEW candidates IS 'One row per candidate (CV): id, language, length, when loaded and when it is due for erasure (skillfit purge). No name or file: those stay in the sources file beside the database, for the user''s own eyes (--show-sources).';
