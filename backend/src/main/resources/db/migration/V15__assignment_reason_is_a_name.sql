-- assignment_reason held English sentences that reached the zh-CN web app; it now holds only the name
-- its assignment_kind refers to (the web app words the kind in the reader's language).
UPDATE lead SET assignment_reason = CASE assignment_kind
        WHEN 'RULE' THEN substring(assignment_reason FROM '“(.*)”')
        WHEN 'MANAGER' THEN regexp_replace(assignment_reason, '^(assigned by |set at creation by )', '')
        WHEN 'CLAIMED' THEN substring(assignment_reason FROM '^claimed by (.*) from the queue$')
        WHEN 'EXISTING_CUSTOMER' THEN regexp_replace(assignment_reason, '^captured for an existing contact of ', '')
    END
WHERE assignment_reason IS NOT NULL;
