-- Global search (README.md, "Global search", and lib/server/search/README.md).
-- One GIN index per searchable kind over a tsvector expression of the
-- record's own columns: nothing to keep in sync (the index follows every
-- insert, update and delete) and nothing to backfill (CREATE INDEX reads the
-- existing rows). lib/server/search/sources.ts repeats each expression
-- verbatim, or the planner would not use the index.
--
-- 'simple' config: names and titles are not stemmed or stop-worded ("The
-- Hague Contact" must find "the"). ASCII punctuation becomes a space first:
-- PostgreSQL's parser otherwise keeps "soc2_report-2025.pdf" or
-- "www.acme.com" as one token, and a search for "report" would miss it, this
-- is also how SQLite's unicode61 tokenizer splits words, so both providers
-- find the same records. Prisma's schema does not describe expression
-- indexes and its diff leaves them alone (tests/integration/search/search-schema.test.ts).

CREATE INDEX "search_vendor" ON "Vendor" USING gin (to_tsvector('simple'::regconfig, regexp_replace(coalesce("name", '') || ' ' || coalesce("legalName", ''), '[[:punct:]]+', ' ', 'g')));

CREATE INDEX "search_contract" ON "Contract" USING gin (to_tsvector('simple'::regconfig, regexp_replace(coalesce("title", ''), '[[:punct:]]+', ' ', 'g')));

CREATE INDEX "search_evidence" ON "EvidenceDocument" USING gin (to_tsvector('simple'::regconfig, regexp_replace(coalesce("title", '') || ' ' || coalesce("fileName", ''), '[[:punct:]]+', ' ', 'g')));

CREATE INDEX "search_remediation" ON "RemediationItem" USING gin (to_tsvector('simple'::regconfig, regexp_replace(coalesce("title", '') || ' ' || coalesce("findingMessage", ''), '[[:punct:]]+', ' ', 'g')));
