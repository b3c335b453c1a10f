-- 0009 case status index (Postgres): the 容缺 sweep finds the cases accepted with owed materials by status alone, across regions.
CREATE INDEX ix_cases_status ON cases (status);
