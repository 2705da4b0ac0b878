-- The audit trail (issue 19 item 6): who created, changed, read, exported or revealed what, append-only
-- and hash-chained. seq is the chain order; hash = SHA-256(prev_hash || canonical text of the row), computed
-- by the service (platform/audit/AuditHash) so the same code writes and verifies it. changes is TEXT, not
-- jsonb: the hashed bytes are exactly the stored bytes (jsonb would reorder keys and whitespace).
-- No foreign keys: an entry outlives whatever it names (kept at least 3 years, PIPL Art. 54–56).
CREATE TABLE audit_entry (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid         NOT NULL UNIQUE,
    at             timestamptz  NOT NULL,
    user_id        uuid,
    username       varchar(100),
    action         varchar(30)  NOT NULL,
    entity_type    varchar(60)  NOT NULL,
    entity_id      uuid,
    contact_id     uuid,
    changes        text         NOT NULL,
    client_address varchar(64),
    request_id     varchar(100),
    prev_hash      varchar(64)  NOT NULL,
    hash           varchar(64)  NOT NULL
);
CREATE INDEX audit_entry_contact_idx ON audit_entry (contact_id, seq DESC) WHERE contact_id IS NOT NULL;
CREATE INDEX audit_entry_user_idx ON audit_entry (user_id, seq DESC);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);

-- Append-only by trigger, not REVOKE: the service connects as the table's owner, and an owner's revoked
-- privileges are only a GRANT away. The trigger refuses every UPDATE, DELETE and TRUNCATE, whoever runs it;
-- only a superuser or the owner who first disables the trigger can alter a row, and the chain shows it.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
