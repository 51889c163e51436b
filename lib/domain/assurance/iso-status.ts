import type { IsoCertificate } from "@/lib/schemas/dossier";
import { daysUntil } from "../dates";

// ISO/IEC 27001 validity (docs/rules.md §2). Shared by the findings engine
// (iso-rules.ts) and the score, so "valid certificate" means one thing.

/** Last day ISO/IEC 27001:2013 certificates were valid (IAF MD 26 transition). */
export const ISO_2013_LAST_VALID_DAY = "2025-10-31";

export type IsoCertificateState = "expired" | "superseded" | "future_dated" | "valid";

/**
 * Expired after its expiry day; superseded when it is to the 2013 edition and
 * the IAF MD 26 transition is over; future dated (invalid input, never valid:
 * lib/domain/assurance/future-dated.ts) when issued after today; otherwise valid
 * (accreditation and scope are judged separately: they weaken a certificate,
 * they do not void it).
 */
export function isoCertificateState(cert: Pick<IsoCertificate, "expiryDate" | "standardVersion"> & { issueDate?: string }, now: Date): IsoCertificateState {
  if (daysUntil(cert.expiryDate, now) < 0) return "expired";
  if (cert.issueDate && daysUntil(cert.issueDate, now) > 0) return "future_dated";
  if (cert.standardVersion === "2013" && daysUntil(ISO_2013_LAST_VALID_DAY, now) < 0) return "superseded";
  return "valid";
}

export function validIsoCertificates<T extends Pick<IsoCertificate, "expiryDate" | "standardVersion">>(certificates: readonly T[], now: Date): T[] {
  return certificates.filter((c) => isoCertificateState(c, now) === "valid");
}
