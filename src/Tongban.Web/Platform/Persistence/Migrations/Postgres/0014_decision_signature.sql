-- 0014 decision signature (PostgreSQL): the decision document's signed payload, sealed when the case is decided.
ALTER TABLE cases ADD COLUMN decision_signature character varying(2000) NULL;
