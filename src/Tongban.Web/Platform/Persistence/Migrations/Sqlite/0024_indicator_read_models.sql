-- 0024 效能监管 (Sqlite): what the indicators read. First the published version's time limits on its
-- search row, so the item indicators (承诺时限压缩比) sum columns instead of reading and parsing every
-- published version's content.
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

-- The regions' daily roll-ups of the pre-aggregates (a row per region and day, summed over departments,
-- items, halls and channels): a region's indicators over a year read a few thousand rows, not one per
-- day and dimension. Filled from the daily rows already there; the refresh keeps them from now on.
CREATE TABLE "supervision_region_daily_counts" (
    "region_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "filed" INTEGER NOT NULL,
    "filed_online" INTEGER NOT NULL,
    "filed_at_window" INTEGER NOT NULL,
    "filed_at_comprehensive_window" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "accepted_with_deficiency" INTEGER NOT NULL,
    "accepted_under_commitment" INTEGER NOT NULL,
    "finished" INTEGER NOT NULL,
    "finished_fully_online" INTEGER NOT NULL,
    "finished_with_at_most_one_visit" INTEGER NOT NULL,
    "finished_with_zero_visits" INTEGER NOT NULL,
    "finished_on_time" INTEGER NOT NULL,
    "finished_late" INTEGER NOT NULL,
    "rating_invitations" INTEGER NOT NULL,
    "active_ratings" INTEGER NOT NULL,
    "answered_invitations" INTEGER NOT NULL,
    "good_ratings" INTEGER NOT NULL,
    "defaulted_ratings" INTEGER NOT NULL,
    "bad_ratings" INTEGER NOT NULL,
    "rectifications_closed" INTEGER NOT NULL,
    CONSTRAINT "pk_supervision_region_daily_counts" PRIMARY KEY ("region_code", "day")
);

CREATE TABLE "supervision_region_daily_handling_times" (
    "region_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "working_days" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "pk_supervision_region_daily_handling_times" PRIMARY KEY ("region_code", "day", "working_days")
);

INSERT INTO "supervision_region_daily_counts" ("region_code", "day", "filed", "filed_online", "filed_at_window", "filed_at_comprehensive_window", "accepted", "accepted_with_deficiency", "accepted_under_commitment", "finished", "finished_fully_online", "finished_with_at_most_one_visit", "finished_with_zero_visits", "finished_on_time", "finished_late", "rating_invitations", "active_ratings", "answered_invitations", "good_ratings", "defaulted_ratings", "bad_ratings", "rectifications_closed")
SELECT "region_code", "day", sum("filed"), sum("filed_online"), sum("filed_at_window"), sum("filed_at_comprehensive_window"), sum("accepted"), sum("accepted_with_deficiency"), sum("accepted_under_commitment"), sum("finished"), sum("finished_fully_online"), sum("finished_with_at_most_one_visit"), sum("finished_with_zero_visits"), sum("finished_on_time"), sum("finished_late"), sum("rating_invitations"), sum("active_ratings"), sum("answered_invitations"), sum("good_ratings"), sum("defaulted_ratings"), sum("bad_ratings"), sum("rectifications_closed")
FROM "supervision_daily_counts" GROUP BY "region_code", "day";

INSERT INTO "supervision_region_daily_handling_times" ("region_code", "day", "working_days", "cases")
SELECT "region_code", "day", "working_days", sum("cases")
FROM "supervision_daily_handling_times" GROUP BY "region_code", "day", "working_days";
