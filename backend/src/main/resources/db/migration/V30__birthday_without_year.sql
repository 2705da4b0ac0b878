-- Issue 17: a customer's birthday may be known without the year ("--MM-DD", ISO 8601's month-day,
-- 29 February allowed). Either the full date or the month and day, never both.
ALTER TABLE contact ADD COLUMN birth_month_day varchar(7);
ALTER TABLE contact ADD CONSTRAINT contact_birth_month_day_form
    CHECK (birth_month_day ~ '^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');
ALTER TABLE contact ADD CONSTRAINT contact_one_birthday CHECK (birthday IS NULL OR birth_month_day IS NULL);
