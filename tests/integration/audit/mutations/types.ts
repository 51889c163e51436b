// The table behind every-mutation-audited.test.ts: for each server action and
// route handler the test enumerates, how to call it with valid input and what
// the server must do. One file per feature in this folder (cases-*.ts), each
// exporting `cases`, so features add their rows without editing each other's.
import type { Role } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import type { PrismaClient } from "@/lib/server/db";
import type { Permission } from "@/lib/server/permissions";

export interface CaseContext {
  db: PrismaClient;
  /** One active user per role, with the password it signs in with. */
  actors: Record<Role, Actor & { password: string }>;
  /** ASSAY_DATA_DIR of this run (evidence, packs, keys). */
  dataDir: string;
  unique(prefix: string): string;
  /** A fresh vendor (created through the service by procurement). */
  freshVendor(): Promise<{ id: string; version: number; name: string }>;
  /** A seeded demo vendor that has evidence files, and its critical-tier sibling list. */
  vendorWithEvidence(): Promise<{ id: string; documentId: string }>;
}

/**
 * How to call the enumerated export: an action gets `input`; a route handler a
 * fresh Request per call, built for the caller (null: signed out) so a REST API
 * request can carry that caller's token instead of a session.
 */
export type Invocation = { input: unknown } | { request: (caller: Actor | null) => Request; params?: Record<string, string | string[]> };

export interface CaseVariant {
  /** Shown in the test name when an entry has several variants. */
  label?: string;
  /** The permission the server must check: every role without it is refused. Several = any of them (the role decides which applies). */
  permission: Permission | readonly Permission[];
  /**
   * mutation: changes something, must record `audit`.
   * download: a copy of data leaves the app, must record `audit`.
   * read: shows data; refused without the permission, no audit event needed.
   */
  kind: "mutation" | "download" | "read";
  /** The audit action the successful call must record (as the calling user). */
  audit?: string;
  /** Builds valid input; runs before each call (as admin/service code, never through the export under test). */
  arrange(ctx: CaseContext): Promise<Invocation>;
  /** After the successful call, e.g. wait for the background job it started. */
  settle?(ctx: CaseContext, result: unknown): Promise<void>;
  /** The role for the successful call; default: a non-admin role with the permission. */
  as?: Role;
}

/** An endpoint that is public by design (sign-in, the public key); `prove` shows what it records instead. */
export interface PublicCase {
  kind: "public";
  reason: string;
  prove(ctx: CaseContext, exported: (...args: never[]) => unknown): Promise<void>;
}

export type MutationCase = CaseVariant | { variants: CaseVariant[] } | PublicCase;

/**
 * Keys: "<file>#<export>" for a server action ("app/(app)/vendors/actions.ts#createVendorAction"),
 * "<METHOD> <file>" for a route handler ("POST app/api/vendors/[id]/evidence/route.ts").
 */
export type CaseTable = Record<string, MutationCase>;
