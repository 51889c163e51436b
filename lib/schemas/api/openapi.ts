// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the
// handlers parse with (zod's own JSON Schema output, draft 2020-12, which is
// OpenAPI 3.1's dialect). Nothing here is written twice by hand: a field added
// to a schema appears in the document.
import { z } from "zod";
import { apiAssessmentDetailSchema, apiAssessmentListQuerySchema, apiAssessmentPageSchema, apiVendorAssessmentListQuerySchema } from "./assessments";
import { MIME_TYPES } from "@/lib/domain/uploads/file-type";
import { apiEvidenceListQuerySchema, apiEvidencePageSchema, apiEvidenceUploadedSchema, apiEvidenceUploadFieldsSchema } from "./evidence";
import { apiPackJobSchema, apiPackJobStartSchema } from "./audit-packs";
import { dossierJsonSchema } from "../dossier-json-schema";
import { apiDossierReplaceQuerySchema } from "./dossier";
import { apiFindingListSchema, apiVendorCreateSchema, apiVendorListQuerySchema, apiVendorPageSchema, apiVendorSchema, apiVendorUpdateSchema } from "./vendors";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** A standalone JSON Schema as a component: its own dialect and id dropped (the document's dialect applies). */
function embedded({ $schema: _dialect, $id: _id, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

const problem: JsonSchema = {
  type: "object",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: { type: "array", items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } } },
  },
};

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });
const ok = (ref: string, description = "OK") => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = {
  "400": problemResponse("Invalid input: `errors` names each field"),
  "401": problemResponse("No valid token"),
  "403": problemResponse("The token's role may not do this"),
  "429": problemResponse("The token's requests for this minute are spent; see Retry-After"),
  "503": problemResponse("The database was too busy to start the work; nothing was saved. Retry after Retry-After"),
};
const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };
/** A file answer: its bytes, with the headers a download carries. */
const file = (mediaTypes: readonly string[], description: string) => ({
  description,
  headers: {
    "Content-Disposition": { description: "Always `attachment`, with the file's name", schema: { type: "string" } },
    "X-Content-Type-Options": { description: "`nosniff`", schema: { type: "string" } },
  },
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])),
});
/** The types an evidence file is served as: the sniffed kind's, else octet-stream (storage/download-headers.ts). */
const EVIDENCE_MEDIA_TYPES = [...new Set([...Object.values(MIME_TYPES).map((t) => t.split(";")[0]!), "application/octet-stream"])];

/** The upload form's fields and the file, as one multipart/form-data object. */
function multipartUpload(fields: z.ZodObject): JsonSchema {
  const schema = schemaOf(fields, "input") as { properties?: JsonSchema; required?: string[] };
  return {
    ...schema,
    properties: { ...schema.properties, file: { type: "string", contentMediaType: "application/octet-stream", description: "The file; send it as the last part, after the fields." } },
    required: [...(schema.required ?? []), "file"],
  };
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = schemaOf(field as z.ZodType, "input");
    return { name, in: "query", required: false, schema: fieldSchema, ...(fieldSchema.description ? { description: fieldSchema.description } : {}) };
  });
}

export function openApiDocument(serverUrl = "/api/v1"): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Assay REST API",
      version: "1.1.0",
      description: "Vendors, their findings, assessments and their PDF reports, evidence files, audit pack exports and the dossier interchange format. Authenticate with an API token an admin created (Admin → API tokens): `Authorization: Bearer assay_…`. Every call is checked against the token's role exactly as the app checks a user's. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths: {
      "/vendors": {
        get: { operationId: "listVendors", summary: "List vendors", parameters: queryParameters(apiVendorListQuerySchema), responses: { "200": ok("VendorPage"), ...errors } },
        post: {
          operationId: "createVendor",
          summary: "Create a vendor",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/VendorCreate" } } } },
          responses: { "201": ok("Vendor", "Created"), ...errors },
        },
      },
      "/vendors/{id}": {
        get: { operationId: "getVendor", summary: "Get a vendor", parameters: [idParameter], responses: { "200": ok("Vendor"), ...errors, "404": problemResponse("No such vendor") } },
        patch: {
          operationId: "updateVendor",
          summary: "Update a vendor's profile",
          parameters: [idParameter],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/VendorUpdate" } } } },
          responses: { "200": ok("Vendor"), ...errors, "404": problemResponse("No such vendor"), "409": problemResponse("The vendor changed since `version` was read") },
        },
      },
      "/vendors/{id}/findings": {
        get: { operationId: "listVendorFindings", summary: "A vendor's open findings, computed now", parameters: [idParameter], responses: { "200": ok("FindingList"), ...errors, "404": problemResponse("No such vendor") } },
      },
      "/assessments": {
        get: { operationId: "listAssessments", summary: "List assessments across the portfolio, newest first", parameters: queryParameters(apiAssessmentListQuerySchema), responses: { "200": ok("AssessmentPage"), ...errors, "404": problemResponse("No such vendor (`vendorId`)") } },
      },
      "/vendors/{id}/assessments": {
        get: {
          operationId: "listVendorAssessments",
          summary: "A vendor's assessments, newest first",
          parameters: [idParameter, ...queryParameters(apiVendorAssessmentListQuerySchema)],
          responses: { "200": ok("AssessmentPage"), ...errors, "404": problemResponse("No such vendor") },
        },
      },
      "/assessments/{id}": {
        get: { operationId: "getAssessment", summary: "Get an assessment with its sign-offs and frozen findings", parameters: [idParameter], responses: { "200": ok("AssessmentDetail"), ...errors, "404": problemResponse("No such assessment") } },
      },
      "/assessments/{id}/report.pdf": {
        get: {
          operationId: "downloadAssessmentReport",
          summary: "Download an assessment's PDF report (audited)",
          parameters: [idParameter],
          responses: { "200": file(["application/pdf"], "The report"), ...errors, "404": problemResponse("No such assessment") },
        },
      },
      "/vendors/{id}/evidence": {
        get: {
          operationId: "listVendorEvidence",
          summary: "A vendor's evidence files, newest upload first",
          parameters: [idParameter, ...queryParameters(apiEvidenceListQuerySchema)],
          responses: { "200": ok("EvidencePage"), ...errors, "404": problemResponse("No such vendor") },
        },
        post: {
          operationId: "uploadEvidence",
          summary: "Upload an evidence file (multipart/form-data: the fields, then `file`)",
          description: "Checked like an upload in the app: the type from the content, the size limit from the settings, a safe name. A body cut short or a digest that does not match stores nothing.",
          parameters: [idParameter],
          requestBody: { required: true, content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/EvidenceUpload" } } } },
          responses: {
            "201": ok("EvidenceUploaded", "Stored; Location is the file"),
            ...errors,
            "404": problemResponse("No such vendor"),
            "413": problemResponse("The file is larger than the upload limit"),
            "507": problemResponse("No room left to store the file"),
          },
        },
      },
      "/evidence/{id}/file": {
        get: {
          operationId: "downloadEvidence",
          summary: "Download an evidence file (audited)",
          parameters: [idParameter],
          responses: { "200": file(EVIDENCE_MEDIA_TYPES, "The file, as an attachment with a sandboxing Content-Security-Policy"), ...errors, "404": problemResponse("No such document") },
        },
      },
      "/audit-packs": {
        post: {
          operationId: "startAuditPackExport",
          summary: "Start a bulk audit pack export (runs in the background)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PackJobStart" } } } },
          responses: {
            "202": {
              ...ok("PackJob", "Accepted: poll Location until `status` is done, then download `archiveUrl`"),
              headers: { Location: { description: "The job", schema: { type: "string" } }, "Retry-After": { description: "Seconds to wait before polling", schema: { type: "integer" } } },
            },
            ...errors,
          },
        },
      },
      "/audit-packs/{id}": {
        get: {
          operationId: "getAuditPackExport",
          summary: "An export's progress",
          parameters: [idParameter],
          responses: { "200": ok("PackJob", "The job; Retry-After while it is queued or running"), ...errors, "404": problemResponse("No such export") },
        },
      },
      "/audit-packs/{id}/archive": {
        get: {
          operationId: "downloadAuditPackExport",
          summary: "Download a finished export's signed archive (audited)",
          description: "One signed ZIP holding a signed pack per vendor; `assay verify-pack` checks it. X-Content-SHA256 is its digest.",
          parameters: [idParameter],
          responses: { "200": file(["application/zip"], "The archive"), ...errors, "404": problemResponse("No such export, or its archive is gone"), "409": problemResponse("The export is not finished, or failed") },
        },
      },
      "/vendors/{id}/dossier": {
        get: {
          operationId: "getVendorDossier",
          summary: "A vendor's dossier in the interchange format (audited, as an audit pack)",
          parameters: [idParameter],
          responses: { "200": ok("Dossier"), ...errors, "404": problemResponse("No such vendor") },
        },
        put: {
          operationId: "replaceVendorDossier",
          summary: "Replace a vendor's whole dossier with one in the interchange format",
          description: "Records and documents that keep their ids keep them (export, edit, import back). Every document must name a file Assay already holds.",
          parameters: [idParameter, ...queryParameters(apiDossierReplaceQuerySchema).map((p) => ({ ...p, required: true }))],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Dossier" } } } },
          responses: { "200": ok("Vendor"), ...errors, "404": problemResponse("No such vendor"), "409": problemResponse("The vendor changed since `version` was read") },
        },
      },
      "/dossiers": {
        post: {
          operationId: "importDossier",
          summary: "Create a vendor from a dossier in the interchange format",
          description: "Validated whole before anything is written (each problem names its path); controls the catalogue lacks are added. Every document must name a file Assay already holds.",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Dossier" } } } },
          responses: { "201": ok("Vendor", "Created; Location is the vendor"), ...errors },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token, `assay_…`" } },
      schemas: {
        Problem: problem,
        Vendor: schemaOf(apiVendorSchema, "output"),
        VendorPage: schemaOf(apiVendorPageSchema, "output"),
        VendorCreate: schemaOf(apiVendorCreateSchema, "input"),
        VendorUpdate: schemaOf(apiVendorUpdateSchema, "input"),
        FindingList: schemaOf(apiFindingListSchema, "output"),
        AssessmentPage: schemaOf(apiAssessmentPageSchema, "output"),
        AssessmentDetail: schemaOf(apiAssessmentDetailSchema, "output"),
        EvidencePage: schemaOf(apiEvidencePageSchema, "output"),
        PackJobStart: schemaOf(apiPackJobStartSchema, "input"),
        Dossier: embedded(dossierJsonSchema()),
        PackJob: schemaOf(apiPackJobSchema, "output"),
        EvidenceUpload: multipartUpload(apiEvidenceUploadFieldsSchema),
        EvidenceUploaded: schemaOf(apiEvidenceUploadedSchema, "output"),
      },
    },
  };
}
