-- Loyalty points (SPEC §6): an append-only ledger with FIFO lots, rewards and redemptions.

ALTER TABLE contact ADD COLUMN referred_by_id uuid REFERENCES contact (id);
ALTER TABLE contact ADD CONSTRAINT contact_referrer_not_self_chk CHECK (referred_by_id <> id);

-- Versioned like the tier policy: a change is a new row.
CREATE TABLE loyalty_policy (
    version             int PRIMARY KEY,
    points_per_cny      numeric(8, 4) NOT NULL CHECK (points_per_cny > 0),
    silver_multiplier   numeric(5, 2) NOT NULL CHECK (silver_multiplier > 0),
    gold_multiplier     numeric(5, 2) NOT NULL CHECK (gold_multiplier > 0),
    platinum_multiplier numeric(5, 2) NOT NULL CHECK (platinum_multiplier > 0),
    pending_days        int           NOT NULL CHECK (pending_days BETWEEN 0 AND 365),
    expiry_mode         varchar(24)   NOT NULL CHECK (expiry_mode IN ('MONTHS_AFTER_EARNING', 'END_OF_NEXT_YEAR')),
    expiry_months       int           NOT NULL CHECK (expiry_months BETWEEN 1 AND 120),
    referral_bonus      int           NOT NULL CHECK (referral_bonus >= 0),
    refund_shortfall    varchar(24)   NOT NULL CHECK (refund_shortfall IN ('WRITE_OFF', 'OFFSET_FUTURE_EARNINGS')),
    members_only        boolean       NOT NULL,
    point_value_cny     numeric(8, 4) NOT NULL CHECK (point_value_cny >= 0),
    expiring_soon_days  int           NOT NULL CHECK (expiring_soon_days BETWEEN 1 AND 365),
    created_at          timestamptz   NOT NULL,
    created_by          uuid
);
INSERT INTO loyalty_policy VALUES (1, 1, 1, 1.2, 1.5, 0, 'MONTHS_AFTER_EARNING', 24, 500, 'WRITE_OFF', false, 0.01, 30, now(), NULL);

-- The balance is a cache of the sum of the account's entries, kept in the same transaction; the
-- check makes an overdraft impossible whatever the code does.
CREATE TABLE loyalty_account (
    contact_id      uuid PRIMARY KEY REFERENCES contact (id),
    balance         bigint      NOT NULL DEFAULT 0 CHECK (balance >= 0),
    debt            bigint      NOT NULL DEFAULT 0 CHECK (debt >= 0),
    written_off     bigint      NOT NULL DEFAULT 0 CHECK (written_off >= 0),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE points_entry (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id          uuid        NOT NULL REFERENCES loyalty_account (contact_id),
    kind                varchar(16) NOT NULL,
    points              bigint      NOT NULL,
    balance_after       bigint      NOT NULL CHECK (balance_after >= 0),
    shortfall           bigint      NOT NULL DEFAULT 0 CHECK (shortfall >= 0),
    cause               varchar(32) NOT NULL,
    purchase_id         uuid,
    refund_id           uuid,
    redemption_id       uuid,
    referred_contact_id uuid,
    reason              varchar(500),
    actor_id            uuid,
    created_at          timestamptz NOT NULL,
    CONSTRAINT points_entry_kind_chk CHECK (kind IN ('EARN', 'REDEEM', 'ADJUST', 'REVERSE', 'EXPIRE', 'REFERRAL_BONUS')),
    -- Credits are positive, spending negative; a reversal that found nothing left records only its shortfall.
    CONSTRAINT points_entry_sign_chk CHECK (
        (kind IN ('EARN', 'REFERRAL_BONUS') AND points > 0)
        OR (kind IN ('REDEEM', 'EXPIRE') AND points < 0)
        OR (kind = 'ADJUST' AND points <> 0)
        OR (kind = 'REVERSE' AND (points <> 0 OR shortfall > 0))),
    CONSTRAINT points_entry_adjust_reason_chk CHECK (kind <> 'ADJUST' OR length(reason) > 0)
);
CREATE INDEX points_entry_statement_idx ON points_entry (contact_id, id DESC);
CREATE UNIQUE INDEX points_entry_refund_once_idx ON points_entry (refund_id) WHERE kind = 'REVERSE';

CREATE FUNCTION points_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'points_entry is append-only: record a correcting entry instead';
END $$;
CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
    FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();
CREATE TRIGGER points_entry_no_truncate BEFORE TRUNCATE ON points_entry
    FOR EACH STATEMENT EXECUTE FUNCTION points_entry_append_only();

-- What is left of each credit; spending takes the lots that expire first (FIFO).
CREATE TABLE points_lot (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id uuid        NOT NULL REFERENCES loyalty_account (contact_id),
    entry_id   bigint      NOT NULL REFERENCES points_entry (id),
    points     bigint      NOT NULL CHECK (points > 0),
    remaining  bigint      NOT NULL CHECK (remaining >= 0 AND remaining <= points),
    earned_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX points_lot_open_idx ON points_lot (contact_id, expires_at, id) WHERE remaining > 0;
CREATE INDEX points_lot_due_idx ON points_lot (expires_at) WHERE remaining > 0;

-- Which lots a debit took from, so a cancelled redemption gives back exactly those points.
CREATE TABLE points_lot_use (
    entry_id bigint NOT NULL REFERENCES points_entry (id),
    lot_id   bigint NOT NULL REFERENCES points_lot (id),
    points   bigint NOT NULL CHECK (points > 0),
    PRIMARY KEY (entry_id, lot_id)
);

-- What a purchase or a referral earns, before and after the pending (return) window.
CREATE TABLE points_earning (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id          uuid        NOT NULL REFERENCES contact (id),
    source              varchar(16) NOT NULL CHECK (source IN ('PURCHASE', 'REFERRAL')),
    purchase_id         uuid REFERENCES purchase (id),
    referred_contact_id uuid REFERENCES contact (id),
    points              bigint      NOT NULL CHECK (points > 0),
    reversed_points     bigint      NOT NULL DEFAULT 0 CHECK (reversed_points >= 0 AND reversed_points <= points),
    state               varchar(8)  NOT NULL CHECK (state IN ('PENDING', 'POSTED', 'VOIDED')),
    available_at        timestamptz NOT NULL,
    entry_id            bigint REFERENCES points_entry (id),
    lot_id              bigint REFERENCES points_lot (id),
    created_at          timestamptz NOT NULL
);
CREATE UNIQUE INDEX points_earning_purchase_once_idx ON points_earning (purchase_id) WHERE source = 'PURCHASE';
CREATE UNIQUE INDEX points_earning_referral_once_idx ON points_earning (referred_contact_id) WHERE source = 'REFERRAL';
CREATE INDEX points_earning_pending_idx ON points_earning (available_at) WHERE state = 'PENDING';
CREATE INDEX points_earning_contact_pending_idx ON points_earning (contact_id) WHERE state = 'PENDING';

CREATE TABLE reward (
    id             uuid PRIMARY KEY,
    name           varchar(120)  NOT NULL,
    description    varchar(1000),
    kind           varchar(16)   NOT NULL CHECK (kind IN ('PRODUCT', 'SERVICE', 'PRIVILEGE')),
    points_cost    int           NOT NULL CHECK (points_cost > 0),
    stock          int CHECK (stock >= 0),
    active_from    timestamptz,
    active_until   timestamptz,
    level_required varchar(10) CHECK (level_required IN ('SILVER', 'GOLD', 'PLATINUM')),
    archived       boolean       NOT NULL DEFAULT false,
    version        bigint        NOT NULL DEFAULT 0,
    created_at     timestamptz   NOT NULL,
    created_by     uuid,
    updated_at     timestamptz   NOT NULL,
    CONSTRAINT reward_window_chk CHECK (active_until IS NULL OR active_from IS NULL OR active_until > active_from)
);

CREATE TABLE redemption (
    id              uuid PRIMARY KEY,
    contact_id      uuid        NOT NULL REFERENCES loyalty_account (contact_id),
    reward_id       uuid        NOT NULL REFERENCES reward (id),
    quantity        int         NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    points          bigint      NOT NULL CHECK (points > 0),
    state           varchar(12) NOT NULL CHECK (state IN ('COMPLETED', 'CANCELLED')),
    entry_id        bigint      NOT NULL REFERENCES points_entry (id),
    cancel_entry_id bigint REFERENCES points_entry (id),
    cancel_reason   varchar(500),
    created_by      uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    cancelled_by    uuid,
    cancelled_at    timestamptz
);
CREATE INDEX redemption_contact_idx ON redemption (contact_id, created_at DESC);
