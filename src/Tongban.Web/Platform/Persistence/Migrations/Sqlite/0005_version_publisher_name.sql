-- 0005 catalog: the publisher's display name on each published version, for the version history (SQLite).
ALTER TABLE "implementation_versions" ADD COLUMN "published_by_name" TEXT NULL;
