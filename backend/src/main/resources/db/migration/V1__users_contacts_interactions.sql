-- Guanxi CRM foundation schema: users and roles, contacts (客户档案), interactions.

CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    username      varchar(64)  NOT NULL,
    display_name  varchar(100) NOT NULL,
    password_hash varchar(100) NOT NULL,
    seniority     varchar(16),
    active        boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_seniority_chk CHECK (seniority IN ('JUNIOR', 'SENIOR'))
);
-- Usernames are case-insensitive: "Zhang.Wei" and "zhang.wei" are the same login.
CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username));

CREATE TABLE app_user_role (
    user_id uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    varchar(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT app_user_role_chk CHECK (role IN ('ADMIN', 'MANAGER', 'SALES_REP', 'SERVICE_AGENT'))
);

-- Search support. A contact is found by any substring of its name or company, Chinese included.
-- Chinese names are 2-3 characters, too short for trigrams, so the index holds every single
-- character and every bigram of the text; a query of length >= 2 must contain all of its bigrams
-- (then the exact substring is rechecked), a one-character query must contain that character.
-- COST tells the planner that computing grams row by row is expensive: without it, it preferred
-- walking the created_at index and testing every row (400 ms instead of 3 ms on 1 M contacts).
CREATE FUNCTION gx_grams(doc text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS
$$
SELECT coalesce(array_agg(DISTINCT g), '{}')
FROM (SELECT substr(lower(doc), i, 1) AS g FROM generate_series(1, length(doc)) AS i
      UNION ALL
      SELECT substr(lower(doc), i, 2) FROM generate_series(1, length(doc) - 1) AS i) AS grams
WHERE g !~ '\s'
$$;

-- The grams a document must contain to match the query as a substring.
CREATE FUNCTION gx_query_grams(query text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE
           WHEN length(query) = 1 THEN ARRAY [lower(query)]
           ELSE (SELECT coalesce(array_agg(DISTINCT g), '{}')
                 FROM (SELECT substr(lower(query), i, 2) AS g FROM generate_series(1, length(query) - 1) AS i) AS b
                 WHERE g !~ '\s')
           END
$$;

-- The text that name/company search covers; one definition used by the index and the queries.
CREATE FUNCTION gx_contact_doc(name text, company text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT lower(coalesce(name, '') || ' ' || coalesce(company, ''))
$$;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE contact (
    id                uuid PRIMARY KEY,
    name              varchar(100) NOT NULL,
    -- Pinyin of the name ("zhangwei") and its initials ("zw"), ASCII, so C collation: prefix ranges use the index.
    name_pinyin       varchar(400) COLLATE "C" NOT NULL DEFAULT '',
    name_initials     varchar(100) COLLATE "C" NOT NULL DEFAULT '',
    mobile            varchar(20),
    email             varchar(254),
    wechat_id         varchar(64),
    company           varchar(200),
    industry          varchar(64),
    region            varchar(32),
    city              varchar(64),
    birthday          date,
    source_channel    varchar(32),
    preferred_channel varchar(16),
    tags              text[]       NOT NULL DEFAULT '{}',
    hidden_needs      varchar(2000),
    personality_type  varchar(32),
    lifecycle_stage   varchar(16)  NOT NULL DEFAULT 'POTENTIAL',
    owner_id          uuid         NOT NULL REFERENCES app_user (id),
    marketing_consent boolean      NOT NULL DEFAULT false,
    last_contacted_at timestamptz,
    completeness      smallint     NOT NULL DEFAULT 0,
    archived_at       timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0,
    CONSTRAINT contact_completeness_chk CHECK (completeness BETWEEN 0 AND 100)
);

CREATE INDEX contact_search_grams_idx ON contact USING gin (gx_grams(gx_contact_doc(name, company)));
-- Most bigrams of names are rare; with the default statistics the planner guessed 5000 matches for
-- any of them (19x too many on 1 M contacts) and chose slow plans. A longer element list fixes that.
ALTER INDEX contact_search_grams_idx ALTER COLUMN 1 SET STATISTICS 1000;
CREATE INDEX contact_name_pinyin_idx ON contact (name_pinyin);
CREATE INDEX contact_name_initials_idx ON contact (name_initials);
CREATE INDEX contact_mobile_trgm_idx ON contact USING gin (mobile gin_trgm_ops);
CREATE INDEX contact_email_trgm_idx ON contact USING gin (email gin_trgm_ops);
-- Duplicate detection looks up exact normalised values.
CREATE INDEX contact_mobile_idx ON contact (mobile) WHERE mobile IS NOT NULL;
CREATE INDEX contact_email_idx ON contact (email) WHERE email IS NOT NULL;
-- The default list order (newest first, id as tie-breaker) over active contacts, for everyone and
-- for one rep; they match the ORDER BY exactly, so a page is read straight off the index.
CREATE INDEX contact_active_created_idx ON contact (created_at DESC NULLS LAST, id) WHERE archived_at IS NULL;
CREATE INDEX contact_owner_active_created_idx ON contact (owner_id, created_at DESC NULLS LAST, id)
    WHERE archived_at IS NULL;
CREATE INDEX contact_tags_idx ON contact USING gin (tags);

CREATE TABLE interaction (
    id          uuid PRIMARY KEY,
    contact_id  uuid          NOT NULL REFERENCES contact (id),
    channel     varchar(16)   NOT NULL,
    direction   varchar(16)   NOT NULL,
    occurred_at timestamptz   NOT NULL,
    summary     varchar(4000) NOT NULL,
    author_id   uuid          NOT NULL REFERENCES app_user (id),
    created_at  timestamptz   NOT NULL
);
CREATE INDEX interaction_contact_time_idx ON interaction (contact_id, occurred_at DESC);
