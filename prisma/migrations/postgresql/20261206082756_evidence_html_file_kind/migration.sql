-- Enumeration CHECK constraints, written by scripts/db/enum-checks.ts from prisma/enum-columns.ts.
ALTER TABLE "EvidenceDocument" DROP CONSTRAINT IF EXISTS "EvidenceDocument_kind_check";
ALTER TABLE "EvidenceDocument" ADD CONSTRAINT "EvidenceDocument_kind_check" CHECK ("kind" IN ('soc2_report', 'iso_certificate', 'pentest_report', 'security_policy', 'incident_response_plan', 'bcp', 'insurance_certificate', 'contract', 'other'));
ALTER TABLE "EvidenceDocument" DROP CONSTRAINT IF EXISTS "EvidenceDocument_fileKind_check";
ALTER TABLE "EvidenceDocument" ADD CONSTRAINT "EvidenceDocument_fileKind_check" CHECK ("fileKind" IN ('pdf', 'docx', 'xlsx', 'png', 'jpeg', 'txt', 'html'));
