-- customer_value and tier_history are derived from purchases (whose contact_id is a checked foreign
-- key) by the recompute, and contacts are archived, never deleted. Their own foreign keys cost a
-- trigger call per written row: the first recompute of 1 M customers writes 1 M values and 3 M
-- history rows, and the checks were most of that time (docs/benchmarks.md).
ALTER TABLE tier_history DROP CONSTRAINT tier_history_contact_id_fkey;
ALTER TABLE customer_value DROP CONSTRAINT customer_value_contact_id_fkey;
