-- CreateTable
CREATE TABLE "DeliverySite" (
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
    CONSTRAINT "DeliverySite_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Soc2Report" (
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
    CONSTRAINT "Soc2Report_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IsoCertificate" (
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
    CONSTRAINT "IsoCertificate_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IsoCertificateSite" (
    "certificateId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("certificateId", "siteId"),
    CONSTRAINT "IsoCertificateSite_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "IsoCertificate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IsoCertificateSite_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "DeliverySite" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pentest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "performedOn" TEXT NOT NULL,
    "provider" TEXT,
    "scope" TEXT NOT NULL,
    "openCriticalHigh" INTEGER NOT NULL,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pentest_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Pentest_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SecurityPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "title" TEXT,
    "approvedOn" TEXT NOT NULL,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SecurityPolicy_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SecurityPolicy_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentResponsePlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "lastTestedOn" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IncidentResponsePlan_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncidentResponsePlan_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContinuityPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "lastTestedOn" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ContinuityPlan_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContinuityPlan_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InsurancePolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "policyNumber" TEXT NOT NULL,
    "perOccurrenceMinor" BIGINT NOT NULL,
    "aggregateMinor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "expiryDate" TEXT NOT NULL,
    "additionalInsured" BOOLEAN NOT NULL,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InsurancePolicy_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InsurancePolicy_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ControlAssessment" (
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
    CONSTRAINT "ControlAssessment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KpiPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "phishingFailurePct" REAL,
    "escalationRatePct" REAL,
    "verificationBypassCount" INTEGER,
    "meanTimeToEscalateMinutes" REAL,
    "trainingCompletionPct" REAL,
    "privilegeReviewAgeDays" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KpiPeriod_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Incident" (
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
    CONSTRAINT "Incident_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SecurityReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "attendees" JSONB NOT NULL,
    "notes" TEXT,
    "followUps" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SecurityReview_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contract" (
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
    CONSTRAINT "Contract_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClauseReview" (
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
    CONSTRAINT "ClauseReview_citationContractId_fkey" FOREIGN KEY ("citationContractId") REFERENCES "Contract" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DpaStatus" (
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
    CONSTRAINT "DpaStatus_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TransferMechanism" (
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
    CONSTRAINT "TransferMechanism_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubProcessor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "dataCategories" JSONB NOT NULL,
    "consented" BOOLEAN NOT NULL,
    "notified" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SubProcessor_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeliverySite_vendorId_createdAt_idx" ON "DeliverySite"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "DeliverySite_country_idx" ON "DeliverySite"("country");

-- CreateIndex
CREATE INDEX "Soc2Report_vendorId_createdAt_idx" ON "Soc2Report"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "Soc2Report_periodEnd_idx" ON "Soc2Report"("periodEnd");

-- CreateIndex
CREATE INDEX "IsoCertificate_vendorId_createdAt_idx" ON "IsoCertificate"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "IsoCertificate_expiryDate_idx" ON "IsoCertificate"("expiryDate");

-- CreateIndex
CREATE INDEX "IsoCertificateSite_siteId_idx" ON "IsoCertificateSite"("siteId");

-- CreateIndex
CREATE INDEX "Pentest_vendorId_createdAt_idx" ON "Pentest"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "Pentest_performedOn_idx" ON "Pentest"("performedOn");

-- CreateIndex
CREATE INDEX "SecurityPolicy_vendorId_createdAt_idx" ON "SecurityPolicy"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "SecurityPolicy_approvedOn_idx" ON "SecurityPolicy"("approvedOn");

-- CreateIndex
CREATE INDEX "IncidentResponsePlan_vendorId_createdAt_idx" ON "IncidentResponsePlan"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "IncidentResponsePlan_lastTestedOn_idx" ON "IncidentResponsePlan"("lastTestedOn");

-- CreateIndex
CREATE INDEX "ContinuityPlan_vendorId_createdAt_idx" ON "ContinuityPlan"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "ContinuityPlan_lastTestedOn_idx" ON "ContinuityPlan"("lastTestedOn");

-- CreateIndex
CREATE INDEX "InsurancePolicy_vendorId_createdAt_idx" ON "InsurancePolicy"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "InsurancePolicy_expiryDate_idx" ON "InsurancePolicy"("expiryDate");

-- CreateIndex
CREATE INDEX "ControlAssessment_vendorId_createdAt_idx" ON "ControlAssessment"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "ControlAssessment_code_status_idx" ON "ControlAssessment"("code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ControlAssessment_vendorId_code_key" ON "ControlAssessment"("vendorId", "code");

-- CreateIndex
CREATE INDEX "KpiPeriod_vendorId_createdAt_idx" ON "KpiPeriod"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "KpiPeriod_period_idx" ON "KpiPeriod"("period");

-- CreateIndex
CREATE UNIQUE INDEX "KpiPeriod_vendorId_period_key" ON "KpiPeriod"("vendorId", "period");

-- CreateIndex
CREATE INDEX "Incident_vendorId_createdAt_idx" ON "Incident"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "Incident_detectedAt_idx" ON "Incident"("detectedAt");

-- CreateIndex
CREATE INDEX "SecurityReview_vendorId_createdAt_idx" ON "SecurityReview"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "SecurityReview_heldOn_idx" ON "SecurityReview"("heldOn");

-- CreateIndex
CREATE INDEX "Contract_vendorId_createdAt_idx" ON "Contract"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "Contract_termEnd_idx" ON "Contract"("termEnd");

-- CreateIndex
CREATE INDEX "Contract_noticeDeadline_idx" ON "Contract"("noticeDeadline");

-- CreateIndex
CREATE INDEX "ClauseReview_vendorId_createdAt_idx" ON "ClauseReview"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "ClauseReview_clauseCode_presence_idx" ON "ClauseReview"("clauseCode", "presence");

-- CreateIndex
CREATE UNIQUE INDEX "ClauseReview_vendorId_clauseCode_key" ON "ClauseReview"("vendorId", "clauseCode");

-- CreateIndex
CREATE INDEX "DpaStatus_status_idx" ON "DpaStatus"("status");

-- CreateIndex
CREATE UNIQUE INDEX "DpaStatus_vendorId_key" ON "DpaStatus"("vendorId");

-- CreateIndex
CREATE INDEX "TransferMechanism_vendorId_createdAt_idx" ON "TransferMechanism"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "TransferMechanism_country_mechanism_idx" ON "TransferMechanism"("country", "mechanism");

-- CreateIndex
CREATE UNIQUE INDEX "TransferMechanism_vendorId_country_key" ON "TransferMechanism"("vendorId", "country");

-- CreateIndex
CREATE INDEX "SubProcessor_vendorId_createdAt_idx" ON "SubProcessor"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "SubProcessor_country_idx" ON "SubProcessor"("country");


-- Move every DossierRecord row into the model of its kind, keeping its id,

-- version, authors and timestamps, so the audit trail (which names records

-- by id) still points at them. References that point outside the vendor

-- (an evidence document, a cited contract or a covered site that no longer

-- exists) were never valid and become null rather than fail the upgrade.

-- The DPA is one per vendor: the newest row wins, as the old loader did.

INSERT INTO "DeliverySite" ("id", "vendorId", "country", "city", "mode", "headcount", "edr", "vpn", "mfa", "vdi", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.country'), json_extract(r."data", '$.city'), json_extract(r."data", '$.mode'), json_extract(r."data", '$.headcount'), json_extract(r."data", '$.edr'), json_extract(r."data", '$.vpn'), json_extract(r."data", '$.mfa'), json_extract(r."data", '$.vdi'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'site';

INSERT INTO "Contract" ("id", "vendorId", "type", "title", "status", "effectiveDate", "termEnd", "renewal", "noticePeriodDays", "noticeDeadline", "governingLaw", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.type'), json_extract(r."data", '$.title'), json_extract(r."data", '$.status'), json_extract(r."data", '$.effectiveDate'), json_extract(r."data", '$.termEnd'), json_extract(r."data", '$.renewal'), json_extract(r."data", '$.noticePeriodDays'), CASE WHEN json_extract(r."data", '$.termEnd') IS NULL THEN NULL ELSE date(json_extract(r."data", '$.termEnd'), '-' || COALESCE(json_extract(r."data", '$.noticePeriodDays'), 0) || ' days') END, json_extract(r."data", '$.governingLaw'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'contract';

INSERT INTO "Soc2Report" ("id", "vendorId", "type", "periodStart", "periodEnd", "issueDate", "auditor", "opinion", "exceptionCount", "carvedOutSubservices", "bridgeLetterDate", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.type'), json_extract(r."data", '$.periodStart'), json_extract(r."data", '$.periodEnd'), json_extract(r."data", '$.issueDate'), json_extract(r."data", '$.auditor'), json_extract(r."data", '$.opinion'), json_extract(r."data", '$.exceptionCount'), COALESCE(json_extract(r."data", '$.carvedOutSubservices'), '[]'), json_extract(r."data", '$.bridgeLetterDate'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'soc2';

INSERT INTO "IsoCertificate" ("id", "vendorId", "certificateNumber", "certificationBody", "accredited", "standardVersion", "issueDate", "expiryDate", "scopeText", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.certificateNumber'), json_extract(r."data", '$.certificationBody'), json_extract(r."data", '$.accredited'), json_extract(r."data", '$.standardVersion'), json_extract(r."data", '$.issueDate'), json_extract(r."data", '$.expiryDate'), json_extract(r."data", '$.scopeText'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'iso';

INSERT INTO "Pentest" ("id", "vendorId", "performedOn", "provider", "scope", "openCriticalHigh", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.performedOn'), json_extract(r."data", '$.provider'), json_extract(r."data", '$.scope'), json_extract(r."data", '$.openCriticalHigh'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'pentest';

INSERT INTO "SecurityPolicy" ("id", "vendorId", "title", "approvedOn", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.title'), json_extract(r."data", '$.approvedOn'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'security_policy';

INSERT INTO "IncidentResponsePlan" ("id", "vendorId", "lastTestedOn", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.lastTestedOn'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'ir_plan';

INSERT INTO "ContinuityPlan" ("id", "vendorId", "lastTestedOn", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.lastTestedOn'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'bcp';

INSERT INTO "InsurancePolicy" ("id", "vendorId", "carrier", "policyNumber", "perOccurrenceMinor", "aggregateMinor", "currency", "expiryDate", "additionalInsured", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.carrier'), json_extract(r."data", '$.policyNumber'), json_extract(r."data", '$.perOccurrenceMinor'), json_extract(r."data", '$.aggregateMinor'), json_extract(r."data", '$.currency'), json_extract(r."data", '$.expiryDate'), json_extract(r."data", '$.additionalInsured'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'insurance';

INSERT INTO "ControlAssessment" ("id", "vendorId", "code", "status", "note", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.code'), json_extract(r."data", '$.status'), json_extract(r."data", '$.note'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = json_extract(r."data", '$.evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'control';

INSERT INTO "KpiPeriod" ("id", "vendorId", "period", "phishingFailurePct", "escalationRatePct", "verificationBypassCount", "meanTimeToEscalateMinutes", "trainingCompletionPct", "privilegeReviewAgeDays", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.period'), json_extract(r."data", '$.phishingFailurePct'), json_extract(r."data", '$.escalationRatePct'), json_extract(r."data", '$.verificationBypassCount'), json_extract(r."data", '$.meanTimeToEscalateMinutes'), json_extract(r."data", '$.trainingCompletionPct'), json_extract(r."data", '$.privilegeReviewAgeDays'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'kpi';

INSERT INTO "Incident" ("id", "vendorId", "detectedAt", "notifiedAt", "severity", "summary", "personalDataInvolved", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", strftime('%Y-%m-%dT%H:%M:%f+00:00', json_extract(r."data", '$.detectedAt')), strftime('%Y-%m-%dT%H:%M:%f+00:00', json_extract(r."data", '$.notifiedAt')), json_extract(r."data", '$.severity'), json_extract(r."data", '$.summary'), json_extract(r."data", '$.personalDataInvolved'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'incident';

INSERT INTO "SecurityReview" ("id", "vendorId", "heldOn", "attendees", "notes", "followUps", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.heldOn'), COALESCE(json_extract(r."data", '$.attendees'), '[]'), json_extract(r."data", '$.notes'), COALESCE(json_extract(r."data", '$.followUps'), '[]'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'review';

INSERT INTO "ClauseReview" ("id", "vendorId", "clauseCode", "presence", "citationContractId", "citationSection", "citationPage", "hours", "days", "months", "amountMinor", "currency", "auditScope", "reviewerNote", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.clauseCode'), json_extract(r."data", '$.presence'), (SELECT c."id" FROM "Contract" c WHERE c."id" = json_extract(r."data", '$.citation.contractId') AND c."vendorId" = r."vendorId"), json_extract(r."data", '$.citation.section'), json_extract(r."data", '$.citation.page'), json_extract(r."data", '$.hours'), json_extract(r."data", '$.days'), json_extract(r."data", '$.months'), json_extract(r."data", '$.amountMinor'), json_extract(r."data", '$.currency'), json_extract(r."data", '$.auditScope'), json_extract(r."data", '$.reviewerNote'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'clause';

INSERT INTO "DpaStatus" ("id", "vendorId", "status", "signedDate", "dpaVersion", "contractId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.status'), json_extract(r."data", '$.signedDate'), json_extract(r."data", '$.version'), (SELECT c."id" FROM "Contract" c WHERE c."id" = json_extract(r."data", '$.contractId') AND c."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'dpa' AND r."id" = (SELECT r2."id" FROM "DossierRecord" r2 WHERE r2."vendorId" = r."vendorId" AND r2."kind" = 'dpa' ORDER BY r2."createdAt" DESC, r2."id" DESC LIMIT 1);

INSERT INTO "TransferMechanism" ("id", "vendorId", "country", "mechanism", "sccModule", "tiaDate", "note", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.country'), json_extract(r."data", '$.mechanism'), json_extract(r."data", '$.sccModule'), json_extract(r."data", '$.tiaDate'), json_extract(r."data", '$.note'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'transfer';

INSERT INTO "SubProcessor" ("id", "vendorId", "name", "service", "country", "dataCategories", "consented", "notified", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", json_extract(r."data", '$.name'), json_extract(r."data", '$.service'), json_extract(r."data", '$.country'), COALESCE(json_extract(r."data", '$.dataCategories'), '[]'), json_extract(r."data", '$.consented'), json_extract(r."data", '$.notified'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'subprocessor';

INSERT OR IGNORE INTO "IsoCertificateSite" ("certificateId", "siteId", "position")
SELECT r."id", s."value", CAST(s."key" AS INTEGER)
FROM "DossierRecord" r, json_each(r."data", '$.coveredSiteIds') s
WHERE r."kind" = 'iso' AND EXISTS (SELECT 1 FROM "DeliverySite" d WHERE d."id" = s."value" AND d."vendorId" = r."vendorId");

-- The records now live in their own tables.
DROP TABLE "DossierRecord";
