-- 0024 效能监管 (Postgres): what the indicators read. First the published version's time limits on its
-- search row, so the item indicators (承诺时限压缩比) sum columns instead of reading and parsing every
-- published version's content.
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

-- The regions' daily roll-ups of the pre-aggregates (a row per region and day, summed over departments,
-- items, halls and channels): a region's indicators over a year read a few thousand rows, not one per
-- day and dimension. Filled from the daily rows already there; the refresh keeps them from now on.
CREATE TABLE supervision_region_daily_counts (
    region_code character varying(12) NOT NULL,
    day date NOT NULL,
    filed bigint NOT NULL,
    filed_online bigint NOT NULL,
    filed_at_window bigint NOT NULL,
    filed_at_comprehensive_window bigint NOT NULL,
    accepted bigint NOT NULL,
    accepted_with_deficiency bigint NOT NULL,
    accepted_under_commitment bigint NOT NULL,
    finished bigint NOT NULL,
    finished_fully_online bigint NOT NULL,
    finished_with_at_most_one_visit bigint NOT NULL,
    finished_with_zero_visits bigint NOT NULL,
    finished_on_time bigint NOT NULL,
    finished_late bigint NOT NULL,
    rating_invitations bigint NOT NULL,
    active_ratings bigint NOT NULL,
    answered_invitations bigint NOT NULL,
    good_ratings bigint NOT NULL,
    defaulted_ratings bigint NOT NULL,
    bad_ratings bigint NOT NULL,
    rectifications_closed bigint NOT NULL,
    CONSTRAINT pk_supervision_region_daily_counts PRIMARY KEY (region_code, day)
);

CREATE TABLE supervision_region_daily_handling_times (
    region_code character varying(12) NOT NULL,
    day date NOT NULL,
    working_days integer NOT NULL,
    cases bigint NOT NULL,
    CONSTRAINT pk_supervision_region_daily_handling_times PRIMARY KEY (region_code, day, working_days)
);

INSERT INTO supervision_region_daily_counts (region_code, day, filed, filed_online, filed_at_window, filed_at_comprehensive_window, accepted, accepted_with_deficiency, accepted_under_commitment, finished, finished_fully_online, finished_with_at_most_one_visit, finished_with_zero_visits, finished_on_time, finished_late, rating_invitations, active_ratings, answered_invitations, good_ratings, defaulted_ratings, bad_ratings, rectifications_closed)
SELECT region_code, day, sum(filed), sum(filed_online), sum(filed_at_window), sum(filed_at_comprehensive_window), sum(accepted), sum(accepted_with_deficiency), sum(accepted_under_commitment), sum(finished), sum(finished_fully_online), sum(finished_with_at_most_one_visit), sum(finished_with_zero_visits), sum(finished_on_time), sum(finished_late), sum(rating_invitations), sum(active_ratings), sum(answered_invitations), sum(good_ratings), sum(defaulted_ratings), sum(bad_ratings), sum(rectifications_closed)
FROM supervision_daily_counts GROUP BY region_code, day;

INSERT INTO supervision_region_daily_handling_times (region_code, day, working_days, cases)
SELECT region_code, day, working_days, sum(cases)
FROM supervision_daily_handling_times GROUP BY region_code, day, working_days;
