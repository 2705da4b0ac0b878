-- Website-form capture and the reps' queues (SPEC §3, issue 5).
-- INTEGRATOR: a system (website form, shop, POS) with its own credentials; it may only post what its
-- endpoints accept. A person captured from a form is owned by the integrator user until a rep takes
-- the lead, so every contact keeps an owner and no rep sees a stranger's contact early.
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_chk;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_chk
    CHECK (role IN ('ADMIN', 'MANAGER', 'SALES_REP', 'SERVICE_AGENT', 'INTEGRATOR'));

-- Whether reps see the unassigned queue of their seniority (senior: priority queue; junior: potential
-- queue) and may claim from it.
ALTER TABLE lead_scoring_policy ADD COLUMN reps_see_unassigned boolean NOT NULL DEFAULT true;

ALTER TABLE lead DROP CONSTRAINT lead_assignment_kind_check;
ALTER TABLE lead ADD CONSTRAINT lead_assignment_kind_check
    CHECK (assignment_kind IN ('OWNER', 'RULE', 'HIGH_VALUE', 'MANAGER', 'PRIORITY_QUEUE', 'POTENTIAL_QUEUE',
                               'CLAIMED', 'EXISTING_CUSTOMER'));

-- The unassigned queues, read by reps, sorted by score.
CREATE INDEX lead_open_unassigned_idx ON lead (assignment_kind, score DESC, id)
    WHERE owner_id IS NULL AND status IN ('NEW', 'CONTACTED', 'QUALIFIED');
