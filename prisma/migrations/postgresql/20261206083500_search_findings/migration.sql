-- Global search finds open findings by their message (lib/server/search/README.md)
CREATE INDEX "search_finding" ON "VendorFinding" USING gin (to_tsvector('simple'::regconfig, regexp_replace(coalesce("message", ''), '[[:punct:]]+', ' ', 'g')));
