-- 0011 licence verifications (Sqlite): every verification answered (API, page, /v/ link, grants), by
-- channel, the identifier or case number asked about and the status answered; the verifier's account
-- when signed in, nothing else about them.
CREATE TABLE "licence_verifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licence_verifications" PRIMARY KEY,
    "at" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "account_id" TEXT NULL
);

CREATE INDEX "ix_licence_verifications_subject_at" ON "licence_verifications" ("subject", "at");
