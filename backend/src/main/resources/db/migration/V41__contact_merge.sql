-- Issue 20 §3: duplicates and an undoable merge of 2–5 contacts into one.

-- A merged contact stays as a row pointing at its survivor: its id keeps answering (a pointer, not a 404),
-- and it leaves lists, search and duplicates (archived_at is set too; the merge keeps the previous value).
ALTER TABLE contact ADD COLUMN merged_into_id uuid REFERENCES contact (id);
ALTER TABLE contact ADD COLUMN merged_at timestamptz;
ALTER TABLE contact ADD CONSTRAINT contact_merged_chk CHECK ((merged_into_id IS NULL) = (merged_at IS NULL) AND merged_into_id <> id);
CREATE INDEX contact_merged_into_idx ON contact (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- The duplicate finder groups active contacts by these keys.
CREATE INDEX contact_dup_wechat_idx ON contact (lower(wechat_id)) WHERE archived_at IS NULL AND wechat_id IS NOT NULL;
CREATE INDEX contact_dup_name_company_idx ON contact (lower(regexp_replace(name, '\s', '', 'g')), lower(btrim(company)))
    WHERE archived_at IS NULL AND company IS NOT NULL;

-- One merge: who, when, the field values chosen, the survivor's values before, what moved (for undo).
CREATE TABLE contact_merge (
    id              uuid PRIMARY KEY,
    -- the order merges happened in (an undo waits for later merges of its survivor to be undone first)
    seq             bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    survivor_id     uuid         NOT NULL REFERENCES contact (id),
    merged_ids      uuid[]       NOT NULL CHECK (cardinality(merged_ids) BETWEEN 1 AND 4),
    -- field → the contact whose value was chosen
    choices         jsonb        NOT NULL,
    -- the survivor's editable fields before the merge, and each merged contact's archived_at before it
    survivor_before jsonb        NOT NULL,
    survivor_after  jsonb        NOT NULL,
    merged_before   jsonb        NOT NULL,
    -- per merged contact, per kind of record: the ids moved to the survivor
    moved           jsonb        NOT NULL,
    -- per kind of record, how many moved (what the screen shows)
    counts          jsonb        NOT NULL,
    points_moved    bigint       NOT NULL DEFAULT 0 CHECK (points_moved >= 0),
    -- merged contact → the points its account transferred to the survivor's
    points_by_contact jsonb      NOT NULL,
    actor_id        uuid         NOT NULL,
    created_at      timestamptz  NOT NULL,
    undone_at       timestamptz,
    undone_by       uuid,
    -- on undo: the survivor's fields restored and those kept because they were changed after the merge
    undo_result     jsonb,
    version         bigint       NOT NULL DEFAULT 0,
    CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);
CREATE INDEX contact_merge_survivor_idx ON contact_merge (survivor_id, created_at DESC);
CREATE INDEX contact_merge_merged_idx ON contact_merge USING gin (merged_ids);
