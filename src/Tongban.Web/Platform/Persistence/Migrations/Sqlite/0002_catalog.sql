-- 0002 catalog: basic items, claim exemptions, implementations and their published versions, search rows, usage counters (SQLite).
CREATE TABLE "catalog_items" (
    "code" TEXT NOT NULL CONSTRAINT "pk_catalog_items" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "competent_department" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "levels" TEXT NOT NULL,
    "parent_code" TEXT NULL,
    "issued_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "claim_exemptions" (
    "basic_code" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "lead_department_id" TEXT NOT NULL,
    "filed_at" INTEGER NOT NULL,
    "filed_by" TEXT NOT NULL,
    CONSTRAINT "pk_claim_exemptions" PRIMARY KEY ("basic_code", "region_code")
);

CREATE TABLE "implementations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_implementations" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "basic_code" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draft_json" TEXT NOT NULL,
    "draft_name" TEXT NOT NULL,
    "published_version" INTEGER NULL,
    "claimed_at" INTEGER NOT NULL,
    "claimed_by" TEXT NOT NULL,
    "submitted_at" INTEGER NULL,
    "submitted_by" TEXT NULL,
    "return_reason" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_implementations_catalog_items_basic_code" FOREIGN KEY ("basic_code") REFERENCES "catalog_items" ("code") ON DELETE RESTRICT
);

CREATE TABLE "catalog_search_entries" (
    "implementation_id" TEXT NOT NULL CONSTRAINT "pk_catalog_search_entries" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "basic_code" TEXT NOT NULL,
    "version_number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "department_name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "audience" INTEGER NOT NULL,
    "item_type" TEXT NOT NULL,
    "online_depth" TEXT NOT NULL,
    "service_scope" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "initials" TEXT NOT NULL,
    "life_events" TEXT NOT NULL,
    "published_at" INTEGER NOT NULL,
    CONSTRAINT "fk_catalog_search_entries_implementations_implementation_id" FOREIGN KEY ("implementation_id") REFERENCES "implementations" ("id") ON DELETE CASCADE
);

CREATE TABLE "implementation_usage" (
    "implementation_id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "pk_implementation_usage" PRIMARY KEY ("implementation_id", "month"),
    CONSTRAINT "fk_implementation_usage_implementations_implementation_id" FOREIGN KEY ("implementation_id") REFERENCES "implementations" ("id") ON DELETE CASCADE
);

CREATE TABLE "implementation_versions" (
    "implementation_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "content_json" TEXT NOT NULL,
    "published_at" INTEGER NOT NULL,
    "published_by" TEXT NOT NULL,
    CONSTRAINT "pk_implementation_versions" PRIMARY KEY ("implementation_id", "number"),
    CONSTRAINT "fk_implementation_versions_implementations_implementation_id" FOREIGN KEY ("implementation_id") REFERENCES "implementations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_catalog_items_name" ON "catalog_items" ("name");

CREATE UNIQUE INDEX "ix_catalog_search_entries_code" ON "catalog_search_entries" ("code");

CREATE INDEX "ix_catalog_search_entries_region_code" ON "catalog_search_entries" ("region_code");

CREATE INDEX "ix_implementation_versions_code_number" ON "implementation_versions" ("code", "number");

CREATE INDEX "ix_implementations_basic_code" ON "implementations" ("basic_code");

CREATE UNIQUE INDEX "ix_implementations_code" ON "implementations" ("code");

CREATE INDEX "ix_implementations_department_id" ON "implementations" ("department_id");

CREATE INDEX "ix_implementations_region_code_status" ON "implementations" ("region_code", "status");

