-- Global search (README.md, "Global search", and lib/server/search/README.md).
-- One FTS5 index per searchable kind, each an external-content table over the
-- record's own table (no copy of the text), kept in sync by triggers on that
-- table and filled here from the rows that already exist. Prisma's schema does
-- not describe virtual tables or triggers, scripts/db/migrations.mjs keeps its
-- diff from dropping them (SEARCH_OBJECTS there).
--
-- A later migration that rebuilds one of these tables (Prisma's
-- "RedefineTables" for SQLite: new table, copy, drop, rename) drops its
-- triggers and renumbers its rowids. It must then re-create the three
-- triggers below and run the 'rebuild' command for that index,
-- tests/integration/search/search-schema.test.ts fails until it does.
--
-- unicode61 with remove_diacritics splits words on anything that is not a
-- letter or a digit (so "soc2_report-2025.pdf" is soc2, report, 2025, pdf),
-- the same rule as lib/domain/search/search-terms.ts, prefix='2 3' keeps
-- short prefix queries ("ac*") on an index instead of a scan of the term list.

CREATE VIRTUAL TABLE "search_vendor" USING fts5("name", "legalName", content='Vendor', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "search_vendor_insert" AFTER INSERT ON "Vendor" BEGIN
  INSERT INTO "search_vendor"(rowid, "name", "legalName") VALUES (new.rowid, new."name", new."legalName");
END;
CREATE TRIGGER "search_vendor_delete" AFTER DELETE ON "Vendor" BEGIN
  INSERT INTO "search_vendor"("search_vendor", rowid, "name", "legalName") VALUES ('delete', old.rowid, old."name", old."legalName");
END;
CREATE TRIGGER "search_vendor_update" AFTER UPDATE OF "name", "legalName" ON "Vendor" BEGIN
  INSERT INTO "search_vendor"("search_vendor", rowid, "name", "legalName") VALUES ('delete', old.rowid, old."name", old."legalName");
  INSERT INTO "search_vendor"(rowid, "name", "legalName") VALUES (new.rowid, new."name", new."legalName");
END;
INSERT INTO "search_vendor"("search_vendor") VALUES ('rebuild');

CREATE VIRTUAL TABLE "search_contract" USING fts5("title", content='Contract', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "search_contract_insert" AFTER INSERT ON "Contract" BEGIN
  INSERT INTO "search_contract"(rowid, "title") VALUES (new.rowid, new."title");
END;
CREATE TRIGGER "search_contract_delete" AFTER DELETE ON "Contract" BEGIN
  INSERT INTO "search_contract"("search_contract", rowid, "title") VALUES ('delete', old.rowid, old."title");
END;
CREATE TRIGGER "search_contract_update" AFTER UPDATE OF "title" ON "Contract" BEGIN
  INSERT INTO "search_contract"("search_contract", rowid, "title") VALUES ('delete', old.rowid, old."title");
  INSERT INTO "search_contract"(rowid, "title") VALUES (new.rowid, new."title");
END;
INSERT INTO "search_contract"("search_contract") VALUES ('rebuild');

CREATE VIRTUAL TABLE "search_evidence" USING fts5("title", "fileName", content='EvidenceDocument', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "search_evidence_insert" AFTER INSERT ON "EvidenceDocument" BEGIN
  INSERT INTO "search_evidence"(rowid, "title", "fileName") VALUES (new.rowid, new."title", new."fileName");
END;
CREATE TRIGGER "search_evidence_delete" AFTER DELETE ON "EvidenceDocument" BEGIN
  INSERT INTO "search_evidence"("search_evidence", rowid, "title", "fileName") VALUES ('delete', old.rowid, old."title", old."fileName");
END;
CREATE TRIGGER "search_evidence_update" AFTER UPDATE OF "title", "fileName" ON "EvidenceDocument" BEGIN
  INSERT INTO "search_evidence"("search_evidence", rowid, "title", "fileName") VALUES ('delete', old.rowid, old."title", old."fileName");
  INSERT INTO "search_evidence"(rowid, "title", "fileName") VALUES (new.rowid, new."title", new."fileName");
END;
INSERT INTO "search_evidence"("search_evidence") VALUES ('rebuild');

CREATE VIRTUAL TABLE "search_remediation" USING fts5("title", "findingMessage", content='RemediationItem', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "search_remediation_insert" AFTER INSERT ON "RemediationItem" BEGIN
  INSERT INTO "search_remediation"(rowid, "title", "findingMessage") VALUES (new.rowid, new."title", new."findingMessage");
END;
CREATE TRIGGER "search_remediation_delete" AFTER DELETE ON "RemediationItem" BEGIN
  INSERT INTO "search_remediation"("search_remediation", rowid, "title", "findingMessage") VALUES ('delete', old.rowid, old."title", old."findingMessage");
END;
CREATE TRIGGER "search_remediation_update" AFTER UPDATE OF "title", "findingMessage" ON "RemediationItem" BEGIN
  INSERT INTO "search_remediation"("search_remediation", rowid, "title", "findingMessage") VALUES ('delete', old.rowid, old."title", old."findingMessage");
  INSERT INTO "search_remediation"(rowid, "title", "findingMessage") VALUES (new.rowid, new."title", new."findingMessage");
END;
INSERT INTO "search_remediation"("search_remediation") VALUES ('rebuild');
