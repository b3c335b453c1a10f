-- 0024 效能监管 (Sqlite): the published version's time limits on its search row, so the item indicators
-- (承诺时限压缩比) sum columns instead of reading and parsing every published version's content.
ALTER TABLE "catalog_search_entries" ADD COLUMN "promised_limit_amount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "catalog_search_entries" ADD COLUMN "promised_limit_unit" TEXT NOT NULL DEFAULT 'WorkingDays';
ALTER TABLE "catalog_search_entries" ADD COLUMN "statutory_limit_amount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "catalog_search_entries" ADD COLUMN "statutory_limit_unit" TEXT NOT NULL DEFAULT 'WorkingDays';
-- The content stores the unit in camelCase (workingDays), the column the enum's name (WorkingDays).
UPDATE "catalog_search_entries" SET
    "promised_limit_amount" = (SELECT json_extract(v."content_json", '$.promisedLimit.amount') FROM "implementation_versions" v
        WHERE v."implementation_id" = "catalog_search_entries"."implementation_id" AND v."number" = "catalog_search_entries"."version_number"),
    "promised_limit_unit" = (SELECT upper(substr(json_extract(v."content_json", '$.promisedLimit.unit'), 1, 1)) || substr(json_extract(v."content_json", '$.promisedLimit.unit'), 2)
        FROM "implementation_versions" v
        WHERE v."implementation_id" = "catalog_search_entries"."implementation_id" AND v."number" = "catalog_search_entries"."version_number"),
    "statutory_limit_amount" = (SELECT json_extract(v."content_json", '$.statutoryLimit.amount') FROM "implementation_versions" v
        WHERE v."implementation_id" = "catalog_search_entries"."implementation_id" AND v."number" = "catalog_search_entries"."version_number"),
    "statutory_limit_unit" = (SELECT upper(substr(json_extract(v."content_json", '$.statutoryLimit.unit'), 1, 1)) || substr(json_extract(v."content_json", '$.statutoryLimit.unit'), 2)
        FROM "implementation_versions" v
        WHERE v."implementation_id" = "catalog_search_entries"."implementation_id" AND v."number" = "catalog_search_entries"."version_number")
WHERE EXISTS (SELECT 1 FROM "implementation_versions" v
    WHERE v."implementation_id" = "catalog_search_entries"."implementation_id" AND v."number" = "catalog_search_entries"."version_number");
