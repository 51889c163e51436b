// The REST API's evidence shapes. The upload's fields are the upload form's
// own (evidenceUploadInputSchema) plus an optional SHA-256 of the file, which
// the server checks before anything is kept.
import { z } from "zod";
import { EVIDENCE_KINDS } from "@/lib/domain/dossier-vocabulary";
import { evidenceUploadInputSchema } from "../dossier";
import { pageQueryFields, pageSchema } from "./page";

export const apiEvidenceListQuerySchema = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS).optional(),
    ...pageQueryFields,
  })
  .describe("Evidence filters, newest upload first.");
export type ApiEvidenceListQuery = z.infer<typeof apiEvidenceListQuerySchema>;

/** The multipart form's text fields; they must come before the `file` part. */
export const apiEvidenceUploadFieldsSchema = evidenceUploadInputSchema
  .extend({
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, "A SHA-256 is 64 hexadecimal characters")
      .transform((s) => s.toLowerCase())
      .optional()
      .describe("The file's SHA-256 (hex); a file that arrives with another digest is refused and nothing is stored."),
  })
  .strict();

export const apiEvidenceSchema = z
  .object({
    id: z.string(),
    vendorId: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string().nullable(),
    fileName: z.string(),
    fileKind: z.string().describe("pdf, docx, xlsx, png, jpeg or txt, from the file's content"),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    effectiveDate: z.iso.date(),
    uploadedAt: z.iso.datetime(),
    downloadUrl: z.string().describe("The file (GET; always an attachment)."),
  })
  .describe("An evidence file's metadata.");
export type ApiEvidence = z.infer<typeof apiEvidenceSchema>;

export const apiEvidencePageSchema = pageSchema(apiEvidenceSchema);

export const apiEvidenceUploadedSchema = apiEvidenceSchema
  .extend({
    duplicateOf: z.object({ id: z.string(), fileName: z.string() }).nullable().describe("A document of this vendor with the same bytes, if one was already stored."),
  })
  .describe("The stored evidence file.");
