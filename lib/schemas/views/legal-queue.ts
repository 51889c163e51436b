import type { Finding } from "@/lib/domain/findings/finding";
import type { Tier } from "@/lib/domain/vocabulary";
import type { LegalChange } from "./legal-review";

// One page of Legal's work queue (services/legal-queue.ts), as the queue
// table receives it.

export interface LegalQueueRow {
  vendor: { id: string; name: string; country: string; tier: Tier; status: string };
  signOff: { signedAt: Date; legalRevision: number } | null;
  /** Set when a change since the sign-off outdated it: the first such change, and how many there were. */
  outdated: { first: LegalChange; count: number } | null;
  findings: Finding[];
  blockers: number;
}

export interface LegalQueuePage {
  rows: LegalQueueRow[];
  total: number;
  page: number;
  pageSize: number;
}
