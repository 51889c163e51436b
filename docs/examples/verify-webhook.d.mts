/** Whether `signatureHeader` (Assay-Signature) signs `rawBody` with `secret`, within `toleranceSeconds` of `now` (ms). */
export function verifyAssayWebhook(rawBody: string, signatureHeader: string | string[] | undefined, secret: string, options?: { toleranceSeconds?: number; now?: number }): boolean;
