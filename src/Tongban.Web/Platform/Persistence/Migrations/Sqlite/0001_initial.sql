-- 0001 initial schema: organisation, identity, audit, data-protection keys (SQLite).
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_accounts" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "login_name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "security_stamp" TEXT NOT NULL,
    "failed_sign_ins" INTEGER NOT NULL,
    "locked_until" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "disabled_at" INTEGER NULL,
    "disabled_reason" TEXT NULL,
    "person_id_number" TEXT NULL,
    "legal_person_uscc" TEXT NULL,
    "employee_id" TEXT NULL,
    "roles" TEXT NOT NULL,
    "scope_region" TEXT NULL,
    "scope_department_id" TEXT NULL,
    "version" INTEGER NOT NULL
);


CREATE TABLE "audit_records" (
    "sequence" INTEGER NOT NULL CONSTRAINT "pk_audit_records" PRIMARY KEY,
    "occurred_at" INTEGER NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "request_id" TEXT NOT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NOT NULL,
    "xml" TEXT NOT NULL
);


CREATE TABLE "legal_persons" (
    "uscc" TEXT NOT NULL CONSTRAINT "pk_legal_persons" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "legal_representative_name" TEXT NOT NULL,
    "legal_representative_id_number" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);


CREATE TABLE "persons" (
    "id_number" TEXT NOT NULL CONSTRAINT "pk_persons" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "phone" TEXT NULL,
    "address" TEXT NULL,
    "version" INTEGER NOT NULL
);


CREATE TABLE "regions" (
    "code" TEXT NOT NULL CONSTRAINT "pk_regions" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "parent_code" TEXT NULL
);


CREATE TABLE "access_tokens" (
    "token_hash" TEXT NOT NULL CONSTRAINT "pk_access_tokens" PRIMARY KEY,
    "account_id" TEXT NOT NULL,
    "security_stamp" TEXT NOT NULL,
    "issued_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    CONSTRAINT "fk_access_tokens_accounts_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE
);


CREATE TABLE "departments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_departments" PRIMARY KEY,
    "uscc" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "parent_id" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_departments_departments_parent_id" FOREIGN KEY ("parent_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_departments_regions_region_code" FOREIGN KEY ("region_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);


CREATE TABLE "service_halls" (
    "id" TEXT NOT NULL CONSTRAINT "pk_service_halls" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "opening_hours" TEXT NOT NULL,
    "latitude" TEXT NULL,
    "longitude" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_service_halls_regions_region_code" FOREIGN KEY ("region_code") REFERENCES "regions" ("code") ON DELETE RESTRICT
);


CREATE TABLE "service_windows" (
    "id" TEXT NOT NULL CONSTRAINT "pk_service_windows" PRIMARY KEY,
    "hall_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "department_id" TEXT NULL,
    CONSTRAINT "fk_service_windows_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_service_windows_service_halls_hall_id" FOREIGN KEY ("hall_id") REFERENCES "service_halls" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_access_tokens_account_id" ON "access_tokens" ("account_id");


CREATE UNIQUE INDEX "ix_accounts_login_name" ON "accounts" ("login_name");


CREATE INDEX "ix_accounts_scope_region_kind" ON "accounts" ("scope_region", "kind");


CREATE INDEX "ix_audit_records_actor_id" ON "audit_records" ("actor_id");


CREATE INDEX "ix_audit_records_entity_type_entity_id" ON "audit_records" ("entity_type", "entity_id");


CREATE INDEX "ix_departments_parent_id" ON "departments" ("parent_id");


CREATE INDEX "ix_departments_region_code" ON "departments" ("region_code");


CREATE UNIQUE INDEX "ix_departments_uscc" ON "departments" ("uscc");


CREATE INDEX "ix_legal_persons_region_code" ON "legal_persons" ("region_code");


CREATE INDEX "ix_regions_parent_code" ON "regions" ("parent_code");


CREATE INDEX "ix_service_halls_region_code" ON "service_halls" ("region_code");


CREATE INDEX "ix_service_windows_department_id" ON "service_windows" ("department_id");


CREATE UNIQUE INDEX "ix_service_windows_hall_id_number" ON "service_windows" ("hall_id", "number");



