-- skillfit store, schema version 7 (see MIGRATIONS in loader.py for what changed). Applied idempotently on every writable connect.
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER NOT NULL,
    applied_at TIMESTAMP DEFAULT current_timestamp
);
COMMENT ON TABLE schema_version IS 'Schema versions applied to this file; skillfit migrates older files forward.';

CREATE TABLE IF NOT EXISTS runs (
    run_id           VARCHAR PRIMARY KEY,
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP,
    command          VARCHAR,
    skillfit_version VARCHAR NOT NULL,
    taxonomy_version VARCHAR NOT NULL,
    taxonomy_hash    VARCHAR NOT NULL,
    files_ok         INTEGER DEFAULT 0,
    files_skipped    INTEGER DEFAULT 0,
    files_failed     INTEGER DEFAULT 0,
    mentions         INTEGER DEFAULT 0,
    errors           JSON
);
COMMENT ON TABLE runs IS 'One row per load/screen run: when, which skillfit and taxonomy version, counts and per-file errors.';

CREATE TABLE IF NOT EXISTS documents (
    doc_id           VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL,
    language         VARCHAR,
    source           VARCHAR,
    title            VARCHAR,
    kind_confidence  DOUBLE,
    chars            INTEGER,
    taxonomy_hash    VARCHAR,
    skillfit_version VARCHAR,
    run_id           VARCHAR,
    loaded_at        TIMESTAMP,
    expires_at       TIMESTAMP,
    extracted_with   VARCHAR,
    signature        BIGINT[]
);
COMMENT ON TABLE documents IS 'CVs (kind=cv, the candidates) and vacancies (kind=vacancy, the roles); doc_id is a hash of the text; a CV''s signature is a MinHash of its words (none kept) that finds the same CV in another file.';
COMMENT ON COLUMN documents.title IS 'A vacancy''s job title: its record''s title field, else the line of its text that names the role ("Functie:", "Job title", a heading, "We are looking for a ..."); NULL when no line names one, and always NULL for CVs, whose first line is usually a name.';

CREATE TABLE IF NOT EXISTS skills (
    skill_id VARCHAR PRIMARY KEY,
    type     VARCHAR NOT NULL,
    category VARCHAR,
    esco_uri VARCHAR,
    broader  VARCHAR,
    label_en VARCHAR,
    label_nl VARCHAR
);
COMMENT ON TABLE skills IS 'Taxonomy concepts (hard or soft) with preferred English and Dutch labels, ESCO URI and broader concept.';

CREATE TABLE IF NOT EXISTS skill_labels (
    skill_id VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    label    VARCHAR NOT NULL,
    preferred BOOLEAN NOT NULL
);
COMMENT ON TABLE skill_labels IS 'Every label of every concept, per language (en, nl).';

CREATE TABLE IF NOT EXISTS mentions (
    doc_id       VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    skill_id     VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    method       VARCHAR NOT NULL,
    confidence   DOUBLE NOT NULL,
    section      VARCHAR,
    requirement  VARCHAR,
    years        DOUBLE,
    level        VARCHAR,
    evidence     VARCHAR,
    alt_group    VARCHAR,
    PRIMARY KEY (doc_id, seq)
);
COMMENT ON TABLE mentions IS 'Each occurrence of a skill in a document: offsets, match method, confidence, section, required/preferred, years, level, and the sentence that shows it.';

CREATE TABLE IF NOT EXISTS fit_scores (
    role_id        VARCHAR NOT NULL,
    candidate_id   VARCHAR NOT NULL,
    rank           BIGINT NOT NULL,
    score          DOUBLE,
    hard_score     DOUBLE,
    soft_score     DOUBLE,
    required_met   BIGINT NOT NULL,
    required_total BIGINT NOT NULL
);
COMMENT ON TABLE fit_scores IS 'The fit view''s scores, stored per role with their rank: every candidate, or the best fit_scores_state.keep per role. Refreshed by skillfit load/screen/scores; valid only while fit_scores_status.fresh.';

CREATE TABLE IF NOT EXISTS fit_scores_state (
    fingerprint      VARCHAR NOT NULL,
    keep             INTEGER NOT NULL,
    computed_at      TIMESTAMP NOT NULL,
    roles            INTEGER,
    candidates       INTEGER,
    rows             BIGINT,
    seconds          DOUBLE,
    skillfit_version VARCHAR
);
COMMENT ON TABLE fit_scores_state IS 'What fit_scores were computed from (fit_fingerprint() then), how many candidates per role they keep (0 = all) and when.';

CREATE TABLE IF NOT EXISTS fit_weights (
    name        VARCHAR PRIMARY KEY,
    value       DOUBLE NOT NULL,
    description VARCHAR
);
COMMENT ON TABLE fit_weights IS 'Weights of the fit score; change them with UPDATE and every fit view follows.';
INSERT INTO fit_weights VALUES
    ('required', 1.0, 'weight of a required skill'),
    ('preferred', 0.4, 'weight of a preferred (nice-to-have) skill'),
    ('hard', 1.0, 'multiplier for hard skills'),
    ('soft', 0.6, 'multiplier for soft skills'),
    ('exact', 1.0, 'credit when the candidate has the very skill'),
    ('narrower', 0.75, 'credit when the candidate has a more specific skill (Python for programming)'),
    ('narrower_certificate', 1.0, 'credit when the candidate holds a more specific certificate or licence than the one asked (VOL-VCA or VCA basis for VCA, CE for C): it is that certificate'),
    ('broader', 0.4, 'credit when the candidate has the broader skill (programming for Python)'),
    ('sibling', 0.0, 'credit for a related skill under the same broader concept (Java for Python); 0 = off, as languages and tools under one parent rarely stand in for each other'),
    ('equivalent', 0.75, 'credit for a related skill under the same broader concept where the vacancy says "or equivalent" (AFAS for "Exact Online or equivalent"); 0 = off'),
    ('common', 0.15, 'specificity: weight multiplier of a requirement that CVs of nearly every occupation meet (skill_commonness.share at or above common_share: a market language, driving licence B, Office, communication skills); rises linearly to 1 for a skill no CV of another occupation holds; 1 = off'),
    ('other_language', 0.5, 'specificity of a language a vacancy asks that it is not written in (French or English in a Dutch ad): those who answer an ad speak its language, which is as common as common says, but not always another one; 1 = as a core skill'),
    ('common_share', 0.5, 'specificity: the share of occupations'' CVs holding a skill (skill_commonness.share) at which it counts as fully common'),
    ('written_in', 1.0, 'credit for a language from a CV written in it, fluently and at length (evidence "written in"; the level it states is fluent), when the CV does not name the language itself; 0 = off'),
    ('written_in_min_chars', 1200, 'how long (characters) a CV must be for the language it is written in to count (written_in)'),
    ('level', 0.5, 'how much a level below the one asked lowers the credit: 1 - level x (1 - level held / level asked), when the vacancy and the CV both state one, for hard skills and languages (level_rank: basic/A1 1 … fluent/C1 5, native/C2 6; "Nederlands: basis" for "vloeiend Nederlands" earns 0.6); 0 = off'),
    ('occupation', 2.0, 'multiplier for the job a vacancy is for (its title''s ISCO-08 unit group: required when the ad asks for experience as one, else preferred), met by a CV naming a job of the same group as a job title or headline; 0 = off'),
    ('title', 2.0, 'weight of each word of a vacancy''s job title, times how specific the word is (1 for a word no ESCO occupation label holds, 0.05 for "manager"): met by a CV whose job titles or headline hold the word ("Aviation Mechanic" meets "mechanic" of "Aircraft Mechanic"); 0 = off'),
    ('open', 0.5, 'multiplier for a requirement on no list (category open, a skill phrase the taxonomy does not know): the extractor is less sure of it, and a CV meets it only in the same words; 1 = as a taxonomy skill')
ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS skill_commonness (
    skill_id    VARCHAR PRIMARY KEY,
    share       DOUBLE NOT NULL,
    occupations INTEGER,
    basis       VARCHAR
);
COMMENT ON TABLE skill_commonness IS 'How common each skill is in CVs of any occupation (0-1, mean over occupations of the share of their CVs holding it; bench/commonness.py), which lowers the weight of requirements that say little about fit (fit_weights.common); basis: measured, or prior for what CVs in Belgium and the Netherlands rarely state (market languages, driving licence B). Filled from the shipped figures; UPDATE it to tune, and skillfit keeps your values.';
