-- 0019 evaluation (Sqlite): 好差评 ratings, rating invitations and 差评整改 work orders.
CREATE TABLE "rating_invitations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_rating_invitations" PRIMARY KEY,
    "case_number" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "responsible_department_id" TEXT NOT NULL,
    "implementation_code" TEXT NULL,
    "hall_id" TEXT NULL,
    "clerk_id" TEXT NULL,
    "recipient_account_id" TEXT NOT NULL,
    "sent_at" INTEGER NOT NULL,
    "remind_at" INTEGER NOT NULL,
    "reminded_at" INTEGER NULL,
    "active_by" INTEGER NOT NULL,
    "default_at" INTEGER NULL,
    "default_level" INTEGER NULL,
    "state" TEXT NOT NULL,
    "rating_id" TEXT NULL,
    "closed_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "ratings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ratings" PRIMARY KEY,
    "subject_kind" TEXT NOT NULL,
    "subject_ref" TEXT NOT NULL,
    "stage" TEXT NULL,
    "region_code" TEXT NOT NULL,
    "responsible_department_id" TEXT NOT NULL,
    "implementation_code" TEXT NULL,
    "hall_id" TEXT NULL,
    "clerk_id" TEXT NULL,
    "level" INTEGER NOT NULL,
    "tags" TEXT NOT NULL,
    "comment" TEXT NULL,
    "channel" TEXT NULL,
    "rater_account_id" TEXT NULL,
    "rater_name" TEXT NULL,
    "rater_phone" TEXT NULL,
    "rated_at" INTEGER NOT NULL,
    "defaulted" INTEGER NOT NULL,
    "appeal" TEXT NULL,
    "appeal_state" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "rectifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_rectifications" PRIMARY KEY,
    "rating_id" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "real_name" INTEGER NOT NULL,
    "opened_at" INTEGER NOT NULL,
    "deadline" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "rectified_at" INTEGER NULL,
    "closed_at" INTEGER NULL,
    "version" INTEGER NOT NULL,
    "history" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_rating_invitations_case_number_stage" ON "rating_invitations" ("case_number", "stage");

CREATE INDEX "ix_rating_invitations_recipient_account_id" ON "rating_invitations" ("recipient_account_id");

CREATE INDEX "ix_rating_invitations_region_code" ON "rating_invitations" ("region_code");

CREATE INDEX "ix_rating_invitations_sent_at" ON "rating_invitations" ("sent_at");

CREATE INDEX "ix_rating_invitations_state_default_at" ON "rating_invitations" ("state", "default_at");

CREATE INDEX "ix_rating_invitations_state_remind_at" ON "rating_invitations" ("state", "remind_at");

CREATE INDEX "ix_ratings_appeal_state" ON "ratings" ("appeal_state");

CREATE INDEX "ix_ratings_rated_at" ON "ratings" ("rated_at");

CREATE INDEX "ix_ratings_region_code" ON "ratings" ("region_code");

CREATE INDEX "ix_ratings_responsible_department_id_implementation_code" ON "ratings" ("responsible_department_id", "implementation_code");

CREATE INDEX "ix_rectifications_department_id_state" ON "rectifications" ("department_id", "state");

CREATE UNIQUE INDEX "ix_rectifications_rating_id" ON "rectifications" ("rating_id");

CREATE INDEX "ix_rectifications_region_code_opened_at" ON "rectifications" ("region_code", "opened_at");

-- A case stage is rated once (EF cannot declare an index over owned and owner columns together).
CREATE UNIQUE INDEX "ux_ratings_subject_stage" ON "ratings" ("subject_kind", "subject_ref", "stage");
