-- The first interaction with a lead's customer at or after the lead was created (issue 18, analytics at a million
-- leads): a lead's first contact is the earlier of this and contacted_at (FunnelRepository.FIRST_CONTACT). Stamped on
-- the lead so the funnel and the rep ranking read one column instead of probing the interaction log per lead.
-- Null while there is none. Kept in the writing transaction whoever writes: a new interaction moves it earlier on the
-- customer's leads; a lead created (or its customer or creation time changed) takes it from the log; an interaction
-- changed or removed recomputes its customer's leads.
ALTER TABLE lead ADD COLUMN first_interaction_at timestamptz;

CREATE FUNCTION lead_first_interaction(contact uuid, since timestamptz) RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT min(i.occurred_at) FROM interaction i WHERE i.contact_id = contact AND i.occurred_at >= since
$$;

CREATE FUNCTION lead_first_interaction_on_lead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.contact_id IS DISTINCT FROM OLD.contact_id OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        NEW.first_interaction_at := CASE WHEN NEW.contact_id IS NOT NULL THEN lead_first_interaction(NEW.contact_id, NEW.created_at) END;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER lead_first_interaction_on_lead BEFORE INSERT OR UPDATE OF contact_id, created_at ON lead
    FOR EACH ROW EXECUTE FUNCTION lead_first_interaction_on_lead();

-- LEAST on the row as it is when the update takes it (a concurrent stamp is re-read), so two interactions at once both count.
CREATE FUNCTION lead_first_interaction_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE lead l SET first_interaction_at = LEAST(l.first_interaction_at, m.first_at)
    FROM (SELECT x.id, min(n.occurred_at) AS first_at
          FROM new_rows n JOIN lead x ON x.contact_id = n.contact_id AND n.occurred_at >= x.created_at
          GROUP BY x.id) AS m
    WHERE l.id = m.id AND (l.first_interaction_at IS NULL OR m.first_at < l.first_interaction_at);
    RETURN NULL;
END $$;

CREATE FUNCTION lead_first_interaction_recompute() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE lead l SET first_interaction_at = lead_first_interaction(l.contact_id, l.created_at)
    WHERE l.contact_id IN (SELECT o.contact_id FROM old_rows o)
       OR (TG_OP = 'UPDATE' AND l.contact_id IN (SELECT n.contact_id FROM new_rows n));
    RETURN NULL;
END $$;

CREATE FUNCTION lead_first_interaction_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE lead l SET first_interaction_at = lead_first_interaction(l.contact_id, l.created_at)
    WHERE l.contact_id IN (SELECT o.contact_id FROM old_rows o);
    RETURN NULL;
END $$;

CREATE TRIGGER lead_first_interaction_after_insert AFTER INSERT ON interaction REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_first_interaction_after_insert();
CREATE TRIGGER lead_first_interaction_after_update AFTER UPDATE ON interaction REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_first_interaction_recompute();
CREATE TRIGGER lead_first_interaction_after_delete AFTER DELETE ON interaction REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_first_interaction_after_delete();

-- Backfill: every lead with a customer.
UPDATE lead l SET first_interaction_at = f.first_at
FROM (SELECT x.id, min(i.occurred_at) AS first_at
      FROM lead x JOIN interaction i ON i.contact_id = x.contact_id AND i.occurred_at >= x.created_at
      GROUP BY x.id) AS f
WHERE l.id = f.id;
