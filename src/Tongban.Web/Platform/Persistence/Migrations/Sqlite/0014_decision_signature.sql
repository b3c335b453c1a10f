-- 0014 decision signature (Sqlite): the decision document's signed payload, sealed when the case is decided.
ALTER TABLE "cases" ADD COLUMN "decision_signature" TEXT NULL;
