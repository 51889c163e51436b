-- Global search finds open findings by their message (lib/server/search/README.md).
-- The index follows VendorFinding through its triggers, as the summary refresh rewrites the rows.
CREATE VIRTUAL TABLE "search_finding" USING fts5("message", content='VendorFinding', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER "search_finding_insert" AFTER INSERT ON "VendorFinding" BEGIN
  INSERT INTO "search_finding"(rowid, "message") VALUES (new.rowid, new."message");
END;
CREATE TRIGGER "search_finding_delete" AFTER DELETE ON "VendorFinding" BEGIN
  INSERT INTO "search_finding"("search_finding", rowid, "message") VALUES ('delete', old.rowid, old."message");
END;
CREATE TRIGGER "search_finding_update" AFTER UPDATE OF "message" ON "VendorFinding" BEGIN
  INSERT INTO "search_finding"("search_finding", rowid, "message") VALUES ('delete', old.rowid, old."message");
  INSERT INTO "search_finding"(rowid, "message") VALUES (new.rowid, new."message");
END;
INSERT INTO "search_finding"("search_finding") VALUES ('rebuild');
