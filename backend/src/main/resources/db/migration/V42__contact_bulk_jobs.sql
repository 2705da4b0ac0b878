-- Bulk actions on the contact list (issue 20 §4). A large selection runs as a background job (table job);
-- this row says whose it is, so the person who started it — a rep included, who may not read
-- /api/v1/jobs — follows it at /api/v1/contacts/bulk/jobs/{id}, and nobody else does.
CREATE TABLE contact_bulk_job (
    job_id       uuid PRIMARY KEY REFERENCES job (id),
    requested_by uuid        NOT NULL REFERENCES app_user (id),
    action       varchar(32) NOT NULL,
    created_at   timestamptz NOT NULL
);
