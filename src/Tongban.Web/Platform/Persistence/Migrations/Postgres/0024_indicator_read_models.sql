-- 0024 效能监管 (Postgres): the published version's time limits on its search row, so the item indicators
-- (承诺时限压缩比) sum columns instead of reading and parsing every published version's content.
ALTER TABLE catalog_search_entries ADD COLUMN promised_limit_amount integer NOT NULL DEFAULT 0;
ALTER TABLE catalog_search_entries ADD COLUMN promised_limit_unit character varying(40) NOT NULL DEFAULT 'WorkingDays';
ALTER TABLE catalog_search_entries ADD COLUMN statutory_limit_amount integer NOT NULL DEFAULT 0;
ALTER TABLE catalog_search_entries ADD COLUMN statutory_limit_unit character varying(40) NOT NULL DEFAULT 'WorkingDays';
-- The content stores the unit in camelCase (workingDays), the column the enum's name (WorkingDays).
UPDATE catalog_search_entries e SET
    promised_limit_amount = (v.content_json::jsonb #>> '{promisedLimit,amount}')::integer,
    promised_limit_unit = upper(left(v.content_json::jsonb #>> '{promisedLimit,unit}', 1)) || substr(v.content_json::jsonb #>> '{promisedLimit,unit}', 2),
    statutory_limit_amount = (v.content_json::jsonb #>> '{statutoryLimit,amount}')::integer,
    statutory_limit_unit = upper(left(v.content_json::jsonb #>> '{statutoryLimit,unit}', 1)) || substr(v.content_json::jsonb #>> '{statutoryLimit,unit}', 2)
FROM implementation_versions v
WHERE v.implementation_id = e.implementation_id AND v.number = e.version_number;
ALTER TABLE catalog_search_entries ALTER COLUMN promised_limit_amount DROP DEFAULT;
ALTER TABLE catalog_search_entries ALTER COLUMN promised_limit_unit DROP DEFAULT;
ALTER TABLE catalog_search_entries ALTER COLUMN statutory_limit_amount DROP DEFAULT;
ALTER TABLE catalog_search_entries ALTER COLUMN statutory_limit_unit DROP DEFAULT;
