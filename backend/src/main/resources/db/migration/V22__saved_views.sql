-- Saved views (issue 16 item 6): a named query of the contact, lead or complaint list (its URL
-- parameters: filters, sort, page size, columns), private to its owner or shared with the team.
CREATE TABLE saved_view (
    id          uuid PRIMARY KEY,
    owner_id    uuid         NOT NULL REFERENCES app_user (id),
    list        varchar(16)  NOT NULL CHECK (list IN ('CONTACTS', 'LEADS', 'COMPLAINTS')),
    name        varchar(60)  NOT NULL,
    -- {"param": ["value", ...]}: keys from the list's allow-list (SavedViewList), bounded in Java.
    query       jsonb        NOT NULL DEFAULT '{}',
    shared      boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0
);
-- One name per owner and list, whatever its case.
CREATE UNIQUE INDEX saved_view_owner_name_uq ON saved_view (owner_id, list, lower(name));
CREATE INDEX saved_view_shared_idx ON saved_view (list) WHERE shared;

-- A user's default view of a list; it may be someone else's shared view, so it is kept apart from
-- the view. Deleting the view (or un-sharing it, in Java) drops the defaults that pointed at it.
CREATE TABLE saved_view_default (
    user_id  uuid        NOT NULL REFERENCES app_user (id),
    list     varchar(16) NOT NULL,
    view_id  uuid        NOT NULL REFERENCES saved_view (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, list)
);
CREATE INDEX saved_view_default_view_idx ON saved_view_default (view_id);
