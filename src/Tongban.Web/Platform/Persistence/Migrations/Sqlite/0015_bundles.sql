-- 0015 bundles (Sqlite): 一件事 definitions, bundle cases, and each member case's bundle case.
CREATE TABLE "bundle_cases" (
    "id" TEXT NOT NULL CONSTRAINT "pk_bundle_cases" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "bundle_code" TEXT NOT NULL,
    "bundle_version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "lead_department_id" TEXT NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_id_number" TEXT NULL,
    "applicant_uscc" TEXT NULL,
    "applicant_name" TEXT NOT NULL,
    "filed_by" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "submitted_at" INTEGER NOT NULL,
    "promised_by" INTEGER NOT NULL,
    "deliver_together" INTEGER NOT NULL,
    "submission" TEXT NOT NULL,
    "members" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);


CREATE TABLE "bundles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_bundles" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "life_event" TEXT NOT NULL,
    "lead_department_id" TEXT NOT NULL,
    "promised_limit" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "members" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);


CREATE INDEX "ix_bundle_cases_applicant_id_number" ON "bundle_cases" ("applicant_id_number");
CREATE INDEX "ix_bundle_cases_applicant_uscc" ON "bundle_cases" ("applicant_uscc");
CREATE INDEX "ix_bundle_cases_lead_department_id_submitted_at" ON "bundle_cases" ("lead_department_id", "submitted_at");
CREATE UNIQUE INDEX "ix_bundle_cases_number" ON "bundle_cases" ("number");
CREATE UNIQUE INDEX "ix_bundles_code" ON "bundles" ("code");
ALTER TABLE "cases" ADD COLUMN "bundle_case_id" TEXT NULL;
CREATE INDEX "ix_cases_bundle_case_id" ON "cases" ("bundle_case_id");
