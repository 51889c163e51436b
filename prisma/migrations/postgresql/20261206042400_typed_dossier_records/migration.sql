
-- CreateTable
CREATE TABLE "DeliverySite" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliverySite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Soc2Report" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Soc2Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IsoCertificate" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IsoCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IsoCertificateSite" (
    "certificateId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "IsoCertificateSite_pkey" PRIMARY KEY ("certificateId","siteId")
);

-- CreateTable
CREATE TABLE "Pentest" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "performedOn" TEXT NOT NULL,
    "provider" TEXT,
    "scope" TEXT NOT NULL,
    "openCriticalHigh" INTEGER NOT NULL,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pentest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityPolicy" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "title" TEXT,
    "approvedOn" TEXT NOT NULL,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecurityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentResponsePlan" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "lastTestedOn" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentResponsePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContinuityPlan" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "lastTestedOn" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContinuityPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InsurancePolicy" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InsurancePolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlAssessment" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "evidenceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ControlAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiPeriod" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "phishingFailurePct" DOUBLE PRECISION,
    "escalationRatePct" DOUBLE PRECISION,
    "verificationBypassCount" INTEGER,
    "meanTimeToEscalateMinutes" DOUBLE PRECISION,
    "trainingCompletionPct" DOUBLE PRECISION,
    "privilegeReviewAgeDays" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "notifiedAt" TIMESTAMP(3),
    "severity" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "personalDataInvolved" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityReview" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "attendees" JSONB NOT NULL,
    "notes" TEXT,
    "followUps" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecurityReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClauseReview" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClauseReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DpaStatus" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "signedDate" TEXT,
    "dpaVersion" TEXT,
    "contractId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DpaStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferMechanism" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "mechanism" TEXT NOT NULL,
    "sccModule" INTEGER,
    "tiaDate" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TransferMechanism_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubProcessor" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubProcessor_pkey" PRIMARY KEY ("id")
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
SELECT r."id", r."vendorId", (r."data"->>'country'), (r."data"->>'city'), (r."data"->>'mode'), (r."data"->>'headcount')::integer, (r."data"->>'edr')::boolean, (r."data"->>'vpn')::boolean, (r."data"->>'mfa')::boolean, (r."data"->>'vdi')::boolean, r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'site';

INSERT INTO "Contract" ("id", "vendorId", "type", "title", "status", "effectiveDate", "termEnd", "renewal", "noticePeriodDays", "noticeDeadline", "governingLaw", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'type'), (r."data"->>'title'), (r."data"->>'status'), (r."data"->>'effectiveDate'), (r."data"->>'termEnd'), (r."data"->>'renewal'), (r."data"->>'noticePeriodDays')::integer, CASE WHEN r."data"->>'termEnd' IS NULL THEN NULL ELSE to_char((r."data"->>'termEnd')::date - COALESCE((r."data"->>'noticePeriodDays')::integer, 0), 'YYYY-MM-DD') END, (r."data"->>'governingLaw'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'contract';

INSERT INTO "Soc2Report" ("id", "vendorId", "type", "periodStart", "periodEnd", "issueDate", "auditor", "opinion", "exceptionCount", "carvedOutSubservices", "bridgeLetterDate", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'type'), (r."data"->>'periodStart'), (r."data"->>'periodEnd'), (r."data"->>'issueDate'), (r."data"->>'auditor'), (r."data"->>'opinion'), (r."data"->>'exceptionCount')::integer, COALESCE((r."data"->'carvedOutSubservices'), '[]'::jsonb), (r."data"->>'bridgeLetterDate'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'soc2';

INSERT INTO "IsoCertificate" ("id", "vendorId", "certificateNumber", "certificationBody", "accredited", "standardVersion", "issueDate", "expiryDate", "scopeText", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'certificateNumber'), (r."data"->>'certificationBody'), (r."data"->>'accredited')::boolean, (r."data"->>'standardVersion'), (r."data"->>'issueDate'), (r."data"->>'expiryDate'), (r."data"->>'scopeText'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'iso';

INSERT INTO "Pentest" ("id", "vendorId", "performedOn", "provider", "scope", "openCriticalHigh", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'performedOn'), (r."data"->>'provider'), (r."data"->>'scope'), (r."data"->>'openCriticalHigh')::integer, (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'pentest';

INSERT INTO "SecurityPolicy" ("id", "vendorId", "title", "approvedOn", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'title'), (r."data"->>'approvedOn'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'security_policy';

INSERT INTO "IncidentResponsePlan" ("id", "vendorId", "lastTestedOn", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'lastTestedOn'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'ir_plan';

INSERT INTO "ContinuityPlan" ("id", "vendorId", "lastTestedOn", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'lastTestedOn'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'bcp';

INSERT INTO "InsurancePolicy" ("id", "vendorId", "carrier", "policyNumber", "perOccurrenceMinor", "aggregateMinor", "currency", "expiryDate", "additionalInsured", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'carrier'), (r."data"->>'policyNumber'), (r."data"->>'perOccurrenceMinor')::bigint, (r."data"->>'aggregateMinor')::bigint, (r."data"->>'currency'), (r."data"->>'expiryDate'), (r."data"->>'additionalInsured')::boolean, (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'insurance';

INSERT INTO "ControlAssessment" ("id", "vendorId", "code", "status", "note", "evidenceId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'code'), (r."data"->>'status'), (r."data"->>'note'), (SELECT e."id" FROM "EvidenceDocument" e WHERE e."id" = (r."data"->>'evidenceId') AND e."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'control';

INSERT INTO "KpiPeriod" ("id", "vendorId", "period", "phishingFailurePct", "escalationRatePct", "verificationBypassCount", "meanTimeToEscalateMinutes", "trainingCompletionPct", "privilegeReviewAgeDays", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'period'), (r."data"->>'phishingFailurePct')::double precision, (r."data"->>'escalationRatePct')::double precision, (r."data"->>'verificationBypassCount')::integer, (r."data"->>'meanTimeToEscalateMinutes')::double precision, (r."data"->>'trainingCompletionPct')::double precision, (r."data"->>'privilegeReviewAgeDays')::integer, r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'kpi';

INSERT INTO "Incident" ("id", "vendorId", "detectedAt", "notifiedAt", "severity", "summary", "personalDataInvolved", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (((r."data"->>'detectedAt'))::timestamptz AT TIME ZONE 'UTC'), (((r."data"->>'notifiedAt'))::timestamptz AT TIME ZONE 'UTC'), (r."data"->>'severity'), (r."data"->>'summary'), (r."data"->>'personalDataInvolved')::boolean, r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'incident';

INSERT INTO "SecurityReview" ("id", "vendorId", "heldOn", "attendees", "notes", "followUps", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'heldOn'), COALESCE((r."data"->'attendees'), '[]'::jsonb), (r."data"->>'notes'), COALESCE((r."data"->'followUps'), '[]'::jsonb), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'review';

INSERT INTO "ClauseReview" ("id", "vendorId", "clauseCode", "presence", "citationContractId", "citationSection", "citationPage", "hours", "days", "months", "amountMinor", "currency", "auditScope", "reviewerNote", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'clauseCode'), (r."data"->>'presence'), (SELECT c."id" FROM "Contract" c WHERE c."id" = (r."data"->'citation'->>'contractId') AND c."vendorId" = r."vendorId"), (r."data"->'citation'->>'section'), (r."data"->'citation'->>'page')::integer, (r."data"->>'hours')::integer, (r."data"->>'days')::integer, (r."data"->>'months')::integer, (r."data"->>'amountMinor')::bigint, (r."data"->>'currency'), (r."data"->>'auditScope'), (r."data"->>'reviewerNote'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'clause';

INSERT INTO "DpaStatus" ("id", "vendorId", "status", "signedDate", "dpaVersion", "contractId", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'status'), (r."data"->>'signedDate'), (r."data"->>'version'), (SELECT c."id" FROM "Contract" c WHERE c."id" = (r."data"->>'contractId') AND c."vendorId" = r."vendorId"), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'dpa' AND r."id" = (SELECT r2."id" FROM "DossierRecord" r2 WHERE r2."vendorId" = r."vendorId" AND r2."kind" = 'dpa' ORDER BY r2."createdAt" DESC, r2."id" DESC LIMIT 1);

INSERT INTO "TransferMechanism" ("id", "vendorId", "country", "mechanism", "sccModule", "tiaDate", "note", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'country'), (r."data"->>'mechanism'), (r."data"->>'sccModule')::integer, (r."data"->>'tiaDate'), (r."data"->>'note'), r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'transfer';

INSERT INTO "SubProcessor" ("id", "vendorId", "name", "service", "country", "dataCategories", "consented", "notified", "version", "createdById", "updatedById", "createdAt", "updatedAt")
SELECT r."id", r."vendorId", (r."data"->>'name'), (r."data"->>'service'), (r."data"->>'country'), COALESCE((r."data"->'dataCategories'), '[]'::jsonb), (r."data"->>'consented')::boolean, (r."data"->>'notified')::boolean, r."version", r."createdById", r."updatedById", r."createdAt", r."updatedAt"
FROM "DossierRecord" r WHERE r."kind" = 'subprocessor';

INSERT INTO "IsoCertificateSite" ("certificateId", "siteId", "position")
SELECT r."id", s.value, (s.ordinality - 1)::integer
FROM "DossierRecord" r CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(r."data"->'coveredSiteIds', '[]'::jsonb)) WITH ORDINALITY AS s(value, ordinality)
WHERE r."kind" = 'iso' AND EXISTS (SELECT 1 FROM "DeliverySite" d WHERE d."id" = s.value AND d."vendorId" = r."vendorId")
ON CONFLICT DO NOTHING;

-- The records now live in their own tables.
DROP TABLE "DossierRecord";

-- AddForeignKey
ALTER TABLE "DeliverySite" ADD CONSTRAINT "DeliverySite_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Soc2Report" ADD CONSTRAINT "Soc2Report_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Soc2Report" ADD CONSTRAINT "Soc2Report_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IsoCertificate" ADD CONSTRAINT "IsoCertificate_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IsoCertificate" ADD CONSTRAINT "IsoCertificate_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IsoCertificateSite" ADD CONSTRAINT "IsoCertificateSite_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "IsoCertificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IsoCertificateSite" ADD CONSTRAINT "IsoCertificateSite_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "DeliverySite"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pentest" ADD CONSTRAINT "Pentest_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pentest" ADD CONSTRAINT "Pentest_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityPolicy" ADD CONSTRAINT "SecurityPolicy_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityPolicy" ADD CONSTRAINT "SecurityPolicy_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentResponsePlan" ADD CONSTRAINT "IncidentResponsePlan_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentResponsePlan" ADD CONSTRAINT "IncidentResponsePlan_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContinuityPlan" ADD CONSTRAINT "ContinuityPlan_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContinuityPlan" ADD CONSTRAINT "ContinuityPlan_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsurancePolicy" ADD CONSTRAINT "InsurancePolicy_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsurancePolicy" ADD CONSTRAINT "InsurancePolicy_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlAssessment" ADD CONSTRAINT "ControlAssessment_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlAssessment" ADD CONSTRAINT "ControlAssessment_code_fkey" FOREIGN KEY ("code") REFERENCES "ControlDefinition"("code") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlAssessment" ADD CONSTRAINT "ControlAssessment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiPeriod" ADD CONSTRAINT "KpiPeriod_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityReview" ADD CONSTRAINT "SecurityReview_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceDocument"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseReview" ADD CONSTRAINT "ClauseReview_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseReview" ADD CONSTRAINT "ClauseReview_citationContractId_fkey" FOREIGN KEY ("citationContractId") REFERENCES "Contract"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpaStatus" ADD CONSTRAINT "DpaStatus_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DpaStatus" ADD CONSTRAINT "DpaStatus_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferMechanism" ADD CONSTRAINT "TransferMechanism_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubProcessor" ADD CONSTRAINT "SubProcessor_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
