// The REST API's dossier interchange: the body is the dossier file itself
// (docs/dossier.schema.json); replacing one names the vendor version it was read at.
import { z } from "zod";

export const apiDossierReplaceQuerySchema = z
  .strictObject({
    version: z.coerce.number().int().positive().describe("The vendor's `version` when you read it (GET /vendors/{id}); 409 if it changed since."),
  })
  .describe("Replace a vendor's whole dossier.");
