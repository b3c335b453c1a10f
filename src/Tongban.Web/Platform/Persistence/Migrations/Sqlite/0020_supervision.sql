-- 0020 效能监管 (Sqlite): daily pre-aggregates of the indicators (counters and a handling-time histogram per city date and
-- region, department, implementation, hall, channel), their refresh marks, and where a window filing was received.
ALTER TABLE "cases" ADD COLUMN "intake_hall_id" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "intake_window_kind" TEXT NULL;
CREATE INDEX "ix_cases_submitted_at" ON "cases" ("submitted_at");
CREATE INDEX "ix_cases_accepted_at" ON "cases" ("accepted_at");
CREATE INDEX "ix_cases_completed_at" ON "cases" ("completed_at");
CREATE INDEX "ix_cases_status_promised_base_deadline" ON "cases" ("status", "promised_base_deadline");

CREATE TABLE "supervision_daily_counts" (
    "day" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "implementation_code" TEXT NOT NULL,
    "hall_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
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
    "good_ratings" INTEGER NOT NULL,
    "defaulted_ratings" INTEGER NOT NULL,
    "bad_ratings" INTEGER NOT NULL,
    "rectifications_closed" INTEGER NOT NULL,
    CONSTRAINT "pk_supervision_daily_counts" PRIMARY KEY ("day", "region_code", "department_id", "implementation_code", "hall_id", "channel")
);

CREATE TABLE "supervision_daily_handling_times" (
    "day" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "implementation_code" TEXT NOT NULL,
    "hall_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "working_days" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "pk_supervision_daily_handling_times" PRIMARY KEY ("day", "region_code", "department_id", "implementation_code", "hall_id", "channel", "working_days")
);

CREATE TABLE "supervision_day_refreshes" (
    "day" TEXT NOT NULL CONSTRAINT "pk_supervision_day_refreshes" PRIMARY KEY,
    "refreshed_at" INTEGER NOT NULL
);

CREATE TABLE "supervision_dirty_days" (
    "id" TEXT NOT NULL CONSTRAINT "pk_supervision_dirty_days" PRIMARY KEY,
    "day" TEXT NOT NULL,
    "marked_at" INTEGER NOT NULL
);

CREATE INDEX "ix_supervision_daily_counts_region_code_day" ON "supervision_daily_counts" ("region_code", "day");

CREATE INDEX "ix_supervision_daily_handling_times_region_code_day" ON "supervision_daily_handling_times" ("region_code", "day");

CREATE INDEX "ix_supervision_dirty_days_day" ON "supervision_dirty_days" ("day");

