-- 0016 cross-region handling (Sqlite): 收受分离's record and receiving region, 全程网办, the open 多地联办 step's region.
ALTER TABLE "cases" ADD COLUMN "remote_intake" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "received_in_region" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "fully_online" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "cases" ADD COLUMN "open_step_region" TEXT NULL;
CREATE INDEX "ix_cases_open_step_region" ON "cases" ("open_step_region");
CREATE INDEX "ix_cases_received_in_region_received_at" ON "cases" ("received_in_region", "received_at");
