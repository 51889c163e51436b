// Webhook signatures (docs/webhooks.md, "Verifying a delivery"): HMAC-SHA256
// with the subscription's secret over "<timestamp>.<body>", sent as
// `Assay-Signature: t=<unix seconds>,v1=<hex>`. Signing the timestamp with the
// body lets a receiver refuse a captured delivery replayed later.
import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "Assay-Signature";
export const EVENT_ID_HEADER = "Assay-Event-Id";
export const EVENT_TYPE_HEADER = "Assay-Event-Type";
export const DELIVERY_ID_HEADER = "Assay-Delivery-Id";

export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
}

export function signatureHeaderValue(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${webhookSignature(secret, timestampSeconds, body)}`;
}
