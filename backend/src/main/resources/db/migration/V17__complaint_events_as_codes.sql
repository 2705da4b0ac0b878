-- Complaint events carry codes and parameters, not English sentences: the SPA words a BREACH_* event from its
-- action (in zh-CN or en), and a resolution's compensation is a number of its own instead of "(+200 points)" in
-- the text.
ALTER TABLE complaint_event ADD COLUMN points bigint;
UPDATE complaint_event SET text = NULL WHERE action LIKE 'BREACH\_%';
