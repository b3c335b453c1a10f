-- 0023 数据共享交换 (Sqlite): 办件数据交换 batches (批次号 per region and city date) and what each record last sent, to tell I from U.
CREATE TABLE "exchange_batches" (
    "id" TEXT NOT NULL CONSTRAINT "pk_exchange_batches" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "period_from" TEXT NOT NULL,
    "period_to" TEXT NOT NULL,
    "resend" INTEGER NOT NULL,
    "row_count" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL
);

CREATE TABLE "exchange_sent_records" (
    "kind" TEXT NOT NULL,
    "record_key" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "batch_number" TEXT NOT NULL,
    "sent_at" INTEGER NOT NULL,
    CONSTRAINT "pk_exchange_sent_records" PRIMARY KEY ("kind", "record_key")
);

CREATE UNIQUE INDEX "ix_exchange_batches_number" ON "exchange_batches" ("number");

CREATE UNIQUE INDEX "ix_exchange_batches_region_day_sequence" ON "exchange_batches" ("region", "day", "sequence");
