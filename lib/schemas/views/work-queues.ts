import type { Severity, Tier } from "@/lib/domain/vocabulary";

// The rows of the work queues' sections (services/work-queues.ts), as the
// queue tables receive them.

export interface QueuePage<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface QueueVendor {
  id: string;
  name: string;
  tier: Tier;
}

export interface SignOffWaitingRow {
  id: string;
  version: number;
  submittedAt: Date | null;
  overall: number;
  rating: string;
  vendor: QueueVendor;
}

export interface QueueFindingRow {
  id: string;
  code: string;
  severity: Severity;
  message: string;
  subjectKind: string;
  subjectId: string | null;
  subjectLabel: string | null;
  vendor: QueueVendor;
}

export interface NoticeDeadlineRow {
  id: string;
  title: string | null;
  type: string;
  termEnd: string | null;
  noticeDeadline: string;
  vendor: QueueVendor;
}
