-- 0021 效能监管 (Sqlite): 预警 push keys (one per case and level) and staff notices; 督办 orders.
CREATE TABLE "supervision_notices" (
    "id" TEXT NOT NULL CONSTRAINT "pk_supervision_notices" PRIMARY KEY,
    "account_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "case_number" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "read_at" INTEGER NULL
);

CREATE TABLE "supervision_orders" (
    "id" TEXT NOT NULL CONSTRAINT "pk_supervision_orders" PRIMARY KEY,
    "subject" TEXT NOT NULL,
    "case_number" TEXT NULL,
    "department_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "issued_at" INTEGER NOT NULL,
    "answer_deadline" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "answer" TEXT NULL,
    "answered_by" TEXT NULL,
    "answered_at" INTEGER NULL,
    "closed_at" INTEGER NULL,
    "closed_by" TEXT NULL,
    "closing_note" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "supervision_warning_pushes" (
    "case_id" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "case_number" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "pushed_at" INTEGER NOT NULL,
    CONSTRAINT "pk_supervision_warning_pushes" PRIMARY KEY ("case_id", "level")
);

CREATE INDEX "ix_supervision_notices_account_id_read_at" ON "supervision_notices" ("account_id", "read_at");

CREATE INDEX "ix_supervision_orders_case_number" ON "supervision_orders" ("case_number");

CREATE INDEX "ix_supervision_orders_department_id_state" ON "supervision_orders" ("department_id", "state");

CREATE INDEX "ix_supervision_orders_region_issued_at" ON "supervision_orders" ("region", "issued_at");

