-- 0010 licences (Sqlite): 证照类型, 电子证照 with their signed QR payloads, 证照流水号 counters per type and issuer,
-- departments' seals (public keys; rotation by generation) and the default key store's protected private keys.
CREATE TABLE "licence_serial_counters" (
    "type_code" TEXT NOT NULL,
    "issuer_uscc" TEXT NOT NULL,
    "last_serial" INTEGER NOT NULL,
    CONSTRAINT "pk_licence_serial_counters" PRIMARY KEY ("type_code", "issuer_uscc")
);

CREATE TABLE "licence_types" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licence_types" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "validity" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "one_per_holder" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "fields" TEXT NOT NULL,
    "issuer_department_ids" TEXT NOT NULL
);

CREATE TABLE "licences" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licences" PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "type_code" TEXT NOT NULL,
    "type_name" TEXT NOT NULL,
    "issuer_department_id" TEXT NOT NULL,
    "issuer_uscc" TEXT NOT NULL,
    "issuer_name" TEXT NOT NULL,
    "holder_code_type" TEXT NOT NULL,
    "holder_code" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NULL,
    "origin" TEXT NOT NULL,
    "case_number" TEXT NULL,
    "payload" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "status_reason" TEXT NULL,
    "status_changed_at" INTEGER NULL,
    "superseded_by" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL
);

CREATE TABLE "seal_keys" (
    "key_id" TEXT NOT NULL CONSTRAINT "pk_seal_keys" PRIMARY KEY,
    "protected_key" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "seals" (
    "id" TEXT NOT NULL CONSTRAINT "pk_seals" PRIMARY KEY,
    "department_id" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "department_name" TEXT NOT NULL,
    "uscc" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "valid_from" INTEGER NOT NULL,
    "valid_until" INTEGER NOT NULL,
    "retired_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_licence_types_code" ON "licence_types" ("code");

CREATE INDEX "ix_licences_case_number" ON "licences" ("case_number");

CREATE INDEX "ix_licences_holder_code" ON "licences" ("holder_code");

CREATE UNIQUE INDEX "ix_licences_identifier" ON "licences" ("identifier");

CREATE INDEX "ix_licences_issuer_department_id_issued_on" ON "licences" ("issuer_department_id", "issued_on");

CREATE UNIQUE INDEX "ix_seals_department_id_generation" ON "seals" ("department_id", "generation");

CREATE UNIQUE INDEX "ix_seals_key_id" ON "seals" ("key_id");
