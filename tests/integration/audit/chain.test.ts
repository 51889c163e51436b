import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit";
import { verifyAuditChain } from "@/lib/server/audit-log/verify-chain";
import { forEachProvider } from "../helpers/test-database";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

async function cli(url: string, ...args: string[]) {
  try {
    const { stdout } = await run(tsx, ["lib/cli/main.ts", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

forEachProvider("audit hash chain", (t) => {
  const write = (n: number, tag: string) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.db.$transaction((tx) => recordAudit(tx, null, { action: "auth.sign_in_failed", entityType: "user", entityId: `${tag}-${i}`, after: { email: `${tag}-${i}@zürich.example`, ip: null, userAgent: "Zürich 東京", reason: "bad_credentials" } })),
      ),
    );

  beforeAll(() => write(10, "setup"));

  it("a freshly written log verifies, and the CLI says OK with the count and head hash", async () => {
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(true);
    const head = await t.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    const count = await t.db.auditEvent.count();
    const out = await cli(t.url, "verify-audit-log");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`OK: ${count} audit events, head ${head.lastHash}`);
  });

  it("two app instances writing at the same time leave one valid chain", async () => {
    const before = await t.db.auditEvent.count();
    await Promise.all([
      run(tsx, ["tests/integration/audit/write-events.ts", "A", "25"], { cwd: root, env: { ...process.env, DATABASE_URL: t.url } }),
      run(tsx, ["tests/integration/audit/write-events.ts", "B", "25"], { cwd: root, env: { ...process.env, DATABASE_URL: t.url } }),
      write(10, "in-process"),
    ]);
    expect(await t.db.auditEvent.count()).toBe(before + 60);
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: true, count: before + 60 });
    // Interleaved, not one instance after the other: the lock serialised them.
    const writers = (await t.db.auditEvent.findMany({ where: { action: "auth.sign_in_locked" }, orderBy: { id: "asc" } })).map((e) => (e.entityId ?? "").slice(0, 1));
    expect(new Set(writers)).toEqual(new Set(["A", "B"]));
  }, 120_000);

  it("editing, deleting or reordering a row directly in SQL is reported with the right event id", async () => {
    const q = (sql: string) => t.db.$executeRawUnsafe(sql);
    const ids = (await t.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
    const [a, b, c] = [ids[3]!, ids[5]!, ids[6]!];

    // 1. Edit a field.
    const original = await t.db.auditEvent.findUniqueOrThrow({ where: { id: a } });
    await q(`UPDATE "AuditEvent" SET "action" = 'test.tampered' WHERE "id" = ${a}`);
    let out = await cli(t.url, "verify-audit-log");
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`BROKEN at audit event ${a} (hash-mismatch)`);
    await q(`UPDATE "AuditEvent" SET "action" = '${original.action}' WHERE "id" = ${a}`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    // 2. Swap the contents of two rows (reordering).
    const rowB = await t.db.auditEvent.findUniqueOrThrow({ where: { id: b } });
    const rowC = await t.db.auditEvent.findUniqueOrThrow({ where: { id: c } });
    const set = (r: typeof rowB, id: number) =>
      q(`UPDATE "AuditEvent" SET "entityId" = '${r.entityId}', "hash" = '${r.hash}', "prevHash" = '${r.prevHash}' WHERE "id" = ${id}`);
    await set(rowC, b);
    await set(rowB, c);
    out = await cli(t.url, "verify-audit-log");
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(new RegExp(`BROKEN at audit event ${b} `));
    await set(rowB, b);
    await set(rowC, c);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    // 3. Delete a row: the next one no longer links.
    await q(`DELETE FROM "AuditEvent" WHERE "id" = ${a}`);
    const next = ids[ids.indexOf(a) + 1]!;
    out = await cli(t.url, "verify-audit-log");
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`BROKEN at audit event ${next} (prev-mismatch)`);
  }, 120_000);

  it("cutting events off the end is detected against the chain head", async () => {
    const last = await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${last.id}`);
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(false);
  });
});
