-- Issue 20 §1: contact imports (docs/import.md). A batch is one uploaded file: its detected format and
-- encoding, the column mapping, the decisions per duplicate group, and what its commit did, so that it can
-- be undone. The rows keep the file's raw cells (the mapping can change until the commit) and, after the
-- commit, the contact each row created or updated with the values it replaced.

CREATE TABLE import_batch (
    id             uuid PRIMARY KEY,
    created_by     uuid         NOT NULL REFERENCES app_user (id),
    file_name      varchar(255) NOT NULL,
    file_sha256    varchar(64)  NOT NULL,
    file_format    varchar(8)   NOT NULL CHECK (file_format IN ('CSV', 'XLSX')),
    file_encoding  varchar(16),
    header_row     integer      NOT NULL,
    headers        jsonb        NOT NULL,
    mapping        jsonb        NOT NULL,
    decisions      jsonb        NOT NULL DEFAULT '{}',
    state          varchar(16)  NOT NULL
        CHECK (state IN ('PREVIEW', 'COMMITTING', 'COMMITTED', 'FAILED', 'UNDOING', 'UNDONE')),
    row_count      integer      NOT NULL DEFAULT 0,
    job_id         uuid,
    preview        jsonb,
    result         jsonb,
    committed_at   timestamptz,
    undone_at      timestamptz,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0
);
-- An importer lists their own imports, newest first.
CREATE INDEX import_batch_creator_idx ON import_batch (created_by, created_at DESC);

CREATE TABLE import_row (
    batch_id    uuid    NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    -- The row's number in the file (1 = the first line or sheet row), as a spreadsheet shows it.
    row_no      integer NOT NULL,
    cells       jsonb   NOT NULL,
    -- After the commit: the contact the row created or updated, and for an update the fields it replaced.
    contact_id  uuid,
    outcome     varchar(16) CHECK (outcome IN ('CREATED', 'UPDATED', 'SKIPPED', 'INVALID')),
    replaced    jsonb,
    written     jsonb,
    PRIMARY KEY (batch_id, row_no)
);
