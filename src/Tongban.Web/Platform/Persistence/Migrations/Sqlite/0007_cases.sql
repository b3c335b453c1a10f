-- 0007 cases (Sqlite): 办件 with indexed scalar columns and a JSON document for the collections; 办件编号 counters per
-- implementation and city date; idempotency keys of API submissions; uploaded material files.
CREATE TABLE "case_files" (
    "id" TEXT NOT NULL CONSTRAINT "pk_case_files" PRIMARY KEY,
    "owner_account_id" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "uploaded_at" INTEGER NOT NULL
);

CREATE TABLE "case_number_counters" (
    "implementation_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "last_serial" INTEGER NOT NULL,
    CONSTRAINT "pk_case_number_counters" PRIMARY KEY ("implementation_code", "day")
);

CREATE TABLE "case_submission_keys" (
    "account_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "case_number" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "pk_case_submission_keys" PRIMARY KEY ("account_id", "key")
);

CREATE TABLE "cases" (
    "id" TEXT NOT NULL CONSTRAINT "pk_cases" PRIMARY KEY,
    "number" TEXT NULL,
    "implementation_code" TEXT NOT NULL,
    "implementation_version" INTEGER NOT NULL,
    "department_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_id_number" TEXT NULL,
    "applicant_uscc" TEXT NULL,
    "applicant_name" TEXT NOT NULL,
    "filed_by" TEXT NOT NULL,
    "assisted_filing" TEXT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "last_saved_at" INTEGER NULL,
    "submitted_at" INTEGER NULL,
    "received_at" INTEGER NULL,
    "intake_decided_at" INTEGER NULL,
    "correction_requested_at" INTEGER NULL,
    "refusal_reason" TEXT NULL,
    "accepted_as" TEXT NULL,
    "accepted_at" INTEGER NULL,
    "deemed_accepted" INTEGER NOT NULL,
    "commitment" TEXT NULL,
    "deficiency" TEXT NULL,
    "statutory_limit" TEXT NULL,
    "promised_limit" TEXT NULL,
    "max_extension_working_days" INTEGER NOT NULL,
    "clock_started_at" INTEGER NULL,
    "clock_ended_at" INTEGER NULL,
    "statutory_base_deadline" INTEGER NULL,
    "promised_base_deadline" INTEGER NULL,
    "extension" TEXT NULL,
    "decision" TEXT NULL,
    "decided_at" INTEGER NULL,
    "decided_by" TEXT NULL,
    "issuance" TEXT NULL,
    "issued_at" INTEGER NULL,
    "delivery" TEXT NULL,
    "delivered_at" INTEGER NULL,
    "completed_at" INTEGER NULL,
    "withdrawal_reason" TEXT NULL,
    "withdrawn_at" INTEGER NULL,
    "terminated_at" INTEGER NULL,
    "revocation_reason" TEXT NULL,
    "revoked_at" INTEGER NULL,
    "details" TEXT NOT NULL
);

CREATE INDEX "ix_case_files_owner_account_id" ON "case_files" ("owner_account_id");

CREATE INDEX "ix_cases_applicant_id_number" ON "cases" ("applicant_id_number");

CREATE INDEX "ix_cases_applicant_uscc" ON "cases" ("applicant_uscc");

CREATE INDEX "ix_cases_department_id_status_received_at" ON "cases" ("department_id", "status", "received_at");

CREATE INDEX "ix_cases_filed_by_created_at" ON "cases" ("filed_by", "created_at");

CREATE INDEX "ix_cases_implementation_code_received_at" ON "cases" ("implementation_code", "received_at");

CREATE UNIQUE INDEX "ix_cases_number" ON "cases" ("number");

CREATE INDEX "ix_cases_region_code_status_received_at" ON "cases" ("region_code", "status", "received_at");

