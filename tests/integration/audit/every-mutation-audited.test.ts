// Every server action and every route handler is enumerated from the source
// tree and proven to (a) refuse every role without its permission (and a
// signed-out caller), recording nothing, and (b) record an audit event, as
// the calling user, when it succeeds. New code cannot silently skip this: an
// action or handler that appears without a row in the table fails here with
// "add it to the table", and a row whose export disappeared fails too.
//
// How it works
// - Enumeration is from the files, not from a list: every .ts/.tsx under app/,
//   components/ and lib/ whose module starts with the "use server" directive
//   is a server-action module, and each of its exported functions an action;
//   every app/**/route.ts exports route handlers (GET, POST, PUT, PATCH,
//   DELETE...). The exports are read from the real module, not by regex. A
//   "use server" directive anywhere else (an inline action in a component)
//   fails the test: such actions cannot be enumerated, so they are not
//   allowed.
// - The table (./mutations/cases-*.ts, one file per feature) says, for each
//   enumerated export, which permission it needs, which audit action it must
//   write, and how to build valid input. GET handlers are in the table too,
//   classified as download (must be audited: evidence, PDFs, packs, exports),
//   read (permission only) or public (with proof of what it does record).
// - The seam: the test calls the REAL exported action or handler, with the
//   real services, a real database (SQLite and PostgreSQL) and real files.
//   Only two Next-runtime pieces are replaced, because they need Next's
//   request scope: requireActor()/currentActor() (next-auth's session cookie
//   via next/headers) return the actor of the role under test, and
//   revalidatePath()/revalidateTag() are no-ops. Authorization is not in
//   requireActor (it only identifies the user); it is in the services the
//   actions call, which is exactly what runs here. The session lookup itself
//   is covered end to end by the Playwright specs against `next start`.
// - For each row: every role lacking the permission gets FORBIDDEN (403 for a
//   route) and no audit event at all is written; a signed-out call gets
//   UNAUTHENTICATED (401); a role holding the permission succeeds and the
//   events written during the call include the expected action with that
//   user as actor.
import { promises as fs, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { ROLES, type Role } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import { can, type Permission } from "@/lib/server/permissions";
import { seedDemoData } from "@/lib/cli/seed";
import { createVendor } from "@/lib/server/services/vendors";
import { denialsWritten } from "@/lib/server/denials";
import { makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import type { CaseContext, CaseTable, CaseVariant, Invocation, MutationCase, PublicCase } from "./mutations/types";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));
vi.mock("@/lib/server/auth", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/auth")>();
  const { AppError } = await import("@/lib/server/errors");
  return {
    ...real,
    currentActor: async () => session.actor,
    requireActor: async () => {
      if (!session.actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      return session.actor;
    },
  };
});

const ROOT = path.resolve(__dirname, "../../..");
const SCAN_DIRS = ["app", "components", "lib"];
const SKIP_DIRS = new Set(["node_modules", "generated", ".next"]);
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!SKIP_DIRS.has(name)) out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx|js|jsx|mjs)$/.test(name) && !name.endsWith(".d.ts")) {
      out.push(full);
    }
  }
  return out;
}

interface Enumerated {
  actionModules: string[];
  routeModules: string[];
  inline: string[];
}

/** Server-action modules, route-handler modules, and files with a "use server" that is not a module directive. */
function enumerateFiles(): Enumerated {
  const files = SCAN_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
  const actionModules: string[] = [];
  const inline: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!/["']use server["']/.test(text)) continue;
    if (DIRECTIVE.test(text)) actionModules.push(rel(file));
    else inline.push(rel(file));
  }
  const routeModules = files.map(rel).filter((f) => f.startsWith("app/") && /\/route\.(ts|tsx|js|mjs)$/.test(f));
  return { actionModules: actionModules.sort(), routeModules: routeModules.sort(), inline };
}

async function loadTable(): Promise<CaseTable> {
  const dir = path.join(__dirname, "mutations");
  const table: CaseTable = {};
  for (const name of readdirSync(dir).filter((n) => /^cases-.*\.ts$/.test(n)).sort()) {
    const mod = (await import(/* @vite-ignore */ path.join(dir, name))) as { cases: CaseTable };
    for (const [key, value] of Object.entries(mod.cases)) {
      if (key in table) throw new Error(`${key} is in two case files`);
      table[key] = value;
    }
  }
  return table;
}

/** "<file>#<export>" for every exported function of every action module; "<METHOD> <file>" for handlers. */
async function enumerateEndpoints(found: Enumerated): Promise<Map<string, { file: string; name: string; route: boolean }>> {
  const endpoints = new Map<string, { file: string; name: string; route: boolean }>();
  for (const file of found.actionModules) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") endpoints.set(`${file}#${name}`, { file, name, route: false });
    }
  }
  for (const file of found.routeModules) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") endpoints.set(`${method} ${file}`, { file, name: method, route: true });
    }
  }
  return endpoints;
}

const found = enumerateFiles();
const table = await loadTable();
const endpoints = await enumerateEndpoints(found);

function variantsOf(c: MutationCase): CaseVariant[] {
  if ("variants" in c) return c.variants;
  if (c.kind === "public") return [];
  return [c];
}

interface Outcome {
  ok: boolean;
  code: string;
  result: unknown;
  /** What went wrong, for the failure message. */
  detail?: string;
}

async function call(endpoint: { file: string; name: string; route: boolean }, invocation: Invocation): Promise<Outcome> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, endpoint.file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const fn = mod[endpoint.name]!;
  if (!endpoint.route) {
    if (!("input" in invocation)) throw new Error(`${endpoint.file}#${endpoint.name} is a server action: arrange must return { input }`);
    try {
      const result = (await fn(invocation.input)) as { ok?: boolean; code?: string; error?: string; fieldErrors?: unknown };
      return { ok: result?.ok === true, code: result?.ok ? "OK" : String(result?.code), result, detail: JSON.stringify({ error: result?.error, fieldErrors: result?.fieldErrors }) };
    } catch (error) {
      return { ok: false, code: (error as { code?: string }).code ?? "THROWN", result: error };
    }
  }
  if (!("request" in invocation)) throw new Error(`${endpoint.name} ${endpoint.file} is a route handler: arrange must return { request }`);
  const response = (await fn(invocation.request(session.actor), { params: Promise.resolve(invocation.params ?? {}) })) as Response;
  // Drain the body: a streamed download does its work (and could fail) while it streams.
  const body = Buffer.from(await response.arrayBuffer());
  const code =
    response.status < 300 ? "OK" : response.status === 401 ? "UNAUTHENTICATED" : response.status === 403 ? "FORBIDDEN" : `HTTP ${response.status} ${body.toString("utf8").slice(0, 300)}`;
  return { ok: response.status < 300, code, result: response };
}

forEachProvider("every server action and route handler checks its permission and is audited", (t) => {
  let dataDir: string;
  let previousDataDir: string | undefined;
  const ctx = {} as CaseContext;
  let counter = 0;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "assay-mutations-"));
    previousDataDir = process.env.ASSAY_DATA_DIR;
    process.env.ASSAY_DATA_DIR = dataDir;
    expect(await seedDemoData()).toBe("seeded");
    const actors = {} as CaseContext["actors"];
    for (const role of ROLES) actors[role] = await makeActor(role);
    Object.assign(ctx, {
      db: t.db,
      actors,
      dataDir,
      unique: (prefix: string) => `${prefix}-${++counter}-${Date.now().toString(36)}`,
      freshVendor: async () => {
        const name = `Table Vendor ${++counter}`;
        const v = await createVendor({ actor: actors.procurement, input: { ...validVendor, name } });
        return { id: v.id, version: v.version, name };
      },
      vendorWithEvidence: async () => {
        const doc = await t.db.evidenceDocument.findFirstOrThrow({ where: { vendor: { isDemo: true } }, orderBy: { uploadedAt: "asc" } });
        return { id: doc.vendorId, documentId: doc.id };
      },
    } satisfies Omit<CaseContext, "actors"> & { actors: CaseContext["actors"] });
  }, 120_000);

  afterAll(async () => {
    session.actor = null;
    if (previousDataDir === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = previousDataDir;
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("the scan finds the app's actions and handlers (guards the enumeration itself)", () => {
    expect(found.actionModules).toContain("app/(app)/vendors/actions.ts");
    expect(found.routeModules).toContain("app/api/vendors/[id]/evidence/route.ts");
    expect(endpoints.has("app/(app)/vendors/actions.ts#createVendorAction")).toBe(true);
    expect(endpoints.has("POST app/api/vendors/[id]/evidence/route.ts")).toBe(true);
  });

  it("no inline \"use server\" outside a server-action module (those could not be enumerated)", () => {
    expect(found.inline, "move these actions into an actions.ts module with \"use server\" at the top").toEqual([]);
  });

  it("the table has no row for an action or handler that no longer exists", () => {
    const stale = Object.keys(table).filter((key) => !endpoints.has(key));
    expect(stale, "remove these rows from tests/integration/audit/mutations/").toEqual([]);
  });

  for (const [key, endpoint] of endpoints) {
    const entry = table[key];
    if (!entry) {
      it(`${key}: is covered by the table`, () => {
        throw new Error(
          `${key} is not in the table: add it to the table in tests/integration/audit/mutations/cases-<feature>.ts ` +
            "(its permission, the audit action it records, and how to call it with valid input)",
        );
      });
      continue;
    }

    if ("kind" in entry && entry.kind === "public") {
      const pub = entry as PublicCase;
      it(`${key}: public by design (${pub.reason})`, async () => {
        session.actor = null;
        const mod = (await import(/* @vite-ignore */ path.join(ROOT, endpoint.file))) as Record<string, (...args: never[]) => unknown>;
        await pub.prove(ctx, mod[endpoint.name]!);
      });
      continue;
    }

    for (const variant of variantsOf(entry)) {
      const label = variant.label ? `${key} [${variant.label}]` : key;
      const permissions: readonly Permission[] = typeof variant.permission === "string" ? [variant.permission] : variant.permission;
      const holds = (r: Role) => permissions.some((p) => can(r, p));
      const denied = ROLES.filter((r) => !holds(r));
      const allowedRole: Role = variant.as ?? ROLES.find((r) => r !== "admin" && holds(r)) ?? "admin";

      it(`${label}: refuses ${denied.length ? denied.join(", ") : `no role (everyone holds ${permissions.join("/")})`} and signed-out callers, recording nothing`, async () => {
        const invocation = await variant.arrange(ctx);
        for (const role of [...denied, null]) {
          session.actor = role ? ctx.actors[role] : null;
          const head = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
          const outcome = await call(endpoint, invocation);
          expect(outcome.code, `${role ?? "signed out"} calling ${label}`).toBe(role ? "FORBIDDEN" : "UNAUTHENTICATED");
          // The refusal itself is recorded (throttled, in its own transaction); nothing else is.
          await denialsWritten();
          const written = await t.db.auditEvent.findMany({ where: { id: { gt: head } }, select: { action: true, actorId: true } });
          const changes = written.filter((e) => !(role && e.action === "denied.permission" && e.actorId === ctx.actors[role].id));
          expect(changes.map((e) => e.action), `${role ?? "signed out"} calling ${label} must change nothing`).toEqual([]);
        }
      });

      it(`${label}: succeeds for ${allowedRole}${variant.audit ? ` and records "${variant.audit}"` : " (read-only, no event needed)"}`, async () => {
        if (variant.kind !== "read") expect(variant.audit, `${label}: a ${variant.kind} must name its audit action`).toBeTruthy();
        const invocation = await variant.arrange(ctx);
        const actor = ctx.actors[allowedRole];
        session.actor = actor;
        const head = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
        const outcome = await call(endpoint, invocation);
        expect(outcome.code, `${allowedRole} calling ${label}: ${outcome.detail ?? ""}`).toBe("OK");
        await variant.settle?.(ctx, outcome.result);
        if (variant.audit) {
          const written = await t.db.auditEvent.findMany({ where: { id: { gt: head }, actorId: actor.id }, select: { action: true } });
          expect(written.map((e) => e.action)).toContain(variant.audit);
        }
      }, 60_000);
    }
  }
});
