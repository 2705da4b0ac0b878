-- Lifecycle stage transitions of contacts (SPEC §4): who or what moved a contact, from where to where.
CREATE TABLE contact_stage_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id  uuid        NOT NULL REFERENCES contact (id),
    from_stage  varchar(16),
    to_stage    varchar(16) NOT NULL,
    cause       varchar(32) NOT NULL CHECK (cause IN ('CREATED', 'EDITED', 'LEAD_CONVERTED')),
    changed_by  uuid REFERENCES app_user (id),
    changed_at  timestamptz NOT NULL
);
CREATE INDEX contact_stage_history_contact_idx ON contact_stage_history (contact_id, changed_at DESC, id DESC);
