-- 0018 多地联办 (PostgreSQL): the department performing the open step of another region, so its approvers' list finds the case.
ALTER TABLE cases ADD COLUMN open_step_department_id uuid NULL;
DROP INDEX ix_cases_open_step_region;
CREATE INDEX ix_cases_open_step_region_open_step_department_id ON cases (open_step_region, open_step_department_id);
