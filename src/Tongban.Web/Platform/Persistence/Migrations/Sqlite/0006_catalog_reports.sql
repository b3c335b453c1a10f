-- 0006 catalog reports (SQLite): indexes shaped for the report queries; the EF model does not need them.
-- Frequency classes sum the last 12 monthly counters per implementation: the month range is read from this
-- index alone (it covers implementation_id and cases), however many years of counters accumulate.
CREATE INDEX "ix_implementation_usage_month" ON "implementation_usage" ("month", "implementation_id", "cases");

-- 六统一: the basic items implemented more than once are found by grouping the published rows by basic code.
CREATE INDEX "ix_catalog_search_entries_basic_code" ON "catalog_search_entries" ("basic_code");
