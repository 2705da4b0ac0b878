-- Consent per purpose (PIPL Art. 13–16) and objection to profiling (Art. 24); docs/consent.md.

-- What personal information is processed for, and on which legal basis (PIPL Art. 13).
CREATE TABLE consent_purpose (
    id                  uuid PRIMARY KEY,
    code                varchar(40)   NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name_zh             varchar(100)  NOT NULL,
    name_en             varchar(100)  NOT NULL,
    description         varchar(1000),
    legal_basis         varchar(32)   NOT NULL CHECK (legal_basis IN ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'EMERGENCY',
                                                                       'NEWS_PUBLIC_INTEREST', 'PUBLICLY_DISCLOSED', 'OTHER_LAW')),
    -- A customer the ledger has no answer from counts as having agreed when the profile's marketing-consent
    -- tick (lead form, profile) is set: the consent collected before the ledger existed.
    profile_flag_grants boolean       NOT NULL DEFAULT false,
    active              boolean       NOT NULL DEFAULT true,
    version             bigint        NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);

-- The ledger: every grant and withdrawal, never changed; the latest entry per customer and purpose wins.
CREATE TABLE consent_entry (
    id          uuid PRIMARY KEY,
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    contact_id  uuid          NOT NULL REFERENCES contact (id),
    purpose_id  uuid          NOT NULL REFERENCES consent_purpose (id),
    decision    varchar(16)   NOT NULL CHECK (decision IN ('GRANTED', 'WITHDRAWN')),
    channel     varchar(16)   NOT NULL CHECK (channel IN ('IN_PERSON', 'PHONE', 'WECHAT', 'SMS', 'EMAIL', 'WEB_FORM', 'PAPER',
                                                          'OTHER')),
    evidence    varchar(1000),
    recorded_by uuid          NOT NULL,
    recorded_at timestamptz   NOT NULL,
    -- Set when an erasure redacted the evidence (the decision and its dates stay).
    redacted_at timestamptz
);
CREATE INDEX consent_entry_latest ON consent_entry (contact_id, purpose_id, seq DESC);

-- Append-only: the one change allowed is an erasure blanking the free-text evidence.
CREATE FUNCTION consent_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.evidence IS NULL AND NEW.redacted_at IS NOT NULL
       AND (NEW.id, NEW.seq, NEW.contact_id, NEW.purpose_id, NEW.decision, NEW.channel, NEW.recorded_by, NEW.recorded_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.seq, OLD.contact_id, OLD.purpose_id, OLD.decision, OLD.channel, OLD.recorded_by, OLD.recorded_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'consent_entry is append-only: record a new grant or withdrawal instead';
END $$;
CREATE TRIGGER consent_entry_append_only BEFORE UPDATE OR DELETE ON consent_entry
    FOR EACH ROW EXECUTE FUNCTION consent_entry_append_only();
CREATE TRIGGER consent_entry_no_truncate BEFORE TRUNCATE ON consent_entry
    FOR EACH STATEMENT EXECUTE FUNCTION consent_entry_append_only();

INSERT INTO consent_purpose (id, code, name_zh, name_en, description, legal_basis, profile_flag_grants, created_at, updated_at) VALUES
    (gen_random_uuid(), 'MARKETING', '营销信息与关怀问候', 'Marketing messages and care greetings',
     'Care greetings on birthdays, anniversaries and holidays, and marketing or mixed campaigns.', 'CONSENT', true, now(), now()),
    (gen_random_uuid(), 'SURVEY', '满意度与 NPS 调查', 'Satisfaction and NPS surveys',
     'Invitations to satisfaction and NPS surveys.', 'CONSENT', true, now(), now()),
    (gen_random_uuid(), 'PROFILING', '自动化画像评分', 'Automated profiling',
     'Lead scoring and churn-risk scoring; the customer may object (PIPL Art. 24).', 'CONTRACT', false, now(), now()),
    (gen_random_uuid(), 'PARTNER_SHARING', '向合作伙伴提供', 'Sharing with partners',
     'Providing personal information to another handler (PIPL Art. 23: separate consent).', 'CONSENT', false, now(), now());

-- A lead rescored because its customer objected to profiling or withdrew the objection.
ALTER TABLE lead_score_history DROP CONSTRAINT lead_score_history_cause_chk;
ALTER TABLE lead_score_history ADD CONSTRAINT lead_score_history_cause_chk
    CHECK (cause IN ('CREATED', 'LEAD_EDITED', 'INTERACTION_LOGGED', 'POLICY_CHANGED', 'WINDOW_SLID', 'CONSENT_CHANGED'));
