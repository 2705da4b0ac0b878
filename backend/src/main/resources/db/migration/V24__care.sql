-- Care (关怀, SPEC §8; 000 ch.3): the versioned policy that turns a customer's occasions (birthday,
-- first-purchase anniversary, solar and lunar holidays) into a care activity for the owner, and the
-- record of every occasion handled, so that each one gets at most one activity however often the scan
-- runs. A closed complaint hands its customer back to sales (SERVICE_HANDOFF). (V22 and V23 belong to saved views.)
CREATE TABLE care_policy (
    version        int PRIMARY KEY,
    days_before    int          NOT NULL CHECK (days_before BETWEEN 0 AND 30),
    occasions      text[]       NOT NULL,
    -- A personal call for these ABC tiers or this membership level and above; a greeting otherwise.
    call_abc_tiers text[]       NOT NULL,
    call_min_level varchar(10) CHECK (call_min_level IN ('SILVER', 'GOLD', 'PLATINUM')),
    greeting_zh    varchar(500) NOT NULL,
    greeting_en    varchar(500) NOT NULL,
    created_at     timestamptz  NOT NULL,
    created_by     uuid REFERENCES app_user (id)
);
INSERT INTO care_policy (version, days_before, occasions, call_abc_tiers, call_min_level, greeting_zh, greeting_en, created_at)
VALUES (1, 3, '{BIRTHDAY,PURCHASE_ANNIVERSARY,SPRING_FESTIVAL,DRAGON_BOAT,MID_AUTUMN,NATIONAL_DAY}', '{A}', 'GOLD',
        '{honorific}{name}，值此{occasion}之际，祝您和家人幸福安康！感谢您一直以来的信任与支持。',
        '{honorific} {name}, warm wishes for {occasion}! Thank you for your trust and support.', now());

CREATE TABLE care_occasion (
    contact_id     uuid        NOT NULL REFERENCES contact (id),
    occasion       varchar(32) NOT NULL,
    occasion_date  date        NOT NULL,
    -- CALL (service: no consent needed), GREETING (a message: marketing, sent only with consent),
    -- NO_CONSENT (a greeting was due but the customer has not agreed to marketing messages: none made).
    handling       varchar(16) NOT NULL CHECK (handling IN ('CALL', 'GREETING', 'NO_CONSENT')),
    activity_id    uuid REFERENCES activity (id) DEFERRABLE INITIALLY DEFERRED,
    policy_version int         NOT NULL REFERENCES care_policy (version),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (contact_id, occasion, occasion_date),
    CONSTRAINT care_occasion_activity_chk CHECK ((handling = 'NO_CONSENT') = (activity_id IS NULL))
);

ALTER TABLE activity DROP CONSTRAINT activity_origin_rule_check;
ALTER TABLE activity ADD CONSTRAINT activity_origin_rule_check
    CHECK (origin_rule IN ('LEAD_NO_INTERACTION', 'COMPLAINT_FOLLOW_UP', 'COMPLAINT_ESCALATED', 'COMPLAINT_SLA_WARNING',
                           'SERVICE_HANDOFF', 'CARE_CALL', 'CARE_GREETING'));
