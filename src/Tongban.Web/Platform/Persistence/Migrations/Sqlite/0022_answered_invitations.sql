-- 0022 效能监管 (Sqlite): the 办结-stage active ratings per day, the numerator of 主动评价率 (a 受理 rating answers no invitation).
ALTER TABLE "supervision_daily_counts" ADD COLUMN "answered_invitations" INTEGER NOT NULL DEFAULT 0;
