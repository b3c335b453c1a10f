-- 0022 效能监管 (Postgres): the 办结-stage active ratings per day, the numerator of 主动评价率 (a 受理 rating answers no invitation).
ALTER TABLE supervision_daily_counts ADD COLUMN answered_invitations bigint NOT NULL DEFAULT 0;
ALTER TABLE supervision_daily_counts ALTER COLUMN answered_invitations DROP DEFAULT;
