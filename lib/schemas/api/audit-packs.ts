// The REST API's bulk audit pack export: the Audit packs page's form (which
// vendors, which assessment PDFs) and the job it starts, polled until its
// archive is ready.
import { z } from "zod";
import { PACK_JOB_STATUSES, type PackJobView } from "../views/pack-job";
import { PDF_CHOICES, packJobInputSchema } from "../audit-pack";

export const apiPackJobStartSchema = packJobInputSchema.describe(
  "Which vendors (the vendor list's filters q, tier, status, country, industry, blocker, soc2) and which assessment PDFs.",
);

export const apiPackJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(PACK_JOB_STATUSES),
    filter: z.record(z.string(), z.string()),
    pdfs: z.enum(PDF_CHOICES),
    vendorsTotal: z.number().int(),
    vendorsDone: z.number().int(),
    bytesTotal: z.number().int(),
    bytesDone: z.number().int(),
    error: z.string().nullable(),
    sha256: z.string().nullable().describe("The archive's SHA-256, once it is done."),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    createdBy: z.string(),
    archiveUrl: z.string().nullable().describe("The signed archive (GET, application/zip) once `status` is done; null before."),
  })
  .describe("A bulk audit pack export running on the background job queue.");
export type ApiPackJob = z.infer<typeof apiPackJobSchema>;

/** The Audit packs page's view of a job, as the API answers it: the archive's API address instead of the page's. */
export function apiPackJobOf(view: PackJobView): ApiPackJob {
  const { downloadUrl: _pageDownload, filter, ...rest } = view;
  return {
    ...rest,
    filter: Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string")),
    archiveUrl: view.status === "done" ? `/api/v1/audit-packs/${view.id}/archive` : null,
  };
}
