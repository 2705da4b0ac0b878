-- The rules the retention loop (issue 17) puts on people's lists: care campaigns, PDCA win-back actions,
-- a detractor's call-back, and the investigation of a customer churned without a known cause.
ALTER TABLE activity DROP CONSTRAINT activity_origin_rule_check;
ALTER TABLE activity ADD CONSTRAINT activity_origin_rule_check
    CHECK (origin_rule IN ('LEAD_NO_INTERACTION', 'COMPLAINT_FOLLOW_UP', 'COMPLAINT_ESCALATED', 'COMPLAINT_SLA_WARNING',
                           'SERVICE_HANDOFF', 'CARE_CALL', 'CARE_GREETING', 'CAMPAIGN', 'WINBACK', 'SURVEY_DETRACTOR',
                           'CHURN_INVESTIGATION'));
