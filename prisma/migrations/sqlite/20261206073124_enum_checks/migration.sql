-- Enumeration CHECK constraints, written by scripts/db/enum-checks.ts from prisma/enum-columns.ts.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" DATETIME,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" DATETIME,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_role_check" CHECK ("role" IN ('admin', 'procurement', 'legal', 'security', 'viewer'))
);
INSERT INTO "new_User" ("id", "email", "name", "role", "passwordHash", "active", "lastLoginAt", "mustChangePassword", "passwordChangedAt", "isDemo", "version", "createdAt", "updatedAt") SELECT "id", "email", "name", "role", "passwordHash", "active", "lastLoginAt", "mustChangePassword", "passwordChangedAt", "isDemo", "version", "createdAt", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_AuthSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuthSession_revokedReason_check" CHECK ("revokedReason" IN ('sign_out', 'deactivated', 'role_changed', 'password_changed', 'password_reset_forced'))
);
INSERT INTO "new_AuthSession" ("id", "userId", "createdAt", "lastSeenAt", "revokedAt", "revokedReason") SELECT "id", "userId", "createdAt", "lastSeenAt", "revokedAt", "revokedReason" FROM "AuthSession";
DROP TABLE "AuthSession";
ALTER TABLE "new_AuthSession" RENAME TO "AuthSession";
CREATE INDEX "AuthSession_createdAt_idx" ON "AuthSession"("createdAt");
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");
CREATE TABLE "new_Vendor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "website" TEXT,
    "country" TEXT NOT NULL,
    "accessLevel" TEXT NOT NULL DEFAULT 'read_only',
    "tier" TEXT NOT NULL,
    "tierRank" INTEGER NOT NULL,
    "computedTier" TEXT NOT NULL DEFAULT 'low',
    "tierOverrideReason" TEXT,
    "tierOverriddenById" TEXT,
    "tierOverriddenAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'prospective',
    "ownerId" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "blockerCount" INTEGER NOT NULL DEFAULT 0,
    "highCount" INTEGER NOT NULL DEFAULT 0,
    "mediumCount" INTEGER NOT NULL DEFAULT 0,
    "lowCount" INTEGER NOT NULL DEFAULT 0,
    "soc2State" TEXT NOT NULL DEFAULT 'missing',
    "soc2StaleFrom" TEXT,
    "legalBlockerCount" INTEGER NOT NULL DEFAULT 0,
    "findingsAt" DATETIME,
    "legalRevision" INTEGER NOT NULL DEFAULT 0,
    "nextAssessmentDue" DATETIME,
    CONSTRAINT "Vendor_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Vendor_accessLevel_check" CHECK ("accessLevel" IN ('read_only', 'trigger_resets', 'change_billing', 'admin')),
    CONSTRAINT "Vendor_tier_check" CHECK ("tier" IN ('critical', 'high', 'moderate', 'low')),
    CONSTRAINT "Vendor_computedTier_check" CHECK ("computedTier" IN ('critical', 'high', 'moderate', 'low')),
    CONSTRAINT "Vendor_status_check" CHECK ("status" IN ('prospective', 'active', 'offboarded')),
    CONSTRAINT "Vendor_soc2State_check" CHECK ("soc2State" IN ('missing', 'current', 'due', 'stale'))
);
INSERT INTO "new_Vendor" ("id", "name", "searchName", "legalName", "website", "country", "accessLevel", "tier", "tierRank", "computedTier", "tierOverrideReason", "tierOverriddenById", "tierOverriddenAt", "status", "ownerId", "isDemo", "version", "createdAt", "updatedAt", "blockerCount", "highCount", "mediumCount", "lowCount", "soc2State", "soc2StaleFrom", "legalBlockerCount", "findingsAt", "legalRevision", "nextAssessmentDue") SELECT "id", "name", "searchName", "legalName", "website", "country", "accessLevel", "tier", "tierRank", "computedTier", "tierOverrideReason", "tierOverriddenById", "tierOverriddenAt", "status", "ownerId", "isDemo", "version", "createdAt", "updatedAt", "blockerCount", "highCount", "mediumCount", "lowCount", "soc2State", "soc2StaleFrom", "legalBlockerCount", "findingsAt", "legalRevision", "nextAssessmentDue" FROM "Vendor";
DROP TABLE "Vendor";
ALTER TABLE "new_Vendor" RENAME TO "Vendor";
CREATE INDEX "Vendor_blockerCount_idx" ON "Vendor"("blockerCount");
CREATE INDEX "Vendor_country_idx" ON "Vendor"("country");
CREATE INDEX "Vendor_findingsAt_id_idx" ON "Vendor"("findingsAt", "id");
CREATE INDEX "Vendor_legalBlockerCount_idx" ON "Vendor"("legalBlockerCount");
CREATE INDEX "Vendor_nextAssessmentDue_idx" ON "Vendor"("nextAssessmentDue");
CREATE INDEX "Vendor_searchName_id_idx" ON "Vendor"("searchName", "id");
CREATE INDEX "Vendor_soc2StaleFrom_idx" ON "Vendor"("soc2StaleFrom");
CREATE INDEX "Vendor_status_idx" ON "Vendor"("status");
CREATE INDEX "Vendor_tierRank_searchName_id_idx" ON "Vendor"("tierRank", "searchName", "id");
CREATE TABLE "new_VendorService" (
    "vendorId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("vendorId", "service"),
    CONSTRAINT "VendorService_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VendorService_service_check" CHECK ("service" IN ('email', 'chat', 'phone', 'back_office'))
);
INSERT INTO "new_VendorService" ("vendorId", "service", "position") SELECT "vendorId", "service", "position" FROM "VendorService";
DROP TABLE "VendorService";
ALTER TABLE "new_VendorService" RENAME TO "VendorService";
CREATE INDEX "VendorService_service_idx" ON "VendorService"("service");
CREATE TABLE "new_VendorIndustry" (
    "vendorId" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("vendorId", "industry"),
    CONSTRAINT "VendorIndustry_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VendorIndustry_industry_check" CHECK ("industry" IN ('fintech', 'healthcare', 'ecommerce', 'saas', 'gaming', 'automotive', 'government'))
);
INSERT INTO "new_VendorIndustry" ("vendorId", "industry", "position") SELECT "vendorId", "industry", "position" FROM "VendorIndustry";
DROP TABLE "VendorIndustry";
ALTER TABLE "new_VendorIndustry" RENAME TO "VendorIndustry";
CREATE INDEX "VendorIndustry_industry_idx" ON "VendorIndustry"("industry");
CREATE TABLE "new_VendorDataCategory" (
    "vendorId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("vendorId", "category"),
    CONSTRAINT "VendorDataCategory_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VendorDataCategory_category_check" CHECK ("category" IN ('contact_pii', 'credentials_reset', 'payment_card', 'health', 'eu_personal', 'california_personal', 'india_personal'))
);
INSERT INTO "new_VendorDataCategory" ("vendorId", "category", "position") SELECT "vendorId", "category", "position" FROM "VendorDataCategory";
DROP TABLE "VendorDataCategory";
ALTER TABLE "new_VendorDataCategory" RENAME TO "VendorDataCategory";
CREATE INDEX "VendorDataCategory_category_idx" ON "VendorDataCategory"("category");
CREATE TABLE "new_DeliverySite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "edr" BOOLEAN,
    "vpn" BOOLEAN,
    "mfa" BOOLEAN,
    "vdi" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DeliverySite_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeliverySite_mode_check" CHECK ("mode" IN ('onsite', 'remote'))
);
INSERT INTO "new_DeliverySite" ("id", "vendorId", "country", "city", "mode", "headcount", "edr", "vpn", "mfa", "vdi", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "country", "city", "mode", "headcount", "edr", "vpn", "mfa", "vdi", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "DeliverySite";
DROP TABLE "DeliverySite";
ALTER TABLE "new_DeliverySite" RENAME TO "DeliverySite";
CREATE INDEX "DeliverySite_country_idx" ON "DeliverySite"("country");
CREATE INDEX "DeliverySite_vendorId_createdAt_idx" ON "DeliverySite"("vendorId", "createdAt");
CREATE TABLE "new_Soc2Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "issueDate" TEXT NOT NULL,
    "auditor" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "exceptionCount" INTEGER NOT NULL,
    "carvedOutSubservices" JSONB NOT NULL,
    "bridgeLetterDate" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Soc2Report_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Soc2Report_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Soc2Report_type_check" CHECK ("type" IN ('type1', 'type2')),
    CONSTRAINT "Soc2Report_opinion_check" CHECK ("opinion" IN ('unqualified', 'qualified', 'adverse', 'disclaimer'))
);
INSERT INTO "new_Soc2Report" ("id", "vendorId", "type", "periodStart", "periodEnd", "issueDate", "auditor", "opinion", "exceptionCount", "carvedOutSubservices", "bridgeLetterDate", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "type", "periodStart", "periodEnd", "issueDate", "auditor", "opinion", "exceptionCount", "carvedOutSubservices", "bridgeLetterDate", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "Soc2Report";
DROP TABLE "Soc2Report";
ALTER TABLE "new_Soc2Report" RENAME TO "Soc2Report";
CREATE INDEX "Soc2Report_periodEnd_idx" ON "Soc2Report"("periodEnd");
CREATE INDEX "Soc2Report_vendorId_createdAt_idx" ON "Soc2Report"("vendorId", "createdAt");
CREATE TABLE "new_IsoCertificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "certificationBody" TEXT NOT NULL,
    "accredited" BOOLEAN NOT NULL,
    "standardVersion" TEXT NOT NULL,
    "issueDate" TEXT NOT NULL,
    "expiryDate" TEXT NOT NULL,
    "scopeText" TEXT NOT NULL,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IsoCertificate_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IsoCertificate_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "IsoCertificate_standardVersion_check" CHECK ("standardVersion" IN ('2013', '2022'))
);
INSERT INTO "new_IsoCertificate" ("id", "vendorId", "certificateNumber", "certificationBody", "accredited", "standardVersion", "issueDate", "expiryDate", "scopeText", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "certificateNumber", "certificationBody", "accredited", "standardVersion", "issueDate", "expiryDate", "scopeText", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "IsoCertificate";
DROP TABLE "IsoCertificate";
ALTER TABLE "new_IsoCertificate" RENAME TO "IsoCertificate";
CREATE INDEX "IsoCertificate_expiryDate_idx" ON "IsoCertificate"("expiryDate");
CREATE INDEX "IsoCertificate_vendorId_createdAt_idx" ON "IsoCertificate"("vendorId", "createdAt");
CREATE TABLE "new_ControlAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ControlAssessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ControlAssessment_code_fkey" FOREIGN KEY ("code") REFERENCES "ControlDefinition" ("code") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "ControlAssessment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "ControlAssessment_status_check" CHECK ("status" IN ('in_place', 'partial', 'not_in_place', 'not_applicable', 'unknown'))
);
INSERT INTO "new_ControlAssessment" ("id", "vendorId", "code", "status", "note", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "code", "status", "note", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "ControlAssessment";
DROP TABLE "ControlAssessment";
ALTER TABLE "new_ControlAssessment" RENAME TO "ControlAssessment";
CREATE INDEX "ControlAssessment_code_status_idx" ON "ControlAssessment"("code", "status");
CREATE UNIQUE INDEX "ControlAssessment_vendorId_code_key" ON "ControlAssessment"("vendorId", "code");
CREATE INDEX "ControlAssessment_vendorId_createdAt_idx" ON "ControlAssessment"("vendorId", "createdAt");
CREATE TABLE "new_Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "detectedAt" DATETIME NOT NULL,
    "notifiedAt" DATETIME,
    "severity" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "personalDataInvolved" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Incident_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Incident_severity_check" CHECK ("severity" IN ('low', 'medium', 'high', 'critical'))
);
INSERT INTO "new_Incident" ("id", "vendorId", "detectedAt", "notifiedAt", "severity", "summary", "personalDataInvolved", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "detectedAt", "notifiedAt", "severity", "summary", "personalDataInvolved", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "Incident";
DROP TABLE "Incident";
ALTER TABLE "new_Incident" RENAME TO "Incident";
CREATE INDEX "Incident_detectedAt_idx" ON "Incident"("detectedAt");
CREATE INDEX "Incident_vendorId_createdAt_idx" ON "Incident"("vendorId", "createdAt");
CREATE TABLE "new_Contract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT,
    "status" TEXT NOT NULL,
    "effectiveDate" TEXT,
    "termEnd" TEXT,
    "renewal" TEXT NOT NULL,
    "noticePeriodDays" INTEGER,
    "noticeDeadline" TEXT,
    "governingLaw" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contract_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Contract_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Contract_type_check" CHECK ("type" IN ('msa', 'dpa', 'sow', 'amendment', 'other')),
    CONSTRAINT "Contract_status_check" CHECK ("status" IN ('draft', 'signed', 'expired', 'terminated')),
    CONSTRAINT "Contract_renewal_check" CHECK ("renewal" IN ('auto', 'manual'))
);
INSERT INTO "new_Contract" ("id", "vendorId", "type", "title", "status", "effectiveDate", "termEnd", "renewal", "noticePeriodDays", "noticeDeadline", "governingLaw", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "type", "title", "status", "effectiveDate", "termEnd", "renewal", "noticePeriodDays", "noticeDeadline", "governingLaw", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "Contract";
DROP TABLE "Contract";
ALTER TABLE "new_Contract" RENAME TO "Contract";
CREATE INDEX "Contract_noticeDeadline_idx" ON "Contract"("noticeDeadline");
CREATE INDEX "Contract_termEnd_idx" ON "Contract"("termEnd");
CREATE INDEX "Contract_vendorId_createdAt_idx" ON "Contract"("vendorId", "createdAt");
CREATE TABLE "new_ClauseReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "clauseCode" TEXT NOT NULL,
    "presence" TEXT NOT NULL,
    "citationContractId" TEXT,
    "citationSection" TEXT,
    "citationPage" INTEGER,
    "hours" INTEGER,
    "days" INTEGER,
    "months" INTEGER,
    "amountMinor" BIGINT,
    "currency" TEXT,
    "auditScope" TEXT,
    "reviewerNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClauseReview_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClauseReview_citationContractId_fkey" FOREIGN KEY ("citationContractId") REFERENCES "Contract" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "ClauseReview_presence_check" CHECK ("presence" IN ('present', 'missing', 'not_applicable')),
    CONSTRAINT "ClauseReview_auditScope_check" CHECK ("auditScope" IN ('direct_or_third_party', 'reports_only'))
);
INSERT INTO "new_ClauseReview" ("id", "vendorId", "clauseCode", "presence", "citationContractId", "citationSection", "citationPage", "hours", "days", "months", "amountMinor", "currency", "auditScope", "reviewerNote", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "clauseCode", "presence", "citationContractId", "citationSection", "citationPage", "hours", "days", "months", "amountMinor", "currency", "auditScope", "reviewerNote", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "ClauseReview";
DROP TABLE "ClauseReview";
ALTER TABLE "new_ClauseReview" RENAME TO "ClauseReview";
CREATE INDEX "ClauseReview_clauseCode_presence_idx" ON "ClauseReview"("clauseCode", "presence");
CREATE UNIQUE INDEX "ClauseReview_vendorId_clauseCode_key" ON "ClauseReview"("vendorId", "clauseCode");
CREATE INDEX "ClauseReview_vendorId_createdAt_idx" ON "ClauseReview"("vendorId", "createdAt");
CREATE TABLE "new_DpaStatus" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "signedDate" TEXT,
    "dpaVersion" TEXT,
    "contractId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DpaStatus_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DpaStatus_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "DpaStatus_status_check" CHECK ("status" IN ('none', 'draft', 'signed'))
);
INSERT INTO "new_DpaStatus" ("id", "vendorId", "status", "signedDate", "dpaVersion", "contractId", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "status", "signedDate", "dpaVersion", "contractId", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "DpaStatus";
DROP TABLE "DpaStatus";
ALTER TABLE "new_DpaStatus" RENAME TO "DpaStatus";
CREATE INDEX "DpaStatus_status_idx" ON "DpaStatus"("status");
CREATE UNIQUE INDEX "DpaStatus_vendorId_key" ON "DpaStatus"("vendorId");
CREATE TABLE "new_TransferMechanism" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "mechanism" TEXT NOT NULL,
    "sccModule" INTEGER,
    "tiaDate" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TransferMechanism_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TransferMechanism_mechanism_check" CHECK ("mechanism" IN ('eu_eea', 'adequacy', 'sccs', 'bcrs', 'none')),
    CONSTRAINT "TransferMechanism_sccModule_check" CHECK ("sccModule" IN (1, 2, 3, 4))
);
INSERT INTO "new_TransferMechanism" ("id", "vendorId", "country", "mechanism", "sccModule", "tiaDate", "note", "version", "createdById", "updatedById", "createdAt", "updatedAt") SELECT "id", "vendorId", "country", "mechanism", "sccModule", "tiaDate", "note", "version", "createdById", "updatedById", "createdAt", "updatedAt" FROM "TransferMechanism";
DROP TABLE "TransferMechanism";
ALTER TABLE "new_TransferMechanism" RENAME TO "TransferMechanism";
CREATE INDEX "TransferMechanism_country_mechanism_idx" ON "TransferMechanism"("country", "mechanism");
CREATE UNIQUE INDEX "TransferMechanism_vendorId_country_key" ON "TransferMechanism"("vendorId", "country");
CREATE INDEX "TransferMechanism_vendorId_createdAt_idx" ON "TransferMechanism"("vendorId", "createdAt");
CREATE TABLE "new_EvidenceDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT,
    "fileKind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "effectiveDate" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "EvidenceDocument_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceDocument_kind_check" CHECK ("kind" IN ('soc2_report', 'iso_certificate', 'pentest_report', 'security_policy', 'incident_response_plan', 'bcp', 'insurance_certificate', 'contract', 'other')),
    CONSTRAINT "EvidenceDocument_fileKind_check" CHECK ("fileKind" IN ('pdf', 'docx', 'xlsx', 'png', 'jpeg', 'txt'))
);
INSERT INTO "new_EvidenceDocument" ("id", "vendorId", "kind", "title", "fileKind", "sha256", "sizeBytes", "mimeType", "fileName", "uploadedById", "uploadedAt", "effectiveDate", "version") SELECT "id", "vendorId", "kind", "title", "fileKind", "sha256", "sizeBytes", "mimeType", "fileName", "uploadedById", "uploadedAt", "effectiveDate", "version" FROM "EvidenceDocument";
DROP TABLE "EvidenceDocument";
ALTER TABLE "new_EvidenceDocument" RENAME TO "EvidenceDocument";
CREATE INDEX "EvidenceDocument_sha256_idx" ON "EvidenceDocument"("sha256");
CREATE INDEX "EvidenceDocument_vendorId_kind_idx" ON "EvidenceDocument"("vendorId", "kind");
CREATE TABLE "new_ControlDefinition" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "domain" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "importance" TEXT NOT NULL,
    "source" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ControlDefinition_domain_check" CHECK ("domain" IN ('access', 'endpoint_physical', 'email', 'human_protocols', 'governance')),
    CONSTRAINT "ControlDefinition_importance_check" CHECK ("importance" IN ('critical', 'high', 'medium', 'low'))
);
INSERT INTO "new_ControlDefinition" ("code", "domain", "title", "description", "importance", "source", "sortOrder", "createdAt") SELECT "code", "domain", "title", "description", "importance", "source", "sortOrder", "createdAt" FROM "ControlDefinition";
DROP TABLE "ControlDefinition";
ALTER TABLE "new_ControlDefinition" RENAME TO "ControlDefinition";
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "dossier" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "score" JSONB NOT NULL,
    "overall" REAL NOT NULL,
    "rating" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "nextDueAt" DATETIME,
    "lockVersion" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Assessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_state_check" CHECK ("state" IN ('draft', 'in_review', 'approved', 'approved_with_conditions', 'rejected')),
    CONSTRAINT "Assessment_rating_check" CHECK ("rating" IN ('low', 'medium', 'high', 'critical'))
);
INSERT INTO "new_Assessment" ("id", "vendorId", "version", "state", "dossier", "settings", "findings", "score", "overall", "rating", "createdById", "createdAt", "submittedAt", "decidedAt", "nextDueAt", "lockVersion") SELECT "id", "vendorId", "version", "state", "dossier", "settings", "findings", "score", "overall", "rating", "createdById", "createdAt", "submittedAt", "decidedAt", "nextDueAt", "lockVersion" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE INDEX "Assessment_state_idx" ON "Assessment"("state");
CREATE UNIQUE INDEX "Assessment_vendorId_version_key" ON "Assessment"("vendorId", "version");
CREATE TABLE "new_AssessmentSignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "signedById" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssessmentSignOff_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssessmentSignOff_role_check" CHECK ("role" IN ('procurement', 'legal', 'security')),
    CONSTRAINT "AssessmentSignOff_decision_check" CHECK ("decision" IN ('submit', 'approve', 'approve_with_conditions', 'reject'))
);
INSERT INTO "new_AssessmentSignOff" ("id", "assessmentId", "role", "decision", "comment", "signedById", "signedAt") SELECT "id", "assessmentId", "role", "decision", "comment", "signedById", "signedAt" FROM "AssessmentSignOff";
DROP TABLE "AssessmentSignOff";
ALTER TABLE "new_AssessmentSignOff" RENAME TO "AssessmentSignOff";
CREATE UNIQUE INDEX "AssessmentSignOff_assessmentId_role_key" ON "AssessmentSignOff"("assessmentId", "role");
CREATE TABLE "new_RemediationItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "assessmentId" TEXT,
    "findingCode" TEXT,
    "title" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closingEvidenceId" TEXT,
    "closingNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL, "findingMessage" TEXT, "findingSubjectId" TEXT, "findingSubjectKind" TEXT, "findingSubjectLabel" TEXT,
    CONSTRAINT "RemediationItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RemediationItem_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RemediationItem_status_check" CHECK ("status" IN ('open', 'in_progress', 'done', 'waived'))
);
INSERT INTO "new_RemediationItem" ("id", "vendorId", "assessmentId", "findingCode", "title", "ownerId", "dueDate", "status", "closingEvidenceId", "closingNote", "version", "createdAt", "updatedAt", "findingMessage", "findingSubjectId", "findingSubjectKind", "findingSubjectLabel") SELECT "id", "vendorId", "assessmentId", "findingCode", "title", "ownerId", "dueDate", "status", "closingEvidenceId", "closingNote", "version", "createdAt", "updatedAt", "findingMessage", "findingSubjectId", "findingSubjectKind", "findingSubjectLabel" FROM "RemediationItem";
DROP TABLE "RemediationItem";
ALTER TABLE "new_RemediationItem" RENAME TO "RemediationItem";
CREATE INDEX "RemediationItem_status_dueDate_idx" ON "RemediationItem"("status", "dueDate");
CREATE INDEX "RemediationItem_vendorId_status_idx" ON "RemediationItem"("vendorId", "status");
CREATE TABLE "new_PackJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "filter" JSONB NOT NULL,
    "vendorsTotal" INTEGER NOT NULL DEFAULT 0,
    "vendorsDone" INTEGER NOT NULL DEFAULT 0,
    "bytesTotal" BIGINT NOT NULL DEFAULT 0,
    "bytesDone" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "fileName" TEXT,
    "sha256" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "PackJob_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed'))
);
INSERT INTO "new_PackJob" ("id", "status", "filter", "vendorsTotal", "vendorsDone", "bytesTotal", "bytesDone", "error", "fileName", "sha256", "createdById", "createdAt", "startedAt", "finishedAt") SELECT "id", "status", "filter", "vendorsTotal", "vendorsDone", "bytesTotal", "bytesDone", "error", "fileName", "sha256", "createdById", "createdAt", "startedAt", "finishedAt" FROM "PackJob";
DROP TABLE "PackJob";
ALTER TABLE "new_PackJob" RENAME TO "PackJob";
CREATE INDEX "PackJob_createdById_createdAt_idx" ON "PackJob"("createdById", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
