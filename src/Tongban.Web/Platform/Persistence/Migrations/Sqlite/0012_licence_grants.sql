-- 0012 licence grants (Sqlite): 亮证 codes and 用证授权 grants (one table with a kind; only the code's SHA-256 is kept)
-- and the usage log of every use (when, through which channel).
CREATE TABLE "licence_grant_uses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licence_grant_uses" PRIMARY KEY,
    "grant_id" TEXT NOT NULL,
    "used_at" INTEGER NOT NULL,
    "channel" TEXT NOT NULL
);

CREATE TABLE "licence_grants" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licence_grants" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "licence_id" TEXT NOT NULL,
    "holder_code" TEXT NOT NULL,
    "grantee" TEXT NULL,
    "purpose" TEXT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "revoked_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE INDEX "ix_licence_grant_uses_grant_id_used_at" ON "licence_grant_uses" ("grant_id", "used_at");

CREATE UNIQUE INDEX "ix_licence_grants_code_hash" ON "licence_grants" ("code_hash");

CREATE INDEX "ix_licence_grants_licence_id_kind_created_at" ON "licence_grants" ("licence_id", "kind", "created_at");
