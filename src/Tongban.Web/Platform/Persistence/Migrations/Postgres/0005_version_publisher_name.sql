-- 0005 catalog: the publisher's display name on each published version, for the version history (PostgreSQL).
ALTER TABLE implementation_versions ADD COLUMN published_by_name character varying(200) NULL;
