-- 0013 licence administration (Sqlite): the status history of licences (暂停, 恢复, 撤销, 变更换发) as the issuer's staff see it.
CREATE TABLE "licence_status_changes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licence_status_changes" PRIMARY KEY,
    "licence_id" TEXT NOT NULL,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "at" INTEGER NOT NULL
);

CREATE INDEX "ix_licence_status_changes_licence_id_at" ON "licence_status_changes" ("licence_id", "at");
