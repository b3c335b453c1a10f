-- 0016 cross-region handling (PostgreSQL): 收受分离's record and receiving region, 全程网办, the open 多地联办 step's region.
ALTER TABLE cases ADD COLUMN remote_intake character varying(4000) NULL;
ALTER TABLE cases ADD COLUMN received_in_region character varying(12) NULL;
ALTER TABLE cases ADD COLUMN fully_online boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN open_step_region character varying(12) NULL;
CREATE INDEX ix_cases_open_step_region ON cases (open_step_region);
CREATE INDEX ix_cases_received_in_region_received_at ON cases (received_in_region, received_at);
